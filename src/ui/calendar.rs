//! The patient's calendar: a strip under the stage bar showing when each
//! stage happens in the patient's own days (day 0 is the infusion), with
//! the current stage's days highlighted. It is a different clock from the
//! scene's seconds (the control bar's "Scene m:ss"), and says so.
//!
//! Days a source pins down are drawn as a filled bar; days it gives only as
//! a range ("2 to 8 weeks before") as an outlined box over the whole range,
//! open at an end no source bounds. Other stages' pinned days stay on the
//! track as hollow bars, so the viewer sees the weeks in the lab beside the
//! one day of the drip.

use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::access::Spoken;
use super::layout::{Bands, CALENDAR_VH};
use super::paint::{Fill, Ink, Role};
use super::widgets::label_text;
use crate::content::story::calendar::{at, axis, tick_label, ticks};
use crate::content::text::{
    CALENDAR_GAP_VW, CALENDAR_PAD_VW, CALENDAR_TRACK_PERCENT, calendar_note,
};
use crate::frame::Frame;
use crate::playback::Playhead;
use crate::screens::screen::Screen;
use crate::story::ActiveStory;
use crate::theme::Theme;

/// The strip.
#[derive(Component)]
pub struct CalendarStrip;

/// The row of day labels above the marks.
#[derive(Component)]
struct Ticks;

/// The row holding the time line and one mark per stage with days.
#[derive(Component)]
struct Lane;

/// A stage's mark on the track: the days it surely covers (`sure`), or the
/// whole range it may fall in.
#[derive(Component, Debug, Clone, Copy)]
pub struct CalendarMark {
    /// The stage, by index.
    pub stage: usize,
    /// Whether these are days the stage surely covers.
    pub sure: bool,
}

/// A day label on the axis ("4 weeks before", "day 0").
#[derive(Component, Debug, Clone)]
pub struct CalendarTick {
    /// The day it labels.
    pub day: i32,
}

/// The words beside the track: the current stage's days.
#[derive(Component)]
pub struct CalendarNote;

/// The citation numbers after the note.
#[derive(Component)]
pub struct CalendarCite;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            rebuild.run_if(resource_changed::<ActiveStory>),
            show_strip.run_if(resource_changed::<Bands>),
            follow_playhead.run_if(
                in_state(Screen::Walkthrough).and_then(
                    resource_changed::<Playhead>
                        .or_else(resource_changed::<ActiveStory>)
                        .or_else(resource_changed::<Theme>),
                ),
            ),
        )
            .chain()
            .in_set(Frame::Draw),
    );
}

/// The empty strip; its marks follow the story.
pub fn strip() -> impl Bundle {
    (
        Name::new("Patient's calendar"),
        Spoken::group("Patient's calendar", AccessRole::Group),
        CalendarStrip,
        Node {
            height: vh(CALENDAR_VH),
            flex_shrink: 0.0,
            padding: UiRect::axes(vw(CALENDAR_PAD_VW), vh(0.4)),
            column_gap: vw(CALENDAR_GAP_VW),
            align_items: AlignItems::Center,
            ..default()
        },
        Pickable::IGNORE,
        children![
            (
                Node {
                    width: percent(CALENDAR_TRACK_PERCENT),
                    height: percent(100),
                    flex_shrink: 0.0,
                    flex_direction: FlexDirection::Column,
                    ..default()
                },
                Pickable::IGNORE,
                children![
                    (
                        Ticks,
                        Node {
                            height: percent(50),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ),
                    (
                        Lane,
                        Node {
                            flex_grow: 1.0,
                            ..default()
                        },
                        Pickable::IGNORE,
                    ),
                ],
            ),
            (
                CalendarNote,
                label_text(""),
                Ink(Role::Text),
                // Named by `follow_playhead`: the days, then their sources.
                Spoken::group("", AccessRole::Label),
                children![(CalendarCite, TextSpan::new(""), Ink(Role::Text))],
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0),
                    ..default()
                },
            )
        ],
    )
}

/// Width of a day label's box, in percent of the track.
const TICK_BOX: f32 = 26.0;

/// A mark from the start of day `a` to the end of day `b`; `open` ends (no
/// source bounds them) have no border there.
fn mark(
    stage: usize,
    sure: bool,
    (a, b): (i32, i32),
    open: [bool; 2],
    axis: (i32, i32),
) -> impl Bundle {
    let (left, right) = (at(a, axis), at(b + 1, axis));
    let edge = if sure { 2.0 } else { 3.0 };
    (
        CalendarMark { stage, sure },
        Node {
            position_type: PositionType::Absolute,
            left: percent(left),
            width: percent((right - left).max(0.5)),
            top: percent(if sure { 25 } else { 5 }),
            height: percent(if sure { 50 } else { 90 }),
            border: UiRect {
                left: px(if open[0] { 0.0 } else { edge }),
                right: px(if open[1] { 0.0 } else { edge }),
                top: px(edge),
                bottom: px(edge),
            },
            ..default()
        },
        BackgroundColor(Color::NONE),
        BorderColor::all(Color::NONE),
        Pickable::IGNORE,
    )
}

/// A thin line on the lane, `width` percent of it wide, in a theme colour.
fn line(left: f32, width: Val, top: f32, height: f32, colour: Role) -> impl Bundle {
    (
        Node {
            position_type: PositionType::Absolute,
            left: percent(left),
            width,
            top: percent(top),
            height: percent(height),
            ..default()
        },
        Fill(colour),
        Pickable::IGNORE,
    )
}

fn rebuild(
    mut commands: Commands,
    lane: Single<Entity, With<Lane>>,
    tick_row: Single<Entity, With<Ticks>>,
    story: Res<ActiveStory>,
) {
    let story = &story.story;
    let axis = axis(story);
    commands
        .entity(*tick_row)
        .despawn_related::<Children>()
        .with_children(|row| {
            for day in ticks(axis) {
                let centre = at(day, axis);
                let left = (centre - TICK_BOX / 2.0).clamp(0.0, 100.0 - TICK_BOX);
                row.spawn((
                    CalendarTick { day },
                    Node {
                        position_type: PositionType::Absolute,
                        left: percent(left),
                        width: percent(TICK_BOX),
                        height: percent(100),
                        justify_content: JustifyContent::Center,
                        ..default()
                    },
                    Pickable::IGNORE,
                    children![(label_text(tick_label(day)), Ink(Role::Text))],
                ));
            }
        });
    commands
        .entity(*lane)
        .despawn_related::<Children>()
        .with_children(|lane| {
            // The time line, a notch at each labelled day, and day 0 (the
            // infusion) across the lane.
            lane.spawn(line(0.0, percent(100), 46.0, 8.0, Role::Text));
            for day in ticks(axis) {
                lane.spawn(line(at(day, axis), px(2), 30.0, 40.0, Role::Text));
            }
            lane.spawn(line(at(0, axis), px(4), 0.0, 100.0, Role::Warning));
            for (i, stage) in story.stages.iter().enumerate() {
                let Some(days) = &stage.days else {
                    continue;
                };
                let (start, end) = (days.from.earliest(), days.to.latest());
                let span = (start.unwrap_or(axis.0), end.unwrap_or(axis.1 - 1));
                lane.spawn(mark(i, false, span, [start.is_none(), end.is_none()], axis));
                if let Some(sure) = days.sure() {
                    lane.spawn(mark(i, true, sure, [false, false], axis));
                }
            }
        });
}

/// The current stage's marks stand out and its days go in the note; the
/// other stages keep only their pinned days, hollow.
fn follow_playhead(
    playhead: Res<Playhead>,
    story: Res<ActiveStory>,
    theme: Res<Theme>,
    mut marks: Query<(
        &CalendarMark,
        &mut Node,
        &mut BackgroundColor,
        &mut BorderColor,
    )>,
    mut note: Single<(&mut Text, &mut bevy::a11y::AccessibilityNode), With<CalendarNote>>,
    mut cite: Single<&mut TextSpan, With<CalendarCite>>,
) {
    for (mark, mut node, mut fill, mut border) in &mut marks {
        let current = mark.stage == playhead.stage;
        let display = if current || mark.sure {
            Display::Flex
        } else {
            Display::None
        };
        if node.display != display {
            node.display = display;
        }
        let (inside, edge) = match (current, mark.sure) {
            (true, true) => (theme.current, theme.text),
            (true, false) => (Color::NONE, theme.current),
            (false, _) => (theme.background, theme.text),
        };
        fill.set_if_neq(BackgroundColor(inside));
        border.set_if_neq(BorderColor::all(edge));
    }
    let days = story
        .story
        .stages
        .get(playhead.stage)
        .and_then(|s| s.days.as_ref());
    let (words, label) = match days {
        Some(days) => (
            calendar_note(&days.note),
            crate::story::citation_label(&story.story.sources, &days.cite),
        ),
        None => (
            calendar_note("none; this stage explains, it is not a step of the treatment"),
            String::new(),
        ),
    };
    let shown = if label.is_empty() {
        String::new()
    } else {
        format!(
            " {}",
            label.replace(' ', &crate::content::text::GLUE.to_string())
        )
    };
    let (text, node) = &mut *note;
    let spoken = super::access::spoken_caption(&words, &label);
    if node.value() != Some(spoken.as_str()) {
        node.set_value(spoken);
    }
    text.set_if_neq(Text(words));
    if cite.0 != shown {
        cite.0 = shown;
    }
}

/// The strip shows only for stories that give days.
fn show_strip(bands: Res<Bands>, mut strip: Single<&mut Node, With<CalendarStrip>>) {
    let display = if bands.calendar > 0.0 {
        Display::Flex
    } else {
        Display::None
    };
    if strip.display != display {
        strip.display = display;
    }
}
