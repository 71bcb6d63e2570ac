//! The three therapies a scene can be drawn for: CAR T, TCR and TIL. Steps
//! that are the same (collecting the cells, freezing, the infusion) share one
//! scene, drawn with each therapy's T cells and words.

use super::objects::{Keys, Piece};
pub use crate::content::therapy::Therapy;

/// What a scene draws and says for each therapy ([`Therapy`] is the
/// content layer's).
pub trait TherapyLook {
    /// The keys of this therapy's T cell number `i`: TILs differ from one
    /// another, the engineered cells all carry the same key.
    fn keys(self, i: usize) -> Keys;
    /// One of its cells, as a label says it.
    fn cell(self) -> &'static str;
    /// Its cells, as a label says them.
    fn cells(self) -> &'static str;
}

impl TherapyLook for Therapy {
    fn keys(self, i: usize) -> Keys {
        match self {
            Therapy::CarT => Keys::Car,
            Therapy::Tcr => Keys::Tcr(Piece::Triangle),
            Therapy::Til => Keys::Tcr(Piece::ALL[i % Piece::ALL.len()]),
        }
    }

    fn cell(self) -> &'static str {
        match self {
            Therapy::CarT => "CAR T cell",
            Therapy::Tcr => "TCR T cell",
            Therapy::Til => "TIL",
        }
    }

    fn cells(self) -> &'static str {
        match self {
            Therapy::CarT => "CAR T cells",
            Therapy::Tcr => "TCR T cells",
            Therapy::Til => "TILs",
        }
    }
}
