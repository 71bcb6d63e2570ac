//! The scene registry: a kind registered from outside the app (here, in
//! this test module) is validated, drawn and posed by the real engine with
//! no other edit.

use bevy::prelude::*;

use car_t_sim::palette;
use car_t_sim::playback::Playhead;
use car_t_sim::scenes::{
    Look, Object, ObjectId, Pose, Poses, SceneActor, SceneKind, SceneKinds, Shape, moment, objects,
};
use car_t_sim::story::{ActiveStory, StoryOrigin, parse_story};

use crate::common::{headless_with_scenes_where, playhead};

/// A kind the app does not ship: a T cell circling a sun.
const ORBIT: SceneKind = SceneKind {
    name: "test-orbit",
    nominal: 10.0,
    cuts: &[],
    moments: &[moment("top", 2.5), moment("bottom", 7.5)],
    objects: orbit_objects,
    pose: orbit_pose,
};

fn orbit_objects() -> Vec<Object> {
    vec![
        Object::new(
            "sun",
            Look::new().shape(Shape::Circle(60.0), palette::CAR, Vec2::ZERO, 0.0),
        ),
        Object::new("t-cell", objects::t_cell(30.0, false)),
    ]
}

/// The T cell goes once around in 10 s, from the right, anticlockwise.
fn orbit_pose(t: f32) -> Poses {
    let mut out = Poses::new();
    out.set("sun", Pose::at(0.0, 0.0));
    let angle = t / 10.0 * std::f32::consts::TAU;
    out.set("t-cell", Pose::at_v(Vec2::from_angle(angle) * 200.0));
    out
}

/// A story with one stage of the new kind, 20 s long, its second beat
/// pinned to the bottom of the orbit.
const STORY: &str = r#"Story(
    title: "Orbit",
    stages: [Stage(id: "orbit", title: "Orbit", scene: "test-orbit", duration: 20.0, beats: [
        Beat(at: 0.0, caption: "Round it goes.", cite: ["a"], moment: "top"),
        Beat(at: 4.0, caption: "At the bottom.", cite: ["a"], moment: "bottom"),
    ])],
    sources: [Source(id: "a", publisher: "P", title: "T")],
)"#;

/// Where the engine put each actor, by name.
fn actors(app: &mut App) -> Vec<(ObjectId, Vec2, Visibility)> {
    let mut q = app
        .world_mut()
        .query::<(&SceneActor, &Transform, &Visibility)>();
    let mut out: Vec<_> = q
        .iter(app.world())
        .map(|(a, t, v)| (a.0, t.translation.truncate(), *v))
        .collect();
    out.sort_by_key(|(id, _, _)| *id);
    out
}

#[test]
fn a_scene_kind_registered_in_a_test_plays_through_the_real_engine() {
    // The app's own catalog does not know the kind; one with it registered
    // validates the story, moments included.
    let errors = parse_story(STORY, &SceneKinds::default()).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("unknown scene kind \"test-orbit\"")
    );
    let mut kinds = SceneKinds::default();
    kinds.register(ORBIT);
    let story = parse_story(STORY, &kinds).expect("valid with the kind registered");

    let mut app = headless_with_scenes_where(|app| {
        app.insert_resource(kinds)
            .insert_resource(ActiveStory {
                story,
                origin: StoryOrigin::File("orbit.ron".into()),
            })
            .insert_resource(Playhead {
                playing: false,
                ..default()
            });
    });
    let names: Vec<String> = actors(&mut app)
        .iter()
        .map(|(id, _, _)| id.to_string())
        .collect();
    assert_eq!(names, ["sun", "t-cell"]);

    // Playing: the first beat's key time, 2.4 s, shows its pinned moment,
    // the top of the orbit; the second beat runs from 4 s to 20 s, and its
    // key time, 13.6 s, shows the bottom.
    app.world_mut().resource_mut::<Playhead>().playing = true;
    let mut seen = vec![];
    while playhead(&app).playing {
        app.update();
        let t = playhead(&app).time;
        for (key, expected) in [(2.4, Vec2::new(0.0, 200.0)), (13.6, Vec2::new(0.0, -200.0))] {
            if (t - key).abs() < 1e-3 {
                let (_, at, visibility) = actors(&mut app)[1];
                assert_ne!(visibility, Visibility::Hidden);
                assert!(at.distance(expected) < 0.5, "t-cell at {at} at {t} s");
                seen.push(key);
            }
        }
    }
    assert_eq!(seen, [2.4, 13.6], "both key times were played through");
    assert!(
        (playhead(&app).time - 20.0).abs() < 1e-3,
        "played to the end"
    );
}
