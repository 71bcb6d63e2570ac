//! TIL therapy's cells come from the tumour, not the blood: a surgeon
//! removes a piece of the tumour, and it is sent to a central lab.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{Keys, Piece, bag, cross_mark, hospital, scalpel, t_cell_with, text};
use crate::palette;

/// The surgery scene.
pub const KIND: SceneKind = SceneKind {
    name: "til-surgery",
    nominal: 20.0,
    cuts: &[],
    moments: &[
        moment("who", 0.05),
        moment("tumour-to-remove", 0.15),
        moment("removed", 6.0),
        moment("shipped", 16.0),
    ],
    objects,
    pose,
};

const TUMOUR: Vec2 = Vec2::new(0.0, -90.0);
const BOX: Vec2 = Vec2::new(-120.0, 150.0);
const LAB: Vec2 = Vec2::new(560.0, -60.0);

/// A small cluster of cancer cells with TILs among them.
fn cluster(big: bool) -> Look {
    let r = 40.0;
    let mut look = Look::new();
    let spots: &[Vec2] = if big {
        &[
            Vec2::new(-150.0, 20.0),
            Vec2::new(-70.0, -30.0),
            Vec2::new(10.0, 25.0),
            Vec2::new(90.0, -25.0),
            Vec2::new(160.0, 20.0),
        ]
    } else {
        &[Vec2::new(-40.0, 0.0), Vec2::new(40.0, 10.0)]
    };
    for at in spots {
        look = look.shape(Shape::Circle(r), palette::CANCER, *at, 0.0);
    }
    let til_at = if big {
        Vec2::new(-110.0, 50.0)
    } else {
        Vec2::new(0.0, -35.0)
    };
    look.with(t_cell_with(22.0, Keys::Tcr(Piece::Square)), til_at)
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    vec![
        Object::new(
            "skin",
            Look::new()
                .shape(
                    Shape::Rect(Vec2::new(1300.0, 60.0)),
                    palette::SKIN,
                    Vec2::ZERO,
                    0.0,
                )
                .label_on("Skin", Vec2::new(-560.0, 0.0)),
        ),
        Object::new(
            "tumour",
            cluster(true).label("Tumour", Vec2::new(0.0, -95.0)),
        ),
        Object::new(
            "box",
            Look::new().shape(
                Shape::Rect(Vec2::new(200.0, 130.0)),
                palette::METAL,
                Vec2::ZERO,
                0.0,
            ),
        ),
        Object::new("sample", cluster(false)),
        Object::new("sample-label", text("A piece of tumour")),
        Object::new("scalpel", scalpel(260.0)),
        Object::new(
            "blood-bag",
            bag(110.0, 130.0)
                .with(cross_mark(110.0), Vec2::ZERO)
                .label("Not from blood", Vec2::new(0.0, -110.0)),
        ),
        Object::new(
            "lab",
            hospital(200.0).label("Central lab", Vec2::new(0.0, -125.0)),
        ),
        Object::new("sent-label", text("Sent to a central lab")),
    ]
}

/// Where the piece of tumour is at time `t`.
fn sample_at(t: f32) -> Vec2 {
    let lifted = Vec2::new(-120.0, 200.0);
    if t < 9.0 {
        let path = [
            TUMOUR + Vec2::new(0.0, 10.0),
            Vec2::new(-40.0, 90.0),
            lifted,
        ];
        along(&path, phase(t, 3.5, 5.5))
    } else {
        let boxed = lifted.lerp(BOX + Vec2::new(0.0, 10.0), phase(t, 10.0, 11.0));
        boxed + (LAB - Vec2::new(260.0, 0.0) - BOX) * phase(t, 12.0, 15.0)
    }
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("skin", Pose::at(0.0, 40.0).faded(1.0 - phase(t, 9.0, 10.0)));
    out.set(
        "tumour",
        Pose::at_v(TUMOUR).faded(1.0 - phase(t, 9.0, 10.0)),
    );
    let s = sample_at(t);
    out.set("sample", Pose::at_v(s).faded(phase(t, 3.3, 3.6)));
    out.set(
        "sample-label",
        Pose::at_v(s + Vec2::new(300.0, 20.0))
            .faded(phase(t, 5.0, 5.8) * (1.0 - phase(t, 9.0, 10.0))),
    );
    // The scalpel comes in, cuts, and goes (0.5-5 s).
    let cut = [
        Vec2::new(420.0, 260.0),
        Vec2::new(160.0, 20.0),
        Vec2::new(110.0, -40.0),
    ];
    let inward = along(&cut, phase(t, 0.5, 3.0));
    let away = inward.lerp(Vec2::new(520.0, 240.0), phase(t, 3.5, 6.5));
    out.set(
        "scalpel",
        Pose::at_v(away)
            .turned(-0.8)
            .faded(phase(t, 0.2, 0.8) * (1.0 - phase(t, 6.5, 7.3))),
    );
    out.set(
        "blood-bag",
        Pose::at(-600.0, -150.0).faded(phase(t, 1.0, 2.0) * (1.0 - phase(t, 9.0, 10.0))),
    );
    // To the lab (10-16 s).
    let shipping = phase(t, 9.5, 10.5);
    let box_at = BOX + (LAB - Vec2::new(260.0, 0.0) - BOX) * phase(t, 12.0, 15.0);
    out.set("box", Pose::at_v(box_at).faded(shipping));
    out.set("lab", Pose::at_v(LAB).faded(shipping));
    out.set(
        "sent-label",
        Pose::at(0.0, 260.0).faded(phase(t, 12.0, 13.0)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_is_cut_out_and_shipped_to_the_lab() {
        let at = |name: &str| KIND.moment(name).expect("moment").at;
        let removed = pose(at("removed"));
        assert!(
            removed.of("sample").at.y > 150.0,
            "lifted out above the skin"
        );
        assert!(removed.of("blood-bag").alpha > 0.99, "not from blood");
        let shipped = pose(at("shipped"));
        assert!(shipped.of("sample").at.distance(LAB) < 300.0);
        assert!(!shipped.of("tumour").visible());
    }
}
