//! Stage 2, lab reprogramming: T cells in a lab dish are activated; a viral
//! vector brings the CAR gene in; CAR keys appear on the cell surface; the
//! cells divide into many.

use std::f32::consts::{FRAC_PI_2, TAU};

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{KEY_SIZE, T_CELL_R, dna, lone_key, t_cell, text, text_on, vector};
use crate::palette;

/// The lab reprogramming scene.
pub const KIND: SceneKind = SceneKind {
    name: "reprogramming",
    nominal: NOMINAL,
    // At 19 s the single cell with its separately grown keys is swapped for
    // an identical whole cell that then divides; nothing visibly moves.
    cuts: &[],
    moments: &[
        moment("activated", 3.6),
        moment("gene-delivered", 9.6),
        moment("keys-shown", 16.2),
        moment("multiplied", 25.6),
    ],
    objects,
    pose,
};

/// Seconds the scene is drawn for.
const NOMINAL: f32 = 30.0;

const KEYS: usize = 8;
/// Daughter cells after three divisions.
const CELLS: usize = 8;
/// When each generation of division starts (1 -> 2 -> 4 -> 8 cells).
const DIVISIONS: [f32; 3] = [19.5, 21.8, 24.1];
const DIVIDE_TIME: f32 = 1.6;

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        Object::new(
            "dish",
            Look::new()
                .shape(Shape::Circle(285.0), palette::PLASTIC, Vec2::ZERO, 0.0)
                .label("Lab dish", Vec2::new(-440.0, 230.0)),
        ),
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
    out.extend((1..=KEYS).map(|k| Object::nth("key", k, lone_key(KEY_SIZE))));
    out.push(Object::new(
        "t-cell",
        t_cell(T_CELL_R, false).label_on("T cell", Vec2::new(0.0, -110.0)),
    ));
    out.push(Object::new("gene", dna(70.0)));
    out.push(Object::new("gene-label", text_on("CAR gene")));
    out.push(Object::new(
        "vector",
        vector(30.0).label_on("Viral vector", Vec2::new(0.0, 60.0)),
    ));
    out.push(Object::new("car-label", text_on("CAR (key)")));
    out.extend((1..=CELLS).map(|i| Object::nth("cell", i, t_cell(T_CELL_R, true))));
    out.push(Object::new("grown-label", text("Grown in large numbers")));
    out
}

/// Where key `k` sits on a full-size cell at the origin, and its angle:
/// the same places [`t_cell`] puts its keys.
fn key_place(k: usize) -> (Vec2, f32) {
    let angle = k as f32 * TAU / KEYS as f32;
    let dir = Vec2::from_angle(angle + FRAC_PI_2);
    (dir * (T_CELL_R + KEY_SIZE * 0.45), angle)
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
fn pose(t: f32) -> Poses {
    let whole = t >= DIVISIONS[0] - 0.5;
    let single = if whole { 0.0 } else { 1.0 };
    // A slow, gentle swell while activated (0.4 Hz, never a flash).
    let swell = 1.0 + 0.05 * (t * TAU * 0.4).sin() * (1.0 - phase(t, 5.0, 6.5));
    let activated = phase(t, 0.5, 2.5) * (1.0 - phase(t, 5.0, 6.5));
    let mut out = Poses::new();
    out.set("dish", Pose::at(0.0, 0.0));
    out.set(
        "activation-glow",
        Pose::at(0.0, 0.0).scaled(swell).faded(activated),
    );
    out.set(
        "activated-label",
        Pose::at(0.0, 150.0).faded(phase(t, 1.0, 2.5) * (1.0 - phase(t, 5.0, 6.5))),
    );
    for k in 0..KEYS {
        let (at, angle) = key_place(k);
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
    // The vector glides in (6-10 s), then its gene shows in the nucleus.
    let gene = phase(t, 9.5, 10.5) * single;
    out.set("gene", Pose::at(-10.0, 8.0).scaled(0.8).faded(gene));
    out.set(
        "gene-label",
        Pose::at(140.0, 125.0).faded(gene * (1.0 - phase(t, 17.0, 18.0))),
    );
    // Inside the dish all the way, so its label (dark, for the white dish)
    // always reads.
    let path = [
        Vec2::new(-200.0, 150.0),
        Vec2::new(-120.0, 90.0),
        Vec2::new(-40.0, 20.0),
    ];
    let travel = phase(t, 6.0, 10.0);
    out.set(
        "vector",
        Pose::at_v(along(&path, travel)).faded(phase(t, 5.0, 6.5) * (1.0 - phase(t, 10.0, 11.0))),
    );
    out.set(
        "car-label",
        Pose::at(140.0, -150.0).faded(phase(t, 13.0, 14.0) * (1.0 - phase(t, 18.5, 19.5))),
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
        Pose::at(490.0, -250.0).faded(phase(t, 24.0, 25.0)),
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

    fn shown(t: f32, group: &str, n: usize) -> usize {
        let poses = pose(t);
        (1..=n)
            .filter(|&i| poses.nth_of(group, i).visible())
            .count()
    }

    #[test]
    fn keys_grow_on_one_cell_then_it_becomes_eight() {
        assert_eq!(shown(12.0, "key", KEYS), 0, "no keys before the gene is in");
        assert_eq!(
            shown(16.5, "key", KEYS),
            KEYS,
            "all keys by the end of that beat"
        );
        assert_eq!(shown(18.0, "cell", CELLS), 0);
        assert_eq!(shown(20.0, "cell", CELLS), 2);
        assert_eq!(shown(NOMINAL, "cell", CELLS), 8);
        // The daughters do not overlap at the end.
        let end = pose(NOMINAL);
        for a in 1..=CELLS {
            for b in a + 1..=CELLS {
                let d = end.nth_of("cell", a).at.distance(end.nth_of("cell", b).at);
                assert!(d > 2.0 * 0.5 * (T_CELL_R + KEY_SIZE));
            }
        }
    }
}
