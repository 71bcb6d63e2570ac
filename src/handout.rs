//! `car-t-sim handout DIR`: a printable page for a walkthrough. The app
//! renders one still per stage into DIR; this writes `DIR/index.html` beside
//! them: the patient's calendar, each stage with its still and every caption
//! with its citation numbers, the table of how CAR T, TCR and TIL differ,
//! and the numbered sources. Nothing is fetched from the network.
//!
//! The story's sources keep their numbers from the app; sources only the
//! table cites follow them.

use std::fmt::Write as _;

use crate::content::compare::Comparison;
use crate::content::story::calendar::{axis, tick_label, ticks};
use crate::story::{Day, Source, Story, citation_label as label};

/// The file name of stage `index`'s still in the handout's folder.
pub fn still_file(index: usize, stage_id: &str) -> String {
    format!("{:02}-{stage_id}.png", index + 1)
}

/// Which beat of a stage the handout shows: the middle one.
pub fn still_beat(beats: usize) -> usize {
    beats / 2
}

/// Every source of the handout, numbered from 1: the story's, then those
/// only the comparison table cites.
pub fn sources(story: &Story, comparison: &Comparison) -> Vec<Source> {
    let mut all = story.sources.clone();
    for source in &comparison.numbered {
        if !all.iter().any(|s| s.id == source.id) {
            all.push(source.clone());
        }
    }
    all
}

/// Sources the story and the comparison both have under one id but tell
/// differently (a story file of one's own may): the handout cannot number
/// them as one. Their ids.
pub fn clashes(story: &Story, comparison: &Comparison) -> Vec<String> {
    comparison
        .numbered
        .iter()
        .filter(|c| story.sources.iter().any(|s| s.id == c.id && s != *c))
        .map(|c| c.id.clone())
        .collect()
}

/// Text made safe for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The printed page's style: black on white, one stage per block that is
/// not split across pages.
const STYLE: &str = "\
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #1a1a1a; \
background: #fff; max-width: 46em; margin: 1.5em auto; line-height: 1.4; font-size: 12pt; }\n\
h1 { font-size: 20pt; margin-bottom: 0.2em; }\n\
h2 { font-size: 15pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }\n\
.summary { font-size: 13pt; margin-top: 0; }\n\
section.stage { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1em; }
section.stage h3 { margin: 0.3em 0; }
section.stage ol { margin: 0.3em 0; }\n\
section.stage img { display: block; width: 66%; margin: 0 auto; border: 1px solid #1a1a1a; }\n\
.days { font-style: italic; margin: 0.2em 0; }\n\
.cite { font-weight: bold; white-space: nowrap; }\n\
table { border-collapse: collapse; width: 100%; font-size: 10pt; break-inside: auto; }\n\
th, td { border: 1px solid #1a1a1a; padding: 0.3em 0.4em; vertical-align: top; text-align: left; }\n\
tr { break-inside: avoid; page-break-inside: avoid; }\n\
.calendar { width: 100%; }\n\
ol.sources { font-size: 10pt; }\n\
@page { size: A4; margin: 15mm; }\n";

/// The handout's HTML. `stills` says whether stage stills were rendered
/// beside it (named by [`still_file`]).
pub fn html(story: &Story, comparison: &Comparison, stills: bool) -> String {
    let all = sources(story, comparison);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"summary\">{summary}</p>\n",
        title = esc(&story.title),
        summary = esc(&story.summary),
    );
    if story.stages.iter().any(|s| s.days.is_some()) {
        out.push_str("<h2>The patient's calendar</h2>\n");
        out.push_str(
            "<p>Days count from the infusion, day 0. Filled bars: days the sources pin down; \
             outlined boxes: the range a source gives (open where it gives no end). \
             These are the patient's days, not the animation's seconds.</p>\n",
        );
        out.push_str(&calendar_svg(story));
        out.push_str("<ul class=\"days-list\">\n");
        for (i, stage) in story.stages.iter().enumerate() {
            if let Some(days) = &stage.days {
                let _ = writeln!(
                    out,
                    "<li><b>{}. {}:</b> {} <span class=\"cite\">{}</span></li>",
                    i + 1,
                    esc(&stage.title),
                    esc(&days.note),
                    label(&all, &days.cite)
                );
            }
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Step by step</h2>\n");
    for (i, stage) in story.stages.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"stage\">\n<h3>{}. {}</h3>",
            i + 1,
            esc(&stage.title)
        );
        if stills && !stage.beats.is_empty() {
            let beat = &stage.beats[still_beat(stage.beats.len())];
            let _ = writeln!(
                out,
                "<img src=\"{}\" alt=\"{}\">",
                still_file(i, &stage.id),
                esc(&beat.caption)
            );
        }
        if let Some(days) = &stage.days {
            let _ = writeln!(
                out,
                "<p class=\"days\">Patient's days: {}</p>",
                esc(&days.note)
            );
        }
        out.push_str("<ol>\n");
        for beat in &stage.beats {
            let _ = writeln!(
                out,
                "<li>{} <span class=\"cite\">{}</span></li>",
                esc(beat.caption.trim()),
                label(&all, &beat.cite)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", esc(&comparison.title));
    out.push_str("<table class=\"compare\">\n<thead><tr><th></th>");
    for lane in &comparison.lanes {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(lane));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &comparison.table {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", esc(&row.aspect));
        for cell in &row.cells {
            let _ = write!(
                out,
                "<td>{} <span class=\"cite\">{}</span></td>",
                esc(&cell.text),
                label(&all, &cell.cite)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for source in &all {
        let _ = writeln!(out, "<li>{}</li>", esc(&source.reference()));
    }
    out.push_str("</ol>\n</body>\n</html>\n");
    out
}

/// The calendar as an SVG chart: a row per stage with days, on the strip's
/// axis and day labels.
fn calendar_svg(story: &Story) -> String {
    let (low, high) = axis(story);
    let (name_w, chart_w, row_h, top) = (190.0, 500.0, 24.0, 24.0);
    let x = |day: i32| name_w + (day - low) as f32 / (high - low).max(1) as f32 * chart_w;
    let rows: Vec<_> = story
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.days.as_ref().map(|d| (i, s, d)))
        .collect();
    let height = top + rows.len() as f32 * row_h + 6.0;
    let mut svg = format!(
        "<svg class=\"calendar\" viewBox=\"0 0 {w} {height}\" role=\"img\" \
         aria-label=\"The patient's calendar\" xmlns=\"http://www.w3.org/2000/svg\" \
         font-family=\"sans-serif\" font-size=\"12\">\n",
        w = name_w + chart_w + 10.0
    );
    for day in ticks((low, high)) {
        let _ = writeln!(
            svg,
            "<line x1=\"{x}\" y1=\"{t}\" x2=\"{x}\" y2=\"{height}\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>\
             <text x=\"{x}\" y=\"14\" text-anchor=\"middle\">{}</text>",
            esc(&tick_label(day)),
            x = x(day),
            t = top - 6.0,
        );
    }
    for (row, (i, stage, days)) in rows.iter().enumerate() {
        let y = top + row as f32 * row_h;
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\">{}. {}</text>",
            y + 16.0,
            i + 1,
            esc(&stage.title)
        );
        let start = days.from.earliest().unwrap_or(low);
        let end = days.to.latest().unwrap_or(high - 1);
        let open = |day: Day| matches!(day, Day::Before(_) | Day::After(_));
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#0072B2\" \
             stroke-width=\"2\"{}/>",
            x(start),
            y + 3.0,
            (x(end + 1) - x(start)).max(2.0),
            row_h - 6.0,
            if open(days.from) || open(days.to) {
                " stroke-dasharray=\"6 3\""
            } else {
                ""
            }
        );
        if let Some((a, b)) = days.sure() {
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#0072B2\"/>",
                x(a),
                y + 7.0,
                (x(b + 1) - x(a)).max(2.0),
                row_h - 14.0
            );
        }
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{x0}\" y1=\"{t}\" x2=\"{x0}\" y2=\"{height}\" stroke=\"#D55E00\" stroke-width=\"3\"/>\n</svg>",
        x0 = x(0),
        t = top - 6.0
    );
    svg
}
