//! car-t-sim: an animated, cited, step-by-step walkthrough of CAR T-cell
//! therapy, built with Bevy.
//!
//! Data flows one way: story file -> playhead -> scene poses -> pixels.

pub mod cli;
pub mod input;
pub mod playback;
pub mod scenes;
pub mod stills;
pub mod story;
pub mod ui;

use std::path::PathBuf;

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::window::WindowResolution;

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
        looping: matches!(launch.mode, Mode::Interactive { looping: true }),
        ..default()
    };
    playhead.clamp(&launch.story.story.durations());
    app.insert_resource(launch.story)
        .insert_resource(WatchStory(interactive))
        .insert_resource(playhead)
        .add_plugins((core_plugin, story::plugin, ui::plugin, scenes::plugin));
    if let Mode::Stills(dir) = launch.mode {
        // Render as fast as possible even when the window has no focus.
        app.insert_resource(bevy::winit::WinitSettings::continuous())
            .add_plugins(stills::StillsPlugin { dir });
    }
    app
}
