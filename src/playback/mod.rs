//! The playhead (which stage, how far into it, playing or paused, how fast)
//! and the control messages that are the only way to move it. Keys, buttons
//! and tests all send the same [`Control`] messages.

use bevy::prelude::*;

use crate::content::story::Story;
use crate::frame::Frame;

/// The playback speeds, slowest first.
pub const SPEEDS: [f32; 6] = [0.25, 0.5, 1.0, 1.5, 2.0, 4.0];
/// Index of 1x in [`SPEEDS`].
pub const NORMAL_SPEED: usize = 2;
/// Within this many seconds of a stage's start, "previous" goes to the
/// previous stage; later it goes back to the start of this one.
pub const PREVIOUS_GRACE: f32 = 2.0;
/// How far Shift+Left/Right seek, in seconds.
pub const SEEK_STEP: f32 = 5.0;

/// Everything a viewer can ask playback to do.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum Control {
    /// Play if paused, pause if playing (at the very end: start again).
    TogglePlay,
    /// Play (true) or pause (false), whatever the state now.
    SetPlaying(bool),
    /// Go to the start of the next stage.
    Next,
    /// Go to the start of this stage, or of the previous one near a stage's start.
    Previous,
    /// Go to the start of the first stage.
    Restart,
    /// Go to the start of stage N (0-based); ignored if there is no such stage.
    JumpTo(usize),
    /// Go to this fraction (0 to 1) of the current stage.
    SeekFraction(f32),
    /// Move by this many seconds of story time, across stages if need be.
    SeekBy(f32),
    /// One step slower.
    Slower,
    /// One step faster.
    Faster,
}

/// Where playback is. Invariants: `stage` indexes a stage of the story and
/// `0 <= time <= duration of that stage`.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Playhead {
    /// Index of the current stage.
    pub stage: usize,
    /// Seconds since the start of the current stage.
    pub time: f32,
    /// Whether time moves.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Whether playing past the end starts again from the first stage (for
    /// screens that loop the walkthrough).
    pub looping: bool,
}

impl Default for Playhead {
    fn default() -> Self {
        Playhead {
            stage: 0,
            time: 0.0,
            playing: true,
            speed: NORMAL_SPEED,
            looping: false,
        }
    }
}

impl Playhead {
    /// The speed factor, e.g. 1.5.
    pub fn speed_factor(&self) -> f32 {
        SPEEDS[self.speed]
    }

    /// Whether the playhead sits at the end of the last stage.
    pub fn at_end(&self, durations: &[f32]) -> bool {
        self.stage + 1 >= durations.len() && self.time >= durations.last().copied().unwrap_or(0.0)
    }

    /// Applies one control. `durations` are the stages' lengths in order.
    pub fn apply(&mut self, control: Control, durations: &[f32]) {
        if durations.is_empty() {
            return;
        }
        match control {
            Control::TogglePlay => {
                if !self.playing && self.at_end(durations) {
                    self.stage = 0;
                    self.time = 0.0;
                }
                self.playing = !self.playing;
            }
            Control::SetPlaying(playing) => {
                if self.playing != playing {
                    self.apply(Control::TogglePlay, durations);
                }
            }
            Control::Next => {
                if self.stage + 1 < durations.len() {
                    self.stage += 1;
                    self.time = 0.0;
                }
            }
            Control::Previous => {
                if self.time < PREVIOUS_GRACE && self.stage > 0 {
                    self.stage -= 1;
                }
                self.time = 0.0;
            }
            Control::Restart => {
                self.stage = 0;
                self.time = 0.0;
            }
            Control::JumpTo(stage) => {
                if stage < durations.len() {
                    self.stage = stage;
                    self.time = 0.0;
                }
            }
            Control::SeekFraction(fraction) => {
                if fraction.is_finite() {
                    self.time = fraction.clamp(0.0, 1.0) * durations[self.stage];
                }
            }
            Control::SeekBy(seconds) => self.seek_by(seconds, durations),
            Control::Slower => self.speed = self.speed.saturating_sub(1),
            Control::Faster => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
        }
        self.clamp(durations);
    }

    fn seek_by(&mut self, seconds: f32, durations: &[f32]) {
        if !seconds.is_finite() {
            return;
        }
        let mut time = self.time + seconds;
        while time < 0.0 && self.stage > 0 {
            self.stage -= 1;
            time += durations[self.stage];
        }
        while time > durations[self.stage] && self.stage + 1 < durations.len() {
            time -= durations[self.stage];
            self.stage += 1;
        }
        self.time = time;
    }

    /// Moves time forward by `real_seconds` of wall time, at the current
    /// speed, into the following stages when a stage ends. Playing past the
    /// end of the last stage stops there, or starts again when looping.
    pub fn advance(&mut self, real_seconds: f32, durations: &[f32]) {
        if !self.playing || durations.is_empty() || !real_seconds.is_finite() {
            return;
        }
        self.time += real_seconds.max(0.0) * self.speed_factor();
        let total: f32 = durations.iter().sum();
        if self.looping && self.time > total {
            self.time %= total;
        }
        while self.time >= durations[self.stage] {
            if self.stage + 1 < durations.len() {
                self.time -= durations[self.stage];
                self.stage += 1;
            } else if self.looping {
                self.time -= durations[self.stage];
                self.stage = 0;
            } else {
                self.playing = false;
                break;
            }
        }
        self.clamp(durations);
    }

    /// Restores the invariants after the story changed under the playhead.
    pub fn clamp(&mut self, durations: &[f32]) {
        if durations.is_empty() {
            *self = Playhead::default();
            return;
        }
        self.stage = self.stage.min(durations.len() - 1);
        let duration = durations[self.stage];
        self.time = if self.time.is_finite() {
            self.time.clamp(0.0, duration)
        } else {
            0.0
        };
    }

    /// Keeps the viewer's place when `old` is replaced by `new`: the same
    /// stage (by id) where it still exists, else the nearest stage index.
    pub fn rebase(&mut self, old: &Story, new: &Story) {
        if let Some(index) = old
            .stages
            .get(self.stage)
            .and_then(|stage| new.stage_index(&stage.id))
        {
            self.stage = index;
        }
        self.clamp(&new.durations());
    }
}

/// What the playhead plays: the stages of the walkthrough, or the steps of
/// the comparison. Kept in step with the screen shown before controls apply.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// What a part is called: "Stage" or "Step".
    pub part: &'static str,
    /// Each part's title (the stage bar's labels).
    pub titles: Vec<String>,
    /// Each part's length in seconds at 1x.
    pub durations: Vec<f32>,
}

impl Timeline {
    /// The stages of a story.
    pub fn of_story(story: &Story) -> Timeline {
        Timeline {
            part: "Stage",
            titles: story.stages.iter().map(|s| s.title.clone()).collect(),
            durations: story.durations(),
        }
    }
}

/// The playhead, the control messages and the clock.
pub fn plugin(app: &mut App) {
    app.init_resource::<Playhead>()
        .init_resource::<Timeline>()
        .add_message::<Control>()
        .add_systems(
            Update,
            (apply_controls, tick).chain().in_set(Frame::Advance),
        );
}

fn apply_controls(
    mut controls: MessageReader<Control>,
    mut playhead: ResMut<Playhead>,
    timeline: Res<Timeline>,
) {
    for control in controls.read() {
        playhead.apply(*control, &timeline.durations);
    }
}

fn tick(time: Res<Time>, mut playhead: ResMut<Playhead>, timeline: Res<Timeline>) {
    if playhead.playing {
        playhead.advance(time.delta_secs(), &timeline.durations);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: [f32; 3] = [10.0, 20.0, 5.0];

    #[test]
    fn advancing_carries_into_the_next_stage_and_stops_at_the_end() {
        let mut p = Playhead::default();
        p.advance(12.5, &D);
        assert_eq!((p.stage, p.time), (1, 2.5));
        p.advance(100.0, &D);
        assert_eq!((p.stage, p.time, p.playing), (2, 5.0, false));
    }

    #[test]
    fn previous_depends_on_how_far_into_the_stage() {
        let mut p = Playhead {
            stage: 1,
            time: 1.0,
            ..default()
        };
        p.apply(Control::Previous, &D);
        assert_eq!((p.stage, p.time), (0, 0.0));
        p.stage = 1;
        p.time = 3.0;
        p.apply(Control::Previous, &D);
        assert_eq!((p.stage, p.time), (1, 0.0));
    }

    #[test]
    fn seeking_crosses_stages_and_clamps_at_the_ends() {
        let mut p = Playhead {
            stage: 1,
            time: 2.0,
            ..default()
        };
        p.apply(Control::SeekBy(-5.0), &D);
        assert_eq!((p.stage, p.time), (0, 7.0));
        p.apply(Control::SeekBy(-50.0), &D);
        assert_eq!((p.stage, p.time), (0, 0.0));
        p.apply(Control::SeekBy(1000.0), &D);
        assert_eq!((p.stage, p.time), (2, 5.0));
    }

    #[test]
    fn looping_wraps_to_the_first_stage_and_keeps_playing() {
        let mut p = Playhead {
            stage: 2,
            time: 4.0,
            looping: true,
            ..default()
        };
        p.advance(3.0, &D);
        assert_eq!((p.stage, p.time, p.playing), (0, 2.0, true));
        // A huge step still lands inside the story.
        p.advance(1e6, &D);
        assert!(p.playing && p.time <= D[p.stage]);
    }

    #[test]
    fn play_at_the_end_starts_again() {
        let mut p = Playhead {
            stage: 2,
            time: 5.0,
            playing: false,
            ..default()
        };
        p.apply(Control::TogglePlay, &D);
        assert_eq!((p.stage, p.time, p.playing), (0, 0.0, true));
    }
}
