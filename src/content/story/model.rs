//! The story as data: the serde types a story file (RON) is read into.

use serde::{Deserialize, Serialize};

/// A whole walkthrough: its stages in order and the sources its captions cite.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Shown as the window title and the transcript's heading.
    pub title: String,
    /// One line saying what the walkthrough shows, for the story chooser.
    #[serde(default)]
    pub summary: String,
    /// The stages, played in this order.
    pub stages: Vec<Stage>,
    /// Every source of the story, numbered from 1 in this order.
    pub sources: Vec<Source>,
}

/// One stage of the walkthrough: a scene with timed captions.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Stable identifier, used to keep the place across reloads and in file names.
    pub id: String,
    /// The name shown in the stage bar and the transcript.
    pub title: String,
    /// Which scene kind draws this stage (the app's scene catalog lists them).
    pub scene: String,
    /// Length of the stage in seconds at 1x speed.
    pub duration: f32,
    /// Captions, each shown from its time until the next beat.
    pub beats: Vec<Beat>,
    /// When this stage happens in the patient's own days (day 0 is the
    /// infusion), for the calendar strip: a different clock from the
    /// scene's seconds. None for stages that are not a step in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Days>,
}

/// A stage's place in the patient's calendar.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Days {
    /// The first day.
    pub from: Day,
    /// The last day.
    pub to: Day,
    /// What the span is, in a few words ("2 to 8 weeks in the lab").
    pub note: String,
    /// Ids of the sources the days rest on.
    pub cite: Vec<String>,
    /// Which step of the treatment the span is, where its order matters:
    /// validation checks that the cells are made and frozen before the
    /// chemotherapy that makes room for them starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<TreatmentStep>,
}

/// The steps of a cell therapy whose days must come in a fixed order: the
/// cells are made, then frozen, and confirmed ready before the chemotherapy
/// that makes room for them starts; the infusion comes after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum TreatmentStep {
    /// The lab makes (changes and grows) the cells.
    Making,
    /// The cells are frozen; storage may last until the thaw on day 0.
    Freezing,
    /// Chemotherapy starts on the span's first day; the infusion is on its
    /// last day.
    ChemoThenInfusion,
}

/// A day of the patient's calendar, relative to the infusion (day 0). A
/// source may give only a range, so a day may be one.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub enum Day {
    /// This day.
    At(i32),
    /// Some day from the first to the second.
    Between(i32, i32),
    /// This day or earlier: how much earlier no source says.
    Before(i32),
    /// This day or later: how much later no source says.
    After(i32),
}

impl Day {
    /// The earliest it can be; None when no source bounds it.
    pub fn earliest(self) -> Option<i32> {
        match self {
            Day::At(d) | Day::After(d) => Some(d),
            Day::Between(a, _) => Some(a),
            Day::Before(_) => None,
        }
    }

    /// The latest it can be; None when no source bounds it.
    pub fn latest(self) -> Option<i32> {
        match self {
            Day::At(d) | Day::Before(d) => Some(d),
            Day::Between(_, b) => Some(b),
            Day::After(_) => None,
        }
    }
}

impl Days {
    /// The days the span surely covers (from the latest start to the
    /// earliest end), if any; the rest of its range is uncertain.
    pub fn sure(&self) -> Option<(i32, i32)> {
        let start = self.from.latest()?;
        let end = self.to.earliest()?;
        (start <= end).then_some((start, end))
    }
}

/// A caption that starts at a moment of its stage.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Beat {
    /// Stage-local time in seconds at which the caption appears.
    pub at: f32,
    /// The caption, in plain words.
    pub caption: String,
    /// Ids of the sources this caption rests on.
    pub cite: Vec<String>,
    /// A moment of the stage's scene that must be on screen while this
    /// caption shows: the scene's clock is warped so that it is, at the
    /// beat's key time, whatever the beat's time and the stage's length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moment: Option<String>,
}

/// A source as its publisher names it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier that captions cite.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Its title.
    pub title: String,
    /// Where it can be read, when verified.
    #[serde(default)]
    pub url: Option<String>,
    /// Its DOI, when it has one.
    #[serde(default)]
    pub doi: Option<String>,
    /// Year of publication, when verified.
    #[serde(default)]
    pub year: Option<u16>,
    /// Extra bibliographic detail (journal, volume, pages).
    #[serde(default)]
    pub detail: Option<String>,
}

impl Story {
    /// The 1-based number of a source, as shown in captions and the sources panel.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id).map(|i| i + 1)
    }

    /// Citation numbers of a beat, in ascending order, as shown after its caption: `[1, 3]`.
    /// Unknown ids (which validation rejects) are left out.
    pub fn citation_label(&self, beat: &Beat) -> String {
        citation_label(&self.sources, &beat.cite)
    }

    /// Index of the stage with this id.
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The sources that no caption and no calendar note cite.
    pub fn uncited(&self) -> Vec<&Source> {
        let cites = |id: &str| {
            self.stages.iter().any(|stage| {
                let beats = stage.beats.iter().flat_map(|b| &b.cite);
                let mut all = beats.chain(stage.days.iter().flat_map(|d| &d.cite));
                all.any(|c| c == id)
            })
        };
        self.sources.iter().filter(|s| !cites(&s.id)).collect()
    }

    /// Duration of every stage, in order.
    pub fn durations(&self) -> Vec<f32> {
        self.stages.iter().map(|s| s.duration).collect()
    }
}

impl Stage {
    /// Index of the beat whose caption shows at stage-local time `t`: the last
    /// beat that has started. `None` before the first beat.
    pub fn beat_index_at(&self, t: f32) -> Option<usize> {
        self.beats.iter().rposition(|b| b.at <= t)
    }

    /// When beat `index` ends: the next beat's start, or the end of the stage.
    pub fn beat_end(&self, index: usize) -> f32 {
        self.beats
            .get(index + 1)
            .map_or(self.duration, |next| next.at)
    }

    /// The key time of a beat: 60% of the way through it. A beat pinned to a
    /// scene moment shows that moment here; stills are taken here, and
    /// reduced motion shows only the poses of these times.
    pub fn key_time(&self, index: usize) -> f32 {
        let start = self.beats.get(index).map_or(0.0, |b| b.at);
        start + 0.6 * (self.beat_end(index) - start)
    }
}

/// The numbers (1-based positions in `sources`) of the ids in `cite`,
/// ascending and each once, as shown after a caption: `[1, 3]`. Unknown ids
/// are left out.
pub fn citation_label(sources: &[Source], cite: &[String]) -> String {
    let mut numbers: Vec<usize> = cite
        .iter()
        .filter_map(|id| sources.iter().position(|s| &s.id == id))
        .map(|i| i + 1)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let numbers: Vec<String> = numbers.iter().map(|n| n.to_string()).collect();
    format!("[{}]", numbers.join(", "))
}

impl Source {
    /// One line for the sources panel and the transcript, without its number.
    pub fn reference(&self) -> String {
        let end = |s: &str| if s.ends_with('.') { "" } else { "." };
        let mut text = format!(
            "{}{} {}{}",
            self.publisher,
            end(&self.publisher),
            self.title,
            end(&self.title)
        );
        if let Some(detail) = &self.detail {
            text.push_str(&format!(" {detail}{}", end(detail)));
        }
        if let Some(year) = self.year {
            // The detail of a journal article usually starts with its year.
            let said = self
                .detail
                .as_ref()
                .is_some_and(|d| d.contains(&year.to_string()));
            if !said {
                text.push_str(&format!(" {year}."));
            }
        }
        if let Some(doi) = &self.doi {
            text.push_str(&format!(" doi:{doi}"));
        }
        if let Some(url) = &self.url {
            text.push_str(&format!(" {url}"));
        }
        text
    }
}
