//! The object library: every object of every scene, built from the shape
//! kit, outlined, in the design rules' palette. Cells and their locks, what
//! T-cell receptors read (HLA cups, pieces, TCR keys), and props.

mod care;
mod cells;
mod hla;
mod props;

pub use care::*;
pub use cells::*;
pub use hla::*;
pub use props::*;
