//! TIL therapy starts inside the tumour: a few T cells (TILs), each with its
//! own key, have moved in from the blood among the cancer cells; more come,
//! a sign the immune system is trying; but they are few, and the tumour's
//! signals hold them back while it grows.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, flow, flow_alpha, phase};
use super::objects::{Keys, Piece, t_cell_with, text};
use crate::palette;

/// The tumour scene.
pub const KIND: SceneKind = SceneKind {
    name: "til-tumour",
    nominal: 24.0,
    cuts: &[],
    moments: &[
        moment("tils-inside", 4.8),
        moment("a-sign", 12.8),
        moment("held-back", 20.8),
    ],
    objects,
    pose,
};

const CANCER_R: f32 = 62.0;
const TIL_R: f32 = 34.0;
/// The tumour's cells; the last two grow in later.
const CANCER_AT: [Vec2; 10] = [
    Vec2::new(-60.0, 110.0),
    Vec2::new(80.0, 120.0),
    Vec2::new(220.0, 100.0),
    Vec2::new(-130.0, -20.0),
    Vec2::new(10.0, -10.0),
    Vec2::new(150.0, -20.0),
    Vec2::new(290.0, -30.0),
    Vec2::new(-50.0, -140.0),
    Vec2::new(90.0, -150.0),
    Vec2::new(230.0, -160.0),
];
const GROWN: usize = 2;
/// TILs in the tumour from the start, in its gaps.
const TIL_AT: [Vec2; 3] = [
    Vec2::new(-200.0, 70.0),
    Vec2::new(80.0, 50.0),
    Vec2::new(160.0, -95.0),
];
/// TILs that arrive from the blood vessel (8-14 s), and where they stop.
const ARRIVING: [(Vec2, Vec2); 2] = [
    (Vec2::new(-640.0, 60.0), Vec2::new(-220.0, -90.0)),
    (Vec2::new(-640.0, -120.0), Vec2::new(-120.0, -230.0)),
];
const SIGNALS: usize = 6;

fn cancer_cell() -> Look {
    Look::new()
        .shape(Shape::Circle(CANCER_R), palette::CANCER, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(CANCER_R * 0.4),
            palette::darker(palette::CANCER),
            Vec2::new(CANCER_R * 0.15, -CANCER_R * 0.1),
            0.0,
        )
}

fn til(i: usize) -> Look {
    t_cell_with(TIL_R, Keys::Tcr(Piece::ALL[i % Piece::ALL.len()]))
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![Object::new(
        "vessel",
        Look::new()
            .shape(
                Shape::Rect(Vec2::new(260.0, 600.0)),
                palette::PALE,
                Vec2::ZERO,
                0.0,
            )
            .label_on("Blood vessel", Vec2::new(0.0, 230.0)),
    )];
    out.extend((1..=CANCER_AT.len()).map(|i| Object::nth("cancer", i, cancer_cell())));
    out.push(Object::new("tumour-label", text("Tumour")));
    let signal = || Look::new().shape(Shape::Circle(9.0), palette::METAL, Vec2::ZERO, 0.0);
    out.extend((1..=SIGNALS).map(|i| Object::nth("signal", i, signal())));
    out.extend((1..=TIL_AT.len()).map(|i| Object::nth("til", i, til(i - 1))));
    out.extend((1..=ARRIVING.len()).map(|i| Object::nth("arriving", i, til(i))));
    out.push(Object::new(
        "tils-label",
        text("TILs: T cells that moved into the tumour"),
    ));
    out.push(Object::new(
        "signals-label",
        text("Signals hold the TILs back"),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("vessel", Pose::at(-640.0, 0.0));
    let grow = phase(t, 15.0, 18.0);
    for (i, at) in CANCER_AT.iter().enumerate() {
        let shown = if i >= CANCER_AT.len() - GROWN {
            grow
        } else {
            1.0
        };
        out.set_nth(
            "cancer",
            i + 1,
            Pose::at_v(*at).scaled(0.6 + 0.4 * shown).faded(shown),
        );
    }
    out.set("tumour-label", Pose::at(470.0, 130.0));
    // Held back: the TILs dim and slow (16-18 s).
    let held = phase(t, 16.0, 18.0);
    for (i, at) in TIL_AT.iter().enumerate() {
        let sway = Vec2::new(0.0, 6.0 * (t * 0.6 + i as f32 * 2.0).sin() * (1.0 - held));
        out.set_nth("til", i + 1, Pose::at_v(*at + sway).faded(1.0 - 0.4 * held));
    }
    for (i, (from, to)) in ARRIVING.iter().enumerate() {
        let start = 8.5 + 1.5 * i as f32;
        let p = phase(t, start, start + 4.0);
        out.set_nth(
            "arriving",
            i + 1,
            Pose::at_v(from.lerp(*to, p)).faded(phase(t, start - 0.5, start) * (1.0 - 0.4 * held)),
        );
    }
    // Signals drift from the cancer cells to the TILs (16-24 s).
    for k in 0..SIGNALS {
        let target = TIL_AT[k % TIL_AT.len()];
        let source = CANCER_AT[(k * 3) % 7];
        let f = flow(t, k, SIGNALS, 40.0, 120.0);
        out.set_nth(
            "signal",
            k + 1,
            Pose::at_v(source.lerp(target, 0.25 + 0.5 * f))
                .faded(phase(t, 16.0, 17.0) * flow_alpha(f, 0.2)),
        );
    }
    out.set(
        "tils-label",
        Pose::at(-130.0, 270.0).faded(phase(t, 0.5, 1.5)),
    );
    out.set(
        "signals-label",
        Pose::at(470.0, -250.0).faded(phase(t, 16.5, 17.5)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tils_sit_in_the_tumour_more_arrive_then_they_are_held_back_as_it_grows() {
        let at = |name: &str| KIND.moment(name).expect("moment").at;
        let first = pose(at("tils-inside"));
        assert!((1..=3).all(|i| first.nth_of("til", i).alpha > 0.99));
        assert!(!first.nth_of("cancer", 10).visible(), "not grown yet");
        let sign = pose(at("a-sign"));
        assert!(sign.nth_of("arriving", 1).visible());
        let held = pose(at("held-back"));
        assert!(held.nth_of("til", 1).alpha < 0.7, "dimmed");
        assert!(held.nth_of("cancer", 10).alpha > 0.99, "the tumour grew");
        assert!((1..=SIGNALS).any(|k| held.nth_of("signal", k).visible()));
    }
}
