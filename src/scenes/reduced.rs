//! Reduced motion: nothing moves. Each beat shows one key pose (its pinned
//! moment, or 60% of the way through it); when the caption changes, objects
//! that stay put cross-fade and objects that change place fade out, wait a
//! moment, and fade in at their new place.

use super::clock::scene_time;
use super::kind::{Poses, SceneKind};
use super::motion::Pose;
use crate::content::story::Stage;

/// How long reduced motion takes to change from one key pose to the next,
/// in seconds, starting when the beat (and its caption) changes.
pub const CHANGE_SECONDS: f32 = 1.2;

/// Every object's pose at stage-local time `t` of `stage`, as it moves.
pub fn poses(kind: &SceneKind, stage: &Stage, t: f32) -> Poses {
    (kind.pose)(scene_time(kind, stage, t))
}

/// Whether two poses put an object in the same place, size and turn.
fn same_place(a: &Pose, b: &Pose) -> bool {
    a.at.distance(b.at) < 0.01
        && a.scale.distance(b.scale) < 1e-4
        && (a.angle - b.angle).abs() < 1e-4
}

/// Every object's pose at time `t` with reduced motion (see the module).
pub fn reduced_poses(kind: &SceneKind, stage: &Stage, t: f32) -> Poses {
    let i = stage.beat_index_at(t).unwrap_or(0);
    let now = poses(kind, stage, stage.key_time(i));
    let start = stage.beats.get(i).map_or(0.0, |b| b.at);
    let u = (t - start) / CHANGE_SECONDS;
    if i == 0 || !(0.0..1.0).contains(&u) {
        return now;
    }
    let before = poses(kind, stage, stage.key_time(i - 1));
    now.map(|id, b| {
        let Some(a) = before.get(id) else {
            return b;
        };
        if same_place(&a, &b) {
            b.faded(a.alpha + (b.alpha - a.alpha) * u)
        } else if u < 0.4 {
            a.faded(a.alpha * (1.0 - u / 0.4))
        } else if u > 0.6 {
            b.faded(b.alpha * (u - 0.6) / 0.4)
        } else {
            b.faded(0.0)
        }
    })
}

/// The poses drawn now: moving, or with reduced motion only key poses.
pub fn poses_now(kind: &SceneKind, stage: &Stage, t: f32, reduced_motion: bool) -> Poses {
    if reduced_motion {
        reduced_poses(kind, stage, t)
    } else {
        poses(kind, stage, t)
    }
}
