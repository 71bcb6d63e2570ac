//! The lab's words and widgets: the preset buttons, the legend, the
//! lesson with its sources and the note, the counts in words; spawned when
//! the lab opens.

use accesskit::Role as AccessRole;
use bevy::a11y::AccessibilityNode;
use bevy::asset::RenderAssetUsages;
use bevy::mesh::PrimitiveTopology;
use bevy::prelude::*;

use bevy::ui_widgets::{Checkbox, RadioButton, RadioGroup};

use crate::content::lab::Therapy;
use crate::input::{Intent, OwnKeys};
use crate::palette;
use crate::screens::screen::Screen;
use crate::ui::access::Focusable;
use crate::ui::access::Spoken;
use crate::ui::paint::{Ink, Role};
use crate::ui::widgets::button;

use super::controls::{LabControl, slider, toggle};
use super::legend::{mark_node, pattern_node};
use super::patch::{LabCells, SERIES};
use super::plot::{PlotAxis, PlotFuture, PlotLabel, PlotLine, PlotPlayhead, PlotTop};
use super::state::*;

/// The counts at the step shown, in words.
#[derive(Component)]
pub(super) struct LabReadout;

/// The note that the lab is a teaching model.
#[derive(Component)]
pub struct LabNote;

pub(super) fn spawn_view(
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
        // At the design rules' caption size; the note and the counts smaller.
        text("", crate::content::text::CAPTION_MIN_VH),
        Spoken::caption(),
        Node {
            position_type: PositionType::Absolute,
            left: vw(2.0),
            right: vw(2.0),
            top: vh(73.5),
            ..default()
        },
        children![
            (
                LabNote,
                TextSpan::new(""),
                TextFont {
                    font_size: FontSize::Vh(TEXT_VH * 1.1),
                    ..default()
                },
                Ink(Role::Text),
            ),
            (
                LabReadout,
                TextSpan::new(""),
                TextFont {
                    font_size: FontSize::Vh(TEXT_VH * 1.1),
                    ..default()
                },
                Ink(Role::Text),
            )
        ],
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

/// The lesson with its sources and the note; the counts at the step shown.
pub(super) fn write_words(
    lab: Res<ActiveLab>,
    run: Option<Res<LabRun>>,
    mut shown: Single<(&mut Text, &mut AccessibilityNode), With<LabText>>,
    mut readout: Single<&mut TextSpan, (With<LabReadout>, Without<LabNote>)>,
    mut note: Single<&mut TextSpan, With<LabNote>>,
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
        format!(
            " {}",
            label.replace(' ', &crate::content::text::GLUE.to_string())
        )
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
    let words = format!("{lesson}{cited}\n");
    let noted = format!("{}\n", lab.lab.note);
    if note.0 != noted {
        note.0 = noted;
    }
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
