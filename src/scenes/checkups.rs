//! Who can have it: before any cells are collected, the patient's illness
//! must be one the therapy is approved for, and tests check that the body
//! can cope with the treatment (heart, lungs, blood tests of the kidneys,
//! liver and for infections). Then a caregiver who can stay day and night.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, ease, phase};
use super::objects::{card, check_mark, monitor, person, test_tube, text};
use crate::palette;

/// The checkups scene.
pub const KIND: SceneKind = SceneKind {
    name: "checkups",
    nominal: 24.0,
    cuts: &[],
    moments: &[
        moment("who", 4.8),
        moment("tests", 12.8),
        moment("caregiver", 20.8),
    ],
    objects,
    pose,
};

/// The tests, left to right: (object name, where).
const TESTS: [(&str, Vec2); 3] = [
    ("heart", Vec2::new(-60.0, 40.0)),
    ("lungs", Vec2::new(300.0, 40.0)),
    ("blood", Vec2::new(620.0, 40.0)),
];
const PATIENT: Vec2 = Vec2::new(-520.0, -10.0);
/// When each test's check mark appears.
const CHECKED: [f32; 3] = [10.0, 11.0, 12.0];

/// Two lungs, side by side, with the windpipe between them.
fn lungs(h: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(h * 0.08, h * 0.4)),
            palette::PALE,
            Vec2::new(0.0, h * 0.3),
            0.0,
        )
        .shape(
            Shape::Capsule(h * 0.2, h * 0.45),
            palette::PALE,
            Vec2::new(-h * 0.24, -h * 0.05),
            -0.12,
        )
        .shape(
            Shape::Capsule(h * 0.2, h * 0.45),
            palette::PALE,
            Vec2::new(h * 0.24, -h * 0.05),
            0.12,
        )
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        Object::new(
            "patient",
            person(300.0, palette::SKIN).label("Patient", Vec2::new(0.0, -190.0)),
        ),
        Object::new(
            "illness",
            card(780.0, 170.0)
                .label_on("A blood cancer that came back", Vec2::new(0.0, 30.0))
                .label_on("or did not respond", Vec2::new(0.0, -30.0)),
        ),
        Object::new(
            "heart",
            monitor(250.0, 160.0).label("Heart", Vec2::new(0.0, -130.0)),
        ),
        Object::new("lungs", lungs(200.0).label("Lungs", Vec2::new(0.0, -150.0))),
        Object::new(
            "blood",
            test_tube(170.0).label("Blood tests", Vec2::new(0.0, -150.0)),
        ),
    ];
    out.extend((1..=TESTS.len()).map(|i| Object::nth("test-check", i, check_mark(70.0))));
    out.push(Object::new(
        "tests-label",
        text("Can the body cope with the treatment?"),
    ));
    out.push(Object::new(
        "caregiver",
        person(260.0, palette::darker(palette::SKIN)).label("Caregiver", Vec2::new(0.0, -170.0)),
    ));
    out.push(Object::new(
        "caregiver-label",
        text("Someone with the patient day and night"),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    // Last (16-24 s) the patient moves to the middle, the caregiver beside.
    let caregiver = phase(t, 16.5, 17.5);
    let patient = PATIENT.lerp(Vec2::new(-170.0, -10.0), ease(phase(t, 15.5, 17.5)));
    out.set("patient", Pose::at_v(patient));
    // First: which illness the therapy is for (0-8 s).
    out.set(
        "illness",
        Pose::at(220.0, 40.0).faded(phase(t, 0.5, 1.5) * (1.0 - phase(t, 7.5, 8.5))),
    );
    // Then the tests, each checked in turn (8-16 s).
    let tests = phase(t, 8.0, 9.0) * (1.0 - phase(t, 15.5, 16.5));
    for (i, (name, at)) in TESTS.iter().enumerate() {
        out.set(name, Pose::at_v(*at).faded(tests));
        out.set_nth(
            "test-check",
            i + 1,
            Pose::at_v(*at + Vec2::new(110.0, 90.0))
                .scaled(phase(t, CHECKED[i], CHECKED[i] + 0.6))
                .faded(if t >= CHECKED[i] { tests } else { 0.0 }),
        );
    }
    out.set("tests-label", Pose::at(300.0, 250.0).faded(tests));
    out.set("caregiver", Pose::at(170.0, -30.0).faded(caregiver));
    out.set("caregiver-label", Pose::at(0.0, 230.0).faded(caregiver));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        KIND.moment(name).expect("moment").at
    }

    #[test]
    fn the_illness_then_every_test_checked_then_the_caregiver() {
        let who = pose(at("who"));
        assert!(who.of("illness").alpha > 0.99 && who.of("patient").alpha > 0.99);
        assert!(!who.of("heart").visible());
        let tests = pose(at("tests"));
        assert!(!tests.of("illness").visible());
        for (i, (name, _)) in TESTS.iter().enumerate() {
            assert!(tests.of(name).alpha > 0.99, "{name} shown");
            assert!(
                tests.nth_of("test-check", i + 1).alpha > 0.99,
                "{name} checked"
            );
        }
        let caregiver = pose(at("caregiver"));
        assert!(caregiver.of("caregiver").alpha > 0.99);
        assert!(!caregiver.of("heart").visible());
    }
}
