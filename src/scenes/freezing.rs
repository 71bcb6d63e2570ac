//! Stage 3, freezing: the cells go into a bag with a cryoprotectant; frost
//! spreads as a temperature gauge drops and the bag goes into liquid
//! nitrogen; then it is shipped to the patient's doctor.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{bag, t_cell, text};
use crate::palette;

/// The freezing scene.
pub const KIND: SceneKind = SceneKind {
    name: "freezing",
    nominal: NOMINAL,
    // No cuts: everything moves continuously.
    cuts: &[],
    moments: &[
        moment("cryoprotectant-added", 4.2),
        moment("frozen-in-tank", 10.6),
        moment("shipped", 17.2),
    ],
    objects,
    pose,
};

/// Seconds the scene is drawn for.
const NOMINAL: f32 = 20.0;

const CELLS: usize = 5;
const DROPS: usize = 3;
const CRYSTALS: usize = 6;
const BAG_SIZE: Vec2 = Vec2::new(170.0, 210.0);

/// Where the bag (and everything riding on it) is at time `t`.
fn bag_at(t: f32) -> Vec2 {
    let fill = Vec2::new(-330.0, 60.0);
    let tank = Vec2::new(-330.0, -90.0);
    let out = Vec2::new(-330.0, 70.0);
    let clinic = Vec2::new(330.0, -20.0);
    if t < 12.0 {
        fill.lerp(tank, phase(t, 9.0, 11.5))
    } else {
        let up = tank.lerp(out, phase(t, 13.0, 14.2));
        up.lerp(clinic, phase(t, 14.5, 18.5))
    }
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        // The shipper box, behind the bag.
        Object::new(
            "shipper",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(240.0, 270.0)),
                    palette::METAL,
                    Vec2::ZERO,
                    0.0,
                )
                .label("Dry shipper", Vec2::new(0.0, 170.0)),
        ),
        Object::new("bag", bag(BAG_SIZE.x, BAG_SIZE.y)),
        Object::new("bag-label", text("Bag")),
    ];
    out.extend((1..=CELLS).map(|i| Object::nth("cell", i, t_cell(26.0, true))));
    let drop = || {
        Look::new().shape(
            Shape::Circle(13.0),
            palette::lighter(palette::COLD),
            Vec2::ZERO,
            0.0,
        )
    };
    out.extend((1..=DROPS).map(|i| Object::nth("drop", i, drop())));
    out.push(Object::new("dmso-label", text("Cryoprotectant (DMSO)")));
    // Frost over the bag, and ice crystals.
    out.push(Object::new(
        "frost",
        Look::new().plain(
            Shape::Rect(BAG_SIZE - 10.0),
            palette::COLD.with_alpha(0.75),
            Vec2::ZERO,
            0.0,
        ),
    ));
    let crystal = || {
        Look::new().shape(
            Shape::Rect(Vec2::splat(22.0)),
            palette::PLASTIC,
            Vec2::ZERO,
            std::f32::consts::FRAC_PI_4,
        )
    };
    out.extend((1..=CRYSTALS).map(|i| Object::nth("crystal", i, crystal())));
    // The liquid nitrogen tank, in front of the bag's lower part.
    out.push(Object::new(
        "tank",
        Look::new()
            .shape(
                Shape::Rect(Vec2::new(300.0, 190.0)),
                palette::COLD,
                Vec2::ZERO,
                0.0,
            )
            .label("Liquid nitrogen", Vec2::new(315.0, 0.0)),
    ));
    // The temperature gauge: a tube and its falling level.
    out.push(Object::new(
        "gauge",
        Look::new()
            .shape(
                Shape::Rect(Vec2::new(60.0, 420.0)),
                palette::PLASTIC,
                Vec2::ZERO,
                0.0,
            )
            .shape(
                Shape::Circle(46.0),
                palette::COLD,
                Vec2::new(0.0, -225.0),
                0.0,
            )
            .label("Temperature", Vec2::new(-170.0, 180.0)),
    ));
    out.push(Object::new(
        "gauge-level",
        Look::new().plain(Shape::Rect(Vec2::ONE), palette::COLD, Vec2::ZERO, 0.0),
    ));
    out.push(Object::new("colder-label", text("colder")));
    // The doctor's clinic.
    out.push(Object::new(
        "clinic",
        Look::new()
            .shape(
                Shape::Rect(Vec2::new(280.0, 220.0)),
                palette::PLASTIC,
                Vec2::ZERO,
                0.0,
            )
            .shape(
                Shape::Triangle(340.0, 110.0),
                palette::METAL,
                Vec2::new(0.0, 165.0),
                0.0,
            )
            .shape(
                Shape::Rect(Vec2::new(70.0, 22.0)),
                palette::HEALTHY,
                Vec2::new(0.0, 30.0),
                0.0,
            )
            .shape(
                Shape::Rect(Vec2::new(22.0, 70.0)),
                palette::HEALTHY,
                Vec2::new(0.0, 30.0),
                0.0,
            )
            .label("Patient's doctor", Vec2::new(0.0, -145.0)),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let b = bag_at(t);
    let gauge = Vec2::new(640.0, 30.0);
    let level = 0.9 - 0.75 * phase(t, 7.5, 12.0);
    let shown_gauge = phase(t, 6.5, 7.5) * (1.0 - phase(t, 12.5, 13.5));
    let column = 400.0 * level;
    let mut out = Poses::new();
    out.set(
        "shipper",
        Pose::at_v(b + Vec2::new(0.0, -10.0)).faded(phase(t, 13.2, 14.2)),
    );
    out.set("bag", Pose::at_v(b));
    out.set(
        "bag-label",
        Pose::at_v(b + Vec2::new(-150.0, 60.0)).faded(1.0 - phase(t, 12.5, 13.2)),
    );
    // Cells fall into the bag one after another (0.5-5 s).
    for i in 0..CELLS {
        let start = 0.5 + 0.8 * i as f32;
        let inside = Vec2::new(
            -45.0 + 45.0 * (i % 3) as f32,
            50.0 - 55.0 * (i / 3) as f32 - 20.0 * (i % 2) as f32,
        );
        let from = Vec2::new(-330.0 + inside.x * 0.5, 290.0);
        let p = phase(t, start, start + 2.5);
        let at = if p < 1.0 {
            from.lerp(Vec2::new(-330.0, 60.0) + inside, p)
        } else {
            b + inside
        };
        out.set_nth(
            "cell",
            i + 1,
            Pose::at_v(at).faded(phase(t, start - 0.4, start)),
        );
    }
    // Drops of cryoprotectant come in from the right (3-6 s).
    for i in 0..DROPS {
        let start = 2.5 + 0.9 * i as f32;
        let inside = Vec2::new(-40.0 + 40.0 * i as f32, -60.0);
        let path = [Vec2::new(-40.0, 200.0), Vec2::new(-330.0, 60.0) + inside];
        let p = phase(t, start, start + 2.2);
        let at = if p < 1.0 { along(&path, p) } else { b + inside };
        out.set_nth(
            "drop",
            i + 1,
            Pose::at_v(at).faded(phase(t, start - 0.4, start)),
        );
    }
    out.set(
        "dmso-label",
        Pose::at(60.0, 250.0).faded(phase(t, 2.5, 3.5) * (1.0 - phase(t, 6.5, 7.5))),
    );
    // Frost spreads over the bag (7-10 s) and stays: the cells stay frozen.
    out.set("frost", Pose::at_v(b).faded(phase(t, 7.0, 10.0)));
    for i in 0..CRYSTALS {
        let start = 7.3 + 0.45 * i as f32;
        let spot = Vec2::new(-50.0 + 50.0 * (i % 3) as f32, 60.0 - 110.0 * (i / 3) as f32);
        out.set_nth(
            "crystal",
            i + 1,
            Pose::at_v(b + spot)
                .scaled(phase(t, start, start + 0.8))
                .faded(if t >= start { 1.0 } else { 0.0 }),
        );
    }
    out.set(
        "tank",
        Pose::at(-330.0, -205.0).faded(phase(t, 8.0, 9.0) * (1.0 - phase(t, 14.0, 15.0))),
    );
    out.set("gauge", Pose::at_v(gauge).faded(shown_gauge));
    out.set(
        "gauge-level",
        Pose::at(gauge.x, gauge.y - 200.0 + column / 2.0)
            .stretched(40.0, column)
            .faded(shown_gauge),
    );
    out.set(
        "colder-label",
        Pose::at(gauge.x - 120.0, gauge.y - 120.0).faded(shown_gauge * phase(t, 8.5, 9.5)),
    );
    out.set("clinic", Pose::at(600.0, 10.0).faded(phase(t, 13.5, 14.5)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frost_spreads_then_the_bag_reaches_the_doctor() {
        assert!(!pose(6.0).of("frost").visible());
        assert!(pose(10.5).of("frost").alpha > 0.99);
        assert!(
            pose(NOMINAL).of("frost").alpha > 0.99,
            "it stays frozen while shipped"
        );
        assert!(bag_at(NOMINAL).distance(Vec2::new(330.0, -20.0)) < 0.5);
        // The gauge's column is lower when colder.
        let column = |t: f32| pose(t).of("gauge-level").scale.y;
        assert!(column(12.0) < column(7.0) * 0.3);
    }
}
