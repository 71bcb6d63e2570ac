//! The overlays, one per [`Overlay`] state, each spawned when it opens and
//! despawned when it closes: the list of keys (H or ?), the numbered
//! sources (S), the black screen (B or .) and a notice (a broken settings
//! file).

use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::access::Focusable;
use super::access::Spoken;
use super::fonts::Fonts;
use super::paint::{Edge, Fill, Role};
use super::widgets::{PANEL_TEXT_VH, Pressable, button_node, keys_or, panel, panel_text, title};
use crate::content::story::Source;
use crate::frame::Frame;
use crate::input::{Action, Intent};
use crate::screens::shown::{Chooser, Shown};
use crate::settings::Settings;
use crate::view::{Notice, Overlay};

/// Font size of the help overlay's lines, in percent of the window height:
/// large enough to read across a classroom.
pub const HELP_TEXT_VH: f32 = 3.2;

/// The sources panel.
#[derive(Component)]
pub struct SourcesPanel;

/// The help overlay listing every key.
#[derive(Component)]
pub struct HelpPanel;

/// The black screen.
#[derive(Component)]
pub struct BlankScreen;

/// The notice (a broken settings file), until Esc.
#[derive(Component)]
pub struct NoticePanel;

/// The story chooser.
#[derive(Component)]
pub struct ChooserPanel;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Overlay::Help), spawn_help)
        .add_systems(OnEnter(Overlay::Sources), spawn_sources)
        .add_systems(OnEnter(Overlay::Blank), spawn_blank)
        .add_systems(OnEnter(Overlay::Notice), spawn_notice)
        .add_systems(OnEnter(Overlay::Chooser), spawn_chooser)
        .add_systems(
            Update,
            refresh_sources
                .run_if(in_state(Overlay::Sources).and_then(resource_changed::<Shown>))
                .in_set(Frame::Draw),
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

/// One of the help overlay's two equal columns.
fn help_column() -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            flex_grow: 1.0,
            flex_basis: px(0),
            row_gap: vh(0.7),
            ..default()
        },
        Spoken::group("", AccessRole::List),
    )
}

fn spawn_help(mut commands: Commands, settings: Res<Settings>, fonts: Res<Fonts>) {
    let lines = help_lines(&settings);
    let (left, right) = lines.split_at(lines.len().div_ceil(2));
    let close = keys_or(&[Action::Help, Action::Back], &settings);
    commands
        .spawn((panel("Help", 11), HelpPanel, DespawnOnExit(Overlay::Help)))
        .with_children(|panel| {
            panel.spawn(title(
                format!("Keys   ({close} to close)"),
                fonts.bold.clone(),
            ));
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
                        columns.spawn(help_column()).with_children(|column| {
                            for line in part {
                                column.spawn(panel_text(line.clone(), HELP_TEXT_VH));
                            }
                        });
                    }
                });
        });
}

/// Fills the sources panel: its title, then one line per source.
fn fill_sources(
    panel: &mut ChildSpawnerCommands,
    sources: &[Source],
    settings: &Settings,
    fonts: &Fonts,
) {
    let close = keys_or(&[Action::Sources, Action::Back], settings);
    panel.spawn(title(
        format!("Sources   ({close} to close)"),
        fonts.bold.clone(),
    ));
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
            for (i, source) in sources.iter().enumerate() {
                list.spawn(panel_text(
                    format!("{}. {}", i + 1, source.reference()),
                    PANEL_TEXT_VH,
                ));
            }
        });
}

/// What the sources panel lists.
#[derive(bevy::ecs::system::SystemParam)]
struct Listed<'w> {
    shown: Res<'w, Shown>,
    settings: Res<'w, Settings>,
    fonts: Res<'w, Fonts>,
}

impl Listed<'_> {
    fn fill(&self, panel: &mut ChildSpawnerCommands) {
        fill_sources(panel, &self.shown.sources, &self.settings, &self.fonts);
    }
}

fn spawn_sources(mut commands: Commands, listed: Listed) {
    commands
        .spawn((
            panel("Sources", 10),
            SourcesPanel,
            DespawnOnExit(Overlay::Sources),
        ))
        .with_children(|panel| listed.fill(panel));
}

/// A story reloaded (or the screen changed) while the sources are open: the
/// panel shows the new list.
fn refresh_sources(
    mut commands: Commands,
    panel: Single<Entity, With<SourcesPanel>>,
    listed: Listed,
) {
    commands
        .entity(*panel)
        .despawn_related::<Children>()
        .with_children(|panel| listed.fill(panel));
}

fn spawn_blank(mut commands: Commands) {
    commands.spawn((
        Name::new("Blank screen"),
        BlankScreen,
        DespawnOnExit(Overlay::Blank),
        Node {
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

fn spawn_notice(mut commands: Commands, notice: Res<Notice>, settings: Res<Settings>) {
    let Some(text) = &notice.0 else {
        return;
    };
    let close = keys_or(&[Action::Back], &settings);
    commands.spawn((
        Name::new("Notice"),
        Spoken::group("Problem", AccessRole::Alert),
        NoticePanel,
        DespawnOnExit(Overlay::Notice),
        // In the middle, a dialog: the top is the story errors' banner.
        Node {
            position_type: PositionType::Absolute,
            left: vw(12.0),
            right: vw(12.0),
            top: vh(30.0),
            padding: UiRect::all(vh(2.0)),
            border: UiRect::all(vh(0.5)),
            flex_direction: FlexDirection::Column,
            ..default()
        },
        GlobalZIndex(20),
        Fill(Role::Panel),
        Edge(Role::Warning),
        children![panel_text(
            format!("{text}\n({close} to close)"),
            PANEL_TEXT_VH
        )],
    ));
}

/// One entry of the chooser: a button with its number, title and summary.
fn choice(i: usize, name: &str, summary: &str, bold: Handle<Font>) -> impl Bundle {
    let heading = format!("{}. {}", i + 1, name);
    (
        Button,
        Intent::Choose(i),
        Pressable,
        Name::new(heading.clone()),
        Spoken::button(&format!("{heading}. {summary}")),
        Focusable(100 + i as i32),
        bevy::picking::hover::Hovered::default(),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::FlexStart,
            padding: UiRect::axes(vw(1.5), vh(1.2)),
            row_gap: vh(0.5),
            ..button_node()
        },
        BackgroundColor(Color::NONE),
        Edge(Role::Text),
        children![
            (title(heading, bold), Pickable::IGNORE),
            (
                panel_text(summary.to_string(), HELP_TEXT_VH),
                Pickable::IGNORE
            ),
        ],
    )
}

fn spawn_chooser(
    mut commands: Commands,
    settings: Res<Settings>,
    fonts: Res<Fonts>,
    chooser: Res<Chooser>,
) {
    let close = keys_or(&[Action::Stories, Action::Back], &settings);
    // The stories, then the other screens, as the screens listed them.
    let count = chooser.0.len();
    commands
        .spawn((
            panel("Stories", 12),
            ChooserPanel,
            DespawnOnExit(Overlay::Chooser),
        ))
        .with_children(|panel| {
            panel.spawn(title(
                format!("Choose a story   (1 to {count}, or click; {close} to close)"),
                fonts.bold.clone(),
            ));
            for (i, entry) in chooser.0.iter().enumerate() {
                panel.spawn(choice(i, &entry.title, &entry.summary, fonts.bold.clone()));
            }
        });
}
