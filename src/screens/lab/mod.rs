//! The lab's screen ([`Screen::Lab`]: L, `--lab`, the chooser's last entry):
//! the patch drawn with the walkthroughs' colours and one shape per kind of
//! cell, the counts of the whole run plotted with the playhead on them, the
//! presets (the digits, or their buttons), the lesson with its sources and
//! the note that this is a teaching model.
//!
//! The playhead is the app's: play, pause, seek, speed and restart work as on
//! the other screens. A run is [`RUN_STEPS`] steps shown at
//! [`STEPS_PER_SECOND`]; it is computed whole when a preset is chosen (so the
//! plot shows where it goes), and the patch shows the step under the
//! playhead, replayed from the nearest snapshot when seeking back.

mod controls;
mod legend;
mod patch;
mod plot;
mod state;
mod view;

use bevy::prelude::*;
use bevy::ui_widgets::{CheckboxPlugin, RadioGroupPlugin, SliderPlugin};

use crate::frame::Frame;
use crate::screens::screen::Screen;
use crate::screens::shown::{Chooser, ChooserEntry, Pick, Shown};
pub use controls::LabControl;
use controls::{on_checkbox, on_radio, on_slider, sync_controls};
pub use patch::LabCells;
use patch::draw_cells;
use plot::draw_plot;
pub use plot::plot_top;
use state::clear_scenes;
pub use state::{
    ActiveLab, LabChanges, LabPreset, LabRun, LabText, LabView, RUN_STEPS, STEPS_PER_SECOND,
    lab_layout, timeline,
};
pub use view::LabNote;
use view::{spawn_view, write_words};

/// The lab's data and run, without drawing: part of the core app. Its
/// chooser entry comes last.
pub fn plugin(app: &mut App) {
    app.init_resource::<ActiveLab>();
    let lab = app.world().resource::<ActiveLab>().lab.clone();
    app.world_mut()
        .resource_mut::<Chooser>()
        .0
        .push(ChooserEntry {
            title: lab.title,
            summary: lab.summary,
            pick: Pick::Screen(Screen::Lab),
        });
    app.init_resource::<LabPreset>()
        .init_resource::<LabChanges>()
        .add_systems(
            Update,
            (state::choose_run, state::follow_playhead)
                .chain()
                .run_if(in_state(Screen::Lab))
                .in_set(Frame::Follow),
        )
        .add_systems(
            Update,
            fill_shown
                .run_if(in_state(Screen::Lab))
                .run_if(state_changed::<Screen>.or_else(resource_changed::<ActiveLab>))
                .in_set(Frame::Fill),
        );
}

/// The lab's title, numbered sources and one run.
fn fill_shown(lab: Res<ActiveLab>, mut shown: ResMut<Shown>) {
    shown.set_if_neq(Shown {
        title: lab.lab.title.clone(),
        sources: lab.numbered.clone(),
        timeline: timeline(),
        scene_in_band: false,
    });
}

/// The lab's drawing and words: part of the screen.
pub fn draw_plugin(app: &mut App) {
    if !app.is_plugin_added::<SliderPlugin>() {
        app.add_plugins((SliderPlugin, CheckboxPlugin, RadioGroupPlugin));
    }
    app.add_observer(on_slider)
        .add_observer(on_checkbox)
        .add_observer(on_radio)
        .add_systems(OnEnter(Screen::Lab), (clear_scenes, spawn_view))
        .add_systems(
            Update,
            (draw_cells, draw_plot, write_words, sync_controls)
                .run_if(in_state(Screen::Lab))
                .in_set(Frame::Draw),
        );
}
