//! Drawing scenes with Bevy. What is drawn is a list of [`SceneSlots`]: the
//! walkthrough's one scene, or the comparison's three lanes, each a stage's
//! scene at a time, placed and scaled. A slot is a root entity; under it one
//! entity per object (its parts as children, sharing meshes by shape and
//! materials by colour), posed every frame from the pure pose function of
//! the slot's scene kind.

use bevy::prelude::*;

use super::assets::{SceneAssets, opacity_step};
use super::catalog::SceneKinds;
use super::kit::{self, Part};
use super::reduced::poses_now;
use super::slots::{SceneActor, SceneSlots, Slot, SlotRoot};
use crate::frame::Frame;
use crate::settings::Settings;
use crate::theme::Theme;

/// A drawn part with its colour at full opacity.
#[derive(Component)]
struct Tint(Color);

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
