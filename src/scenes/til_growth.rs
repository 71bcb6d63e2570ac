//! TILs are grown, not changed: in a lab dish, pieces of the tumour release
//! their TILs, no gene is added, IL-2 makes them multiply, and each keeps its
//! own key.

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, flow, flow_alpha, phase};
use super::objects::{Keys, Piece, cross_mark, dna, spark, t_cell_with, text};
use crate::palette;

/// The growth scene.
pub const KIND: SceneKind = SceneKind {
    name: "til-growth",
    nominal: 24.0,
    cuts: &[],
    moments: &[
        moment("no-gene", 4.8),
        moment("il2", 12.8),
        moment("many-keys", 20.8),
    ],
    objects,
    pose,
};

const DISH_R: f32 = 285.0;
const DISH_STRETCH: f32 = 1.5;
const FRAGMENTS: [Vec2; 3] = [
    Vec2::new(-240.0, -60.0),
    Vec2::new(0.0, 90.0),
    Vec2::new(240.0, -70.0),
];
const TIL_R: f32 = 38.0;
/// TILs: where each first crawls out to, and where it goes when the
/// dish fills (the first three are there from the start; the rest are born
/// from them, 11-14 s).
const TILS: [(Vec2, Vec2); 6] = [
    (Vec2::new(-130.0, -90.0), Vec2::new(-290.0, 110.0)),
    (Vec2::new(110.0, 110.0), Vec2::new(-110.0, -140.0)),
    (Vec2::new(130.0, -110.0), Vec2::new(300.0, 60.0)),
    (Vec2::new(-130.0, -90.0), Vec2::new(-330.0, -40.0)),
    (Vec2::new(110.0, 110.0), Vec2::new(150.0, 160.0)),
    (Vec2::new(130.0, -110.0), Vec2::new(120.0, -170.0)),
];
const SPARKS: usize = 6;

fn fragment() -> Look {
    Look::new()
        .shape(Shape::Circle(46.0), palette::CANCER, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(14.0),
            palette::darker(palette::CANCER),
            Vec2::new(-12.0, 10.0),
            0.0,
        )
        .plain(
            Shape::Circle(10.0),
            palette::darker(palette::CANCER),
            Vec2::new(16.0, -12.0),
            0.0,
        )
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        Object::new(
            "dish",
            Look::new().shape(Shape::Circle(DISH_R), palette::PLASTIC, Vec2::ZERO, 0.0),
        ),
        Object::new("dish-label", text("Lab dish")),
    ];
    out.extend((1..=FRAGMENTS.len()).map(|i| Object::nth("fragment", i, fragment())));
    out.extend((1..=TILS.len()).map(|i| {
        let keys = Keys::Tcr(Piece::ALL[(i - 1) % Piece::ALL.len()]);
        Object::nth("til", i, t_cell_with(TIL_R, keys))
    }));
    out.push(Object::new(
        "no-gene",
        dna(90.0)
            .with(cross_mark(110.0), Vec2::ZERO)
            .label("No new gene", Vec2::new(0.0, -90.0)),
    ));
    out.extend((1..=SPARKS).map(|i| Object::nth("spark", i, spark(34.0))));
    out.push(Object::new("il2-label", text("IL-2")));
    out.push(Object::new("keys-label", text("Many different keys")));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("dish", Pose::at(0.0, 0.0).stretched(DISH_STRETCH, 1.0));
    out.set("dish-label", Pose::at(-560.0, 230.0));
    // The tumour pieces give up their TILs and fade (1-15 s).
    for (i, at) in FRAGMENTS.iter().enumerate() {
        out.set_nth(
            "fragment",
            i + 1,
            Pose::at_v(*at).faded(1.0 - phase(t, 14.0, 15.5)),
        );
    }
    for (i, (out_at, spread)) in TILS.iter().enumerate() {
        let (shown, at) = if i < 3 {
            let crawl = phase(t, 1.0, 3.5);
            let from = FRAGMENTS[i];
            (
                1.0,
                from.lerp(*out_at, crawl)
                    .lerp(*spread, phase(t, 15.0, 18.0)),
            )
        } else {
            // Born from TIL i-3 at 11-14 s.
            let born = 11.0 + (i - 3) as f32;
            let split = out_at.lerp(*spread, phase(t, born, born + 1.5));
            (if t >= born { 1.0 } else { 0.0 }, split)
        };
        out.set_nth("til", i + 1, Pose::at_v(at).faded(shown));
    }
    out.set(
        "no-gene",
        Pose::at(590.0, 180.0).faded(phase(t, 1.5, 2.5) * (1.0 - phase(t, 8.0, 9.0))),
    );
    // IL-2 falls into the dish (8.5-16 s).
    let il2 = phase(t, 8.5, 9.5) * (1.0 - phase(t, 15.5, 16.5));
    for k in 0..SPARKS {
        let f = flow(t, k, SPARKS, 60.0, 260.0);
        let x = -300.0 + 120.0 * k as f32;
        out.set_nth(
            "spark",
            k + 1,
            Pose::at(x, 240.0 - 260.0 * f)
                .turned(f * 2.0)
                .faded(il2 * flow_alpha(f, 0.2)),
        );
    }
    out.set("il2-label", Pose::at(560.0, 230.0).faded(il2));
    out.set(
        "keys-label",
        Pose::at(560.0, -240.0).faded(phase(t, 17.0, 18.0)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_gene_then_il2_doubles_the_tils_each_with_its_own_key() {
        let at = |name: &str| KIND.moment(name).expect("moment").at;
        let start = pose(at("no-gene"));
        assert!(start.of("no-gene").alpha > 0.99);
        let count = |p: &Poses| {
            (1..=TILS.len())
                .filter(|&i| p.nth_of("til", i).visible())
                .count()
        };
        assert_eq!(count(&start), 3);
        let il2 = pose(at("il2"));
        assert!((1..=SPARKS).any(|k| il2.nth_of("spark", k).visible()));
        assert_eq!(count(&pose(at("many-keys"))), 6);
    }
}
