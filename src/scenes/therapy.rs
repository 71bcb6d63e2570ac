//! The three therapies a scene can be drawn for: CAR T, TCR and TIL. Steps
//! that are the same (collecting the cells, freezing, the infusion) share one
//! scene, drawn with each therapy's T cells and words.

use super::objects::{Keys, Piece};

/// Which therapy's T cells a scene shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Therapy {
    /// CAR T cells: CAR keys.
    CarT,
    /// TCR T cells: keys that fit the MAGE-A4 piece (the triangle).
    Tcr,
    /// Tumour-infiltrating lymphocytes: each with its own key.
    Til,
}

impl Therapy {
    /// The keys of this therapy's T cell number `i`: TILs differ from one
    /// another, the engineered cells all carry the same key.
    pub fn keys(self, i: usize) -> Keys {
        match self {
            Therapy::CarT => Keys::Car,
            Therapy::Tcr => Keys::Tcr(Piece::Triangle),
            Therapy::Til => Keys::Tcr(Piece::ALL[i % Piece::ALL.len()]),
        }
    }

    /// One of its cells, as a label says it.
    pub fn cell(self) -> &'static str {
        match self {
            Therapy::CarT => "CAR T cell",
            Therapy::Tcr => "TCR T cell",
            Therapy::Til => "TIL",
        }
    }

    /// Its cells, as a label says them.
    pub fn cells(self) -> &'static str {
        match self {
            Therapy::CarT => "CAR T cells",
            Therapy::Tcr => "TCR T cells",
            Therapy::Til => "TILs",
        }
    }
}
