//! The patch and its cells, laid out by field, and the counts.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};

use super::grid::{Grid, direction, unit};
use super::params::{OutOfRange, PIECES, Params};
use crate::content::therapy::Therapy;

/// What a cell is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// A cancer cell; its locks say which pieces it shows.
    Cancer,
    /// A healthy cell carrying the lock (a B cell with CD19).
    Carrier,
    /// A healthy cell without the lock.
    Plain,
    /// A T cell; its locks hold its key.
    TCell,
}

/// A cell's radius, the unit of distance.
pub const RADIUS: f32 = 1.0;
/// How far a T cell moves in a step.
pub(super) const T_SPEED: f32 = 0.6;
/// How far other cells drift in a step.
pub(super) const DRIFT: f32 = 0.08;
/// Touching: centres this close.
pub(super) const TOUCH: f32 = 2.0 * RADIUS + 0.2;

/// The counts the plot shows, per step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// The step.
    pub step: u64,
    /// Cancer cells showing the lock (piece 0).
    pub cancer_with_lock: u32,
    /// Cancer cells without it.
    pub cancer_without_lock: u32,
    /// T cells (tired ones included).
    pub t_cells: u32,
    /// Healthy cells carrying the lock.
    pub carriers: u32,
}

impl Counts {
    /// The CSV header of [`Counts::csv`].
    pub const CSV_HEADER: &'static str =
        "step,cancer_with_lock,cancer_without_lock,t_cells,carriers";

    /// One CSV line.
    pub fn csv(&self) -> String {
        format!(
            "{},{},{},{},{}",
            self.step, self.cancer_with_lock, self.cancer_without_lock, self.t_cells, self.carriers
        )
    }

    /// All cancer cells.
    pub fn cancer(&self) -> u32 {
        self.cancer_with_lock + self.cancer_without_lock
    }
}

/// The patch and everything in it, laid out by field (one array per
/// property) for the cache.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// The rules.
    pub params: Params,
    /// Steps taken.
    pub step: u64,
    /// The patch's side.
    pub side: f32,
    pub(super) rng: Pcg64Mcg,
    /// What each cell is.
    pub kind: Vec<Kind>,
    /// Pieces shown (cells) or the key (T cells), one bit per piece.
    pub locks: Vec<u8>,
    /// Where each cell is.
    pub x: Vec<f32>,
    /// Where each cell is.
    pub y: Vec<f32>,
    /// T cells: steps left of the kill under way (0: free).
    pub busy: Vec<u16>,
    /// T cells: the cell being killed; cells: whether a T cell holds them.
    pub bound: Vec<u32>,
    /// T cells: kills so far.
    pub kills: Vec<u16>,
    /// Lost lock carriers waiting to come back.
    pub(super) lost_carriers: u32,
    pub(super) grid: Grid,
}

/// No cell.
pub(super) const NONE: u32 = u32::MAX;

impl World {
    /// A new patch for these rules, its size fitted to the number of cells.
    pub fn new(params: Params) -> Result<World, OutOfRange> {
        params.check()?;
        let start = params.starting_cells().max(1) as f32;
        // About a quarter of the patch covered at the start.
        let side = (start * std::f32::consts::PI * RADIUS * RADIUS / 0.25)
            .sqrt()
            .max(20.0);
        let mut world = World {
            rng: Pcg64Mcg::seed_from_u64(params.seed),
            params,
            step: 0,
            side,
            kind: vec![],
            locks: vec![],
            x: vec![],
            y: vec![],
            busy: vec![],
            bound: vec![],
            kills: vec![],
            lost_carriers: 0,
            grid: Grid::default(),
        };
        let p = world.params.clone();
        let all_pieces = match p.therapy {
            Therapy::Til => (1u8 << PIECES) - 1,
            _ => 1,
        };
        // The tumour: a disc in the middle; the rest anywhere.
        let tumour = (p.cancer_cells as f32 * 4.0 * RADIUS * RADIUS)
            .sqrt()
            .min(side * 0.45);
        for i in 0..p.cancer_cells {
            let (dx, dy) = direction(&mut world.rng);
            let r = tumour * unit(&mut world.rng).sqrt();
            let lockless = (i as f32) < p.lockless_share * p.cancer_cells as f32;
            let locks = if lockless {
                all_pieces & !1
            } else {
                all_pieces
            };
            world.push(
                Kind::Cancer,
                locks,
                side / 2.0 + dx * r,
                side / 2.0 + dy * r,
            );
        }
        for _ in 0..p.lock_carriers {
            let (x, y) = world.anywhere();
            // Only CAR T's lock (CD19) is on healthy cells here.
            let locks = if p.therapy == Therapy::CarT { 1 } else { 0 };
            world.push(Kind::Carrier, locks, x, y);
        }
        for _ in 0..p.plain_cells {
            let (x, y) = world.anywhere();
            world.push(Kind::Plain, 0, x, y);
        }
        for _ in 0..p.t_cells {
            let (x, y) = world.anywhere();
            let key = match p.therapy {
                Therapy::Til => 1u8 << (world.rng.next_u32() % PIECES as u32),
                _ => 1,
            };
            world.push(Kind::TCell, key, x, y);
        }
        Ok(world)
    }

    pub(super) fn anywhere(&mut self) -> (f32, f32) {
        (
            unit(&mut self.rng) * self.side,
            unit(&mut self.rng) * self.side,
        )
    }

    pub(super) fn push(&mut self, kind: Kind, locks: u8, x: f32, y: f32) {
        self.kind.push(kind);
        self.locks.push(locks);
        self.x.push(x.rem_euclid(self.side));
        self.y.push(y.rem_euclid(self.side));
        self.busy.push(0);
        self.bound.push(NONE);
        self.kills.push(0);
    }

    /// How many cells there are now.
    pub fn len(&self) -> usize {
        self.kind.len()
    }

    /// Whether the patch is empty.
    pub fn is_empty(&self) -> bool {
        self.kind.is_empty()
    }

    /// Whether T cell `t`'s key fits cell `c`.
    pub(super) fn fits(&self, t: usize, c: usize) -> bool {
        let shows = match self.kind[c] {
            Kind::Cancer | Kind::Carrier => self.locks[c],
            _ => return false,
        };
        if self.params.therapy == Therapy::Tcr && !self.params.hla_match {
            return false;
        }
        shows & self.locks[t] != 0
    }

    /// Whether T cell `t` still kills.
    pub(super) fn fresh(&self, t: usize) -> bool {
        (self.kills[t] as u32) < self.params.exhaustion
    }

    /// The shortest way from `a` to `b` on the wrapping patch.
    pub(super) fn offset(&self, a: usize, b: usize) -> (f32, f32) {
        let wrap = |d: f32| {
            if d > self.side / 2.0 {
                d - self.side
            } else if d < -self.side / 2.0 {
                d + self.side
            } else {
                d
            }
        };
        (wrap(self.x[b] - self.x[a]), wrap(self.y[b] - self.y[a]))
    }
}

impl World {
    /// The counts now.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            step: self.step,
            ..Counts::default()
        };
        for (kind, locks) in self.kind.iter().zip(&self.locks) {
            match kind {
                Kind::Cancer if locks & 1 != 0 => c.cancer_with_lock += 1,
                Kind::Cancer => c.cancer_without_lock += 1,
                Kind::TCell => c.t_cells += 1,
                Kind::Carrier => c.carriers += 1,
                Kind::Plain => {}
            }
        }
        c
    }
}
