//! Stage 4, infusion: the bag thaws in a warm water bath; staff match its
//! label to the patient; an IV drip carries the cells into an arm vein; CAR T
//! cells travel through a blood vessel among red blood cells.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, flow, flow_alpha, path_length, phase};
use super::objects::{arm, bag, check_mark, red_cell, t_cell, text, tube};
use crate::palette;

/// The infusion scene.
pub const KIND: SceneKind = SceneKind {
    name: "infusion",
    nominal: 26.0,
    // No cuts: the move into the blood vessel is a cross-fade.
    cuts: &[],
    moments: &[
        moment("thawing", 3.6),
        moment("identity-checked", 9.6),
        moment("dripping", 16.2),
        moment("in-bloodstream", 23.2),
    ],
    objects,
    pose,
};

const DROPS: usize = 6;
const RED_CELLS: usize = 11;
const CAR_T_CELLS: usize = 3;
const BAG_SIZE: Vec2 = Vec2::new(150.0, 180.0);
const IV_PATH: [Vec2; 3] = [
    Vec2::new(-520.0, 95.0),
    Vec2::new(-520.0, -110.0),
    Vec2::new(-330.0, -185.0),
];

/// A white card with words on it.
fn card(words: &str) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(250.0, 100.0)),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .label_on(words, Vec2::ZERO)
}

fn bag_at(t: f32) -> Vec2 {
    let bath = Vec2::new(-380.0, -110.0);
    let check = Vec2::new(-380.0, 110.0);
    let pole = Vec2::new(-520.0, 190.0);
    if t < 9.0 {
        bath.lerp(check, phase(t, 6.0, 7.8))
    } else {
        check.lerp(pole, phase(t, 12.0, 13.5))
    }
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        // The IV pole, behind the bag that will hang on it.
        Object::new(
            "iv-pole",
            Look::new().shape(
                Shape::Rect(Vec2::new(16.0, 560.0)),
                palette::METAL,
                Vec2::ZERO,
                0.0,
            ),
        ),
        Object::new("bag", bag(BAG_SIZE.x, BAG_SIZE.y)),
        Object::new("bag-label", text("Bag of CAR T cells")),
        Object::new(
            "frost",
            Look::new().plain(
                Shape::Rect(BAG_SIZE - 10.0),
                palette::COLD.with_alpha(0.75),
                Vec2::ZERO,
                0.0,
            ),
        ),
        Object::new(
            "water-bath",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(380.0, 150.0)),
                    palette::lighter(palette::COLD),
                    Vec2::ZERO,
                    0.0,
                )
                .label("Water bath, 37 °C", Vec2::new(0.0, -110.0)),
        ),
        // Identity check: the bag's label and the patient's wristband.
        Object::new("bag-card", card("Bag label")),
        Object::new("patient-card", card("Patient ID")),
        Object::new("check-mark", check_mark(90.0)),
        // The IV line, and the arm with its vein.
        Object::new(
            "iv-line",
            tube(IV_PATH[0], IV_PATH[1], 16.0, palette::PLASTIC)
                .with(
                    tube(IV_PATH[1], IV_PATH[2], 16.0, palette::PLASTIC),
                    Vec2::ZERO,
                )
                .label("IV", Vec2::new(-450.0, -20.0)),
        ),
        Object::new("arm", arm(520.0).label("Arm", Vec2::new(330.0, -100.0))),
        Object::new(
            "vein",
            Look::new()
                .plain(
                    Shape::Rect(Vec2::new(520.0, 22.0)),
                    palette::lighter(palette::BLOOD),
                    Vec2::ZERO,
                    0.0,
                )
                .label_on("Vein", Vec2::new(0.0, 45.0)),
        ),
    ];
    out.extend((1..=DROPS).map(|i| Object::nth("drop", i, t_cell(12.0, false))));
    // The blood vessel, shown after the drip.
    out.push(Object::new(
        "vessel",
        Look::new()
            .shape(
                Shape::Rect(Vec2::new(1640.0, 330.0)),
                palette::PALE,
                Vec2::ZERO,
                0.0,
            )
            .label("Blood vessel", Vec2::new(-560.0, 205.0)),
    ));
    out.extend((1..=RED_CELLS).map(|i| {
        let cell = red_cell(34.0);
        let look = if i == 5 {
            cell.label_on("Red blood cell", Vec2::new(0.0, -62.0))
        } else {
            cell
        };
        Object::nth("red-cell", i, look)
    }));
    out.extend((1..=CAR_T_CELLS).map(|i| {
        let cell = t_cell(42.0, true);
        let look = if i == 2 {
            cell.label_on("CAR T cell", Vec2::new(0.0, 80.0))
        } else {
            cell
        };
        Object::nth("car-t-cell", i, look)
    }));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let b = bag_at(t);
    let iv_view = phase(t, 11.5, 12.5) * (1.0 - phase(t, 18.5, 19.5));
    let vessel_view = phase(t, 18.5, 19.5);
    let id_cards = phase(t, 7.0, 8.0) * (1.0 - phase(t, 11.5, 12.5));
    let bag_shown = 1.0 - phase(t, 18.5, 19.5);
    let mut out = Poses::new();
    out.set("iv-pole", Pose::at(-520.0, 20.0).faded(iv_view));
    out.set(
        "bag",
        Pose::at_v(b)
            .scaled(1.0 - 0.2 * phase(t, 12.0, 13.5))
            .faded(bag_shown),
    );
    out.set(
        "bag-label",
        Pose::at_v(b + Vec2::new(0.0, 140.0)).faded(1.0 - phase(t, 11.5, 12.3)),
    );
    // Thawing: the frost melts in the bath (1-5 s).
    out.set("frost", Pose::at_v(b).faded(1.0 - phase(t, 1.0, 5.0)));
    out.set(
        "water-bath",
        Pose::at(-380.0, -170.0).faded(1.0 - phase(t, 7.5, 8.5)),
    );
    out.set("bag-card", Pose::at(-120.0, 160.0).faded(id_cards));
    out.set("patient-card", Pose::at(400.0, 160.0).faded(id_cards));
    out.set(
        "check-mark",
        Pose::at(140.0, 160.0)
            .scaled(phase(t, 9.0, 9.8))
            .faded(if t >= 9.0 { id_cards } else { 0.0 }),
    );
    out.set("iv-line", Pose::at(0.0, 0.0).faded(iv_view));
    out.set("arm", Pose::at(-70.0, -185.0).faded(iv_view));
    out.set("vein", Pose::at(-70.0, -185.0).faded(iv_view));
    // Drops of cells run down the line into the vein (13.5-19 s).
    let length = path_length(&IV_PATH);
    for i in 0..DROPS {
        let f = flow(t, i, DROPS, 60.0, length);
        out.set_nth(
            "drop",
            i + 1,
            Pose::at_v(along(&IV_PATH, f))
                .faded(flow_alpha(f, 0.1) * phase(t, 13.5, 14.5) * iv_view),
        );
    }
    out.set("vessel", Pose::at(0.0, -20.0).faded(vessel_view));
    // In the vessel, red cells and CAR T cells drift left to right.
    let lane = |i: usize| -120.0 + 240.0 * ((i * 7) % 11) as f32 / 10.0;
    for i in 0..RED_CELLS {
        let f = flow(t, i, RED_CELLS, 110.0, 1560.0);
        out.set_nth(
            "red-cell",
            i + 1,
            Pose::at(-780.0 + 1560.0 * f, lane(i) - 20.0).faded(flow_alpha(f, 0.06) * vessel_view),
        );
    }
    for i in 0..CAR_T_CELLS {
        let f = flow(t - 19.0, i, CAR_T_CELLS, 75.0, 1560.0) * 0.999 + 0.0005;
        let y = [-60.0, 30.0, -110.0][i];
        out.set_nth(
            "car-t-cell",
            i + 1,
            Pose::at(-780.0 + 1560.0 * f, y).faded(flow_alpha(f, 0.06) * vessel_view),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bag_thaws_hangs_on_the_iv_then_the_view_moves_into_the_vessel() {
        assert!(pose(0.5).of("frost").alpha > 0.99);
        assert!(
            !pose(5.5).of("frost").visible(),
            "thawed by the end of the beat"
        );
        assert!(bag_at(15.0).distance(Vec2::new(-520.0, 190.0)) < 0.5);
        assert!(!pose(15.0).of("vessel").visible());
        assert!(pose(22.0).of("vessel").alpha > 0.99);
        assert!(
            !pose(22.0).of("bag").visible(),
            "the bag is gone in the vessel view"
        );
    }
}
