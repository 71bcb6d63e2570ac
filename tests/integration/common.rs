//! Helpers shared by the integration tests.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use car_t_sim::playback::Playhead;
use car_t_sim::scenes::SceneKinds;
use car_t_sim::settings::Settings;
use car_t_sim::story::{ActiveStory, DEFAULT_STORY, Story, parse_story};
use car_t_sim::view::{Overlay, View};

/// One frame of the headless app.
pub const FRAME: Duration = Duration::from_millis(100);

/// The shipped story.
pub fn shipped() -> Story {
    parse_story(DEFAULT_STORY, &SceneKinds::default()).expect("the shipped story is valid")
}

/// Starts Xvfb on a display it picks itself (`-displayfd` writes the number
/// to fd 3, here the pipe we read), and stops it once the test binary (pid
/// `$1`) has exited.
const XVFB: &str = r#"
Xvfb -displayfd 3 -screen 0 3840x2160x24 -nolisten tcp 3>&1 >/dev/null 2>&1 &
x=$!
while kill -0 "$1" 2>/dev/null && kill -0 "$x" 2>/dev/null; do sleep 1; done
kill "$x" 2>/dev/null
"#;

/// The test binary's own X server, shared by every test that needs a
/// display: started once, on a free display it reports itself, never the
/// developer's screen. (Tests that each started `xvfb-run -a` raced for
/// displays and sometimes failed.)
pub fn display() -> &'static str {
    /// The display's name, and the watchdog shell that runs the server
    /// (kept, never waited on: it ends by itself after the test binary).
    static SERVER: OnceLock<(String, Mutex<Child>)> = OnceLock::new();
    let (display, _) = SERVER.get_or_init(|| {
        let mut child = Command::new("sh")
            .args(["-c", XVFB, "sh", &std::process::id().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot run sh to start Xvfb");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .expect("Xvfb's display number");
        let number = line.trim();
        assert!(
            !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
            "Xvfb did not start (install Debian's xvfb package); it said {line:?}"
        );
        (format!(":{number}"), Mutex::new(child))
    });
    display
}

/// The app's command, on the test binary's own X server, with its own
/// config folder (never the user's settings).
pub fn app_command(config: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_car-t-sim"));
    command
        .env("DISPLAY", display())
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_CONFIG_HOME", temp_dir(config));
    command
}

/// The overlay shown now.
pub fn overlay(app: &App) -> Overlay {
    *app.world().resource::<State<Overlay>>().get()
}

/// A headless app with the real playback and input plugins, advancing
/// [`FRAME`] per update.
pub fn headless() -> App {
    headless_where(|_| {})
}

/// [`headless`], with `setup` run before the first update (for resources
/// read at start-up, or more plugins).
pub fn headless_where(setup: impl FnOnce(&mut App)) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(FRAME))
        .add_plugins(InputPlugin)
        .insert_resource(ActiveStory::embedded())
        .add_plugins(car_t_sim::core_plugin);
    setup(&mut app);
    // The first update only starts the clock.
    app.update();
    app
}

/// A mouse click on a UI entity, as the picking backend delivers it.
pub fn click(app: &mut App, target: Entity) {
    let click = Pointer::new(
        bevy::picking::pointer::PointerId::Mouse,
        bevy::picking::pointer::Location {
            target: bevy::camera::NormalizedRenderTarget::None {
                width: 1280,
                height: 720,
            },
            position: Vec2::ZERO,
        },
        Click {
            button: bevy::picking::pointer::PointerButton::Primary,
            hit: bevy::picking::backend::HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
            duration: Duration::ZERO,
            count: 1,
        },
        target,
    );
    app.world_mut().trigger(click);
    app.update();
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
    headless_with_scenes_where(|_| {})
}

/// [`headless_with_scenes`], with `setup` run before the first update (to
/// play another story, or register another scene kind).
pub fn headless_with_scenes_where(setup: impl FnOnce(&mut App)) -> App {
    let mut app = scene_app();
    // The walkthrough chooses the scene drawn.
    app.add_plugins(car_t_sim::screens::walkthrough::view_plugin);
    setup(&mut app);
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
        // The screen as the app builds it: the chrome and every screen's view.
        .add_plugins((
            car_t_sim::ui::screen_plugin,
            car_t_sim::screens::view_plugin,
        ))
        // As in the app (Bevy's default plugins): keys reach the focused
        // widget, which handles its own (a slider its arrows).
        .add_plugins(bevy::input_focus::InputDispatchPlugin);
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
    let world = app.world();
    // The playhead plays the screen shown: the story's stages or the
    // comparison's steps.
    let durations = match world
        .resource::<State<car_t_sim::screens::screen::Screen>>()
        .get()
    {
        car_t_sim::screens::screen::Screen::Walkthrough => {
            world.resource::<ActiveStory>().story.durations()
        }
        car_t_sim::screens::screen::Screen::Compare => world
            .resource::<car_t_sim::screens::compare::ActiveComparison>()
            .0
            .durations(),
        car_t_sim::screens::screen::Screen::Lab => car_t_sim::screens::lab::timeline().durations,
    };
    assert_eq!(
        world.resource::<car_t_sim::playback::Timeline>().durations,
        durations,
        "the timeline follows the screen"
    );
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

/// Presses a key with modifiers held, typing `text`, within one frame.
pub fn chord(app: &mut App, modifiers: &[KeyCode], key: KeyCode, text: Option<&str>) {
    let mut events: Vec<KeyboardInput> = modifiers
        .iter()
        .map(|m| key_event(*m, ButtonState::Pressed, false))
        .collect();
    let mut down = key_event(key, ButtonState::Pressed, false);
    if let Some(text) = text {
        down.logical_key = Key::Character(text.into());
    }
    events.push(down);
    events.push(key_event(key, ButtonState::Released, false));
    events.extend(
        modifiers
            .iter()
            .map(|m| key_event(*m, ButtonState::Released, false)),
    );
    app.world_mut().write_message_batch(events);
    app.update();
}

/// The view now.
pub fn view(app: &App) -> View {
    app.world().resource::<View>().clone()
}

/// The settings now.
pub fn settings_of(app: &App) -> Settings {
    app.world().resource::<Settings>().clone()
}

/// Component `C` of the one entity marked `M`.
pub fn one<C: Component + Clone, M: Component>(app: &mut App) -> C {
    let mut q = app.world_mut().query_filtered::<&C, With<M>>();
    q.single(app.world()).expect("one such entity").clone()
}

/// How the one entity marked `M` is displayed.
pub fn display_of<M: Component>(app: &mut App) -> Display {
    one::<Node, M>(app).display
}

/// How many entities are marked `M`: an overlay that is closed has none.
pub fn count_of<M: Component>(app: &mut App) -> usize {
    let mut q = app.world_mut().query_filtered::<(), With<M>>();
    q.iter(app.world()).count()
}

/// Every UI text now.
pub fn texts(app: &mut App) -> Vec<String> {
    app.world_mut()
        .query::<&Text>()
        .iter(app.world())
        .map(|t| t.0.clone())
        .collect()
}

/// Line and column (1-based) of the `n`th occurrence of `needle` in `src`.
pub fn pos_of(src: &str, needle: &str, n: usize) -> (usize, usize) {
    let offset = src
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in source"))
        .0;
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
    (line, col)
}
