//! TCR therapy's hidden locks: inside a cancer cell, a protein (MAGE-A4)
//! is cut into pieces by the cell's shredder (the proteasome); an HLA cup
//! picks up a piece and carries it to the surface; a TCR T cell's key fits
//! the piece and the cup together.

use std::f32::consts::{FRAC_PI_2, PI};

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{
    CUP_SINK, Keys, Piece, cup, cup_with, docked_distance, piece, proteasome, protein_chain,
    t_cell_with, text, text_on,
};
use crate::palette;

/// The hidden-locks scene.
pub const KIND: SceneKind = SceneKind {
    name: "hidden-locks",
    nominal: 32.0,
    cuts: &[],
    moments: &[
        moment("hidden", 4.8),
        moment("cut", 12.8),
        moment("shown", 20.8),
        moment("fits", 28.8),
    ],
    objects,
    pose,
};

const CELL: Vec2 = Vec2::new(-330.0, -10.0);
const R: f32 = 300.0;
const T_R: f32 = 70.0;
const PIECES: usize = 3;
const CHAIN: Vec2 = Vec2::new(-360.0, 170.0);
const SHREDDER: Vec2 = Vec2::new(-200.0, 40.0);
/// Where each piece lands after the shredder, in its cup's frame origin.
const PIECE_AT: [Vec2; PIECES] = [
    Vec2::new(-270.0, -110.0),
    Vec2::new(-170.0, -125.0),
    Vec2::new(-80.0, -110.0),
];
/// The surface point on the right where the cup shows its piece.
const SURFACE: Vec2 = Vec2::new(CELL.x + R - CUP_SINK, CELL.y);
/// Where the T cell waits, and where it docks.
const PARKED: Vec2 = Vec2::new(580.0, -10.0);

/// Directions (radians) of the cups already on the surface, with what they
/// hold: pieces of the cell's other proteins.
const OTHER_CUPS: [(f32, Piece); 2] = [(0.62, Piece::Square), (-0.62, Piece::Bar)];

fn docked() -> Vec2 {
    CELL + Vec2::X * docked_distance(T_R, R)
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut cell = Look::new()
        .shape(Shape::Circle(R), palette::CANCER, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(70.0),
            palette::darker(palette::CANCER),
            Vec2::new(-140.0, -110.0),
            0.0,
        )
        .label_on("Cancer cell", Vec2::new(0.0, -230.0));
    for (direction, held) in OTHER_CUPS {
        cell = cell.with_turned(
            cup_with(palette::CANCER, held, 1.0),
            Vec2::from_angle(direction) * (R - CUP_SINK),
            direction - FRAC_PI_2,
        );
    }
    // The T cell is drawn first: docked, the piece shows in its key's notch.
    let mut out = vec![
        Object::new("t-cell", t_cell_with(T_R, Keys::Tcr(Piece::Triangle))),
        Object::new("cell", cell),
        Object::new("chain", protein_chain(6, 16.0)),
        Object::new("chain-label", text_on("Hidden protein: MAGE-A4")),
        Object::new("shredder", proteasome(70.0, 110.0)),
        Object::new("shredder-label", text_on("Shredder (proteasome)")),
    ];
    out.extend((1..=PIECES).map(|i| Object::nth("piece", i, piece(Piece::Triangle, 0.8))));
    out.push(Object::new("pieces-label", text_on("Pieces")));
    out.push(Object::new("cup", cup(palette::CANCER, 1.0)));
    out.push(Object::new("carried", piece(Piece::Triangle, 1.0)));
    out.push(Object::new("cup-label", text("HLA cup with a piece")));
    out.push(Object::new("t-cell-label", text("TCR T cell")));
    out.push(Object::new("fits-label", text("TCR key fits piece + cup")));
    out
}

/// Where the cup (and the piece it carries) is, and its turn, at time `t`.
fn cup_at(t: f32) -> (Vec2, f32) {
    let start = PIECE_AT[1] + Vec2::new(0.0, -10.0);
    let path = [start, Vec2::new(-110.0, -70.0), SURFACE];
    let p = phase(t, 17.5, 20.5);
    (along(&path, p), -FRAC_PI_2 * p)
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("cell", Pose::at_v(CELL));
    // The protein goes into the shredder (8-10.5 s).
    let into = phase(t, 8.0, 10.5);
    out.set(
        "chain",
        Pose::at_v(CHAIN.lerp(SHREDDER + Vec2::new(0.0, 40.0), into))
            .scaled(1.0 - 0.7 * into)
            .faded(1.0 - phase(t, 10.0, 10.5)),
    );
    out.set(
        "chain-label",
        Pose::at(-330.0, 110.0).faded(phase(t, 0.5, 1.5) * (1.0 - phase(t, 8.0, 9.0))),
    );
    out.set(
        "shredder",
        Pose::at_v(SHREDDER).faded(phase(t, 6.5, 7.5) * (1.0 - phase(t, 15.0, 16.0))),
    );
    out.set(
        "shredder-label",
        Pose::at(-350.0, 130.0).faded(phase(t, 9.0, 10.0) * (1.0 - phase(t, 15.0, 16.0))),
    );
    // Pieces come out (10.5-12 s); one drops into a cup (16-17.5 s).
    for (i, at) in PIECE_AT.iter().enumerate() {
        let out_at = SHREDDER.lerp(*at, phase(t, 10.5, 12.0));
        let shown = phase(t, 10.5, 11.0)
            * if i == 1 {
                1.0 - phase(t, 16.8, 17.2)
            } else {
                1.0 - phase(t, 15.0, 16.0)
            };
        out.set_nth("piece", i + 1, Pose::at_v(out_at).faded(shown));
    }
    out.set(
        "pieces-label",
        Pose::at(-250.0, -190.0).faded(phase(t, 11.5, 12.5) * (1.0 - phase(t, 15.0, 16.0))),
    );
    let (cup_pos, turn) = cup_at(t);
    out.set(
        "cup",
        Pose::at_v(cup_pos).turned(turn).faded(phase(t, 15.5, 16.5)),
    );
    out.set(
        "carried",
        Pose::at_v(cup_pos).turned(turn).faded(phase(t, 16.8, 17.2)),
    );
    out.set(
        "cup-label",
        Pose::at(200.0, 90.0).faded(phase(t, 19.5, 20.5) * (1.0 - phase(t, 23.5, 24.5))),
    );
    // The T cell comes in (24-27.5 s), turned so one key faces the cup.
    let t_at = PARKED.lerp(docked(), phase(t, 24.0, 27.5));
    out.set(
        "t-cell",
        Pose::at_v(t_at).turned(PI / 6.0).faded(phase(t, 1.0, 2.0)),
    );
    out.set(
        "t-cell-label",
        Pose::at_v(t_at + Vec2::new(0.0, -150.0)).faded(phase(t, 1.0, 2.0)),
    );
    out.set(
        "fits-label",
        Pose::at(260.0, 190.0).faded(phase(t, 27.0, 28.0)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        KIND.moment(name).expect("moment").at
    }

    #[test]
    fn the_protein_is_cut_a_cup_shows_a_piece_and_the_key_docks_on_it() {
        assert!(pose(at("hidden")).of("chain").visible());
        let cut = pose(at("cut"));
        assert!(!cut.of("chain").visible());
        assert!((1..=PIECES).all(|i| cut.nth_of("piece", i).visible()));
        let shown = pose(at("shown"));
        assert!(
            shown.of("carried").at.distance(SURFACE) < 0.5,
            "the piece is at the surface"
        );
        assert!(
            (shown.of("cup").angle + FRAC_PI_2).abs() < 1e-3,
            "facing out"
        );
        let fits = pose(at("fits"));
        assert!(
            fits.of("t-cell").at.distance(docked()) < 0.5,
            "docked on the cup"
        );
        // A key of the turned T cell points straight at the cup.
        let key_direction = PI / 6.0 + PI / 3.0 + FRAC_PI_2;
        assert!((Vec2::from_angle(key_direction) - Vec2::NEG_X).length() < 1e-3);
    }
}
