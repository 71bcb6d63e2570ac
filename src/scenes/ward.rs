//! After the infusion: the care team watches closely. A patient in a
//! hospital bed beside a monitor and a thermometer (fever, low blood
//! pressure); checks every day of the first week; the weeks that follow;
//! then home or staying near the treatment centre, with what to watch for
//! there (no driving after CAR T). Drawn for each therapy with the words of
//! its own label.

use bevy::prelude::*;

use super::kind::{Moment, Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, phase};
use super::objects::{
    bed, car, card, check_mark, cross_mark, hospital, house, monitor, text, thermometer, warning,
};
use crate::palette;

const MOMENTS: &[Moment] = &[
    moment("watching-crs", 4.8),
    moment("watching-icans", 12.8),
    moment("in-hospital", 20.2),
    moment("stay-near", 27.2),
    moment("at-home", 29.0),
];

/// The ward after CAR T cells: watching for CRS and ICANS.
pub const CAR_T: SceneKind = SceneKind {
    name: "ward",
    nominal: 30.0,
    cuts: &[],
    moments: MOMENTS,
    objects: || objects(&CAR_T_WORDS),
    pose,
};

/// The ward after TCR T cells: the same watching, with Tecelra's own days.
pub const TCR: SceneKind = SceneKind {
    name: "ward-tcr",
    moments: &[
        moment("watching-crs", 4.8),
        moment("week-one", 12.8),
        moment("four-weeks", 20.2),
        moment("at-home", 27.2),
    ],
    objects: || objects(&TCR_WORDS),
    ..CAR_T
};

/// The ward after TILs: high-dose IL-2 and its side effects, in hospital.
pub const TIL: SceneKind = SceneKind {
    name: "ward-til",
    moments: &[
        moment("il2-effects", 4.8),
        moment("checked-daily", 12.8),
        moment("weeks-in-hospital", 20.2),
        moment("home", 27.2),
    ],
    objects: || objects(&TIL_WORDS),
    ..CAR_T
};

/// What one variant's labels say.
struct Words {
    /// Over the first week's day cards.
    days: &'static str,
    /// Under the second week's cards.
    weeks: &'static str,
    /// Over home and the treatment centre.
    near: &'static str,
    /// Under the house.
    home: &'static str,
    /// What to mind after leaving hospital: a sign with its words.
    after: fn() -> Look,
}

/// After CAR T: no driving (a crossed-out car).
fn no_driving() -> Look {
    car(200.0)
        .with(cross_mark(150.0), Vec2::ZERO)
        .label("No driving: at least 2 weeks", Vec2::new(0.0, -110.0))
}

/// After TCR T cells: signs of CRS at home mean help at once.
fn crs_signs() -> Look {
    warning(140.0).label("Signs of CRS: get help at once", Vec2::new(0.0, -110.0))
}

/// After TILs: blood counts stay low for a while, so infections are watched.
fn infection_signs() -> Look {
    warning(140.0).label("Signs of infection: call at once", Vec2::new(0.0, -110.0))
}

const CAR_T_WORDS: Words = Words {
    days: "Checked at least daily, days 1 to 7",
    weeks: "Often 1 to 2 weeks in hospital",
    near: "Stay near the centre: at least 2 weeks",
    home: "Home nearby",
    after: no_driving,
};

const TCR_WORDS: Words = Words {
    days: "At the hospital: at least 7 days",
    weeks: "Watched for CRS: at least 4 weeks",
    near: "Home, still watched for CRS",
    home: "Home",
    after: crs_signs,
};

const TIL_WORDS: Words = Words {
    days: "In hospital: checked every day",
    weeks: "Filgrastim until white cells recover",
    near: "Home when it is safe",
    home: "Home",
    after: infection_signs,
};

const DAYS: usize = 7;
const DAY_SIZE: f32 = 80.0;
/// The first day's card, and the step to the next.
const DAY_ONE: Vec2 = Vec2::new(180.0, 0.0);
const DAY_STEP: f32 = 95.0;
const THERMOMETER: Vec2 = Vec2::new(-690.0, 20.0);
const THERMO_H: f32 = 240.0;

/// A day's card with its number.
fn day(n: usize) -> Look {
    card(DAY_SIZE, DAY_SIZE).label_on(&n.to_string(), Vec2::ZERO)
}

/// The objects, in drawing order.
fn objects(words: &Words) -> Vec<Object> {
    let mut out = vec![
        Object::new("bed", bed(520.0)),
        Object::new(
            "monitor",
            monitor(260.0, 170.0).label("Monitor", Vec2::new(0.0, 120.0)),
        ),
        Object::new(
            "thermometer",
            thermometer(THERMO_H).label("Temperature", Vec2::new(40.0, 165.0)),
        ),
        Object::new(
            "fever",
            Look::new().plain(Shape::Rect(Vec2::ONE), palette::ALERT, Vec2::ZERO, 0.0),
        ),
        Object::new("fever-label", text("Fever")),
        Object::new(
            "blood-pressure",
            card(330.0, 90.0)
                .label_on("Blood pressure", Vec2::new(-20.0, 0.0))
                .shape(
                    Shape::Triangle(40.0, 40.0),
                    palette::ALERT,
                    Vec2::new(180.0, 0.0),
                    std::f32::consts::PI,
                ),
        ),
    ];
    out.extend((1..=DAYS).map(|i| Object::nth("day", i, day(i))));
    out.extend((1..=DAYS).map(|i| Object::nth("day-check", i, check_mark(50.0))));
    out.push(Object::new("days-label", text(words.days)));
    out.extend((1..=DAYS).map(|i| Object::nth("week-two", i, day(DAYS + i))));
    out.push(Object::new("weeks-label", text(words.weeks)));
    // A short road from home to the centre.
    out.push(Object::new(
        "road",
        Look::new().shape(
            Shape::Rect(Vec2::new(200.0, 24.0)),
            palette::METAL,
            Vec2::ZERO,
            0.0,
        ),
    ));
    out.push(Object::new(
        "centre",
        hospital(170.0).label("Treatment centre", Vec2::new(0.0, -125.0)),
    ));
    out.push(Object::new(
        "home",
        house(130.0).label(words.home, Vec2::new(0.0, -95.0)),
    ));
    out.push(Object::new("near-label", text(words.near)));
    out.push(Object::new("after", (words.after)()));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    let ward = 1.0 - phase(t, 22.5, 23.5);
    out.set("bed", Pose::at(-380.0, -170.0));
    out.set("monitor", Pose::at(-330.0, 120.0).faded(ward));
    out.set("thermometer", Pose::at_v(THERMOMETER).faded(ward));
    // Fever: the column rises (1-4 s) and stays up.
    let column = THERMO_H * (0.25 + 0.45 * phase(t, 1.0, 4.0));
    let bottom = THERMOMETER.y - THERMO_H * 0.42;
    out.set(
        "fever",
        Pose::at(THERMOMETER.x, bottom + column / 2.0)
            .stretched(THERMO_H * 0.08, column)
            .faded(ward),
    );
    out.set(
        "fever-label",
        Pose::at(THERMOMETER.x + 110.0, bottom + column).faded(phase(t, 3.0, 4.0) * ward),
    );
    out.set(
        "blood-pressure",
        Pose::at(420.0, 150.0).faded(phase(t, 2.0, 3.0) * (1.0 - phase(t, 7.5, 8.5))),
    );
    // Every day of the first week is checked (8-16 s).
    let days = phase(t, 3.0, 4.0) * (1.0 - phase(t, 22.5, 23.5));
    for i in 0..DAYS {
        let at = DAY_ONE + Vec2::new(DAY_STEP * i as f32, 0.0);
        out.set_nth("day", i + 1, Pose::at_v(at).faded(days));
        let checked = 4.0 + 1.4 * i as f32;
        out.set_nth(
            "day-check",
            i + 1,
            Pose::at_v(at + Vec2::new(0.0, -60.0))
                .scaled(phase(t, checked, checked + 0.6))
                .faded(if t >= checked { days } else { 0.0 }),
        );
        out.set_nth(
            "week-two",
            i + 1,
            Pose::at_v(at + Vec2::new(0.0, -170.0))
                .faded(0.6 * phase(t, 16.0, 17.0) * (1.0 - phase(t, 22.5, 23.5))),
        );
    }
    out.set(
        "days-label",
        Pose::at(DAY_ONE.x + 3.0 * DAY_STEP, 80.0).faded(days),
    );
    out.set(
        "weeks-label",
        Pose::at(DAY_ONE.x + 3.0 * DAY_STEP, -270.0)
            .faded(phase(t, 16.0, 17.0) * (1.0 - phase(t, 22.5, 23.5))),
    );
    // Afterwards: home or near the centre, and what to mind there.
    let after = phase(t, 23.0, 24.0);
    out.set("road", Pose::at(400.0, -115.0).faded(after));
    out.set("centre", Pose::at(600.0, -40.0).faded(after));
    out.set("home", Pose::at(200.0, -70.0).faded(after));
    out.set("near-label", Pose::at(430.0, 260.0).faded(after));
    out.set("after", Pose::at(-330.0, 150.0).faded(phase(t, 24.0, 25.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        CAR_T.moment(name).expect("moment").at
    }

    #[test]
    fn fever_shows_days_are_checked_then_the_patient_stays_near() {
        let crs = pose(at("watching-crs"));
        assert!(crs.of("fever").scale.y > THERMO_H * 0.6, "the fever is up");
        assert!(crs.of("blood-pressure").alpha > 0.99);
        let checked = |t: f32| {
            let poses = pose(t);
            (1..=DAYS)
                .filter(|&i| poses.nth_of("day-check", i).visible())
                .count()
        };
        assert!(
            (1..DAYS).contains(&checked(at("watching-crs"))),
            "days being checked"
        );
        assert_eq!(checked(at("watching-icans")), DAYS, "the whole first week");
        assert!(pose(at("in-hospital")).nth_of("week-two", 1).visible());
        let after = pose(at("stay-near"));
        assert!(after.of("centre").alpha > 0.99 && after.of("after").alpha > 0.99);
        assert!(!after.of("monitor").visible());
    }
}
