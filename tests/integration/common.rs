//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::time::Duration;

use bevy::ecs::schedule::SingleThreadedExecutor;
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

/// A one-thread app with the playback, input and scene plugins and the mesh
/// and material stores the scenes fill, not yet updated.
fn scene_app() -> App {
    let mut app = App::new();
    let one_thread = bevy::app::TaskPoolPlugin {
        task_pool_options: bevy::app::TaskPoolOptions::with_num_threads(1),
    };
    app.add_plugins((MinimalPlugins.set(one_thread), StatesPlugin, InputPlugin))
        .add_plugins(bevy::asset::AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<ColorMaterial>()
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
        .insert_resource(ActiveStory::embedded())
        .add_plugins((car_t_sim::core_plugin, car_t_sim::scenes::plugin));
    app
}

/// The headless app plus the real scene plugin, with the mesh and material
/// stores it fills (nothing is rendered): for counting entities and assets.
pub fn headless_with_scenes() -> App {
    let mut app = scene_app();
    app.update();
    // One thread for every schedule: the work per frame is tiny, and waking
    // worker threads would cost more than the systems themselves in long runs.
    for (_, schedule) in app.world_mut().resource_mut::<Schedules>().iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
    app.update();
    app
}

/// The headless app with the scenes and the whole screen (bars, panels,
/// help, themes, focus, the screen reader tree) but no renderer: a window
/// entity without a real window, and the font handles without the files.
pub fn headless_screen() -> App {
    headless_screen_where(|_| {})
}

/// [`headless_screen`], with `setup` run before the first update (for
/// resources read at start-up).
pub fn headless_screen_where(setup: impl FnOnce(&mut App)) -> App {
    let mut app = scene_app();
    app.init_asset::<Font>()
        .init_resource::<car_t_sim::story::StoryError>()
        .insert_resource(car_t_sim::ui::Fonts {
            bold: Handle::default(),
        })
        .add_plugins(car_t_sim::ui::screen_plugin);
    app.world_mut()
        .spawn((Window::default(), bevy::window::PrimaryWindow));
    setup(&mut app);
    app.update();
    app.update();
    app
}

/// A small, seeded random number generator (SplitMix64), so that every
/// random test is repeatable.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A float in `0..1`.
    pub fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
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
