//! Props: tubes, bags, arms, the viral vector and DNA, lab glass, marks
//! (check, cross, warning), people icons, cards and labels on their own.
//! (Hospital and home things are in `care.rs`.)

use bevy::prelude::*;

use crate::palette;
use crate::scenes::kit::{Look, Shape};

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

/// A cross in vermillion, `size` across: "not this".
pub fn cross_mark(size: f32) -> Look {
    let width = size * 0.16;
    let h = size * 0.45;
    tube(Vec2::new(-h, -h), Vec2::new(h, h), width, palette::ALERT).with(
        tube(Vec2::new(-h, h), Vec2::new(h, -h), width, palette::ALERT),
        Vec2::ZERO,
    )
}

/// A lab flask: a round body and a neck, `size` tall, filled with pale
/// broth.
pub fn flask(size: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(size * 0.28, size * 0.4)),
            palette::PLASTIC,
            Vec2::new(0.0, size * 0.3),
            0.0,
        )
        .shape(
            Shape::Circle(size * 0.36),
            palette::PLASTIC,
            Vec2::new(0.0, -size * 0.14),
            0.0,
        )
        .plain(
            Shape::Circle(size * 0.3),
            palette::PALE,
            Vec2::new(0.0, -size * 0.16),
            0.0,
        )
}

/// A surgeon's scalpel, pointing down-left: a grey blade on a handle.
pub fn scalpel(length: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::new(length * 0.6, length * 0.1)),
            palette::darker(palette::METAL),
            Vec2::new(length * 0.2, 0.0),
            0.0,
        )
        .shape(
            Shape::Triangle(length * 0.12, length * 0.4),
            palette::METAL,
            Vec2::new(-length * 0.28, 0.0),
            std::f32::consts::FRAC_PI_2,
        )
}

/// A test tube of blood, upright.
pub fn test_tube(h: f32) -> Look {
    Look::new()
        .shape(
            Shape::Capsule(h * 0.12, h * 0.76),
            palette::PLASTIC,
            Vec2::ZERO,
            0.0,
        )
        .plain(
            Shape::Capsule(h * 0.09, h * 0.4),
            palette::BLOOD,
            Vec2::new(0.0, -h * 0.18),
            0.0,
        )
}

/// A person, as an icon: a head and shoulders, in `fill`.
pub fn person(h: f32, fill: Color) -> Look {
    Look::new()
        .shape(
            Shape::Capsule(h * 0.22, h * 0.2),
            fill,
            Vec2::new(0.0, -h * 0.22),
            0.0,
        )
        .shape(Shape::Circle(h * 0.2), fill, Vec2::new(0.0, h * 0.28), 0.0)
}

/// IL-2, a signal that makes T cells multiply, drawn as a small yellow
/// spark: two crossed diamonds.
pub fn spark(size: f32) -> Look {
    Look::new()
        .shape(
            Shape::Rect(Vec2::splat(size * 0.5)),
            palette::DNA,
            Vec2::ZERO,
            std::f32::consts::FRAC_PI_4,
        )
        .plain(
            Shape::Rect(Vec2::new(size, size * 0.16)),
            palette::DNA,
            Vec2::ZERO,
            0.0,
        )
        .plain(
            Shape::Rect(Vec2::new(size * 0.16, size)),
            palette::DNA,
            Vec2::ZERO,
            0.0,
        )
}

/// A warning sign: a vermillion triangle with an exclamation mark.
pub fn warning(size: f32) -> Look {
    Look::new()
        .shape(
            Shape::Triangle(size, size * 0.88),
            palette::ALERT,
            Vec2::ZERO,
            0.0,
        )
        .plain(
            Shape::Rect(Vec2::new(size * 0.09, size * 0.3)),
            palette::INK,
            Vec2::new(0.0, -size * 0.02),
            0.0,
        )
        .plain(
            Shape::Circle(size * 0.055),
            palette::INK,
            Vec2::new(0.0, -size * 0.27),
            0.0,
        )
}

/// A white card, `w` by `h`, for words (a label, an ID, a result).
pub fn card(w: f32, h: f32) -> Look {
    Look::new().shape(
        Shape::Rect(Vec2::new(w, h)),
        palette::PLASTIC,
        Vec2::ZERO,
        0.0,
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
