//! Scene kinds: every registered kind's pose function is pure, continuous,
//! inside the scene and never flashes, poses exactly its named objects, and
//! keeps its named moments under their captions whatever the story's timing.

use bevy::mesh::{Indices, VertexAttributeValues};
use bevy::prelude::*;
use car_t_sim::scenes::{
    ObjectId, Poses, SCENE_SIZE, SceneKind, SceneKinds, Shape, clock, geometry, kit, poses,
};
use car_t_sim::story::{BUILT_IN, Beat, Stage, parse_story};

const STEP: f32 = 1.0 / 60.0;
/// Nothing crosses the 1600-unit-wide scene in under two seconds (the design rules);
/// this bound is half that speed.
const MAX_SPEED: f32 = 400.0;
/// How far from the scene's edge an object's centre may go.
const MARGIN: f32 = 10.0;

/// Every registered kind: the tests below name none of them.
fn kinds() -> Vec<SceneKind> {
    SceneKinds::default().iter().copied().collect()
}

fn samples(kind: &SceneKind) -> impl Iterator<Item = f32> + use<> {
    let d = kind.nominal;
    (0..=(d / STEP) as usize).map(move |i| (i as f32 * STEP).min(d))
}

fn near_cut(kind: &SceneKind, t: f32) -> bool {
    kind.cuts.iter().any(|c| (t - c).abs() <= STEP)
}

/// The names of a kind's objects, in drawing order.
fn ids(kind: &SceneKind) -> Vec<ObjectId> {
    (kind.objects)().iter().map(|o| o.id).collect()
}

#[test]
fn every_kind_names_its_objects_once_and_poses_exactly_them() {
    let kinds = kinds();
    assert!(kinds.len() >= 5);
    for kind in &kinds {
        let mut names = ids(kind);
        assert!(
            names.len() >= 5,
            "{} has only {} objects",
            kind.name,
            names.len()
        );
        names.sort();
        let count = names.len();
        names.dedup();
        assert_eq!(
            names.len(),
            count,
            "{}: two objects share a name",
            kind.name
        );
        for t in samples(kind).step_by(7) {
            let posed: Vec<ObjectId> = (kind.pose)(t).iter().map(|(id, _)| id).collect();
            assert_eq!(posed, names, "{} at {t}: posed objects", kind.name);
        }
    }
}

#[test]
fn every_kind_names_its_moments_in_time_order_inside_the_scene() {
    for kind in kinds() {
        assert!(!kind.moments.is_empty(), "{} names no moment", kind.name);
        for pair in kind.moments.windows(2) {
            assert!(
                pair[0].at < pair[1].at,
                "{}: moments out of order",
                kind.name
            );
        }
        for m in kind.moments {
            assert!(
                (0.0..=kind.nominal).contains(&m.at),
                "{}: {}",
                kind.name,
                m.name
            );
        }
    }
}

#[test]
fn the_same_time_gives_the_same_pose_whatever_came_before() {
    for kind in kinds() {
        let forward: Vec<Poses> = samples(&kind).step_by(17).map(kind.pose).collect();
        // Backwards, as when seeking back.
        let times: Vec<f32> = samples(&kind).step_by(17).collect();
        let mut backward: Vec<Poses> = times.into_iter().rev().map(kind.pose).collect();
        backward.reverse();
        assert_eq!(forward, backward, "{}", kind.name);
    }
}

#[test]
fn visible_objects_never_jump() {
    for kind in kinds() {
        let mut previous = (kind.pose)(0.0);
        for t in samples(&kind).skip(1) {
            let now = (kind.pose)(t);
            if !near_cut(&kind, t) {
                for (id, b) in now.iter() {
                    let Some(a) = previous.get(id) else { continue };
                    if a.visible() && b.visible() {
                        let speed = a.at.distance(b.at) / STEP;
                        assert!(
                            speed <= MAX_SPEED,
                            "{}: {id} moves at {speed:.0} units/s at {t:.2} s",
                            kind.name
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
    for kind in kinds() {
        for t in samples(&kind).step_by(5) {
            for (id, p) in (kind.pose)(t).iter() {
                if p.visible() {
                    assert!(
                        p.at.x.abs() <= half.x && p.at.y.abs() <= half.y,
                        "{}: {id} at {} (t = {t:.2} s)",
                        kind.name,
                        p.at
                    );
                }
            }
        }
    }
}

#[test]
fn nothing_flashes_more_than_three_times_a_second() {
    for kind in kinds() {
        let series: Vec<Poses> = samples(&kind).map(kind.pose).collect();
        let per_second = (1.0 / STEP) as usize;
        for id in ids(&kind) {
            let alpha: Vec<f32> = series
                .iter()
                .map(|p| p.get(id).expect("posed").alpha)
                .collect();
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
                    "{}: {id} flashes more than 3 times within a second near {:.2} s",
                    kind.name,
                    w[0] as f32 * STEP
                );
            }
        }
    }
}

/// A stage of `kind` lasting `duration`, with a beat at each of `times`,
/// pinned to the kind's moments in order (one per beat).
fn pinned_stage(kind: &SceneKind, duration: f32, times: &[f32]) -> Stage {
    Stage {
        id: "s".into(),
        title: "S".into(),
        scene: kind.name.into(),
        duration,
        beats: times
            .iter()
            .zip(kind.moments)
            .map(|(at, m)| Beat {
                at: *at,
                caption: "c".into(),
                cite: vec!["a".into()],
                moment: Some(m.name.into()),
            })
            .collect(),
        days: None,
    }
}

#[test]
fn pinned_moments_stay_under_their_captions_when_a_stage_is_stretched_or_squeezed() {
    for kind in kinds() {
        let n = kind.moments.len();
        for duration in [kind.nominal * 0.5, kind.nominal, kind.nominal * 2.5] {
            // Beats evenly spread, then crowded towards the start: neither
            // matches where the scene's moments fall.
            let even: Vec<f32> = (0..n).map(|i| duration * i as f32 / n as f32).collect();
            let crowded: Vec<f32> = (0..n)
                .map(|i| duration * (i as f32 / n as f32).powi(2))
                .collect();
            for times in [even, crowded] {
                let stage = pinned_stage(&kind, duration, &times);
                for (i, m) in kind.moments.iter().enumerate() {
                    let key = stage.key_time(i);
                    // The key time is inside the beat, under its caption...
                    assert_eq!(stage.beat_index_at(key), Some(i), "{}", kind.name);
                    // ...and shows exactly the pinned moment.
                    let s = clock::scene_time(&kind, &stage, key);
                    assert!(
                        (s - m.at).abs() < 1e-3,
                        "{} over {duration} s: {} at scene time {s}, not {}",
                        kind.name,
                        m.name,
                        m.at
                    );
                    assert_eq!(poses(&kind, &stage, key), (kind.pose)(m.at));
                }
                // The clock never runs backwards and covers the whole scene.
                let mut last = -1.0;
                for k in 0..=200 {
                    let s = clock::scene_time(&kind, &stage, duration * k as f32 / 200.0);
                    assert!(s >= last, "{}: the clock went back", kind.name);
                    last = s;
                }
                assert_eq!(clock::scene_time(&kind, &stage, 0.0), 0.0);
                assert!((last - kind.nominal).abs() < 1e-3);
            }
        }
    }
}

#[test]
fn an_unpinned_stage_of_another_length_plays_the_scene_evenly() {
    for kind in kinds() {
        let d = kind.nominal;
        let stage = |duration| Stage {
            beats: vec![],
            ..pinned_stage(&kind, duration, &[])
        };
        for f in [0.0, 0.25, 0.5, 0.9, 1.0] {
            assert_eq!(
                poses(&kind, &stage(d), f * d),
                poses(&kind, &stage(2.0 * d), f * 2.0 * d),
                "{} at {f}",
                kind.name
            );
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
    let grow = kit::OUTLINE;
    for shape in [
        Shape::Circle(20.0),
        Shape::Rect(Vec2::new(60.0, 14.0)),
        Shape::Capsule(12.0, 40.0),
        Shape::Triangle(30.0, 26.0),
        // A wide, flat one (the freezing scene's roof) and a tall one.
        Shape::Triangle(340.0, 110.0),
        Shape::Triangle(20.0, 60.0),
    ] {
        let fill_mesh = kit::mesh(shape, 0.0);
        let fill = positions(&fill_mesh);
        let grown = positions(&kit::mesh(shape, grow));
        let ring = kit::outline_ring(shape, grow);
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

#[test]
fn no_label_sits_under_a_shape_or_another_label_at_any_moment() {
    let mut problems = vec![];
    for kind in kinds() {
        let objects = (kind.objects)();
        for m in kind.moments {
            for clash in geometry::label_clashes(&objects, &(kind.pose)(m.at)) {
                problems.push(format!("{} at \"{}\": {clash}", kind.name, m.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_label_is_crossed_at_any_beat_of_the_built_in_stories() {
    let kinds = SceneKinds::default();
    let mut problems = vec![];
    for built_in in BUILT_IN {
        let story = parse_story(built_in.source, &kinds).expect("valid");
        for stage in &story.stages {
            let kind = kinds.get(&stage.scene).expect("a known kind");
            let objects = (kind.objects)();
            for i in 0..stage.beats.len() {
                let t = stage.key_time(i);
                for clash in geometry::label_clashes(&objects, &poses(kind, stage, t)) {
                    problems.push(format!(
                        "{}/{} beat {}: {clash}",
                        built_in.name,
                        stage.id,
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A teacher stepping to a stage while paused sees its first instant, and a
/// cut lands on a new picture: neither may be an empty scene.
#[test]
fn a_scene_is_never_empty_where_a_stage_starts_or_cuts() {
    let mut empty = Vec::new();
    for kind in kinds() {
        for t in std::iter::once(0.0).chain(kind.cuts.iter().copied()) {
            let shown = (kind.pose)(t)
                .iter()
                .filter(|(_, pose)| pose.alpha > 0.9)
                .count();
            if shown == 0 {
                empty.push(format!("{} at {t} s shows {shown} objects", kind.name));
            }
        }
    }
    assert!(empty.is_empty(), "{empty:#?}");
}
