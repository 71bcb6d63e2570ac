//! Parsing and validation of story files: every problem, each with the line
//! and column where it is, so that a teacher editing a file by hand can fix
//! them all in one go.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::model::Story;
use super::spans::Spans;
use crate::content::diagnostic::{Diagnostic, in_file_order, parse_ron};
use crate::content::text;

/// What validation needs to know of the scene kinds: their names, and each
/// kind's named moments with their times, in the scene's order.
pub trait SceneCatalog {
    /// The names of every kind, in a stable order.
    fn kind_names(&self) -> Vec<&str>;
    /// A kind's moments (name, nominal seconds), or None if there is no such kind.
    fn moments(&self, kind: &str) -> Option<Vec<(&str, f32)>>;
}

/// Reads and validates a story against the scene kinds of `scenes`.
/// Returns every problem found, in file order. A beat's `moment` may be
/// written bare (`moment: "docked"`) or as `Some("docked")`.
pub fn parse_story(src: &str, scenes: &dyn SceneCatalog) -> Result<Story, Vec<Diagnostic>> {
    let story: Story = parse_ron(src).map_err(|d| vec![d])?;
    let spans = Spans::scan(src);
    let mut problems = validate(&story, &spans, scenes);
    problems.extend(super::citing::check(&story, &spans));
    problems.extend(super::order::check(&story, &spans));
    in_file_order(story, problems)
}

/// Records that item `index` has `id`; returns the index of the first item
/// that had it, if any.
fn first_with<'a>(seen: &mut HashMap<&'a str, usize>, id: &'a str, index: usize) -> Option<usize> {
    match seen.entry(id) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(index);
            None
        }
    }
}

/// Checks the rules serde cannot: ids, citations, times, scene kinds and
/// their moments, caption length.
fn validate(story: &Story, spans: &Spans, scenes: &dyn SceneCatalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut say = |path: &str, message: String| out.push(Diagnostic::at(spans.at(path), message));

    if story.title.trim().is_empty() {
        say("title", "the story has an empty title".into());
    }
    if story.stages.is_empty() {
        say("stages", "the story has no stages".into());
    }

    let mut source_ids: HashMap<&str, usize> = HashMap::new();
    for (i, source) in story.sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        if let Some(first) = first_with(&mut source_ids, &source.id, i) {
            say(
                &format!("{path}.id"),
                format!(
                    "duplicate source id \"{}\" (also source {})",
                    source.id,
                    first + 1
                ),
            );
        }
        if source.id.trim().is_empty() {
            say(&format!("{path}.id"), "a source has an empty id".into());
        }
        if source.title.trim().is_empty() || source.publisher.trim().is_empty() {
            say(&path, "a source needs a publisher and a title".into());
        }
    }

    let mut stage_ids: HashMap<&str, usize> = HashMap::new();
    for (s, stage) in story.stages.iter().enumerate() {
        let path = format!("stages[{s}]");
        if stage.id.trim().is_empty() {
            say(&format!("{path}.id"), "a stage has an empty id".into());
        } else if let Some(first) = first_with(&mut stage_ids, &stage.id, s) {
            say(
                &format!("{path}.id"),
                format!(
                    "duplicate stage id \"{}\" (also stage {})",
                    stage.id,
                    first + 1
                ),
            );
        }
        if stage.title.trim().is_empty() {
            say(
                &format!("{path}.title"),
                "a stage has an empty title".into(),
            );
        } else if !text::stage_label_fits(&text::stage_label(s, &stage.title), story.stages.len()) {
            say(
                &format!("{path}.title"),
                format!(
                    "stage title too long: \"{}\" does not fit its part of the stage bar when \
                     the story has {} stages (in the narrowest window, 4:3); shorten it",
                    stage.title,
                    story.stages.len()
                ),
            );
        }
        let moments = scenes.moments(&stage.scene);
        if moments.is_none() {
            say(
                &format!("{path}.scene"),
                format!(
                    "unknown scene kind \"{}\" (known: {})",
                    stage.scene,
                    scenes.kind_names().join(", ")
                ),
            );
        }
        // The last pinned moment so far: (name, scene time).
        let mut pinned: Option<(&str, f32)> = None;
        if let Some(days) = &stage.days {
            let here = format!("{path}.days");
            for (field, day) in [("from", days.from), ("to", days.to)] {
                if let super::model::Day::Between(a, b) = day
                    && a > b
                {
                    say(
                        &format!("{here}.{field}"),
                        format!("Between({a}, {b}): the first day must not come after the second"),
                    );
                }
            }
            if let (Some(start), Some(end)) = (days.from.earliest(), days.to.latest())
                && start > end
            {
                say(
                    &format!("{here}.to"),
                    format!(
                        "the span ends (day {end} at the latest) before it starts (day {start})"
                    ),
                );
            }
            if days.note.trim().is_empty() {
                say(
                    &format!("{here}.note"),
                    "the days need a note saying what they are".into(),
                );
            } else if !text::calendar_note_fits(&days.note) {
                say(
                    &format!("{here}.note"),
                    format!(
                        "the note is too long: beside the calendar it must fit {} lines in a 4:3 window",
                        text::CALENDAR_NOTE_LINES
                    ),
                );
            }
            if days.cite.is_empty() {
                say(
                    &format!("{here}.cite"),
                    "the days must cite at least one source".into(),
                );
            }
            for (c, id) in days.cite.iter().enumerate() {
                if !source_ids.contains_key(id.as_str()) {
                    say(
                        &format!("{here}.cite[{c}]"),
                        format!("unknown citation id \"{id}\": no source has it"),
                    );
                }
            }
        }
        let duration_ok = stage.duration.is_finite() && stage.duration > 0.0;
        if !duration_ok {
            say(
                &format!("{path}.duration"),
                format!(
                    "stage duration must be a positive number of seconds, not {}",
                    stage.duration
                ),
            );
        }
        if stage.beats.is_empty() {
            say(
                &format!("{path}.beats"),
                "a stage has no beats (captions)".into(),
            );
        }
        let mut previous: Option<f32> = None;
        for (b, beat) in stage.beats.iter().enumerate() {
            let beat_path = format!("{path}.beats[{b}]");
            let inside =
                beat.at.is_finite() && beat.at >= 0.0 && (!duration_ok || beat.at < stage.duration);
            if !inside {
                say(
                    &format!("{beat_path}.at"),
                    format!(
                        "beat at {} s is outside its stage (0 to {} s)",
                        beat.at, stage.duration
                    ),
                );
            } else if b == 0 && beat.at != 0.0 {
                say(
                    &format!("{beat_path}.at"),
                    format!(
                        "the first beat must start at 0 s so a caption always shows, not at {} s",
                        beat.at
                    ),
                );
            } else if previous.is_some_and(|p| beat.at <= p) {
                say(
                    &format!("{beat_path}.at"),
                    format!(
                        "beat at {} s does not come after the beat before it",
                        beat.at
                    ),
                );
            }
            previous = Some(beat.at);

            if let (Some(name), Some(moments)) = (&beat.moment, &moments) {
                let here = format!("{beat_path}.moment");
                match moments.iter().find(|(m, _)| m == name) {
                    None => {
                        let known: Vec<&str> = moments.iter().map(|(m, _)| *m).collect();
                        say(
                            &here,
                            format!(
                                "unknown moment \"{name}\" of scene \"{}\" (its moments: {})",
                                stage.scene,
                                known.join(", ")
                            ),
                        );
                    }
                    Some(&(_, at)) => {
                        if let Some((before, before_at)) = pinned
                            && at < before_at
                        {
                            say(
                                &here,
                                format!(
                                    "moment \"{name}\" comes before \"{before}\" in the scene, \
                                     but its beat comes after: pinned moments must follow the scene's order"
                                ),
                            );
                        }
                        pinned = Some((name.as_str(), at));
                    }
                }
            }
            if beat.caption.trim().is_empty() {
                say(&format!("{beat_path}.caption"), "empty caption".into());
            } else {
                let shown = text::caption_text(&beat.caption, &story.citation_label(beat));
                let lines = text::caption_lines(&shown);
                if lines > text::CAPTION_MAX_LINES {
                    say(
                        &format!("{beat_path}.caption"),
                        format!(
                            "caption too long: it takes {lines} lines (in a 1280x720 window, and in the narrowest, 4:3), at most {} fit",
                            text::CAPTION_MAX_LINES
                        ),
                    );
                }
            }
            if beat.cite.is_empty() {
                say(
                    &format!("{beat_path}.cite"),
                    "every caption must cite at least one source".into(),
                );
            }
            for (c, id) in beat.cite.iter().enumerate() {
                if !source_ids.contains_key(id.as_str()) {
                    say(
                        &format!("{beat_path}.cite[{c}]"),
                        format!("unknown citation id \"{id}\": no source has it"),
                    );
                }
            }
        }
    }
    out
}
