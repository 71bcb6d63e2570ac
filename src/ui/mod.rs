//! What surrounds the scene: the stage bar, the caption bar with citation
//! numbers, the control bar, the overlays (help, sources, black screen,
//! notice), banners, theme colours, focus and the screen reader tree.

pub mod access;
mod banners;
mod calendar;
mod caption_bar;
mod compare;
mod control_bar;
mod fonts;
pub mod interaction;
pub mod layout;
mod overlays;
pub mod paint;
mod stage_bar;
mod table;
pub mod widgets;

use accesskit::Role as AccessRole;
use bevy::camera::ScalingMode;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

pub use banners::{ErrorBanner, FirstRun, HINT_SECONDS, Hint};
pub use calendar::{
    CalendarCite, CalendarMark, CalendarNote, CalendarStrip, CalendarTick, axis, tick_label, ticks,
};
pub use caption_bar::{CaptionBar, CaptionText, CitationText};
pub use compare::{
    CompareView, LANE_TITLE_BOX_VH, LANE_TITLE_VH, LaneCaption, LaneCitation, LaneTitle, SceneBand,
    lane_frame,
};
pub use control_bar::clock;
pub use fonts::Fonts;
pub use overlays::{BlankScreen, ChooserPanel, HelpPanel, NoticePanel, SourcesPanel, help_lines};
pub use stage_bar::{StageSegment, segment_click};
pub use table::{TABLE_TEXT_VH, TablePanel, TableRow, spoken_row};

use crate::frame::Frame;
use crate::story::ActiveStory;
use crate::theme::Theme;
use crate::view::Screen;
use access::Spoken;

/// Marks the one camera: it draws the scene, fitted into the band between
/// the bars, and the UI over the whole window.
#[derive(Component)]
pub struct SceneCamera;

/// The UI: needs a window, the render plugins and the story.
pub fn plugin(app: &mut App) {
    app.add_plugins((fonts::plugin, screen_plugin))
        .add_systems(Startup, spawn_camera)
        .add_systems(Update, fit_scene.in_set(Frame::Fit));
}

/// The screen's nodes and the systems that keep them up to date, without the
/// font files or the camera: tests build it headless with a [`Fonts`]
/// resource and a window entity.
pub fn screen_plugin(app: &mut App) {
    app.add_plugins((
        paint::plugin,
        widgets::plugin,
        interaction::plugin,
        stage_bar::plugin,
        calendar::plugin,
        crate::lab::draw_plugin,
        caption_bar::plugin,
        compare::plugin,
        control_bar::plugin,
        overlays::plugin,
        table::plugin,
        banners::plugin,
        access::plugin,
    ))
    .add_systems(Startup, spawn_screen)
    .add_systems(
        Update,
        name_after_story
            .run_if(resource_changed::<ActiveStory>.or_else(state_changed::<Screen>))
            .in_set(Frame::Draw),
    );
}

/// The root of the screen's nodes.
#[derive(Component)]
pub struct ScreenRoot;

/// The window's title and the screen's accessible name follow the story
/// (or the comparison, while it shows). (Bevy names the screen reader's
/// window node after the title only while the window has the focus; the
/// screen's own group carries the name always.)
fn name_after_story(
    story: Res<ActiveStory>,
    comparison: Res<crate::compare::ActiveComparison>,
    lab: Res<crate::lab::ActiveLab>,
    screen: Res<State<Screen>>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    mut root: Single<&mut bevy::a11y::AccessibilityNode, With<ScreenRoot>>,
) {
    let title = match screen.get() {
        Screen::Walkthrough => story.story.title.as_str(),
        Screen::Compare => comparison.0.title.as_str(),
        Screen::Lab => lab.lab.title.as_str(),
    };
    if window.title != title {
        window.title = title.to_string();
    }
    if root.label() != Some(title) {
        root.set_label(title);
    }
}

/// The screen: the stage bar, room for the scene, the caption bar and the
/// control bar, in reading order.
fn spawn_screen(mut commands: Commands, fonts: Res<Fonts>) {
    commands.spawn((
        Name::new("Screen"),
        ScreenRoot,
        Spoken::group("", AccessRole::GenericContainer),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            ..default()
        },
        Pickable::IGNORE,
        children![
            stage_bar::bar(),
            calendar::strip(),
            (
                SceneBand,
                Node {
                    flex_grow: 1.0,
                    ..default()
                },
                Pickable::IGNORE,
            ),
            caption_bar::bar(&fonts),
            control_bar::bar(),
        ],
    ));
}

/// One camera for scene and UI. (A second camera with a viewport for the
/// scene cost a second full-window pass: on a software renderer, frame time
/// grows with the pixels each pass touches.)
fn spawn_camera(
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
pub fn scene_fit(width: f32, height: f32, bands: &layout::Bands) -> (f32, Vec2) {
    let band = height * (1.0 - bands.scene_top() - bands.scene_bottom());
    let scale = (crate::scenes::SCENE_SIZE.x / width.max(1.0))
        .max(crate::scenes::SCENE_SIZE.y / band.max(1.0));
    let centre_from_bottom = bands.scene_bottom() + (band / height.max(1.0)) / 2.0;
    (scale, Vec2::new(0.5, centre_from_bottom))
}

fn fit_scene(
    window: Single<&Window, With<PrimaryWindow>>,
    bands: Res<layout::Bands>,
    screen: Res<State<Screen>>,
    mut projection: Single<&mut Projection, With<SceneCamera>>,
) {
    let (scale, origin) = match screen.get() {
        Screen::Walkthrough => scene_fit(window.width(), window.height(), &bands),
        // The lanes and the lab place their scenes in logical pixels from
        // the centre.
        Screen::Compare | Screen::Lab => (1.0, Vec2::splat(0.5)),
    };
    if let Projection::Orthographic(ortho) = projection.as_mut()
        && (ortho.scale != scale || ortho.viewport_origin != origin)
    {
        ortho.scaling_mode = ScalingMode::WindowSize;
        ortho.scale = scale;
        ortho.viewport_origin = origin;
    }
}
