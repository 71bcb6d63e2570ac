//! The shared drawing kit: every object of every scene (T cell, CAR key,
//! antigen lock, cancer cell, healthy cell, red blood cell, tube, bag, IV,
//! vector, DNA) built from Bevy's 2D primitives, outlined, in look.md's
//! palette.

use bevy::prelude::*;

use crate::ui::palette;

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
    pub fn with(mut self, other: Look, at: Vec2) -> Self {
        let base = self.parts.len() as f32 * 0.01;
        for part in other.parts {
            self.parts.push(match part {
                Part::Shape {
                    shape,
                    fill,
                    outline,
                    at: a,
                    angle,
                    z,
                } => Part::Shape {
                    shape,
                    fill,
                    outline,
                    at: a + at,
                    angle,
                    z: base + z,
                },
                Part::Label {
                    text,
                    at: a,
                    on_light,
                } => Part::Label {
                    text,
                    at: a + at,
                    on_light,
                },
            });
        }
        self
    }
}

/// Skin, for arms.
pub const SKIN: Color = Color::srgb(0.96, 0.84, 0.72);
/// Plastic of bags and tubes.
pub const PLASTIC: Color = Color::srgb(0.97, 0.97, 0.97);
/// Grey of machines and boxes.
pub const METAL: Color = Color::srgb(0.76, 0.77, 0.79);
/// Pale background of vessels and dishes.
pub const PALE: Color = Color::srgb(0.99, 0.90, 0.86);

/// A CAR "key": an orange triangle pointing outwards (+y).
pub fn key(size: f32) -> Shape {
    Shape::Triangle(size, size)
}

/// A T cell of radius `r`; with CAR keys around it when `keys` is set.
pub fn t_cell(r: f32, keys: bool) -> Look {
    let mut look = Look::new();
    if keys {
        let k = KEY_SIZE * r / T_CELL_R;
        for i in 0..8 {
            let angle = i as f32 * std::f32::consts::TAU / 8.0;
            let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
            look = look.shape(key(k), palette::CAR, dir * (r + k * 0.45), angle);
        }
    }
    look.shape(Shape::Circle(r), palette::T_CELL, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.45),
            darker(palette::T_CELL),
            Vec2::new(-r * 0.15, r * 0.1),
            0.0,
        )
}

/// A single CAR key on its own, pointing up.
pub fn lone_key(size: f32) -> Look {
    Look::new().shape(key(size), palette::CAR, Vec2::ZERO, 0.0)
}

/// A cancer cell of radius `r` with `locks` antigen "locks" on its surface:
/// orange outlines of the key's triangle, sunk into the membrane with the
/// tip inwards, so a key fits in. The first lock is on the left (-x).
pub fn cancer_cell(r: f32, locks: usize) -> Look {
    let mut look = Look::new().shape(Shape::Circle(r), palette::CANCER, Vec2::ZERO, 0.0);
    look = look.plain(
        Shape::Circle(r * 0.4),
        darker(palette::CANCER),
        Vec2::new(r * 0.15, -r * 0.1),
        0.0,
    );
    for i in 0..locks {
        let angle = std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / locks as f32;
        let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
        let size = lock_size(r);
        look = look
            .with(lock_on(size, palette::CANCER), dir * (r - size * 0.45))
            .rotate_last(angle + std::f32::consts::PI);
    }
    look
}

/// The size of a lock: its hollow is the size of a key on a T cell of radius
/// [`T_CELL_R`], so a key fits it exactly with the lock's rim around it.
pub fn lock_size(_r: f32) -> f32 {
    KEY_SIZE / LOCK_HOLLOW
}

/// The hollow of a lock, as a fraction of its size.
pub const LOCK_HOLLOW: f32 = 0.7;
/// Where the hollow's centre sits behind the lock's centre, as a fraction of
/// its size (the hollow shares the lock's incentre).
pub const HOLLOW_SHIFT: f32 = 0.191 * (1.0 - LOCK_HOLLOW);

/// Size of a CAR key (and of a lock) on a full-size T cell.
pub const KEY_SIZE: f32 = 30.0;
/// Radius of a full-size T cell.
pub const T_CELL_R: f32 = 70.0;

impl Look {
    /// Rotates the parts added by the last [`Look::with`] of a lock (its two
    /// shapes) about their common centre.
    fn rotate_last(mut self, angle: f32) -> Self {
        let n = self.parts.len();
        let centre = match &self.parts[n - 2] {
            Part::Shape { at, .. } => *at,
            Part::Label { at, .. } => *at,
        };
        for part in &mut self.parts[n - 2..] {
            if let Part::Shape { at, angle: a, .. } = part {
                *at = centre + Vec2::from_angle(angle).rotate(*at - centre);
                *a += angle;
            }
        }
        self
    }
}

/// A healthy cell of radius `r`, bluish green, without locks unless asked.
/// The first lock is on the left.
pub fn healthy_cell(r: f32, locks: usize) -> Look {
    healthy_cell_turned(r, locks, 0.0)
}

/// A healthy cell whose locks are turned by `turn` radians (π puts the first
/// one on the right), while its label stays upright.
pub fn healthy_cell_turned(r: f32, locks: usize, turn: f32) -> Look {
    let mut look = Look::new().shape(Shape::Circle(r), palette::HEALTHY, Vec2::ZERO, 0.0);
    look = look.plain(
        Shape::Circle(r * 0.4),
        darker(palette::HEALTHY),
        Vec2::ZERO,
        0.0,
    );
    for i in 0..locks {
        let angle =
            std::f32::consts::FRAC_PI_2 + turn + i as f32 * std::f32::consts::TAU / locks as f32;
        let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
        let size = lock_size(r);
        look = look
            .with(lock_on(size, palette::HEALTHY), dir * (r - size * 0.45))
            .rotate_last(angle + std::f32::consts::PI);
    }
    look
}

/// An antigen "lock" on a cell of colour `body`: an orange rim in the key's
/// triangle shape (the hollow shares the rim's incentre, so the rim is even).
fn lock_on(size: f32, body: Color) -> Look {
    Look::new()
        .shape(key(size), palette::CAR, Vec2::ZERO, 0.0)
        .plain(
            Shape::Triangle(size * LOCK_HOLLOW, size * LOCK_HOLLOW),
            body,
            Vec2::new(0.0, -HOLLOW_SHIFT * size),
            0.0,
        )
}

/// A red blood cell: a vermillion disc with a paler dimple.
pub fn red_cell(r: f32) -> Look {
    Look::new()
        .shape(Shape::Circle(r), palette::BLOOD, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.5),
            lighter(palette::BLOOD),
            Vec2::ZERO,
            0.0,
        )
}

/// A straight tube from `a` to `b` (in the object's frame), of this width.
pub fn tube(a: Vec2, b: Vec2, width: f32, fill: Color) -> Look {
    let d = b - a;
    Look::new().shape(
        Shape::Rect(Vec2::new(d.length(), width)),
        fill,
        (a + b) / 2.0,
        d.to_angle(),
    )
}

/// A bag of cells (an infusion bag): body and port, `w` by `h`.
pub fn bag(w: f32, h: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w * 0.18, h * 0.16)),
            PLASTIC,
            Vec2::new(0.0, -h * 0.56),
            0.0,
        )
        .shape(Shape::Rect(Vec2::new(w, h)), PLASTIC, Vec2::ZERO, 0.0)
        .shape(
            Shape::Rect(Vec2::new(w * 0.3, h * 0.08)),
            PLASTIC,
            Vec2::new(0.0, h * 0.5),
            0.0,
        )
}

/// A viral vector: a yellow capsid (dark outline) carrying a DNA strand.
pub fn vector(r: f32) -> Look {
    Look::new()
        .shape(Shape::Circle(r), palette::DNA, Vec2::ZERO, 0.0)
        .with(dna(r * 1.2), Vec2::ZERO)
}

/// A short DNA strand: a zig-zag of yellow bars with dark outlines.
pub fn dna(length: f32) -> Look {
    let mut look = Look::new();
    let n = 4;
    let step = length / n as f32;
    for i in 0..n {
        let x = -length / 2.0 + step * (i as f32 + 0.5);
        let angle = if i % 2 == 0 { 0.6 } else { -0.6 };
        look = look.shape(
            Shape::Rect(Vec2::new(step * 1.1, step * 0.35)),
            palette::DNA,
            Vec2::new(x, 0.0),
            angle,
        );
    }
    look
}

/// An arm, lying horizontally, `length` long, hand towards +x.
pub fn arm(length: f32) -> Look {
    Look::new().shape(
        Shape::Capsule(55.0, length),
        SKIN,
        Vec2::ZERO,
        std::f32::consts::FRAC_PI_2,
    )
}

/// A check mark in bluish green, `size` across: a short stroke down to the
/// corner, a long one up.
pub fn check_mark(size: f32) -> Look {
    let corner = Vec2::new(-0.1, -0.3) * size;
    let width = size * 0.16;
    tube(
        Vec2::new(-0.45, 0.0) * size,
        corner,
        width,
        palette::HEALTHY,
    )
    .with(
        tube(corner, Vec2::new(0.45, 0.4) * size, width, palette::HEALTHY),
        Vec2::ZERO,
    )
}

/// A label alone.
pub fn text(words: &str) -> Look {
    Look::new().label(words, Vec2::ZERO)
}

/// A label alone that sits over a light object.
pub fn text_on(words: &str) -> Look {
    Look::new().label_on(words, Vec2::ZERO)
}

/// A darker shade, for nuclei.
pub fn darker(c: Color) -> Color {
    let s = c.to_srgba();
    Color::srgb(s.red * 0.75, s.green * 0.75, s.blue * 0.75)
}

/// A lighter shade, for highlights.
pub fn lighter(c: Color) -> Color {
    let s = c.to_srgba();
    Color::srgb(
        s.red + (1.0 - s.red) * 0.35,
        s.green + (1.0 - s.green) * 0.35,
        s.blue + (1.0 - s.blue) * 0.35,
    )
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
fn edge(mesh: &Mesh) -> Vec<[f32; 3]> {
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
