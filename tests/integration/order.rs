//! The order of a patient's days: the cells are made and frozen before the
//! chemotherapy that makes room for them starts, and the infusion comes
//! after it. A story that breaks this is rejected with the line and column
//! of the day at fault, in `check` as in the app.

use car_t_sim::scenes::SceneKinds;
use car_t_sim::story::{BUILT_IN, Diagnostic, Story, TreatmentStep, parse_story};

use crate::common::{pos_of, temp_dir};

/// A story with a lab, a freezing and a chemotherapy-then-infusion span;
/// each argument is one of its days.
fn story(lab_end: &str, freeze_start: &str, chemo: &str, infusion: &str) -> String {
    format!(
        r#"Story(
    title: "Order",
    stages: [
        Stage(
            id: "lab",
            title: "Lab",
            scene: "reprogramming",
            duration: 10.0,
            days: Days(from: Before(-30), to: {lab_end}, note: "In the lab", cite: ["s1"], step: Making),
            beats: [Beat(at: 0.0, caption: "Made.", cite: ["s1"])],
        ),
        Stage(
            id: "freezing",
            title: "Freezing",
            scene: "freezing",
            duration: 10.0,
            days: Days(from: {freeze_start}, to: At(0), note: "Frozen", cite: ["s1"], step: Freezing),
            beats: [Beat(at: 0.0, caption: "Frozen.", cite: ["s1"])],
        ),
        Stage(
            id: "infusion",
            title: "Infusion",
            scene: "infusion",
            duration: 10.0,
            days: Days(from: {chemo}, to: {infusion}, note: "Chemo, then the drip", cite: ["s1"], step: ChemoThenInfusion),
            beats: [Beat(at: 0.0, caption: "Given.", cite: ["s1"])],
        ),
    ],
    sources: [Source(id: "s1", publisher: "P1", title: "T1")],
)"#
    )
}

fn parse(src: &str) -> Result<Story, Vec<Diagnostic>> {
    parse_story(src, &SceneKinds::default())
}

/// Exactly one problem, at `needle`, saying `words`.
fn rejected_at(src: &str, needle: &str, words: &str) {
    let errors = parse(src).expect_err("the order is broken");
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let e = &errors[0];
    assert_eq!((e.line, e.col), pos_of(src, needle, 0), "position of {e}");
    assert!(e.message.contains(words), "{:?} lacks {words:?}", e.message);
}

#[test]
fn cells_made_then_frozen_before_the_chemotherapy_pass() {
    let ok = story("Before(-8)", "Before(-8)", "At(-5)", "At(0)");
    let parsed = parse(&ok).expect("the right order");
    let steps: Vec<_> = parsed
        .stages
        .iter()
        .map(|s| s.days.as_ref().unwrap().step)
        .collect();
    assert_eq!(
        steps,
        [
            Some(TreatmentStep::Making),
            Some(TreatmentStep::Freezing),
            Some(TreatmentStep::ChemoThenInfusion)
        ]
    );
    // The lab may end the day before the chemotherapy starts, at the latest.
    parse(&story("At(-6)", "At(-6)", "Between(-5, -3)", "At(0)")).expect("day -6, then -5");
}

#[test]
fn a_lab_that_can_reach_the_chemotherapy_is_rejected_where_its_days_end() {
    // Ends on the first chemotherapy day.
    let src = story("At(-5)", "Before(-8)", "At(-5)", "At(0)");
    rejected_at(&src, "to: At(-5)", "must be made before it starts");
    // Chemotherapy that can start as early as day -10 meets a lab that
    // ends on day -8 at the latest.
    let src = story("Before(-8)", "Before(-12)", "Between(-10, -7)", "At(0)");
    rejected_at(&src, "to: Before(-8)", "can reach day -10");
    // A lab with no last day can reach anything.
    let src = story("After(-20)", "Before(-12)", "At(-5)", "At(0)");
    rejected_at(&src, "to: After(-20)", "must be made before");
}

#[test]
fn freezing_that_starts_on_or_after_the_chemotherapy_is_rejected_where_it_starts() {
    let src = story("Before(-8)", "At(-3)", "At(-5)", "At(0)");
    rejected_at(&src, "from: At(-3)", "frozen and ready before it starts");
    let src = story("Before(-8)", "At(-5)", "At(-5)", "At(0)");
    rejected_at(&src, "from: At(-5)", "frozen");
    // Storage until the thaw on day 0 is of course fine: only the start counts.
    parse(&story("Before(-8)", "Before(-7)", "At(-5)", "At(0)")).expect("frozen until day 0");
}

#[test]
fn an_infusion_before_its_chemotherapy_is_rejected() {
    let src = story("Before(-8)", "Before(-8)", "Between(-6, -4)", "At(-5)");
    rejected_at(&src, "to: At(-5)", "the chemotherapy comes first");
}

#[test]
fn a_chemotherapy_with_no_earliest_day_or_a_second_one_is_rejected() {
    let src = story("Before(-8)", "Before(-8)", "Before(-5)", "At(0)");
    rejected_at(&src, "from: Before(-5)", "needs an earliest day");
    let src = story("Before(-8)", "Before(-8)", "At(-5)", "At(0)").replacen(
        "step: Freezing",
        "step: ChemoThenInfusion",
        1,
    );
    let errors = parse(&src).expect_err("two chemotherapy spans");
    assert!(
        errors.iter().any(|e| e.message.contains("a second")),
        "{errors:#?}"
    );
}

#[test]
fn every_built_in_story_marks_its_lab_freezing_and_chemotherapy_in_order() {
    for built_in in BUILT_IN {
        let story = parse(built_in.source).expect("a built-in story is valid");
        let marked = |step: TreatmentStep| {
            story
                .stages
                .iter()
                .filter(|s| s.days.as_ref().is_some_and(|d| d.step == Some(step)))
                .count()
        };
        assert!(
            marked(TreatmentStep::Making) >= 1,
            "{}: a lab",
            built_in.name
        );
        assert_eq!(
            marked(TreatmentStep::ChemoThenInfusion),
            1,
            "{}",
            built_in.name
        );
        // CAR T and TCR freeze in a stage of their own; TIL at the end of
        // its expansion.
        if built_in.name != "til" {
            assert_eq!(marked(TreatmentStep::Freezing), 1, "{}", built_in.name);
        }
    }
}

#[test]
fn check_on_the_command_line_names_the_day_at_fault() {
    let dir = temp_dir("order");
    let bad = dir.join("late-lab.ron");
    let src = story("At(-4)", "Before(-8)", "At(-5)", "At(0)");
    std::fs::write(&bad, &src).unwrap();
    let out = crate::cli::car_t_sim(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let (line, col) = pos_of(&src, "to: At(-4)", 0);
    let expected = format!("{}:{line}:{col}: the lab's days", bad.display());
    assert!(err.contains(&expected), "{err}");
}
