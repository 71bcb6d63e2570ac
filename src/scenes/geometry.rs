//! Where a scene's shapes and labels are on screen, as convex polygons in
//! scene units, to check that no label sits under a shape or another label
//! at any moment a still or a pause can show.

use bevy::prelude::*;

use super::kind::{Object, ObjectId, Poses};
use super::kit::{self, LABEL_SIZE, OUTLINE, Part};
use super::motion::Pose;

/// The scene's own coordinate space: it is scaled to fit the band between
/// the bars, whatever the window's size and shape (see the scene camera).
pub const SCENE_SIZE: Vec2 = Vec2::new(1600.0, 640.0);

/// How visible an object must be to count.
const SEEN: f32 = 0.05;
/// Labels are checked on their glyphs' box: a little inside the line box
/// (1.2 em) Bevy lays a line out in.
const LABEL_HEIGHT: f32 = LABEL_SIZE;

/// A shape or a label where it is drawn.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The object it belongs to.
    pub object: ObjectId,
    /// The label's words, for a label.
    pub label: Option<String>,
    /// Its outline, a convex polygon in scene units.
    pub polygon: Vec<Vec2>,
}

/// Where a point of an object's own frame is drawn.
fn place(pose: &Pose, at: Vec2, angle: f32, v: Vec2) -> Vec2 {
    let local = at + Vec2::from_angle(angle).rotate(v);
    pose.at + Vec2::from_angle(pose.angle).rotate(local * pose.scale)
}

/// Every visible shape (with its outline) and label of a scene's objects.
pub fn placed(objects: &[Object], poses: &Poses) -> (Vec<Placed>, Vec<Placed>) {
    let (mut shapes, mut labels) = (vec![], vec![]);
    for object in objects {
        let Some(pose) = poses.get(object.id) else {
            continue;
        };
        if pose.alpha < SEEN {
            continue;
        }
        for part in &object.look.parts {
            match part {
                Part::Shape {
                    shape,
                    outline,
                    at,
                    angle,
                    ..
                } => {
                    let grow = if *outline { OUTLINE } else { 0.0 };
                    let polygon = kit::edge(&kit::mesh(*shape, grow))
                        .into_iter()
                        .map(|p| place(&pose, *at, *angle, Vec2::new(p[0], p[1])))
                        .collect();
                    shapes.push(Placed {
                        object: object.id,
                        label: None,
                        polygon,
                    });
                }
                Part::Label { text, at, .. } => {
                    let half = Vec2::new(
                        crate::content::text::text_ems(text) * LABEL_SIZE / 2.0,
                        LABEL_HEIGHT / 2.0,
                    );
                    let polygon = [
                        Vec2::new(-half.x, -half.y),
                        Vec2::new(half.x, -half.y),
                        half,
                        Vec2::new(-half.x, half.y),
                    ]
                    .into_iter()
                    .map(|v| place(&pose, *at, 0.0, v))
                    .collect();
                    labels.push(Placed {
                        object: object.id,
                        label: Some(text.clone()),
                        polygon,
                    });
                }
            }
        }
    }
    (shapes, labels)
}

/// The range of a polygon's points along an axis.
fn project(polygon: &[Vec2], axis: Vec2) -> (f32, f32) {
    polygon
        .iter()
        .map(|p| p.dot(axis))
        .fold((f32::MAX, f32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)))
}

/// Whether two convex polygons overlap (by more than a hair): no side of
/// either separates them.
pub fn overlap(a: &[Vec2], b: &[Vec2]) -> bool {
    for polygon in [a, b] {
        for i in 0..polygon.len() {
            let side = polygon[(i + 1) % polygon.len()] - polygon[i];
            let axis = side.perp().normalize_or_zero();
            if axis == Vec2::ZERO {
                continue;
            }
            let (a0, a1) = project(a, axis);
            let (b0, b1) = project(b, axis);
            if a1 <= b0 + 0.5 || b1 <= a0 + 0.5 {
                return false;
            }
        }
    }
    true
}

/// Whether a point is inside a convex polygon (either winding).
fn inside(p: Vec2, polygon: &[Vec2]) -> bool {
    let n = polygon.len();
    let sides: Vec<f32> = (0..n)
        .map(|i| (polygon[(i + 1) % n] - polygon[i]).perp_dot(p - polygon[i]))
        .collect();
    sides.iter().all(|s| *s >= 0.0) || sides.iter().all(|s| *s <= 0.0)
}

/// Every label that a shape crosses (a label may sit wholly on a shape, as
/// on a card or a dish, or wholly off it) or that overlaps another label.
pub fn label_clashes(objects: &[Object], poses: &Poses) -> Vec<String> {
    let (shapes, labels) = placed(objects, poses);
    let mut out = vec![];
    for (i, label) in labels.iter().enumerate() {
        let words = label.label.as_deref().unwrap_or_default();
        for shape in &shapes {
            let on_it = label.polygon.iter().all(|p| inside(*p, &shape.polygon));
            if !on_it && overlap(&label.polygon, &shape.polygon) {
                out.push(format!(
                    "\"{words}\" ({}) is crossed by {}",
                    label.object, shape.object
                ));
            }
        }
        for other in &labels[i + 1..] {
            if overlap(&label.polygon, &other.polygon) {
                let theirs = other.label.as_deref().unwrap_or_default();
                out.push(format!("\"{words}\" overlaps \"{theirs}\""));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}
