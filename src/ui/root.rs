//! The screen's root node: the bars in reading order around the band where
//! the scene shows, named after what is shown.

use accesskit::Role as AccessRole;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::access::Spoken;
use super::fonts::Fonts;
use super::{calendar, caption_bar, control_bar, stage_bar};
use crate::screens::shown::Shown;

/// The root of the screen's nodes.
#[derive(Component)]
pub struct ScreenRoot;

/// The window's title and the screen's accessible name follow the story
/// (or the comparison, while it shows). (Bevy names the screen reader's
/// window node after the title only while the window has the focus; the
/// screen's own group carries the name always.)
pub(super) fn name_after_story(
    shown: Res<Shown>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
    mut root: Single<&mut bevy::a11y::AccessibilityNode, With<ScreenRoot>>,
) {
    let title = shown.title.as_str();
    if window.title != title {
        window.title = title.to_string();
    }
    if root.label() != Some(title) {
        root.set_label(title);
    }
}

/// The screen: the stage bar, room for the scene, the caption bar and the
/// control bar, in reading order.
pub(super) fn spawn_screen(mut commands: Commands, fonts: Res<Fonts>) {
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

/// Marks the flexible band between the bars where the walkthrough's scene
/// shows; the comparison's lanes fill it.
#[derive(Component)]
pub struct SceneBand;
