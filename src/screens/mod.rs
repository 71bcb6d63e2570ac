//! The screens under the overlays, one file or folder each: the
//! walkthrough of one therapy, the three side by side, and the lab. A
//! screen fills in what the rest of the app needs of it ([`shown::Shown`]:
//! title, sources, timeline) and adds its chooser entries; a new screen is
//! one file, one [`Screen`] variant and one line in each plugin below.

pub mod compare;
pub mod lab;
pub mod screen;
pub mod shown;
pub mod walkthrough;

use bevy::prelude::*;

pub use screen::Screen;
pub use shown::{Chooser, ChooserEntry, Parked, Pick, Shown};

/// Every screen's data, what it shows and its chooser entries, in the
/// chooser's order; the parking of playheads. Needs no window.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        shown::plugin,
        walkthrough::plugin,
        compare::data::plugin,
        lab::plugin,
    ));
}

/// Every screen's view: the walkthrough's scene slot, the comparison's
/// lanes, the lab's patch, plot and controls.
pub fn view_plugin(app: &mut App) {
    app.add_plugins((
        walkthrough::view_plugin,
        compare::view::plugin,
        compare::table::plugin,
        lab::draw_plugin,
    ));
}
