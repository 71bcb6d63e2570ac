//! Neighbours through a uniform grid filled in agent order, and the seeded
//! generator's numbers and directions.

use rand_core::Rng;
use rand_pcg::Pcg64Mcg;

/// How far a T cell senses a cell its key fits: the grid's cell size, so
/// that what a T cell senses is in its own or a neighbouring cell.
pub(super) const SENSE: f32 = 6.0;

/// A uniform grid of buckets, refilled each step in agent order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Grid {
    pub(super) cells: usize,
    pub(super) size: f32,
    pub(super) start: Vec<u32>,
    pub(super) items: Vec<u32>,
}

impl Grid {
    pub(super) fn bucket(&self, x: f32, y: f32) -> (usize, usize) {
        let n = self.cells;
        let cx = ((x / self.size) as usize).min(n - 1);
        let cy = ((y / self.size) as usize).min(n - 1);
        (cx, cy)
    }

    pub(super) fn fill(&mut self, side: f32, xs: &[f32], ys: &[f32]) {
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
    pub(super) fn around(&self, x: f32, y: f32, mut visit: impl FnMut(u32)) {
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
pub(super) fn unit(rng: &mut Pcg64Mcg) -> f32 {
    (rng.next_u32() >> 8) as f32 / (1u32 << 24) as f32
}

/// A random direction, by rejection (no trigonometry: exact on every
/// platform).
pub(super) fn direction(rng: &mut Pcg64Mcg) -> (f32, f32) {
    loop {
        let (dx, dy) = (unit(rng) * 2.0 - 1.0, unit(rng) * 2.0 - 1.0);
        let d2 = dx * dx + dy * dy;
        if d2 > 0.01 && d2 <= 1.0 {
            let d = d2.sqrt();
            return (dx / d, dy / d);
        }
    }
}
