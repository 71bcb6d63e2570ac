//! The walkthrough as Markdown: a heading per stage, its captions with their
//! citation numbers, then the numbered sources.

use super::model::Story;

/// Renders the story as Markdown.
pub fn transcript(story: &Story) -> String {
    let mut out = format!("# {}\n", story.title);
    for (i, stage) in story.stages.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", i + 1, stage.title));
        for beat in &stage.beats {
            out.push_str(&format!(
                "- {} {}\n",
                beat.caption.trim(),
                story.citation_label(beat)
            ));
        }
    }
    // A level-1 heading, so that the `## ` headings are exactly the stages.
    out.push_str("\n# Sources\n\n");
    for (i, source) in story.sources.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, source.reference()));
    }
    out
}
