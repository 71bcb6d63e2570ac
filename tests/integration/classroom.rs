//! Classroom mode: presenter keys (blank, fullscreen, present, quit),
//! the help overlay and first-run hint, the kiosk, and intents from buttons.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use std::time::Duration;

use bevy::a11y::AccessibilityNode;
use car_t_sim::input::{Action, Intent};
use car_t_sim::kiosk::{IDLE_SECONDS, Idle};
use car_t_sim::settings::Settings;
use car_t_sim::story::ActiveStory;
use car_t_sim::ui::{
    BlankScreen, ChooserPanel, FirstRun, HINT_SECONDS, HelpPanel, Hint, ScreenRoot, SourcesPanel,
    StageSegment, help_lines,
};
use car_t_sim::view::{ChooseAtStart, Notice, Overlay, View};

use crate::common::{
    FRAME, chord, count_of, headless, headless_screen, headless_screen_where, headless_where, one,
    overlay, playhead, press, settings_of, texts, view,
};

#[test]
fn b_and_period_blank_and_pause_and_any_key_returns_as_it_was() {
    let mut app = headless_screen();
    assert!(playhead(&app).playing);
    for key in [KeyCode::KeyB, KeyCode::Period] {
        press(&mut app, key, false);
        assert_eq!(overlay(&app), Overlay::Blank, "{key:?} blanks");
        assert!(!playhead(&app).playing, "blanking pauses");
        assert_eq!(count_of::<BlankScreen>(&mut app), 1);
        let t = playhead(&app).time;
        for _ in 0..10 {
            app.update();
        }
        assert_eq!(playhead(&app).time, t, "time stands still while blank");
        press(&mut app, key, false);
        assert_eq!(overlay(&app), Overlay::None);
        assert!(playhead(&app).playing, "playing again, as before");
        assert_eq!(count_of::<BlankScreen>(&mut app), 0);
    }
    // Paused before: paused after. Another key returns without acting.
    press(&mut app, KeyCode::Space, false);
    let stage = playhead(&app).stage;
    press(&mut app, KeyCode::KeyB, false);
    press(&mut app, KeyCode::PageDown, false);
    assert_eq!(overlay(&app), Overlay::None);
    assert!(!playhead(&app).playing);
    assert_eq!(
        playhead(&app).stage,
        stage,
        "the returning key does nothing else"
    );
}

#[test]
fn f_f11_f5_and_escape_drive_fullscreen() {
    let mut app = headless();
    press(&mut app, KeyCode::KeyF, false);
    assert!(view(&app).fullscreen);
    press(&mut app, KeyCode::F11, false);
    assert!(!view(&app).fullscreen);
    // F5 presents: the first stage, playing, fullscreen.
    press(&mut app, KeyCode::Digit3, false);
    press(&mut app, KeyCode::Space, false);
    press(&mut app, KeyCode::F5, false);
    let p = playhead(&app);
    assert!(view(&app).fullscreen && p.playing && p.stage == 0 && p.time < 0.2);
    // Esc closes a panel first, then leaves fullscreen; it never quits.
    press(&mut app, KeyCode::KeyH, false);
    press(&mut app, KeyCode::Escape, false);
    assert!(overlay(&app) == Overlay::None && view(&app).fullscreen);
    press(&mut app, KeyCode::Escape, false);
    assert!(!view(&app).fullscreen);
    press(&mut app, KeyCode::Escape, false);
    assert!(app.world().resource::<Messages<AppExit>>().is_empty());
}

#[test]
fn ctrl_q_quits() {
    let mut app = headless();
    chord(&mut app, &[KeyCode::ControlLeft], KeyCode::KeyQ, Some("q"));
    assert!(!app.world().resource::<Messages<AppExit>>().is_empty());
}

#[test]
fn h_and_question_mark_show_help_listing_every_action_and_its_keys() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyH, false);
    assert_eq!(overlay(&app), Overlay::Help);
    assert_eq!(count_of::<HelpPanel>(&mut app), 1);
    press(&mut app, KeyCode::KeyH, false);
    assert_eq!(overlay(&app), Overlay::None);
    app.update();
    assert_eq!(count_of::<HelpPanel>(&mut app), 0, "closed help is gone");
    chord(&mut app, &[KeyCode::ShiftLeft], KeyCode::Slash, Some("?"));
    assert_eq!(overlay(&app), Overlay::Help, "? opens help");
    app.update();
    let shown = texts(&mut app);
    // Help and sources never cover each other.
    press(&mut app, KeyCode::KeyS, false);
    assert_eq!(overlay(&app), Overlay::Sources);
    app.update();
    assert_eq!(count_of::<HelpPanel>(&mut app), 0);
    assert_eq!(count_of::<SourcesPanel>(&mut app), 1);

    let lines = help_lines(&Settings::default());
    for action in Action::ALL {
        assert!(
            lines.iter().any(|l| l.ends_with(action.describe())),
            "{action:?} is listed"
        );
    }
    assert!(lines.iter().any(|l| l.starts_with("B, .:")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("Right, Page Down:")),
        "{lines:?}"
    );
    // The overlay's texts were those lines.
    for line in &lines {
        assert!(shown.contains(line), "help shows {line}");
    }
}

/// Whether the first-run hint is on screen.
fn hint_shown(app: &mut App) -> bool {
    count_of::<Hint>(app) > 0
}

#[test]
fn first_run_hint_shows_then_goes() {
    let mut app = headless_screen();
    assert!(!hint_shown(&mut app), "not a first run");

    let mut app = headless_screen_where(|app| {
        app.insert_resource(FirstRun(true));
    });
    assert!(hint_shown(&mut app));
    let frames = (HINT_SECONDS / FRAME.as_secs_f32()) as usize + 2;
    for _ in 0..frames {
        app.update();
    }
    assert!(!hint_shown(&mut app));
    // Opening help also dismisses it.
    let mut app = headless_screen_where(|app| {
        app.insert_resource(FirstRun(true));
    });
    press(&mut app, KeyCode::KeyH, false);
    app.update();
    assert!(!hint_shown(&mut app));
}

#[test]
fn kiosk_loops_keeps_fullscreen_on_escape_and_returns_to_start_when_idle() {
    let mut app = headless_where(|app| {
        app.insert_resource(View {
            kiosk: true,
            fullscreen: true,
            ..default()
        })
        .insert_resource(Notice(Some("a notice".into())))
        .add_plugins(car_t_sim::kiosk::plugin);
    });
    assert_eq!(overlay(&app), Overlay::Notice, "a notice shows at start");
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::None, "Esc closes the notice");
    press(&mut app, KeyCode::Escape, false);
    assert!(view(&app).fullscreen, "Esc does not leave a kiosk");
    assert!(app.world().resource::<Messages<AppExit>>().is_empty());
    // Someone jumps to stage 4, opens the help and walks away.
    press(&mut app, KeyCode::Digit4, false);
    press(&mut app, KeyCode::Space, false);
    press(&mut app, KeyCode::KeyH, false);
    assert!(!playhead(&app).playing);
    assert_eq!(overlay(&app), Overlay::Help);
    let frames = (IDLE_SECONDS / FRAME.as_secs_f32()) as usize;
    for _ in 0..frames - 20 {
        app.update();
    }
    assert_eq!(playhead(&app).stage, 3, "not yet");
    for _ in 0..30 {
        app.update();
    }
    let p = playhead(&app);
    assert!(p.stage == 0 && p.playing, "back at the start: {p:?}");
    assert!(!app.world().resource::<Idle>().touched);
    assert_eq!(overlay(&app), Overlay::None, "and nothing over it");

    // Paused, the app wakes only every 5 s: the timer still counts wall time.
    press(&mut app, KeyCode::Digit4, false);
    press(&mut app, KeyCode::Space, false);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(5)));
    for _ in 0..((IDLE_SECONDS / 5.0) as usize + 1) {
        app.update();
    }
    assert_eq!(
        playhead(&app).stage,
        0,
        "back at the start after 90 s of wakes"
    );
}

#[test]
fn o_opens_the_story_chooser_and_a_digit_plays_that_story() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyO, false);
    assert_eq!(overlay(&app), Overlay::Chooser);
    assert_eq!(count_of::<ChooserPanel>(&mut app), 1);
    let choices: Vec<String> = app
        .world_mut()
        .query_filtered::<&Name, With<Intent>>()
        .iter(app.world())
        .filter(|n| n.as_str().starts_with(char::is_numeric))
        .map(|n| n.to_string())
        .collect();
    assert_eq!(
        choices,
        [
            "1. CAR T-cell therapy, step by step",
            "2. TCR therapy, step by step",
            "3. TIL therapy, step by step",
            "4. CAR T, TCR and TIL therapy, side by side",
            "5. The lock-and-key lab",
        ]
    );
    press(&mut app, KeyCode::Digit2, false);
    app.update();
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(count_of::<ChooserPanel>(&mut app), 0);
    let title = app.world().resource::<ActiveStory>().story.title.clone();
    assert_eq!(title, "TCR therapy, step by step");
    let p = playhead(&app);
    assert!(p.stage == 0 && p.playing && p.time < 0.3, "{p:?}");
    assert_eq!(settings_of(&app).story.as_deref(), Some("tcr"));
    // The window, the screen reader's name and the stage bar follow.
    let window = one::<Window, bevy::window::PrimaryWindow>(&mut app);
    assert_eq!(window.title, title);
    let root = one::<AccessibilityNode, ScreenRoot>(&mut app);
    assert_eq!(root.label(), Some(title.as_str()));
    assert_eq!(count_of::<StageSegment>(&mut app), 9);
    // Esc closes the chooser without changing the story.
    press(&mut app, KeyCode::KeyO, false);
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(app.world().resource::<ActiveStory>().story.title, title);
}

#[test]
fn a_first_run_opens_on_the_chooser() {
    let mut app = headless_screen_where(|app| {
        app.insert_resource(ChooseAtStart(true));
    });
    assert_eq!(overlay(&app), Overlay::Chooser);
    assert_eq!(count_of::<ChooserPanel>(&mut app), 1);
}
