//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use car_t_sim::playback::Playhead;
use car_t_sim::story::{ActiveStory, DEFAULT_STORY, Story, parse_story};

/// One frame of the headless app.
pub const FRAME: Duration = Duration::from_millis(100);

/// The shipped story.
pub fn shipped() -> Story {
    parse_story(DEFAULT_STORY).expect("the shipped story is valid")
}

/// A headless app with the real playback and input plugins, advancing
/// [`FRAME`] per update.
pub fn headless() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
        .add_plugins(InputPlugin)
        .insert_resource(ActiveStory::embedded())
        .add_plugins(car_t_sim::core_plugin);
    // The first update only starts the clock.
    app.update();
    app
}

/// A key event as the window system sends it.
pub fn key_event(key: KeyCode, state: ButtonState, repeat: bool) -> KeyboardInput {
    KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state,
        text: None,
        repeat,
        window: Entity::PLACEHOLDER,
    }
}

/// Presses and releases a key, all within one frame (with Shift held around
/// it if asked), as a quick clicker or a slow machine delivers it.
pub fn press(app: &mut App, key: KeyCode, shift: bool) {
    let mut events = vec![];
    if shift {
        events.push(key_event(KeyCode::ShiftLeft, ButtonState::Pressed, false));
    }
    events.push(key_event(key, ButtonState::Pressed, false));
    events.push(key_event(key, ButtonState::Released, false));
    if shift {
        events.push(key_event(KeyCode::ShiftLeft, ButtonState::Released, false));
    }
    app.world_mut().write_message_batch(events);
    app.update();
}

/// The playhead now.
pub fn playhead(app: &App) -> Playhead {
    app.world().resource::<Playhead>().clone()
}

/// Checks the playhead's invariants against the shipped story.
pub fn assert_invariants(app: &App) {
    let p = playhead(app);
    let durations = app.world().resource::<ActiveStory>().story.durations();
    assert!(p.stage < durations.len(), "stage {} out of range", p.stage);
    assert!(
        (0.0..=durations[p.stage]).contains(&p.time),
        "time {} outside stage {} (0..{})",
        p.time,
        p.stage,
        durations[p.stage]
    );
}

/// A fresh, empty folder under the system's temp folder.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("car-t-sim-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}
