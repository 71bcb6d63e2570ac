//! The stage bar at the top: one segment per stage (the comparison's steps
//! on its screen), the current one filled,
//! each showing progress through it. Clicking a segment jumps there;
//! clicking inside the current one seeks.

use bevy::picking::hover::Hovered;
use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::access::{Focusable, Spoken};
use super::interaction::Current;
use super::layout::STAGE_BAR_VH;
use super::paint::{Edge, Fill, Role};
use super::widgets::label_text;
use crate::content::text::{STAGE_BAR_PAD_VW, STAGE_BORDER_PX, STAGE_GAP_VW, stage_label};
use crate::frame::Frame;
use crate::input::Intent;
use crate::playback::{Playhead, Timeline};
use crate::theme::Theme;

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

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            rebuild.run_if(resource_changed::<Timeline>),
            follow_playhead.run_if(
                resource_changed::<Playhead>
                    .or_else(resource_changed::<Timeline>)
                    .or_else(resource_changed::<Theme>),
            ),
        )
            .chain()
            .in_set(Frame::Draw),
    );
}

/// The empty bar; its segments follow the story.
pub fn bar() -> impl Bundle {
    (
        Name::new("Stage bar"),
        Spoken::group("Stages", AccessRole::Toolbar),
        StageBar,
        Node {
            height: vh(STAGE_BAR_VH),
            flex_shrink: 0.0,
            padding: UiRect::axes(vw(STAGE_BAR_PAD_VW), vh(1.0)),
            column_gap: vw(STAGE_GAP_VW),
            ..default()
        },
    )
}

/// What a click on a stage segment asks for: the current stage seeks to where
/// the click fell (`x` from 0 at the left edge to 1 at the right), another
/// stage jumps to its start.
pub fn segment_click(segment: usize, current: usize, x: f32) -> Intent {
    if segment == current {
        Intent::SeekFraction(x)
    } else {
        Intent::JumpTo(segment)
    }
}

fn on_segment_click(
    click: On<Pointer<Click>>,
    segments: Query<&StageSegment>,
    playhead: Res<Playhead>,
    mut intents: MessageWriter<Intent>,
) {
    let Ok(segment) = segments.get(click.entity) else {
        return;
    };
    // The UI picking backend reports the hit relative to the node's centre,
    // from -0.5 to 0.5.
    let x = click.hit.position.map_or(0.0, |p| p.x + 0.5);
    intents.write(segment_click(segment.0, playhead.stage, x));
}

/// A stage's segment: a button that jumps to the stage (Enter does too).
fn segment(i: usize, count: usize, part: &str, title: &str) -> impl Bundle {
    let spoken = format!("{part} {} of {count}: {title}", i + 1);
    (
        Name::new(spoken.clone()),
        Button,
        StageSegment(i),
        Current(false),
        Intent::JumpTo(i),
        Spoken::button(&spoken),
        Focusable(i as i32),
        Hovered::default(),
        Node {
            flex_grow: 1.0,
            flex_basis: px(0),
            border: UiRect::all(px(STAGE_BORDER_PX)),
            border_radius: BorderRadius::all(vh(0.8)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            overflow: Overflow::clip(),
            ..default()
        },
        BackgroundColor(Color::NONE),
        Edge(Role::Text),
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
                label_text(stage_label(i, title)),
                TextColor::default(),
            )
        ],
    )
}

fn rebuild(mut commands: Commands, bar: Single<Entity, With<StageBar>>, timeline: Res<Timeline>) {
    commands
        .entity(*bar)
        .despawn_related::<Children>()
        .with_children(|bar| {
            let count = timeline.titles.len();
            for (i, title) in timeline.titles.iter().enumerate() {
                bar.spawn(segment(i, count, timeline.part, title))
                    .observe(on_segment_click);
            }
        });
}

/// Marks the current stage, colours the labels and fills the progress.
/// Only what differs is written: this runs every frame while playing.
fn follow_playhead(
    playhead: Res<Playhead>,
    timeline: Res<Timeline>,
    theme: Res<Theme>,
    mut segments: Query<(&StageSegment, &mut Current)>,
    mut fills: Query<(&SegmentProgress, &mut Node)>,
    mut labels: Query<(&SegmentLabel, &mut TextColor)>,
) {
    for (segment, mut current) in &mut segments {
        current.set_if_neq(Current(segment.0 == playhead.stage));
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
            std::cmp::Ordering::Equal => timeline
                .durations
                .get(fill.0)
                .map_or(0.0, |d| playhead.time / d),
        };
        node.width = percent(fraction * 100.0);
    }
}
