//! The comparison on screen: the active comparison (the content layer's
//! [`crate::content::compare`], checked against the walkthroughs), its
//! timeline of steps, its chooser entry and what it tells the rest of the
//! app.

use bevy::prelude::*;

use crate::content::compare::{Comparison, PATH, SOURCE, parse_comparison};

use crate::content::diagnostic::report;
use crate::frame::Frame;
use crate::playback::Timeline;
use crate::scenes::catalog::SceneKinds;
use crate::screens::screen::Screen;
use crate::screens::shown::{Chooser, ChooserEntry, Pick, Shown};
use crate::story::ActiveStory;

/// The comparison, always a valid one.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct ActiveComparison(pub Comparison);

impl ActiveComparison {
    /// The built-in comparison, checked against the built-in walkthroughs'
    /// sources. The test suite checks it, so a failure is a build defect.
    pub fn built_in() -> Self {
        let stories = ActiveStory::built_in_stories();
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

/// The comparison's data, its chooser entry (after the walkthroughs'), and
/// what it shows.
pub fn plugin(app: &mut App) {
    app.init_resource::<ActiveComparison>();
    let comparison = app.world().resource::<ActiveComparison>().0.clone();
    app.world_mut()
        .resource_mut::<Chooser>()
        .0
        .push(ChooserEntry {
            title: comparison.title,
            summary: comparison.summary,
            pick: Pick::Screen(Screen::Compare),
        });
    app.add_systems(
        Update,
        fill_shown
            .run_if(in_state(Screen::Compare))
            .run_if(state_changed::<Screen>.or_else(resource_changed::<ActiveComparison>))
            .in_set(Frame::Fill),
    );
}

/// The comparison's title, numbered sources and steps.
fn fill_shown(comparison: Res<ActiveComparison>, mut shown: ResMut<Shown>) {
    shown.set_if_neq(Shown {
        title: comparison.0.title.clone(),
        sources: comparison.0.numbered.clone(),
        timeline: Timeline::of_comparison(&comparison.0),
        scene_in_band: false,
    });
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
