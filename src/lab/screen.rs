//! The lab's screen ([`Screen::Lab`]: L, `--lab`, the chooser's last entry):
//! the patch drawn with the walkthroughs' colours and one shape per kind of
//! cell, the counts of the whole run plotted with the playhead on them, the
//! presets (the digits, or their buttons), the lesson with its sources and
//! the note that this is a teaching model.
//!
//! The playhead is the app's: play, pause, seek, speed and restart work as on
//! the other screens. A run is [`RUN_STEPS`] steps shown at
//! [`STEPS_PER_SECOND`]; it is computed whole when a preset is chosen (so the
//! plot shows where it goes), and the patch shows the step under the
//! playhead, replayed from the nearest snapshot when seeking back.

use accesskit::Role as AccessRole;
use bevy::a11y::AccessibilityNode;
use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::InputFocus;
use bevy::ui::Checked;
use bevy::ui_widgets::{
    Checkbox, CheckboxPlugin, RadioButton, RadioGroup, RadioGroupPlugin, Slider, SliderPlugin,
    SliderRange, SliderStep, SliderThumb, SliderValue, TrackClick, ValueChange,
};

use super::{Counts, Kind, Lab, Params, Run, Therapy};
use crate::input::{Intent, OwnKeys};
use crate::palette;
use crate::playback::{PlaybackSet, Playhead, Timeline};
use crate::scenes::SceneSlots;
use crate::story::Source;
use crate::theme::{Theme, ThemeSet};
use crate::ui::access::Focusable;
use crate::ui::access::Spoken;
use crate::ui::paint::{Edge, Ink, Role};
use crate::ui::widgets::button;
use crate::view::Screen;

/// Steps in one run of the lab.
pub const RUN_STEPS: u64 = 1200;
/// Steps shown per second at 1x.
pub const STEPS_PER_SECOND: f32 = 20.0;
/// Text size of the lab's words, in percent of the window height.
const TEXT_VH: f32 = 2.6;
/// Text size of the controls' words.
const CONTROL_VH: f32 = 2.3;
/// Thickness of the plot's lines, in logical pixels.
const LINE_PX: f32 = 3.0;

/// The lab's one "stage": a whole run.
pub fn timeline() -> Timeline {
    Timeline {
        part: "Run",
        titles: vec![Lab::built_in().title],
        durations: vec![RUN_STEPS as f32 / STEPS_PER_SECOND],
    }
}

/// The lab's rules, presets and the sources they cite, numbered.
#[derive(Resource, Debug, Clone)]
pub struct ActiveLab {
    /// The built-in lab.
    pub lab: Lab,
    /// The sources its rules and presets cite, in citation order.
    pub numbered: Vec<Source>,
}

impl Default for ActiveLab {
    fn default() -> Self {
        let lab = Lab::built_in();
        let numbered = lab.numbered();
        ActiveLab { lab, numbered }
    }
}

impl ActiveLab {
    /// `[1, 3]` for these source ids.
    pub fn citation_label(&self, cite: &[String]) -> String {
        crate::story::citation_label(&self.numbered, cite)
    }
}

/// The preset shown (0-based), chosen with the digits or its button.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabPreset(pub usize);

/// The run of the chosen preset: computed whole, and the step shown.
#[derive(Resource, Debug, Clone)]
pub struct LabRun {
    /// Which preset it comes from.
    pub preset: usize,
    /// The rules it runs: the preset's, or as changed on screen.
    pub params: Params,
    /// The run, at the step shown.
    pub run: Run,
    /// The counts of every step of the whole run.
    pub history: Vec<Counts>,
}

impl LabRun {
    /// Runs preset `preset` of `lab` (the defaults if there is none) to its
    /// end, keeping its counts, and goes back to its start.
    pub fn new(lab: &Lab, preset: usize) -> LabRun {
        let params = wanted(lab, preset, &LabChanges(None));
        LabRun::of(preset, params)
    }

    /// Runs these rules (from preset `preset`) to the end, and goes back to
    /// the start.
    pub fn of(preset: usize, params: Params) -> LabRun {
        let mut run = Run::new(params.clone()).expect("the controls keep rules in range");
        for _ in 0..RUN_STEPS {
            run.step();
        }
        let history = run.history.clone();
        run.seek(0);
        LabRun {
            preset,
            params,
            run,
            history,
        }
    }

    /// The step at playhead time `time` (seconds).
    pub fn step_at(time: f32) -> u64 {
        ((time.max(0.0) * STEPS_PER_SECOND) as u64).min(RUN_STEPS)
    }
}

/// The lab's data and run, without drawing: part of the core app.
pub fn plugin(app: &mut App) {
    app.init_resource::<ActiveLab>()
        .init_resource::<LabPreset>()
        .init_resource::<LabChanges>()
        .add_systems(
            Update,
            (choose_run, follow_playhead)
                .chain()
                .run_if(in_state(Screen::Lab))
                .in_set(PlaybackSet::Present),
        );
}

/// A new preset, or rules changed with the controls, get their run (from
/// its start). Choosing a preset drops the changes.
fn choose_run(
    mut commands: Commands,
    lab: Res<ActiveLab>,
    chosen: Res<LabPreset>,
    mut changes: ResMut<LabChanges>,
    run: Option<Res<LabRun>>,
    mut playhead: ResMut<Playhead>,
) {
    if chosen.is_changed() && !chosen.is_added() && changes.0.is_some() {
        changes.0 = None;
    }
    let preset = chosen.0.min(lab.lab.presets.len().saturating_sub(1));
    let params = wanted(&lab.lab, preset, &changes);
    if run.is_none_or(|r| r.preset != preset || r.params != params) {
        if changes.is_changed() && changes.0.is_some() {
            playhead.time = 0.0;
        }
        commands.insert_resource(LabRun::of(preset, params));
    }
}

/// The patch shows the step under the playhead.
fn follow_playhead(playhead: Res<Playhead>, run: Option<ResMut<LabRun>>) {
    let Some(mut run) = run else {
        return;
    };
    let step = LabRun::step_at(playhead.time);
    if run.run.world.step != step {
        run.run.seek(step);
    }
}

/// Marks the lab's screen nodes.
#[derive(Component)]
pub struct LabView;

/// The lesson, its sources and the note.
#[derive(Component)]
pub struct LabText;

/// The counts at the step shown, in words.
#[derive(Component)]
struct LabReadout;

/// A drawn cell; its look is [`Look`]'s index.
#[derive(Component)]
pub struct LabCells(pub usize);

/// One series of the plot (its index in [`SERIES`]).
#[derive(Component)]
struct PlotLine(usize);

/// The plot's playhead line.
#[derive(Component)]
struct PlotPlayhead;

/// The plot's axes.
#[derive(Component)]
struct PlotAxis;

/// The veil over the part of the run after the step shown.
#[derive(Component)]
struct PlotFuture;

/// A word on the plot: "now" over its line, the x axis's name.
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum PlotLabel {
    Now,
    Steps,
}

/// A number on the plot's axis: the top of the y axis.
#[derive(Component)]
struct PlotTop;

/// The kinds of cell drawn: name, colour, shape, line pattern of its series
/// (on and off lengths in pixels; none for cells not plotted).
struct Look {
    words: &'static str,
    colour: Color,
    shape: Mark,
    pattern: Option<&'static [f32]>,
}

/// The shape of a kind of cell, in the patch and in the legend.
#[derive(Clone, Copy)]
enum Mark {
    Square,
    HollowSquare,
    Circle,
    Diamond,
    SmallCircle,
}

/// The looks, in the order of [`look_of`]; the first four are plotted.
const SERIES: [Look; 5] = [
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
fn look_of(kind: Kind, locks: u8) -> usize {
    match kind {
        Kind::Cancer if locks & 1 != 0 => 0,
        Kind::Cancer => 1,
        Kind::TCell => 2,
        Kind::Carrier => 3,
        Kind::Plain => 4,
    }
}

/// The series' value in a step's counts.
fn value(counts: &Counts, series: usize) -> u32 {
    match series {
        0 => counts.cancer_with_lock,
        1 => counts.cancer_without_lock,
        2 => counts.t_cells,
        _ => counts.carriers,
    }
}

/// Where the patch and the plot are, in logical pixels from the window's
/// top-left corner.
pub fn lab_layout(width: f32, height: f32) -> (Rect, Rect) {
    let vh = height / 100.0;
    let vw = width / 100.0;
    let top = 23.0 * vh;
    let bottom = 72.0 * vh;
    let side = (bottom - top).min(42.0 * vw);
    let patch = Rect::new(2.0 * vw, top, 2.0 * vw + side, top + side);
    let plot = Rect::new(
        patch.max.x + 7.0 * vw,
        top + 20.0 * vh,
        97.0 * vw,
        bottom - 3.0 * vh,
    );
    (patch, plot)
}

/// The lab's drawing and words: part of the screen.
pub fn draw_plugin(app: &mut App) {
    if !app.is_plugin_added::<SliderPlugin>() {
        app.add_plugins((SliderPlugin, CheckboxPlugin, RadioGroupPlugin));
    }
    app.add_observer(on_slider)
        .add_observer(on_checkbox)
        .add_observer(on_radio)
        .add_systems(
            Update,
            control_keys
                .run_if(in_state(Screen::Lab))
                .in_set(crate::input::InputSet::Read),
        )
        .add_systems(OnEnter(Screen::Lab), (clear_scenes, spawn_view))
        .add_systems(
            Update,
            (draw_cells, draw_plot, write_words, sync_controls)
                .after(follow_playhead)
                .after(ThemeSet)
                .run_if(in_state(Screen::Lab))
                .in_set(PlaybackSet::Present),
        );
}

/// The walkthrough's or the comparison's scenes go.
fn clear_scenes(mut slots: ResMut<SceneSlots>) {
    slots.0.clear();
}

/// A legend mark: the cell's shape, as a UI node.
fn mark_node(look: &Look) -> impl Bundle {
    let size = vh(2.4);
    let mut node = Node {
        width: size,
        height: size,
        flex_shrink: 0.0,
        ..default()
    };
    let (background, border, transform) = match look.shape {
        Mark::Square => (look.colour, look.colour, UiTransform::default()),
        Mark::HollowSquare => {
            node.border = UiRect::all(px(4));
            (Color::NONE, look.colour, UiTransform::default())
        }
        Mark::Circle => {
            node.border_radius = BorderRadius::MAX;
            (look.colour, look.colour, UiTransform::default())
        }
        Mark::Diamond => (
            look.colour,
            look.colour,
            UiTransform::from_rotation(Rot2::degrees(45.0)),
        ),
        Mark::SmallCircle => {
            node.width = vh(1.6);
            node.height = vh(1.6);
            node.border = UiRect::all(px(1));
            node.border_radius = BorderRadius::MAX;
            (look.colour, palette::INK, UiTransform::default())
        }
    };
    (
        node,
        BackgroundColor(background),
        BorderColor::all(border),
        transform,
    )
}

/// A sample of a series' line pattern, as UI nodes.
fn pattern_node(look: &Look, parent: &mut ChildSpawnerCommands) {
    let Some(pattern) = look.pattern else {
        return;
    };
    parent
        .spawn(Node {
            width: px(48),
            height: px(LINE_PX),
            flex_shrink: 0.0,
            column_gap: px(0),
            ..default()
        })
        .with_children(|sample| {
            let mut x = 0.0;
            let mut on = true;
            let mut i = 0;
            while x < 48.0 {
                let length = pattern[i % pattern.len()].max(1.0).min(48.0 - x);
                sample.spawn((
                    Node {
                        width: px(length),
                        height: px(LINE_PX),
                        flex_shrink: 0.0,
                        ..default()
                    },
                    BackgroundColor(if on { look.colour } else { Color::NONE }),
                ));
                x += length;
                on = !on || pattern.len() == 2 && pattern[1] == 0.0;
                i += 1;
            }
        });
}

fn text(words: impl Into<String>, size: f32) -> impl Bundle {
    (
        Text::new(words),
        TextFont {
            font_size: FontSize::Vh(size),
            ..default()
        },
        Ink(Role::Text),
    )
}

fn spawn_view(
    mut commands: Commands,
    lab: Res<ActiveLab>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let lab = &lab.lab;
    // The presets, a button each: their digit and name.
    commands
        .spawn((
            Name::new("Presets"),
            LabView,
            DespawnOnExit(Screen::Lab),
            Spoken::group("Presets", AccessRole::Group),
            Node {
                position_type: PositionType::Absolute,
                left: vw(2.0),
                right: vw(2.0),
                top: vh(9.0),
                column_gap: vw(0.8),
                flex_wrap: FlexWrap::Wrap,
                ..default()
            },
        ))
        .with_children(|row| {
            for (i, preset) in lab.presets.iter().enumerate() {
                row.spawn(button(
                    Intent::JumpTo(i),
                    &format!("{} {}", i + 1, preset.label),
                    60 + i as i32,
                ));
            }
        });
    // The rules one can change.
    commands
        .spawn((
            Name::new("Rules"),
            LabView,
            DespawnOnExit(Screen::Lab),
            Spoken::group("Change the rules", AccessRole::Group),
            Node {
                position_type: PositionType::Absolute,
                left: vw(2.0),
                right: vw(2.0),
                top: vh(15.5),
                column_gap: vw(1.6),
                align_items: AlignItems::FlexEnd,
                ..default()
            },
        ))
        .with_children(|row| {
            let mut group = accesskit::Node::new(AccessRole::RadioGroup);
            group.set_label("Therapy");
            row.spawn((
                LabControl::Therapy,
                RadioGroup,
                Focusable(70),
                OwnKeys,
                AccessibilityNode(group),
                Node {
                    column_gap: vw(0.8),
                    align_items: AlignItems::Center,
                    ..default()
                },
            ))
            .with_children(|group| {
                for therapy in Therapy::ALL {
                    group.spawn((toggle(LabControl::TherapyIs(therapy), true), RadioButton));
                }
            });
            slider(LabControl::TCells, 71, row);
            slider(LabControl::Lockless, 72, row);
            slider(LabControl::LossRate, 73, row);
            slider(LabControl::Growth, 74, row);
            row.spawn((
                toggle(LabControl::HlaMatch, false),
                Checkbox,
                Focusable(75),
                OwnKeys,
            ));
            slider(LabControl::Seed, 76, row);
        });
    // The legend, above the plot; the readout of the step shown under it.
    commands
        .spawn((
            Name::new("Legend"),
            LabView,
            DespawnOnExit(Screen::Lab),
            Spoken::group("Legend", AccessRole::Group),
            Node {
                position_type: PositionType::Absolute,
                left: vw(53.0),
                right: vw(2.0),
                top: vh(23.0),
                flex_direction: FlexDirection::Column,
                row_gap: vh(0.6),
                ..default()
            },
        ))
        .with_children(|legend| {
            for look in &SERIES {
                legend
                    .spawn(Node {
                        align_items: AlignItems::Center,
                        column_gap: vw(0.8),
                        ..default()
                    })
                    .with_children(|line| {
                        line.spawn(mark_node(look));
                        pattern_node(look, line);
                        line.spawn((text(look.words, TEXT_VH), Spoken::label()));
                    });
            }
        });
    commands.spawn((
        Name::new("Plot top"),
        PlotTop,
        LabView,
        DespawnOnExit(Screen::Lab),
        text("", TEXT_VH * 0.8),
        Node {
            position_type: PositionType::Absolute,
            ..default()
        },
    ));
    // The lesson and the note, where the walkthrough's caption is.
    commands.spawn((
        Name::new("Lesson"),
        LabText,
        LabView,
        DespawnOnExit(Screen::Lab),
        text("", TEXT_VH * 1.35),
        Spoken::caption(),
        Node {
            position_type: PositionType::Absolute,
            left: vw(2.0),
            right: vw(2.0),
            top: vh(73.5),
            ..default()
        },
        children![(
            LabReadout,
            TextSpan::new(""),
            TextFont {
                font_size: FontSize::Vh(TEXT_VH * 1.1),
                ..default()
            },
            Ink(Role::Text),
        )],
    ));
    // The patch's frame, the plot's axes and playhead; the series' lines.
    let square = meshes.add(Rectangle::new(1.0, 1.0));
    let ink = materials.add(ColorMaterial::from_color(palette::INK));
    commands.spawn((
        PlotAxis,
        DespawnOnExit(Screen::Lab),
        Mesh2d(square.clone()),
        MeshMaterial2d(ink.clone()),
        Transform::from_xyz(0.0, 0.0, -2.0),
        Name::new("Patch frame"),
    ));
    let tissue = materials.add(ColorMaterial::from_color(palette::PAPER));
    commands.spawn((
        LabCells(usize::MAX),
        DespawnOnExit(Screen::Lab),
        Mesh2d(square.clone()),
        MeshMaterial2d(tissue),
        Transform::from_xyz(0.0, 0.0, -1.0),
        Name::new("Patch"),
    ));
    for axis in ["x axis", "y axis"] {
        commands.spawn((
            PlotAxis,
            DespawnOnExit(Screen::Lab),
            Mesh2d(square.clone()),
            MeshMaterial2d(ink.clone()),
            Transform::default(),
            Name::new(axis),
        ));
    }
    // "Now": a line in the text colour, the run after it veiled.
    commands.spawn((
        PlotPlayhead,
        DespawnOnExit(Screen::Lab),
        Mesh2d(square.clone()),
        MeshMaterial2d(ink.clone()),
        Transform::from_xyz(0.0, 0.0, 3.0),
        Name::new("Plot playhead"),
    ));
    commands.spawn((
        PlotFuture,
        DespawnOnExit(Screen::Lab),
        Mesh2d(square),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(Color::NONE))),
        Transform::from_xyz(0.0, 0.0, 2.5),
        Name::new("Plot future"),
    ));
    for (label, words) in [
        (PlotLabel::Now, "now"),
        (PlotLabel::Steps, "Steps of the model (not days)"),
    ] {
        commands.spawn((
            label,
            LabView,
            DespawnOnExit(Screen::Lab),
            text(words, TEXT_VH),
            Node {
                position_type: PositionType::Absolute,
                ..default()
            },
        ));
    }
    for (i, look) in SERIES
        .iter()
        .enumerate()
        .filter(|(_, l)| l.pattern.is_some())
    {
        commands.spawn((
            PlotLine(i),
            DespawnOnExit(Screen::Lab),
            Mesh2d(meshes.add(Mesh::new(
                PrimitiveTopology::TriangleList,
                RenderAssetUsages::default(),
            ))),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(look.colour))),
            Transform::from_xyz(0.0, 0.0, 2.0 - i as f32 * 0.1),
            Name::new(look.words),
        ));
    }
}

/// A point given in logical pixels from the top-left corner, in the
/// camera's space (origin at the centre, y up).
fn world(width: f32, height: f32, p: Vec2) -> Vec2 {
    Vec2::new(p.x - width / 2.0, height / 2.0 - p.y)
}

/// The meshes of the cells' shapes, unit radius.
#[derive(Resource)]
struct CellAssets {
    meshes: Vec<Handle<Mesh>>,
    materials: Vec<Handle<ColorMaterial>>,
}

/// A square ring: the outline of a square of half-side 1.
fn hollow_square() -> Mesh {
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
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(indices))
}

/// One entity per cell shown, reused: the patch follows the step shown.
#[allow(clippy::too_many_arguments)]
fn draw_cells(
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
    let scale = patch.width() / (world_state.side + 2.0 * super::model::RADIUS);
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
                patch.min.x + (world_state.x[i] + super::model::RADIUS) * scale,
                patch.min.y + (world_state.y[i] + super::model::RADIUS) * scale,
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
fn series_mesh(history: &[Counts], series: usize, plot: Rect, top: u32, size: Vec2) -> Mesh {
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
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(indices))
}

/// The plot follows the run (its lines), the window (everything) and the
/// playhead (its line).
#[allow(clippy::too_many_arguments)]
fn draw_plot(
    window: Single<&Window, With<PrimaryWindow>>,
    run: Option<Res<LabRun>>,
    playhead: Res<Playhead>,
    theme: Res<Theme>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    lines: Query<(&PlotLine, &Mesh2d)>,
    mut axes: Query<(&Name, &mut Transform, &MeshMaterial2d<ColorMaterial>), With<PlotAxis>>,
    mut marker: Single<&mut Transform, (With<PlotPlayhead>, Without<PlotAxis>)>,
    mut top_label: Single<(&mut Text, &mut Node), With<PlotTop>>,
    mut labels: Query<(&PlotLabel, &mut Node), Without<PlotTop>>,
    mut future: Single<
        (&mut Transform, &MeshMaterial2d<ColorMaterial>),
        (With<PlotFuture>, Without<PlotAxis>, Without<PlotPlayhead>),
    >,
    mut drawn_for: Local<Option<(usize, Vec2)>>,
) {
    let Some(run) = run else {
        return;
    };
    let size = window.size();
    let (patch, plot) = lab_layout(size.x, size.y);
    let top = plot_top(&run.history);
    if *drawn_for != Some((run.preset, size)) || run.is_changed() && drawn_for.is_none() {
        *drawn_for = Some((run.preset, size));
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

/// The lesson with its sources and the note; the counts at the step shown.
fn write_words(
    lab: Res<ActiveLab>,
    run: Option<Res<LabRun>>,
    mut shown: Single<(&mut Text, &mut AccessibilityNode), With<LabText>>,
    mut readout: Single<&mut TextSpan, With<LabReadout>>,
) {
    let Some(run) = run else {
        return;
    };
    let Some(preset) = lab.lab.presets.get(run.preset) else {
        return;
    };
    let label = if preset.cite.is_empty() {
        String::new()
    } else {
        lab.citation_label(&preset.cite)
    };
    let cited = if label.is_empty() {
        String::new()
    } else {
        format!(" {}", label.replace(' ', &crate::text::GLUE.to_string()))
    };
    let (lesson, label, cited) = if run.params == preset.params {
        (format!("{}: {}", preset.label, preset.lesson), label, cited)
    } else {
        (
            format!(
                "Your own rules, changed from \"{}\": watch what they do.",
                preset.label
            ),
            String::new(),
            String::new(),
        )
    };
    let words = format!("{lesson}{cited}\n{}\n", lab.lab.note);
    let (text, node) = &mut *shown;
    if text.0 != words {
        // Read out when the preset changes, not at every step.
        let spoken = format!(
            "{} {}",
            crate::ui::access::spoken_caption(&lesson, &label),
            lab.lab.note
        );
        node.set_value(spoken);
        text.0 = words;
    }
    let c = run.run.world.counts();
    let now = format!(
        "Step {} of {RUN_STEPS}: {} cancer cells with the lock, {} without it, {} T cells, {} healthy B cells.",
        c.step, c.cancer_with_lock, c.cancer_without_lock, c.t_cells, c.carriers
    );
    if readout.0 != now {
        readout.0 = now;
    }
}

/// The rules as changed with the lab's controls; none while they are the
/// preset's own. Choosing a preset clears it.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct LabChanges(pub Option<Params>);

/// A control of the lab: which rule it changes.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum LabControl {
    /// The therapy's radio group.
    Therapy,
    /// One radio button of it.
    TherapyIs(Therapy),
    /// The T cells given (a slider).
    TCells,
    /// The share of cancer cells without the lock (a slider).
    Lockless,
    /// The chance a new cancer cell loses the lock (a slider).
    LossRate,
    /// The cancer cells' chance to divide in a step (a slider).
    Growth,
    /// Whether the patient's HLA type matches the TCR (a checkbox).
    HlaMatch,
    /// The seed (a slider).
    Seed,
}

impl LabControl {
    /// A slider's range and step.
    fn range(self) -> (f32, f32, f32) {
        match self {
            LabControl::TCells => (0.0, 200.0, 5.0),
            LabControl::Lockless => (0.0, 0.5, 0.05),
            LabControl::LossRate => (0.0, 0.2, 0.01),
            LabControl::Growth => (0.0, 0.02, 0.001),
            _ => (1.0, 20.0, 1.0),
        }
    }

    /// A slider's value in these rules.
    fn get(self, p: &Params) -> f32 {
        match self {
            LabControl::TCells => p.t_cells as f32,
            LabControl::Lockless => p.lockless_share,
            LabControl::LossRate => p.loss_rate,
            LabControl::Growth => p.growth,
            _ => p.seed as f32,
        }
    }

    /// These rules with a slider's value.
    fn set(self, p: &mut Params, v: f32) {
        let (lo, hi, step) = self.range();
        let v = ((v.clamp(lo, hi) - lo) / step).round() * step + lo;
        match self {
            LabControl::TCells => p.t_cells = v as u32,
            LabControl::Lockless => p.lockless_share = (v * 100.0).round() / 100.0,
            LabControl::LossRate => p.loss_rate = (v * 100.0).round() / 100.0,
            LabControl::Growth => p.growth = (v * 1000.0).round() / 1000.0,
            _ => p.seed = v as u64,
        }
    }

    /// What it says: its rule and value.
    fn words(self, p: &Params) -> String {
        match self {
            LabControl::TCells => format!("T cells: {}", p.t_cells),
            LabControl::Lockless => format!("No lock at start: {:.0}%", p.lockless_share * 100.0),
            LabControl::LossRate => format!("New ones lose it: {:.0}%", p.loss_rate * 100.0),
            LabControl::Growth => format!("Growth: {:.1}%", p.growth * 100.0),
            LabControl::Seed => format!("Seed: {}", p.seed),
            LabControl::HlaMatch => "HLA match (TCR)".into(),
            LabControl::Therapy => "Therapy".into(),
            LabControl::TherapyIs(t) => therapy_words(t).into(),
        }
    }
}

/// A therapy's name on screen.
fn therapy_words(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::CarT => "CAR T",
        Therapy::Tcr => "TCR",
        Therapy::Til => "TIL",
    }
}

/// The words beside a control.
#[derive(Component)]
struct ControlWords(LabControl);

/// The mark inside a checkbox or radio button, shown when it is checked.
#[derive(Component)]
struct CheckMark;

/// The rules the lab runs now: the changed ones, else the preset's.
fn wanted(lab: &Lab, preset: usize, changes: &LabChanges) -> Params {
    changes.0.clone().unwrap_or_else(|| {
        lab.presets
            .get(preset)
            .map(|p| p.params.clone())
            .unwrap_or_default()
    })
}

/// A slider moved (dragged, clicked or keyed): its rule changes.
fn on_slider(
    change: On<ValueChange<f32>>,
    controls: Query<&LabControl>,
    run: Option<Res<LabRun>>,
    mut changes: ResMut<LabChanges>,
) {
    let (Ok(control), Some(run)) = (controls.get(change.source), run) else {
        return;
    };
    let mut params = run.params.clone();
    control.set(&mut params, change.value);
    if params != run.params {
        changes.0 = Some(params);
    }
}

/// The checkbox clicked: the HLA match changes.
fn on_checkbox(
    change: On<ValueChange<bool>>,
    controls: Query<&LabControl>,
    run: Option<Res<LabRun>>,
    mut changes: ResMut<LabChanges>,
) {
    let (Ok(LabControl::HlaMatch), Some(run)) = (controls.get(change.source), run) else {
        return;
    };
    let mut params = run.params.clone();
    params.hla_match = change.value;
    changes.0 = Some(params);
}

/// A therapy chosen in the radio group.
fn on_radio(
    change: On<ValueChange<Entity>>,
    controls: Query<&LabControl>,
    run: Option<Res<LabRun>>,
    mut changes: ResMut<LabChanges>,
) {
    let (Ok(LabControl::TherapyIs(therapy)), Some(run)) = (controls.get(change.value), run) else {
        return;
    };
    let mut params = run.params.clone();
    params.therapy = *therapy;
    if params != run.params {
        changes.0 = Some(params);
    }
}

/// The arrow keys, Space and Enter on the focused control (the app leaves
/// them to it: see [`crate::input::OwnKeys`]).
fn control_keys(
    mut events: MessageReader<KeyboardInput>,
    focus: Res<InputFocus>,
    controls: Query<&LabControl>,
    run: Option<Res<LabRun>>,
    mut changes: ResMut<LabChanges>,
) {
    let (Some(focused), Some(run)) = (focus.get(), run) else {
        events.clear();
        return;
    };
    let Ok(control) = controls.get(focused) else {
        events.clear();
        return;
    };
    let mut params = changes.0.clone().unwrap_or_else(|| run.params.clone());
    for event in events.read() {
        if event.state != ButtonState::Pressed {
            continue;
        }
        let towards = match event.key_code {
            KeyCode::ArrowLeft | KeyCode::ArrowDown => -1.0,
            KeyCode::ArrowRight | KeyCode::ArrowUp => 1.0,
            KeyCode::Space | KeyCode::Enter | KeyCode::NumpadEnter => 0.0,
            _ => continue,
        };
        match control {
            LabControl::HlaMatch if towards == 0.0 => params.hla_match = !params.hla_match,
            LabControl::Therapy if towards != 0.0 => {
                let i = Therapy::ALL
                    .iter()
                    .position(|t| *t == params.therapy)
                    .unwrap_or(0);
                let n = Therapy::ALL.len() as f32;
                let next = (i as f32 + towards + n) % n;
                params.therapy = Therapy::ALL[next as usize];
            }
            LabControl::TCells
            | LabControl::Lockless
            | LabControl::LossRate
            | LabControl::Growth
            | LabControl::Seed
                if towards != 0.0 =>
            {
                let (_, _, step) = control.range();
                let v = control.get(&params) + towards * step;
                control.set(&mut params, v);
            }
            _ => {}
        }
    }
    if params != run.params {
        changes.0 = Some(params);
    }
}

/// The controls show the rules the lab runs now.
#[allow(clippy::type_complexity)]
fn sync_controls(
    mut commands: Commands,
    run: Option<Res<LabRun>>,
    controls: Query<(Entity, &LabControl, Option<&SliderValue>, Has<Checked>)>,
    tree: Query<&Children>,
    mut marks: Query<&mut Node, With<CheckMark>>,
    mut words: Query<(&ControlWords, &mut Text)>,
) {
    let Some(run) = run else {
        return;
    };
    let p = &run.params;
    for (entity, control, value, checked) in &controls {
        let on = match control {
            LabControl::TCells
            | LabControl::Lockless
            | LabControl::LossRate
            | LabControl::Growth
            | LabControl::Seed => {
                let v = control.get(p);
                if value.is_none_or(|s| s.0 != v) {
                    commands.entity(entity).insert(SliderValue(v));
                }
                let (lo, hi, _) = control.range();
                // The thumb.
                for child in tree.iter_descendants(entity) {
                    if let Ok(mut node) = marks.get_mut(child) {
                        let left = percent(90.0 * (v - lo) / (hi - lo));
                        if node.left != left {
                            node.left = left;
                        }
                    }
                }
                continue;
            }
            LabControl::HlaMatch => p.hla_match,
            LabControl::TherapyIs(t) => p.therapy == *t,
            LabControl::Therapy => continue,
        };
        if on != checked {
            if on {
                commands.entity(entity).insert(Checked);
            } else {
                commands.entity(entity).remove::<Checked>();
            }
        }
        for child in tree.iter_descendants(entity) {
            if let Ok(mut node) = marks.get_mut(child) {
                let display = if on { Display::Flex } else { Display::None };
                if node.display != display {
                    node.display = display;
                }
            }
        }
    }
    for (control, mut text) in &mut words {
        let now = control.0.words(p);
        if text.0 != now {
            text.0 = now;
        }
    }
}

/// A slider: its words above a track with its thumb.
fn slider(control: LabControl, order: i32, parent: &mut ChildSpawnerCommands) {
    let (lo, hi, step) = control.range();
    parent
        .spawn(Node {
            flex_direction: FlexDirection::Column,
            row_gap: vh(0.4),
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|column| {
            column.spawn((
                ControlWords(control),
                text("", CONTROL_VH),
                TextLayout::default().with_no_wrap(),
            ));
            let mut access = accesskit::Node::new(AccessRole::Slider);
            access.set_label(
                control
                    .words(&Params::default())
                    .split(':')
                    .next()
                    .unwrap_or(""),
            );
            column
                .spawn((
                    control,
                    Slider {
                        track_click: TrackClick::Snap,
                        ..default()
                    },
                    SliderValue(lo),
                    SliderRange::new(lo, hi),
                    SliderStep(step),
                    Focusable(order),
                    OwnKeys,
                    AccessibilityNode(access),
                    Node {
                        width: vw(8.0),
                        height: vh(2.6),
                        border: UiRect::all(px(2)),
                        border_radius: BorderRadius::all(vh(1.3)),
                        ..default()
                    },
                    Edge(Role::Text),
                ))
                .with_children(|track| {
                    track.spawn((
                        CheckMark,
                        SliderThumb,
                        Node {
                            position_type: PositionType::Absolute,
                            width: percent(10),
                            height: percent(100),
                            border_radius: BorderRadius::all(vh(1.3)),
                            ..default()
                        },
                        BackgroundColor(palette::T_CELL),
                        Pickable::IGNORE,
                    ));
                });
        });
}

/// A checkbox or radio button: a box (round for a radio button) with its
/// mark, and its words.
fn toggle(control: LabControl, round: bool) -> impl Bundle {
    let mut access = accesskit::Node::new(if round {
        AccessRole::RadioButton
    } else {
        AccessRole::CheckBox
    });
    access.set_label(control.words(&Params::default()));
    let radius = if round {
        BorderRadius::MAX
    } else {
        BorderRadius::all(vh(0.4))
    };
    (
        control,
        AccessibilityNode(access),
        Node {
            align_items: AlignItems::Center,
            column_gap: vw(0.4),
            flex_shrink: 0.0,
            ..default()
        },
        children![
            (
                Node {
                    width: vh(2.4),
                    height: vh(2.4),
                    border: UiRect::all(px(2)),
                    border_radius: radius,
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    ..default()
                },
                Edge(Role::Text),
                Pickable::IGNORE,
                children![(
                    CheckMark,
                    Node {
                        width: vh(1.2),
                        height: vh(1.2),
                        border_radius: radius,
                        ..default()
                    },
                    BackgroundColor(palette::T_CELL),
                    Pickable::IGNORE,
                )],
            ),
            (
                ControlWords(control),
                text(control.words(&Params::default()), CONTROL_VH),
                TextLayout::default().with_no_wrap(),
                Pickable::IGNORE,
            ),
        ],
    )
}
