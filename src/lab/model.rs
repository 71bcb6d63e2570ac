//! The lab's simulation: plain Rust, no Bevy, so the headless command, the
//! benchmark and the tests run it without a renderer.
//!
//! A square patch of tissue (wrapping at its edges) holds cancer cells,
//! healthy cells with and without the lock, and T cells of one therapy. Each
//! fixed step, in agent order: a T cell bound to a cell counts down its kill;
//! a free T cell binds a cell its key fits if it touches one, else moves
//! (towards such a cell when it senses one); cells drift; cancer cells
//! divide, and a daughter may lose a lock. Killing T cells may divide and tire
//! after many kills; lost healthy lock-carrying cells slowly come back. One
//! seeded generator draws every random number in that order, and neighbours
//! are found through a grid filled in agent order, so the same seed and
//! parameters give the same run on every machine. A teaching model: it shows
//! how the rules play out, not what happens in any patient.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
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
const T_SPEED: f32 = 0.6;
/// How far other cells drift in a step.
const DRIFT: f32 = 0.08;
/// How far a T cell senses a cell its key fits.
const SENSE: f32 = 6.0;
/// Touching: centres this close.
const TOUCH: f32 = 2.0 * RADIUS + 0.2;

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
    rng: Pcg64Mcg,
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
    lost_carriers: u32,
    grid: Grid,
}

/// No cell.
const NONE: u32 = u32::MAX;

/// A uniform grid of buckets, refilled each step in agent order.
#[derive(Debug, Clone, PartialEq, Default)]
struct Grid {
    cells: usize,
    size: f32,
    start: Vec<u32>,
    items: Vec<u32>,
}

impl Grid {
    fn bucket(&self, x: f32, y: f32) -> (usize, usize) {
        let n = self.cells;
        let cx = ((x / self.size) as usize).min(n - 1);
        let cy = ((y / self.size) as usize).min(n - 1);
        (cx, cy)
    }

    fn fill(&mut self, side: f32, xs: &[f32], ys: &[f32]) {
        self.cells = ((side / SENSE).floor() as usize).max(1);
        self.size = side / self.cells as f32;
        let n = self.cells * self.cells;
        self.start.clear();
        self.start.resize(n + 1, 0);
        for i in 0..xs.len() {
            let (cx, cy) = self.bucket(xs[i], ys[i]);
            self.start[cy * self.cells + cx + 1] += 1;
        }
        for b in 0..n {
            self.start[b + 1] += self.start[b];
        }
        self.items.clear();
        self.items.resize(xs.len(), 0);
        let mut next: Vec<u32> = self.start[..n].to_vec();
        for i in 0..xs.len() {
            let (cx, cy) = self.bucket(xs[i], ys[i]);
            let b = cy * self.cells + cx;
            self.items[next[b] as usize] = i as u32;
            next[b] += 1;
        }
    }

    /// The agents in the 3x3 buckets around a point, wrapping.
    fn around(&self, x: f32, y: f32, mut visit: impl FnMut(u32)) {
        let n = self.cells as isize;
        let (cx, cy) = self.bucket(x, y);
        let span = if n >= 3 { -1..=1 } else { 0..=0 };
        for dy in span.clone() {
            for dx in span.clone() {
                let bx = (cx as isize + dx).rem_euclid(n) as usize;
                let by = (cy as isize + dy).rem_euclid(n) as usize;
                let b = by * self.cells + bx;
                for k in self.start[b]..self.start[b + 1] {
                    visit(self.items[k as usize]);
                }
            }
        }
    }
}

/// A uniform number in [0, 1).
fn unit(rng: &mut Pcg64Mcg) -> f32 {
    (rng.next_u32() >> 8) as f32 / (1u32 << 24) as f32
}

/// A random direction, by rejection (no trigonometry: exact on every
/// platform).
fn direction(rng: &mut Pcg64Mcg) -> (f32, f32) {
    loop {
        let (dx, dy) = (unit(rng) * 2.0 - 1.0, unit(rng) * 2.0 - 1.0);
        let d2 = dx * dx + dy * dy;
        if d2 > 0.01 && d2 <= 1.0 {
            let d = d2.sqrt();
            return (dx / d, dy / d);
        }
    }
}

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

    fn anywhere(&mut self) -> (f32, f32) {
        (
            unit(&mut self.rng) * self.side,
            unit(&mut self.rng) * self.side,
        )
    }

    fn push(&mut self, kind: Kind, locks: u8, x: f32, y: f32) {
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
    fn fits(&self, t: usize, c: usize) -> bool {
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
    fn fresh(&self, t: usize) -> bool {
        (self.kills[t] as u32) < self.params.exhaustion
    }

    /// The shortest way from `a` to `b` on the wrapping patch.
    fn offset(&self, a: usize, b: usize) -> (f32, f32) {
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

    /// Steps between reorderings of the cells by grid bucket.
    const REORDER_EVERY: u64 = 16;

    /// One step of the rules.
    pub fn step(&mut self) {
        if self.step.is_multiple_of(Self::REORDER_EVERY) {
            self.reorder();
        }
        self.grid.fill(self.side, &self.x, &self.y);
        let n = self.len();
        let mut dead = vec![false; n];
        let mut born: Vec<(Kind, u8, f32, f32)> = vec![];
        let cancer_cap = (self.params.starting_cells() as usize * 4).max(1000);
        let mut cancer = self.kind.iter().filter(|k| **k == Kind::Cancer).count();
        for i in 0..n {
            if dead[i] {
                continue;
            }
            match self.kind[i] {
                Kind::TCell => self.step_t_cell(i, &mut dead, &mut born),
                kind => {
                    if self.bound[i] == NONE {
                        let (dx, dy) = direction(&mut self.rng);
                        self.x[i] = (self.x[i] + dx * DRIFT).rem_euclid(self.side);
                        self.y[i] = (self.y[i] + dy * DRIFT).rem_euclid(self.side);
                    }
                    if kind == Kind::Cancer
                        && cancer < cancer_cap
                        && unit(&mut self.rng) < self.params.growth
                    {
                        let mut locks = self.locks[i];
                        if locks != 0 && unit(&mut self.rng) < self.params.loss_rate {
                            // Lose one of the pieces shown, at random.
                            let shown: Vec<u8> =
                                (0..PIECES).filter(|b| locks & (1 << b) != 0).collect();
                            let b = shown[self.rng.next_u32() as usize % shown.len()];
                            locks &= !(1 << b);
                        }
                        let (dx, dy) = direction(&mut self.rng);
                        born.push((
                            Kind::Cancer,
                            locks,
                            self.x[i] + dx * TOUCH,
                            self.y[i] + dy * TOUCH,
                        ));
                        cancer += 1;
                    }
                }
            }
        }
        // Lost lock carriers come back one at a time.
        if self.lost_carriers > 0 && unit(&mut self.rng) < self.params.carrier_return {
            self.lost_carriers -= 1;
            let (x, y) = self.anywhere();
            let locks = if self.params.therapy == Therapy::CarT {
                1
            } else {
                0
            };
            born.push((Kind::Carrier, locks, x, y));
        }
        self.compact(&dead);
        for (kind, locks, x, y) in born {
            self.push(kind, locks, x, y);
        }
        self.step += 1;
    }

    fn step_t_cell(&mut self, i: usize, dead: &mut [bool], born: &mut Vec<(Kind, u8, f32, f32)>) {
        if self.busy[i] > 0 {
            self.busy[i] -= 1;
            if self.busy[i] == 0 {
                let target = self.bound[i] as usize;
                self.bound[i] = NONE;
                if target < dead.len() && !dead[target] {
                    dead[target] = true;
                    if self.kind[target] == Kind::Carrier {
                        self.lost_carriers += 1;
                    }
                }
                self.kills[i] = self.kills[i].saturating_add(1);
                if unit(&mut self.rng) < self.params.t_division {
                    let (dx, dy) = direction(&mut self.rng);
                    born.push((
                        Kind::TCell,
                        self.locks[i],
                        self.x[i] + dx * TOUCH,
                        self.y[i] + dy * TOUCH,
                    ));
                }
            }
            return;
        }
        // A free T cell: bind what it touches, else move towards what it
        // senses, else wander. Tired T cells only wander.
        let fresh = self.fresh(i);
        let (mut touch, mut near, mut near_d2) = (NONE, NONE, SENSE * SENSE);
        if fresh {
            let (x, y) = (self.x[i], self.y[i]);
            self.grid.around(x, y, |j| {
                let j = j as usize;
                if j == i || dead[j] || self.bound[j] != NONE || !self.fits(i, j) {
                    return;
                }
                let (dx, dy) = self.offset(i, j);
                let d2 = dx * dx + dy * dy;
                if d2 <= TOUCH * TOUCH && touch == NONE {
                    touch = j as u32;
                }
                if d2 < near_d2 {
                    near_d2 = d2;
                    near = j as u32;
                }
            });
        }
        if touch != NONE {
            let j = touch as usize;
            self.bound[i] = touch;
            self.bound[j] = i as u32;
            self.busy[i] = self.params.kill_steps as u16;
            return;
        }
        let (rx, ry) = direction(&mut self.rng);
        let (mut dx, mut dy) = (rx, ry);
        if near != NONE {
            let (ox, oy) = self.offset(i, near as usize);
            let d = (ox * ox + oy * oy).sqrt().max(1e-3);
            dx = ox / d * 0.8 + rx * 0.2;
            dy = oy / d * 0.8 + ry * 0.2;
        }
        self.x[i] = (self.x[i] + dx * T_SPEED).rem_euclid(self.side);
        self.y[i] = (self.y[i] + dy * T_SPEED).rem_euclid(self.side);
    }

    /// Puts the cells in grid-bucket order (stable, so the same on every
    /// machine): neighbours then sit near each other in memory, and a step
    /// over a million cells stays in the cache's reach. Renumbers the bonds.
    fn reorder(&mut self) {
        self.grid.fill(self.side, &self.x, &self.y);
        let order: Vec<u32> = self.grid.items.clone();
        if order.iter().enumerate().all(|(i, o)| *o as usize == i) {
            return;
        }
        let mut new_index = vec![NONE; order.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old as usize] = new as u32;
        }
        fn permute<T: Copy>(v: &mut Vec<T>, order: &[u32]) {
            *v = order.iter().map(|o| v[*o as usize]).collect();
        }
        permute(&mut self.kind, &order);
        permute(&mut self.locks, &order);
        permute(&mut self.x, &order);
        permute(&mut self.y, &order);
        permute(&mut self.busy, &order);
        permute(&mut self.kills, &order);
        permute(&mut self.bound, &order);
        for b in &mut self.bound {
            if *b != NONE {
                *b = new_index[*b as usize];
            }
        }
    }

    /// Drops the dead, keeping everyone else's order, and renumbers the
    /// bonds.
    fn compact(&mut self, dead: &[bool]) {
        if !dead.iter().any(|d| *d) {
            return;
        }
        let mut new_index = vec![NONE; dead.len()];
        let mut next = 0u32;
        for (i, d) in dead.iter().enumerate() {
            if !d {
                new_index[i] = next;
                next += 1;
            }
        }
        fn keep<T>(v: &mut Vec<T>, dead: &[bool]) {
            let mut k = 0;
            v.retain(|_| {
                let alive = !dead[k];
                k += 1;
                alive
            });
        }
        keep(&mut self.kind, dead);
        keep(&mut self.locks, dead);
        keep(&mut self.x, dead);
        keep(&mut self.y, dead);
        keep(&mut self.busy, dead);
        keep(&mut self.kills, dead);
        keep(&mut self.bound, dead);
        for b in &mut self.bound {
            if *b != NONE {
                *b = new_index[*b as usize];
            }
        }
    }

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

/// A run that can go back: snapshots every [`Run::SNAPSHOT_EVERY`] steps,
/// replayed from the nearest, so seeking back gives exactly the same state.
#[derive(Debug, Clone)]
pub struct Run {
    /// The state now.
    pub world: World,
    snapshots: Vec<World>,
    /// The counts of every step so far.
    pub history: Vec<Counts>,
}

impl Run {
    /// Steps between snapshots.
    pub const SNAPSHOT_EVERY: u64 = 50;

    /// A run of these rules, at step 0.
    pub fn new(params: Params) -> Result<Run, OutOfRange> {
        let world = World::new(params)?;
        let history = vec![world.counts()];
        Ok(Run {
            snapshots: vec![world.clone()],
            world,
            history,
        })
    }

    /// One step forward.
    pub fn step(&mut self) {
        self.world.step();
        if self.world.step.is_multiple_of(Self::SNAPSHOT_EVERY)
            && self
                .snapshots
                .last()
                .is_some_and(|s| s.step < self.world.step)
        {
            self.snapshots.push(self.world.clone());
        }
        let counts = self.world.counts();
        if self.history.len() as u64 <= self.world.step {
            self.history.push(counts);
        }
    }

    /// Goes to step `target`, forward by stepping, back by replaying from the
    /// nearest snapshot.
    pub fn seek(&mut self, target: u64) {
        if target < self.world.step {
            let from = self
                .snapshots
                .iter()
                .rev()
                .find(|s| s.step <= target)
                .cloned()
                .expect("step 0 is always kept");
            self.world = from;
        }
        while self.world.step < target {
            self.step();
        }
    }
}
