//! The legend's marks: each kind of cell's shape and its plot line's
//! pattern, as UI nodes.

use bevy::prelude::*;

use super::patch::{Look, Mark};
use super::state::LINE_PX;
use crate::palette;

/// A legend mark: the cell's shape, as a UI node.
pub(super) fn mark_node(look: &Look) -> impl Bundle {
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
pub(super) fn pattern_node(look: &Look, parent: &mut ChildSpawnerCommands) {
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
