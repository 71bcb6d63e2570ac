//! The patient's calendar: the strip of days under the stage bar, its data
//! in the story files and their validation.

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use car_t_sim::scenes::SceneKinds;
use car_t_sim::story::{ActiveStory, BUILT_IN, Day, Diagnostic, StoryOrigin, parse_story};
use car_t_sim::theme::Theme;
use car_t_sim::ui::{CalendarCite, CalendarMark, CalendarNote, CalendarStrip, CalendarTick};

use crate::common::{
    display_of, headless_screen, headless_screen_where, one, playhead, pos_of, press,
};

/// Every mark on the track: (stage, sure, shown, fill).
fn marks(app: &mut App) -> Vec<(usize, bool, bool, Color)> {
    let mut q = app
        .world_mut()
        .query::<(&CalendarMark, &Node, &BackgroundColor)>();
    let mut all: Vec<_> = q
        .iter(app.world())
        .map(|(m, n, b)| (m.stage, m.sure, n.display != Display::None, b.0))
        .collect();
    all.sort_by_key(|m| (m.0, m.1));
    all
}

fn note(app: &mut App) -> String {
    one::<Text, CalendarNote>(app).0
}

#[test]
fn the_current_stage_days_are_highlighted_and_named() {
    let mut app = headless_screen();
    let story = app.world().resource::<ActiveStory>().story.clone();
    let current = app.world().resource::<Theme>().current;
    assert_eq!(display_of::<CalendarStrip>(&mut app), Display::Flex);
    // Every CAR T stage but the last (its results) is a step in time.
    let with_days = story.stages.iter().filter(|s| s.days.is_some()).count();
    assert_eq!(with_days, story.stages.len() - 1);
    for stage in 0..with_days {
        assert_eq!(playhead(&app).stage, stage);
        let days = story.stages[stage]
            .days
            .as_ref()
            .expect("CAR T: every step in time has days");
        assert_eq!(note(&mut app), format!("Patient's days: {}", days.note));
        let all = marks(&mut app);
        // One range mark per stage with days, and a filled one where the
        // source pins days down.
        assert_eq!(all.iter().filter(|m| !m.1).count(), with_days);
        let sure = story
            .stages
            .iter()
            .filter(|s| s.days.as_ref().is_some_and(|d| d.sure().is_some()));
        assert_eq!(all.iter().filter(|m| m.1).count(), sure.count());
        for &(s, is_sure, shown, fill) in &all {
            if s == stage {
                assert!(shown, "stage {s}: the current stage's marks show");
                if is_sure {
                    assert_eq!(fill, current, "stage {s}: its pinned days are filled");
                }
            } else if is_sure {
                assert!(shown, "stage {s}: other stages' pinned days stay");
                assert_ne!(fill, current, "stage {s}: but not highlighted");
            } else {
                assert!(!shown, "stage {s}: only the current stage's range shows");
            }
        }
        press(&mut app, KeyCode::ArrowRight, false);
        app.update();
    }
}

#[test]
fn ranges_stay_ranges_and_the_axis_holds_every_day() {
    // CAR T's collection is about 30 days before the infusion, or earlier:
    // a range open towards the past, with no pinned day.
    let story = car_t_sim::story::ActiveStory::built_in("car-t")
        .unwrap()
        .story;
    let collection = story.stages[1].days.as_ref().unwrap();
    assert_eq!(story.stages[1].id, "apheresis");
    assert_eq!(collection.from, Day::Before(-30));
    assert_eq!(collection.sure(), None);
    // The infusion pins days -5 to 0 (chemotherapy, then the drip).
    let infusion = story.stages.iter().find(|s| s.id == "infusion").unwrap();
    assert_eq!(infusion.days.as_ref().unwrap().sure(), Some((-5, 0)));
    for built_in in BUILT_IN {
        let story = car_t_sim::story::ActiveStory::built_in(built_in.name)
            .unwrap()
            .story;
        let (low, high) = car_t_sim::content::story::calendar::axis(&story);
        for days in story.stages.iter().filter_map(|s| s.days.as_ref()) {
            for day in [days.from, days.to] {
                for d in [day.earliest(), day.latest()].into_iter().flatten() {
                    assert!(
                        low < d && d < high,
                        "{}: day {d} off the axis",
                        built_in.name
                    );
                }
            }
        }
        let ticks = car_t_sim::content::story::calendar::ticks((low, high));
        assert!(ticks.contains(&0), "{}: day 0 is labelled", built_in.name);
        assert!(ticks.len() >= 2, "{}: {ticks:?}", built_in.name);
    }
}

#[test]
fn day_labels_are_on_the_strip_and_the_note_is_read_out() {
    let mut app = headless_screen();
    let mut q = app.world_mut().query::<(&CalendarTick, &Children)>();
    let ticks: Vec<(i32, Entity)> = q.iter(app.world()).map(|(t, c)| (t.day, c[0])).collect();
    let story = app.world().resource::<ActiveStory>().story.clone();
    let wanted = car_t_sim::content::story::calendar::ticks(
        car_t_sim::content::story::calendar::axis(&story),
    );
    assert!(wanted.contains(&0) && wanted.len() >= 3, "{wanted:?}");
    assert_eq!(ticks.iter().map(|t| t.0).collect::<Vec<_>>(), wanted);
    for (day, label) in ticks {
        let text = app.world().get::<Text>(label).unwrap();
        assert_eq!(text.0, car_t_sim::content::story::calendar::tick_label(day));
    }
    // The note is a label in the screen reader's tree, inside the strip's
    // named group.
    // Its source's number shows after it, and is read out in words.
    let days = story.stages[0]
        .days
        .clone()
        .expect("the first stage gives days");
    let label = car_t_sim::story::citation_label(&story.sources, &days.cite);
    assert!(label.starts_with('['), "{label:?}");
    let shown = one::<TextSpan, CalendarCite>(&mut app).0;
    assert_eq!(
        shown.replace(car_t_sim::content::text::GLUE, " "),
        format!(" {label}")
    );
    let node = one::<AccessibilityNode, CalendarNote>(&mut app).0;
    let spoken = car_t_sim::ui::access::spoken_caption(&note(&mut app), &label);
    assert!(spoken.contains(" Source"), "{spoken}");
    assert_eq!(node.value(), Some(spoken.as_str()));
    let strip = one::<AccessibilityNode, CalendarStrip>(&mut app).0;
    assert_eq!(strip.label(), Some("Patient's calendar"));
}

#[test]
fn a_story_without_days_has_no_strip() {
    let mut story = parse_story(BUILT_IN[0].source, &SceneKinds::default()).unwrap();
    for stage in &mut story.stages {
        stage.days = None;
    }
    let mut app = headless_screen_where(|app| {
        app.insert_resource(ActiveStory {
            story,
            origin: StoryOrigin::File("plain.ron".into()),
        });
    });
    app.update();
    assert_eq!(display_of::<CalendarStrip>(&mut app), Display::None);
    assert!(marks(&mut app).is_empty());
}

/// A one-stage story with these days.
fn with_days(days: &str) -> (String, Vec<Diagnostic>) {
    let src = format!(
        r#"Story(
    title: "Days",
    stages: [
        Stage(
            id: "a",
            title: "First",
            scene: "apheresis",
            duration: 10.0,
            days: {days},
            beats: [Beat(at: 0.0, caption: "Hello there.", cite: ["s1"])],
        ),
    ],
    sources: [Source(id: "s1", publisher: "P1", title: "T1")],
)"#
    );
    let errors = parse_story(&src, &SceneKinds::default()).expect_err("must be rejected");
    (src, errors)
}

fn assert_one(errors: &[Diagnostic], at: (usize, usize), words: &str) {
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    assert_eq!((errors[0].line, errors[0].col), at, "{}", errors[0]);
    assert!(errors[0].message.contains(words), "{}", errors[0].message);
}

#[test]
fn broken_days_name_their_line_and_column() {
    let ok = r#"Days(from: At(-5), to: At(0), note: "Chemo, then the drip", cite: ["s1"])"#;
    let src = ok.replace("At(0)", "At(-9)");
    let (file, errors) = with_days(&src);
    assert_one(&errors, pos_of(&file, "to: At(-9)", 0), "ends");
    let (file, errors) = with_days(&ok.replace("At(-5)", "Between(-2, -8)"));
    assert_one(&errors, pos_of(&file, "from:", 0), "must not come after");
    let (file, errors) = with_days(&ok.replace("[\"s1\"]", "[\"s7\"]"));
    assert_one(&errors, pos_of(&file, "\"s7\"", 0), "unknown citation");
    let (file, errors) = with_days(&ok.replace("[\"s1\"]", "[]"));
    assert_one(&errors, pos_of(&file, "cite: []", 0), "at least one source");
    let long = "Chemotherapy on days 5, 4 and 3 before the infusion, then the drip on day 0, then a week of daily checks at the centre, then some weeks nearby";
    let (file, errors) = with_days(&ok.replace("Chemo, then the drip", long));
    assert_one(&errors, pos_of(&file, "note:", 0), "too long");
    // A misspelt kind of day is a syntax error at its place.
    let (file, errors) = with_days(&ok.replace("At(-5)", "Around(-5)"));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].line, errors[0].col),
        pos_of(&file, "Around", 0),
        "{}",
        errors[0]
    );
    // The valid one passes.
    let file = with_days_ok(ok);
    assert!(file.stages[0].days.is_some());
}

fn with_days_ok(days: &str) -> car_t_sim::story::Story {
    let src = format!(
        r#"Story(title: "Days", stages: [Stage(id: "a", title: "First", scene: "apheresis", duration: 10.0, days: {days}, beats: [Beat(at: 0.0, caption: "Hello there.", cite: ["s1"])])], sources: [Source(id: "s1", publisher: "P1", title: "T1")])"#
    );
    parse_story(&src, &SceneKinds::default()).expect("valid")
}
