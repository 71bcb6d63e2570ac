//! Checks of a story's source list that serde cannot make: every source is
//! cited, and its address can be opened.

use std::collections::HashSet;

use super::model::Story;
use super::spans::Spans;
use super::validate::Diagnostic;

/// Checks every source is cited somewhere (a list of sources nobody cites
/// tells a reader nothing about what rests on them) and can be opened: its
/// address, when it has one, is a full `https://` address.
pub(super) fn check(story: &Story, spans: &Spans) -> Vec<Diagnostic> {
    let cited: HashSet<&str> = story
        .stages
        .iter()
        .flat_map(|stage| {
            let beats = stage.beats.iter().flat_map(|b| &b.cite);
            beats.chain(stage.days.iter().flat_map(|d| &d.cite))
        })
        .map(String::as_str)
        .collect();
    let mut out = Vec::new();
    for (i, source) in story.sources.iter().enumerate() {
        if !source.id.trim().is_empty() && !cited.contains(source.id.as_str()) {
            out.push(Diagnostic::at(
                spans.at(&format!("sources[{i}].id")),
                format!(
                    "source \"{}\" is cited by no caption or days: cite it or remove it",
                    source.id
                ),
            ));
        }
        if let Some(url) = &source.url
            && !url.starts_with("https://")
        {
            out.push(Diagnostic::at(
                spans.at(&format!("sources[{i}].url")),
                format!("the address \"{url}\" must be a full address starting with https://"),
            ));
        }
    }
    out
}
