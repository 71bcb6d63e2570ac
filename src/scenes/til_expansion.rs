//! The rapid expansion: from day 11 the TILs are grown fast, split into more
//! flasks on day 16 and harvested on day 22, billions of them; then a dose
//! is frozen and sent back.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, phase};
use super::objects::{Keys, Piece, bag, flask, t_cell_with, text};
use crate::palette;

/// The expansion scene.
pub const KIND: SceneKind = SceneKind {
    name: "til-expansion",
    nominal: 24.0,
    cuts: &[],
    moments: &[
        moment("rapid", 4.8),
        moment("day-22", 12.8),
        moment("dose", 20.8),
        moment("not-everyone", 23.0),
    ],
    objects,
    pose,
};

const FLASKS: usize = 8;
const FLASK: f32 = 150.0;
/// When each flask appears: one, then two, four and eight.
const FLASK_FROM: [f32; FLASKS] = [0.0, 2.0, 7.0, 7.0, 10.5, 10.5, 10.5, 10.5];
const BAG_SIZE: Vec2 = Vec2::new(170.0, 210.0);

/// Where flask `i` stands: two rows of four.
fn flask_at(i: usize) -> Vec2 {
    Vec2::new(
        -520.0 + 190.0 * (i % 4) as f32,
        if i < 4 { 70.0 } else { -150.0 },
    )
}

/// A flask with TILs in its broth.
fn flask_with_tils() -> Look {
    let mut look = flask(FLASK);
    for (k, at) in [
        Vec2::new(-22.0, -30.0),
        Vec2::new(20.0, -15.0),
        Vec2::new(0.0, -48.0),
    ]
    .into_iter()
    .enumerate()
    {
        look = look.with(t_cell_with(13.0, Keys::Tcr(Piece::ALL[k])), at);
    }
    look
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out: Vec<Object> = (1..=FLASKS)
        .map(|i| Object::nth("flask", i, flask_with_tils()))
        .collect();
    out.push(Object::new(
        "day-11",
        text("Day 11: rapid expansion starts"),
    ));
    out.push(Object::new(
        "day-16",
        text("Day 16: split into more flasks"),
    ));
    out.push(Object::new("day-22", text("Day 22: harvested")));
    out.push(Object::new("billions", text("Billions of TILs")));
    out.push(Object::new("bag", bag(BAG_SIZE.x, BAG_SIZE.y)));
    out.push(Object::new(
        "frost",
        Look::new().plain(
            Shape::Rect(BAG_SIZE - 10.0),
            palette::COLD.with_alpha(0.75),
            Vec2::ZERO,
            0.0,
        ),
    ));
    out.push(Object::new(
        "dose-label",
        text("One dose: 7.5 to 72 billion cells"),
    ));
    out.push(Object::new("sent-label", text("Frozen and sent back")));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    let lab = 1.0 - phase(t, 15.0, 16.0);
    for (i, &from) in FLASK_FROM.iter().enumerate() {
        out.set_nth(
            "flask",
            i + 1,
            Pose::at_v(flask_at(i))
                .scaled(0.6 + 0.4 * phase(t, from, from + 1.0))
                .faded(phase(t, from - 0.5, from) * lab),
        );
    }
    let label = Vec2::new(420.0, 250.0);
    out.set("day-11", Pose::at_v(label).faded(1.0 - phase(t, 6.0, 6.5)));
    out.set(
        "day-16",
        Pose::at_v(label).faded(phase(t, 6.5, 7.0) * (1.0 - phase(t, 9.5, 10.0))),
    );
    out.set(
        "day-22",
        Pose::at_v(label).faded(phase(t, 10.0, 10.5) * lab),
    );
    out.set(
        "billions",
        Pose::at(480.0, -260.0).faded(phase(t, 11.0, 12.0) * lab),
    );
    // One dose, frozen (16-24 s).
    let dose = phase(t, 16.0, 17.0);
    out.set("bag", Pose::at(-200.0, 0.0).faded(dose));
    out.set(
        "frost",
        Pose::at(-200.0, 0.0).faded(dose * phase(t, 18.0, 19.5)),
    );
    out.set("dose-label", Pose::at(270.0, 60.0).faded(dose));
    out.set(
        "sent-label",
        Pose::at(270.0, -40.0).faded(phase(t, 18.5, 19.5)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flasks_double_to_eight_by_day_22_then_one_dose_is_frozen() {
        let at = |name: &str| KIND.moment(name).expect("moment").at;
        let count = |p: &Poses| {
            (1..=FLASKS)
                .filter(|&i| p.nth_of("flask", i).visible())
                .count()
        };
        assert_eq!(count(&pose(at("rapid"))), 2);
        let harvest = pose(at("day-22"));
        assert_eq!(count(&harvest), 8);
        assert!(harvest.of("day-22").alpha > 0.99 && !harvest.of("day-11").visible());
        let dose = pose(at("dose"));
        assert!(dose.of("frost").alpha > 0.99 && count(&dose) == 0);
    }
}
