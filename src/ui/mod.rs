//! What surrounds the scene: the stage bar, the caption bar with citation
//! numbers, the control bar, the overlays (help, sources, black screen,
//! notice), banners, theme colours, focus and the screen reader tree.

pub mod access;
mod banners;
mod calendar;
pub mod camera;
mod caption_bar;
mod control_bar;
pub mod fonts;
pub mod interaction;
pub mod layout;
mod overlays;
pub mod paint;
pub mod root;
mod stage_bar;
pub mod widgets;

use bevy::prelude::*;

pub use banners::{ErrorBanner, FirstRun, HINT_SECONDS, Hint};
pub use calendar::{CalendarCite, CalendarMark, CalendarNote, CalendarStrip, CalendarTick};
pub use camera::{SceneCamera, SmoothEdges, msaa_for, scene_fit};
pub use caption_bar::{CaptionBar, CaptionText, CitationText};
pub use control_bar::clock;
pub use fonts::Fonts;
pub use overlays::{BlankScreen, ChooserPanel, HelpPanel, NoticePanel, SourcesPanel, help_lines};
pub use root::{SceneBand, ScreenRoot};
pub use stage_bar::{StageSegment, segment_click};

use crate::frame::Frame;
use crate::screens::shown::Shown;

/// The UI: needs a window, the render plugins and the story.
pub fn plugin(app: &mut App) {
    app.add_plugins((fonts::plugin, screen_plugin))
        .add_systems(Startup, camera::spawn_camera)
        .add_systems(Update, camera::fit_scene.in_set(Frame::Fit));
}

/// The screen's nodes around the scene (bars, overlays, banners, focus) and
/// the systems that keep them up to date, without the font files or the
/// camera: tests build it headless with a [`Fonts`] resource and a window
/// entity. Each screen's own view comes from [`crate::screens::view_plugin`].
pub fn screen_plugin(app: &mut App) {
    app.add_plugins((
        paint::plugin,
        widgets::plugin,
        interaction::plugin,
        stage_bar::plugin,
        calendar::plugin,
        caption_bar::plugin,
        control_bar::plugin,
        overlays::plugin,
        banners::plugin,
        access::plugin,
    ))
    .add_systems(Startup, root::spawn_screen)
    .add_systems(
        Update,
        root::name_after_story
            .run_if(resource_changed::<Shown>)
            .in_set(Frame::Draw),
    );
}
