//! The lab: its rules and presets as data (`assets/lab/lab.ron`) and its
//! simulation, which the headless command, the benchmark and the tests run
//! without a renderer.
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

mod file;
mod grid;
mod params;
mod run;
mod step;
mod world;

pub use crate::content::therapy::Therapy;
pub use file::{Headless, Lab, PARAMS, PATH, Preset, Rule, SOURCE, parse};
pub use params::{MAX_AGENTS, OutOfRange, PIECES, Params};
pub use run::Run;
pub use world::{Counts, Kind, RADIUS, World};
