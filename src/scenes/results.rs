//! What an approval rests on: the first approved product, what the trial
//! behind it showed (ten people, the share whose tumours shrank filled in),
//! and a warning about its serious risks. Drawn for each therapy.

use bevy::prelude::*;

use super::kind::{Moment, Object, Poses, SceneKind, moment};
use super::motion::{Pose, phase};
use super::objects::{card, check_mark, person, text, warning};
use crate::palette;

const MOMENTS: &[Moment] = &[
    moment("approved", 4.8),
    moment("results", 12.8),
    moment("lasting", 15.0),
    moment("risks", 20.8),
];

/// Yescarta, an approved CAR T therapy for lymphoma.
pub const CAR_T: SceneKind = SceneKind {
    name: "results-car-t",
    nominal: 24.0,
    cuts: &[],
    moments: MOMENTS,
    objects: || objects(&CAR_T_WORDS),
    pose,
};

/// Tecelra, the first approved TCR therapy.
pub const TCR: SceneKind = SceneKind {
    name: "results-tcr",
    objects: || objects(&TCR_WORDS),
    ..CAR_T
};

/// Amtagvi, the first approved TIL therapy.
pub const TIL: SceneKind = SceneKind {
    name: "results-til",
    objects: || objects(&TIL_WORDS),
    ..TCR
};

/// What one variant says and shows.
struct Words {
    product: &'static str,
    disease: &'static str,
    /// Of ten people, how many are filled in.
    of_ten: usize,
    result: &'static str,
    risk: &'static str,
}

const CAR_T_WORDS: Words = Words {
    product: "Yescarta: approved 2017",
    disease: "for large B-cell lymphoma",
    of_ten: 7,
    result: "About 7 in 10: tumours shrank",
    risk: "CRS and ICANS: can be fatal",
};

const TCR_WORDS: Words = Words {
    product: "Tecelra: approved 2024",
    disease: "for advanced synovial sarcoma",
    of_ten: 4,
    result: "About 4 in 10: tumours shrank",
    risk: "CRS: may be life-threatening",
};

const TIL_WORDS: Words = Words {
    product: "Amtagvi: approved 2024",
    disease: "for advanced melanoma",
    of_ten: 3,
    result: "About 1 in 3: tumours shrank a lot",
    risk: "Can be fatal: given in hospital",
};

const PEOPLE: usize = 10;
const STEP: f32 = 100.0;

/// The objects, in drawing order.
fn objects(words: &Words) -> Vec<Object> {
    let mut out = vec![
        Object::new(
            "approval",
            card(680.0, 180.0)
                .label_on(words.product, Vec2::new(0.0, 35.0))
                .label_on(words.disease, Vec2::new(0.0, -35.0)),
        ),
        Object::new("approved-check", check_mark(110.0)),
    ];
    out.extend((1..=PEOPLE).map(|i| {
        let fill = if i <= words.of_ten {
            palette::T_CELL
        } else {
            palette::PLASTIC
        };
        Object::nth("person", i, person(110.0, fill))
    }));
    out.push(Object::new("result-label", text(words.result)));
    out.push(Object::new(
        "trial-label",
        text("In the trial behind the approval"),
    ));
    out.push(Object::new(
        "warning",
        warning(140.0).label(words.risk, Vec2::new(0.0, -120.0)),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    let approval = 1.0 - phase(t, 7.5, 8.5);
    out.set("approval", Pose::at(-120.0, 40.0).faded(approval));
    out.set(
        "approved-check",
        Pose::at(340.0, 40.0)
            .scaled(phase(t, 1.5, 2.3))
            .faded(if t >= 1.5 { approval } else { 0.0 }),
    );
    let trial = phase(t, 8.5, 9.5) * (1.0 - phase(t, 15.5, 16.5));
    for i in 0..PEOPLE {
        let x = (i as f32 - (PEOPLE as f32 - 1.0) / 2.0) * STEP;
        out.set_nth("person", i + 1, Pose::at(x, -20.0).faded(trial));
    }
    out.set("result-label", Pose::at(0.0, 120.0).faded(trial));
    out.set("trial-label", Pose::at(0.0, -160.0).faded(trial));
    out.set("warning", Pose::at(0.0, 60.0).faded(phase(t, 16.5, 17.5)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_approval_then_the_share_of_ten_then_the_risk() {
        let at = |name: &str| TCR.moment(name).expect("moment").at;
        assert!(pose(at("approved")).of("approval").alpha > 0.99);
        let results = pose(at("results"));
        assert!((1..=PEOPLE).all(|i| results.nth_of("person", i).alpha > 0.99));
        assert!(!results.of("approval").visible());
        assert!(pose(at("risks")).of("warning").alpha > 0.99);
        assert_eq!(
            (CAR_T_WORDS.of_ten, TCR_WORDS.of_ten, TIL_WORDS.of_ten),
            (7, 4, 3)
        );
    }
}
