//! Where care happens: a hospital, its bed, monitor and thermometer, and
//! home and the car that brings a patient back.

use bevy::prelude::*;

use crate::palette;
use crate::scenes::kit::{Look, Shape};

/// A bedside monitor: a dark screen with a heartbeat trace.
pub fn monitor(w: f32, h: f32) -> Look {
    let mut look = Look::new()
        .shape(
            Shape::Rect(Vec2::new(w, h)),
            palette::METAL,
            Vec2::ZERO,
            0.0,
        )
        .plain(
            Shape::Rect(Vec2::new(w * 0.86, h * 0.7)),
            palette::INK,
            Vec2::new(0.0, h * 0.05),
            0.0,
        );
    // A heartbeat: flat, a spike up, a dip, flat.
    let line = palette::HEALTHY;
    let y = h * 0.02;
    let points = [
        Vec2::new(-w * 0.38, y),
        Vec2::new(-w * 0.08, y),
        Vec2::new(0.0, y + h * 0.24),
        Vec2::new(w * 0.06, y - h * 0.14),
        Vec2::new(w * 0.12, y),
        Vec2::new(w * 0.38, y),
    ];
    for pair in points.windows(2) {
        let d = pair[1] - pair[0];
        look = look.plain(
            Shape::Rect(Vec2::new(d.length() + h * 0.03, h * 0.04)),
            line,
            (pair[0] + pair[1]) / 2.0,
            d.to_angle(),
        );
    }
    look
}

/// A thermometer, upright: a white tube, a vermillion bulb. Its column is a
/// separate object, so a scene can make it rise.
pub fn thermometer(h: f32) -> Look {
    Look::new()
        .shape(
            Shape::Capsule(h * 0.07, h * 0.8),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .shape(
            Shape::Circle(h * 0.13),
            palette::ALERT,
            Vec2::new(0.0, -h * 0.45),
            0.0,
        )
}

/// A hospital bed with a patient under a blanket, head to the left.
pub fn bed(w: f32) -> Look {
    let h = w * 0.3;
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w * 0.06, h * 1.1)),
            palette::METAL,
            Vec2::new(-w * 0.47, -h * 0.1),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w, h * 0.3)),
            palette::METAL,
            Vec2::new(0.0, -h * 0.35),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.2, h * 0.25)),
            palette::PLASTIC,
            Vec2::new(-w * 0.34, -h * 0.08),
            0.0,
        )
        .shape(
            Shape::Circle(h * 0.22),
            palette::SKIN,
            Vec2::new(-w * 0.3, h * 0.18),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.7, h * 0.3)),
            palette::COLD,
            Vec2::new(w * 0.12, -h * 0.05),
            0.0,
        )
}

/// A building with a pitched roof and a green cross: a hospital.
pub fn hospital(w: f32) -> Look {
    let h = w * 0.8;
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w, h)),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .shape(
            Shape::Triangle(w * 1.2, h * 0.4),
            palette::METAL,
            Vec2::new(0.0, h * 0.7),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.25, w * 0.08)),
            palette::HEALTHY,
            Vec2::new(0.0, h * 0.12),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.08, w * 0.25)),
            palette::HEALTHY,
            Vec2::new(0.0, h * 0.12),
            0.0,
        )
}

/// A small house: walls, a roof and a door.
pub fn house(w: f32) -> Look {
    let h = w * 0.7;
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w, h)),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .shape(
            Shape::Triangle(w * 1.2, h * 0.5),
            palette::METAL,
            Vec2::new(0.0, h * 0.75),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w * 0.22, h * 0.45)),
            palette::darker(palette::METAL),
            Vec2::new(0.0, -h * 0.275),
            0.0,
        )
}

/// A car, side on: a body, a cabin and two wheels.
pub fn car(w: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(w * 0.55, w * 0.22)),
            palette::lighter(palette::T_CELL),
            Vec2::new(-w * 0.05, w * 0.2),
            0.0,
        )
        .shape(
            Shape::Rect(Vec2::new(w, w * 0.25)),
            palette::T_CELL,
            Vec2::ZERO,
            0.0,
        )
        .shape(
            Shape::Circle(w * 0.11),
            palette::INK,
            Vec2::new(-w * 0.3, -w * 0.14),
            0.0,
        )
        .shape(
            Shape::Circle(w * 0.11),
            palette::INK,
            Vec2::new(w * 0.3, -w * 0.14),
            0.0,
        )
}
