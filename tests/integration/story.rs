//! Story files: the shipped story, and every validation rule with the line
//! and column it reports.

use car_t_sim::scenes::SceneKinds;
use car_t_sim::story::{BUILT_IN, Diagnostic, Story, decode, parse_story, transcript};

use crate::common::{pos_of, shipped};

/// Parses a story against the app's scene kinds.
fn parse(src: &str) -> Result<Story, Vec<Diagnostic>> {
    parse_story(src, &SceneKinds::default())
}

/// A small valid story that the rule tests break one way each.
const BASE: &str = r#"Story(
    title: "Test story",
    stages: [
        Stage(
            id: "a",
            title: "First",
            scene: "apheresis",
            duration: 10.0,
            beats: [
                Beat(at: 0.0, caption: "Hello there.", cite: ["s1"]),
                Beat(at: 5.0, caption: "Second beat.", cite: ["s1", "s2"]),
            ],
        ),
    ],
    sources: [
        Source(id: "s1", publisher: "P1", title: "T1"),
        Source(id: "s2", publisher: "P2", title: "T2", year: Some(2020)),
    ],
)"#;

fn broken(from: &str, to: &str) -> (String, Vec<Diagnostic>) {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    let src = BASE.replacen(from, to, 1);
    let errors = parse(&src).expect_err("the broken story must be rejected");
    (src, errors)
}

fn assert_one(errors: &[Diagnostic], at: (usize, usize), words: &str) {
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let e = &errors[0];
    assert_eq!((e.line, e.col), at, "position of {e}");
    assert!(e.message.contains(words), "{:?} lacks {words:?}", e.message);
}

#[test]
fn base_story_is_valid() {
    let story = parse(BASE).expect("BASE is valid");
    assert_eq!(story.stages.len(), 1);
    assert_eq!(story.citation_label(&story.stages[0].beats[1]), "[1, 2]");
}

#[test]
fn shipped_story_is_the_articles_five_steps_between_who_can_have_it_and_results() {
    let story = shipped();
    assert_eq!(story.title, "CAR T-cell therapy, step by step");
    let titles: Vec<&str> = story.stages.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Tests first",
            "Apheresis",
            "In the lab",
            "Freezing",
            "Infusion",
            "Lock and key",
            "Watching",
            "Results"
        ]
    );
    for stage in &story.stages {
        assert!(SceneKinds::default().get(&stage.scene).is_some());
        for beat in &stage.beats {
            assert!(!beat.cite.is_empty(), "{}: {}", stage.id, beat.caption);
        }
    }
}

#[test]
fn shipped_story_cites_the_article_first() {
    let story = shipped();
    assert_eq!(story.source_number("article"), Some(1));
    assert_eq!(story.sources[0].title, "Immune Cell Gene Therapy");
}

#[test]
fn syntax_error_names_its_line_and_column() {
    let (src, errors) = broken("title: \"First\",", "title: \"First\"");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.starts_with("syntax"), "{}", errors[0]);
    // ron reports the spot where it expected the comma: the next field.
    assert_eq!(errors[0].line, pos_of(&src, "scene:", 0).0);
}

#[test]
fn unknown_field_is_reported_where_it_is() {
    let (src, errors) = broken("duration: 10.0,", "duration: 10.0, colour: 3,");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("colour"), "{}", errors[0]);
    assert_eq!(errors[0].line, pos_of(&src, "colour", 0).0);
}

#[test]
fn unknown_citation_id() {
    let (src, errors) = broken("cite: [\"s1\", \"s2\"]", "cite: [\"s1\", \"nope\"]");
    assert_one(
        &errors,
        pos_of(&src, "\"nope\"", 0),
        "unknown citation id \"nope\"",
    );
}

#[test]
fn duplicate_stage_id() {
    let stage =
        &BASE[BASE.find("        Stage(").unwrap()..BASE.find("    ],\n    sources").unwrap()];
    let src = BASE.replacen(stage, &format!("{stage}{stage}"), 1);
    let errors = parse(&src).unwrap_err();
    assert_one(
        &errors,
        pos_of(&src, "id: \"a\"", 1),
        "duplicate stage id \"a\"",
    );
}

#[test]
fn duplicate_source_id() {
    let (src, errors) = broken("Source(id: \"s2\"", "Source(id: \"s1\"");
    // The second "s1" is the duplicate; beat 2's citation of "s2" is now unknown too.
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let dup = errors
        .iter()
        .find(|e| e.message.contains("duplicate source id \"s1\""))
        .expect("duplicate reported");
    assert_eq!((dup.line, dup.col), pos_of(&src, "id: \"s1\"", 1));
}

#[test]
fn no_stages() {
    let start = BASE.find("stages: [").unwrap();
    let end = BASE.find("    sources").unwrap();
    let src = format!("{}stages: [],\n{}", &BASE[..start], &BASE[end..]);
    let errors = parse(&src).unwrap_err();
    assert_one(&errors, pos_of(&src, "stages", 0), "no stages");
}

#[test]
fn non_positive_duration() {
    let (src, errors) = broken("duration: 10.0", "duration: -2.0");
    // Both beats now lie outside the stage, but the duration is the cause:
    // beats are only checked against a valid duration.
    assert_one(
        &errors,
        pos_of(&src, "duration", 0),
        "positive number of seconds",
    );
}

#[test]
fn beat_outside_its_stage() {
    let (src, errors) = broken("Beat(at: 5.0", "Beat(at: 12.5");
    assert_one(&errors, pos_of(&src, "at: 12.5", 0), "outside its stage");
}

#[test]
fn first_beat_must_start_the_stage() {
    let (src, errors) = broken("Beat(at: 0.0", "Beat(at: 1.0");
    assert_one(&errors, pos_of(&src, "at: 1.0", 0), "must start at 0 s");
}

#[test]
fn beats_must_be_in_order() {
    let src = BASE.replacen("Beat(at: 5.0", "Beat(at: 0.0", 1);
    let errors = parse(&src).unwrap_err();
    assert_one(&errors, pos_of(&src, "at: 0.0", 1), "does not come after");
}

#[test]
fn unknown_scene_kind() {
    let (src, errors) = broken("scene: \"apheresis\"", "scene: \"dance\"");
    assert_one(
        &errors,
        pos_of(&src, "scene", 0),
        "unknown scene kind \"dance\"",
    );
}

#[test]
fn empty_caption() {
    let (src, errors) = broken("caption: \"Hello there.\"", "caption: \"   \"");
    assert_one(&errors, pos_of(&src, "caption", 0), "empty caption");
}

#[test]
fn caption_too_long_for_two_lines() {
    let long = "The CAR T cells travel through the body in the bloodstream. ".repeat(3);
    let (src, errors) = broken("Hello there.", long.trim());
    assert_one(&errors, pos_of(&src, "caption", 0), "caption too long");
    // Two sentences of that length still fit.
    let fits = "The CAR T cells travel through the body in the bloodstream. ".repeat(2);
    assert!(parse(&BASE.replacen("Hello there.", fits.trim(), 1)).is_ok());
}

#[test]
fn caption_without_citation() {
    let (src, errors) = broken("cite: [\"s1\"]", "cite: []");
    assert_one(&errors, pos_of(&src, "cite: []", 0), "at least one source");
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let src = BASE
        .replacen("scene: \"apheresis\"", "scene: \"dance\"", 1)
        .replacen("duration: 10.0", "duration: 0.0", 1)
        .replacen("caption: \"Second beat.\"", "caption: \"\"", 1)
        .replacen("[\"s1\", \"s2\"]", "[\"s9\"]", 1);
    let errors = parse(&src).unwrap_err();
    let found: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.col)).collect();
    assert_eq!(
        found,
        [
            pos_of(&src, "scene", 0),
            pos_of(&src, "duration", 0),
            pos_of(&src, "caption", 1),
            pos_of(&src, "\"s9\"", 0),
        ],
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].with_file("x.ron"),
        format!(
            "x.ron:{}:{}: {}",
            errors[0].line, errors[0].col, errors[0].message
        )
    );
}

/// Every built-in story, parsed.
fn built_ins() -> Vec<(&'static str, Story)> {
    BUILT_IN
        .iter()
        .map(|b| (b.name, parse(b.source).expect("a built-in story is valid")))
        .collect()
}

#[test]
fn transcripts_of_all_three_have_their_stages_in_order_and_resolvable_citations() {
    let expected: [(&str, &[&str]); 3] = [
        (
            "car-t",
            &[
                "Tests first",
                "Apheresis",
                "In the lab",
                "Freezing",
                "Infusion",
                "Lock and key",
                "Watching",
                "Results",
            ],
        ),
        (
            "tcr",
            &[
                "Inner locks",
                "Tests first",
                "Apheresis",
                "A new key",
                "Freezing",
                "Infusion",
                "The attack",
                "Watching",
                "Results",
            ],
        ),
        (
            "til",
            &[
                "The tumour",
                "Surgery",
                "Growing",
                "Expansion",
                "Infusion",
                "The attack",
                "In hospital",
                "Results",
            ],
        ),
    ];
    for ((name, story), (expected_name, titles)) in built_ins().into_iter().zip(expected) {
        assert_eq!(name, expected_name);
        let md = transcript(&story);
        assert!(!md.contains(".."), "{name}: a doubled full stop in:\n{md}");
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
        let wanted: Vec<String> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| format!("## {}. {t}", i + 1))
            .collect();
        assert_eq!(headings, wanted, "{name}");
        let numbered: Vec<usize> = md
            .lines()
            .skip_while(|l| *l != "# Sources")
            .filter_map(|l| l.split_once(". ").and_then(|(n, _)| n.parse().ok()))
            .collect();
        assert_eq!(
            numbered,
            (1..=story.sources.len()).collect::<Vec<_>>(),
            "{name}"
        );
        let mut cited = 0;
        for line in md.lines().filter(|l| l.starts_with("- ")) {
            let label = &line[line.rfind('[').expect("citation label")..];
            for n in label.trim_matches(['[', ']']).split(", ") {
                let n: usize = n.parse().expect("a number");
                assert!(numbered.contains(&n), "{name}: citation {n} in {line:?}");
                cited += 1;
            }
        }
        let beats: usize = story.stages.iter().map(|s| s.beats.len()).sum();
        assert!(cited >= beats, "{name}");
    }
}

#[test]
fn every_built_in_story_has_a_summary_and_cites_only_what_facts_allow() {
    for (name, story) in built_ins() {
        assert!(
            !story.summary.trim().is_empty(),
            "{name}: no summary for the chooser"
        );
        for stage in &story.stages {
            for beat in &stage.beats {
                let words = beat.caption.to_lowercase();
                // The design rules: never "harmless" for the vector, never "each" cell.
                assert!(!words.contains("harmless"), "{name}: {}", beat.caption);
                assert!(!words.contains("into each"), "{name}: {}", beat.caption);
            }
        }
    }
}

#[test]
fn a_file_saved_with_a_byte_order_mark_loads() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(BASE.as_bytes());
    let text = decode(&bytes).expect("a BOM is not a problem");
    assert!(parse(&text).is_ok());
}

#[test]
fn a_file_in_another_encoding_names_the_first_bad_byte() {
    // "37 °C" saved as Latin-1: the degree sign is the single byte 0xB0.
    let src = BASE.replacen("Second beat.", "At 37 \u{b0}C.", 1);
    let bytes: Vec<u8> = src
        .chars()
        .map(|c| u8::try_from(c as u32).expect("Latin-1"))
        .collect();
    let problem = decode(&bytes).unwrap_err();
    let (line, col) = pos_of(&src, "\u{b0}", 0);
    assert_eq!((problem.line, problem.col), (line, col));
    assert!(
        problem.message.contains("save the file as UTF-8"),
        "{}",
        problem.message
    );
}

#[test]
fn a_beat_may_pin_itself_to_a_moment_of_its_scene() {
    let src = BASE.replacen(
        "cite: [\"s1\"])",
        "cite: [\"s1\"], moment: \"cells-collected\")",
        1,
    );
    let story = parse(&src).expect("a known moment, written bare");
    assert_eq!(
        story.stages[0].beats[0].moment.as_deref(),
        Some("cells-collected")
    );
    // `Some(...)` works too.
    let src = BASE.replacen(
        "cite: [\"s1\"])",
        "cite: [\"s1\"], moment: Some(\"blood-flows\"))",
        1,
    );
    assert!(parse(&src).is_ok());
}

#[test]
fn a_moment_the_scene_does_not_have() {
    let (src, errors) = broken("cite: [\"s1\"])", "cite: [\"s1\"], moment: \"docked\")");
    assert_one(
        &errors,
        pos_of(&src, "moment", 0),
        "unknown moment \"docked\" of scene \"apheresis\" (its moments: blood-flows,",
    );
}

#[test]
fn pinned_moments_out_of_order() {
    let src = BASE
        .replacen(
            "cite: [\"s1\"])",
            "cite: [\"s1\"], moment: \"blood-returns\")",
            1,
        )
        .replacen(
            "cite: [\"s1\", \"s2\"])",
            "cite: [\"s1\", \"s2\"], moment: \"blood-flows\")",
            1,
        );
    let errors = parse(&src).unwrap_err();
    assert_one(
        &errors,
        pos_of(&src, "moment", 1),
        "\"blood-flows\" comes before \"blood-returns\"",
    );
}

#[test]
fn every_beat_of_the_built_in_stories_is_pinned_to_a_moment() {
    let kinds = SceneKinds::default();
    for (name, story) in built_ins() {
        for stage in story.stages {
            let kind = kinds.get(&stage.scene).expect("a known kind");
            for beat in &stage.beats {
                let moment = beat.moment.as_deref().expect("pinned");
                assert!(
                    kind.moment(moment).is_some(),
                    "{name}/{}: {moment}",
                    stage.id
                );
            }
        }
    }
}
