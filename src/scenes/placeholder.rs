//! A simple, honest picture for each scene kind until the animated scenes
//! land: the stage's key objects, labelled, and one object that moves along
//! the stage's path as a pure function of stage-local time.

use bevy::prelude::*;

#[cfg(test)]
use super::SCENE_SIZE;
use crate::playback::{PlaybackSet, Playhead};
use crate::story::ActiveStory;
use crate::ui::palette;

/// Everything drawn for the current stage.
#[derive(Component)]
pub struct SceneItem;

/// The object that moves through the stage.
#[derive(Component)]
pub struct Traveler {
    path: Vec<Vec2>,
}

/// Which stage (and which story) the drawn scene belongs to.
#[derive(Resource, Default)]
struct Shown(Option<(usize, String)>);

/// Draws the scene of the current stage.
pub fn plugin(app: &mut App) {
    app.init_resource::<Shown>().add_systems(
        Update,
        (respawn_scene, pose_traveler)
            .chain()
            .in_set(PlaybackSet::Present),
    );
}

/// Thickness of outlines in scene units (at least 3 px at 1280x720).
const OUTLINE: f32 = 5.0;
/// Size of scene labels in scene units.
const LABEL_SIZE: f32 = 38.0;

/// A shape in the scene: outlined, in a palette colour.
enum Shape {
    Circle(f32),
    Rect(Vec2),
    Capsule(f32, f32),
}

struct Prop {
    shape: Shape,
    fill: Color,
    at: Vec2,
    label: Option<(&'static str, Vec2)>,
}

fn prop(shape: Shape, fill: Color, at: (f32, f32)) -> Prop {
    Prop {
        shape,
        fill,
        at: Vec2::new(at.0, at.1),
        label: None,
    }
}

impl Prop {
    fn labelled(mut self, text: &'static str, offset: (f32, f32)) -> Self {
        self.label = Some((text, Vec2::new(offset.0, offset.1)));
        self
    }
}

/// The objects of a scene kind, and the path its moving object follows.
fn layout(kind: &str) -> (Vec<Prop>, Vec<Prop>, Vec<Vec2>) {
    use Shape::*;
    let skin = Color::srgb(0.96, 0.85, 0.75);
    let machine = Color::srgb(0.78, 0.78, 0.78);
    let bag = Color::srgb(0.97, 0.97, 0.97);
    let v = |x: f32, y: f32| Vec2::new(x, y);
    match kind {
        "apheresis" => (
            vec![
                prop(Capsule(55.0, 200.0), skin, (-620.0, 0.0)).labelled("Arm", (0.0, -190.0)),
                prop(Rect(v(470.0, 12.0)), palette::BLOOD, (-330.0, 40.0)),
                prop(Rect(v(280.0, 220.0)), machine, (0.0, 40.0))
                    .labelled("Apheresis machine", (0.0, 150.0)),
                prop(Rect(v(470.0, 12.0)), palette::BLOOD, (330.0, 40.0)),
                prop(Capsule(55.0, 200.0), skin, (620.0, 0.0)).labelled("Other arm", (0.0, -190.0)),
                prop(Rect(v(12.0, 90.0)), palette::T_CELL, (0.0, -115.0)),
                prop(Rect(v(160.0, 110.0)), bag, (0.0, -215.0)).labelled("T cells", (170.0, 0.0)),
            ],
            vec![prop(Circle(26.0), palette::T_CELL, (0.0, 0.0))],
            vec![v(-620.0, 40.0), v(0.0, 40.0), v(0.0, -200.0)],
        ),
        "reprogramming" => (
            vec![
                prop(Circle(250.0), bag, (0.0, 0.0)).labelled("Lab", (0.0, 285.0)),
                prop(Circle(120.0), palette::T_CELL, (100.0, 0.0))
                    .labelled("T cell", (0.0, -165.0)),
            ],
            vec![
                prop(Circle(36.0), palette::DNA, (0.0, 0.0))
                    .labelled("Vector with CAR gene", (0.0, 65.0)),
            ],
            vec![v(-540.0, 160.0), v(-280.0, 100.0), v(40.0, 20.0)],
        ),
        "freezing" => (
            vec![
                prop(Rect(v(120.0, 420.0)), bag, (-560.0, 0.0)),
                prop(Rect(v(60.0, 300.0)), palette::COLD, (-560.0, -50.0))
                    .labelled("Cold gauge", (0.0, -245.0)),
                prop(Rect(v(300.0, 300.0)), machine, (520.0, 0.0))
                    .labelled("To the doctor", (0.0, 190.0)),
            ],
            vec![
                prop(Rect(v(200.0, 220.0)), palette::COLD, (0.0, 0.0))
                    .labelled("Frozen bag", (0.0, 150.0)),
            ],
            vec![v(-200.0, 0.0), v(0.0, 0.0), v(520.0, 0.0)],
        ),
        "infusion" => (
            vec![
                prop(Rect(v(180.0, 200.0)), bag, (-560.0, 190.0)).labelled("IV bag", (160.0, 60.0)),
                prop(Rect(v(12.0, 200.0)), palette::INK, (-560.0, 0.0)),
                prop(
                    Rect(v(1500.0, 140.0)),
                    Color::srgb(0.98, 0.85, 0.80),
                    (0.0, -180.0),
                )
                .labelled("Vein", (-300.0, 100.0)),
                prop(Circle(36.0), palette::BLOOD, (-250.0, -165.0)),
                prop(Circle(36.0), palette::BLOOD, (80.0, -200.0)),
                prop(Circle(36.0), palette::BLOOD, (400.0, -160.0)),
            ],
            with_keys(34.0, "CAR T cell", (0.0, 95.0)),
            vec![v(-560.0, 190.0), v(-560.0, -180.0), v(650.0, -180.0)],
        ),
        _ => (
            vec![
                prop(Circle(100.0), palette::HEALTHY, (-100.0, 150.0))
                    .labelled("Healthy cell (no lock)", (0.0, 135.0)),
                prop(Circle(140.0), palette::CANCER, (480.0, -90.0))
                    .labelled("Cancer cell", (0.0, -180.0)),
                prop(Rect(v(40.0, 40.0)), palette::CAR, (335.0, -90.0))
                    .labelled("Lock (antigen)", (80.0, 175.0)),
            ],
            with_keys(80.0, "CAR T cell", (0.0, -115.0)),
            vec![v(-650.0, 120.0), v(-100.0, 0.0), v(250.0, -90.0)],
        ),
    }
}

/// A CAR T cell of radius `r`: a blue body with orange CAR keys around it.
fn with_keys(r: f32, text: &'static str, label: (f32, f32)) -> Vec<Prop> {
    let mut parts = vec![prop(Shape::Circle(r), palette::T_CELL, (0.0, 0.0)).labelled(text, label)];
    let key = (r * 0.3).max(10.0);
    for angle in [0.0_f32, 60.0, 120.0, 180.0, 240.0, 300.0] {
        let at = Vec2::from_angle(angle.to_radians()) * (r + key * 0.4);
        parts.push(prop(
            Shape::Rect(Vec2::splat(key)),
            palette::CAR,
            (at.x, at.y),
        ));
    }
    parts
}

/// Eased progress (slow in, slow out) from 0 to 1.
pub fn ease(x: f32) -> f32 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

/// Position along a polyline at fraction `f` of its length.
pub fn along(path: &[Vec2], f: f32) -> Vec2 {
    let Some(first) = path.first() else {
        return Vec2::ZERO;
    };
    let total: f32 = path.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = f.clamp(0.0, 1.0) * total;
    for w in path.windows(2) {
        let length = w[0].distance(w[1]);
        if left <= length && length > 0.0 {
            return w[0].lerp(w[1], left / length);
        }
        left -= length;
    }
    *path.last().unwrap_or(first)
}

fn spawn_prop(
    parent: &mut ChildSpawnerCommands,
    prop: &Prop,
    z: f32,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<ColorMaterial>,
) {
    let (outline, fill): (Mesh, Mesh) = match prop.shape {
        Shape::Circle(r) => (Circle::new(r + OUTLINE).into(), Circle::new(r).into()),
        Shape::Rect(size) => (
            Rectangle::from_size(size + 2.0 * OUTLINE).into(),
            Rectangle::from_size(size).into(),
        ),
        Shape::Capsule(r, length) => (
            Capsule2d::new(r + OUTLINE, length).into(),
            Capsule2d::new(r, length).into(),
        ),
    };
    parent.spawn((
        Mesh2d(meshes.add(outline)),
        MeshMaterial2d(materials.add(palette::INK)),
        Transform::from_translation(prop.at.extend(z)),
    ));
    parent.spawn((
        Mesh2d(meshes.add(fill)),
        MeshMaterial2d(materials.add(prop.fill)),
        Transform::from_translation(prop.at.extend(z + 0.1)),
    ));
    if let Some((text, offset)) = prop.label {
        parent.spawn((
            Text2d::new(text),
            TextFont {
                font_size: FontSize::Px(LABEL_SIZE),
                ..default()
            },
            TextColor(palette::INK),
            Transform::from_translation((prop.at + offset).extend(50.0)),
        ));
    }
}

fn respawn_scene(
    mut commands: Commands,
    story: Res<ActiveStory>,
    playhead: Res<Playhead>,
    mut shown: ResMut<Shown>,
    items: Query<Entity, With<SceneItem>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let Some(stage) = story.story.stages.get(playhead.stage) else {
        return;
    };
    let key = (playhead.stage, stage.scene.clone());
    if shown.0.as_ref() == Some(&key) && !story.is_changed() {
        return;
    }
    shown.0 = Some(key);
    for item in &items {
        commands.entity(item).despawn();
    }
    let (props, traveler, path) = layout(&stage.scene);
    commands
        .spawn((
            SceneItem,
            Name::new(format!("Scene: {}", stage.scene)),
            Transform::default(),
            Visibility::default(),
        ))
        .with_children(|scene| {
            for (i, p) in props.iter().enumerate() {
                spawn_prop(scene, p, i as f32, &mut meshes, &mut materials);
            }
        });
    commands
        .spawn((
            SceneItem,
            Traveler { path },
            Transform::from_xyz(0.0, 0.0, 40.0),
            Visibility::default(),
        ))
        .with_children(|t| {
            for (i, part) in traveler.iter().enumerate() {
                // The body (first) is drawn over its keys, which stick out from behind it.
                let z = if i == 0 { 2.0 } else { 1.0 };
                spawn_prop(t, part, z, &mut meshes, &mut materials);
            }
        });
}

fn pose_traveler(
    story: Res<ActiveStory>,
    playhead: Res<Playhead>,
    mut travelers: Query<(&Traveler, &mut Transform)>,
) {
    let Some(stage) = story.story.stages.get(playhead.stage) else {
        return;
    };
    let f = ease(playhead.time / stage.duration);
    for (traveler, mut transform) in &mut travelers {
        let at = along(&traveler.path, f);
        transform.translation.x = at.x;
        transform.translation.y = at.y;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn along_walks_the_path_by_length() {
        let path = [Vec2::ZERO, Vec2::new(10.0, 0.0), Vec2::new(10.0, 30.0)];
        assert_eq!(along(&path, 0.0), Vec2::ZERO);
        assert_eq!(along(&path, 0.25), Vec2::new(10.0, 0.0));
        assert_eq!(along(&path, 1.0), Vec2::new(10.0, 30.0));
    }

    #[test]
    fn every_kind_keeps_its_objects_inside_the_scene() {
        for kind in super::super::SCENE_KINDS {
            let (props, _, path) = layout(kind);
            let half = SCENE_SIZE / 2.0;
            for p in props.iter().map(|p| p.at).chain(path) {
                assert!(p.x.abs() < half.x && p.y.abs() < half.y, "{kind}: {p}");
            }
        }
    }
}
