//! car-t-sim: an animated, cited, step-by-step walkthrough of CAR T-cell
//! therapy, built with Bevy.
//!
//! Data flows one way: story file -> playhead -> scene poses -> pixels.

// The tools that need a file system or a process (the command line,
// stills, the handout, benchmarks) are desktop-only; the web build has its
// own start in `web`.
#[cfg(not(target_arch = "wasm32"))]
pub mod bench;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod content;
pub mod frame;
#[cfg(not(target_arch = "wasm32"))]
pub mod handout;
pub mod input;
pub mod intent;
pub mod kiosk;
pub mod page;
pub mod palette;
pub mod playback;
pub mod power;
pub mod scenes;
pub mod screens;
pub mod settings;
#[cfg(not(target_arch = "wasm32"))]
pub mod stills;
pub mod story;
pub mod theme;
pub mod ui;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;

use std::path::PathBuf;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::window::{
    CursorOptions, Monitor, MonitorSelection, PrimaryMonitor, PrimaryWindow, WindowMode,
    WindowPosition, WindowResolution,
};

use playback::Playhead;
use settings::Settings;
use story::{ActiveStory, WatchStory};
use view::{Notice, View};

/// The window size the app opens with.
pub const DEFAULT_WINDOW: (u32, u32) = (1280, 720);

/// What to do once the window is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The interactive walkthrough; `looping` starts again after the end.
    Interactive {
        /// Whether to loop.
        looping: bool,
        /// Kiosk: loop, fullscreen, no cursor, back to the start after
        /// [`kiosk::IDLE_SECONDS`] without input; only Ctrl+Q quits.
        kiosk: bool,
    },
    /// Render one PNG per beat into this folder, then quit.
    #[cfg(not(target_arch = "wasm32"))]
    Stills(PathBuf),
    /// Render this many frames of each stage, print timings, then quit.
    #[cfg(not(target_arch = "wasm32"))]
    Bench(u32),
}

/// Everything needed to start the app.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The (already validated) story to play.
    pub story: ActiveStory,
    /// The stage to start at, 0-based.
    pub start_stage: usize,
    /// Interactive or stills.
    pub mode: Mode,
    /// Window size in pixels.
    pub size: (u32, u32),
    /// Whether to start paused.
    pub paused: bool,
    /// The viewer's settings: from the settings file and the command line.
    pub settings: Settings,
    /// Where changed settings are saved; None: they are not saved.
    pub settings_file: Option<PathBuf>,
    /// No settings file existed: show the "press H" hint.
    pub first_run: bool,
    /// A problem to show on screen until Esc (a broken settings file).
    pub notice: Option<String>,
    /// Open on the story chooser (a first run with no story asked for).
    pub choose_story: bool,
    /// The screen to open on: the walkthrough, or the comparison.
    pub screen: screens::Screen,
    /// Stills for the handout: one per stage.
    pub handout: bool,
    /// The lab's rules to open on (`bench --lab CELLS`), instead of a
    /// preset's.
    pub lab_rules: Option<content::lab::Params>,
}

impl Launch {
    /// Default settings, nothing saved, no hint: for stills, benchmarks and tests.
    pub fn new(story: ActiveStory, mode: Mode, size: (u32, u32)) -> Launch {
        Launch {
            story,
            start_stage: 0,
            mode,
            size,
            paused: false,
            settings: Settings::default(),
            settings_file: None,
            first_run: false,
            notice: None,
            choose_story: false,
            screen: screens::Screen::Walkthrough,
            handout: false,
            lab_rules: None,
        }
    }
}

/// The parts of the app that need no window or GPU: the playhead, the
/// keyboard, what intents do, the overlay state and the settings. Tests
/// build on this with `MinimalPlugins` and `StatesPlugin`; a [`Notice`]
/// inserted before the first update opens the app on that notice.
pub fn core_plugin(app: &mut App) {
    app.add_plugins((
        frame::plugin,
        playback::plugin,
        input::plugin,
        view::plugin,
        screens::plugin,
        intent::plugin,
        settings::plugin,
        theme::plugin,
    ));
}

/// Builds the real app: window, renderer, story loading, UI and scenes.
pub fn build_app(launch: Launch) -> App {
    let mut app = App::new();
    let interactive = matches!(launch.mode, Mode::Interactive { .. });
    let kiosk = matches!(launch.mode, Mode::Interactive { kiosk: true, .. });
    story::register_story_source(&mut app, &launch.story.origin);
    let mut resolution = WindowResolution::new(launch.size.0, launch.size.1);
    if !interactive {
        // Stills come out at exactly the asked size, whatever the screen's DPI.
        resolution = resolution.with_scale_factor_override(1.0);
    }
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: launch.story.story.title.clone(),
                    resolution,
                    present_mode: present_mode(&launch.mode),
                    // In a page: the canvas the page holds, sized to its
                    // parent (and the device's pixel ratio); keys such as
                    // Page Down and Space go to the app, not to scrolling.
                    #[cfg(target_arch = "wasm32")]
                    canvas: Some(web::CANVAS.into()),
                    #[cfg(target_arch = "wasm32")]
                    fit_canvas_to_parent: true,
                    #[cfg(target_arch = "wasm32")]
                    prevent_default_event_handling: true,
                    ..default()
                }),
                // A kiosk hides the pointer.
                primary_cursor_options: Some(CursorOptions {
                    visible: !kiosk,
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                // A browser has no file watcher (and would log that it has none).
                watch_for_changes_override: Some(interactive && !cfg!(target_arch = "wasm32")),
                meta_check: AssetMetaCheck::Never,
                ..default()
            }),
    );
    let mut playhead = Playhead {
        stage: launch.start_stage,
        playing: !launch.paused,
        looping: matches!(launch.mode, Mode::Interactive { looping: true, .. }) || kiosk,
        ..default()
    };
    playhead.clamp(&launch.story.story.durations());
    if let Some(notice) = &launch.notice {
        // Also in the log, for whoever looks after the machine.
        bevy::log::warn!("{notice}");
    }
    app.insert_resource(launch.story)
        .insert_resource(WatchStory(interactive))
        .insert_resource(playhead)
        .insert_resource(launch.settings)
        .insert_resource(settings::SettingsFile(if kiosk {
            None
        } else {
            launch.settings_file
        }))
        .insert_resource(ui::FirstRun(launch.first_run && interactive && !kiosk))
        .insert_resource(View {
            kiosk,
            fullscreen: kiosk,
            ..default()
        })
        .insert_resource(Notice(launch.notice))
        .insert_resource(view::ChooseAtStart(
            launch.choose_story && interactive && !kiosk,
        ))
        .insert_resource(view::StartScreen(launch.screen))
        .add_plugins((
            core_plugin,
            story::plugin,
            ui::plugin,
            screens::view_plugin,
            scenes::plugin,
        ))
        .add_systems(Update, follow_fullscreen);
    if kiosk {
        app.add_plugins(kiosk::plugin);
    }
    match launch.mode {
        Mode::Interactive { .. } => {
            app.add_plugins(power::plugin);
        }
        #[cfg(not(target_arch = "wasm32"))]
        Mode::Stills(dir) => {
            // Render as fast as possible even when the window has no focus.
            // Stills are for keeping: smooth edges even on a software renderer.
            app.insert_resource(bevy::winit::WinitSettings::continuous())
                .insert_resource(ui::SmoothEdges)
                .insert_resource(stills::ForHandout(launch.handout))
                .add_plugins(stills::StillsPlugin { dir });
        }
        #[cfg(not(target_arch = "wasm32"))]
        Mode::Bench(frames) => {
            app.insert_resource(bevy::winit::WinitSettings::continuous())
                .add_plugins(bench::BenchPlugin { frames });
            if let Some(rules) = launch.lab_rules {
                app.insert_resource(screens::lab::LabChanges(Some(rules)));
            }
        }
    }
    app
}

/// Benchmarks measure the work of a frame, not the display's rate.
fn present_mode(mode: &Mode) -> bevy::window::PresentMode {
    #[cfg(not(target_arch = "wasm32"))]
    if matches!(mode, Mode::Bench(_)) {
        return bevy::window::PresentMode::AutoNoVsync;
    }
    let _ = mode;
    bevy::window::PresentMode::AutoVsync
}

/// The window follows the fullscreen wish (F, F11, F5, Esc, kiosk) on the
/// monitor it is on. A kiosk often runs on a bare X server with no window
/// manager to resize a fullscreen window, so there the window is also placed
/// over the whole primary monitor (once the monitor is known).
fn follow_fullscreen(
    view: Res<View>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    primary: Query<&Monitor, With<PrimaryMonitor>>,
    mut windowed: Local<Option<(UVec2, WindowPosition)>>,
) {
    let fullscreen = matches!(window.mode, WindowMode::BorderlessFullscreen(_));
    if view.fullscreen == fullscreen {
        return;
    }
    if !view.fullscreen {
        window.mode = WindowMode::Windowed;
        if let Some((size, position)) = windowed.take() {
            window.resolution.set_physical_resolution(size.x, size.y);
            window.position = position;
        }
        return;
    }
    if view.kiosk {
        let Ok(monitor) = primary.single() else {
            return;
        };
        *windowed = Some((window.resolution.physical_size(), window.position));
        window.mode = WindowMode::BorderlessFullscreen(MonitorSelection::Primary);
        window.position = WindowPosition::At(monitor.physical_position);
        window
            .resolution
            .set_physical_resolution(monitor.physical_width, monitor.physical_height);
    } else {
        window.mode = WindowMode::BorderlessFullscreen(MonitorSelection::Current);
    }
}
