//! One therapy's walkthrough, stage by stage: its chooser entries (one per
//! built-in story), what it shows (the story's title, sources and stages)
//! and its one scene slot, following the playhead.

use bevy::prelude::*;

use super::screen::Screen;
use super::shown::{Chooser, ChooserEntry, Pick, Shown};
use crate::content::story::BUILT_IN;
use crate::frame::Frame;
use crate::playback::{Playhead, Timeline};
use crate::scenes::slots::{SceneSlots, Slot};
use crate::story::ActiveStory;

/// The walkthrough's chooser entries and what it shows.
pub fn plugin(app: &mut App) {
    add_to_chooser(app.world_mut().resource_mut::<Chooser>().into_inner());
    app.add_systems(
        Update,
        fill_shown
            .run_if(in_state(Screen::Walkthrough))
            .run_if(state_changed::<Screen>.or_else(resource_changed::<ActiveStory>))
            .in_set(Frame::Fill),
    );
}

/// The walkthrough's scene: its slot follows the playhead; another screen
/// chooses its own slots.
pub fn view_plugin(app: &mut App) {
    app.add_systems(
        OnExit(Screen::Walkthrough),
        |mut slots: ResMut<SceneSlots>| {
            slots.0.clear();
        },
    )
    .add_systems(
        Update,
        slot.run_if(in_state(Screen::Walkthrough))
            .in_set(Frame::Slots),
    );
}

/// The built-in walkthroughs, first in the chooser (the plugins add their
/// entries as they are built, in the chooser's order).
fn add_to_chooser(chooser: &mut Chooser) {
    for built_in in BUILT_IN {
        if let Some(active) = ActiveStory::built_in(built_in.name) {
            chooser.0.push(ChooserEntry {
                title: active.story.title,
                summary: active.story.summary,
                pick: Pick::Story(built_in.name),
            });
        }
    }
}

/// The story's title, sources and stages.
fn fill_shown(story: Res<ActiveStory>, mut shown: ResMut<Shown>) {
    shown.set_if_neq(Shown {
        title: story.story.title.clone(),
        sources: story.story.sources.clone(),
        timeline: Timeline::of_story(&story.story),
        scene_in_band: true,
    });
}

/// The walkthrough draws its current stage's scene, whole, with labels.
fn slot(story: Res<ActiveStory>, playhead: Res<Playhead>, mut slots: ResMut<SceneSlots>) {
    let wanted = story.story.stages.get(playhead.stage).map(|stage| Slot {
        stage: stage.clone(),
        time: playhead.time,
        at: Vec2::ZERO,
        scale: 1.0,
        labels: true,
        outline: 1.0,
    });
    let wanted = SceneSlots(wanted.into_iter().collect());
    if *slots != wanted {
        *slots = wanted;
    }
}
