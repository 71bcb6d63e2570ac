//! Pose maths: where an object is ([`Pose`]) and the easing, paths and
//! flows that scenes build their pure functions of time from.

use bevy::prelude::*;

/// Where an object is at one moment: position in scene units, scale,
/// rotation and opacity (0 hides it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    /// Centre in scene units.
    pub at: Vec2,
    /// Scale along x and y.
    pub scale: Vec2,
    /// Rotation in radians.
    pub angle: f32,
    /// Opacity from 0 (hidden) to 1.
    pub alpha: f32,
}

impl Pose {
    /// Fully visible at a point, unscaled.
    pub fn at(x: f32, y: f32) -> Pose {
        Pose {
            at: Vec2::new(x, y),
            scale: Vec2::ONE,
            angle: 0.0,
            alpha: 1.0,
        }
    }

    /// Fully visible at a point.
    pub fn at_v(at: Vec2) -> Pose {
        Pose::at(at.x, at.y)
    }

    /// Scaled uniformly.
    pub fn scaled(mut self, s: f32) -> Pose {
        self.scale = Vec2::splat(s);
        self
    }

    /// Scaled along each axis.
    pub fn stretched(mut self, x: f32, y: f32) -> Pose {
        self.scale = Vec2::new(x, y);
        self
    }

    /// Rotated.
    pub fn turned(mut self, angle: f32) -> Pose {
        self.angle = angle;
        self
    }

    /// With this opacity (clamped to 0..1).
    pub fn faded(mut self, alpha: f32) -> Pose {
        self.alpha = alpha.clamp(0.0, 1.0);
        self
    }

    /// Whether it is drawn.
    pub fn visible(&self) -> bool {
        self.alpha > 0.0
    }
}

/// Smooth ease in and out of a value from 0 to 1.
pub fn ease(x: f32) -> f32 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

/// Eased progress through the interval `from..to` at time `t` (0 before, 1 after).
pub fn phase(t: f32, from: f32, to: f32) -> f32 {
    ease((t - from) / (to - from))
}

/// Position along a polyline at fraction `f` of its length.
pub fn along(path: &[Vec2], f: f32) -> Vec2 {
    let mut left = f.clamp(0.0, 1.0) * path_length(path);
    for w in path.windows(2) {
        let length = w[0].distance(w[1]);
        if left <= length && length > 0.0 {
            return w[0].lerp(w[1], left / length);
        }
        left -= length;
    }
    path.last().copied().unwrap_or(Vec2::ZERO)
}

/// Length of a polyline.
pub fn path_length(path: &[Vec2]) -> f32 {
    path.windows(2).map(|w| w[0].distance(w[1])).sum()
}

/// Fraction along a path of `length` units for item `i` of `n` evenly spaced
/// items flowing at `speed` units per second, at time `t`: a pure function of
/// time that wraps around.
pub fn flow(t: f32, i: usize, n: usize, speed: f32, length: f32) -> f32 {
    (t * speed / length + i as f32 / n as f32).rem_euclid(1.0)
}

/// Opacity of something flowing along a path at fraction `f`: fades in over
/// the first `edge` and out over the last, and is fully hidden in the tenth of
/// that nearest the ends, so the wrap-around from end to start is never seen.
pub fn flow_alpha(f: f32, edge: f32) -> f32 {
    ((f.min(1.0 - f) - 0.1 * edge) / (0.9 * edge)).clamp(0.0, 1.0)
}
