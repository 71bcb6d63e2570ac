//! What surrounds the scene: the stage bar, the caption bar with citation
//! numbers, the control buttons, the sources panel and the error banner.

mod bars;
mod fonts;
pub mod layout;
mod panels;
pub mod theme;

use bevy::camera::Viewport;
use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowResized};

pub use bars::{ButtonAction, CaptionText, CitationText, StageSegment, clock, segment_click};
pub use fonts::Fonts;
pub use panels::{ErrorBanner, ErrorText, SourcesPanel};
pub use theme::{Theme, palette};

use crate::playback::PlaybackSet;

/// The render layer of the UI camera; scene entities stay on layer 0.
const UI_LAYER: usize = 31;

/// Marks the camera that draws the scene in the band between the bars.
#[derive(Component)]
pub struct SceneCamera;

/// The UI: needs a window, the render plugins and the story.
pub fn plugin(app: &mut App) {
    app.init_resource::<Theme>()
        .add_plugins((fonts::plugin, bars::plugin, panels::plugin))
        .add_systems(Startup, spawn_cameras)
        .add_systems(Update, fit_scene_viewport.in_set(PlaybackSet::Present));
}

fn spawn_cameras(mut commands: Commands, theme: Res<Theme>) {
    commands.spawn((
        Name::new("Scene camera"),
        SceneCamera,
        Camera2d,
        Camera {
            order: 0,
            clear_color: ClearColorConfig::Custom(theme.background),
            ..default()
        },
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: bevy::camera::ScalingMode::AutoMin {
                min_width: crate::scenes::SCENE_SIZE.x,
                min_height: crate::scenes::SCENE_SIZE.y,
            },
            ..OrthographicProjection::default_2d()
        }),
    ));
    commands.spawn((
        Name::new("UI camera"),
        Camera2d,
        Camera {
            order: 1,
            clear_color: ClearColorConfig::None,
            ..default()
        },
        // The UI camera draws only the UI: no scene entity is on this layer.
        RenderLayers::layer(UI_LAYER),
        IsDefaultUiCamera,
    ));
}

/// The scene's viewport in physical pixels for a window of this size: the band
/// between the stage bar and the caption bar, rounded outwards so no seam shows.
pub fn scene_viewport(physical: UVec2) -> Option<(UVec2, UVec2)> {
    let h = physical.y as f32;
    let top = (h * layout::scene_top()).floor() as u32;
    let bottom = (h * (1.0 - layout::scene_bottom())).ceil() as u32;
    (physical.x > 0 && bottom > top).then(|| {
        (
            UVec2::new(0, top),
            UVec2::new(physical.x, (bottom - top).min(physical.y - top)),
        )
    })
}

fn fit_scene_viewport(
    mut resized: MessageReader<WindowResized>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<&mut Camera, With<SceneCamera>>,
    mut done: Local<bool>,
) {
    if resized.read().count() == 0 && *done {
        return;
    }
    *done = true;
    camera.viewport = scene_viewport(window.physical_size()).map(|(position, size)| Viewport {
        physical_position: position,
        physical_size: size,
        ..default()
    });
}
