//! The control bar at the bottom: Back, Play/Pause, Next and Restart, the
//! speed, where the playhead is, and Sources. Each button shows the key
//! bound to it now.

use bevy::prelude::*;

use accesskit::Role as AccessRole;

use super::access::Spoken;
use super::layout::CONTROL_BAR_VH;
use super::widgets::{ButtonCaption, button, label};
use crate::frame::Frame;
use crate::input::{Action, Intent};
use crate::playback::{Playhead, Timeline};
use crate::screens::screen::Screen;
use crate::settings::Settings;

/// The play/pause button.
#[derive(Component)]
struct PlayButton;

/// The button that switches between the walkthrough and the comparison.
#[derive(Component)]
struct CompareButton;

/// Shows the speed.
#[derive(Component)]
struct SpeedText;

/// Shows stage number and time.
#[derive(Component)]
struct PositionText;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        name_compare_button
            .run_if(state_changed::<Screen>)
            .in_set(Frame::Words),
    )
    .add_systems(
        Update,
        update_controls
            .run_if(
                resource_changed::<Playhead>
                    .or_else(resource_changed::<Timeline>)
                    .or_else(resource_changed::<Settings>),
            )
            .in_set(Frame::Words),
    );
}

/// A gap that pushes what follows to the right end of the bar.
fn spring() -> impl Bundle {
    (
        Node {
            flex_grow: 1.0,
            ..default()
        },
        Pickable::IGNORE,
    )
}

/// The bar with its buttons (Tab reaches them after the stages).
pub fn bar() -> impl Bundle {
    (
        Name::new("Control bar"),
        Spoken::group("Controls", AccessRole::Toolbar),
        Node {
            height: vh(CONTROL_BAR_VH),
            flex_shrink: 0.0,
            padding: UiRect::axes(vw(1.0), vh(1.0)),
            column_gap: vw(0.5),
            align_items: AlignItems::Center,
            ..default()
        },
        children![
            button(Intent::Do(Action::Previous), "Back", 10),
            (
                button(Intent::Do(Action::TogglePlay), "Pause", 11),
                PlayButton
            ),
            button(Intent::Do(Action::Next), "Next", 12),
            button(Intent::Do(Action::Restart), "Restart", 13),
            (
                SpeedText,
                Spoken::label(),
                label(""),
                Node {
                    margin: UiRect::left(vw(0.5)),
                    ..default()
                },
            ),
            spring(),
            (PositionText, label(""), Spoken::label()),
            (
                button(Intent::Show(Screen::Compare), "Compare", 14),
                CompareButton
            ),
            button(Intent::Do(Action::Stories), "Stories", 15),
            button(Intent::Do(Action::Sources), "Sources", 16),
        ],
    )
}

/// The Compare button says where it goes: to the comparison, or back to
/// the walkthrough.
fn name_compare_button(
    screen: Res<State<Screen>>,
    mut button: Single<&mut ButtonCaption, With<CompareButton>>,
) {
    let words = if *screen.get() == Screen::Compare {
        "Walkthrough"
    } else {
        "Compare"
    };
    if button.words != words {
        button.words = words.to_string();
    }
}

/// `m:ss` for a number of seconds.
pub fn clock(seconds: f32) -> String {
    let whole = seconds.max(0.0).floor() as u32;
    format!("{}:{:02}", whole / 60, whole % 60)
}

fn update_controls(
    playhead: Res<Playhead>,
    timeline: Res<Timeline>,
    settings: Res<Settings>,
    mut play: Single<&mut ButtonCaption, With<PlayButton>>,
    mut speed: Single<&mut Text, (With<SpeedText>, Without<PositionText>)>,
    mut position: Single<&mut Text, (With<PositionText>, Without<SpeedText>)>,
) {
    let durations = &timeline.durations;
    let words = if playhead.playing {
        "Pause"
    } else if playhead.at_end(durations) {
        "Replay"
    } else {
        "Play"
    };
    if play.words != words {
        play.words = words.to_string();
    }
    let speed_text = format!(
        "Speed {}x ({} {})",
        playhead.speed_factor(),
        settings.first_key(Action::Slower).unwrap_or_default(),
        settings.first_key(Action::Faster).unwrap_or_default(),
    );
    // The scene's own clock, named so that it is not taken for the
    // patient's days (the calendar strip's clock); the stage bar shows
    // which stage this is.
    let position_text = format!(
        "Scene {} / {}",
        clock(playhead.time),
        clock(durations.get(playhead.stage).copied().unwrap_or(0.0)),
    );
    speed.set_if_neq(Text(speed_text));
    position.set_if_neq(Text(position_text));
}
