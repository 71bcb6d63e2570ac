//! The lock-and-key lab on screen: the simulation and its rules live in
//! [`crate::content::lab`]; this is their Bevy side.

mod screen;

pub use crate::content::lab::*;
pub use screen::{
    ActiveLab, LabCells, LabChanges, LabControl, LabNote, LabPreset, LabRun, LabText, LabView,
    RUN_STEPS, STEPS_PER_SECOND, draw_plugin, lab_layout, plot_top, plugin, timeline,
};
