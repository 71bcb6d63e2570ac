//! Stage 2, lab reprogramming: T cells in a lab dish are activated; a viral
//! vector brings the CAR gene in; CAR keys appear on the cell surface; the
//! cells divide into many.

use std::f32::consts::{FRAC_PI_2, TAU};

use bevy::prelude::*;

use super::look::{
    self, KEY_SIZE, Look, Shape, T_CELL_R, dna, lone_key, t_cell, text, text_on, vector,
};
use super::{Pose, along, phase};
use crate::ui::palette;

/// Seconds the scene is drawn for (the story's stage length).
pub const NOMINAL: f32 = 30.0;
/// At 19 s the single cell with its separately grown keys is swapped for an
/// identical whole cell that then divides; nothing visibly moves.
pub const CUTS: &[f32] = &[];

const KEYS: usize = 8;
/// Daughter cells after three divisions.
const CELLS: usize = 8;
/// When each generation of division starts (1 -> 2 -> 4 -> 8 cells).
const DIVISIONS: [f32; 3] = [19.5, 21.8, 24.1];
const DIVIDE_TIME: f32 = 1.6;

/// The objects, in drawing order.
pub fn looks() -> Vec<Look> {
    let mut out = vec![
        Look::new()
            .shape(Shape::Circle(285.0), look::PLASTIC, Vec2::ZERO, 0.0)
            .label("Lab dish", Vec2::new(-440.0, 230.0)),
        Look::new().plain(
            Shape::Circle(100.0),
            look::lighter(palette::COLD),
            Vec2::ZERO,
            0.0,
        ),
        text_on("Activated"),
    ];
    out.extend((0..KEYS).map(|_| lone_key(KEY_SIZE)));
    out.push(t_cell(T_CELL_R, false).label_on("T cell", Vec2::new(0.0, -110.0)));
    out.push(dna(70.0));
    out.push(text_on("CAR gene"));
    out.push(vector(30.0).label_on("Viral vector", Vec2::new(0.0, 60.0)));
    out.push(text_on("CAR (key)"));
    out.extend((0..CELLS).map(|_| t_cell(T_CELL_R, true)));
    out.push(text("Grown in large numbers"));
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
pub fn pose(t: f32) -> Vec<Pose> {
    let whole = t >= DIVISIONS[0] - 0.5;
    let single = if whole { 0.0 } else { 1.0 };
    // A slow, gentle swell while activated (0.4 Hz, never a flash).
    let swell = 1.0 + 0.05 * (t * TAU * 0.4).sin() * (1.0 - phase(t, 5.0, 6.5));
    let mut out = vec![
        Pose::at(0.0, 0.0),
        Pose::at(0.0, 0.0)
            .scaled(swell)
            .faded(phase(t, 0.5, 2.5) * (1.0 - phase(t, 5.0, 6.5))),
        Pose::at(0.0, 150.0).faded(phase(t, 1.0, 2.5) * (1.0 - phase(t, 5.0, 6.5))),
    ];
    for k in 0..KEYS {
        let (at, angle) = key_place(k);
        let grow = phase(t, 12.5 + 0.45 * k as f32, 13.5 + 0.45 * k as f32);
        out.push(
            Pose::at_v(at)
                .turned(angle)
                .scaled(grow)
                .faded(single * if grow > 0.0 { 1.0 } else { 0.0 }),
        );
    }
    out.push(Pose::at(0.0, 0.0).faded(single));
    // The vector glides in (6-10 s), then its gene shows in the nucleus.
    let gene = phase(t, 9.5, 10.5) * single;
    out.push(Pose::at(-10.0, 8.0).scaled(0.8).faded(gene));
    out.push(Pose::at(140.0, 125.0).faded(gene * (1.0 - phase(t, 17.0, 18.0))));
    // Inside the dish all the way, so its label (dark, for the white dish)
    // always reads.
    let path = [
        Vec2::new(-200.0, 150.0),
        Vec2::new(-120.0, 90.0),
        Vec2::new(-40.0, 20.0),
    ];
    let travel = phase(t, 6.0, 10.0);
    out.push(
        Pose::at_v(along(&path, travel)).faded(phase(t, 5.0, 6.5) * (1.0 - phase(t, 10.0, 11.0))),
    );
    out.push(Pose::at(140.0, -150.0).faded(phase(t, 13.0, 14.0) * (1.0 - phase(t, 18.5, 19.5))));
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
        out.push(
            Pose::at_v(at.0)
                .scaled(at.1)
                .faded(if visible { 1.0 } else { 0.0 }),
        );
    }
    out.push(Pose::at(490.0, -250.0).faded(phase(t, 24.0, 25.0)));
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

    const FIRST_CELL: usize = 3 + KEYS + 5;

    #[test]
    fn keys_grow_on_one_cell_then_it_becomes_eight() {
        let keys = |t: f32| (3..3 + KEYS).filter(|&k| pose(t)[k].visible()).count();
        assert_eq!(keys(12.0), 0, "no keys before the gene is in");
        assert_eq!(keys(16.5), KEYS, "all keys by the end of that beat");
        let cells = |t: f32| {
            (FIRST_CELL..FIRST_CELL + CELLS)
                .filter(|&k| pose(t)[k].visible())
                .count()
        };
        assert_eq!(cells(18.0), 0);
        assert_eq!(cells(20.0), 2);
        assert_eq!(cells(NOMINAL), 8);
        // The daughters do not overlap at the end.
        let end = pose(NOMINAL);
        for a in FIRST_CELL..FIRST_CELL + CELLS {
            for b in a + 1..FIRST_CELL + CELLS {
                assert!(end[a].at.distance(end[b].at) > 2.0 * 0.5 * (T_CELL_R + KEY_SIZE));
            }
        }
    }
}
