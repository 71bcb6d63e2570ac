//! The command line as a user meets it: `check`, `transcript`, bad options.
//! These run with no display, as they must work on a machine without one.

use std::process::{Command, Output};

use crate::common::temp_dir;

/// Runs the binary with no display and a config folder of its own.
pub(crate) fn car_t_sim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_car-t-sim"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // Its own config folder: never the user's settings.
        .env("XDG_CONFIG_HOME", temp_dir("cli-config"))
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/stories/car-t.ron");

#[test]
fn check_accepts_the_shipped_story() {
    let out = car_t_sim(&["check", SHIPPED]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("car-t.ron: ok"));
}

#[test]
fn check_reports_every_problem_with_file_line_and_column() {
    let dir = temp_dir("check");
    let bad = dir.join("bad.ron");
    let src = std::fs::read_to_string(SHIPPED)
        .unwrap()
        .replacen("scene: \"freezing\"", "scene: \"freezer\"", 1)
        .replacen("duration: 40.0", "duration: 0.0", 1);
    std::fs::write(&bad, &src).unwrap();
    let out = car_t_sim(&["check", SHIPPED, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() >= 2, "{err}");
    let scene_line = src[..src.find("scene: \"freezer\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let expected = format!(
        "{}:{scene_line}:13: unknown scene kind \"freezer\"",
        bad.display()
    );
    assert!(lines.iter().any(|l| l.starts_with(&expected)), "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("positive number of seconds")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // The good file is still reported as good.
    assert!(text(&out.stdout).contains("car-t.ron: ok"));
}

#[test]
fn check_reports_a_missing_file() {
    let out = car_t_sim(&["check", "/no/such/story.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/no/such/story.ron: cannot read"));
}

#[test]
fn transcript_prints_markdown_without_a_display() {
    let out = car_t_sim(&["transcript"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.starts_with("# CAR T-cell therapy, step by step\n"));
    assert_eq!(md.lines().filter(|l| l.starts_with("## ")).count(), 8);
    assert!(md.contains("\n1. WebMD. Immune Cell Gene Therapy."));
    // The other stories by name.
    for (name, title) in [
        ("tcr", "# TCR therapy, step by step"),
        ("til", "# TIL therapy, step by step"),
    ] {
        let out = car_t_sim(&["transcript", "--story", name]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(title), "{name}");
    }
}

#[test]
fn check_takes_built_in_names_and_an_unknown_name_is_refused() {
    let out = car_t_sim(&["check", "car-t", "tcr", "til"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for file in ["car-t.ron: ok", "tcr.ron: ok", "til.ron: ok"] {
        assert!(text(&out.stdout).contains(file), "{}", text(&out.stdout));
    }
    let out = car_t_sim(&["check", "cart"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("not a built-in story (car-t, tcr, til)"),
        "{err}"
    );
}

#[test]
fn check_reads_a_file_with_a_byte_order_mark_and_names_a_latin_1_byte() {
    let dir = temp_dir("encodings");
    let bom = dir.join("bom.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(car_t_sim::story::DEFAULT_STORY.as_bytes());
    std::fs::write(&bom, bytes).unwrap();
    let out = car_t_sim(&["check", bom.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let latin = dir.join("latin.ron");
    let src = car_t_sim::story::DEFAULT_STORY;
    let at = src.find('\u{b0}').expect("a degree sign in the story");
    let mut bytes = src.as_bytes()[..at].to_vec();
    bytes.push(0xB0);
    bytes.extend_from_slice(&src.as_bytes()[at + '\u{b0}'.len_utf8()..]);
    std::fs::write(&latin, bytes).unwrap();
    let out = car_t_sim(&["check", latin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("latin.ron:{line}:{col}: byte 0xB0 is not UTF-8")),
        "{err}"
    );
    assert!(err.contains("save the file as UTF-8"), "{err}");
}

#[test]
fn scenes_lists_every_kind_with_its_moments() {
    let out = car_t_sim(&["scenes"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = text(&out.stdout);
    for kind in car_t_sim::scenes::SceneKinds::default().iter() {
        let moments: Vec<&str> = kind.moments.iter().map(|m| m.name).collect();
        let line = format!("{}: {}", kind.name, moments.join(", "));
        assert!(listed.lines().any(|l| l == line), "{line} in:\n{listed}");
    }
}

#[test]
fn unknown_options_print_usage_and_exit_2() {
    let out = car_t_sim(&["--frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Usage: car-t-sim"));
}

#[test]
fn help_lists_the_tools_and_options() {
    let out = car_t_sim(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for word in [
        "check",
        "transcript",
        "stills",
        "--story",
        "--stage",
        "--theme",
        "--reduced-motion",
        "--kiosk",
        "settings.ron",
    ] {
        assert!(help.contains(word), "help lacks {word}:\n{help}");
    }
    let stills = text(&car_t_sim(&["stills", "--help"]).stdout);
    assert!(stills.contains("--theme") && stills.contains("--reduced-motion"));
}

#[test]
fn an_unknown_theme_lists_the_themes_and_exits_2() {
    let out = car_t_sim(&["--theme", "purple"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for name in ["light", "dark", "high-contrast"] {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn a_bad_story_at_start_up_prints_errors_and_exits_without_a_panic() {
    let dir = temp_dir("startup");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "Story(title: \"x\", stages: [], sources: [])").unwrap();
    let out = car_t_sim(&["--story", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.ron:1:19: the story has no stages"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn stage_out_of_range_is_refused() {
    let out = car_t_sim(&["--stage", "9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the story has 8 stages"));
    let out = car_t_sim(&["--story", "tcr", "--stage", "10"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the story has 9 stages"));
}

#[test]
fn no_display_gets_a_clear_message() {
    let out = car_t_sim(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("no display") && err.contains("xvfb-run"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
