//! Scenes: what the middle of the screen shows for each stage. Each scene
//! kind lives in a file of its own and exports one [`SceneKind`]: its named
//! objects and a pure pose function of time, so seeking, pausing, stills and
//! tests all see exactly the same frame. This file only lists the kinds.

mod apheresis;
mod binding;
mod checkups;
pub mod clock;
mod draw;
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
mod tcr_binding;
pub mod therapy;
mod til_attack;
mod til_expansion;
mod til_growth;
mod til_surgery;
mod til_tumour;
mod ward;

use bevy::prelude::*;

pub use draw::{ChooseSlots, SceneActor, SceneSlots, Slot, SlotRoot};
pub use kind::{Moment, Object, ObjectId, Poses, SceneKind, moment};
pub use kit::{Look, Part, Shape};
pub use motion::{Pose, along, ease, flow, flow_alpha, path_length, phase};
pub use reduced::{CHANGE_SECONDS, poses, poses_now, reduced_poses};

/// The scene's own coordinate space: it is scaled to fit the band between
/// the bars, whatever the window's size and shape (see the scene camera).
pub const SCENE_SIZE: Vec2 = Vec2::new(1600.0, 640.0);

/// Every scene kind the app ships, one line each.
pub const BUILT_IN: &[SceneKind] = &[
    checkups::KIND,
    apheresis::KIND,
    reprogramming::CAR_T,
    reprogramming::TCR,
    freezing::CAR_T,
    freezing::TCR,
    freezing::TIL,
    infusion::CAR_T,
    infusion::TCR,
    infusion::TIL,
    binding::KIND,
    ward::CAR_T,
    ward::TCR,
    ward::TIL,
    hidden_locks::KIND,
    hla_tests::KIND,
    tcr_binding::KIND,
    results::CAR_T,
    results::TCR,
    results::TIL,
    til_tumour::KIND,
    til_surgery::KIND,
    til_growth::KIND,
    til_expansion::KIND,
    til_attack::KIND,
];

/// The scene kinds stories may name: the built-in ones, and any a test or
/// an extension registers.
#[derive(Resource, Debug, Clone)]
pub struct SceneKinds(Vec<SceneKind>);

impl Default for SceneKinds {
    fn default() -> Self {
        SceneKinds(BUILT_IN.to_vec())
    }
}

impl SceneKinds {
    /// A kind by its name.
    pub fn get(&self, name: &str) -> Option<&SceneKind> {
        self.0.iter().find(|k| k.name == name)
    }

    /// Adds a kind, or replaces the one of the same name.
    pub fn register(&mut self, kind: SceneKind) {
        match self.0.iter_mut().find(|k| k.name == kind.name) {
            Some(slot) => *slot = kind,
            None => self.0.push(kind),
        }
    }

    /// Every kind, in the order they were listed.
    pub fn iter(&self) -> impl Iterator<Item = &SceneKind> {
        self.0.iter()
    }
}

impl crate::story::SceneCatalog for SceneKinds {
    fn kind_names(&self) -> Vec<&str> {
        self.0.iter().map(|k| k.name).collect()
    }

    fn moments(&self, kind: &str) -> Option<Vec<(&str, f32)>> {
        self.get(kind)
            .map(|k| k.moments.iter().map(|m| (m.name, m.at)).collect())
    }
}

/// The scene kinds, and the drawing of the current stage's scene.
pub fn plugin(app: &mut App) {
    app.init_resource::<SceneKinds>().add_plugins(draw::plugin);
}
