//! The comparison table (G): one row per aspect, a column per therapy, every
//! cell with its citation numbers. A screen reader reads it row by row: each
//! row is a row node named with all it says.

use bevy::prelude::*;
use bevy::ui::UiSystems;
use bevy::window::PrimaryWindow;

use accesskit::Role as AccessRole;

use super::data::ActiveComparison;
use crate::content::compare::Comparison;
use crate::input::Action;
use crate::settings::Settings;
use crate::ui::access::{Spoken, spoken_caption};
use crate::ui::fonts::Fonts;
use crate::ui::paint::{Edge, Role};
use crate::ui::widgets::{keys_or, panel, title};
use crate::view::Overlay;

/// Font size of the table's text, in percent of the window height, where
/// the table fits at that size.
pub const TABLE_TEXT_VH: f32 = 2.2;
/// The smallest the table's text gets to fit its panel.
pub const TABLE_MIN_VH: f32 = 1.6;
/// Width of the column of aspects, in percent of the table's width.
const ASPECT_PERCENT: f32 = 19.0;

/// The table panel.
#[derive(Component)]
pub struct TablePanel;

/// A row of the table, by index (the header is not one).
#[derive(Component, Debug, Clone, Copy)]
pub struct TableRow(pub usize);

/// A cell's text: sized down with all the others until the table fits.
#[derive(Component)]
struct TableCell;

/// The table overlay, spawned when it opens and fitted to its panel.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Overlay::Table), spawn_table)
        .add_systems(
            PostUpdate,
            fit_table
                .after(UiSystems::Layout)
                .run_if(in_state(Overlay::Table)),
        );
}

/// The table's text starts at [`TABLE_TEXT_VH`]; while its last row ends
/// below the panel's inside (long cells, a window narrower than 16:9), all
/// its text shrinks a step a frame, down to [`TABLE_MIN_VH`]. A new window
/// size starts again from the full size.
fn fit_table(
    window: Single<&Window, With<PrimaryWindow>>,
    panel: Single<(&ComputedNode, &UiGlobalTransform), With<TablePanel>>,
    rows: Query<(&ComputedNode, &UiGlobalTransform), With<TableRow>>,
    mut cells: Query<&mut TextFont, With<TableCell>>,
    mut fitted_for: Local<Vec2>,
) {
    let size = window.size();
    if *fitted_for != size {
        *fitted_for = size;
        for mut cell in &mut cells {
            cell.font_size = FontSize::Vh(TABLE_TEXT_VH);
        }
        return;
    }
    let (node, at) = *panel;
    let inside_bottom =
        at.translation.y + node.size.y / 2.0 - node.padding.max_inset.y - node.border.max_inset.y;
    let last_bottom = rows
        .iter()
        .map(|(row, at)| at.translation.y + row.size.y / 2.0)
        .fold(f32::MIN, f32::max);
    if last_bottom <= inside_bottom + 0.5 {
        return;
    }
    for mut cell in &mut cells {
        let FontSize::Vh(now) = cell.font_size else {
            continue;
        };
        let smaller = FontSize::Vh((now * 0.95).max(TABLE_MIN_VH));
        if cell.font_size != smaller {
            cell.font_size = smaller;
        }
    }
}

/// What a screen reader says for row `r`: the aspect, then each therapy's
/// cell with its sources in words.
pub fn spoken_row(comparison: &Comparison, r: usize) -> String {
    let Some(row) = comparison.table.get(r) else {
        return String::new();
    };
    let cells: Vec<String> = row
        .cells
        .iter()
        .zip(&comparison.lanes)
        .map(|(cell, lane)| {
            let label = comparison.citation_label(&cell.cite);
            format!(
                "{lane}: {}",
                spoken_caption(&end_with_stop(&cell.text), &label)
            )
        })
        .collect();
    format!("{} {}", row.aspect, cells.join(" "))
}

/// Text that ends a sentence, for reading out.
fn end_with_stop(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// A cell's node: `width` percent of the row, its text at the table's size.
fn cell(text: String, bold: Option<Handle<Font>>, width: f32) -> impl Bundle {
    let mut font = TextFont {
        font_size: FontSize::Vh(TABLE_TEXT_VH),
        ..default()
    };
    if let Some(bold) = bold {
        font.font = bold.into();
    }
    (
        // Sized by `fit_table`.
        TableCell,
        Text::new(text),
        font,
        crate::ui::paint::Ink(Role::Text),
        Node {
            width: percent(width),
            flex_shrink: 0.0,
            padding: UiRect::axes(vw(0.5), vh(0.4)),
            ..default()
        },
    )
}

fn spawn_table(
    mut commands: Commands,
    comparison: Res<ActiveComparison>,
    settings: Res<Settings>,
    fonts: Res<Fonts>,
) {
    let comparison = &comparison.0;
    let close = keys_or(&[Action::Table, Action::Back], &settings);
    let column = (100.0 - ASPECT_PERCENT) / comparison.lanes.len().max(1) as f32;
    commands
        .spawn((
            panel("Comparison table", 12),
            TablePanel,
            DespawnOnExit(Overlay::Table),
        ))
        .with_children(|panel| {
            panel.spawn(title(
                format!("How they differ   ({close} to close)"),
                fonts.bold.clone(),
            ));
            panel
                .spawn((
                    Node {
                        flex_direction: FlexDirection::Column,
                        ..default()
                    },
                    Spoken::group(&comparison.title, AccessRole::Table),
                ))
                .with_children(|table| {
                    // The header: the therapies' names.
                    table
                        .spawn(Node {
                            border: UiRect::bottom(px(2)),
                            ..default()
                        })
                        .insert(Edge(Role::Text))
                        .with_children(|header| {
                            header.spawn(cell(String::new(), None, ASPECT_PERCENT));
                            for lane in &comparison.lanes {
                                header.spawn(cell(lane.clone(), Some(fonts.bold.clone()), column));
                            }
                        });
                    for (r, row) in comparison.table.iter().enumerate() {
                        let mut spoken = Spoken::group(&spoken_row(comparison, r), AccessRole::Row);
                        spoken.1.set_description(row.aspect.clone());
                        table
                            .spawn((
                                TableRow(r),
                                spoken,
                                Node {
                                    border: UiRect::bottom(px(1)),
                                    ..default()
                                },
                                Edge(Role::Text),
                            ))
                            .with_children(|line| {
                                line.spawn(cell(
                                    row.aspect.clone(),
                                    Some(fonts.bold.clone()),
                                    ASPECT_PERCENT,
                                ));
                                for c in &row.cells {
                                    let label = comparison.citation_label(&c.cite);
                                    // "[8, 9]" stays on one line.
                                    let label =
                                        label.replace(' ', &crate::content::text::GLUE.to_string());
                                    line.spawn(cell(format!("{} {label}", c.text), None, column));
                                }
                            });
                    }
                });
        });
}
