//! What the screens ask the scene drawing for: slots, each a stage's scene
//! at a time, a place and a size; and the marks on what is drawn.

use bevy::prelude::*;

use super::kind::ObjectId;
use crate::content::story::Stage;

/// An object of the current scene, by its name.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneActor(pub ObjectId);

/// What one slot shows: a stage's scene (its moments pinned by its beats)
/// at a stage-local time, its centre at `at` in world units, `scale` times
/// its size, with or without its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The stage whose scene this is.
    pub stage: Stage,
    /// Stage-local time.
    pub time: f32,
    /// Where the scene's centre goes.
    pub at: Vec2,
    /// The scene's size, as a multiple of [`super::geometry::SCENE_SIZE`] in world units.
    pub scale: f32,
    /// Whether the scene's labels are drawn (lanes too small for them leave
    /// them out).
    pub labels: bool,
    /// Outlines are this many times as wide as the scene's own, so that a
    /// scene drawn small keeps outlines the design rules' width on screen.
    pub outline: f32,
}

/// The scenes to draw now, in slot order.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct SceneSlots(pub Vec<Slot>);

/// The root entity of slot N; the scene's objects are its children.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotRoot(pub usize);
