//! Apheresis: blood leaves one arm through a tube into a machine that spins;
//! white blood cells, T cells among them, are collected in a bag; the rest of
//! the blood flows back into the other arm. The same for CAR T and TCR
//! therapy.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, flow, flow_alpha, path_length, phase};
use super::objects::{arm, bag, red_cell, t_cell, text, tube, white_cell};
use crate::palette;

/// The apheresis scene.
pub const KIND: SceneKind = SceneKind {
    name: "apheresis",
    nominal: 24.0,
    // No cuts: everything moves continuously.
    cuts: &[],
    moments: &[
        moment("blood-flows", 4.2),
        moment("cells-collected", 11.8),
        moment("blood-returns", 20.4),
    ],
    objects,
    pose,
};

const DOTS_IN: usize = 12;
const DOTS_BAG: usize = 4;
const DOTS_OUT: usize = 9;
const DOT_R: f32 = 15.0;

const IN_PATH: [Vec2; 3] = [
    Vec2::new(-470.0, -60.0),
    Vec2::new(-470.0, 110.0),
    Vec2::new(-150.0, 110.0),
];
const BAG_PATH: [Vec2; 2] = [Vec2::new(0.0, 0.0), Vec2::new(0.0, -170.0)];
const OUT_PATH: [Vec2; 3] = [
    Vec2::new(150.0, 110.0),
    Vec2::new(470.0, 110.0),
    Vec2::new(470.0, -60.0),
];
const MACHINE: Vec2 = Vec2::new(0.0, 110.0);
const BAG: Vec2 = Vec2::new(0.0, -215.0);
const BAG_SIZE: Vec2 = Vec2::new(150.0, 150.0);

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let tube_fill = palette::PALE;
    let mut out = vec![
        Object::new("arm", arm(240.0).label("Arm", Vec2::new(0.0, -100.0))),
        Object::new(
            "other-arm",
            arm(240.0).label("Other arm", Vec2::new(0.0, -100.0)),
        ),
        Object::new(
            "tube-in",
            tube(IN_PATH[0], IN_PATH[1], 30.0, tube_fill).with(
                tube(
                    IN_PATH[1] + Vec2::new(-15.0, 0.0),
                    IN_PATH[2],
                    30.0,
                    tube_fill,
                ),
                Vec2::ZERO,
            ),
        ),
        Object::new(
            "tube-out",
            tube(
                OUT_PATH[0],
                OUT_PATH[1] + Vec2::new(15.0, 0.0),
                30.0,
                tube_fill,
            )
            .with(tube(OUT_PATH[1], OUT_PATH[2], 30.0, tube_fill), Vec2::ZERO),
        ),
        Object::new("tube-bag", tube(BAG_PATH[0], BAG_PATH[1], 30.0, tube_fill)),
        Object::new(
            "machine",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(300.0, 210.0)),
                    palette::METAL,
                    Vec2::ZERO,
                    0.0,
                )
                .label("Apheresis machine", Vec2::new(0.0, 145.0)),
        ),
        Object::new("rotor", rotor()),
        Object::new(
            "bag",
            bag(BAG_SIZE.x, BAG_SIZE.y).label("White blood cells collected", Vec2::new(370.0, 0.0)),
        ),
        Object::new(
            "bag-level",
            Look::new().plain(Shape::Rect(Vec2::ONE), palette::T_CELL, Vec2::ZERO, 0.0),
        ),
        Object::new("blood-out-label", text("Blood out")),
        Object::new("blood-back-label", text("Blood back")),
    ];
    // Blood: red cells, and white cells (T cells in blue, others grey).
    let cell = |i: usize| match i % 4 {
        0 => t_cell(DOT_R, false),
        2 => white_cell(DOT_R),
        _ => red_cell(DOT_R),
    };
    out.extend((0..DOTS_IN).map(|i| Object::nth("cell-in", i + 1, cell(i))));
    out.extend((0..DOTS_BAG).map(|i| Object::nth("white-cell-to-bag", i + 1, cell(2 * i))));
    out.extend((0..DOTS_OUT).map(|i| Object::nth("red-cell-back", i + 1, red_cell(DOT_R))));
    out
}

/// The spinning part of the machine: a disc with three blades.
fn rotor() -> Look {
    let mut rotor = Look::new().shape(
        Shape::Circle(72.0),
        palette::darker(palette::METAL),
        Vec2::ZERO,
        0.0,
    );
    for k in 0..3 {
        let angle = k as f32 * std::f32::consts::TAU / 3.0;
        rotor = rotor.shape(
            Shape::Rect(Vec2::new(60.0, 16.0)),
            palette::PLASTIC,
            Vec2::from_angle(angle) * 34.0,
            angle,
        );
    }
    rotor
}

/// How far the rotor has turned by time `t`: it speeds up smoothly from 2 s
/// to 6 s, then turns at half a revolution per second (slow enough to follow,
/// far from flashing).
fn rotor_angle(t: f32) -> f32 {
    let rate = std::f32::consts::PI; // radians per second at full speed
    let x = ((t - 2.0) / 4.0).clamp(0.0, 1.0);
    // Integral of the smoothstep ramp over the 4 s spin-up.
    let ramp = 4.0 * (x.powi(3) - x.powi(4) / 2.0);
    -rate * (ramp + (t - 6.0).max(0.0))
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let bag_level = 0.05 + 0.8 * phase(t, 8.0, 21.0);
    let fill_h = (BAG_SIZE.y - 12.0) * bag_level;
    let mut out = Poses::new();
    out.set("arm", Pose::at(-600.0, -60.0));
    out.set("other-arm", Pose::at(600.0, -60.0));
    for tube in ["tube-in", "tube-out", "tube-bag"] {
        out.set(tube, Pose::at(0.0, 0.0));
    }
    out.set("machine", Pose::at_v(MACHINE));
    out.set("rotor", Pose::at_v(MACHINE).turned(rotor_angle(t)));
    out.set("bag", Pose::at_v(BAG));
    out.set(
        "bag-level",
        Pose::at(BAG.x, BAG.y - (BAG_SIZE.y - 12.0) / 2.0 + fill_h / 2.0)
            .stretched(BAG_SIZE.x - 12.0, fill_h),
    );
    out.set(
        "blood-out-label",
        Pose::at(-310.0, 170.0).faded(phase(t, 0.5, 2.0)),
    );
    out.set(
        "blood-back-label",
        Pose::at(310.0, 170.0).faded(phase(t, 15.0, 16.5)),
    );
    // Blood and its white cells flow from the arm into the machine from the start.
    for i in 0..DOTS_IN {
        let f = flow(t, i, DOTS_IN, 70.0, path_length(&IN_PATH));
        let shown = flow_alpha(f, 0.08) * phase(t, 0.0, 2.0);
        out.set_nth(
            "cell-in",
            i + 1,
            Pose::at_v(along(&IN_PATH, f)).faded(shown),
        );
    }
    // White cells go down into the bag once the machine separates them.
    for i in 0..DOTS_BAG {
        let f = flow(t, i, DOTS_BAG, 40.0, path_length(&BAG_PATH));
        let shown = flow_alpha(f, 0.15) * phase(t, 7.0, 9.0);
        out.set_nth(
            "white-cell-to-bag",
            i + 1,
            Pose::at_v(along(&BAG_PATH, f)).faded(shown),
        );
    }
    // The rest of the blood flows back to the other arm.
    for i in 0..DOTS_OUT {
        let f = flow(t, i, DOTS_OUT, 70.0, path_length(&OUT_PATH));
        let shown = flow_alpha(f, 0.08) * phase(t, 4.0, 6.0);
        out.set_nth(
            "red-cell-back",
            i + 1,
            Pose::at_v(along(&OUT_PATH, f)).faded(shown),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_machine_spins_and_the_bag_fills() {
        assert_eq!(rotor_angle(1.0), 0.0, "still before it starts");
        assert!(rotor_angle(10.0) < rotor_angle(8.0), "turning");
        let level = |t: f32| pose(t).of("bag-level").scale.y;
        assert!(level(20.0) > 4.0 * level(7.0));
        // White cells run to the bag only once the machine separates them.
        let to_bag = |t: f32| {
            let poses = pose(t);
            (1..=DOTS_BAG)
                .filter(|&i| poses.nth_of("white-cell-to-bag", i).visible())
                .count()
        };
        assert_eq!(to_bag(6.0), 0);
        assert!(to_bag(12.0) > 0);
    }
}
