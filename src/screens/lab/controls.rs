//! The controls that change one rule at a time (bevy_ui_widgets: a radio
//! group, sliders, a checkbox), by pointer and by keyboard, and their sync
//! with the rules the lab runs.

use accesskit::Role as AccessRole;
use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use bevy::ui::Checked;
use bevy::ui_widgets::{
    Slider, SliderRange, SliderStep, SliderThumb, SliderValue, TrackClick, ValueChange,
};

use crate::content::lab::{Params, Therapy};
use crate::input::OwnKeys;
use crate::palette;
use crate::ui::access::Focusable;
use crate::ui::paint::{Edge, Role};

use super::state::*;

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
pub(super) fn therapy_words(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::CarT => "CAR T",
        Therapy::Tcr => "TCR",
        Therapy::Til => "TIL",
    }
}

/// The words beside a control.
#[derive(Component)]
pub(super) struct ControlWords(pub(super) LabControl);

/// The mark inside a checkbox or radio button, shown when it is checked.
#[derive(Component)]
pub(super) struct CheckMark;

/// A slider moved (dragged, clicked or keyed): its rule changes.
pub(super) fn on_slider(
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
pub(super) fn on_checkbox(
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
pub(super) fn on_radio(
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

/// The controls show the rules the lab runs now.
#[allow(clippy::type_complexity)]
pub(super) fn sync_controls(
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
pub(super) fn slider(control: LabControl, order: i32, parent: &mut ChildSpawnerCommands) {
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
pub(super) fn toggle(control: LabControl, round: bool) -> impl Bundle {
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
