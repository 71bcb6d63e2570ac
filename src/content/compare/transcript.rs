//! The comparison as Markdown: a heading per step with each lane's caption,
//! the table of how the therapies differ, then the numbered sources.

use super::model::Comparison;

/// Renders the comparison as Markdown.
pub fn transcript(c: &Comparison) -> String {
    let mut out = format!("# {}\n", c.title);
    for (i, step) in c.steps.iter().enumerate() {
        out.push_str(&format!("\n## {}. {}\n\n", i + 1, step.title));
        for (name, lane) in c.lanes.iter().zip(&step.lanes) {
            out.push_str(&format!(
                "- **{name}**: {} {}\n",
                lane.caption.trim(),
                c.citation_label(&lane.cite)
            ));
        }
    }
    out.push_str("\n# How they differ\n\n|  |");
    for name in &c.lanes {
        out.push_str(&format!(" {name} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(c.lanes.len()));
    out.push('\n');
    for row in &c.table {
        out.push_str(&format!("| **{}** |", cell_text(&row.aspect)));
        for cell in &row.cells {
            out.push_str(&format!(
                " {} {} |",
                cell_text(&cell.text),
                c.citation_label(&cell.cite)
            ));
        }
        out.push('\n');
    }
    out.push_str("\n# Sources\n\n");
    for (i, source) in c.numbered.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, source.reference()));
    }
    out
}

/// Text safe inside a Markdown table cell.
fn cell_text(text: &str) -> String {
    text.trim().replace('|', "\\|")
}
