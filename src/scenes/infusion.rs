//! Infusion: chemotherapy first makes room among the patient's white cells;
//! on the day, staff check the bag's label against the patient's ID, thaw it
//! in a warm water bath, check again and drip the cells into an arm vein;
//! then the cells travel through a blood vessel among red blood cells. Drawn
//! for CAR T, TCR and TIL cells.

use bevy::prelude::*;

use super::kind::{Moment, Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, flow, flow_alpha, path_length, phase};
use super::objects::{arm, bag, card, check_mark, red_cell, t_cell_with, text, tube, white_cell};
use super::therapy::{Therapy, TherapyLook};
use crate::palette;

const MOMENTS: &[Moment] = &[
    moment("room-made", 4.8),
    moment("chemo-risks", 6.4),
    moment("identity-checked", 11.6),
    moment("thawing", 17.6),
    moment("dripping", 24.2),
    moment("in-bloodstream", 31.2),
];

/// The infusion of CAR T cells.
pub const CAR_T: SceneKind = SceneKind {
    name: "infusion",
    nominal: NOMINAL,
    cuts: &[],
    moments: MOMENTS,
    objects: || objects(Therapy::CarT),
    pose,
};

/// The infusion of TCR T cells.
pub const TCR: SceneKind = SceneKind {
    name: "infusion-tcr",
    objects: || objects(Therapy::Tcr),
    ..CAR_T
};

/// The infusion of TILs.
pub const TIL: SceneKind = SceneKind {
    name: "infusion-til",
    objects: || objects(Therapy::Til),
    ..CAR_T
};

const NOMINAL: f32 = 34.0;
const DROPS: usize = 6;
const CHEMO_DROPS: usize = 5;
const WHITE_CELLS: usize = 6;
/// White cells that the chemotherapy clears (the others stay).
const CLEARED: usize = 3;
/// Red cells in the vein during the chemotherapy, which it leaves alone.
const CHEMO_RED: [Vec2; 4] = [
    Vec2::new(-300.0, -160.0),
    Vec2::new(-60.0, -150.0),
    Vec2::new(130.0, -170.0),
    Vec2::new(560.0, -70.0),
];
const RED_CELLS: usize = 11;
const NEW_CELLS: usize = 3;
const BAG_SIZE: Vec2 = Vec2::new(150.0, 180.0);
const IV_PATH: [Vec2; 3] = [
    Vec2::new(-520.0, 95.0),
    Vec2::new(-520.0, -110.0),
    Vec2::new(-330.0, -185.0),
];
const CHEMO_BAG: Vec2 = Vec2::new(-600.0, 190.0);
const CHEMO_PATH: [Vec2; 2] = [Vec2::new(-600.0, 100.0), Vec2::new(-600.0, -60.0)];
/// Where the white cells sit in the vessel during the chemotherapy.
const WHITE_AT: [Vec2; WHITE_CELLS] = [
    Vec2::new(-430.0, -90.0),
    Vec2::new(-180.0, -80.0),
    Vec2::new(20.0, -90.0),
    Vec2::new(300.0, -165.0),
    Vec2::new(430.0, -95.0),
    Vec2::new(690.0, -160.0),
];

/// What the chemotherapy label says for each therapy.
fn chemo_words(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::CarT => "Chemotherapy, a few days before",
        Therapy::Tcr | Therapy::Til => "Chemotherapy, about a week before",
    }
}

/// A part of the identity check, drawn only for therapies whose sources
/// describe it (the Yescarta and Tecelra labels; not seen for Amtagvi).
fn checked(therapy: Therapy, look: Look) -> Look {
    match therapy {
        Therapy::CarT | Therapy::Tcr => look,
        Therapy::Til => Look::new(),
    }
}

fn card_with(words: &str) -> Look {
    card(250.0, 100.0).label_on(words, Vec2::ZERO)
}

fn bag_at(t: f32) -> Vec2 {
    let check = Vec2::new(-380.0, 110.0);
    let bath = Vec2::new(-380.0, -110.0);
    let pole = Vec2::new(-520.0, 190.0);
    if t < 17.0 {
        check.lerp(bath, phase(t, 14.0, 15.8))
    } else {
        bath.lerp(pole, phase(t, 20.0, 21.5))
    }
}

/// The objects, in drawing order.
fn objects(therapy: Therapy) -> Vec<Object> {
    let mut out = vec![
        // Days before: chemotherapy drips into a vein with white cells.
        Object::new(
            "chemo-vessel",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(1560.0, 260.0)),
                    palette::PALE,
                    Vec2::ZERO,
                    0.0,
                )
                .label_on("Patient's white cells", Vec2::new(400.0, 100.0)),
        ),
        Object::new(
            "chemo-line",
            tube(CHEMO_PATH[0], CHEMO_PATH[1], 16.0, palette::PLASTIC),
        ),
        Object::new(
            "chemo-bag",
            bag(120.0, 140.0).label(chemo_words(therapy), Vec2::new(430.0, 20.0)),
        ),
    ];
    out.extend((1..=CHEMO_RED.len()).map(|i| Object::nth("chemo-red-cell", i, red_cell(30.0))));
    out.extend((1..=WHITE_CELLS).map(|i| Object::nth("white-cell", i, white_cell(34.0))));
    let chemo_drop = || Look::new().shape(Shape::Circle(11.0), palette::METAL, Vec2::ZERO, 0.0);
    out.extend((1..=CHEMO_DROPS).map(|i| Object::nth("chemo-drop", i, chemo_drop())));
    out.extend([
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
        Object::new(
            "water-bath",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(380.0, 150.0)),
                    palette::lighter(palette::COLD),
                    Vec2::ZERO,
                    0.0,
                )
                .label("Water bath, 37 °C", Vec2::new(0.0, -115.0)),
        ),
        Object::new("bag", bag(BAG_SIZE.x, BAG_SIZE.y)),
        Object::new("bag-label", text(&format!("Bag of {}", therapy.cells()))),
        Object::new(
            "frost",
            Look::new().plain(
                Shape::Rect(BAG_SIZE - 10.0),
                palette::COLD.with_alpha(0.75),
                Vec2::ZERO,
                0.0,
            ),
        ),
        // Identity check: the bag's label and the patient's wristband
        // (shown where a source says so: the CAR T and TCR labels).
        Object::new("bag-card", checked(therapy, card_with("Bag label"))),
        Object::new("patient-card", checked(therapy, card_with("Patient ID"))),
        Object::new("check-mark", checked(therapy, check_mark(90.0))),
        Object::new("second-check", checked(therapy, check_mark(70.0))),
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
            Look::new().plain(
                Shape::Rect(Vec2::new(520.0, 22.0)),
                palette::lighter(palette::BLOOD),
                Vec2::ZERO,
                0.0,
            ),
        ),
        Object::new("vein-label", text("Vein")),
    ]);
    out.extend((1..=DROPS).map(|i| Object::nth("drop", i, t_cell_with(12.0, therapy.keys(i)))));
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
            .label("Blood vessel", Vec2::new(-560.0, 200.0)),
    ));
    out.extend((1..=RED_CELLS).map(|i| Object::nth("red-cell", i, red_cell(34.0))));
    out.extend(
        (1..=NEW_CELLS).map(|i| Object::nth("new-cell", i, t_cell_with(42.0, therapy.keys(i)))),
    );
    // A legend above the vessel: which cell is which.
    out.push(Object::new(
        "legend",
        t_cell_with(30.0, therapy.keys(1))
            .label_from(therapy.cell(), Vec2::new(LEGEND_GAP, 0.0))
            .with(red_cell(26.0), Vec2::new(LEGEND_STEP, 0.0))
            .label_from("Red blood cell", Vec2::new(LEGEND_STEP + LEGEND_GAP, 0.0)),
    ));
    out
}

/// Space between the legend's icon and its words.
const LEGEND_GAP: f32 = 60.0;
/// From the legend's first icon to its second.
const LEGEND_STEP: f32 = 420.0;

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    // Days before (0-8 s): chemotherapy drips in and clears white cells.
    let chemo_view = 1.0 - phase(t, 7.0, 8.0);
    out.set("chemo-vessel", Pose::at(0.0, -90.0).faded(chemo_view));
    out.set("chemo-line", Pose::at(0.0, 0.0).faded(chemo_view));
    out.set("chemo-bag", Pose::at_v(CHEMO_BAG).faded(chemo_view));
    for (i, at) in CHEMO_RED.iter().enumerate() {
        out.set_nth("chemo-red-cell", i + 1, Pose::at_v(*at).faded(chemo_view));
    }
    for (i, at) in WHITE_AT.iter().enumerate() {
        // Every other white cell is cleared.
        let cleared = if i % 2 == 0 && i < 2 * CLEARED {
            let start = 2.0 + 0.4 * i as f32;
            1.0 - phase(t, start, start + 1.0)
        } else {
            1.0
        };
        let drift = Vec2::new(10.0 * (t * 0.5 + i as f32).sin(), 0.0);
        out.set_nth(
            "white-cell",
            i + 1,
            Pose::at_v(*at + drift).faded(chemo_view * cleared),
        );
    }
    let length = path_length(&CHEMO_PATH);
    for i in 0..CHEMO_DROPS {
        let f = flow(t, i, CHEMO_DROPS, 80.0, length);
        out.set_nth(
            "chemo-drop",
            i + 1,
            Pose::at_v(along(&CHEMO_PATH, f)).faded(flow_alpha(f, 0.15) * chemo_view),
        );
    }

    // On the day: check, thaw, check again, drip.
    let b = bag_at(t);
    let day = phase(t, 8.0, 9.0);
    let iv_view = phase(t, 19.5, 20.5) * (1.0 - phase(t, 26.5, 27.5));
    let vessel_view = phase(t, 26.5, 27.5);
    let id_cards = phase(t, 8.5, 9.5) * (1.0 - phase(t, 13.0, 14.0));
    let bath = phase(t, 13.5, 14.5) * (1.0 - phase(t, 19.5, 20.5));
    let bag_shown = day * (1.0 - phase(t, 26.5, 27.5));
    out.set("iv-pole", Pose::at(-520.0, 20.0).faded(iv_view));
    out.set("water-bath", Pose::at(-380.0, -170.0).faded(bath));
    out.set(
        "bag",
        Pose::at_v(b)
            .scaled(1.0 - 0.2 * phase(t, 20.0, 21.5))
            .faded(bag_shown),
    );
    out.set(
        "bag-label",
        Pose::at_v(b + Vec2::new(0.0, 140.0)).faded(day * (1.0 - phase(t, 19.5, 20.3))),
    );
    // Frozen until the bath (15.5-19 s).
    out.set(
        "frost",
        Pose::at_v(b).faded(day * (1.0 - phase(t, 15.5, 19.0))),
    );
    out.set("bag-card", Pose::at(-120.0, 160.0).faded(id_cards));
    out.set("patient-card", Pose::at(400.0, 160.0).faded(id_cards));
    out.set(
        "check-mark",
        Pose::at(140.0, 160.0)
            .scaled(phase(t, 10.0, 10.8))
            .faded(if t >= 10.0 { id_cards } else { 0.0 }),
    );
    // Checked again at the bedside before the drip.
    out.set(
        "second-check",
        Pose::at(-330.0, 60.0)
            .scaled(phase(t, 21.0, 21.8))
            .faded(if t >= 21.0 { iv_view } else { 0.0 }),
    );
    out.set("iv-line", Pose::at(0.0, 0.0).faded(iv_view));
    out.set("arm", Pose::at(-70.0, -185.0).faded(iv_view));
    out.set("vein", Pose::at(-70.0, -185.0).faded(iv_view));
    out.set("vein-label", Pose::at(-70.0, -80.0).faded(iv_view));
    // Drops of cells run down the line into the vein (22-27 s).
    let length = path_length(&IV_PATH);
    for i in 0..DROPS {
        let f = flow(t, i, DROPS, 60.0, length);
        out.set_nth(
            "drop",
            i + 1,
            Pose::at_v(along(&IV_PATH, f))
                .faded(flow_alpha(f, 0.1) * phase(t, 22.0, 23.0) * iv_view),
        );
    }

    // Then, in the bloodstream.
    out.set("vessel", Pose::at(0.0, -20.0).faded(vessel_view));
    let lane = |i: usize| -120.0 + 240.0 * ((i * 7) % 11) as f32 / 10.0;
    for i in 0..RED_CELLS {
        let f = flow(t, i, RED_CELLS, 110.0, 1560.0);
        out.set_nth(
            "red-cell",
            i + 1,
            Pose::at(-780.0 + 1560.0 * f, lane(i) - 20.0).faded(flow_alpha(f, 0.06) * vessel_view),
        );
    }
    for i in 0..NEW_CELLS {
        let f = flow(t - 27.0, i, NEW_CELLS, 75.0, 1560.0) * 0.999 + 0.0005;
        let y = [-60.0, 40.0, -120.0][i];
        let at = Vec2::new(-780.0 + 1560.0 * f, y);
        out.set_nth(
            "new-cell",
            i + 1,
            Pose::at_v(at).faded(flow_alpha(f, 0.06) * vessel_view),
        );
    }
    out.set("legend", Pose::at(-120.0, 245.0).faded(vessel_view));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        CAR_T.moment(name).expect("moment").at
    }

    #[test]
    fn chemotherapy_makes_room_then_the_bag_is_checked_thawed_and_dripped() {
        let room = pose(at("room-made"));
        let gone = (1..=WHITE_CELLS)
            .filter(|&i| !room.nth_of("white-cell", i).visible())
            .count();
        assert_eq!(
            gone, CLEARED,
            "the chemotherapy cleared some white cells, not all"
        );
        assert!(room.nth_of("chemo-red-cell", 1).visible(), "red cells stay");
        // Checked before thawing: frozen, the check mark shown.
        let checked = pose(at("identity-checked"));
        assert!(checked.of("frost").alpha > 0.99 && checked.of("check-mark").alpha > 0.99);
        assert!(!pose(at("dripping")).of("frost").visible(), "thawed");
        assert!(pose(at("dripping")).of("second-check").alpha > 0.99);
        assert!(bag_at(at("dripping")).distance(Vec2::new(-520.0, 190.0)) < 0.5);
        let blood = pose(at("in-bloodstream"));
        assert!(blood.of("vessel").alpha > 0.99 && !blood.of("bag").visible());
    }
}
