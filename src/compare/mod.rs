//! CAR T, TCR and TIL side by side: the comparison's data (steps of three
//! lanes, the table), the [`Screen::Compare`] state's playhead, and the
//! timeline the playhead plays on either screen. The lanes and the table are
//! drawn by [`crate::ui`] and [`crate::scenes`].

use bevy::prelude::*;

pub use crate::content::compare::*;

use crate::frame::Frame;
use crate::playback::{Parked, Playhead, Timeline};
use crate::scenes::catalog::SceneKinds;
use crate::story::{ActiveStory, BUILT_IN, report};
use crate::view::Screen;

/// The comparison, always a valid one.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ActiveComparison(pub Comparison);

impl ActiveComparison {
    /// The built-in comparison, checked against the built-in walkthroughs'
    /// sources. The test suite checks it, so a failure is a build defect.
    pub fn built_in() -> Self {
        let stories: Vec<_> = BUILT_IN
            .iter()
            .filter_map(|b| ActiveStory::built_in(b.name))
            .map(|a| a.story)
            .collect();
        let comparison =
            parse_comparison(SOURCE, &SceneKinds::default(), &stories).unwrap_or_else(|d| {
                panic!("the built-in comparison is invalid:\n{}", report(PATH, &d))
            });
        ActiveComparison(comparison)
    }
}

impl Default for ActiveComparison {
    fn default() -> Self {
        ActiveComparison::built_in()
    }
}

impl Timeline {
    /// The steps of a comparison.
    pub fn of_comparison(comparison: &Comparison) -> Timeline {
        Timeline {
            part: "Step",
            titles: comparison.steps.iter().map(|s| s.title.clone()).collect(),
            durations: comparison.durations(),
        }
    }
}

/// The comparison and the screens' playheads. Part of the core app.
pub fn plugin(app: &mut App) {
    app.init_resource::<ActiveComparison>();
    for screen in [Screen::Walkthrough, Screen::Compare, Screen::Lab] {
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

/// The timeline follows the screen, the story and the comparison; the
/// playhead is kept inside it.
fn sync_timeline(
    screen: Res<State<Screen>>,
    story: Res<ActiveStory>,
    comparison: Res<ActiveComparison>,
    mut timeline: ResMut<Timeline>,
    mut playhead: ResMut<Playhead>,
) {
    if !(screen.is_changed() || story.is_changed() || comparison.is_changed()) {
        return;
    }
    let wanted = match screen.get() {
        Screen::Walkthrough => Timeline::of_story(&story.story),
        Screen::Compare => Timeline::of_comparison(&comparison.0),
        Screen::Lab => crate::lab::timeline(),
    };
    if timeline.set_if_neq(wanted) {
        let mut clamped = playhead.clone();
        clamped.clamp(&timeline.durations);
        playhead.set_if_neq(clamped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_comparison_is_valid_and_numbers_its_sources_in_order() {
        let c = ActiveComparison::built_in().0;
        assert_eq!(c.lanes, ["CAR T", "TCR therapy", "TIL therapy"]);
        assert_eq!(c.steps.len(), 4);
        // The first lane of the first step cites the first sources.
        assert_eq!(c.numbered[0].id, c.steps[0].lanes[0].cite[0]);
        assert_eq!(c.citation_label(&c.steps[0].lanes[0].cite), "[1, 2]");
        // Every cited source is numbered once.
        let ids: std::collections::HashSet<_> = c.numbered.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), c.numbered.len());
    }
}
