//! What the rest of the app needs of the screen shown (its title, sources
//! and timeline), filled by that screen; the chooser's entries, listed by
//! the screens; and each screen's own playhead, parked while another shows.

use bevy::prelude::*;

use super::screen::Screen;
use crate::content::story::Source;
use crate::frame::Frame;
use crate::playback::{Playhead, Timeline};

/// What the screen shown tells the rest of the app: the window's title,
/// the sources panel, the stage bar and the playhead's timeline. Each
/// screen fills it, in [`Frame::Fill`], while it shows.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Shown {
    /// The window's title and the screen's accessible name.
    pub title: String,
    /// The sources panel's list, numbered as the captions cite them.
    pub sources: Vec<Source>,
    /// The parts the playhead plays through.
    pub timeline: Timeline,
    /// The screen draws one scene in the band between the bars (the
    /// walkthrough); others place their own.
    pub scene_in_band: bool,
}

/// What picking a chooser entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// A built-in walkthrough, by name.
    Story(&'static str),
    /// Another screen.
    Screen(Screen),
}

/// One entry of the story chooser.
#[derive(Debug, Clone, PartialEq)]
pub struct ChooserEntry {
    /// Its heading.
    pub title: String,
    /// What it is, in a line.
    pub summary: String,
    /// What choosing it shows.
    pub pick: Pick,
}

/// The chooser's entries, in order: each screen's plugin adds its own.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Chooser(pub Vec<ChooserEntry>);

/// The playheads of the screens not shown now (the walkthrough's while the
/// comparison or the lab plays, and so on), to return to.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Parked(pub Vec<(Screen, Playhead)>);

impl Parked {
    /// Takes the playhead parked for `screen`, if any.
    pub fn take(&mut self, screen: Screen) -> Option<Playhead> {
        let i = self.0.iter().position(|(s, _)| *s == screen)?;
        Some(self.0.remove(i).1)
    }

    /// The playhead parked for `screen` (a fresh one if none is).
    pub fn of(&mut self, screen: Screen) -> &mut Playhead {
        let i = match self.0.iter().position(|(s, _)| *s == screen) {
            Some(i) => i,
            None => {
                self.0.push((screen, Playhead::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    /// Parks `playhead` for `screen`, replacing what was parked for it.
    pub fn park(&mut self, screen: Screen, playhead: Playhead) {
        *self.of(screen) = playhead;
    }
}

/// The shown screen's facts, the chooser, the parking of playheads and the
/// timeline following the screen.
pub fn plugin(app: &mut App) {
    app.init_resource::<Shown>()
        .init_resource::<Chooser>()
        .init_resource::<Parked>();
    for screen in Screen::ALL {
        app.add_systems(
            OnExit(screen),
            move |playhead: Res<Playhead>, mut parked: ResMut<Parked>| {
                parked.park(screen, playhead.clone());
            },
        )
        .add_systems(
            OnEnter(screen),
            move |playhead: ResMut<Playhead>, parked: ResMut<Parked>| {
                take_up(screen, playhead, parked);
            },
        );
    }
    app.add_systems(Update, sync_timeline.in_set(Frame::Timeline));
}

/// Switching screens parks the left screen's playhead (on exit) and takes
/// up the entered screen's where it was left (the first time, from its
/// start, playing if the left screen was: `--compare --paused` opens
/// paused). Speed and looping carry over: they are the viewer's, not the
/// screen's.
fn take_up(screen: Screen, mut playhead: ResMut<Playhead>, mut parked: ResMut<Parked>) {
    let other = match parked.take(screen) {
        Some(left) => left,
        // The app starts on the walkthrough with the playhead it was given.
        None if screen == Screen::Walkthrough => return,
        None => Playhead {
            playing: playhead.playing,
            ..default()
        },
    };
    *playhead = Playhead {
        speed: playhead.speed,
        looping: playhead.looping,
        ..other
    };
}

/// The timeline follows the screen shown; the playhead is kept inside it.
fn sync_timeline(
    shown: Res<Shown>,
    mut timeline: ResMut<Timeline>,
    mut playhead: ResMut<Playhead>,
) {
    if !shown.is_changed() {
        return;
    }
    if timeline.set_if_neq(shown.timeline.clone()) {
        let mut clamped = playhead.clone();
        clamped.clamp(&timeline.durations);
        playhead.set_if_neq(clamped);
    }
}
