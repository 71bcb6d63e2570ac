//! CAR T, TCR and TIL side by side, step by step (V, `--compare`, or the
//! chooser): the comparison's data on screen ([`data`]), its lanes
//! ([`view`]) and its table ([`table`], G).

pub mod data;
pub mod table;
pub mod view;

use bevy::prelude::*;

pub use data::ActiveComparison;
pub use table::{TABLE_TEXT_VH, TablePanel, TableRow, spoken_row};
pub use view::{
    CompareView, LANE_TITLE_BOX_VH, LANE_TITLE_VH, LaneCaption, LaneCitation, LaneTitle, lane_frame,
};

/// The comparison's screen.
pub fn plugin(app: &mut App) {
    app.add_plugins((data::plugin, view::plugin));
}
