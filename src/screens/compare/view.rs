//! The comparison screen: three lanes, CAR T | TCR | TIL, each with its
//! therapy's name, its scene drawn small (without its labels, too small to
//! read there) in a frame, and its caption with citation numbers, all
//! playing the same step. The caption bar and the calendar make way.
//!
//! The lanes' nodes and the scenes in them are placed by the same numbers
//! ([`lane_frame`]): the nodes in percent of the window, the scenes in world
//! units, with the camera at one world unit per logical pixel.

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use accesskit::{Live, Role as AccessRole};

use super::data::ActiveComparison;
use crate::content::text::{
    COMPARE_GAP_VW, COMPARE_PAD_VW, LANE_CAPTION_VH, LANES, caption_text, lane_width,
};
use crate::frame::Frame;
use crate::input::{Action, Intent};
use crate::playback::Playhead;
use crate::scenes::{SCENE_SIZE, SceneSlots, Slot};
use crate::screens::screen::Screen;
use crate::ui::access::{Spoken, spoken_caption};
use crate::ui::fonts::Fonts;
use crate::ui::layout::STAGE_BAR_VH;
use crate::ui::paint::{Edge, Ink, Role};
use crate::ui::root::SceneBand;
use crate::ui::widgets::{FitText, button};

/// Space between the step bar and the lanes' names, in percent of the
/// window height.
pub const LANE_TOP_VH: f32 = 1.5;
/// Height of the step's question above the lanes, in percent of the window
/// height.
pub const STEP_HEADING_BOX_VH: f32 = 8.0;
/// Font size of the step's question, in percent of the window height.
pub const STEP_HEADING_VH: f32 = 5.0;
/// Height of the row with a lane's name, in percent of the window height.
pub const LANE_TITLE_BOX_VH: f32 = 7.0;
/// Font size of a lane's name, in percent of the window height.
pub const LANE_TITLE_VH: f32 = 4.5;
/// The frame around a lane's scene, in logical pixels.
const FRAME_PX: f32 = 2.0;

/// The comparison's lanes.
#[derive(Component)]
pub struct CompareView;

/// The step's question ("What the lab does"), over all three lanes.
#[derive(Component)]
pub struct StepHeading;

/// A lane's name ("CAR T").
#[derive(Component, Debug, Clone, Copy)]
pub struct LaneTitle(pub usize);

/// A lane's caption, read out when it changes.
#[derive(Component, Debug, Clone, Copy)]
pub struct LaneCaption(pub usize);

/// The citation numbers after a lane's caption.
#[derive(Component, Debug, Clone, Copy)]
pub struct LaneCitation(pub usize);

/// The lanes: their scenes, titles and captions, while the comparison shows.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Compare), spawn_view)
        .add_systems(
            Update,
            (
                lane_slots.in_set(Frame::Slots),
                update_captions
                    .run_if(
                        resource_changed::<Playhead>
                            .or_else(resource_changed::<ActiveComparison>)
                            .or_else(state_changed::<Screen>),
                    )
                    .in_set(Frame::Draw),
            )
                .run_if(in_state(Screen::Compare)),
        );
}

/// Where lane `lane`'s scene frame is in a window of this logical size: a
/// rectangle in logical pixels from the top-left corner, the scene's shape.
pub fn lane_frame(width: f32, height: f32, lane: usize) -> Rect {
    let w = lane_width(width);
    let left = width * COMPARE_PAD_VW / 100.0 + lane as f32 * (w + width * COMPARE_GAP_VW / 100.0);
    let top =
        height * (STAGE_BAR_VH + LANE_TOP_VH + STEP_HEADING_BOX_VH + LANE_TITLE_BOX_VH) / 100.0;
    let h = w * SCENE_SIZE.y / SCENE_SIZE.x;
    Rect::new(left, top, left + w, top + h)
}

fn spawn_view(
    mut commands: Commands,
    band: Single<Entity, With<SceneBand>>,
    comparison: Res<ActiveComparison>,
    fonts: Res<Fonts>,
) {
    let comparison = &comparison.0;
    commands.entity(*band).with_children(|band| {
        band.spawn((
            Name::new("Side by side"),
            CompareView,
            Spoken::group(&comparison.title, AccessRole::Group),
            DespawnOnExit(Screen::Compare),
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                padding: UiRect {
                    left: vw(COMPARE_PAD_VW),
                    right: vw(COMPARE_PAD_VW),
                    top: vh(LANE_TOP_VH),
                    bottom: vh(1.0),
                },
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|view| {
            view.spawn((
                StepHeading,
                Text::new(""),
                TextFont {
                    font: fonts.bold.clone().into(),
                    font_size: FontSize::Vh(STEP_HEADING_VH),
                    ..default()
                },
                TextLayout::justify(Justify::Center),
                Ink(Role::Text),
                Spoken::label(),
                Node {
                    height: vh(STEP_HEADING_BOX_VH),
                    flex_shrink: 0.0,
                    ..default()
                },
            ));
            view.spawn((
                Node {
                    flex_grow: 1.0,
                    column_gap: vw(COMPARE_GAP_VW),
                    ..default()
                },
                Spoken::group("", AccessRole::GenericContainer),
                Pickable::IGNORE,
            ))
            .with_children(|row| {
                for (i, name) in comparison.lanes.iter().enumerate().take(LANES) {
                    row.spawn(lane(i, name, &fonts));
                }
            });
            view.spawn((
                Node {
                    justify_content: JustifyContent::FlexEnd,
                    ..default()
                },
                Spoken::group("", AccessRole::GenericContainer),
                Pickable::IGNORE,
                children![button(Intent::Do(Action::Table), "Comparison table", 9)],
            ));
        });
    });
}

/// One lane: its name, the frame its scene shows in, its caption.
fn lane(i: usize, name: &str, fonts: &Fonts) -> impl Bundle {
    (
        Name::new(name.to_string()),
        Spoken::group(name, AccessRole::Group),
        Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Stretch,
            ..default()
        },
        Pickable::IGNORE,
        children![
            (
                LaneTitle(i),
                Text::new(name),
                TextFont {
                    font: fonts.bold.clone().into(),
                    font_size: FontSize::Vh(LANE_TITLE_VH),
                    ..default()
                },
                TextLayout::justify(Justify::Center),
                Ink(Role::Text),
                Spoken::label(),
                Node {
                    height: vh(LANE_TITLE_BOX_VH),
                    flex_shrink: 0.0,
                    ..default()
                },
            ),
            (
                Node {
                    width: percent(100),
                    aspect_ratio: Some(SCENE_SIZE.x / SCENE_SIZE.y),
                    flex_shrink: 0.0,
                    border: UiRect::all(px(FRAME_PX)),
                    border_radius: BorderRadius::all(vh(0.8)),
                    ..default()
                },
                Edge(Role::Text),
                Pickable::IGNORE,
            ),
            (
                LaneCaption(i),
                Text::new(""),
                TextFont {
                    font_size: FontSize::Vh(LANE_CAPTION_VH),
                    ..default()
                },
                // Narrower than 16:9, the lanes narrow: the text shrinks with them.
                FitText(LANE_CAPTION_VH),
                TextLayout::justify(Justify::Center),
                Ink(Role::Text),
                Spoken::caption(),
                Node {
                    margin: UiRect::top(vh(1.5)),
                    ..default()
                },
                children![(
                    LaneCitation(i),
                    TextSpan::new(""),
                    TextFont {
                        font: fonts.bold.clone().into(),
                        font_size: FontSize::Vh(LANE_CAPTION_VH * 0.8),
                        ..default()
                    },
                    FitText(LANE_CAPTION_VH * 0.8),
                    Ink(Role::Text),
                )],
            ),
        ],
    )
}

/// The lanes' scenes: the current step's, each in its lane's frame.
fn lane_slots(
    window: Single<&Window, With<PrimaryWindow>>,
    comparison: Res<ActiveComparison>,
    playhead: Res<Playhead>,
    mut slots: ResMut<SceneSlots>,
) {
    let (width, height) = (window.width(), window.height());
    let comparison = &comparison.0;
    // Pixels per scene unit in the walkthrough (its caption bar at the
    // smallest, the calendar shown).
    let bands = crate::ui::layout::Bands::default().with_calendar(true);
    let walkthrough_scale = 1.0 / crate::ui::camera::scene_fit(width, height, &bands).0;
    let wanted: Vec<Slot> = (0..LANES)
        .filter_map(|lane| {
            let stage = comparison.lane_stage(playhead.stage, lane)?;
            let frame = lane_frame(width, height, lane);
            let inside = frame.width() - 2.0 * FRAME_PX;
            Some(Slot {
                stage,
                time: playhead.time,
                at: Vec2::new(
                    frame.center().x - width / 2.0,
                    height / 2.0 - frame.center().y,
                ),
                scale: inside / SCENE_SIZE.x,
                labels: false,
                // As wide on screen as the walkthrough's at this window size.
                outline: (walkthrough_scale / (inside / SCENE_SIZE.x)).clamp(1.0, 4.0),
            })
        })
        .collect();
    if slots.0 != wanted {
        slots.0 = wanted;
    }
}

/// Each lane shows its caption for the current step, with its citation
/// numbers in bold; a screen reader hears it with the numbers in words.
fn update_captions(
    comparison: Res<ActiveComparison>,
    playhead: Res<Playhead>,
    mut captions: Query<(&LaneCaption, &mut Text, &mut AccessibilityNode), Without<StepHeading>>,
    mut citations: Query<(&LaneCitation, &mut TextSpan)>,
    mut heading: Single<&mut Text, (With<StepHeading>, Without<LaneCaption>)>,
) {
    let comparison = &comparison.0;
    let Some(step) = comparison.steps.get(playhead.stage) else {
        return;
    };
    heading.set_if_neq(Text(step.title.clone()));
    let words = |i: usize| {
        step.lanes.get(i).map(|lane| {
            let label = comparison.citation_label(&lane.cite);
            let whole = caption_text(&lane.caption, &label);
            let cut = whole.rfind('[').unwrap_or(whole.len());
            (whole[..cut].to_string(), whole[cut..].to_string(), label)
        })
    };
    for (lane, mut text, mut node) in &mut captions {
        let Some((caption, _, label)) = words(lane.0) else {
            continue;
        };
        if text.0 != caption {
            let name = comparison.lanes.get(lane.0).cloned().unwrap_or_default();
            node.set_live(Live::Polite);
            node.set_value(format!("{name}: {}", spoken_caption(&caption, &label)));
            text.0 = caption;
        }
    }
    for (lane, mut span) in &mut citations {
        if let Some((_, numbers, _)) = words(lane.0)
            && span.0 != numbers
        {
            span.0 = numbers;
        }
    }
}
