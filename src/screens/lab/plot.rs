//! The plot: the whole run's counts, a line pattern per series, the
//! axes, the "now" line at the step shown with the rest of the run veiled.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use crate::content::lab::{Counts, Params};
use crate::playback::Playhead;
use crate::theme::Theme;

use super::patch::SERIES;
use super::state::*;

/// One series of the plot (its index in [`SERIES`]).
#[derive(Component)]
pub(super) struct PlotLine(pub(super) usize);

/// The plot's playhead line.
#[derive(Component)]
pub(super) struct PlotPlayhead;

/// The plot's axes.
#[derive(Component)]
pub(super) struct PlotAxis;

/// The veil over the part of the run after the step shown.
#[derive(Component)]
pub(super) struct PlotFuture;

/// A word on the plot: "now" over its line, the x axis's name.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
pub(super) enum PlotLabel {
    Now,
    Steps,
}

/// A number on the plot's axis: the top of the y axis.
#[derive(Component)]
pub(super) struct PlotTop;

/// The series' value in a step's counts.
pub(super) fn value(counts: &Counts, series: usize) -> u32 {
    match series {
        0 => counts.cancer_with_lock,
        1 => counts.cancer_without_lock,
        2 => counts.t_cells,
        _ => counts.carriers,
    }
}

/// The plot's top value: the largest count of the run, rounded up.
pub fn plot_top(history: &[Counts]) -> u32 {
    let most = history
        .iter()
        .flat_map(|c| (0..4).map(move |s| value(c, s)))
        .max()
        .unwrap_or(0)
        .max(10);
    let step = 10u32.pow((most as f32).log10().floor() as u32).max(10) / 2;
    most.div_ceil(step) * step
}

/// A series of the whole run as a thick line in its pattern, in the
/// camera's space.
pub(super) fn series_mesh(
    history: &[Counts],
    series: usize,
    plot: Rect,
    top: u32,
    size: Vec2,
) -> Mesh {
    let pattern = SERIES[series].pattern.unwrap_or(&[1.0, 0.0]);
    let cycle: f32 = pattern.iter().sum::<f32>().max(1.0);
    let on_at = |d: f32| {
        let mut t = d % cycle;
        for (k, length) in pattern.iter().enumerate() {
            if t < *length {
                return k % 2 == 0;
            }
            t -= length;
        }
        true
    };
    let point = |step: usize, c: &Counts| {
        let x = plot.min.x + plot.width() * step as f32 / RUN_STEPS as f32;
        let y = plot.max.y - plot.height() * value(c, series) as f32 / top as f32;
        world(size.x, size.y, Vec2::new(x, y))
    };
    let points: Vec<Vec2> = history
        .iter()
        .enumerate()
        .step_by(2)
        .map(|(k, c)| point(k, c))
        .collect();
    let mut positions: Vec<[f32; 3]> = vec![];
    let mut indices: Vec<u32> = vec![];
    let mut travelled = 0.0;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let length = a.distance(b);
        if length > 0.0 && on_at(travelled + length / 2.0) {
            let across = (b - a).perp().normalize() * LINE_PX / 2.0;
            // Reach a little past each end, so that turns have no gaps.
            let along = (b - a).normalize() * (LINE_PX / 2.0).min(length);
            let n = positions.len() as u32;
            for p in [
                a - across - along,
                a + across - along,
                b + across + along,
                b - across + along,
            ] {
                positions.push([p.x, p.y, 0.0]);
            }
            indices.extend([n, n + 1, n + 2, n, n + 2, n + 3]);
        }
        travelled += length;
    }
    flat_mesh(positions, indices)
}

/// The plot follows the run (its lines), the window (everything) and the
/// playhead (its line).
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_plot(
    window: Single<&Window, With<PrimaryWindow>>,
    run: Option<Res<LabRun>>,
    playhead: Res<Playhead>,
    theme: Res<Theme>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    lines: Query<(Ref<PlotLine>, &Mesh2d)>,
    mut axes: Query<(&Name, &mut Transform, &MeshMaterial2d<ColorMaterial>), With<PlotAxis>>,
    mut marker: Single<&mut Transform, (With<PlotPlayhead>, Without<PlotAxis>)>,
    mut top_label: Single<(&mut Text, &mut Node), With<PlotTop>>,
    mut labels: Query<(&PlotLabel, &mut Node), Without<PlotTop>>,
    mut future: Single<
        (&mut Transform, &MeshMaterial2d<ColorMaterial>),
        (With<PlotFuture>, Without<PlotAxis>, Without<PlotPlayhead>),
    >,
    mut drawn_for: Local<Option<(usize, Params, Vec2)>>,
) {
    let Some(run) = run else {
        return;
    };
    let size = window.size();
    let (patch, plot) = lab_layout(size.x, size.y);
    // Drawn again for other rules (a preset or a control), another window
    // size, or new line entities (the lab opened again).
    let wanted = Some((run.preset, run.params.clone(), size));
    if *drawn_for != wanted || lines.iter().any(|(line, _)| line.is_added()) {
        *drawn_for = wanted;
        let top = plot_top(&run.history);
        for (line, handle) in &lines {
            if let Some(mut mesh) = meshes.get_mut(&handle.0) {
                *mesh = series_mesh(&run.history, line.0, plot, top, size);
            }
        }
        for (name, mut transform, _) in &mut axes {
            let (centre, scale) = match name.as_str() {
                "x axis" => (
                    Vec2::new(plot.center().x, plot.max.y + 1.0),
                    Vec2::new(plot.width(), 2.0),
                ),
                "y axis" => (
                    Vec2::new(plot.min.x - 1.0, plot.center().y),
                    Vec2::new(2.0, plot.height()),
                ),
                _ => (patch.center(), patch.size() + Vec2::splat(6.0)),
            };
            let z = transform.translation.z;
            transform.translation = world(size.x, size.y, centre).extend(z);
            transform.scale = scale.extend(1.0);
        }
        let (text, node) = &mut *top_label;
        text.0 = format!("{top} cells");
        node.left = px(plot.min.x - size.x * 0.065);
        node.top = px(plot.min.y - size.y * 0.015);
    }
    // The axes and the frame in the theme's text colour.
    for (_, _, material) in &axes {
        if let Some(mut m) = materials.get_mut(&material.0)
            && m.color != theme.text
        {
            m.color = theme.text;
        }
    }
    let step = LabRun::step_at(playhead.time);
    let x = plot.min.x + plot.width() * step as f32 / RUN_STEPS as f32;
    let centre = world(size.x, size.y, Vec2::new(x, plot.center().y));
    marker.translation = centre.extend(3.0);
    marker.scale = Vec3::new(3.0, plot.height() + 8.0, 1.0);
    let (veil, material) = &mut *future;
    let after = Rect::new(
        x + 2.0,
        plot.min.y - 4.0,
        plot.max.x + 4.0,
        plot.max.y - 1.0,
    );
    veil.translation = world(size.x, size.y, after.center()).extend(2.5);
    veil.scale = after.size().max(Vec2::ZERO).extend(1.0);
    let veiled = theme.background.with_alpha(0.7);
    if let Some(mut m) = materials.get_mut(&material.0)
        && m.color != veiled
    {
        m.color = veiled;
    }
    for (label, mut node) in &mut labels {
        let (left, top) = match label {
            PlotLabel::Now => (x + size.x * 0.005, plot.min.y),
            PlotLabel::Steps => (plot.max.x - size.x * 0.27, plot.max.y + size.y * 0.004),
        };
        if node.left != px(left) || node.top != px(top) {
            node.left = px(left);
            node.top = px(top);
        }
    }
}
