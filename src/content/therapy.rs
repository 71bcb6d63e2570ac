//! The three therapies the app tells: CAR T, TCR and TIL.

use serde::{Deserialize, Serialize};

/// Which T cells the run uses, and so what their keys fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Therapy {
    /// CAR T: one key for a whole molecule on the surface (CD19), also on
    /// healthy B cells.
    #[default]
    CarT,
    /// TCR: one key for one piece in an HLA cup, only if the patient's HLA
    /// type matches the key.
    Tcr,
    /// TIL: each T cell has one of several keys; each cancer cell shows
    /// several pieces.
    Til,
}

impl Therapy {
    /// Every therapy, in the walkthroughs' order.
    pub const ALL: [Therapy; 3] = [Therapy::CarT, Therapy::Tcr, Therapy::Til];

    /// Its name on the command line: `car-t`, `tcr`, `til`.
    pub fn name(self) -> &'static str {
        match self {
            Therapy::CarT => "car-t",
            Therapy::Tcr => "tcr",
            Therapy::Til => "til",
        }
    }

    /// The therapy of a name.
    pub fn from_name(name: &str) -> Option<Therapy> {
        Therapy::ALL.into_iter().find(|t| t.name() == name)
    }
}
