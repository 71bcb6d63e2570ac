//! Before TCR therapy, two tests: the shape of the patient's HLA cups (their
//! tissue type, which differs from person to person: the TCR key fits only
//! certain types), and whether the tumour makes the hidden protein MAGE-A4.
//! Then how many screened patients had a matching type.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, phase};
use super::objects::{
    CUP_SINK, CupShape, Piece, card, check_mark, cross_mark, cup_shaped, piece, protein_chain,
    test_tube, text,
};
use crate::palette;

/// The tests scene.
pub const KIND: SceneKind = SceneKind {
    name: "hla-tests",
    nominal: 32.0,
    cuts: &[],
    moments: &[
        moment("types-differ", 4.8),
        moment("blood-test", 12.8),
        moment("tumour-test", 20.8),
        moment("screened", 28.8),
        moment("fewer-qualify", 31.0),
    ],
    objects,
    pose,
};

const PEOPLE: [(CupShape, f32); 3] = [
    (CupShape::V, -520.0),
    (CupShape::U, -130.0),
    (CupShape::Wide, 260.0),
];
const PERSON_Y: f32 = 0.0;
const PERSON_R: f32 = 80.0;
/// The cups are drawn large, so their shapes can be told apart.
const CUP_SCALE: f32 = 2.2;
/// Of 100 people screened, how many had a matching type (44.8%).
const MATCHED: usize = 45;

/// A person's cell, with a cup of their type on top holding a piece of one
/// of their own proteins.
fn person(shape: CupShape, n: usize) -> Look {
    let mut look = Look::new()
        .shape(Shape::Circle(PERSON_R), palette::HEALTHY, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(PERSON_R * 0.4),
            palette::darker(palette::HEALTHY),
            Vec2::ZERO,
            0.0,
        );
    // One large cup on top, so the shapes can be compared at a glance.
    let cup = piece(Piece::Square, CUP_SCALE)
        .with(cup_shaped(shape, palette::HEALTHY, CUP_SCALE), Vec2::ZERO);
    look = look.with(cup, Vec2::new(0.0, PERSON_R - CUP_SINK * CUP_SCALE));
    look.label(&format!("Person {n}"), Vec2::new(0.0, -125.0))
}

/// A sample of the tumour: two cancer cells with the protein inside.
fn tumour_sample() -> Look {
    let mut look = card(420.0, 230.0).label("Tumour sample", Vec2::new(0.0, -160.0));
    for x in [-100.0, 100.0] {
        look = look
            .shape(Shape::Circle(80.0), palette::CANCER, Vec2::new(x, 0.0), 0.0)
            .with(protein_chain(4, 12.0), Vec2::new(x, 5.0));
    }
    look
}

/// 100 people in a square: the first `MATCHED` filled.
fn screened() -> Look {
    let mut look = Look::new();
    for i in 0..100 {
        let (row, col) = (i / 10, i % 10);
        let at = Vec2::new(col as f32 * 30.0 - 135.0, 135.0 - row as f32 * 30.0);
        let fill = if i < MATCHED {
            palette::T_CELL
        } else {
            palette::PLASTIC
        };
        look = look.shape(Shape::Rect(Vec2::splat(22.0)), fill, at, 0.0);
    }
    look
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![Object::new(
        "types-label",
        text("HLA cups: a different shape in each person"),
    )];
    for (i, (shape, _)) in PEOPLE.iter().enumerate() {
        out.push(Object::nth("person", i + 1, person(*shape, i + 1)));
    }
    out.push(Object::new(
        "blood-test",
        test_tube(160.0).label("Blood test", Vec2::new(0.0, -120.0)),
    ));
    for (i, (shape, _)) in PEOPLE.iter().enumerate() {
        let mark = if *shape == CupShape::U {
            check_mark(90.0)
        } else {
            cross_mark(80.0)
        };
        out.push(Object::nth("verdict", i + 1, mark));
    }
    out.push(Object::new("match-label", text("HLA-A*02")));
    out.push(Object::new("sample", tumour_sample()));
    out.push(Object::new("sample-check", check_mark(90.0)));
    out.push(Object::new(
        "sample-label",
        text("Tumour test: is MAGE-A4 made?"),
    ));
    out.push(Object::new(
        "screened",
        screened()
            .label_from("About 45 in 100 screened", Vec2::new(200.0, 30.0))
            .label_from("had a matching HLA type", Vec2::new(200.0, -30.0)),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    let people = 1.0 - phase(t, 23.0, 24.0);
    out.set(
        "types-label",
        Pose::at(-130.0, 250.0).faded(1.0 - phase(t, 7.5, 8.5)),
    );
    for (i, (shape, x)) in PEOPLE.iter().enumerate() {
        // Only the matching person stays for the tumour test.
        let stays = if *shape == CupShape::U {
            1.0
        } else {
            1.0 - phase(t, 15.5, 16.5)
        };
        out.set_nth(
            "person",
            i + 1,
            Pose::at(*x, PERSON_Y).faded(people * stays),
        );
        out.set_nth(
            "verdict",
            i + 1,
            Pose::at(*x, 235.0)
                .scaled(phase(t, 10.0 + i as f32, 10.8 + i as f32))
                .faded(if t >= 10.0 + i as f32 {
                    stays * people
                } else {
                    0.0
                }),
        );
    }
    out.set(
        "blood-test",
        Pose::at(-700.0, 40.0).faded(phase(t, 8.5, 9.5) * (1.0 - phase(t, 15.5, 16.5))),
    );
    out.set(
        "match-label",
        Pose::at(-130.0, -175.0).faded(phase(t, 11.5, 12.5) * people),
    );
    let sample = phase(t, 16.5, 17.5) * (1.0 - phase(t, 23.0, 24.0));
    out.set("sample", Pose::at(440.0, -20.0).faded(sample));
    out.set(
        "sample-check",
        Pose::at(440.0, 160.0)
            .scaled(phase(t, 19.0, 19.8))
            .faded(if t >= 19.0 { sample } else { 0.0 }),
    );
    out.set("sample-label", Pose::at(360.0, 250.0).faded(sample));
    out.set(
        "screened",
        Pose::at(-250.0, -10.0).faded(phase(t, 24.0, 25.0)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        KIND.moment(name).expect("moment").at
    }

    #[test]
    fn the_key_fits_one_type_the_tumour_is_tested_then_45_in_100_match() {
        let blood = pose(at("blood-test"));
        let fits: Vec<usize> = (1..=3)
            .filter(|&i| blood.nth_of("verdict", i).visible())
            .collect();
        assert_eq!(fits, [1, 2, 3], "a verdict over every person");
        let tumour = pose(at("tumour-test"));
        assert!(tumour.nth_of("person", 2).visible() && !tumour.nth_of("person", 1).visible());
        assert!(tumour.of("sample-check").visible());
        assert!(pose(at("screened")).of("screened").alpha > 0.99);
        assert_eq!(MATCHED, 45);
    }
}
