//! The comparison as data: steps that play one scene per therapy at once,
//! each lane with its caption, and the side-by-side table; read from
//! `assets/stories/compare.ron` and validated like a story, every problem
//! with its line and column.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::content::diagnostic::{Diagnostic, in_file_order, parse_ron};
use crate::content::sources::numbered_by_first_citation;
use crate::content::story::model::{Beat, Source, Stage, Story, citation_label};
use crate::content::story::spans::Spans;
use crate::content::story::validate::SceneCatalog;
use crate::content::text;

/// CAR T, TCR and TIL side by side.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The view's title.
    pub title: String,
    /// One line saying what the comparison shows, for the story chooser.
    #[serde(default)]
    pub summary: String,
    /// The lanes' names, left to right ("CAR T", "TCR therapy", "TIL therapy").
    pub lanes: Vec<String>,
    /// The steps, played in this order.
    pub steps: Vec<Step>,
    /// The side-by-side table, one row per aspect.
    pub table: Vec<Row>,
    /// Sources the walkthroughs do not have.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Every source cited, numbered from 1 in the order the file first cites
    /// them (filled in by [`parse_comparison`]).
    #[serde(skip)]
    pub numbered: Vec<Source>,
}

/// One step: the same question answered by each therapy's scene at once.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable identifier (file names of stills).
    pub id: String,
    /// The question the step answers, shown in the step bar.
    pub title: String,
    /// Length in seconds at 1x speed.
    pub duration: f32,
    /// One lane per therapy, in the order of [`Comparison::lanes`].
    pub lanes: Vec<Lane>,
}

/// What one therapy's lane shows during a step.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// The scene kind, played whole over the step.
    pub scene: String,
    /// A moment of the scene to have on screen 60% of the way through the step.
    #[serde(default)]
    pub moment: Option<String>,
    /// The lane's caption.
    pub caption: String,
    /// Ids of the sources the caption rests on.
    pub cite: Vec<String>,
}

/// One row of the table: an aspect, and a cell per therapy.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// What the row compares ("Is a gene added?").
    pub aspect: String,
    /// One cell per lane, in the order of [`Comparison::lanes`].
    pub cells: Vec<Cell>,
}

/// A cell of the table.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    /// What the therapy does here.
    pub text: String,
    /// Ids of the sources it rests on.
    pub cite: Vec<String>,
}

impl Comparison {
    /// Citation numbers of some source ids, ascending: `[1, 3]`.
    pub fn citation_label(&self, cite: &[String]) -> String {
        citation_label(&self.numbered, cite)
    }

    /// Duration of every step, in order.
    pub fn durations(&self) -> Vec<f32> {
        self.steps.iter().map(|s| s.duration).collect()
    }

    /// A lane of a step as a one-beat stage, so that it plays through the
    /// same scene clock as a walkthrough's stage (its moment pinned).
    pub fn lane_stage(&self, step: usize, lane: usize) -> Option<Stage> {
        let s = self.steps.get(step)?;
        let l = s.lanes.get(lane)?;
        Some(Stage {
            id: format!("{}-{}", s.id, lane + 1),
            title: s.title.clone(),
            scene: l.scene.clone(),
            duration: s.duration,
            beats: vec![Beat {
                at: 0.0,
                caption: l.caption.clone(),
                cite: l.cite.clone(),
                moment: l.moment.clone(),
            }],
            days: None,
        })
    }

    /// Every citation in the file's order: lanes step by step, then the table.
    fn cites(&self) -> impl Iterator<Item = &String> {
        let lanes = self
            .steps
            .iter()
            .flat_map(|s| &s.lanes)
            .flat_map(|l| &l.cite);
        let cells = self
            .table
            .iter()
            .flat_map(|r| &r.cells)
            .flat_map(|c| &c.cite);
        lanes.chain(cells)
    }
}

/// Reads and validates a comparison; `stories` are the walkthroughs whose
/// sources it may cite. Returns every problem, in file order.
pub fn parse_comparison(
    src: &str,
    scenes: &dyn SceneCatalog,
    stories: &[Story],
) -> Result<Comparison, Vec<Diagnostic>> {
    let mut comparison: Comparison = parse_ron(src).map_err(|d| vec![d])?;
    let mut known: HashMap<&str, &Source> = HashMap::new();
    for source in stories.iter().flat_map(|s| &s.sources) {
        known.entry(source.id.as_str()).or_insert(source);
    }
    let problems = validate(&comparison, &Spans::scan(src), scenes, &known);
    comparison = in_file_order(comparison, problems)?;
    // Its own sources first: they stand for a walkthrough's with the same id.
    let all: Vec<Source> = comparison
        .sources
        .iter()
        .chain(stories.iter().flat_map(|s| &s.sources))
        .cloned()
        .collect();
    comparison.numbered = numbered_by_first_citation(&all, comparison.cites());
    Ok(comparison)
}

fn validate(
    c: &Comparison,
    spans: &Spans,
    scenes: &dyn SceneCatalog,
    walkthroughs: &HashMap<&str, &Source>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut say = |path: &str, message: String| out.push(Diagnostic::at(spans.at(path), message));
    if c.title.trim().is_empty() {
        say("title", "the comparison has an empty title".into());
    }
    if c.lanes.len() != text::LANES {
        say(
            "lanes",
            format!(
                "the comparison has {} lanes; it needs {} (CAR T, TCR, TIL)",
                c.lanes.len(),
                text::LANES
            ),
        );
    }
    if c.steps.is_empty() {
        say("steps", "the comparison has no steps".into());
    }
    let mut ids: HashSet<&str> = walkthroughs.keys().copied().collect();
    for (i, source) in c.sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        if walkthroughs.contains_key(source.id.as_str()) {
            say(
                &format!("{path}.id"),
                format!(
                    "source \"{}\" is already a walkthrough's source: cite it without listing it",
                    source.id
                ),
            );
        } else if !ids.insert(source.id.as_str()) {
            say(
                &format!("{path}.id"),
                format!("duplicate source id \"{}\"", source.id),
            );
        }
        if source.title.trim().is_empty() || source.publisher.trim().is_empty() {
            say(&path, "a source needs a publisher and a title".into());
        }
    }
    let check_cites = |say: &mut dyn FnMut(&str, String), path: &str, cite: &[String]| {
        if cite.is_empty() {
            say(
                &format!("{path}.cite"),
                "it must cite at least one source".into(),
            );
        }
        for (k, id) in cite.iter().enumerate() {
            if !ids.contains(id.as_str()) {
                say(
                    &format!("{path}.cite[{k}]"),
                    format!("unknown citation id \"{id}\": no walkthrough or source here has it"),
                );
            }
        }
    };
    let mut step_ids = HashSet::new();
    for (s, step) in c.steps.iter().enumerate() {
        let path = format!("steps[{s}]");
        if step.id.trim().is_empty() || !step_ids.insert(step.id.as_str()) {
            say(
                &format!("{path}.id"),
                format!("step ids must be unique and not empty (\"{}\")", step.id),
            );
        }
        if step.title.trim().is_empty() {
            say(&format!("{path}.title"), "a step has an empty title".into());
        } else if !text::stage_label_fits(&text::stage_label(s, &step.title), c.steps.len()) {
            say(
                &format!("{path}.title"),
                format!(
                    "step title too long: \"{}\" does not fit its part of the step bar at 4:3",
                    step.title
                ),
            );
        }
        if !(step.duration.is_finite() && step.duration > 0.0) {
            say(
                &format!("{path}.duration"),
                format!("duration must be more than 0 s, not {}", step.duration),
            );
        }
        if step.lanes.len() != c.lanes.len() {
            say(
                &format!("{path}.lanes"),
                format!(
                    "the step has {} lanes, the comparison {}",
                    step.lanes.len(),
                    c.lanes.len()
                ),
            );
        }
        for (l, lane) in step.lanes.iter().enumerate() {
            let path = format!("{path}.lanes[{l}]");
            match scenes.moments(&lane.scene) {
                None => say(
                    &format!("{path}.scene"),
                    format!(
                        "unknown scene kind \"{}\" (known: {})",
                        lane.scene,
                        scenes.kind_names().join(", ")
                    ),
                ),
                Some(moments) => {
                    if let Some(name) = &lane.moment
                        && !moments.iter().any(|(m, _)| m == name)
                    {
                        let known: Vec<&str> = moments.iter().map(|(m, _)| *m).collect();
                        say(
                            &format!("{path}.moment"),
                            format!(
                                "unknown moment \"{name}\" of scene \"{}\" (its moments: {})",
                                lane.scene,
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
            if lane.caption.trim().is_empty() {
                say(&format!("{path}.caption"), "empty caption".into());
            } else {
                // The longest a label can be: one number per citation.
                let label = format!("[{}]", vec!["99"; lane.cite.len().max(1)].join(", "));
                let lines = text::lane_caption_lines(&text::caption_text(&lane.caption, &label));
                if lines > text::LANE_CAPTION_LINES {
                    say(
                        &format!("{path}.caption"),
                        format!(
                            "caption too long: it takes {lines} lines of its lane (at 4:3), at most {} fit",
                            text::LANE_CAPTION_LINES
                        ),
                    );
                }
            }
            check_cites(&mut say, &path, &lane.cite);
        }
    }
    if c.table.is_empty() {
        say("table", "the comparison has no table".into());
    }
    for (r, row) in c.table.iter().enumerate() {
        let path = format!("table[{r}]");
        if row.aspect.trim().is_empty() {
            say(&format!("{path}.aspect"), "a row has no aspect".into());
        }
        if row.cells.len() != c.lanes.len() {
            say(
                &format!("{path}.cells"),
                format!(
                    "the row has {} cells, the comparison {} lanes",
                    row.cells.len(),
                    c.lanes.len()
                ),
            );
        }
        for (k, cell) in row.cells.iter().enumerate() {
            let path = format!("{path}.cells[{k}]");
            if cell.text.trim().is_empty() {
                say(&format!("{path}.text"), "an empty cell".into());
            }
            check_cites(&mut say, &path, &cell.cite);
        }
    }
    out
}
