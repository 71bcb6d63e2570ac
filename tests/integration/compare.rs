//! CAR T, TCR and TIL side by side: the comparison screen (V), its lanes and
//! their scenes, the table (G), the comparison file's validation, the
//! transcript, the handout, and stills at two sizes through the renderer.

use std::collections::HashMap;

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use car_t_sim::content::compare::{Comparison, SOURCE, parse_comparison};
use car_t_sim::content::text::{CAPTION_MIN_VH, LANES, caption_text};
use car_t_sim::playback::Timeline;
use car_t_sim::scenes::{SceneKinds, SceneSlots};
use car_t_sim::screens::compare::ActiveComparison;
use car_t_sim::screens::compare::{CompareView, LaneCaption, LaneCitation, LaneTitle, lane_frame};
use car_t_sim::screens::compare::{TablePanel, TableRow, spoken_row};
use car_t_sim::screens::screen::Screen;
use car_t_sim::story::{ActiveStory, BUILT_IN, Diagnostic, Story};
use car_t_sim::ui::{CalendarStrip, CaptionBar, ChooserPanel, SourcesPanel, StageSegment};
use car_t_sim::view::Overlay;

use crate::common::{
    assert_invariants, count_of, display_of, headless_screen, overlay, playhead, pos_of, press,
    temp_dir, texts,
};
use crate::render::{Still, run_ok};

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn comparison(app: &App) -> Comparison {
    app.world().resource::<ActiveComparison>().0.clone()
}

/// Each lane's caption text (without its numbers) and citation numbers.
fn lane_captions(app: &mut App) -> Vec<(usize, String, String)> {
    let mut q = app.world_mut().query::<(&LaneCaption, &Text, &Children)>();
    let rows: Vec<(usize, String, Entity)> = q
        .iter(app.world())
        .map(|(l, t, c)| (l.0, t.0.clone(), c[0]))
        .collect();
    let mut out: Vec<(usize, String, String)> = rows
        .into_iter()
        .map(|(l, t, span)| {
            let numbers = app.world().get::<TextSpan>(span).unwrap().0.clone();
            assert!(app.world().get::<LaneCitation>(span).is_some());
            (l, t, numbers)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn v_shows_the_three_lanes_playing_the_same_step_and_v_again_returns() {
    let mut app = headless_screen();
    // The walkthrough, part way into stage 3.
    press(&mut app, KeyCode::Digit3, false);
    app.update();
    for _ in 0..20 {
        app.update();
    }
    let before = playhead(&app);
    assert_eq!(before.stage, 2);
    press(&mut app, KeyCode::KeyV, false);
    app.update();
    assert_eq!(screen(&app), Screen::Compare);
    assert_invariants(&app);
    let c = comparison(&app);
    let p = playhead(&app);
    assert!(p.stage == 0 && p.playing && p.time < 0.3, "{p:?}");
    // The step bar shows the steps.
    assert_eq!(count_of::<StageSegment>(&mut app), c.steps.len());
    let names: Vec<String> = app
        .world_mut()
        .query_filtered::<&Name, With<StageSegment>>()
        .iter(app.world())
        .map(|n| n.to_string())
        .collect();
    assert!(
        names.contains(&format!(
            "Step 1 of {}: {}",
            c.steps.len(),
            c.steps[0].title
        )),
        "{names:?}"
    );
    // The lanes: names, captions with their numbers, and scenes without
    // labels, each lane its own scene kind.
    assert_eq!(count_of::<CompareView>(&mut app), 1);
    assert_eq!(count_of::<LaneTitle>(&mut app), LANES);
    let mut step = 0;
    loop {
        let captions = lane_captions(&mut app);
        assert_eq!(captions.len(), LANES);
        for (lane, text, numbers) in &captions {
            let l = &c.steps[step].lanes[*lane];
            let whole = caption_text(&l.caption, &c.citation_label(&l.cite));
            assert_eq!(format!("{text}{numbers}"), whole, "step {step} lane {lane}");
        }
        let slots = app.world().resource::<SceneSlots>().0.clone();
        let scenes: Vec<&str> = slots.iter().map(|s| s.stage.scene.as_str()).collect();
        let wanted: Vec<&str> = c.steps[step]
            .lanes
            .iter()
            .map(|l| l.scene.as_str())
            .collect();
        assert_eq!(scenes, wanted, "step {step}");
        assert!(slots.iter().all(|s| !s.labels && s.scale < 0.4));
        // All lanes play the same moment of the step.
        assert!(slots.iter().all(|s| s.time == playhead(&app).time));
        if step + 1 == c.steps.len() {
            break;
        }
        press(&mut app, KeyCode::ArrowRight, false);
        app.update();
        step += 1;
        assert_eq!(playhead(&app).stage, step);
    }
    // The walkthrough's caption bar and calendar make way.
    assert_eq!(display_of::<CaptionBar>(&mut app), Display::None);
    assert_eq!(display_of::<CalendarStrip>(&mut app), Display::None);
    // Seeking works as in the walkthrough.
    press(&mut app, KeyCode::Home, false);
    app.update();
    assert_eq!(playhead(&app).stage, 0);
    // V again: the walkthrough where it was left, its bars back.
    press(&mut app, KeyCode::KeyV, false);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Walkthrough);
    assert_eq!(count_of::<CompareView>(&mut app), 0);
    let after = playhead(&app);
    assert_eq!(after.stage, before.stage);
    assert!(after.time >= before.time, "{before:?} then {after:?}");
    assert_invariants(&app);
    assert_eq!(display_of::<CaptionBar>(&mut app), Display::Flex);
    assert_eq!(display_of::<CalendarStrip>(&mut app), Display::Flex);
    let story = app.world().resource::<ActiveStory>().story.clone();
    assert_eq!(count_of::<StageSegment>(&mut app), story.stages.len());
    assert_eq!(app.world().resource::<SceneSlots>().0.len(), 1);
    assert_eq!(
        app.world().resource::<Timeline>().durations,
        story.durations()
    );
}

#[test]
fn lane_captions_are_read_out_with_the_lane_name_and_sources() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyV, false);
    app.update();
    app.update();
    let c = comparison(&app);
    let mut q = app
        .world_mut()
        .query::<(&LaneCaption, &AccessibilityNode)>();
    let mut spoken: Vec<(usize, String, Option<accesskit::Live>)> = q
        .iter(app.world())
        .map(|(l, n)| (l.0, n.value().unwrap_or_default().to_string(), n.live()))
        .collect();
    spoken.sort_by_key(|s| s.0);
    let first = &c.steps[0].lanes[0];
    assert_eq!(
        spoken[0].1,
        format!("CAR T: {} Sources 1, 2.", first.caption.trim())
    );
    assert!(spoken.iter().all(|s| s.2 == Some(accesskit::Live::Polite)));
    // The next step: every lane's words change.
    press(&mut app, KeyCode::ArrowRight, false);
    app.update();
    app.update();
    let mut q = app
        .world_mut()
        .query::<(&LaneCaption, &AccessibilityNode)>();
    for (lane, node) in q.iter(app.world()) {
        let l = &c.steps[1].lanes[lane.0];
        let value = node.value().unwrap_or_default();
        assert!(
            value.starts_with(&format!("{}: {}", c.lanes[lane.0], l.caption.trim())),
            "{value}"
        );
    }
}

#[test]
fn the_table_reads_row_by_row_with_citation_numbers() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyG, false);
    app.update();
    assert_eq!(overlay(&app), Overlay::Table);
    assert_eq!(count_of::<TablePanel>(&mut app), 1);
    let c = comparison(&app);
    let mut q = app.world_mut().query::<(&TableRow, &AccessibilityNode)>();
    let mut rows: Vec<(usize, String, accesskit::Role)> = q
        .iter(app.world())
        .map(|(r, n)| (r.0, n.label().unwrap_or_default().to_string(), n.role()))
        .collect();
    rows.sort_by_key(|r| r.0);
    assert_eq!(rows.len(), c.table.len());
    for (r, label, role) in &rows {
        assert_eq!(*role, accesskit::Role::Row);
        assert_eq!(*label, spoken_row(&c, *r));
        assert!(label.starts_with(&c.table[*r].aspect));
        for (lane, cell) in c.lanes.iter().zip(&c.table[*r].cells) {
            assert!(label.contains(&format!("{lane}: {}", cell.text)), "{label}");
        }
    }
    assert!(
        rows[1].1.contains("CAR T: Yes: a CAR gene. Source 1."),
        "{}",
        rows[1].1
    );
    // Every cell shows its numbers on screen, kept on one line.
    let shown = texts(&mut app);
    for row in &c.table {
        for cell in &row.cells {
            let label = c.citation_label(&cell.cite);
            let text = format!("{} {}", cell.text, label.replace(' ', "\u{202f}"));
            assert!(shown.contains(&text), "{text} not shown");
        }
    }
    press(&mut app, KeyCode::Escape, false);
    app.update();
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(count_of::<TablePanel>(&mut app), 0);
}

#[test]
fn the_sources_panel_lists_what_the_screen_cites() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyV, false);
    app.update();
    press(&mut app, KeyCode::KeyS, false);
    app.update();
    assert_eq!(count_of::<SourcesPanel>(&mut app), 1);
    let c = comparison(&app);
    let shown = texts(&mut app);
    for (i, source) in c.numbered.iter().enumerate() {
        let line = format!("{}. {}", i + 1, source.reference());
        assert!(shown.contains(&line), "{line} not listed");
    }
    // Not the walkthrough's list.
    let story = app.world().resource::<ActiveStory>().story.clone();
    assert_ne!(c.numbered[1], story.sources[1]);
    let walkthrough_2 = format!("2. {}", story.sources[1].reference());
    assert!(!shown.contains(&walkthrough_2));
}

#[test]
fn the_chooser_offers_the_comparison_last_and_a_story_leaves_it() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyO, false);
    assert_eq!(count_of::<ChooserPanel>(&mut app), 1);
    press(&mut app, KeyCode::Digit4, false);
    app.update();
    assert_eq!(screen(&app), Screen::Compare);
    assert_eq!(overlay(&app), Overlay::None);
    assert_invariants(&app);
    // Choosing TIL from the comparison plays TIL from its start.
    press(&mut app, KeyCode::KeyO, false);
    press(&mut app, KeyCode::Digit3, false);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Walkthrough);
    let story = app.world().resource::<ActiveStory>().story.clone();
    assert_eq!(story.title, "TIL therapy, step by step");
    assert_eq!(playhead(&app).stage, 0);
    assert_invariants(&app);
}

#[test]
fn lanes_fit_side_by_side_in_every_window_shape() {
    for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0), (1024.0, 768.0)] {
        let frames: Vec<Rect> = (0..LANES).map(|i| lane_frame(w, h, i)).collect();
        for (i, f) in frames.iter().enumerate() {
            assert!(
                f.min.x >= 0.0 && f.max.x <= w && f.max.y < h * 0.6,
                "{w}x{h} lane {i}: {f:?}"
            );
            assert!((f.width() / f.height() - 2.5).abs() < 1e-3);
            if i > 0 {
                assert!(f.min.x > frames[i - 1].max.x, "{w}x{h}: lanes overlap");
            }
        }
    }
}

#[test]
fn lane_names_and_captions_are_at_least_look_md_caption_size() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyV, false);
    app.update();
    // The design rules: captions at least 4% of the window height; lane names too.
    let smallest = FontSize::Vh(CAPTION_MIN_VH);
    let vh = |size: FontSize| match size {
        FontSize::Vh(v) => v,
        other => panic!("lane text should scale with the window, not {other:?}"),
    };
    // Names are sized in percent of the height; captions too, shrinking
    // only in windows narrower than 16:9, where the lanes narrow.
    let mut titles = app
        .world_mut()
        .query_filtered::<&TextFont, With<LaneTitle>>();
    let mut sizes: Vec<f32> = titles.iter(app.world()).map(|f| vh(f.font_size)).collect();
    let mut captions = app
        .world_mut()
        .query_filtered::<&car_t_sim::ui::widgets::FitText, With<LaneCaption>>();
    sizes.extend(captions.iter(app.world()).map(|f| f.0));
    assert_eq!(sizes.len(), 2 * LANES);
    assert!(sizes.iter().all(|&s| s >= vh(smallest)), "{sizes:?}");
}

/// Parses a comparison against the built-in walkthroughs.
fn parse(src: &str) -> Result<Comparison, Vec<Diagnostic>> {
    let stories: Vec<Story> = BUILT_IN
        .iter()
        .map(|b| ActiveStory::built_in(b.name).unwrap().story)
        .collect();
    parse_comparison(src, &SceneKinds::default(), &stories)
}

fn broken(from: &str, to: &str, at: &str, words: &str) {
    assert!(SOURCE.contains(from), "{from:?}");
    let src = SOURCE.replacen(from, to, 1);
    let errors = parse(&src).expect_err("must be rejected");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].line, errors[0].col),
        pos_of(&src, at, 0),
        "{}",
        errors[0]
    );
    assert!(errors[0].message.contains(words), "{}", errors[0].message);
}

#[test]
fn a_broken_comparison_names_its_line_and_column() {
    assert!(parse(SOURCE).is_ok());
    broken(
        "scene: \"til-surgery\"",
        "scene: \"til-sugery\"",
        "scene: \"til-sugery\"",
        "unknown scene kind",
    );
    broken(
        "moment: \"removed\"",
        "moment: \"cut\"",
        "moment: \"cut\"",
        "unknown moment",
    );
    broken(
        "cite: [\"nci-cc-til\", \"iovance-til\"]),\n",
        "cite: [\"nci-cc-til\", \"nowhere\"]),\n",
        "\"nowhere\"",
        "unknown citation",
    );
    broken(
        "caption: \"From the blood: a machine collects white blood cells.\"",
        "caption: \"From the blood: a machine at the hospital collects the white blood cells, T cells among them, over several hours, while the rest of the blood goes back.\"",
        "caption: \"From the blood: a machine at",
        "caption too long",
    );
    broken(
        "    sources: [\n",
        "    sources: [\n        Source(id: \"article\", publisher: \"P\", title: \"T\"),\n",
        "id: \"article\"",
        "already a walkthrough's source",
    );
    broken(
        "Cell(text: \"Millions to hundreds of millions (Yescarta: at most 200 million)\", cite: [\"yescarta-pi\"]),\n",
        "",
        // (the removed cell leaves its indent behind)
        "cells: [\n                        Cell(text: \"2.68",
        "2 cells",
    );
    // A syntax error too.
    let src = SOURCE.replacen("duration: 20.0", "duration: twenty", 1);
    let errors = parse(&src).unwrap_err();
    let (line, col) = pos_of(&src, "twenty", 0);
    // RON's span may start at the space before the bad value.
    assert!(
        errors[0].line == line && (col - 1..=col).contains(&errors[0].col),
        "{}",
        errors[0]
    );
}

#[test]
fn walkthroughs_agree_on_every_source_they_share() {
    // The comparison cites the walkthroughs' sources by id, so a source in
    // two story files must say the same in both.
    let mut seen: HashMap<String, (String, car_t_sim::story::Source)> = HashMap::new();
    for b in BUILT_IN {
        for source in ActiveStory::built_in(b.name).unwrap().story.sources {
            if let Some((first, earlier)) = seen.get(&source.id) {
                assert_eq!(
                    earlier, &source,
                    "source {} differs between {first} and {}",
                    source.id, b.name
                );
            } else {
                seen.insert(source.id.clone(), (b.name.to_string(), source));
            }
        }
    }
}

#[test]
fn the_transcript_has_every_lane_caption_and_table_cell() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_car-t-sim"))
        .args(["transcript", "--compare"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let c = ActiveComparison::built_in().0;
    for step in &c.steps {
        for lane in &step.lanes {
            assert!(text.contains(&format!(
                "{} {}",
                lane.caption,
                c.citation_label(&lane.cite)
            )));
        }
    }
    for row in &c.table {
        for cell in &row.cells {
            assert!(text.contains(&format!("{} {}", cell.text, c.citation_label(&cell.cite))));
        }
    }
    assert!(text.contains(&format!(
        "{}. {}",
        c.numbered.len(),
        c.numbered.last().unwrap().reference()
    )));
}

#[test]
fn stills_of_the_comparison_show_three_scenes_and_captions_at_two_sizes() {
    let c = ActiveComparison::built_in().0;
    for (w, h) in [(1280u32, 720u32), (1920, 1080)] {
        let dir = temp_dir(&format!("compare-{w}"));
        let size = format!("{w}x{h}");
        run_ok(&[
            "stills",
            dir.to_str().unwrap(),
            "--compare",
            "--size",
            &size,
        ]);
        for (s, step) in c.steps.iter().enumerate() {
            let file = dir.join(format!("compare-{:02}-{}.png", s + 1, step.id));
            let still = Still::open(&file);
            assert_eq!((still.width, still.height), (w, h));
            for lane in 0..LANES {
                let f = lane_frame(w as f32, h as f32, lane);
                // Inside the frame: the scene, many colours.
                let mut colours = vec![];
                for y in (f.min.y as u32 + 6..f.max.y as u32 - 6).step_by(3) {
                    for x in (f.min.x as u32 + 6..f.max.x as u32 - 6).step_by(3) {
                        colours.push(still.rgb(x, y));
                    }
                }
                colours.sort();
                colours.dedup();
                assert!(
                    colours.len() > 12,
                    "{size} step {} lane {lane}: an empty scene ({} colours)",
                    s + 1,
                    colours.len()
                );
                // Under the frame: the caption's dark text.
                let mut dark = 0;
                let below = (f.max.y + h as f32 * 0.02) as u32;
                for y in below..below + (h as f32 * 0.12) as u32 {
                    for x in f.min.x as u32..f.max.x as u32 {
                        if still.rgb(x, y).iter().all(|&c| c < 90) {
                            dark += 1;
                        }
                    }
                }
                assert!(
                    dark > 300,
                    "{size} step {} lane {lane}: no caption ({dark})",
                    s + 1
                );
            }
        }
    }
}

#[test]
fn the_handout_prints_with_every_caption_and_the_table() {
    let dir = temp_dir("handout");
    run_ok(&["handout", dir.to_str().unwrap(), "--story", "tcr"]);
    let page = dir.join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // Nothing is fetched: no image, style or script from elsewhere (the
    // sources' addresses are printed as text, not fetched).
    for attribute in ["src=\"", "href=\""] {
        for rest in html.split(attribute).skip(1) {
            let value = rest.split('"').next().unwrap_or_default();
            assert!(!value.contains("//"), "{attribute}{value}");
        }
    }
    let story = ActiveStory::built_in("tcr").unwrap().story;
    for (i, stage) in story.stages.iter().enumerate() {
        let still = dir.join(car_t_sim::handout::still_file(i, &stage.id));
        assert_eq!(Still::open(&still).width, 1280, "{}", still.display());
    }
    // Print it as a reader would, with headless Chromium.
    let pdf = dir.join("handout.pdf");
    let printed = std::process::Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ])
        .env("HOME", temp_dir("chromium-home"))
        .output()
        .expect("Debian's chromium package");
    assert!(printed.status.success() && pdf.exists(), "{printed:?}");
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("poppler-utils");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!((4..=14).contains(&pages), "{pages} pages");
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("poppler-utils");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&String::from_utf8_lossy(&text.stdout));
    // pdftotext drops the hyphen of a word broken across lines.
    let unhyphen = |s: &str| s.replace('-', "");
    let mut missing = vec![];
    let flat = unhyphen(&text);
    for beat in story.stages.iter().flat_map(|s| &s.beats) {
        if !flat.contains(&unhyphen(&words(&beat.caption))) {
            missing.push(beat.caption.as_str());
        }
    }
    // A table's cells wrap, and PDF text interleaves the lines of cells side
    // by side: each cell's words must come in order after the table starts.
    let c = ActiveComparison::built_in().0;
    let table_at = text.find(&c.title).expect("the table's heading");
    let after = unhyphen(&text[table_at..]);
    let after: Vec<&str> = after.split_whitespace().collect();
    for cell in c.table.iter().flat_map(|r| &r.cells) {
        let mut rest = after.iter();
        let in_order = unhyphen(&cell.text)
            .split_whitespace()
            .all(|word| rest.any(|w| w == &word));
        if !in_order {
            missing.push(cell.text.as_str());
        }
    }
    assert!(missing.is_empty(), "not in the PDF: {missing:#?}");
    assert!(text.contains("The patient's calendar"));
    // The numbered sources: the story's, then those only the table cites,
    // each title in the PDF.
    let sources = car_t_sim::handout::sources(&story, &c);
    assert!(sources.len() > story.sources.len());
    for source in &sources {
        let title = unhyphen(&words(&source.title));
        assert!(flat.contains(&title), "source not listed: {}", source.title);
    }
}
