//! A run that can go back exactly.

use super::params::{OutOfRange, Params};
use super::world::{Counts, World};

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
