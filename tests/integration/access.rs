//! Screen readers and keyboard users: the caption as a live region, closed
//! overlays out of the tree, focus, button names and Tab with a ring.

use bevy::a11y::AccessibilityNode;
use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::prelude::*;

use car_t_sim::input::{Action, Intent};
use car_t_sim::story::ActiveStory;
use car_t_sim::ui::{CaptionBar, CaptionText, StageSegment};

use crate::common::{click, headless_screen, headless_screen_where, one, playhead, press};

#[test]
fn caption_node_is_a_live_region_that_follows_the_beat() {
    let mut app = headless_screen();
    let caption_node = |app: &mut App| one::<AccessibilityNode, CaptionText>(app).0;
    let story = app.world().resource::<ActiveStory>().story.clone();
    let first = caption_node(&mut app);
    assert_eq!(first.live(), Some(accesskit::Live::Polite));
    let words = first.value().expect("caption value").to_string();
    assert!(
        words.starts_with(story.stages[0].beats[0].caption.trim()),
        "{words}"
    );
    // The next beat: the node's words change.
    let next_beat = story.stages[0].beats[1].at;
    app.world_mut()
        .write_message(car_t_sim::playback::Control::SeekBy(next_beat + 0.1));
    app.update();
    app.update();
    let second = caption_node(&mut app);
    let words2 = second.value().unwrap().to_string();
    assert_ne!(words, words2);
    assert!(
        words2.starts_with(story.stages[0].beats[1].caption.trim()),
        "{words2}"
    );
}

#[test]
fn closed_panels_are_hidden_from_screen_readers() {
    let mut app = headless_screen();
    // The first source's line, if it is in the screen reader's tree, and
    // whether it is hidden there.
    let first_source = |app: &mut App| {
        let mut q = app.world_mut().query::<(&AccessibilityNode, &Text)>();
        let nodes: Vec<bool> = q
            .iter(app.world())
            .filter(|(_, t)| t.0.starts_with("1. "))
            .map(|(n, _)| n.0.is_hidden())
            .collect();
        assert!(nodes.len() <= 1, "one first source at most");
        nodes.first().copied()
    };
    assert_eq!(first_source(&mut app), None, "closed: not in the tree");
    press(&mut app, KeyCode::KeyS, false);
    app.update();
    assert_eq!(first_source(&mut app), Some(false), "open: read out");
    press(&mut app, KeyCode::Escape, false);
    app.update();
    assert_eq!(first_source(&mut app), None, "closed: not in the tree");
    // Hidden captions are hidden from the screen reader too.
    press(&mut app, KeyCode::KeyC, false);
    app.update();
    assert!(one::<AccessibilityNode, CaptionBar>(&mut app).0.is_hidden());
    press(&mut app, KeyCode::KeyC, false);
    app.update();
    assert!(!one::<AccessibilityNode, CaptionBar>(&mut app).0.is_hidden());
    // The bars are grouped in reading order: stages, the patient's calendar,
    // caption, controls.
    let mut q = app
        .world_mut()
        .query::<(&Name, &AccessibilityNode, &Children)>();
    let screen: Vec<String> = q
        .iter(app.world())
        .find(|(n, _, _)| n.as_str() == "Screen")
        .map(|(_, _, children)| children.to_vec())
        .unwrap()
        .iter()
        .filter_map(|c| {
            let node = app.world().get::<AccessibilityNode>(*c)?;
            node.0.label().map(str::to_string)
        })
        .collect();
    assert_eq!(
        screen,
        ["Stages", "Patient's calendar", "Caption", "Controls"]
    );
}

#[test]
fn focus_never_rests_outside_the_screen_reader_tree() {
    // Bevy focuses the window at start-up; the tree would then never be sent.
    let mut app = headless_screen();
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<bevy::window::PrimaryWindow>>()
        .single(app.world())
        .unwrap();
    app.world_mut()
        .resource_mut::<InputFocus>()
        .set(window, bevy::input_focus::FocusCause::Navigated);
    app.update();
    assert_eq!(app.world().resource::<InputFocus>().get(), None);
}

/// The accessible names of every button.
pub fn button_names(app: &mut App) -> Vec<String> {
    app.world_mut()
        .query_filtered::<&AccessibilityNode, With<Button>>()
        .iter(app.world())
        .filter_map(|n| n.0.label().map(str::to_string))
        .collect()
}

#[test]
fn buttons_have_accessible_names_and_tab_reaches_each_with_a_ring() {
    let mut app = headless_screen();
    let names = button_names(&mut app);
    for expected in [
        "Back (Left)",
        "Pause (Space)",
        "Next (Right)",
        "Restart (Home)",
        "Sources (S)",
        "Stories (O)",
        "Stage 1 of 8: Tests first",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    // Pausing renames the play button.
    press(&mut app, KeyCode::Space, false);
    app.update();
    let names = button_names(&mut app);
    assert!(names.iter().any(|n| n == "Play (Space)"), "{names:?}");

    // Tab goes through every control once, each with a visible ring.
    let count = app
        .world_mut()
        .query_filtered::<(), (With<Intent>, With<Button>)>()
        .iter(app.world())
        .count();
    let mut seen = vec![];
    for _ in 0..count {
        press(&mut app, KeyCode::Tab, false);
        app.update();
        let focus = app.world().resource::<InputFocus>().get().expect("focus");
        assert!(app.world().resource::<InputFocusVisible>().0);
        assert!(app.world().get::<Outline>(focus).is_some(), "ring drawn");
        seen.push(focus);
    }
    let last = *seen.last().expect("a control");
    let first = seen[0];
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "each control once");
    // Tab from the last wraps to the first, Shift+Tab from the first back.
    press(&mut app, KeyCode::Tab, false);
    assert_eq!(app.world().resource::<InputFocus>().get(), Some(first));
    press(&mut app, KeyCode::Tab, true);
    assert_eq!(app.world().resource::<InputFocus>().get(), Some(last));
    // Enter presses the focused control.
    let mut segments = app.world_mut().query::<(Entity, &StageSegment)>();
    let third = segments
        .iter(app.world())
        .find(|(_, s)| s.0 == 2)
        .unwrap()
        .0;
    app.world_mut()
        .resource_mut::<InputFocus>()
        .set(third, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(playhead(&app).stage, 2, "Enter pressed the third stage");

    // A click focuses the control without the ring (that is for keys).
    let next = app
        .world_mut()
        .query::<(Entity, &Intent)>()
        .iter(app.world())
        .find(|(_, a)| **a == Intent::Do(Action::Next))
        .unwrap()
        .0;
    click(&mut app, next);
    assert_eq!(app.world().resource::<InputFocus>().get(), Some(next));
    assert!(!app.world().resource::<InputFocusVisible>().0);
    assert!(app.world().get::<Outline>(next).is_none(), "no ring");
    assert_eq!(playhead(&app).stage, 3, "and the click pressed Next");
}

/// Every intent sent, as the app received it.
#[derive(Resource, Default)]
struct Sent(Vec<Intent>);

fn record(mut intents: MessageReader<Intent>, mut sent: ResMut<Sent>) {
    sent.0.extend(intents.read().copied());
}

#[test]
fn a_click_enter_and_a_key_send_the_same_intent() {
    let mut app = headless_screen_where(|app| {
        app.init_resource::<Sent>()
            .add_systems(Update, record.after(car_t_sim::frame::Frame::Read));
    });
    let next = app
        .world_mut()
        .query::<(Entity, &Intent)>()
        .iter(app.world())
        .find(|(_, a)| **a == Intent::Do(Action::Next))
        .unwrap()
        .0;
    click(&mut app, next);
    app.world_mut()
        .resource_mut::<InputFocus>()
        .set(next, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::Enter, false);
    press(&mut app, KeyCode::ArrowRight, false);
    let sent = std::mem::take(&mut app.world_mut().resource_mut::<Sent>().0);
    assert_eq!(sent, [Intent::Do(Action::Next); 3]);
    assert_eq!(playhead(&app).stage, 3, "each went one stage on");
}
