//! After the TIL infusion: doses of IL-2 help the TILs multiply; each TIL
//! docks with its own key on the cancer cell piece it fits, so many locks are
//! found; a cancer cell that has lost one lock is still found by another key.

use std::f32::consts::{FRAC_PI_2, PI};

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, flow, flow_alpha, path_length, phase};
use super::objects::{
    CUP_SINK, Keys, Piece, bag, cup, cup_with, docked_distance, spark, t_cell_with, text, tube,
};
use crate::palette;

/// The attack scene.
pub const KIND: SceneKind = SceneKind {
    name: "til-attack",
    nominal: 30.0,
    cuts: &[],
    moments: &[
        moment("il2-doses", 6.0),
        moment("many-locks", 16.0),
        moment("lost-one-lock", 26.0),
        moment("hla-loss", 29.0),
    ],
    objects,
    pose,
};

const T_R: f32 = 70.0;
const R: f32 = 80.0;
/// The T cell's turn that puts one key facing right (+x).
const TURN: f32 = PI / 6.0;
/// The cancer cells of the first attack, each with the piece it shows on
/// its left (the others hold the other pieces).
const TARGETS: [(Vec2, Piece); 3] = [
    (Vec2::new(320.0, 190.0), Piece::Triangle),
    (Vec2::new(620.0, 0.0), Piece::Square),
    (Vec2::new(320.0, -190.0), Piece::Bar),
];
/// The cancer cell that lost its triangle: a square on its left, an empty
/// cup where the triangle was.
const ESCAPER: Vec2 = Vec2::new(400.0, 20.0);
/// Where the TILs wait, in the blood, while IL-2 comes.
const WAITING: [Vec2; 3] = [
    Vec2::new(-560.0, 200.0),
    Vec2::new(-560.0, -5.0),
    Vec2::new(-560.0, -210.0),
];
/// How far a daughter moves from its parent as it is born.
const SPLIT: Vec2 = Vec2::new(230.0, 0.0);
const SPARKS: usize = 6;
const IV_BAG: Vec2 = Vec2::new(-40.0, 230.0);
const IV: [Vec2; 2] = [Vec2::new(-40.0, 180.0), Vec2::new(-40.0, -240.0)];

/// A cancer cell whose left cup holds `left` and whose other two hold the
/// other pieces; `lost` leaves the cup on the top empty.
fn target(left: Piece, lost: bool) -> Look {
    let mut look = Look::new()
        .shape(Shape::Circle(R), palette::CANCER, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(R * 0.4),
            palette::darker(palette::CANCER),
            Vec2::new(R * 0.15, -R * 0.1),
            0.0,
        );
    let others: Vec<Piece> = Piece::ALL.into_iter().filter(|p| *p != left).collect();
    let cups = [
        (PI, Some(left)),
        (FRAC_PI_2, if lost { None } else { Some(others[0]) }),
        (-FRAC_PI_2, Some(others[1])),
    ];
    for (direction, held) in cups {
        let c = match held {
            Some(piece) => cup_with(palette::CANCER, piece, 1.0),
            None => cup(palette::CANCER, 1.0),
        };
        look = look.with_turned(
            c,
            Vec2::from_angle(direction) * (R - CUP_SINK),
            direction - FRAC_PI_2,
        );
    }
    look
}

/// Where a TIL docks on the cup facing left of a cell at `cell`.
fn dock(cell: Vec2) -> Vec2 {
    cell - Vec2::X * docked_distance(T_R, R)
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        Object::new("iv-line", tube(IV[0], IV[1], 16.0, palette::PLASTIC)),
        Object::new(
            "il2-bag",
            bag(110.0, 130.0).label("IL-2: up to 6 doses", Vec2::new(250.0, 20.0)),
        ),
    ];
    out.extend((1..=SPARKS).map(|i| Object::nth("spark", i, spark(30.0))));
    // Three TILs, one per key, and three born of them in the blood; drawn
    // before the cancer cells, so a docked key shows the piece in its notch.
    for i in 0..6 {
        let keys = Keys::Tcr(Piece::ALL[i % 3]);
        out.push(Object::nth("til", i + 1, t_cell_with(T_R, keys)));
    }
    for (i, (_, piece)) in TARGETS.iter().enumerate() {
        out.push(Object::nth("target", i + 1, target(*piece, false)));
    }
    out.push(Object::new("escaper", target(Piece::Square, true)));
    out.push(Object::new("keys-label", text("Each TIL, its own key")));
    out.push(Object::new(
        "lost-label",
        text("One lock lost: another key fits"),
    ));
    out
}

/// Where TIL `i` (0-2) is at time `t`.
fn til_at(i: usize, t: f32) -> Vec2 {
    let docked = dock(TARGETS[i].0);
    if t < 20.0 {
        WAITING[i].lerp(docked, phase(t, 10.0, 15.0))
    } else if i == 1 {
        // The square key docks on the cell that lost its triangle.
        let path = [docked, Vec2::new(300.0, -80.0), dock(ESCAPER)];
        along(&path, phase(t, 21.0, 24.5))
    } else {
        docked
    }
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    // IL-2 down the line (0-10 s).
    let il2 = phase(t, 0.0, 1.0) * (1.0 - phase(t, 9.0, 10.0));
    out.set("iv-line", Pose::at(0.0, 0.0).faded(il2));
    out.set("il2-bag", Pose::at_v(IV_BAG).faded(il2));
    let length = path_length(&IV);
    for k in 0..SPARKS {
        let f = flow(t, k, SPARKS, 70.0, length);
        out.set_nth(
            "spark",
            k + 1,
            Pose::at_v(along(&IV, f)).faded(il2 * flow_alpha(f, 0.1)),
        );
    }
    // The first attack (10-18 s); the cells break up at 16.5-17.5.
    let broken = phase(t, 16.5, 17.5);
    for (i, (at, _)) in TARGETS.iter().enumerate() {
        let shown = phase(t, 9.5, 10.5) * (1.0 - broken);
        out.set_nth(
            "target",
            i + 1,
            Pose::at_v(*at).scaled(1.0 - 0.3 * broken).faded(shown),
        );
    }
    out.set("escaper", Pose::at_v(ESCAPER).faded(phase(t, 19.0, 20.0)));
    for (i, waiting) in WAITING.iter().enumerate() {
        out.set_nth("til", i + 1, Pose::at_v(til_at(i, t)).turned(TURN));
        // A daughter of each, born as IL-2 works (3-7 s), stays in the blood.
        let born = 3.0 + 1.5 * i as f32;
        let daughter = *waiting + SPLIT;
        out.set_nth(
            "til",
            i + 4,
            Pose::at_v(waiting.lerp(daughter, phase(t, born, born + 1.5)))
                .turned(TURN)
                .faded(if t >= born {
                    1.0 - phase(t, 9.0, 10.0)
                } else {
                    0.0
                }),
        );
    }
    out.set(
        "keys-label",
        Pose::at(-150.0, 280.0).faded(phase(t, 14.5, 15.5) * (1.0 - phase(t, 18.5, 19.5))),
    );
    out.set(
        "lost-label",
        Pose::at(-350.0, 280.0).faded(phase(t, 24.5, 25.5)),
    );
    out
}

#[cfg(test)]
mod tests {
    use std::f32::consts::TAU;

    use super::*;

    fn at(name: &str) -> f32 {
        KIND.moment(name).expect("moment").at
    }

    #[test]
    fn each_key_finds_its_own_lock_and_a_cell_that_lost_one_is_still_found() {
        let many = pose(at("many-locks"));
        for (i, (cell, _)) in TARGETS.iter().enumerate() {
            assert!(many.nth_of("til", i + 1).at.distance(dock(*cell)) < 0.5);
        }
        let lost = pose(at("lost-one-lock"));
        assert!(
            lost.nth_of("til", 2).at.distance(dock(ESCAPER)) < 0.5,
            "the square key"
        );
        assert!(lost.of("escaper").alpha > 0.99);
        // One key of the turned cell faces right.
        let key = Vec2::from_angle(TURN + 4.0 * TAU / 6.0 + FRAC_PI_2);
        assert!((key - Vec2::X).length() < 1e-3);
        // IL-2 flows while the TILs multiply.
        let il2 = pose(at("il2-doses"));
        assert!(il2.nth_of("til", 4).visible() && il2.nth_of("til", 5).visible());
    }
}
