//! The one camera: it draws the scene, fitted into the band between the
//! bars, and the UI over the whole window.

use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::layout::Bands;
use crate::screens::shown::Shown;
use crate::theme::Theme;

/// Marks the one camera: it draws the scene, fitted into the band between
/// the bars, and the UI over the whole window.
#[derive(Component)]
pub struct SceneCamera;

/// One camera for scene and UI. (A second camera with a viewport for the
/// scene cost a second full-window pass: on a software renderer, frame time
/// grows with the pixels each pass touches.)
pub(super) fn spawn_camera(
    mut commands: Commands,
    theme: Res<Theme>,
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
    smooth: Option<Res<SmoothEdges>>,
) {
    let msaa = if smooth.is_some() {
        Msaa::Sample4
    } else {
        msaa_for(adapter.as_deref())
    };
    commands.spawn((
        Name::new("Camera"),
        SceneCamera,
        Camera2d,
        Camera {
            clear_color: ClearColorConfig::Custom(theme.background),
            ..default()
        },
        IsDefaultUiCamera,
        msaa,
    ));
}

/// Present when every edge must be smooth whatever the renderer costs (stills).
#[derive(Resource)]
pub struct SmoothEdges;

/// Multisampling for a renderer: 4x on a GPU, where it is nearly free and
/// smooths every shape's edge; off on a software renderer (Mesa's lavapipe or
/// llvmpipe on a laptop with no usable GPU), where it doubled the frame time.
/// (Text is smoothed either way.) wgpu's `DeviceType` is not re-exported by
/// Bevy, so the CPU type is recognised by its name.
pub fn msaa_for(adapter: Option<&bevy::render::renderer::RenderAdapterInfo>) -> Msaa {
    match adapter {
        Some(info) if format!("{:?}", info.device_type) == "Cpu" => Msaa::Off,
        _ => Msaa::Sample4,
    }
}

/// How the scene fits a window of this logical size: world units per pixel,
/// and where the scene's centre sits (fractions of the window from its
/// bottom-left corner). The scene fills the band between the stage bar and
/// the caption bar as far as its shape allows, centred in it.
pub fn scene_fit(width: f32, height: f32, bands: &Bands) -> (f32, Vec2) {
    let band = height * (1.0 - bands.scene_top() - bands.scene_bottom());
    let scale = (crate::scenes::SCENE_SIZE.x / width.max(1.0))
        .max(crate::scenes::SCENE_SIZE.y / band.max(1.0));
    let centre_from_bottom = bands.scene_bottom() + (band / height.max(1.0)) / 2.0;
    (scale, Vec2::new(0.5, centre_from_bottom))
}

pub(super) fn fit_scene(
    window: Single<&Window, With<PrimaryWindow>>,
    bands: Res<Bands>,
    shown: Res<Shown>,
    mut projection: Single<&mut Projection, With<SceneCamera>>,
) {
    let (scale, origin) = if shown.scene_in_band {
        scene_fit(window.width(), window.height(), &bands)
    } else {
        // The lanes and the lab place their scenes in logical pixels from
        // the centre.
        (1.0, Vec2::splat(0.5))
    };
    if let Projection::Orthographic(ortho) = projection.as_mut()
        && (ortho.scale != scale || ortho.viewport_origin != origin)
    {
        ortho.scaling_mode = ScalingMode::WindowSize;
        ortho.scale = scale;
        ortho.viewport_origin = origin;
    }
}
