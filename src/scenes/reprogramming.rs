//! Lab reprogramming: T cells in a lab dish are activated; a gene is added
//! (for CAR T, a disabled virus, the viral vector, carries the CAR gene in);
//! the keys the gene codes for appear on the cell's surface; the cells
//! divide into many. Drawn for CAR T and TCR therapy.

use std::f32::consts::{FRAC_PI_2, TAU};

use bevy::prelude::*;

use super::kind::{Moment, Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{
    KEY_REACH, KEY_SIZE, Keys, Piece, T_CELL_R, dna, lone_key, t_cell_with, tcr_key, text, text_on,
    vector,
};
use super::therapy::{Therapy, TherapyLook};
use crate::palette;

const MOMENTS: &[Moment] = &[
    moment("activated", 3.6),
    moment("gene-delivered", 9.6),
    moment("keys-shown", 16.2),
    moment("multiplied", 25.6),
    moment("grown", 28.0),
    moment("ready", 29.4),
];

/// Reprogramming T cells into CAR T cells.
pub const CAR_T: SceneKind = SceneKind {
    name: "reprogramming",
    nominal: NOMINAL,
    // At 19 s the single cell with its separately grown keys is swapped for
    // an identical whole cell that then divides; nothing visibly moves.
    cuts: &[],
    moments: MOMENTS,
    objects: || objects(Therapy::CarT),
    pose: |t| pose(Therapy::CarT, t),
};

/// Giving T cells a TCR gene.
pub const TCR: SceneKind = SceneKind {
    name: "reprogramming-tcr",
    objects: || objects(Therapy::Tcr),
    pose: |t| pose(Therapy::Tcr, t),
    ..CAR_T
};

/// Seconds the scene is drawn for.
const NOMINAL: f32 = 30.0;

/// Daughter cells after three divisions.
const CELLS: usize = 8;
/// When each generation of division starts (1 -> 2 -> 4 -> 8 cells).
const DIVISIONS: [f32; 3] = [19.5, 21.8, 24.1];
const DIVIDE_TIME: f32 = 1.6;
/// The dish, seen from the side a little: a circle stretched this much.
const DISH_STRETCH: f32 = 1.5;
const DISH_R: f32 = 285.0;

/// How many keys a cell of this therapy shows.
fn key_count(therapy: Therapy) -> usize {
    match therapy {
        Therapy::Tcr => 6,
        Therapy::CarT | Therapy::Til => 8,
    }
}

/// The words of the scene for each therapy: the gene, what carries it in,
/// the key, and how many cells are grown.
fn words(therapy: Therapy) -> [&'static str; 4] {
    match therapy {
        Therapy::Tcr | Therapy::Til => ["TCR gene", "TCR gene", "TCR (key)", "Grown into billions"],
        Therapy::CarT => [
            "CAR gene",
            "Viral vector",
            "CAR (key)",
            "Grown into millions",
        ],
    }
}

/// The objects, in drawing order.
fn objects(therapy: Therapy) -> Vec<Object> {
    let [gene, carrier, key, grown] = words(therapy);
    let mut out = vec![
        Object::new(
            "dish",
            Look::new().shape(Shape::Circle(DISH_R), palette::PLASTIC, Vec2::ZERO, 0.0),
        ),
        Object::new("dish-label", text("Lab dish")),
        Object::new(
            "activation-glow",
            Look::new().plain(
                Shape::Circle(100.0),
                palette::lighter(palette::COLD),
                Vec2::ZERO,
                0.0,
            ),
        ),
        Object::new("activated-label", text_on("Activated")),
    ];
    let lone = || match therapy {
        Therapy::CarT => lone_key(KEY_SIZE),
        Therapy::Tcr | Therapy::Til => tcr_key(Piece::Triangle, 1.0),
    };
    out.extend((1..=key_count(therapy)).map(|k| Object::nth("key", k, lone())));
    out.push(Object::new("t-cell", t_cell_with(T_CELL_R, Keys::None)));
    out.push(Object::new("t-cell-label", text_on("T cell")));
    out.push(Object::new("gene", dna(70.0)));
    out.push(Object::new("gene-label", text_on(gene)));
    // What brings the gene in: for CAR T a viral vector; for TCR only the
    // gene is shown, since which carrier Tecelra uses is not confirmed.
    let carrier_look = match therapy {
        Therapy::CarT => vector(30.0),
        Therapy::Tcr | Therapy::Til => dna(60.0),
    };
    out.push(Object::new("carrier", carrier_look));
    out.push(Object::new("carrier-label", text_on(carrier)));
    out.push(Object::new("key-label", text_on(key)));
    out.extend((1..=CELLS).map(|i| Object::nth("cell", i, t_cell_with(T_CELL_R, therapy.keys(0)))));
    out.push(Object::new("grown-label", text(grown)));
    out
}

/// Where key `k` of `n` sits on a full-size cell at the origin, and its
/// angle: the same places [`t_cell_with`] puts its keys.
fn key_place(therapy: Therapy, k: usize) -> (Vec2, f32) {
    let n = key_count(therapy);
    let angle = k as f32 * TAU / n as f32;
    let dir = Vec2::from_angle(angle + FRAC_PI_2);
    let reach = match therapy {
        Therapy::CarT => KEY_SIZE * 0.45,
        Therapy::Tcr | Therapy::Til => KEY_REACH,
    };
    (dir * (T_CELL_R + reach), angle)
}

/// Place and scale of daughter cell `i` after `generation` divisions.
fn place(i: usize, generation: usize) -> (Vec2, f32) {
    match generation {
        0 => (Vec2::ZERO, 1.0),
        1 => ([Vec2::new(-120.0, 0.0), Vec2::new(120.0, 0.0)][i % 2], 0.8),
        2 => (
            [
                Vec2::new(-115.0, 90.0),
                Vec2::new(115.0, 90.0),
                Vec2::new(-115.0, -90.0),
                Vec2::new(115.0, -90.0),
            ][i % 4],
            0.62,
        ),
        _ => {
            // Each cell of generation 2 splits into two neighbours on a ring.
            let parent = place(i % 4, 2).0;
            let side = if i < 4 { 0.4 } else { -0.4 };
            (Vec2::from_angle(parent.to_angle() + side) * 195.0, 0.5)
        }
    }
}

/// Where daughter `i` is in generation `g`: its own place once born, else
/// the place of the cell it is still part of.
fn lineage(i: usize, g: usize) -> (Vec2, f32) {
    place(parent(i, g), g)
}

/// The generation in which daughter `i` is born (cell 0 is the original).
fn born(i: usize) -> usize {
    match i {
        0 => 0,
        1 => 1,
        2 | 3 => 2,
        _ => 3,
    }
}

/// Every object's pose at scene time `t` (seconds).
fn pose(therapy: Therapy, t: f32) -> Poses {
    let whole = t >= DIVISIONS[0] - 0.5;
    let single = if whole { 0.0 } else { 1.0 };
    // A slow, gentle swell while activated (0.4 Hz, never a flash).
    let swell = 1.0 + 0.05 * (t * TAU * 0.4).sin() * (1.0 - phase(t, 5.0, 6.5));
    let activated = phase(t, 0.5, 2.5) * (1.0 - phase(t, 5.0, 6.5));
    let mut out = Poses::new();
    out.set("dish", Pose::at(0.0, 0.0).stretched(DISH_STRETCH, 1.0));
    out.set("dish-label", Pose::at(-560.0, 230.0));
    out.set(
        "activation-glow",
        Pose::at(0.0, 0.0).scaled(swell).faded(activated),
    );
    out.set(
        "activated-label",
        Pose::at(0.0, 150.0).faded(phase(t, 1.0, 2.5) * (1.0 - phase(t, 5.0, 6.5))),
    );
    for k in 0..key_count(therapy) {
        let (at, angle) = key_place(therapy, k);
        let grow = phase(t, 12.5 + 0.45 * k as f32, 13.5 + 0.45 * k as f32);
        out.set_nth(
            "key",
            k + 1,
            Pose::at_v(at)
                .turned(angle)
                .scaled(grow)
                .faded(single * if grow > 0.0 { 1.0 } else { 0.0 }),
        );
    }
    out.set("t-cell", Pose::at(0.0, 0.0).faded(single));
    out.set("t-cell-label", Pose::at(-190.0, -120.0).faded(single));
    // The carrier glides in from the left of the dish (5-10 s), then the
    // gene shows in the nucleus.
    let gene = phase(t, 9.5, 10.5) * single;
    let gene_named = phase(t, 10.3, 11.0) * single;
    out.set("gene", Pose::at(-10.0, 8.0).scaled(0.8).faded(gene));
    out.set(
        "gene-label",
        Pose::at(170.0, 125.0).faded(gene_named * (1.0 - phase(t, 17.0, 18.0))),
    );
    let path = [
        Vec2::new(-340.0, 50.0),
        Vec2::new(-220.0, 35.0),
        Vec2::new(-115.0, 25.0),
    ];
    let carrier = phase(t, 5.0, 6.5) * (1.0 - phase(t, 10.0, 11.0));
    out.set(
        "carrier",
        Pose::at_v(along(&path, phase(t, 6.0, 9.5))).faded(carrier),
    );
    out.set("carrier-label", Pose::at(-260.0, 125.0).faded(carrier));
    out.set(
        "key-label",
        Pose::at(190.0, -150.0).faded(phase(t, 13.0, 14.0) * (1.0 - phase(t, 18.5, 19.5))),
    );
    // From 19 s the cell is whole and divides three times.
    for i in 0..CELLS {
        let mut at = lineage(i, 0);
        for (g, start) in DIVISIONS.iter().enumerate() {
            let p = phase(t, *start, start + DIVIDE_TIME);
            let (from, to) = (lineage(i, g), lineage(i, g + 1));
            at = (from.0.lerp(to.0, p), from.1 + (to.1 - from.1) * p);
            if p < 1.0 {
                break;
            }
        }
        let appeared = born(i) == 0 || t >= DIVISIONS[born(i) - 1];
        let visible = whole && appeared;
        out.set_nth(
            "cell",
            i + 1,
            Pose::at_v(at.0)
                .scaled(at.1)
                .faded(if visible { 1.0 } else { 0.0 }),
        );
    }
    out.set(
        "grown-label",
        Pose::at(560.0, -250.0).faded(phase(t, 24.0, 25.0)),
    );
    out
}

/// The cell that daughter `i` is part of in generation `generation`, before
/// it is born: daughters split off cells with lower numbers.
fn parent(i: usize, generation: usize) -> usize {
    let mut i = i;
    while born(i) > generation {
        i -= 1 << (born(i) - 1);
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(therapy: Therapy, t: f32, group: &str, n: usize) -> usize {
        let poses = pose(therapy, t);
        (1..=n)
            .filter(|&i| poses.nth_of(group, i).visible())
            .count()
    }

    #[test]
    fn keys_grow_on_one_cell_then_it_becomes_eight() {
        for therapy in [Therapy::CarT, Therapy::Tcr] {
            let keys = key_count(therapy);
            assert_eq!(
                shown(therapy, 12.0, "key", keys),
                0,
                "no keys before the gene"
            );
            assert_eq!(shown(therapy, 16.5, "key", keys), keys, "all keys by then");
            assert_eq!(shown(therapy, 18.0, "cell", CELLS), 0);
            assert_eq!(shown(therapy, 20.0, "cell", CELLS), 2);
            assert_eq!(shown(therapy, NOMINAL, "cell", CELLS), 8);
            // The daughters do not overlap at the end.
            let end = pose(therapy, NOMINAL);
            for a in 1..=CELLS {
                for b in a + 1..=CELLS {
                    let d = end.nth_of("cell", a).at.distance(end.nth_of("cell", b).at);
                    assert!(d > 2.0 * 0.5 * (T_CELL_R + KEY_SIZE));
                }
            }
        }
    }
}
