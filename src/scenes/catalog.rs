//! The scene kinds stories may name: every kind the app ships, one line
//! each, and any a test or an extension registers.

use bevy::prelude::*;

use super::kind::SceneKind;
use crate::content::story::SceneCatalog;

/// Every scene kind the app ships, one line each.
pub const BUILT_IN: &[SceneKind] = &[
    super::checkups::KIND,
    super::apheresis::KIND,
    super::reprogramming::CAR_T,
    super::reprogramming::TCR,
    super::freezing::CAR_T,
    super::freezing::TCR,
    super::freezing::TIL,
    super::infusion::CAR_T,
    super::infusion::TCR,
    super::infusion::TIL,
    super::binding::KIND,
    super::ward::CAR_T,
    super::ward::TCR,
    super::ward::TIL,
    super::hidden_locks::KIND,
    super::hla_tests::KIND,
    super::tcr_binding::KIND,
    super::results::CAR_T,
    super::results::TCR,
    super::results::TIL,
    super::til_tumour::KIND,
    super::til_surgery::KIND,
    super::til_growth::KIND,
    super::til_expansion::KIND,
    super::til_attack::KIND,
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

impl SceneCatalog for SceneKinds {
    fn kind_names(&self) -> Vec<&str> {
        self.0.iter().map(|k| k.name).collect()
    }

    fn moments(&self, kind: &str) -> Option<Vec<(&str, f32)>> {
        self.get(kind)
            .map(|k| k.moments.iter().map(|m| (m.name, m.at)).collect())
    }
}
