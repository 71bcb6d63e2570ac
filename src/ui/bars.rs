//! The three bands around the scene: the stage bar (top), the caption bar and
//! the control bar (bottom). They only read the playhead and send controls.

use bevy::picking::hover::Hovered;
use bevy::prelude::*;

use bevy::window::PrimaryWindow;

use accesskit::Role as AccessRole;

use super::access::{Focusable, Spoken};
use super::layout::{
    Bands, CAPTION_BAR_VH, CAPTION_FONT_VH, CAPTION_PAD_VW, CONTROL_BAR_VH, LABEL_VH, STAGE_BAR_VH,
    label_font_px,
};
use super::paint::{Edge, Fill, Ink, Role, ThemeSet};
use super::{Fonts, Theme};
use crate::input::{Senders, UiCommand, View};
use crate::playback::{Control, PlaybackSet, Playhead};
use crate::settings::Settings;
use crate::story::ActiveStory;

/// The row holding one segment per stage.
#[derive(Component)]
pub struct StageBar;

/// A stage's segment in the stage bar; clicking it jumps there, clicking the
/// current one seeks inside it.
#[derive(Component, Debug, Clone, Copy)]
pub struct StageSegment(pub usize);

/// The fill showing progress through a stage.
#[derive(Component)]
struct SegmentProgress(usize);

/// The label of a stage segment.
#[derive(Component)]
struct SegmentLabel(usize);

/// The caption bar, hidden with key C.
#[derive(Component)]
pub struct CaptionBar;

/// The caption text; its child span holds the citation numbers.
#[derive(Component)]
pub struct CaptionText;

/// The citation numbers after the caption.
#[derive(Component)]
pub struct CitationText;

pub use crate::input::ButtonAction;

/// The play/pause button's label.
#[derive(Component)]
struct PlayLabel;

/// Shows the speed.
#[derive(Component)]
struct SpeedText;

/// Shows stage number and time.
#[derive(Component)]
struct PositionText;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Bands>()
        .add_systems(Startup, spawn_bars)
        .add_systems(
            Update,
            (
                rebuild_stage_bar.run_if(resource_changed::<ActiveStory>),
                (update_stage_bar, update_caption, update_controls).run_if(
                    resource_changed::<Playhead>
                        .or_else(resource_changed::<ActiveStory>)
                        .or_else(resource_changed::<Theme>),
                ),
                hover_buttons,
                fit_bands,
                fit_fonts,
            )
                .chain()
                .after(ThemeSet)
                .in_set(PlaybackSet::Present),
        );
}

/// The height of the rule above the captions.
const CAPTION_RULE_VH: f32 = 0.5;

/// A label of the bars, sized to the window by [`fit_fonts`].
#[derive(Component)]
struct BarLabel;

/// A bar label whose colour its owner sets.
fn label_text(text: impl Into<String>, size_vh: f32) -> impl Bundle {
    (
        BarLabel,
        Text::new(text),
        TextFont {
            font_size: FontSize::Vh(size_vh),
            ..default()
        },
        Pickable::IGNORE,
    )
}

/// A bar label in the theme's text colour.
fn label(text: impl Into<String>, size_vh: f32) -> impl Bundle {
    (label_text(text, size_vh), Ink(Role::Text))
}

fn button(action: ButtonAction, text: &str, theme: &Theme, order: i32) -> impl Bundle {
    (
        Button,
        action,
        Name::new(text.to_string()),
        Spoken::button(text),
        Focusable(order),
        Hovered::default(),
        Node {
            padding: UiRect::axes(vw(1.0), vh(0.6)),
            border: UiRect::all(px(2)),
            border_radius: BorderRadius::all(vh(0.8)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        Edge(Role::Text),
        BackgroundColor(button_background(theme, false, false)),
        children![label(text, LABEL_VH)],
    )
}

/// The caption bar's top rule, in text colour.
///
/// A node of its own rather than the bar's top border: Bevy draws a border
/// as a quad the size of its whole node, so on a software renderer a border
/// costs as much as the bar behind it, and this thin node almost nothing.
fn caption_rule() -> impl Bundle {
    (
        Node {
            position_type: PositionType::Absolute,
            top: px(0),
            left: px(0),
            width: percent(100),
            height: vh(CAPTION_RULE_VH),
            ..default()
        },
        Fill(Role::Text),
        Pickable::IGNORE,
    )
}

fn spawn_bars(mut commands: Commands, theme: Res<Theme>, fonts: Res<Fonts>) {
    let theme = theme.as_ref();
    commands
        .spawn((
            Name::new("Screen"),
            Spoken::group("", AccessRole::GenericContainer),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|screen| {
            screen.spawn((
                Name::new("Stage bar"),
                Spoken::group("Stages", AccessRole::Toolbar),
                StageBar,
                Node {
                    height: vh(STAGE_BAR_VH),
                    flex_shrink: 0.0,
                    padding: UiRect::axes(vw(1.0), vh(1.0)),
                    column_gap: vw(0.6),
                    ..default()
                },
            ));
            screen.spawn((
                Node {
                    flex_grow: 1.0,
                    ..default()
                },
                Pickable::IGNORE,
            ));
            screen.spawn((
                Name::new("Caption bar"),
                Spoken::group("Caption", AccessRole::Group),
                CaptionBar,
                Node {
                    height: vh(CAPTION_BAR_VH),
                    flex_shrink: 0.0,
                    // The top padding makes room for the rule.
                    padding: UiRect {
                        top: vh(CAPTION_RULE_VH),
                        ..UiRect::horizontal(vw(CAPTION_PAD_VW))
                    },
                    align_items: AlignItems::Center,
                    justify_content: JustifyContent::Center,
                    overflow: Overflow::clip(),
                    ..default()
                },
                Fill(Role::CaptionBar),
                children![
                    caption_rule(),
                    (
                        CaptionText,
                        Spoken::caption(),
                        Text::new(""),
                        TextFont {
                            font_size: FontSize::Vh(CAPTION_FONT_VH),
                            ..default()
                        },
                        Ink(Role::CaptionText),
                        TextLayout::justify(Justify::Center),
                        children![(
                            CitationText,
                            TextSpan::new(""),
                            TextFont {
                                font: fonts.bold.clone().into(),
                                font_size: FontSize::Vh(CAPTION_FONT_VH * 0.8),
                                ..default()
                            },
                            Ink(Role::CaptionText),
                        )],
                    )
                ],
            ));
            screen
                .spawn((
                    Name::new("Control bar"),
                    Spoken::group("Controls", AccessRole::Toolbar),
                    Node {
                        height: vh(CONTROL_BAR_VH),
                        flex_shrink: 0.0,
                        padding: UiRect::axes(vw(1.5), vh(1.0)),
                        column_gap: vw(0.8),
                        align_items: AlignItems::Center,
                        ..default()
                    },
                ))
                .with_children(|bar| {
                    bar.spawn(button(
                        ButtonAction::Control(Control::Previous),
                        "Back (Left)",
                        theme,
                        10,
                    ))
                    .observe(on_button_click);
                    bar.spawn(button(
                        ButtonAction::Control(Control::TogglePlay),
                        "Pause (Space)",
                        theme,
                        11,
                    ))
                    .observe(on_button_click)
                    .insert(PlayLabel);
                    bar.spawn(button(
                        ButtonAction::Control(Control::Next),
                        "Next (Right)",
                        theme,
                        12,
                    ))
                    .observe(on_button_click);
                    bar.spawn(button(
                        ButtonAction::Control(Control::Restart),
                        "Restart (Home)",
                        theme,
                        13,
                    ))
                    .observe(on_button_click);
                    bar.spawn((
                        SpeedText,
                        Spoken::label(),
                        label("Speed 1x (- =)", LABEL_VH),
                        Node {
                            margin: UiRect::left(vw(1.0)),
                            ..default()
                        },
                    ));
                    bar.spawn((
                        Node {
                            flex_grow: 1.0,
                            ..default()
                        },
                        Pickable::IGNORE,
                    ));
                    bar.spawn((PositionText, label("", LABEL_VH), Spoken::label()));
                    bar.spawn(button(
                        ButtonAction::Ui(UiCommand::ToggleSources),
                        "Sources (S)",
                        theme,
                        14,
                    ))
                    .observe(on_button_click);
                });
        });
}

fn on_button_click(click: On<Pointer<Click>>, actions: Query<&ButtonAction>, mut senders: Senders) {
    if let Ok(action) = actions.get(click.entity) {
        senders.send(*action);
    }
}

/// What a click on a stage segment does: the current stage seeks to where the
/// click fell (`x` from 0 at the left edge to 1 at the right), another stage
/// jumps to its start.
pub fn segment_click(segment: usize, current: usize, x: f32) -> Control {
    if segment == current {
        Control::SeekFraction(x)
    } else {
        Control::JumpTo(segment)
    }
}

fn on_segment_click(
    click: On<Pointer<Click>>,
    segments: Query<&StageSegment>,
    playhead: Res<Playhead>,
    mut controls: MessageWriter<Control>,
) {
    let Ok(segment) = segments.get(click.entity) else {
        return;
    };
    // The UI picking backend reports the hit relative to the node's centre,
    // from -0.5 to 0.5.
    let x = click.hit.position.map_or(0.0, |p| p.x + 0.5);
    controls.write(segment_click(segment.0, playhead.stage, x));
}

fn rebuild_stage_bar(
    mut commands: Commands,
    bar: Single<Entity, With<StageBar>>,
    story: Res<ActiveStory>,
    theme: Res<Theme>,
) {
    let theme = theme.as_ref();
    commands
        .entity(*bar)
        .despawn_related::<Children>()
        .with_children(|bar| {
            let count = story.story.stages.len();
            for (i, stage) in story.story.stages.iter().enumerate() {
                let spoken = format!("Stage {} of {count}: {}", i + 1, stage.title);
                bar.spawn((
                    Name::new(spoken.clone()),
                    Button,
                    StageSegment(i),
                    ButtonAction::Control(Control::JumpTo(i)),
                    Spoken::button(&spoken),
                    Focusable(i as i32),
                    Hovered::default(),
                    Node {
                        flex_grow: 1.0,
                        flex_basis: px(0),
                        border: UiRect::all(px(2)),
                        border_radius: BorderRadius::all(vh(0.8)),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        overflow: Overflow::clip(),
                        ..default()
                    },
                    Edge(Role::Text),
                    BackgroundColor(button_background(theme, false, false)),
                    children![
                        (
                            SegmentProgress(i),
                            Node {
                                position_type: PositionType::Absolute,
                                left: px(0),
                                bottom: px(0),
                                height: vh(0.9),
                                width: percent(0),
                                ..default()
                            },
                            Fill(Role::Progress),
                            Pickable::IGNORE,
                        ),
                        (
                            SegmentLabel(i),
                            label_text(format!("{}. {}", i + 1, stage.title), LABEL_VH),
                            TextColor(theme.text),
                        )
                    ],
                ))
                .observe(on_segment_click);
            }
        });
}

fn update_stage_bar(
    playhead: Res<Playhead>,
    story: Res<ActiveStory>,
    theme: Res<Theme>,
    mut segments: Query<(&StageSegment, &Hovered, &mut BackgroundColor)>,
    mut fills: Query<(&SegmentProgress, &mut Node)>,
    mut labels: Query<(&SegmentLabel, &mut TextColor)>,
) {
    // Only what differs is written: this runs every frame while playing.
    for (segment, hovered, mut background) in &mut segments {
        let current = segment.0 == playhead.stage;
        background.set_if_neq(BackgroundColor(button_background(
            &theme,
            current,
            hovered.get(),
        )));
    }
    for (label, mut color) in &mut labels {
        color.set_if_neq(TextColor(if label.0 == playhead.stage {
            theme.current_text
        } else {
            theme.text
        }));
    }
    for (fill, mut node) in &mut fills {
        let fraction = match fill.0.cmp(&playhead.stage) {
            std::cmp::Ordering::Less => 1.0,
            std::cmp::Ordering::Greater => 0.0,
            std::cmp::Ordering::Equal => story
                .story
                .stages
                .get(fill.0)
                .map_or(0.0, |s| playhead.time / s.duration),
        };
        node.width = percent(fraction * 100.0);
    }
}

/// Sizes the bands for the window, the caption size the viewer chose, and
/// whether captions are shown. The caption bar is tall enough for the
/// story's longest caption at that size, so it does not jump between beats.
pub(super) fn fit_bands(
    window: Single<Ref<Window>, With<PrimaryWindow>>,
    settings: Res<Settings>,
    view: Res<View>,
    story: Res<ActiveStory>,
    mut bands: ResMut<Bands>,
    mut bar: Single<&mut Node, With<CaptionBar>>,
) {
    let inputs_changed =
        window.is_changed() || settings.is_changed() || view.is_changed() || story.is_changed();
    if !inputs_changed {
        return;
    }
    let story = &story.story;
    let captions: Vec<String> = story
        .stages
        .iter()
        .flat_map(|stage| &stage.beats)
        .map(|beat| super::layout::caption_text(&beat.caption, &story.citation_label(beat)))
        .collect();
    let fitted = Bands::fit(
        window.width(),
        window.height(),
        settings.caption_percent(),
        view.captions,
        captions.iter().map(String::as_str),
    );
    bands.set_if_neq(fitted);
    let display = if view.captions {
        Display::Flex
    } else {
        Display::None
    };
    let height = vh(fitted.caption_bar * 100.0);
    if bar.display != display || bar.height != height {
        bar.display = display;
        bar.height = height;
    }
}

/// Bar labels, apart from the caption's texts.
type OnlyBarLabels = (With<BarLabel>, Without<CaptionText>, Without<CitationText>);

/// Sizes the texts for the window: the caption as [`fit_bands`] decided, the
/// bar labels so that the bars fit on one row. Only texts whose size is off
/// are touched, so this costs nothing while the window keeps its size.
fn fit_fonts(
    window: Single<&Window, With<PrimaryWindow>>,
    bands: Res<Bands>,
    mut caption: Single<&mut TextFont, (With<CaptionText>, Without<CitationText>)>,
    mut citation: Single<&mut TextFont, (With<CitationText>, Without<CaptionText>)>,
    mut labels: Query<&mut TextFont, OnlyBarLabels>,
) {
    let (w, h) = (window.width(), window.height());
    let px = bands.caption_px;
    if caption.font_size != FontSize::Px(px) {
        caption.font_size = FontSize::Px(px);
        citation.font_size = FontSize::Px(px * 0.8);
    }
    let label_px = FontSize::Px(label_font_px(w, h));
    for mut font in &mut labels {
        if font.font_size != label_px {
            font.font_size = label_px;
        }
    }
}

fn update_caption(
    playhead: Res<Playhead>,
    story: Res<ActiveStory>,
    mut caption: Single<&mut Text, With<CaptionText>>,
    mut citation: Single<&mut TextSpan, With<CitationText>>,
) {
    let story = &story.story;
    let beat = story
        .stages
        .get(playhead.stage)
        .and_then(|stage| stage.beat_index_at(playhead.time).map(|i| &stage.beats[i]));
    // The caption and its numbers are one text (see `caption_text`); the
    // numbers, after the last no-break space, go in the bold span.
    let (text, cites) = match beat {
        Some(beat) => {
            let whole = super::layout::caption_text(&beat.caption, &story.citation_label(beat));
            let cut = whole.rfind('[').unwrap_or(whole.len());
            (whole[..cut].to_string(), whole[cut..].to_string())
        }
        None => (String::new(), String::new()),
    };
    if caption.0 != text {
        caption.0 = text;
    }
    if citation.0 != cites {
        citation.0 = cites;
    }
}

/// `m:ss` for a number of seconds.
pub fn clock(seconds: f32) -> String {
    let whole = seconds.max(0.0).floor() as u32;
    format!("{}:{:02}", whole / 60, whole % 60)
}

fn update_controls(
    playhead: Res<Playhead>,
    story: Res<ActiveStory>,
    play: Single<&Children, With<PlayLabel>>,
    mut texts: Query<&mut Text>,
    speed: Single<Entity, With<SpeedText>>,
    position: Single<Entity, With<PositionText>>,
) {
    let durations = story.story.durations();
    let play_text = if playhead.playing {
        "Pause (Space)"
    } else if playhead.at_end(&durations) {
        "Replay (Space)"
    } else {
        "Play (Space)"
    };
    let speed_text = format!("Speed {}x (- =)", playhead.speed_factor());
    let position_text = format!(
        "Stage {} of {}   {} / {}",
        playhead.stage + 1,
        durations.len(),
        clock(playhead.time),
        clock(durations.get(playhead.stage).copied().unwrap_or(0.0)),
    );
    for (entity, value) in [
        (play[0], play_text.to_string()),
        (*speed, speed_text),
        (*position, position_text),
    ] {
        if let Ok(mut text) = texts.get_mut(entity)
            && text.0 != value
        {
            text.0 = value;
        }
    }
}

/// A button and what decides its background.
type ButtonLook = (
    Ref<'static, Hovered>,
    &'static mut BackgroundColor,
    Option<&'static StageSegment>,
);

/// Tints a button when the pointer enters or leaves it, and repaints every
/// button when the theme changes.
fn hover_buttons(
    theme: Res<Theme>,
    playhead: Res<Playhead>,
    mut buttons: Query<ButtonLook, With<Button>>,
) {
    for (hovered, mut background, segment) in &mut buttons {
        if hovered.is_changed() || theme.is_changed() {
            let current = segment.is_some_and(|s| s.0 == playhead.stage);
            background.set_if_neq(BackgroundColor(button_background(
                &theme,
                current,
                hovered.get(),
            )));
        }
    }
}

/// A button's background: the current stage's segment stands out, a hovered
/// button is tinted, others are only outlined (the bars are flat, in the
/// background colour): on a software renderer every filled pixel costs
/// shading time in every frame.
fn button_background(theme: &Theme, current: bool, hovered: bool) -> Color {
    match (current, hovered) {
        (true, _) => theme.current,
        (false, true) => theme.button_hover,
        (false, false) => Color::NONE,
    }
}
