//! Keys and presentation clickers become control messages. Clickers send
//! PageUp/PageDown (and sometimes arrows), so those move between stages.

use bevy::input::ButtonState;
use bevy::input::keyboard::{KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

use crate::playback::{Control, PlaybackSet, SEEK_STEP};

/// Requests for the on-screen panels.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    /// Show or hide the sources panel.
    ToggleSources,
    /// Close whatever panel is open.
    ClosePanel,
}

/// Whether the sources panel is open.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SourcesOpen(pub bool);

/// Keyboard input and the panel state it drives.
pub fn plugin(app: &mut App) {
    app.add_message::<UiCommand>()
        .init_resource::<SourcesOpen>()
        .add_systems(Update, read_keys.in_set(PlaybackSet::Input))
        .add_systems(Update, handle_ui_commands.in_set(PlaybackSet::Advance));
}

fn handle_ui_commands(mut commands: MessageReader<UiCommand>, mut open: ResMut<SourcesOpen>) {
    for command in commands.read() {
        let next = match command {
            UiCommand::ToggleSources => !open.0,
            UiCommand::ClosePanel => false,
        };
        open.set_if_neq(SourcesOpen(next));
    }
}

const DIGITS: [(KeyCode, KeyCode); 9] = [
    (KeyCode::Digit1, KeyCode::Numpad1),
    (KeyCode::Digit2, KeyCode::Numpad2),
    (KeyCode::Digit3, KeyCode::Numpad3),
    (KeyCode::Digit4, KeyCode::Numpad4),
    (KeyCode::Digit5, KeyCode::Numpad5),
    (KeyCode::Digit6, KeyCode::Numpad6),
    (KeyCode::Digit7, KeyCode::Numpad7),
    (KeyCode::Digit8, KeyCode::Numpad8),
    (KeyCode::Digit9, KeyCode::Numpad9),
];

/// Modifier keys held down, tracked from the key events themselves so that a
/// quick Shift+Right is read correctly even when the whole chord arrives
/// within one slow frame.
#[derive(Default)]
struct Modifiers {
    shift: bool,
    ctrl: bool,
}

/// What a key press asks for.
fn control_for(key: KeyCode, shift: bool) -> Option<Control> {
    match key {
        KeyCode::Space | KeyCode::KeyK => Some(Control::TogglePlay),
        KeyCode::ArrowRight if shift => Some(Control::SeekBy(SEEK_STEP)),
        KeyCode::ArrowLeft if shift => Some(Control::SeekBy(-SEEK_STEP)),
        KeyCode::ArrowRight | KeyCode::PageDown => Some(Control::Next),
        KeyCode::ArrowLeft | KeyCode::PageUp => Some(Control::Previous),
        KeyCode::Home => Some(Control::Restart),
        KeyCode::Minus | KeyCode::NumpadSubtract => Some(Control::Slower),
        KeyCode::Equal | KeyCode::NumpadAdd => Some(Control::Faster),
        other => DIGITS
            .iter()
            .position(|(a, b)| *a == other || *b == other)
            .map(Control::JumpTo),
    }
}

/// Reads every key event in order (not just the keys' state at the end of the
/// frame), so that two quick clicker presses are two steps.
fn read_keys(
    mut events: MessageReader<KeyboardInput>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    mut held: Local<Modifiers>,
    mut controls: MessageWriter<Control>,
    mut ui: MessageWriter<UiCommand>,
) {
    if focus_lost.read().count() > 0 {
        *held = Modifiers::default();
    }
    for event in events.read() {
        let pressed = event.state == ButtonState::Pressed;
        match event.key_code {
            KeyCode::ShiftLeft | KeyCode::ShiftRight => held.shift = pressed,
            KeyCode::ControlLeft | KeyCode::ControlRight => held.ctrl = pressed,
            _ => {}
        }
        // Ctrl combinations belong to other features (caption size, quit).
        if !pressed || held.ctrl {
            continue;
        }
        let control = control_for(event.key_code, held.shift);
        // Holding a key repeats only seeking; a held clicker must not race
        // through the stages.
        if event.repeat && !matches!(control, Some(Control::SeekBy(_))) {
            continue;
        }
        if let Some(control) = control {
            controls.write(control);
        }
        match event.key_code {
            KeyCode::KeyS => {
                ui.write(UiCommand::ToggleSources);
            }
            KeyCode::Escape => {
                ui.write(UiCommand::ClosePanel);
            }
            _ => {}
        }
    }
}
