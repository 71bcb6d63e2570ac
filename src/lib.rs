//! car-t-sim: an animated, cited, step-by-step walkthrough of CAR T-cell
//! therapy, built with Bevy.
//!
//! Data flows one way: story file -> playhead -> scene poses -> pixels.

pub mod bench;
pub mod cli;
pub mod input;
pub mod playback;
pub mod scenes;
pub mod stills;
pub mod story;
pub mod ui;

use std::path::PathBuf;
use std::time::Duration;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy::winit::{UpdateMode, WinitSettings};

use playback::Playhead;
use story::{ActiveStory, WatchStory};

/// The window size the app opens with.
pub const DEFAULT_WINDOW: (u32, u32) = (1280, 720);

/// What to do once the window is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The interactive walkthrough; `looping` starts again after the end.
    Interactive {
        /// Whether to loop.
        looping: bool,
    },
    /// Render one PNG per beat into this folder, then quit.
    Stills(PathBuf),
    /// Render this many frames of each stage, print timings, then quit.
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
}

/// The parts of the app that need no window or GPU: the playhead, the
/// controls and the keyboard. Tests build on this with `MinimalPlugins`.
pub fn core_plugin(app: &mut App) {
    app.add_plugins((playback::plugin, input::plugin));
}

/// Builds the real app: window, renderer, story loading, UI and scenes.
pub fn build_app(launch: Launch) -> App {
    let mut app = App::new();
    let interactive = matches!(launch.mode, Mode::Interactive { .. });
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
                    // Benchmarks measure the work of a frame, not the display's rate.
                    present_mode: if matches!(launch.mode, Mode::Bench(_)) {
                        bevy::window::PresentMode::AutoNoVsync
                    } else {
                        bevy::window::PresentMode::AutoVsync
                    },
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                watch_for_changes_override: Some(interactive),
                meta_check: AssetMetaCheck::Never,
                ..default()
            }),
    );
    let mut playhead = Playhead {
        stage: launch.start_stage,
        playing: !launch.paused,
        looping: matches!(launch.mode, Mode::Interactive { looping: true }),
        ..default()
    };
    playhead.clamp(&launch.story.story.durations());
    app.insert_resource(launch.story)
        .insert_resource(WatchStory(interactive))
        .insert_resource(playhead)
        .add_plugins((core_plugin, story::plugin, ui::plugin, scenes::plugin));
    match launch.mode {
        Mode::Interactive { .. } => {
            app.add_systems(Update, save_power);
        }
        Mode::Stills(dir) => {
            // Render as fast as possible even when the window has no focus.
            app.insert_resource(WinitSettings::continuous())
                .add_plugins(stills::StillsPlugin { dir });
        }
        Mode::Bench(frames) => {
            app.insert_resource(WinitSettings::continuous())
                .add_plugins(bench::BenchPlugin { frames });
        }
    }
    app
}

/// While playing, redraw every frame (also when the window lost focus, as
/// when a teacher clicks another window on the projector); while paused,
/// redraw only on input or every few seconds (which also shows a saved
/// story edit), so a paused laptop stays idle.
fn save_power(playhead: Res<Playhead>, mut winit: ResMut<WinitSettings>) {
    if !playhead.is_changed() {
        return;
    }
    let wanted = if playhead.playing {
        WinitSettings::continuous()
    } else {
        WinitSettings {
            focused_mode: UpdateMode::reactive_low_power(Duration::from_secs(5)),
            unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(5)),
        }
    };
    if winit.focused_mode != wanted.focused_mode || winit.unfocused_mode != wanted.unfocused_mode {
        *winit = wanted;
    }
}
