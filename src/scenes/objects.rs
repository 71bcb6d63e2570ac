//! The object library: every object of every scene (T cell, CAR key, antigen
//! lock, cancer cell, healthy cell, red blood cell, tube, bag, IV, vector,
//! DNA), built from the shape kit, outlined, in look.md's palette.

use bevy::prelude::*;

use super::kit::{Look, Shape};
use crate::palette;

/// A CAR "key": an orange triangle pointing outwards (+y).
pub fn key(size: f32) -> Shape {
    Shape::Triangle(size, size)
}

/// A T cell of radius `r`; with CAR keys around it when `keys` is set.
pub fn t_cell(r: f32, keys: bool) -> Look {
    let mut look = Look::new();
    if keys {
        let k = KEY_SIZE * r / T_CELL_R;
        for i in 0..8 {
            let angle = i as f32 * std::f32::consts::TAU / 8.0;
            let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
            look = look.shape(key(k), palette::CAR, dir * (r + k * 0.45), angle);
        }
    }
    look.shape(Shape::Circle(r), palette::T_CELL, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.45),
            palette::darker(palette::T_CELL),
            Vec2::new(-r * 0.15, r * 0.1),
            0.0,
        )
}

/// A single CAR key on its own, pointing up.
pub fn lone_key(size: f32) -> Look {
    Look::new().shape(key(size), palette::CAR, Vec2::ZERO, 0.0)
}

/// A cancer cell of radius `r` with `locks` antigen "locks" on its surface:
/// orange outlines of the key's triangle, sunk into the membrane with the
/// tip inwards, so a key fits in. The first lock is on the left (-x).
pub fn cancer_cell(r: f32, locks: usize) -> Look {
    let mut look = Look::new().shape(Shape::Circle(r), palette::CANCER, Vec2::ZERO, 0.0);
    look = look.plain(
        Shape::Circle(r * 0.4),
        palette::darker(palette::CANCER),
        Vec2::new(r * 0.15, -r * 0.1),
        0.0,
    );
    for i in 0..locks {
        let angle = std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / locks as f32;
        let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
        let size = lock_size(r);
        look = look
            .with(lock_on(size, palette::CANCER), dir * (r - size * 0.45))
            .rotate_last(angle + std::f32::consts::PI);
    }
    look
}

/// The size of a lock: its hollow is the size of a key on a T cell of radius
/// [`T_CELL_R`], so a key fits it exactly with the lock's rim around it.
pub fn lock_size(_r: f32) -> f32 {
    KEY_SIZE / LOCK_HOLLOW
}

/// The hollow of a lock, as a fraction of its size.
pub const LOCK_HOLLOW: f32 = 0.7;
/// Where the hollow's centre sits behind the lock's centre, as a fraction of
/// its size (the hollow shares the lock's incentre).
pub const HOLLOW_SHIFT: f32 = 0.191 * (1.0 - LOCK_HOLLOW);

/// Size of a CAR key (and of a lock) on a full-size T cell.
pub const KEY_SIZE: f32 = 30.0;
/// Radius of a full-size T cell.
pub const T_CELL_R: f32 = 70.0;

/// A healthy cell of radius `r`, bluish green, without locks unless asked.
/// The first lock is on the left.
pub fn healthy_cell(r: f32, locks: usize) -> Look {
    healthy_cell_turned(r, locks, 0.0)
}

/// A healthy cell whose locks are turned by `turn` radians (π puts the first
/// one on the right), while its label stays upright.
pub fn healthy_cell_turned(r: f32, locks: usize, turn: f32) -> Look {
    let mut look = Look::new().shape(Shape::Circle(r), palette::HEALTHY, Vec2::ZERO, 0.0);
    look = look.plain(
        Shape::Circle(r * 0.4),
        palette::darker(palette::HEALTHY),
        Vec2::ZERO,
        0.0,
    );
    for i in 0..locks {
        let angle =
            std::f32::consts::FRAC_PI_2 + turn + i as f32 * std::f32::consts::TAU / locks as f32;
        let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
        let size = lock_size(r);
        look = look
            .with(lock_on(size, palette::HEALTHY), dir * (r - size * 0.45))
            .rotate_last(angle + std::f32::consts::PI);
    }
    look
}

/// An antigen "lock" on a cell of colour `body`: an orange rim in the key's
/// triangle shape (the hollow shares the rim's incentre, so the rim is even).
fn lock_on(size: f32, body: Color) -> Look {
    Look::new()
        .shape(key(size), palette::CAR, Vec2::ZERO, 0.0)
        .plain(
            Shape::Triangle(size * LOCK_HOLLOW, size * LOCK_HOLLOW),
            body,
            Vec2::new(0.0, -HOLLOW_SHIFT * size),
            0.0,
        )
}

/// A red blood cell: a vermillion disc with a paler dimple.
pub fn red_cell(r: f32) -> Look {
    Look::new()
        .shape(Shape::Circle(r), palette::BLOOD, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.5),
            palette::lighter(palette::BLOOD),
            Vec2::ZERO,
            0.0,
        )
}

/// A straight tube from `a` to `b` (in the object's frame), of this width.
pub fn tube(a: Vec2, b: Vec2, width: f32, fill: Color) -> Look {
    let d = b - a;
    Look::new().shape(
        Shape::Rect(Vec2::new(d.length(), width)),
        fill,
        (a + b) / 2.0,
        d.to_angle(),
    )
}

/// A bag of cells (an infusion bag): body and port, `w` by `h`.
pub fn bag(w: f32, h: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w * 0.18, h * 0.16)),
            palette::PLASTIC,
            Vec2::new(0.0, -h * 0.56),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w, h)),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.3, h * 0.08)),
            palette::PLASTIC,
            Vec2::new(0.0, h * 0.5),
            0.0,
        )
}

/// A viral vector: a yellow capsid (dark outline) carrying a DNA strand.
pub fn vector(r: f32) -> Look {
    Look::new()
        .shape(Shape::Circle(r), palette::DNA, Vec2::ZERO, 0.0)
        .with(dna(r * 1.2), Vec2::ZERO)
}

/// A short DNA strand: a zig-zag of yellow bars with dark outlines.
pub fn dna(length: f32) -> Look {
    let mut look = Look::new();
    let n = 4;
    let step = length / n as f32;
    for i in 0..n {
        let x = -length / 2.0 + step * (i as f32 + 0.5);
        let angle = if i % 2 == 0 { 0.6 } else { -0.6 };
        look = look.shape(
            Shape::Rect(Vec2::new(step * 1.1, step * 0.35)),
            palette::DNA,
            Vec2::new(x, 0.0),
            angle,
        );
    }
    look
}

/// An arm, lying horizontally, `length` long, hand towards +x.
pub fn arm(length: f32) -> Look {
    Look::new().shape(
        Shape::Capsule(55.0, length),
        palette::SKIN,
        Vec2::ZERO,
        std::f32::consts::FRAC_PI_2,
    )
}

/// A check mark in bluish green, `size` across: a short stroke down to the
/// corner, a long one up.
pub fn check_mark(size: f32) -> Look {
    let corner = Vec2::new(-0.1, -0.3) * size;
    let width = size * 0.16;
    tube(
        Vec2::new(-0.45, 0.0) * size,
        corner,
        width,
        palette::HEALTHY,
    )
    .with(
        tube(corner, Vec2::new(0.45, 0.4) * size, width, palette::HEALTHY),
        Vec2::ZERO,
    )
}

/// A label alone.
pub fn text(words: &str) -> Look {
    Look::new().label(words, Vec2::ZERO)
}

/// A label alone that sits over a light object.
pub fn text_on(words: &str) -> Look {
    Look::new().label_on(words, Vec2::ZERO)
}
