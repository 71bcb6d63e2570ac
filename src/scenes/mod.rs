//! Scenes: what the middle of the screen shows for each stage, drawn as a pure
//! function of the stage-local time.

mod placeholder;

pub use placeholder::plugin;

use bevy::math::Vec2;

/// The scene's own coordinate space: it is scaled to fit the band between
/// the bars, whatever the window's size and shape.
pub const SCENE_SIZE: Vec2 = Vec2::new(1600.0, 640.0);

/// The scene kinds a story may name. Each stage picks one.
pub const SCENE_KINDS: &[&str] = &[
    "apheresis",
    "reprogramming",
    "freezing",
    "infusion",
    "binding",
];
