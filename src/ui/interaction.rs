//! How every button looks as the pointer moves and the stage changes: at
//! rest only outlined (the bars are flat, in the background colour: on a
//! software renderer every filled pixel costs shading time in every frame),
//! tinted under the pointer, filled when it is the current stage.

use bevy::picking::hover::Hovered;
use bevy::prelude::*;

use crate::frame::Frame;
use crate::theme::Theme;

/// Marks the button that stands for where the viewer is (the current
/// stage's segment).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Current(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, paint_buttons.in_set(Frame::Paint));
}

/// A button's background: the current one stands out, a hovered one is
/// tinted, others are only outlined.
pub fn button_background(theme: &Theme, current: bool, hovered: bool) -> Color {
    match (current, hovered) {
        (true, _) => theme.current,
        (false, true) => theme.button_hover,
        (false, false) => Color::NONE,
    }
}

/// A button and what decides its background.
type ButtonLook = (
    Ref<'static, Hovered>,
    Option<Ref<'static, Current>>,
    &'static mut BackgroundColor,
);

/// Paints a button when it appears, when the pointer enters or leaves it,
/// when it becomes current or stops being so, and when the theme changes.
fn paint_buttons(theme: Res<Theme>, mut buttons: Query<ButtonLook, With<Button>>) {
    for (hovered, current, mut background) in &mut buttons {
        let current_changed = current.as_ref().is_some_and(|c| c.is_changed());
        if hovered.is_changed() || current_changed || theme.is_changed() {
            let is_current = current.is_some_and(|c| c.0);
            background.set_if_neq(BackgroundColor(button_background(
                &theme,
                is_current,
                hovered.get(),
            )));
        }
    }
}
