//! Panels over the scene: the numbered sources (key S) and the banner that
//! shows a story file's errors while the last good story keeps playing.

use bevy::prelude::*;

use super::{Fonts, Theme};
use crate::input::SourcesOpen;
use crate::playback::PlaybackSet;
use crate::story::{ActiveStory, StoryError};

/// Font size of panel text, in percent of the window height.
const PANEL_TEXT_VH: f32 = 2.5;

/// The sources panel; hidden unless opened.
#[derive(Component)]
pub struct SourcesPanel;

/// The list inside the sources panel.
#[derive(Component)]
struct SourcesList;

/// The banner showing story errors.
#[derive(Component)]
pub struct ErrorBanner;

/// The text of the error banner.
#[derive(Component)]
pub struct ErrorText;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_panels).add_systems(
        Update,
        (
            fill_sources.run_if(resource_changed::<ActiveStory>),
            show_sources.run_if(resource_changed::<SourcesOpen>),
            show_error.run_if(resource_changed::<StoryError>),
        )
            .in_set(PlaybackSet::Present),
    );
}

fn spawn_panels(mut commands: Commands, theme: Res<Theme>, fonts: Res<Fonts>) {
    commands.spawn((
        Name::new("Sources"),
        SourcesPanel,
        Node {
            display: Display::None,
            position_type: PositionType::Absolute,
            left: vw(4.0),
            right: vw(4.0),
            top: vh(4.0),
            bottom: vh(4.0),
            padding: UiRect::all(vh(2.5)),
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::all(vh(1.0)),
            flex_direction: FlexDirection::Column,
            row_gap: vh(0.8),
            overflow: Overflow::clip(),
            ..default()
        },
        GlobalZIndex(10),
        BackgroundColor(theme.panel),
        BorderColor::all(theme.text),
        children![
            (
                Text::new("Sources   (S or Esc to close)"),
                TextFont {
                    font: fonts.bold.clone().into(),
                    font_size: FontSize::Vh(3.2),
                    ..default()
                },
                TextColor(theme.text),
            ),
            (
                SourcesList,
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: vh(0.5),
                    ..default()
                },
            )
        ],
    ));
    commands.spawn((
        Name::new("Story errors"),
        ErrorBanner,
        Node {
            display: Display::None,
            position_type: PositionType::Absolute,
            left: vw(2.0),
            right: vw(2.0),
            top: vh(super::layout::STAGE_BAR_VH + 1.0),
            padding: UiRect::all(vh(1.5)),
            border: UiRect::all(vh(0.5)),
            flex_direction: FlexDirection::Column,
            ..default()
        },
        GlobalZIndex(20),
        BackgroundColor(theme.panel),
        BorderColor::all(theme.warning),
        children![(
            ErrorText,
            Text::new(""),
            TextFont {
                font_size: FontSize::Vh(PANEL_TEXT_VH),
                ..default()
            },
            TextColor(theme.text),
        )],
    ));
}

fn fill_sources(
    mut commands: Commands,
    list: Single<Entity, With<SourcesList>>,
    story: Res<ActiveStory>,
    theme: Res<Theme>,
) {
    let theme = theme.as_ref();
    commands
        .entity(*list)
        .despawn_related::<Children>()
        .with_children(|list| {
            for (i, source) in story.story.sources.iter().enumerate() {
                list.spawn((
                    Text::new(format!("{}. {}", i + 1, source.reference())),
                    TextFont {
                        font_size: FontSize::Vh(PANEL_TEXT_VH),
                        ..default()
                    },
                    TextColor(theme.text),
                ));
            }
        });
}

fn show_sources(open: Res<SourcesOpen>, mut panel: Single<&mut Node, With<SourcesPanel>>) {
    panel.display = if open.0 { Display::Flex } else { Display::None };
}

fn show_error(
    error: Res<StoryError>,
    mut banner: Single<&mut Node, With<ErrorBanner>>,
    mut text: Single<&mut Text, With<ErrorText>>,
) {
    match &error.0 {
        Some(message) => {
            banner.display = Display::Flex;
            text.0 = format!(
                "The story file has errors, so the last good version keeps playing. Fix and save to reload:\n{message}"
            );
        }
        None => banner.display = Display::None,
    }
}
