//! TCR therapy's lock and key: a TCR T cell passes a healthy cell whose HLA
//! cups hold other pieces (no fit), reaches a cancer cell whose cups hold the
//! MAGE-A4 piece, docks on one and the cancer cell breaks apart; then the
//! care team watches closely for side effects.

use std::f32::consts::{FRAC_PI_2, PI, TAU};

use bevy::prelude::*;

use super::kind::{Object, Poses, SceneKind, moment};
use super::kit::{Look, Shape};
use super::motion::{Pose, along, phase};
use super::objects::{Keys, Piece, cell_with_cups, docked_distance, t_cell_with, text, warning};
use crate::palette;

/// The TCR lock-and-key scene.
pub const KIND: SceneKind = SceneKind {
    name: "tcr-binding",
    nominal: 32.0,
    cuts: &[],
    moments: &[
        moment("passes-healthy", 4.8),
        moment("mistaken-fit", 8.0),
        moment("no-lock-elsewhere", 12.8),
        moment("docked", 20.8),
        moment("cancer-gone", 28.8),
    ],
    objects,
    pose,
};

const HEALTHY: Vec2 = Vec2::new(-250.0, 150.0);
const HEALTHY_R: f32 = 85.0;
const CANCER: Vec2 = Vec2::new(320.0, -40.0);
const CANCER_R: f32 = 120.0;
const T_R: f32 = 70.0;
const FRAGMENTS: usize = 6;
/// The T cell's turn that puts one key facing right (+x).
const TURN: f32 = PI / 6.0;

fn docked() -> Vec2 {
    CANCER - Vec2::X * docked_distance(T_R, CANCER_R)
}

/// The T cell's path: past the healthy cell, onto the cancer cell's cup
/// that faces left, then on.
fn hunter(t: f32) -> Vec2 {
    let start = Vec2::new(-650.0, -60.0);
    let near = Vec2::new(-330.0, -100.0);
    let on = Vec2::new(300.0, 210.0);
    if t < 8.0 {
        start.lerp(near, phase(t, 1.0, 4.0))
    } else if t < 24.0 {
        let path = [near, Vec2::new(-120.0, -80.0), docked()];
        along(&path, phase(t, 8.5, 16.0))
    } else {
        docked().lerp(on, phase(t, 24.0, 27.0))
    }
}

/// The objects, in drawing order.
fn objects() -> Vec<Object> {
    let other = [Piece::Square, Piece::Bar, Piece::Square, Piece::Bar];
    // The T cell is drawn first: docked, the piece shows in its key's notch.
    let mut out = vec![
        Object::new("t-cell", t_cell_with(T_R, Keys::Tcr(Piece::Triangle))),
        Object::new(
            "healthy",
            cell_with_cups(HEALTHY_R, palette::HEALTHY, &other, 0.0)
                .label("Healthy cell: other pieces", Vec2::new(0.0, 150.0)),
        ),
        Object::new(
            "cancer",
            cell_with_cups(CANCER_R, palette::CANCER, &[Piece::Triangle; 5], FRAC_PI_2)
                .label("Cancer cell: MAGE-A4 piece", Vec2::new(0.0, -190.0)),
        ),
    ];
    let fragment = || Look::new().shape(Shape::Circle(26.0), palette::CANCER, Vec2::ZERO, 0.0);
    out.extend((1..=FRAGMENTS).map(|k| Object::nth("fragment", k, fragment())));
    out.push(Object::new("t-cell-label", text("TCR T cell")));
    out.push(Object::new("fits-label", text("Key fits: attack")));
    out.push(Object::new(
        "watch",
        warning(110.0).label("Watched closely", Vec2::new(0.0, -90.0)),
    ));
    out
}

/// Every object's pose at scene time `t` (seconds).
fn pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("healthy", Pose::at_v(HEALTHY));
    let dying = phase(t, 21.5, 22.7);
    out.set(
        "cancer",
        Pose::at_v(CANCER)
            .scaled(1.0 - 0.3 * dying)
            .faded(1.0 - dying),
    );
    for k in 0..FRAGMENTS {
        let dir = Vec2::from_angle(k as f32 * TAU / FRAGMENTS as f32 + 0.3);
        let p = phase(t, 21.5, 24.0);
        let shown = if t >= 21.5 {
            1.0 - phase(t, 23.3, 24.3)
        } else {
            0.0
        };
        out.set_nth(
            "fragment",
            k + 1,
            Pose::at_v(CANCER + dir * (CANCER_R * 0.45 + CANCER_R * p))
                .scaled(1.0 - 0.4 * p)
                .faded(shown),
        );
    }
    let h = hunter(t);
    out.set("t-cell", Pose::at_v(h).turned(TURN));
    out.set("t-cell-label", Pose::at_v(h + Vec2::new(0.0, -150.0)));
    out.set(
        "fits-label",
        Pose::at(130.0, 190.0).faded(phase(t, 16.0, 17.0) * (1.0 - phase(t, 23.0, 24.0))),
    );
    out.set("watch", Pose::at(600.0, 190.0).faded(phase(t, 25.0, 26.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str) -> f32 {
        KIND.moment(name).expect("moment").at
    }

    #[test]
    fn the_key_passes_other_pieces_and_docks_on_the_mage_a4_piece() {
        // Never near enough to the healthy cell to touch its cups.
        for i in 0..=320 {
            let t = i as f32 * 0.1;
            assert!(
                hunter(t).distance(HEALTHY) > HEALTHY_R + T_R + 70.0,
                "at {t} s"
            );
        }
        let docked_now = pose(at("docked"));
        assert!(docked_now.of("t-cell").at.distance(docked()) < 0.5);
        assert!(
            docked_now.of("cancer").alpha > 0.99,
            "the cell is still whole"
        );
        // One key of the turned cell faces the cup on the cancer cell's left.
        let key = Vec2::from_angle(TURN + 4.0 * TAU / 6.0 + FRAC_PI_2);
        assert!((key - Vec2::X).length() < 1e-3);
        let gone = pose(at("cancer-gone"));
        assert!(!gone.of("cancer").visible() && gone.of("watch").alpha > 0.99);
    }
}
