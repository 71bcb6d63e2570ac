//! Cells: T cells (with CAR or TCR keys), cancer and healthy cells with
//! their antigen locks, red and white blood cells.

use bevy::prelude::*;

use super::hla::{Piece, tcr_key};
use crate::palette;
use crate::scenes::kit::{Look, Shape};

/// A CAR "key": an orange triangle pointing outwards (+y).
pub fn key(size: f32) -> Shape {
    Shape::Triangle(size, size)
}

/// What a T cell has on its surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Nothing yet: a T cell from the blood.
    None,
    /// CAR keys: triangles that fit the triangle locks of CAR T scenes.
    Car,
    /// T-cell receptor keys whose notch fits this piece in an HLA cup (TCR
    /// therapy's MAGE-A4 triangle; a TIL's own piece).
    Tcr(Piece),
}

/// A T cell of radius `r`; with CAR keys around it when `keys` is set.
pub fn t_cell(r: f32, keys: bool) -> Look {
    t_cell_with(r, if keys { Keys::Car } else { Keys::None })
}

/// A T cell of radius `r` with these keys: 8 CAR keys, or 6 TCR keys (the
/// first pointing up, then every sixth of a turn anticlockwise).
pub fn t_cell_with(r: f32, keys: Keys) -> Look {
    let mut look = Look::new();
    let scale = r / T_CELL_R;
    match keys {
        Keys::None => {}
        Keys::Car => {
            let k = KEY_SIZE * scale;
            for i in 0..8 {
                let angle = i as f32 * std::f32::consts::TAU / 8.0;
                let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
                look = look.shape(key(k), palette::CAR, dir * (r + k * 0.45), angle);
            }
        }
        Keys::Tcr(piece) => {
            for i in 0..6 {
                let angle = i as f32 * std::f32::consts::TAU / 6.0;
                let dir = Vec2::from_angle(angle + std::f32::consts::FRAC_PI_2);
                look = look.with_turned(
                    tcr_key(piece, scale),
                    dir * (r + super::hla::KEY_REACH * scale),
                    angle,
                );
            }
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
        look = look.with_turned(
            lock_on(size, palette::CANCER),
            dir * (r - size * 0.45),
            angle + std::f32::consts::PI,
        );
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
        look = look.with_turned(
            lock_on(size, palette::HEALTHY),
            dir * (r - size * 0.45),
            angle + std::f32::consts::PI,
        );
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

/// A white blood cell of the patient's own (not a T cell): pale grey with a
/// lobed nucleus.
pub fn white_cell(r: f32) -> Look {
    let lobe = palette::darker(palette::WHITE_CELL);
    Look::new()
        .shape(Shape::Circle(r), palette::WHITE_CELL, Vec2::ZERO, 0.0)
        .plain(
            Shape::Circle(r * 0.3),
            lobe,
            Vec2::new(-r * 0.3, r * 0.1),
            0.0,
        )
        .plain(
            Shape::Circle(r * 0.3),
            lobe,
            Vec2::new(r * 0.25, r * 0.2),
            0.0,
        )
        .plain(Shape::Circle(r * 0.28), lobe, Vec2::new(0.0, -r * 0.3), 0.0)
}
