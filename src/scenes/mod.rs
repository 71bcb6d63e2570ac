//! Scenes: what the middle of the screen shows for each stage. Each scene
//! kind lives in a file of its own and exports one [`SceneKind`]: its named
//! objects and a pure pose function of time, so seeking, pausing, stills and
//! tests all see exactly the same frame. [`catalog`] lists the kinds.

mod apheresis;
mod assets;
mod binding;
pub mod catalog;
mod checkups;
pub mod clock;
pub mod draw;
mod freezing;
pub mod geometry;
mod hidden_locks;
mod hla_tests;
mod infusion;
pub mod kind;
pub mod kit;
pub mod motion;
pub mod objects;
pub mod reduced;
mod reprogramming;
mod results;
pub mod slots;
mod tcr_binding;
pub mod therapy;
mod til_attack;
mod til_expansion;
mod til_growth;
mod til_surgery;
mod til_tumour;
mod ward;

use bevy::prelude::*;

pub use catalog::{BUILT_IN, SceneKinds};
pub use geometry::SCENE_SIZE;
pub use kind::{Moment, Object, ObjectId, Poses, SceneKind, moment};
pub use kit::{Look, Part, Shape};
pub use motion::{Pose, along, ease, flow, flow_alpha, path_length, phase};
pub use reduced::{CHANGE_SECONDS, poses, poses_now, reduced_poses};
pub use slots::{SceneActor, SceneSlots, Slot, SlotRoot};

/// The scene kinds, and the drawing of the current stage's scene.
pub fn plugin(app: &mut App) {
    app.init_resource::<SceneKinds>().add_plugins(draw::plugin);
}
