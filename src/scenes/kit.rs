//! The shape kit: primitive shapes, outlined or plain, and labels, combined
//! into an object's [`Look`]; and the meshes they are drawn with (outlines as
//! rings, so a software renderer shades no hidden pixel).

use bevy::prelude::*;

/// Thickness of outlines in scene units (about 4 px at 1280x720).
pub const OUTLINE: f32 = 5.0;
/// Height of scene labels in scene units (about 4% of a 720-pixel window).
pub const LABEL_SIZE: f32 = 40.0;

/// A primitive shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A disc of this radius.
    Circle(f32),
    /// A rectangle of this size.
    Rect(Vec2),
    /// A capsule: radius and length of the straight part (vertical).
    Capsule(f32, f32),
    /// An isosceles triangle pointing up (+y): width and height.
    Triangle(f32, f32),
}

/// One piece of an object: a shape or a label, placed relative to the object.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// An outlined, filled shape.
    Shape {
        /// The shape.
        shape: Shape,
        /// Fill colour.
        fill: Color,
        /// Whether to draw the dark outline around it.
        outline: bool,
        /// Offset from the object's origin.
        at: Vec2,
        /// Rotation in radians.
        angle: f32,
        /// Drawing order inside the object.
        z: f32,
    },
    /// A text label, centred at an offset from the object's origin.
    Label {
        /// The words.
        text: String,
        /// Offset from the object's origin.
        at: Vec2,
        /// Drawn over a light object (a card, the lab dish, the skin, the
        /// vessel), so dark in every theme; else in the theme's text colour.
        on_light: bool,
    },
}

/// What an object looks like: its parts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look {
    /// The parts, drawn in order of their `z`.
    pub parts: Vec<Part>,
}

impl Look {
    /// An empty look, to add parts to.
    pub fn new() -> Self {
        Look::default()
    }

    /// Adds an outlined shape.
    pub fn shape(self, shape: Shape, fill: Color, at: Vec2, angle: f32) -> Self {
        self.push(shape, fill, true, at, angle)
    }

    /// Adds a shape without outline (for insides and highlights).
    pub fn plain(self, shape: Shape, fill: Color, at: Vec2, angle: f32) -> Self {
        self.push(shape, fill, false, at, angle)
    }

    /// Adds a shape above the parts already there.
    fn push(mut self, shape: Shape, fill: Color, outline: bool, at: Vec2, angle: f32) -> Self {
        let z = self.parts.len() as f32 * 0.01;
        self.parts.push(Part::Shape {
            shape,
            fill,
            outline,
            at,
            angle,
            z,
        });
        self
    }

    /// Adds a label on the scene's background.
    pub fn label(self, text: &str, at: Vec2) -> Self {
        self.push_label(text, at, false)
    }

    /// Adds a label on the scene's background that starts (its left edge)
    /// at `left`, on the line through `left`.
    pub fn label_from(self, text: &str, left: Vec2) -> Self {
        let half = crate::content::text::text_ems(text) * LABEL_SIZE / 2.0;
        self.push_label(text, left + Vec2::new(half, 0.0), false)
    }

    /// Adds a label over a light object: dark in every theme.
    pub fn label_on(self, text: &str, at: Vec2) -> Self {
        self.push_label(text, at, true)
    }

    fn push_label(mut self, text: &str, at: Vec2, on_light: bool) -> Self {
        self.parts.push(Part::Label {
            text: text.to_string(),
            at,
            on_light,
        });
        self
    }

    /// Adds all parts of another look, shifted.
    pub fn with(self, other: Look, at: Vec2) -> Self {
        self.with_turned(other, at, 0.0)
    }

    /// Adds all parts of another look, turned by `angle` about its origin
    /// and shifted; its labels move with it but stay upright.
    pub fn with_turned(mut self, other: Look, at: Vec2, angle: f32) -> Self {
        let base = self.parts.len() as f32 * 0.01;
        let turn = Vec2::from_angle(angle);
        for part in other.parts {
            self.parts.push(match part {
                Part::Shape {
                    shape,
                    fill,
                    outline,
                    at: a,
                    angle: own,
                    z,
                } => Part::Shape {
                    shape,
                    fill,
                    outline,
                    at: at + turn.rotate(a),
                    angle: own + angle,
                    z: base + z,
                },
                Part::Label {
                    text,
                    at: a,
                    on_light,
                } => Part::Label {
                    text,
                    at: at + turn.rotate(a),
                    on_light,
                },
            });
        }
        self
    }
}

/// The outline of a shape: the ring between the shape and the shape grown
/// by `grow`. Drawing only the ring, rather than the whole grown shape
/// behind the fill, spares a software renderer the hidden pixels (on
/// lavapipe, the grown shapes took about 3 ms of a 30 ms frame). Its inner
/// edge is the fill's own edge, vertex for vertex, so the two meet without a
/// gap.
pub fn outline_ring(shape: Shape, grow: f32) -> Mesh {
    use bevy::asset::RenderAssetUsages;
    use bevy::mesh::{Indices, PrimitiveTopology};
    let inner = edge(&mesh(shape, 0.0));
    let outer = edge(&mesh(shape, grow));
    // Every shape's mesh lists its edge in order, the same number of
    // vertices grown or not; anything else gets the whole grown shape.
    if inner.len() != outer.len() || inner.len() < 3 {
        return mesh(shape, grow);
    }
    let n = inner.len() as u32;
    let positions: Vec<[f32; 3]> = inner.iter().chain(&outer).copied().collect();
    let mut indices = Vec::with_capacity(6 * n as usize);
    for i in 0..n {
        let j = (i + 1) % n;
        indices.extend_from_slice(&[i, n + i, n + j, i, n + j, j]);
    }
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    // The same attributes as the fills', so both share one pipeline.
    .with_inserted_attribute(
        Mesh::ATTRIBUTE_NORMAL,
        vec![[0.0, 0.0, 1.0]; 2 * n as usize],
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, vec![[0.0, 0.0]; 2 * n as usize])
    .with_inserted_indices(Indices::U32(indices))
}

/// The vertex positions of a flat convex mesh, which lists its edge in order.
pub(crate) fn edge(mesh: &Mesh) -> Vec<[f32; 3]> {
    match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
        Some(bevy::mesh::VertexAttributeValues::Float32x3(positions)) => positions.clone(),
        _ => Vec::new(),
    }
}

/// Builds the mesh of a shape.
pub fn mesh(shape: Shape, grow: f32) -> Mesh {
    match shape {
        Shape::Circle(r) => Circle::new(r + grow).into(),
        Shape::Rect(size) => Rectangle::from_size(size + 2.0 * grow).into(),
        Shape::Capsule(r, length) => Capsule2d::new(r + grow, length).into(),
        Shape::Triangle(w, h) => {
            let [a, b, c] = grown_triangle(
                [
                    Vec2::new(0.0, h * 0.5),
                    Vec2::new(-w * 0.5, -h * 0.5),
                    Vec2::new(w * 0.5, -h * 0.5),
                ],
                grow,
            );
            Triangle2d::new(a, b, c).into()
        }
    }
}

/// A triangle (corners counter-clockwise) grown outwards: every side moves
/// `grow` out along its normal, so an outline drawn in the difference is
/// equally thick on every side, whatever the triangle's shape.
fn grown_triangle(corners: [Vec2; 3], grow: f32) -> [Vec2; 3] {
    // The outward normal of the side from `from` to `to`.
    let normal = |from: Vec2, to: Vec2| {
        let d = (to - from).normalize_or_zero();
        Vec2::new(d.y, -d.x)
    };
    std::array::from_fn(|i| {
        let (before, here, after) = (corners[(i + 2) % 3], corners[i], corners[(i + 1) % 3]);
        let (n1, n2) = (normal(before, here), normal(here, after));
        // Where the two moved sides meet.
        here + grow * (n1 + n2) / (1.0 + n1.dot(n2))
    })
}
