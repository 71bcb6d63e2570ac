//! Classroom mode: presenter keys (blank, fullscreen, present, quit),
//! the help overlay and first-run hint, the kiosk, and intents from buttons.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use std::time::Duration;

use car_t_sim::input::{Action, Intent};
use car_t_sim::kiosk::{IDLE_SECONDS, Idle};
use car_t_sim::settings::Settings;
use car_t_sim::ui::{
    BlankScreen, FirstRun, HINT_SECONDS, HelpPanel, Hint, SourcesPanel, help_lines,
};
use car_t_sim::view::{Notice, Overlay, View};

use crate::common::{
    FRAME, chord, count_of, headless, headless_screen, headless_screen_where, overlay, playhead,
    press, texts, view,
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
    let mut app = headless();
    app.insert_resource(View {
        kiosk: true,
        fullscreen: true,
        ..default()
    });
    app.insert_resource(Notice(Some("a notice".into())));
    app.add_plugins(car_t_sim::kiosk::plugin);
    app.update();
    press(&mut app, KeyCode::Escape, false);
    assert!(view(&app).fullscreen, "Esc does not leave a kiosk");
    assert!(app.world().resource::<Messages<AppExit>>().is_empty());
    // Someone jumps to stage 4 and walks away.
    press(&mut app, KeyCode::Digit4, false);
    press(&mut app, KeyCode::Space, false);
    assert!(!playhead(&app).playing);
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
    app.update();
    assert_eq!(overlay(&app), Overlay::None, "and nothing over it");
    assert_eq!(app.world().resource::<Notice>().0, None);

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
fn an_intent_from_a_button_does_what_the_key_does() {
    // The same message from a button or a key has the same effect.
    let mut app = headless();
    app.world_mut().write_message(Intent::Do(Action::Blank));
    app.update();
    assert!(overlay(&app) == Overlay::Blank && !playhead(&app).playing);
}
