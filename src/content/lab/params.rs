//! The rules' numbers: the therapy, the parameters and their ranges.

use serde::{Deserialize, Serialize};

use crate::content::therapy::Therapy;

/// How many different pieces (locks) TIL's tumour cells show and TIL's T
/// cells have keys for. CAR T and TCR use one: piece 0, "the lock".
pub const PIECES: u8 = 4;

/// The rules' numbers. Ranges are checked by [`Params::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Params {
    /// Which therapy's T cells.
    pub therapy: Therapy,
    /// T cells at the start (the dose drawn).
    pub t_cells: u32,
    /// Cancer cells at the start.
    pub cancer_cells: u32,
    /// Share of cancer cells that lack the lock from the start (0 to 1).
    pub lockless_share: f32,
    /// Chance that a new cancer cell loses a lock (antigen loss), 0 to 0.5.
    pub loss_rate: f32,
    /// Chance per step that a cancer cell divides, 0 to 0.05.
    pub growth: f32,
    /// Whether the patient's HLA type matches the TCR key (TCR only).
    pub hla_match: bool,
    /// Healthy cells that carry the lock too (B cells carry CD19).
    pub lock_carriers: u32,
    /// Healthy cells without the lock.
    pub plain_cells: u32,
    /// Steps a kill takes, 1 to 200.
    pub kill_steps: u32,
    /// Kills after which a T cell tires and stops killing, 1 to 1000.
    pub exhaustion: u32,
    /// Chance a T cell divides after a kill, 0 to 1.
    pub t_division: f32,
    /// Chance per step that one lost lock carrier comes back, 0 to 1.
    pub carrier_return: f32,
    /// The seed of the one random number generator.
    pub seed: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            therapy: Therapy::CarT,
            t_cells: 40,
            cancer_cells: 300,
            lockless_share: 0.0,
            loss_rate: 0.0,
            growth: 0.004,
            hla_match: true,
            lock_carriers: 120,
            plain_cells: 200,
            kill_steps: 12,
            exhaustion: 40,
            t_division: 0.3,
            carrier_return: 0.02,
            seed: 1,
        }
    }
}

/// A parameter out of its range.
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfRange {
    /// The parameter's name.
    pub name: &'static str,
    /// What it may be.
    pub range: String,
    /// What it was.
    pub value: String,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} must be {}, not {}",
            self.name, self.range, self.value
        )
    }
}

impl Params {
    /// Every value in its range, or the first one that is not.
    pub fn check(&self) -> Result<(), OutOfRange> {
        let share = |name: &'static str, v: f32, hi: f32| {
            if v.is_finite() && (0.0..=hi).contains(&v) {
                Ok(())
            } else {
                Err(OutOfRange {
                    name,
                    range: format!("from 0 to {hi}"),
                    value: v.to_string(),
                })
            }
        };
        let count = |name: &'static str, v: u32, lo: u32, hi: u32| {
            if (lo..=hi).contains(&v) {
                Ok(())
            } else {
                Err(OutOfRange {
                    name,
                    range: format!("from {lo} to {hi}"),
                    value: v.to_string(),
                })
            }
        };
        share("lockless_share", self.lockless_share, 1.0)?;
        share("loss_rate", self.loss_rate, 0.5)?;
        share("growth", self.growth, 0.05)?;
        share("t_division", self.t_division, 1.0)?;
        share("carrier_return", self.carrier_return, 1.0)?;
        count("t_cells", self.t_cells, 0, MAX_AGENTS)?;
        count("cancer_cells", self.cancer_cells, 0, MAX_AGENTS)?;
        count("lock_carriers", self.lock_carriers, 0, MAX_AGENTS)?;
        count("plain_cells", self.plain_cells, 0, MAX_AGENTS)?;
        count("kill_steps", self.kill_steps, 1, 200)?;
        count("exhaustion", self.exhaustion, 1, 1000)?;
        let total = self.t_cells as u64
            + self.cancer_cells as u64
            + self.lock_carriers as u64
            + self.plain_cells as u64;
        if total > MAX_AGENTS as u64 {
            return Err(OutOfRange {
                name: "all cells",
                range: format!("at most {MAX_AGENTS} at the start"),
                value: total.to_string(),
            });
        }
        Ok(())
    }

    /// Cells at the start.
    pub fn starting_cells(&self) -> u32 {
        self.t_cells + self.cancer_cells + self.lock_carriers + self.plain_cells
    }
}

/// The most cells a run may start with.
pub const MAX_AGENTS: u32 = 2_000_000;
