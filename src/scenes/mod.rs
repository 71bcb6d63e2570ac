//! Scenes: what the middle of the screen shows for each stage. Each scene is a
//! list of objects ([`Look`]s) and a pure pose function of stage-local time,
//! so seeking, pausing, stills and tests all see exactly the same frame.

mod apheresis;
mod binding;
mod freezing;
mod infusion;
pub mod look;
mod reprogramming;

use bevy::prelude::*;

pub use look::{Look, Part, Shape};

use crate::playback::{PlaybackSet, Playhead};
use crate::settings::Settings;
use crate::story::{ActiveStory, Stage};
use crate::ui::Theme;

/// The scene's own coordinate space: it is scaled to fit the band between
/// the bars, whatever the window's size and shape (see the scene camera).
pub const SCENE_SIZE: Vec2 = Vec2::new(1600.0, 640.0);

/// The scene kinds a story may name. Each stage picks one.
pub const SCENE_KINDS: &[&str] = &[
    "apheresis",
    "reprogramming",
    "freezing",
    "infusion",
    "binding",
];

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

/// The objects of a scene kind.
pub fn looks(kind: &str) -> Vec<Look> {
    match kind {
        "apheresis" => apheresis::looks(),
        "reprogramming" => reprogramming::looks(),
        "freezing" => freezing::looks(),
        "infusion" => infusion::looks(),
        _ => binding::looks(),
    }
}

/// The length, in seconds, a scene kind is drawn for. A stage of another
/// length plays it faster or slower, so the story's beats keep their moments.
pub fn nominal_duration(kind: &str) -> f32 {
    match kind {
        "apheresis" => apheresis::NOMINAL,
        "reprogramming" => reprogramming::NOMINAL,
        "freezing" => freezing::NOMINAL,
        "infusion" => infusion::NOMINAL,
        _ => binding::NOMINAL,
    }
}

/// Times (in the scene's nominal seconds) where objects may jump: cuts.
pub fn cuts(kind: &str) -> &'static [f32] {
    match kind {
        "apheresis" => apheresis::CUTS,
        "reprogramming" => reprogramming::CUTS,
        "freezing" => freezing::CUTS,
        "infusion" => infusion::CUTS,
        _ => binding::CUTS,
    }
}

/// Every object's pose at stage-local time `t` of a stage lasting `duration`.
pub fn poses(kind: &str, t: f32, duration: f32) -> Vec<Pose> {
    let t = if duration > 0.0 {
        t.clamp(0.0, duration) * nominal_duration(kind) / duration
    } else {
        0.0
    };
    match kind {
        "apheresis" => apheresis::pose(t),
        "reprogramming" => reprogramming::pose(t),
        "freezing" => freezing::pose(t),
        "infusion" => infusion::pose(t),
        _ => binding::pose(t),
    }
}

/// How long reduced motion takes to change from one key pose to the next,
/// in seconds, starting when the beat (and its caption) changes.
pub const CHANGE_SECONDS: f32 = 1.2;

/// Whether two poses put an object in the same place, size and turn.
fn same_place(a: &Pose, b: &Pose) -> bool {
    a.at.distance(b.at) < 0.01
        && a.scale.distance(b.scale) < 1e-4
        && (a.angle - b.angle).abs() < 1e-4
}

/// Every object's pose at time `t` with reduced motion: nothing moves. Each
/// beat shows its key pose (see [`Stage::key_time`]); when a beat starts, objects
/// that stay put cross-fade to their new opacity, and objects that change
/// place fade out, are hidden for a moment, and fade in at the new place.
pub fn reduced_poses(stage: &Stage, t: f32) -> Vec<Pose> {
    let kind = &stage.scene;
    let i = stage.beat_index_at(t).unwrap_or(0);
    let now = poses(kind, stage.key_time(i), stage.duration);
    let start = stage.beats.get(i).map_or(0.0, |b| b.at);
    let u = (t - start) / CHANGE_SECONDS;
    if i == 0 || !(0.0..1.0).contains(&u) {
        return now;
    }
    let before = poses(kind, stage.key_time(i - 1), stage.duration);
    before
        .iter()
        .zip(now)
        .map(|(a, b)| {
            if same_place(a, &b) {
                b.faded(a.alpha + (b.alpha - a.alpha) * u)
            } else if u < 0.4 {
                a.faded(a.alpha * (1.0 - u / 0.4))
            } else if u > 0.6 {
                b.faded(b.alpha * (u - 0.6) / 0.4)
            } else {
                b.faded(0.0)
            }
        })
        .collect()
}

/// The poses drawn now: moving, or with reduced motion only key poses.
pub fn poses_now(stage: &Stage, t: f32, reduced_motion: bool) -> Vec<Pose> {
    if reduced_motion {
        reduced_poses(stage, t)
    } else {
        poses(&stage.scene, t, stage.duration)
    }
}

/// An object of the current scene, by its index in [`looks`].
#[derive(Component, Debug)]
pub struct SceneActor(pub usize);

/// A drawn part with its colour at full opacity.
#[derive(Component)]
struct Tint(Color);

/// How many steps of opacity a fading part can take. Parts share one
/// material per colour and step, so a fade swaps handles instead of changing
/// a material each frame (which the renderer would prepare anew), and
/// fading parts of one colour still draw in one batch. 64 steps are finer
/// than the frames of a fade.
const OPACITY_STEPS: f32 = 64.0;

/// An opacity rounded to one of the [`OPACITY_STEPS`].
fn opacity_step(alpha: f32) -> f32 {
    (alpha.clamp(0.0, 1.0) * OPACITY_STEPS).round() / OPACITY_STEPS
}

/// Meshes and materials shared by the parts of every scene, by shape and
/// by colour, so that a scene's ~250 shapes need a few dozen of each.
#[derive(Resource, Default)]
struct SceneAssets {
    meshes: std::collections::HashMap<(u8, [u32; 3]), Handle<Mesh>>,
    materials: std::collections::HashMap<[u8; 4], Handle<ColorMaterial>>,
}

impl SceneAssets {
    /// The mesh of a shape, or of its outline: the ring `grow` wide around it.
    fn mesh(&mut self, meshes: &mut Assets<Mesh>, shape: Shape, grow: f32) -> Handle<Mesh> {
        let key = match shape {
            Shape::Circle(r) => (0, [r.to_bits(), 0, grow.to_bits()]),
            Shape::Rect(size) => (1, [size.x.to_bits(), size.y.to_bits(), grow.to_bits()]),
            Shape::Capsule(r, l) => (2, [r.to_bits(), l.to_bits(), grow.to_bits()]),
            Shape::Triangle(w, h) => (3, [w.to_bits(), h.to_bits(), grow.to_bits()]),
        };
        self.meshes
            .entry(key)
            .or_insert_with(|| {
                meshes.add(if grow > 0.0 {
                    look::outline_ring(shape, grow)
                } else {
                    look::mesh(shape, 0.0)
                })
            })
            .clone()
    }

    /// The shared material of a colour.
    fn material(
        &mut self,
        materials: &mut Assets<ColorMaterial>,
        color: Color,
    ) -> Handle<ColorMaterial> {
        self.materials
            .entry(color.to_srgba().to_u8_array())
            .or_insert_with(|| materials.add(part_material(color)))
            .clone()
    }
}

/// What a scene was drawn for: the stage, its scene kind and the theme.
type ShownKey = (usize, String, crate::settings::ThemeName);

/// The last opacity applied to an actor's parts.
#[derive(Component)]
struct Applied(f32);

/// Which stage's scene is drawn.
#[derive(Resource, Default)]
struct Shown(Option<ShownKey>);

/// Draws the scene of the current stage.
pub fn plugin(app: &mut App) {
    app.init_resource::<Shown>()
        .init_resource::<SceneAssets>()
        .init_resource::<Theme>()
        .init_resource::<Settings>()
        .add_systems(
            Update,
            (spawn_scene, apply_poses)
                .chain()
                .in_set(PlaybackSet::Present),
        );
}

#[allow(clippy::too_many_arguments)]
fn spawn_scene(
    mut commands: Commands,
    story: Res<ActiveStory>,
    playhead: Res<Playhead>,
    theme: Res<Theme>,
    mut shown: ResMut<Shown>,
    mut shared: ResMut<SceneAssets>,
    actors: Query<Entity, With<SceneActor>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let Some(stage) = story.story.stages.get(playhead.stage) else {
        return;
    };
    let key = (playhead.stage, stage.scene.clone(), theme.name);
    if shown.0.as_ref() == Some(&key) {
        return;
    }
    shown.0 = Some(key);
    for actor in &actors {
        commands.entity(actor).despawn();
    }
    for (i, look) in looks(&stage.scene).into_iter().enumerate() {
        commands
            .spawn((
                SceneActor(i),
                Applied(1.0),
                Transform::from_xyz(0.0, 0.0, 1.0 + i as f32),
                Visibility::Hidden,
            ))
            .with_children(|actor| {
                for part in look.parts {
                    spawn_part(
                        actor,
                        part,
                        i,
                        &theme,
                        &mut shared,
                        &mut meshes,
                        &mut materials,
                    );
                }
            });
    }
}

/// How a colour is drawn: opaque when it is (drawn front to back with a
/// depth test, so hidden pixels cost nothing), blended only while see-through.
/// On a software renderer, blending every shape doubled the frame time.
fn alpha_mode(color: Color) -> bevy::sprite_render::AlphaMode2d {
    if color.alpha() >= 1.0 {
        bevy::sprite_render::AlphaMode2d::Opaque
    } else {
        bevy::sprite_render::AlphaMode2d::Blend
    }
}

/// A material for one part of an object.
fn part_material(color: Color) -> ColorMaterial {
    ColorMaterial {
        color,
        alpha_mode: alpha_mode(color),
        ..default()
    }
}

fn spawn_part(
    actor: &mut ChildSpawnerCommands,
    part: Part,
    index: usize,
    theme: &Theme,
    shared: &mut SceneAssets,
    meshes: &mut Assets<Mesh>,
    materials: &mut Assets<ColorMaterial>,
) {
    match part {
        Part::Shape {
            shape,
            fill,
            outline,
            at,
            angle,
            z,
        } => {
            let place = |dz: f32| {
                Transform::from_translation(at.extend(z * 0.5 + dz))
                    .with_rotation(Quat::from_rotation_z(angle))
            };
            // High contrast draws nothing see-through.
            let fill = if theme.translucency {
                fill
            } else {
                fill.with_alpha(1.0)
            };
            let mut drawn = |grow: f32, color: Color, dz: f32| {
                actor.spawn((
                    Mesh2d(shared.mesh(meshes, shape, grow)),
                    MeshMaterial2d(shared.material(materials, color)),
                    Tint(color),
                    place(dz),
                ));
            };
            if outline {
                drawn(look::OUTLINE * theme.outline_scale, theme.text, 0.0);
            }
            drawn(0.0, fill, 0.002);
        }
        Part::Label { text, at, on_light } => {
            let ink = if on_light {
                crate::ui::palette::INK
            } else {
                theme.text
            };
            actor.spawn((
                Text2d::new(text),
                TextFont {
                    font_size: FontSize::Px(look::LABEL_SIZE),
                    ..default()
                },
                TextColor(ink),
                Tint(ink),
                // Labels float above every shape of the scene.
                Transform::from_translation(at.extend(500.0 - index as f32)),
            ));
        }
    }
}

#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn apply_poses(
    story: Res<ActiveStory>,
    playhead: Res<Playhead>,
    shown: Res<Shown>,
    settings: Res<Settings>,
    theme: Res<Theme>,
    mut actors: Query<(
        &SceneActor,
        &mut Transform,
        &mut Visibility,
        &mut Applied,
        &Children,
    )>,
    mut parts: Query<(
        &Tint,
        Option<&mut MeshMaterial2d<ColorMaterial>>,
        Option<&mut TextColor>,
    )>,
    mut shared: ResMut<SceneAssets>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if !(playhead.is_changed() || story.is_changed() || shown.is_changed() || settings.is_changed())
    {
        return;
    }
    let Some(stage) = story.story.stages.get(playhead.stage) else {
        return;
    };
    let mut poses = poses_now(stage, playhead.time, settings.reduced_motion);
    if !theme.translucency {
        // High contrast: objects appear and go without fading.
        for pose in &mut poses {
            pose.alpha = if pose.alpha >= 0.5 { 1.0 } else { 0.0 };
        }
    }
    for (actor, mut transform, mut visibility, mut applied, children) in &mut actors {
        let Some(pose) = poses.get(actor.0) else {
            continue;
        };
        transform.translation.x = pose.at.x;
        transform.translation.y = pose.at.y;
        transform.scale = pose.scale.extend(1.0);
        transform.rotation = Quat::from_rotation_z(pose.angle);
        visibility.set_if_neq(if pose.visible() {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
        if applied.0 != pose.alpha && pose.visible() {
            applied.0 = pose.alpha;
            for child in children {
                let Ok((tint, material, text)) = parts.get_mut(*child) else {
                    continue;
                };
                let color = tint.0.with_alpha(tint.0.alpha() * pose.alpha);
                if let Some(mut drawn) = material {
                    let shade = if pose.alpha >= 1.0 {
                        tint.0
                    } else {
                        tint.0.with_alpha(opacity_step(color.alpha()))
                    };
                    let wanted = shared.material(&mut materials, shade);
                    if drawn.0 != wanted {
                        drawn.0 = wanted;
                    }
                }
                if let Some(mut text) = text {
                    text.0 = color;
                }
            }
        }
    }
}
