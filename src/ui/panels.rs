//! Panels and overlays over the scene: the numbered sources (key S), the list
//! of keys (H or ?), the first-run hint, the black screen (B or .), and the
//! banner for a broken story or settings file.

use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::Fonts;
use super::access::Spoken;
use super::paint::{Edge, Fill, Ink, Role};
use crate::input::View;
use crate::playback::PlaybackSet;
use crate::settings::{Action, Settings};
use crate::story::{ActiveStory, StoryError};

/// Font size of panel text, in percent of the window height.
const PANEL_TEXT_VH: f32 = 2.5;
/// Font size of the help overlay's lines, in percent of the window height:
/// large enough to read across a classroom.
const HELP_TEXT_VH: f32 = 3.2;
/// How long the first-run hint stays, in seconds.
pub const HINT_SECONDS: f32 = 15.0;

/// The sources panel; hidden unless opened.
#[derive(Component)]
pub struct SourcesPanel;

/// The help overlay listing every key.
#[derive(Component)]
pub struct HelpPanel;

/// The small "press H" note shown on the first run.
#[derive(Component)]
pub struct Hint;

/// The black screen.
#[derive(Component)]
pub struct BlankScreen;

/// The banner showing story or settings errors.
#[derive(Component)]
pub struct ErrorBanner;

/// The text of the error banner.
#[derive(Component)]
pub struct ErrorText;

/// Whether this is the first run (no settings file yet): then the hint shows.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FirstRun(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FirstRun>()
        .add_systems(Startup, spawn_panels)
        .add_systems(
            Update,
            (
                fill_sources
                    .run_if(resource_changed::<ActiveStory>.or_else(resource_changed::<View>)),
                fill_help.run_if(resource_changed::<Settings>.or_else(resource_changed::<View>)),
                show_panels.run_if(resource_changed::<View>),
                show_error.run_if(resource_changed::<StoryError>.or_else(resource_changed::<View>)),
                fade_hint,
            )
                .in_set(PlaybackSet::Present),
        );
}

/// A panel box over the scene.
fn panel(name: &'static str, marker: impl Bundle, z: i32) -> impl Bundle {
    (
        Name::new(name),
        Spoken::group(name, AccessRole::Dialog),
        marker,
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
        GlobalZIndex(z),
        Fill(Role::Panel),
        Edge(Role::Text),
    )
}

/// Panel text in the theme's text colour, read out by screen readers.
fn panel_text(text: impl Into<String>, size_vh: f32) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Vh(size_vh),
            ..default()
        },
        Ink(Role::Text),
        Spoken::label(),
    )
}

fn title(text: &str, fonts: &Fonts) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font: fonts.bold.clone().into(),
            font_size: FontSize::Vh(3.2),
            ..default()
        },
        Ink(Role::Text),
        Spoken::label(),
    )
}

/// One of the help overlay's two equal columns.
fn help_column() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        flex_grow: 1.0,
        flex_basis: px(0),
        row_gap: vh(0.7),
        ..default()
    }
}

/// The first run's "press H" note, in the top right corner of the scene.
fn spawn_hint(commands: &mut Commands) {
    commands.spawn((
        Name::new("Hint"),
        Hint,
        Node {
            position_type: PositionType::Absolute,
            right: vw(2.0),
            top: vh(super::layout::STAGE_BAR_VH + 1.5),
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
            "Press H for help and all the keys",
            HELP_TEXT_VH
        )],
    ));
}

fn spawn_panels(mut commands: Commands, first_run: Res<FirstRun>) {
    // The panels' words are added when they are first opened.
    commands.spawn(panel("Sources", SourcesPanel, 10));
    commands.spawn(panel("Help", HelpPanel, 11));
    if first_run.0 {
        spawn_hint(&mut commands);
    }
    commands.spawn((
        Name::new("Story errors"),
        Spoken::group("Problems", AccessRole::Alert),
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
        Fill(Role::Panel),
        Edge(Role::Warning),
        children![(ErrorText, panel_text("", PANEL_TEXT_VH))],
    ));
    commands.spawn((
        Name::new("Blank screen"),
        BlankScreen,
        Node {
            display: Display::None,
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            ..default()
        },
        // Black in every theme: it stands for a projector turned away.
        BackgroundColor(Color::BLACK),
        GlobalZIndex(1000),
    ));
}

/// Whether a panel's text must be rebuilt before the panel is next shown.
/// Panels are filled only when opened: text that is never shown still costs
/// glyph atlases (about 13 MiB for both panels on a software renderer, where
/// textures live in main memory).
#[derive(Default)]
struct Stale(bool);

impl Stale {
    /// Notes a change to what the panel shows; says whether to fill the
    /// panel now (it is open and out of date), and if so marks it fresh.
    fn fill_now(&mut self, changed: bool, open: bool) -> bool {
        self.0 |= changed;
        let now = self.0 && open;
        self.0 &= !now;
        now
    }
}

/// Replaces a panel's contents: its title, then what `body` spawns.
fn refill(
    commands: &mut Commands,
    panel: Entity,
    title_text: &str,
    fonts: &Fonts,
    body: impl FnOnce(&mut ChildSpawnerCommands),
) {
    commands
        .entity(panel)
        .despawn_related::<Children>()
        .with_children(|panel| {
            panel.spawn(title(title_text, fonts));
            body(panel);
        });
}

fn fill_sources(
    mut commands: Commands,
    mut stale: Local<Stale>,
    panel: Single<Entity, With<SourcesPanel>>,
    story: Res<ActiveStory>,
    view: Res<View>,
    fonts: Res<Fonts>,
) {
    if !stale.fill_now(story.is_changed(), view.sources) {
        return;
    }
    refill(
        &mut commands,
        *panel,
        "Sources   (S or Esc to close)",
        &fonts,
        |panel| {
            panel
                .spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        row_gap: vh(0.5),
                        ..default()
                    },
                    Spoken::group("", AccessRole::List),
                ))
                .with_children(|list| {
                    for (i, source) in story.story.sources.iter().enumerate() {
                        list.spawn(panel_text(
                            format!("{}. {}", i + 1, source.reference()),
                            PANEL_TEXT_VH,
                        ));
                    }
                });
        },
    );
}

/// The help lines, from the keys bound now: `keys: what it does`.
pub fn help_lines(settings: &Settings) -> Vec<String> {
    let mut lines: Vec<String> = Action::ALL
        .iter()
        .map(|action| {
            let keys: Vec<String> = settings
                .keys_for(*action)
                .iter()
                .map(|b| b.spoken())
                .collect();
            let keys = if keys.is_empty() {
                "(no key)".to_string()
            } else {
                keys.join(", ")
            };
            format!("{keys}:  {}", action.describe())
        })
        .collect();
    lines.push("1 to 9:  Jump to that stage".into());
    lines.push("Tab, Shift+Tab, Enter:  Move between buttons, press one".into());
    lines
}

fn fill_help(
    mut commands: Commands,
    mut stale: Local<Stale>,
    panel: Single<Entity, With<HelpPanel>>,
    settings: Res<Settings>,
    view: Res<View>,
    fonts: Res<Fonts>,
) {
    if !stale.fill_now(settings.is_changed(), view.help) {
        return;
    }
    let lines = help_lines(&settings);
    let (left, right) = lines.split_at(lines.len().div_ceil(2));
    refill(
        &mut commands,
        *panel,
        "Keys   (H or Esc to close)",
        &fonts,
        |panel| {
            panel
                .spawn((
                    Node {
                        column_gap: vw(3.0),
                        ..default()
                    },
                    Spoken::group("", AccessRole::GenericContainer),
                ))
                .with_children(|columns| {
                    for part in [left, right] {
                        let list = Spoken::group("", AccessRole::List);
                        columns
                            .spawn((help_column(), list))
                            .with_children(|column| {
                                for line in part {
                                    column.spawn(panel_text(line.clone(), HELP_TEXT_VH));
                                }
                            });
                    }
                });
        },
    );
}

type PanelNodes<'a> = (
    &'a mut Node,
    Has<SourcesPanel>,
    Has<HelpPanel>,
    Has<BlankScreen>,
);

type AnyPanel = Or<(With<SourcesPanel>, With<HelpPanel>, With<BlankScreen>)>;

fn show_panels(view: Res<View>, mut panels: Query<PanelNodes, AnyPanel>) {
    for (mut node, sources, help, blank) in &mut panels {
        let open = (sources && view.sources) || (help && view.help) || (blank && view.blank);
        let display = if open { Display::Flex } else { Display::None };
        if node.display != display {
            node.display = display;
        }
    }
}

/// The first-run hint goes after [`HINT_SECONDS`], or as soon as help opens.
fn fade_hint(
    mut commands: Commands,
    time: Res<Time<Real>>,
    view: Res<View>,
    mut shown_for: Local<f32>,
    hint: Query<Entity, With<Hint>>,
) {
    for hint in &hint {
        *shown_for += time.delta_secs();
        if *shown_for > HINT_SECONDS || view.help {
            commands.entity(hint).despawn();
        }
    }
}

fn show_error(
    error: Res<StoryError>,
    view: Res<View>,
    mut banner: Single<&mut Node, With<ErrorBanner>>,
    mut text: Single<&mut Text, With<ErrorText>>,
) {
    let mut parts = vec![];
    if let Some(message) = &error.0 {
        parts.push(format!(
            "The story file has errors, so the last good version keeps playing. Fix and save to reload:\n{message}"
        ));
    }
    if let Some(notice) = &view.notice {
        parts.push(format!("{notice}\n(Esc to close)"));
    }
    if parts.is_empty() {
        banner.display = Display::None;
    } else {
        banner.display = Display::Flex;
        text.0 = parts.join("\n\n");
    }
}
