//! The patch: one entity per cell shown, reused from step to step, with
//! one shared mesh and material per kind of cell (so each kind draws in one
//! batch), and the shapes and words of the kinds.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use crate::content::lab::Kind;
use crate::palette;
use crate::screens::screen::Screen;

use super::state::*;

/// A drawn cell; its look is [`Look`]'s index.
#[derive(Component)]
pub struct LabCells(pub usize);

/// The kinds of cell drawn: name, colour, shape, line pattern of its series
/// (on and off lengths in pixels; none for cells not plotted).
pub(super) struct Look {
    pub(super) words: &'static str,
    pub(super) colour: Color,
    pub(super) shape: Mark,
    pub(super) pattern: Option<&'static [f32]>,
}

/// The shape of a kind of cell, in the patch and in the legend.
#[derive(Clone, Copy)]
pub(super) enum Mark {
    Square,
    HollowSquare,
    Circle,
    Diamond,
    SmallCircle,
}

/// The looks, in the order of [`look_of`]; the first four are plotted.
pub(super) const SERIES: [Look; 5] = [
    Look {
        words: "Cancer cells with the lock",
        colour: palette::CANCER,
        shape: Mark::Square,
        pattern: Some(&[1.0, 0.0]),
    },
    Look {
        words: "Cancer cells without the lock",
        colour: palette::CANCER,
        shape: Mark::HollowSquare,
        pattern: Some(&[12.0, 8.0]),
    },
    Look {
        words: "T cells",
        colour: palette::T_CELL,
        shape: Mark::Circle,
        pattern: Some(&[3.0, 5.0]),
    },
    Look {
        words: "Healthy B cells (they carry CD19)",
        colour: palette::HEALTHY,
        shape: Mark::Diamond,
        pattern: Some(&[14.0, 5.0, 3.0, 5.0]),
    },
    Look {
        words: "Other healthy cells",
        colour: palette::METAL,
        shape: Mark::SmallCircle,
        pattern: None,
    },
];

/// Which look a cell has.
pub(super) fn look_of(kind: Kind, locks: u8) -> usize {
    match kind {
        Kind::Cancer if locks & 1 != 0 => 0,
        Kind::Cancer => 1,
        Kind::TCell => 2,
        Kind::Carrier => 3,
        Kind::Plain => 4,
    }
}

/// The meshes of the cells' shapes, unit radius.
#[derive(Resource)]
pub(super) struct CellAssets {
    meshes: Vec<Handle<Mesh>>,
    materials: Vec<Handle<ColorMaterial>>,
}

/// A square ring: the outline of a square of half-side 1.
pub(super) fn hollow_square() -> Mesh {
    let (outer, inner) = (1.0, 0.55);
    let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
    let mut positions = vec![];
    for (x, y) in corners {
        positions.push([x * outer, y * outer, 0.0]);
        positions.push([x * inner, y * inner, 0.0]);
    }
    let mut indices = vec![];
    for k in 0..4u32 {
        let (o0, i0, o1, i1) = (2 * k, 2 * k + 1, (2 * k + 2) % 8, (2 * k + 3) % 8);
        indices.extend([o0, o1, i1, o0, i1, i0]);
    }
    flat_mesh(positions, indices)
}

/// One entity per cell shown, reused: the patch follows the step shown.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_cells(
    mut commands: Commands,
    window: Single<&Window, With<PrimaryWindow>>,
    run: Option<Res<LabRun>>,
    assets: Option<Res<CellAssets>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut cells: Query<(Entity, &LabCells, &mut Transform, &mut Visibility)>,
    mut pool: Local<Vec<Vec<Entity>>>,
) {
    let Some(assets) = assets else {
        let meshes = vec![
            meshes.add(Rectangle::new(1.8, 1.8)),
            meshes.add(hollow_square()),
            meshes.add(Circle::new(0.9)),
            meshes.add(Rhombus::new(2.2, 2.2)),
            meshes.add(Circle::new(0.6)),
        ];
        let materials = SERIES
            .iter()
            .map(|l| materials.add(ColorMaterial::from_color(l.colour)))
            .collect();
        commands.insert_resource(CellAssets { meshes, materials });
        return;
    };
    let Some(run) = run else {
        return;
    };
    let (width, height) = (window.width(), window.height());
    let (patch, _) = lab_layout(width, height);
    let world_state = &run.run.world;
    // Cells near an edge stay inside the frame.
    let scale = patch.width() / (world_state.side + 2.0 * crate::content::lab::RADIUS);
    // The entities there are now, by look; the patch itself.
    pool.clear();
    pool.resize(SERIES.len(), vec![]);
    for (entity, cell, mut transform, _) in &mut cells {
        if cell.0 == usize::MAX {
            let centre = world(width, height, patch.center());
            transform.translation = centre.extend(-1.0);
            transform.scale = Vec3::new(patch.width(), patch.height(), 1.0);
        } else {
            pool[cell.0].push(entity);
        }
    }
    let mut used = vec![0usize; SERIES.len()];
    for i in 0..world_state.len() {
        let look = look_of(world_state.kind[i], world_state.locks[i]);
        let at = world(
            width,
            height,
            Vec2::new(
                patch.min.x + (world_state.x[i] + crate::content::lab::RADIUS) * scale,
                patch.min.y + (world_state.y[i] + crate::content::lab::RADIUS) * scale,
            ),
        );
        let z = [0.3, 0.2, 0.5, 0.4, 0.1][look];
        let transform = Transform::from_translation(at.extend(z)).with_scale(Vec3::splat(scale));
        match pool[look].get(used[look]) {
            Some(&entity) => {
                if let Ok((_, _, mut t, mut v)) = cells.get_mut(entity) {
                    t.set_if_neq(transform);
                    v.set_if_neq(Visibility::Inherited);
                }
            }
            None => {
                commands.spawn((
                    LabCells(look),
                    DespawnOnExit(Screen::Lab),
                    Mesh2d(assets.meshes[look].clone()),
                    MeshMaterial2d(assets.materials[look].clone()),
                    transform,
                    Visibility::Inherited,
                ));
            }
        }
        used[look] += 1;
    }
    for (look, entities) in pool.iter().enumerate() {
        for &entity in entities.iter().skip(used[look]) {
            if let Ok((_, _, _, mut v)) = cells.get_mut(entity) {
                v.set_if_neq(Visibility::Hidden);
            }
        }
    }
}
