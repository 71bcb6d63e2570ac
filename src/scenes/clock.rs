//! The scene's own clock. A scene is drawn for its nominal length; a stage
//! of another length, with beats at other times, plays it through a warp:
//! piecewise linear and never going back, so that every moment a beat pins
//! itself to is on screen at that beat's key time, under its caption.

use super::kind::SceneKind;
use crate::content::story::Stage;

/// The points the warp passes through: (stage time, scene time), the start,
/// each pinned beat's key time at its moment, and the end.
pub fn anchors(kind: &SceneKind, stage: &Stage) -> Vec<(f32, f32)> {
    let mut out = vec![(0.0, 0.0)];
    for (i, beat) in stage.beats.iter().enumerate() {
        let Some(moment) = beat.moment.as_deref().and_then(|m| kind.moment(m)) else {
            continue;
        };
        let at = stage.key_time(i);
        let (last_t, last_s) = *out.last().expect("starts with one");
        // A valid story has its pinned beats and moments in order; anything
        // else is skipped rather than let the clock run backwards.
        if at > last_t && at < stage.duration && moment.at >= last_s && moment.at <= kind.nominal {
            out.push((at, moment.at));
        }
    }
    out.push((stage.duration, kind.nominal));
    out
}

/// The scene's time at stage-local time `t` (clamped to the stage).
pub fn scene_time(kind: &SceneKind, stage: &Stage, t: f32) -> f32 {
    if stage.duration.is_nan() || stage.duration <= 0.0 {
        return 0.0;
    }
    let t = t.clamp(0.0, stage.duration);
    let points = anchors(kind, stage);
    for pair in points.windows(2) {
        let ((t0, s0), (t1, s1)) = (pair[0], pair[1]);
        // At an anchor exactly (a still, a reduced-motion pose), its moment
        // exactly.
        if t >= t1 {
            if t == t1 {
                return s1;
            }
            continue;
        }
        let slope = (s1 - s0) / (t1 - t0);
        return s0 + (t - t0) * slope;
    }
    kind.nominal
}
