//! One step of the rules, and keeping the cells in order.

use rand_core::Rng;

use super::grid::{SENSE, direction, unit};
use super::params::PIECES;
use super::world::{DRIFT, Kind, NONE, T_SPEED, TOUCH, World};
use crate::content::therapy::Therapy;

impl World {
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
}
