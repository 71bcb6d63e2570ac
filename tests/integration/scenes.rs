//! Scene pose functions: pure, continuous, inside the scene, no flashing.

use bevy::mesh::{Indices, VertexAttributeValues};
use bevy::prelude::*;
use car_t_sim::scenes::{
    Pose, SCENE_KINDS, SCENE_SIZE, Shape, cuts, look, looks, nominal_duration, poses,
};

const STEP: f32 = 1.0 / 60.0;
/// Nothing crosses the 1600-unit-wide scene in under two seconds (look.md);
/// this bound is half that speed.
const MAX_SPEED: f32 = 400.0;
/// How far from the scene's edge an object's centre may go.
const MARGIN: f32 = 10.0;

fn samples(kind: &str) -> impl Iterator<Item = f32> {
    let d = nominal_duration(kind);
    (0..=(d / STEP) as usize).map(move |i| (i as f32 * STEP).min(d))
}

fn near_cut(kind: &str, t: f32) -> bool {
    cuts(kind).iter().any(|c| (t - c).abs() <= STEP)
}

#[test]
fn every_scene_poses_every_object() {
    for kind in SCENE_KINDS {
        let n = looks(kind).len();
        assert!(n >= 5, "{kind} has only {n} objects");
        for t in samples(kind) {
            assert_eq!(
                poses(kind, t, nominal_duration(kind)).len(),
                n,
                "{kind} at {t}"
            );
        }
    }
}

#[test]
fn the_same_time_gives_the_same_pose_whatever_came_before() {
    for kind in SCENE_KINDS {
        let d = nominal_duration(kind);
        let forward: Vec<Vec<Pose>> = samples(kind)
            .step_by(17)
            .map(|t| poses(kind, t, d))
            .collect();
        // Backwards, as when seeking back.
        let mut backward: Vec<Vec<Pose>> = samples(kind)
            .step_by(17)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(|t| poses(kind, t, d))
            .collect();
        backward.reverse();
        assert_eq!(forward, backward, "{kind}");
    }
}

#[test]
fn a_stage_of_another_length_keeps_its_key_moments() {
    for kind in SCENE_KINDS {
        let d = nominal_duration(kind);
        for f in [0.0, 0.25, 0.5, 0.9, 1.0] {
            assert_eq!(
                poses(kind, f * d, d),
                poses(kind, f * 2.0 * d, 2.0 * d),
                "{kind} at {f}"
            );
        }
    }
}

#[test]
fn visible_objects_never_jump() {
    for kind in SCENE_KINDS {
        let d = nominal_duration(kind);
        let mut previous = poses(kind, 0.0, d);
        for t in samples(kind).skip(1) {
            let now = poses(kind, t, d);
            if !near_cut(kind, t) {
                for (i, (a, b)) in previous.iter().zip(&now).enumerate() {
                    if a.visible() && b.visible() {
                        let speed = a.at.distance(b.at) / STEP;
                        assert!(
                            speed <= MAX_SPEED,
                            "{kind}: object {i} moves at {speed:.0} units/s at {t:.2} s"
                        );
                    }
                }
            }
            previous = now;
        }
    }
}

#[test]
fn visible_objects_stay_inside_the_scene() {
    let half = SCENE_SIZE / 2.0 - MARGIN;
    for kind in SCENE_KINDS {
        let d = nominal_duration(kind);
        for t in samples(kind).step_by(5) {
            for (i, p) in poses(kind, t, d).iter().enumerate() {
                if p.visible() {
                    assert!(
                        p.at.x.abs() <= half.x && p.at.y.abs() <= half.y,
                        "{kind}: object {i} at {} (t = {t:.2} s)",
                        p.at
                    );
                }
            }
        }
    }
}

#[test]
fn nothing_flashes_more_than_three_times_a_second() {
    for kind in SCENE_KINDS {
        let d = nominal_duration(kind);
        let series: Vec<Vec<Pose>> = samples(kind).map(|t| poses(kind, t, d)).collect();
        let per_second = (1.0 / STEP) as usize;
        for i in 0..series[0].len() {
            let alpha: Vec<f32> = series.iter().map(|p| p[i].alpha).collect();
            // A flash is a rise and a fall: count turns of the opacity.
            let turns: Vec<usize> = (1..alpha.len() - 1)
                .filter(|&k| {
                    let (a, b, c) = (alpha[k - 1], alpha[k], alpha[k + 1]);
                    (b > a + 1e-4 && b > c + 1e-4) || (b < a - 1e-4 && b < c - 1e-4)
                })
                .collect();
            for w in turns.windows(7) {
                assert!(
                    w[6] - w[0] > per_second,
                    "{kind}: object {i} flashes more than 3 times within a second near {:.2} s",
                    w[0] as f32 * STEP
                );
            }
        }
    }
}

/// Twice the signed area of a polygon given in order.
fn doubled_area(points: &[Vec2]) -> f32 {
    (0..points.len())
        .map(|i| points[i].perp_dot(points[(i + 1) % points.len()]))
        .sum()
}

fn positions(mesh: &Mesh) -> Vec<Vec2> {
    match mesh.attribute(Mesh::ATTRIBUTE_POSITION) {
        Some(VertexAttributeValues::Float32x3(p)) => {
            p.iter().map(|v| Vec2::new(v[0], v[1])).collect()
        }
        other => panic!("positions missing: {other:?}"),
    }
}

#[test]
fn an_outline_is_the_ring_between_the_shape_and_its_grown_copy() {
    let grow = look::OUTLINE;
    for shape in [
        Shape::Circle(20.0),
        Shape::Rect(Vec2::new(60.0, 14.0)),
        Shape::Capsule(12.0, 40.0),
        Shape::Triangle(30.0, 26.0),
        // A wide, flat one (the freezing scene's roof) and a tall one.
        Shape::Triangle(340.0, 110.0),
        Shape::Triangle(20.0, 60.0),
    ] {
        let fill_mesh = look::mesh(shape, 0.0);
        let fill = positions(&fill_mesh);
        let grown = positions(&look::mesh(shape, grow));
        let ring = look::outline_ring(shape, grow);
        let points = positions(&ring);
        let Some(Indices::U32(indices)) = ring.indices() else {
            panic!("{shape:?}: the ring has no u32 indices");
        };
        // Its area is the grown shape's less the fill's: it covers nothing
        // twice and leaves no hole.
        let mut area = 0.0;
        for t in indices.chunks(3) {
            let tri = [
                points[t[0] as usize],
                points[t[1] as usize],
                points[t[2] as usize],
            ];
            let a = doubled_area(&tri);
            assert!(a > 0.0, "{shape:?}: triangle {t:?} is folded or empty");
            area += a;
        }
        let expected = doubled_area(&grown).abs() - doubled_area(&fill).abs();
        assert!(
            (area - expected).abs() < expected * 1e-4,
            "{shape:?}: ring area {area}, expected {expected}"
        );
        // Every side of the outline is as thick as asked: each outer side is
        // parallel to its inner side, `grow` away (a 32-gon's sides are
        // cos(pi/32) of a radius apart).
        let n = fill.len();
        assert_eq!(grown.len(), n, "{shape:?}");
        for i in 0..n {
            let (a, b) = (fill[i], fill[(i + 1) % n]);
            let side = (b - a).normalize();
            for p in [grown[i], grown[(i + 1) % n]] {
                let away = (p - a).perp_dot(side).abs();
                assert!(
                    (away - grow).abs() < 0.02 * grow,
                    "{shape:?}: side {i} is {away} thick, not {grow}"
                );
            }
        }
        // Its inner edge is the fill's edge, vertex for vertex.
        for p in &fill {
            assert!(
                points.contains(p),
                "{shape:?}: fill vertex {p} not on the ring"
            );
        }
        // The ring has the fill's vertex attributes, so both share a pipeline.
        let names = |m: &Mesh| m.attributes().map(|(a, _)| a.name).collect::<Vec<_>>();
        assert_eq!(names(&ring), names(&fill_mesh), "{shape:?}");
    }
}
