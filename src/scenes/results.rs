//! What an approval rests on: the first approved product, what the trial
//! behind it showed (ten people, the share whose tumours shrank filled in;
//! where the trial has years of follow-up, the share still in remission
//! then), and a warning about its serious risks. Drawn for each therapy.

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
    pose: |t| pose_with(t, CAR_T_WORDS.of_ten, CAR_T_WORDS.later.as_ref()),
};

/// Tecelra, the first approved TCR therapy.
pub const TCR: SceneKind = SceneKind {
    name: "results-tcr",
    objects: || objects(&TCR_WORDS),
    pose: |t| pose_with(t, 0, None),
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
    /// Years later, how many of the ten are still in remission, and the
    /// words for it; None where the trial does not say yet.
    later: Option<Later>,
}

/// The share of the trial still in remission years later.
struct Later {
    of_ten: usize,
    words: &'static str,
}

const CAR_T_WORDS: Words = Words {
    product: "Yescarta: approved 2017",
    disease: "for large B-cell lymphoma",
    of_ten: 7,
    result: "About 7 in 10: tumours shrank",
    risk: "CRS and ICANS: can be fatal",
    later: Some(Later {
        of_ten: 3,
        words: "Five years on: about 3 in 10 in remission",
    }),
};

const TCR_WORDS: Words = Words {
    product: "Tecelra: approved 2024",
    disease: "for advanced synovial sarcoma",
    of_ten: 4,
    result: "About 4 in 10: tumours shrank",
    risk: "CRS: may be life-threatening",
    later: None,
};

const TIL_WORDS: Words = Words {
    product: "Amtagvi: approved 2024",
    disease: "for advanced melanoma",
    of_ten: 3,
    result: "About 1 in 3: shrank by 30% or more",
    risk: "Can be fatal: given in hospital",
    later: None,
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
    if let Some(later) = &words.later {
        // Plain people drawn over those no longer in remission.
        out.extend(
            (later.of_ten + 1..=words.of_ten)
                .map(|i| Object::nth("later", i, person(110.0, palette::PLASTIC))),
        );
        out.push(Object::new("later-label", text(later.words)));
    }
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

/// Where the `n`th of the ten people (from 1) stands, left to right.
fn person_at(n: usize) -> Vec2 {
    let x = (n as f32 - 1.0 - (PEOPLE as f32 - 1.0) / 2.0) * STEP;
    Vec2::new(x, -20.0)
}

/// Every object's pose at scene time `t` (seconds), with the people still
/// in remission years later, of the `shrank` filled in, when the trial says
/// (`later`).
fn pose_with(t: f32, shrank: usize, later: Option<&Later>) -> Poses {
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
    for n in 1..=PEOPLE {
        out.set_nth("person", n, Pose::at_v(person_at(n)).faded(trial));
    }
    // Years later (from 13.6 s): the result's words give way to the later
    // ones, and those no longer in remission are drawn plain.
    let now = if later.is_some() {
        1.0 - phase(t, 13.6, 14.0)
    } else {
        1.0
    };
    out.set("result-label", Pose::at(0.0, 120.0).faded(trial * now));
    if let Some(later) = later {
        let then = phase(t, 14.0, 14.4) * trial;
        out.set("later-label", Pose::at(0.0, 120.0).faded(then));
        for n in later.of_ten + 1..=shrank {
            out.set_nth("later", n, Pose::at_v(person_at(n)).faded(then));
        }
    }
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
        let pose = TCR.pose;
        assert!(pose(at("approved")).of("approval").alpha > 0.99);
        let results = pose(at("results"));
        assert!((1..=PEOPLE).all(|i| results.nth_of("person", i).alpha > 0.99));
        assert!(!results.of("approval").visible());
        assert!(pose(at("risks")).of("warning").alpha > 0.99);
        // CAR T: five years on, 3 of the 7 still in remission.
        let car_t = |name: &str| (CAR_T.pose)(CAR_T.moment(name).expect("moment").at);
        assert!(car_t("results").of("result-label").alpha > 0.99);
        assert!(!car_t("results").nth_of("later", 4).visible());
        let lasting = car_t("lasting");
        assert!(lasting.of("later-label").alpha > 0.99);
        assert!(!lasting.of("result-label").visible());
        assert!((4..=7).all(|i| lasting.nth_of("later", i).alpha > 0.99));
        assert_eq!(
            (CAR_T_WORDS.of_ten, TCR_WORDS.of_ten, TIL_WORDS.of_ten),
            (7, 4, 3)
        );
    }
}
