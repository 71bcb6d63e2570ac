//! Notes that come and go by themselves: the banner for a story file with
//! errors (while the last good story keeps playing), and the first run's
//! "press H" hint.

use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::access::Spoken;
use super::overlays::HELP_TEXT_VH;
use super::paint::{Edge, Fill, Role};
use super::widgets::{PANEL_TEXT_VH, keys_or, panel_text};
use crate::frame::Frame;
use crate::input::Action;
use crate::settings::Settings;
use crate::story::StoryError;
use crate::view::Overlay;

/// How long the first-run hint stays, in seconds.
pub const HINT_SECONDS: f32 = 15.0;

/// The banner showing a story file's errors; there only while it has some.
#[derive(Component)]
pub struct ErrorBanner;

/// The small "press H" note shown on the first run.
#[derive(Component)]
pub struct Hint;

/// Whether this is the first run (no settings file yet): then the hint shows.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FirstRun(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FirstRun>()
        .add_systems(Startup, spawn_hint)
        .add_systems(
            Update,
            (
                show_story_errors.run_if(resource_changed::<StoryError>),
                fade_hint,
            )
                .in_set(Frame::Draw),
        );
}

/// The first run's "press H" note, in the top right corner of the scene.
fn spawn_hint(mut commands: Commands, first_run: Res<FirstRun>, settings: Res<Settings>) {
    if !first_run.0 {
        return;
    }
    let keys = keys_or(&[Action::Help], &settings);
    commands.spawn((
        Name::new("Hint"),
        Hint,
        Node {
            position_type: PositionType::Absolute,
            right: vw(2.0),
            // Under the calendar strip, over the scene's top corner.
            top: vh(super::layout::STAGE_BAR_VH + super::layout::CALENDAR_VH + 1.5),
            padding: UiRect::axes(vw(1.2), vh(1.0)),
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::all(vh(1.0)),
            ..default()
        },
        GlobalZIndex(5),
        Fill(Role::Panel),
        Edge(Role::Text),
        Pickable::IGNORE,
        children![panel_text(
            format!("Press {keys} for help and all the keys"),
            HELP_TEXT_VH
        )],
    ));
}

/// The first-run hint goes after [`HINT_SECONDS`], or as soon as help opens.
fn fade_hint(
    mut commands: Commands,
    time: Res<Time<Real>>,
    overlay: Res<State<Overlay>>,
    mut shown_for: Local<f32>,
    hint: Query<Entity, With<Hint>>,
) {
    for hint in &hint {
        *shown_for += time.delta_secs();
        if *shown_for > HINT_SECONDS || *overlay.get() == Overlay::Help {
            commands.entity(hint).despawn();
        }
    }
}

fn show_story_errors(
    mut commands: Commands,
    error: Res<StoryError>,
    banners: Query<Entity, With<ErrorBanner>>,
) {
    for banner in &banners {
        commands.entity(banner).despawn();
    }
    let Some(message) = &error.0 else {
        return;
    };
    commands.spawn((
        Name::new("Story errors"),
        Spoken::group("Problems", AccessRole::Alert),
        ErrorBanner,
        banner_node(),
        GlobalZIndex(21),
        Fill(Role::Panel),
        Edge(Role::Warning),
        children![panel_text(
            format!(
                "The story file has errors, so the last good version keeps playing. \
                 Fix and save to reload:\n{message}"
            ),
            PANEL_TEXT_VH
        )],
    ));
}

/// A banner across the top of the scene, for problems.
fn banner_node() -> Node {
    Node {
        position_type: PositionType::Absolute,
        left: vw(2.0),
        right: vw(2.0),
        top: vh(super::layout::STAGE_BAR_VH + super::layout::CALENDAR_VH + 1.0),
        padding: UiRect::all(vh(1.5)),
        border: UiRect::all(vh(0.5)),
        flex_direction: FlexDirection::Column,
        ..default()
    }
}
