//! Drawing scenes with Bevy. What is drawn is a list of [`SceneSlots`]: the
//! walkthrough's one scene, or the comparison's three lanes, each a stage's
//! scene at a time, placed and scaled. A slot is a root entity; under it one
//! entity per object (its parts as children, sharing meshes by shape and
//! materials by colour), posed every frame from the pure pose function of
//! the slot's scene kind.

use std::collections::HashMap;

use bevy::prelude::*;

use super::catalog::SceneKinds;
use super::kind::ObjectId;
use super::kit::{self, Part, Shape};
use super::reduced::poses_now;
use crate::content::story::Stage;
use crate::frame::Frame;
use crate::settings::Settings;
use crate::theme::Theme;

/// An object of the current scene, by its name.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneActor(pub ObjectId);

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
    meshes: HashMap<(u8, [u32; 3]), Handle<Mesh>>,
    materials: HashMap<[u8; 4], Handle<ColorMaterial>>,
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
                    kit::outline_ring(shape, grow)
                } else {
                    kit::mesh(shape, 0.0)
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

/// What one slot shows: a stage's scene (its moments pinned by its beats)
/// at a stage-local time, its centre at `at` in world units, `scale` times
/// its size, with or without its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The stage whose scene this is.
    pub stage: Stage,
    /// Stage-local time.
    pub time: f32,
    /// Where the scene's centre goes.
    pub at: Vec2,
    /// The scene's size, as a multiple of [`super::geometry::SCENE_SIZE`] in world units.
    pub scale: f32,
    /// Whether the scene's labels are drawn (lanes too small for them leave
    /// them out).
    pub labels: bool,
    /// Outlines are this many times as wide as the scene's own, so that a
    /// scene drawn small keeps outlines the design rules' width on screen.
    pub outline: f32,
}

/// The scenes to draw now, in slot order.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct SceneSlots(pub Vec<Slot>);

/// The root entity of slot N; the scene's objects are its children.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotRoot(pub usize);

/// What a slot's objects were spawned for: the stage id, its scene kind,
/// the theme, whether labels show, and the outline's width (in hundredths).
#[derive(Component, Debug, Clone, PartialEq)]
struct Spawned(String, String, crate::settings::ThemeName, bool, u32);

impl Spawned {
    fn of(slot: &Slot, theme: &Theme) -> Spawned {
        Spawned(
            slot.stage.id.clone(),
            slot.stage.scene.clone(),
            theme.name,
            slot.labels,
            (slot.outline * 100.0).round() as u32,
        )
    }
}

/// The last opacity applied to an actor's parts.
#[derive(Component)]
struct Applied(f32);

/// Draws the scenes of the slots, which each screen chooses in
/// [`Frame::Slots`].
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SceneSlots>()
        .init_resource::<SceneAssets>()
        .add_systems(
            Update,
            (spawn_scene, apply_poses).chain().in_set(Frame::Draw),
        );
}

fn spawn_scene(
    mut commands: Commands,
    slots: Res<SceneSlots>,
    kinds: Res<SceneKinds>,
    theme: Res<Theme>,
    mut shared: ResMut<SceneAssets>,
    mut roots: Query<(Entity, &SlotRoot, &mut Transform, Option<&Spawned>)>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if !(slots.is_changed() || theme.is_changed() || kinds.is_changed()) {
        return;
    }
    let mut have = vec![None; slots.0.len()];
    for (entity, root, mut transform, spawned) in &mut roots {
        let Some(slot) = slots.0.get(root.0) else {
            commands.entity(entity).despawn();
            continue;
        };
        have[root.0] = Some(entity);
        let place = Transform::from_translation(slot.at.extend(0.0))
            .with_scale(Vec3::new(slot.scale, slot.scale, 1.0));
        transform.set_if_neq(place);
        let key = Spawned::of(slot, &theme);
        if spawned != Some(&key) {
            commands
                .entity(entity)
                .despawn_related::<Children>()
                .insert(key);
            spawn_objects(
                &mut commands,
                entity,
                slot,
                &kinds,
                &theme,
                (&mut shared, &mut meshes, &mut materials),
            );
        }
    }
    for (i, slot) in slots.0.iter().enumerate() {
        if have[i].is_some() {
            continue;
        }
        let root = commands
            .spawn((
                SlotRoot(i),
                Name::new(format!("Scene {}", i + 1)),
                Spawned::of(slot, &theme),
                Transform::from_translation(slot.at.extend(0.0))
                    .with_scale(Vec3::new(slot.scale, slot.scale, 1.0)),
                Visibility::Inherited,
            ))
            .id();
        spawn_objects(
            &mut commands,
            root,
            slot,
            &kinds,
            &theme,
            (&mut shared, &mut meshes, &mut materials),
        );
    }
}

/// Spawns a slot's objects under its root, hidden until posed.
fn spawn_objects(
    commands: &mut Commands,
    root: Entity,
    slot: &Slot,
    kinds: &SceneKinds,
    theme: &Theme,
    (shared, meshes, materials): (
        &mut SceneAssets,
        &mut Assets<Mesh>,
        &mut Assets<ColorMaterial>,
    ),
) {
    // A story is validated against the kinds before it plays; a kind that
    // is not registered draws nothing rather than another scene.
    let Some(kind) = kinds.get(&slot.stage.scene) else {
        warn!("no scene kind \"{}\" is registered", slot.stage.scene);
        return;
    };
    for (i, object) in (kind.objects)().into_iter().enumerate() {
        let actor = commands
            .spawn((
                SceneActor(object.id),
                Name::new(object.id.to_string()),
                Applied(1.0),
                Transform::from_xyz(0.0, 0.0, 1.0 + i as f32),
                Visibility::Hidden,
                ChildOf(root),
            ))
            .id();
        commands.entity(actor).with_children(|actor| {
            for part in object.look.parts {
                if matches!(part, Part::Label { .. }) && !slot.labels {
                    continue;
                }
                spawn_part(
                    actor,
                    part,
                    i,
                    theme,
                    slot.outline,
                    shared,
                    meshes,
                    materials,
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
    outline_scale: f32,
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
                drawn(
                    kit::OUTLINE * theme.outline_scale * outline_scale,
                    theme.text,
                    0.0,
                );
            }
            drawn(0.0, fill, 0.002);
        }
        Part::Label { text, at, on_light } => {
            let ink = if on_light {
                crate::palette::INK
            } else {
                theme.text
            };
            actor.spawn((
                Text2d::new(text),
                TextFont {
                    font_size: FontSize::Px(kit::LABEL_SIZE),
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

fn apply_poses(
    slots: Res<SceneSlots>,
    kinds: Res<SceneKinds>,
    settings: Res<Settings>,
    theme: Res<Theme>,
    roots: Query<(&SlotRoot, &Children)>,
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
    spawned: Query<(), Added<SceneActor>>,
) {
    if !(slots.is_changed()
        || settings.is_changed()
        || kinds.is_changed()
        || theme.is_changed()
        || !spawned.is_empty())
    {
        return;
    }
    for (root, objects) in &roots {
        let Some(slot) = slots.0.get(root.0) else {
            continue;
        };
        let Some(kind) = kinds.get(&slot.stage.scene) else {
            continue;
        };
        let mut poses = poses_now(kind, &slot.stage, slot.time, settings.reduced_motion);
        if !theme.translucency {
            // High contrast: objects appear and go without fading.
            poses = poses.map(|_, pose| pose.faded(if pose.alpha >= 0.5 { 1.0 } else { 0.0 }));
        }
        for object in objects {
            let Ok((actor, mut transform, mut visibility, mut applied, children)) =
                actors.get_mut(*object)
            else {
                continue;
            };
            // Every object is posed (a test checks every kind); one that
            // is not stays hidden.
            let pose = poses
                .get(actor.0)
                .unwrap_or(super::motion::Pose::at(0.0, 0.0).faded(0.0));
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
}
