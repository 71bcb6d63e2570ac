//! What T-cell receptors read: a small piece of a protein held up in an HLA
//! "cup" on the cell surface, and the TCR "key" whose notch fits the piece
//! and the cup together. Also the hidden protein (a chain of beads) and the
//! cell's shredder (the proteasome) that cuts it into pieces.

use bevy::prelude::*;

use crate::palette;
use crate::scenes::kit::{Look, Shape};

/// A piece of a protein, told apart by its outline: a TCR key fits only
/// its own piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The triangle: MAGE-A4 in the TCR story (and one TIL's piece).
    Triangle,
    /// A square block.
    Square,
    /// A narrow bar.
    Bar,
}

impl Piece {
    /// Every piece.
    pub const ALL: [Piece; 3] = [Piece::Triangle, Piece::Square, Piece::Bar];
}

/// Outer width of a cup and of a TCR key.
pub const CUP_W: f32 = 50.0;
/// Height of a cup from its floor to its rim (the rim is at +14).
const RIM: f32 = 14.0;
/// Wall thickness of a cup.
const WALL: f32 = 8.0;
/// Half the height of a TCR key's block.
const KEY_HALF: f32 = 18.0;
/// How far outside the cell's edge a TCR key's centre sits (it is sunk a
/// little into the membrane).
pub const KEY_REACH: f32 = KEY_HALF - 4.0;
/// How far inside the cell's edge a cup's centre sits.
pub const CUP_SINK: f32 = 4.0;
/// Distance between the centres of a T cell of radius `t` and a cell of
/// radius `r` when a key of the T cell sits in a cup of the cell, at scale 1.
pub fn docked_distance(t: f32, r: f32) -> f32 {
    t + KEY_REACH + KEY_HALF + RIM + r - CUP_SINK
}

/// The part of a piece that stands above the cup's rim, and so fills a
/// key's notch: its shape and its centre, in the cup's frame.
fn above_rim(piece: Piece) -> (Shape, f32) {
    match piece {
        // The top 20 of a 34-wide, 40-tall triangle.
        Piece::Triangle => (Shape::Triangle(17.0, 20.0), RIM + 10.0),
        Piece::Square => (Shape::Rect(Vec2::new(24.0, 10.0)), RIM + 5.0),
        Piece::Bar => (Shape::Rect(Vec2::new(12.0, 20.0)), RIM + 10.0),
    }
}

/// A piece on its own, in the frame of the cup that holds it (+y out of the
/// cell): from the cup's floor to above its rim.
pub fn piece(piece: Piece, s: f32) -> Look {
    let (shape, at) = match piece {
        Piece::Triangle => (Shape::Triangle(34.0, 40.0), RIM),
        Piece::Square => (Shape::Rect(Vec2::new(24.0, 30.0)), 9.0),
        Piece::Bar => (Shape::Rect(Vec2::new(12.0, 40.0)), RIM),
    };
    Look::new().shape(scaled(shape, s), palette::CAR, Vec2::new(0.0, at * s), 0.0)
}

/// A shape scaled by `s`.
fn scaled(shape: Shape, s: f32) -> Shape {
    match shape {
        Shape::Circle(r) => Shape::Circle(r * s),
        Shape::Rect(size) => Shape::Rect(size * s),
        Shape::Capsule(r, l) => Shape::Capsule(r * s, l * s),
        Shape::Triangle(w, h) => Shape::Triangle(w * s, h * s),
    }
}

/// An empty HLA cup, a U opening outwards (+y), in `body`'s darker shade.
pub fn cup(body: Color, s: f32) -> Look {
    let fill = palette::darker(body);
    let floor = Vec2::new(CUP_W, WALL) * s;
    let wall = Vec2::new(WALL, 2.0 * RIM) * s;
    let side = (CUP_W - WALL) / 2.0 * s;
    Look::new()
        .shape(
            Shape::Rect(floor),
            fill,
            Vec2::new(0.0, (-RIM + WALL / 2.0) * s),
            0.0,
        )
        .shape(Shape::Rect(wall), fill, Vec2::new(-side, 0.0), 0.0)
        .shape(Shape::Rect(wall), fill, Vec2::new(side, 0.0), 0.0)
}

/// The shape of a person's HLA cups: their tissue type. A TCR key fits
/// only cups of the type it was made for (the U here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CupShape {
    /// The type the TCR key fits (for Tecelra, certain HLA-A*02 types).
    U,
    /// Walls leaning out.
    V,
    /// Wide and shallow.
    Wide,
}

/// An empty HLA cup of another person's type, opening outwards (+y).
pub fn cup_shaped(shape: CupShape, body: Color, s: f32) -> Look {
    let fill = palette::darker(body);
    match shape {
        CupShape::U => cup(body, s),
        CupShape::V => {
            let wall = Vec2::new(WALL, 2.0 * RIM + 6.0) * s;
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(24.0, WALL) * s),
                    fill,
                    Vec2::new(0.0, (-RIM + WALL / 2.0) * s),
                    0.0,
                )
                .shape(Shape::Rect(wall), fill, Vec2::new(-17.0, 0.0) * s, 0.45)
                .shape(Shape::Rect(wall), fill, Vec2::new(17.0, 0.0) * s, -0.45)
        }
        CupShape::Wide => {
            let wall = Vec2::new(WALL, RIM) * s;
            let side = (CUP_W * 1.5 - WALL) / 2.0 * s;
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(CUP_W * 1.5, WALL) * s),
                    fill,
                    Vec2::new(0.0, (-RIM + WALL / 2.0) * s),
                    0.0,
                )
                .shape(
                    Shape::Rect(wall),
                    fill,
                    Vec2::new(-side, -RIM * 0.5 * s),
                    0.0,
                )
                .shape(
                    Shape::Rect(wall),
                    fill,
                    Vec2::new(side, -RIM * 0.5 * s),
                    0.0,
                )
        }
    }
}

/// An HLA cup holding a piece: the piece drawn first, the cup's walls over
/// its foot.
pub fn cup_with(body: Color, held: Piece, s: f32) -> Look {
    piece(held, s).with(cup(body, s), Vec2::ZERO)
}

/// A TCR key, pointing out (+y) from its T cell: an orange block with a
/// notch in its tip the shape of the part of `fits` that stands above a
/// cup's rim.
pub fn tcr_key(fits: Piece, s: f32) -> Look {
    let (notch, at) = above_rim(fits);
    // In the key's frame the notch opens at the tip (+y): turned over.
    let depth = at - RIM;
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(CUP_W, 2.0 * KEY_HALF) * s),
            palette::CAR,
            Vec2::ZERO,
            0.0,
        )
        .plain(
            scaled(notch, s),
            palette::T_CELL,
            Vec2::new(0.0, (KEY_HALF - depth) * s),
            std::f32::consts::PI,
        )
}

/// A cell of radius `r` and colour `body` with an HLA cup every
/// `1/len` of a turn, holding `pieces` in order; the first points up (+y).
pub fn cell_with_cups(r: f32, body: Color, pieces: &[Piece], turn: f32) -> Look {
    let mut look = Look::new()
        .shape(Shape::Circle(r), body, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.4),
            palette::darker(body),
            Vec2::new(r * 0.15, -r * 0.1),
            0.0,
        );
    let n = pieces.len().max(1) as f32;
    for (i, held) in pieces.iter().enumerate() {
        let angle = turn + i as f32 * std::f32::consts::TAU / n;
        let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
        look = look.with_turned(cup_with(body, *held, 1.0), dir * (r - CUP_SINK), angle);
    }
    look
}

/// A protein made inside the cell: a chain of `n` orange beads, from left
/// to right.
pub fn protein_chain(n: usize, bead: f32) -> Look {
    let mut look = Look::new();
    for i in 0..n {
        let x = (i as f32 - (n as f32 - 1.0) / 2.0) * bead * 1.7;
        let y = if i % 2 == 0 { bead * 0.5 } else { -bead * 0.5 };
        look = look.shape(Shape::Circle(bead), palette::CAR, Vec2::new(x, y), 0.0);
    }
    look
}

/// The cell's shredder, the proteasome: a grey barrel with dark rings.
pub fn proteasome(w: f32, h: f32) -> Look {
    let ring = palette::darker(palette::METAL);
    let mut look = Look::new().shape(
        Shape::Capsule(w / 2.0, h - w),
        palette::METAL,
        Vec2::ZERO,
        0.0,
    );
    for k in [-1.0, 0.0, 1.0] {
        look = look.plain(
            Shape::Rect(Vec2::new(w * 0.9, h * 0.07)),
            ring,
            Vec2::new(0.0, k * h * 0.25),
            0.0,
        );
    }
    look
}
