//! Lock and key: a CAR T cell passes a healthy cell (no CD19 lock), binds a
//! cancer cell whose CD19 locks its keys fit, and the cancer cell breaks
//! apart; it kills a second one, divides, and the daughters hunt on. A
//! healthy B cell, which carries CD19 too, is hit as well.

use std::f32::consts::PI;

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{
    HOLLOW_SHIFT, KEY_SIZE, T_CELL_R, cancer_cell, healthy_cell, healthy_cell_turned, lock_size,
    t_cell, text,
};
use crate::palette;

/// The lock-and-key scene.
pub const KIND: SceneKind = SceneKind {
    name: "binding",
    nominal: NOMINAL,
    // No cuts: everything moves continuously.
    cuts: &[],
    moments: &[
        moment("locks-shown", 3.6),
        moment("passes-healthy", 9.6),
        moment("docked", 14.5),
        moment("first-kill", 16.2),
        moment("docked-again", 22.6),
        moment("divided", 28.6),
        moment("b-cell-docked", 35.2),
        moment("b-cells-back", 37.4),
    ],
    objects,
    pose,
};

/// Seconds the scene is drawn for.
const NOMINAL: f32 = 38.0;

const FRAGMENTS: usize = 6;

/// Distance from a T cell's centre to the centre of one of its keys.
const KEY_REACH: f32 = T_CELL_R + KEY_SIZE * 0.45;

/// How far from a cell's centre (radius `r`) the hollow of a lock is: a key's
/// centre goes there.
fn hollow_reach(r: f32) -> f32 {
    let size = lock_size(r);
    r - size * 0.45 + HOLLOW_SHIFT * size
}

/// Where a full-size T cell sits when its key is in the lock on the left of
/// a cell of radius `r` at `cell`.
fn dock_left(cell: Vec2, r: f32) -> Vec2 {
    Vec2::new(cell.x - hollow_reach(r) - KEY_REACH, cell.y)
}

/// The same, for a lock on the right of the cell.
fn dock_right(cell: Vec2, r: f32) -> Vec2 {
    Vec2::new(cell.x + hollow_reach(r) + KEY_REACH, cell.y)
}

const HEALTHY: Vec2 = Vec2::new(-170.0, 165.0);
const CANCER_A: Vec2 = Vec2::new(330.0, -40.0);
const CANCER_B: Vec2 = Vec2::new(610.0, 165.0);
const CANCER_C: Vec2 = Vec2::new(640.0, -205.0);
const B_CELL: Vec2 = Vec2::new(-450.0, -150.0);
const R_A: f32 = 120.0;
const R_SMALL: f32 = 90.0;

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let mut out = vec![
        Object::new(
            "healthy-cell",
            healthy_cell(80.0, 0).label("Healthy cell: no CD19", Vec2::new(0.0, 115.0)),
        ),
        Object::new(
            "b-cell",
            healthy_cell_turned(75.0, 4, PI)
                .label("B cell: has CD19 too", Vec2::new(-90.0, -130.0)),
        ),
        Object::new(
            "cancer-a",
            cancer_cell(R_A, 5).label("Cancer cell", Vec2::new(60.0, -165.0)),
        ),
        Object::new("cancer-b", cancer_cell(R_SMALL, 4)),
        Object::new("cancer-c", cancer_cell(R_SMALL, 4)),
    ];
    let fragment = || Look::new().shape(Shape::Circle(26.0), palette::CANCER, Vec2::ZERO, 0.0);
    for group in ["fragment-a", "fragment-b"] {
        out.extend((1..=FRAGMENTS).map(|k| Object::nth(group, k, fragment())));
    }
    out.push(Object::new("hunter", t_cell(T_CELL_R, true)));
    out.push(Object::nth("daughter", 1, t_cell(T_CELL_R, true)));
    out.push(Object::nth("daughter", 2, t_cell(T_CELL_R, true)));
    out.push(Object::new("key-label", text("CAR (key)")));
    out.push(Object::new("lock-label", text("CD19 (lock)")));
    out.push(Object::new("binds-label", text("Key fits lock: it binds")));
    out.push(Object::new("car-t-label", text("CAR T cell")));
    out
}

/// The first CAR T cell's path: past the healthy cell, into cancer cell A,
/// then into cancer cell B, where it stays and divides.
fn hunter(t: f32) -> Vec2 {
    let start = Vec2::new(-600.0, -40.0);
    let near_healthy = Vec2::new(-380.0, 50.0);
    let dock_a = dock_left(CANCER_A, R_A);
    let dock_b = dock_left(CANCER_B, R_SMALL);
    if t < 10.0 {
        let path = [start, Vec2::new(-480.0, 20.0), near_healthy];
        along(&path, phase(t, 5.5, 9.0))
    } else if t < 18.0 {
        let path = [near_healthy, Vec2::new(-120.0, -60.0), dock_a];
        along(&path, phase(t, 10.0, 13.5))
    } else {
        let path = [dock_a, Vec2::new(250.0, 150.0), dock_b];
        along(&path, phase(t, 19.0, 22.0))
    }
}

/// Pose of cancer cell at `at` killed from `from` s: it holds, then shrinks
/// and fades while its fragments fly apart.
fn dying(at: Vec2, from: f32, t: f32) -> Pose {
    let p = phase(t, from, from + 1.2);
    Pose::at_v(at).scaled(1.0 - 0.3 * p).faded(1.0 - p)
}

fn fragments(out: &mut Poses, group: &'static str, at: Vec2, r: f32, from: f32, t: f32) {
    for k in 0..FRAGMENTS {
        let dir = Vec2::from_angle(k as f32 * std::f32::consts::TAU / FRAGMENTS as f32 + 0.3);
        let p = phase(t, from, from + 2.5);
        let shown = if t >= from {
            1.0 - phase(t, from + 1.8, from + 2.8)
        } else {
            0.0
        };
        out.set_nth(
            group,
            k + 1,
            Pose::at_v(at + dir * (r * 0.45 + r * p))
                .scaled(1.0 - 0.4 * p)
                .faded(shown),
        );
    }
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let h = hunter(t);
    let dock_c = dock_left(CANCER_C, R_SMALL);
    // The B cell's first lock faces right, towards the T cell.
    let dock_bcell = dock_right(B_CELL, 75.0);
    let bcell_hit = phase(t, 35.5, 37.0);
    let mut out = Poses::new();
    out.set("healthy-cell", Pose::at_v(HEALTHY));
    out.set(
        "b-cell",
        Pose::at_v(B_CELL)
            .scaled(1.0 - 0.15 * bcell_hit)
            .faded(phase(t, 30.5, 31.5) * (1.0 - 0.75 * bcell_hit)),
    );
    out.set("cancer-a", dying(CANCER_A, 15.5, t));
    out.set("cancer-b", dying(CANCER_B, 23.0, t));
    out.set("cancer-c", Pose::at_v(CANCER_C).faded(phase(t, 25.0, 26.0)));
    fragments(&mut out, "fragment-a", CANCER_A, R_A, 15.5, t);
    fragments(&mut out, "fragment-b", CANCER_B, R_SMALL, 23.0, t);
    out.set("hunter", Pose::at_v(h));
    // Division: daughter 1 splits off (25.5-27) and hunts cancer cell C;
    // daughter 2 splits off (27.5-29) and goes to the healthy B cell.
    let d1 = if t < 28.0 {
        h.lerp(h + Vec2::new(-60.0, -170.0), phase(t, 25.5, 27.0))
    } else {
        (h + Vec2::new(-60.0, -170.0)).lerp(dock_c, phase(t, 28.0, 31.0))
    };
    out.set_nth(
        "daughter",
        1,
        Pose::at_v(d1).faded(if t >= 25.5 { 1.0 } else { 0.0 }),
    );
    let parked = h + Vec2::new(-200.0, -10.0);
    let d2 = if t < 31.0 {
        h.lerp(parked, phase(t, 27.5, 29.0))
    } else {
        let path = [parked, Vec2::new(-90.0, -200.0), dock_bcell];
        along(&path, phase(t, 31.0, 35.0))
    };
    out.set_nth(
        "daughter",
        2,
        Pose::at_v(d2).faded(if t >= 27.5 { 1.0 } else { 0.0 }),
    );
    // Labels for key, lock and binding.
    let key_label = phase(t, 0.5, 1.5) * (1.0 - phase(t, 10.0, 11.0));
    out.set(
        "key-label",
        Pose::at_v(h + Vec2::new(0.0, 140.0)).faded(key_label),
    );
    // The lock's label gives way to the binding's, in the same spot.
    let label_spot = Vec2::new(CANCER_A.x - 80.0, CANCER_A.y + 170.0);
    out.set(
        "lock-label",
        Pose::at_v(label_spot).faded(phase(t, 1.0, 2.0) * (1.0 - phase(t, 12.0, 12.8))),
    );
    out.set(
        "binds-label",
        Pose::at_v(label_spot).faded(phase(t, 13.2, 14.0) * (1.0 - phase(t, 17.5, 18.5))),
    );
    out.set(
        "car-t-label",
        Pose::at_v(h + Vec2::new(0.0, -140.0)).faded(1.0 - phase(t, 24.0, 25.0)),
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
    fn the_hunter_passes_the_healthy_cell_and_docks_key_in_lock() {
        // It never touches the healthy cell without a lock.
        for i in 0..=380 {
            let t = i as f32 * 0.1;
            let d = pose(t).of("hunter").at.distance(HEALTHY);
            assert!(d > 80.0 + T_CELL_R, "touches the healthy cell at {t} s");
        }
        // Docked in cancer cell A's lock at the moment "docked".
        let docked = pose(at("docked"));
        assert!(docked.of("hunter").at.distance(dock_left(CANCER_A, R_A)) < 0.5);
        assert!(pose(14.5).of("cancer-a").visible());
        // A has broken apart before the next beat; its fragments are gone too.
        assert!(!pose(18.9).of("cancer-a").visible());
        assert!(pose(16.5).nth_of("fragment-a", 1).visible());
        assert!(!pose(19.0).nth_of("fragment-a", 1).visible());
        // Then cancer cell B.
        let again = pose(at("docked-again"));
        assert!(again.of("hunter").at.distance(dock_left(CANCER_B, R_SMALL)) < 0.5);
        assert!(again.of("cancer-b").visible());
        assert!(!pose(24.9).of("cancer-b").visible());
    }

    #[test]
    fn daughters_hunt_on_and_the_b_cell_with_the_lock_is_hit() {
        let end = pose(NOMINAL);
        assert!(end.nth_of("daughter", 1).visible() && end.nth_of("daughter", 2).visible());
        let docked = pose(at("b-cell-docked")).nth_of("daughter", 2).at;
        assert!(docked.distance(dock_right(B_CELL, 75.0)) < 0.5);
        assert!(
            end.of("b-cell").alpha < 0.5,
            "the B cell with the lock is destroyed"
        );
        assert!(
            !pose(25.0).nth_of("daughter", 1).visible(),
            "no daughter before dividing"
        );
        assert!(pose(at("divided")).nth_of("daughter", 2).visible());
    }
}
