//! Numbering sources the way a reader meets them: in the order they are
//! first cited.

use super::story::model::Source;

/// The sources `cited` names, each once, in the order first cited; ids
/// `known` lacks are left out (validation reports them).
pub fn numbered_by_first_citation<'a>(
    known: &[Source],
    cited: impl IntoIterator<Item = &'a String>,
) -> Vec<Source> {
    let mut out: Vec<Source> = vec![];
    for id in cited {
        if !out.iter().any(|s| &s.id == id)
            && let Some(source) = known.iter().find(|s| &s.id == id)
        {
            out.push(source.clone());
        }
    }
    out
}
