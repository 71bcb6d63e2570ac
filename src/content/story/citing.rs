//! Checks of a story's source list that serde cannot make: an address must
//! be one a reader can open. Whether every source is cited is asked of the
//! shipped stories by the tests ([`Story::uncited`]), not of every file: a
//! teacher who deletes a stage from a copy may keep its sources for later.

use super::model::Story;
use super::spans::Spans;
use crate::content::diagnostic::Diagnostic;

/// Every source address that is not a full `https://` address.
pub(super) fn check(story: &Story, spans: &Spans) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, source) in story.sources.iter().enumerate() {
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
