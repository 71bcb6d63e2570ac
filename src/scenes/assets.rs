//! The meshes and materials every scene's parts share, by shape and by
//! colour (and step of opacity), so that scenes draw in few batches.

use std::collections::HashMap;

use bevy::prelude::*;

use super::kit::{self, Shape};

/// How many steps of opacity a fading part can take. Parts share one
/// material per colour and step, so a fade swaps handles instead of changing
/// a material each frame (which the renderer would prepare anew), and
/// fading parts of one colour still draw in one batch. 64 steps are finer
/// than the frames of a fade.
pub(super) const OPACITY_STEPS: f32 = 64.0;

/// An opacity rounded to one of the [`OPACITY_STEPS`].
pub(super) fn opacity_step(alpha: f32) -> f32 {
    (alpha.clamp(0.0, 1.0) * OPACITY_STEPS).round() / OPACITY_STEPS
}

/// Meshes and materials shared by the parts of every scene, by shape and
/// by colour, so that a scene's ~250 shapes need a few dozen of each.
#[derive(Resource, Default)]
pub(super) struct SceneAssets {
    meshes: HashMap<(u8, [u32; 3]), Handle<Mesh>>,
    materials: HashMap<[u8; 4], Handle<ColorMaterial>>,
}

impl SceneAssets {
    /// The mesh of a shape, or of its outline: the ring `grow` wide around it.
    pub(super) fn mesh(
        &mut self,
        meshes: &mut Assets<Mesh>,
        shape: Shape,
        grow: f32,
    ) -> Handle<Mesh> {
        let key = match shape {
            Shape::Circle(r) => (0, [r.to_bits(), 0, grow.to_bits()]),
            Shape::Rect(size) => (1, [size.x.to_bits(), size.y.to_bits(), grow.to_bits()]),
            Shape::Capsule(r, l) => (2, [r.to_bits(), l.to_bits(), grow.to_bits()]),
            Shape::Triangle(w, h) => (3, [w.to_bits(), h.to_bits(), grow.to_bits()]),
        };
        self.meshes
            .entry(key)
            .or_insert_with(|| {
                meshes.add(if grow > 0.0 {
                    kit::outline_ring(shape, grow)
                } else {
                    kit::mesh(shape, 0.0)
                })
            })
            .clone()
    }

    /// The shared material of a colour.
    pub(super) fn material(
        &mut self,
        materials: &mut Assets<ColorMaterial>,
        color: Color,
    ) -> Handle<ColorMaterial> {
        self.materials
            .entry(color.to_srgba().to_u8_array())
            .or_insert_with(|| materials.add(part_material(color)))
            .clone()
    }
}

/// How a colour is drawn: opaque when it is (drawn front to back with a
/// depth test, so hidden pixels cost nothing), blended only while see-through.
/// On a software renderer, blending every shape doubled the frame time.
pub(super) fn alpha_mode(color: Color) -> bevy::sprite_render::AlphaMode2d {
    if color.alpha() >= 1.0 {
        bevy::sprite_render::AlphaMode2d::Opaque
    } else {
        bevy::sprite_render::AlphaMode2d::Blend
    }
}

/// A material for one part of an object.
pub(super) fn part_material(color: Color) -> ColorMaterial {
    ColorMaterial {
        color,
        alpha_mode: alpha_mode(color),
        ..default()
    }
}
