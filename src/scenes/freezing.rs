//! Freezing: the cells go into a bag with a cryoprotectant; frost spreads as
//! a temperature gauge drops and the bag is stored in a liquid-nitrogen tank,
//! in the cold vapour above the liquid; then a dry shipper takes it, still
//! frozen, to the hospital's cell-therapy lab. Drawn for CAR T, TCR and TIL
//! cells.

use bevy::prelude::*;

use super::kind::{Moment, Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{bag, hospital, t_cell_with, text};
use super::therapy::{Therapy, TherapyLook};
use crate::palette;

const MOMENTS: &[Moment] = &[
    moment("cryoprotectant-added", 4.2),
    moment("frozen-in-tank", 10.6),
    moment("shipped", 17.2),
];

/// Freezing CAR T cells.
pub const CAR_T: SceneKind = SceneKind {
    name: "freezing",
    nominal: NOMINAL,
    cuts: &[],
    moments: MOMENTS,
    objects: || objects(Therapy::CarT),
    pose,
};

/// Freezing TCR T cells.
pub const TCR: SceneKind = SceneKind {
    name: "freezing-tcr",
    objects: || objects(Therapy::Tcr),
    ..CAR_T
};

/// Freezing TILs.
pub const TIL: SceneKind = SceneKind {
    name: "freezing-til",
    objects: || objects(Therapy::Til),
    ..CAR_T
};

const NOMINAL: f32 = 20.0;
const CELLS: usize = 5;
const DROPS: usize = 3;
const CRYSTALS: usize = 6;
const BAG_SIZE: Vec2 = Vec2::new(170.0, 210.0);
/// Where the bag is filled, above the tank.
const FILL: Vec2 = Vec2::new(-330.0, 60.0);
/// The tank's centre and size.
const TANK: Vec2 = Vec2::new(-330.0, -60.0);
const TANK_SIZE: Vec2 = Vec2::new(300.0, 400.0);
/// Where the bag hangs in the tank: in the vapour, above the liquid.
const IN_TANK: Vec2 = Vec2::new(-330.0, -35.0);
const LAB: Vec2 = Vec2::new(360.0, -40.0);

/// Where the bag (and everything riding on it) is at time `t`.
fn bag_at(t: f32) -> Vec2 {
    let out = Vec2::new(-330.0, 80.0);
    let arrived = LAB + Vec2::new(-260.0, 0.0);
    if t < 12.0 {
        FILL.lerp(IN_TANK, phase(t, 9.0, 11.0))
    } else {
        let up = IN_TANK.lerp(out, phase(t, 13.0, 14.2));
        up.lerp(arrived, phase(t, 14.5, 18.5))
    }
}

/// The objects, in drawing order.
fn objects(therapy: Therapy) -> Vec<Object> {
    let liquid_h = 80.0;
    let mut out = vec![
        // The tank, cut open: its wall, the liquid at the bottom and the
        // vapour above it, where the bag hangs.
        Object::new(
            "tank",
            Look::new()
                .shape(Shape::Rect(TANK_SIZE), palette::METAL, Vec2::ZERO, 0.0)
                .plain(
                    Shape::Rect(TANK_SIZE - 30.0),
                    palette::lighter(palette::lighter(palette::COLD)),
                    Vec2::ZERO,
                    0.0,
                )
                .plain(
                    Shape::Rect(Vec2::new(TANK_SIZE.x - 30.0, liquid_h)),
                    palette::COLD,
                    Vec2::new(0.0, -(TANK_SIZE.y - 30.0 - liquid_h) / 2.0),
                    0.0,
                )
                .label("Liquid-nitrogen tank", Vec2::new(350.0, 60.0))
                .label("cold vapour", Vec2::new(290.0, -40.0))
                .label("liquid", Vec2::new(220.0, -145.0)),
        ),
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
    let cell_r = 26.0;
    out.extend((1..=CELLS).map(|i| Object::nth("cell", i, t_cell_with(cell_r, therapy.keys(i)))));
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
    out.push(Object::new(
        "lab",
        hospital(240.0).label("Hospital's cell-therapy lab", Vec2::new(0.0, -140.0)),
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
        "tank",
        Pose::at_v(TANK).faded(phase(t, 7.5, 8.5) * (1.0 - phase(t, 14.0, 15.0))),
    );
    out.set(
        "shipper",
        Pose::at_v(b + Vec2::new(0.0, -10.0)).faded(phase(t, 13.2, 14.2)),
    );
    out.set("bag", Pose::at_v(b));
    out.set(
        "bag-label",
        Pose::at_v(b + Vec2::new(-150.0, 60.0)).faded(1.0 - phase(t, 6.5, 7.5)),
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
            from.lerp(FILL + inside, p)
        } else {
            b + inside
        };
        out.set_nth(
            "cell",
            i + 1,
            Pose::at_v(at).faded(phase(t, start - 0.4, start)),
        );
    }
    // Drops of cryoprotectant come in from the right (2.5-6 s).
    for i in 0..DROPS {
        let start = 2.5 + 0.9 * i as f32;
        let inside = Vec2::new(-40.0 + 40.0 * i as f32, -60.0);
        let path = [Vec2::new(-40.0, 200.0), FILL + inside];
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
    out.set("lab", Pose::at_v(LAB).faded(phase(t, 13.5, 14.5)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bag_hangs_in_the_vapour_then_reaches_the_hospital_lab_frozen() {
        let frozen = CAR_T.moment("frozen-in-tank").expect("moment").at;
        assert!(!pose(6.0).of("frost").visible());
        assert!(pose(frozen).of("frost").alpha > 0.99);
        // In the tank, the bag's bottom stays above the liquid.
        let liquid_top = TANK.y - (TANK_SIZE.y - 30.0) / 2.0 + 80.0;
        assert!(bag_at(frozen).y - BAG_SIZE.y / 2.0 > liquid_top);
        assert!(pose(frozen).of("tank").alpha > 0.99);
        assert!(
            pose(NOMINAL).of("frost").alpha > 0.99,
            "it stays frozen while shipped"
        );
        assert!(bag_at(NOMINAL).distance(LAB + Vec2::new(-260.0, 0.0)) < 0.5);
        // The gauge's column is lower when colder.
        let column = |t: f32| pose(t).of("gauge-level").scale.y;
        assert!(column(12.0) < column(7.0) * 0.3);
    }
}
