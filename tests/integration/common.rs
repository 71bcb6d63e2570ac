//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::time::Duration;

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
        .insert_resource(ButtonInput::<KeyCode>::default())
        .insert_resource(ActiveStory::embedded())
        .add_plugins(car_t_sim::core_plugin);
    // The first update only starts the clock.
    app.update();
    app
}

/// Presses and releases a key over one frame (with Shift held if asked).
pub fn press(app: &mut App, key: KeyCode, shift: bool) {
    {
        let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        if shift {
            keys.press(KeyCode::ShiftLeft);
        }
        keys.press(key);
    }
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release_all();
    keys.clear();
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
