//! Keys and presentation clickers become [`Intent`] messages. Which key does
//! what comes from the settings (see [`crate::settings`]); clickers send
//! PageUp/PageDown, B or `.` (blank) and F5 (present), which all have default
//! bindings.

pub mod action;
pub mod binding;

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

pub use action::{Action, Intent};
pub use binding::{Binding, KeyName, Press};

/// A control that takes the arrow keys, Space, Enter, Home and End itself
/// while it has the keyboard focus (a slider, a checkbox, a radio group):
/// they do not become intents then.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct OwnKeys;

use crate::frame::Frame;
use crate::settings::Settings;
use crate::view::Overlay;

/// Keyboard input.
pub fn plugin(app: &mut App) {
    app.add_message::<Intent>()
        .init_resource::<Settings>()
        .add_systems(Update, read_keys.in_set(Frame::Read));
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

/// Reads every key event in order (not just the keys' state at the end of the
/// frame), so that two quick clicker presses are two steps.
fn read_keys(
    mut events: MessageReader<KeyboardInput>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    mut held: Local<Modifiers>,
    settings: Res<Settings>,
    overlay: Res<State<Overlay>>,
    focus: Option<Res<bevy::input_focus::InputFocus>>,
    owners: Query<(), With<OwnKeys>>,
    mut intents: MessageWriter<Intent>,
) {
    let focused_owns = focus
        .and_then(|f| f.get())
        .is_some_and(|f| owners.contains(f));
    if focus_lost.read().count() > 0 {
        *held = Modifiers::default();
    }
    // A blank screen returns on the first key, whatever it is, which does
    // nothing else (Ctrl+Q still quits).
    let mut blank = *overlay.get() == Overlay::Blank;
    for event in events.read() {
        let pressed = event.state == ButtonState::Pressed;
        match event.key_code {
            KeyCode::ShiftLeft | KeyCode::ShiftRight => held.shift = pressed,
            KeyCode::ControlLeft | KeyCode::ControlRight => held.ctrl = pressed,
            _ => {}
        }
        if !pressed {
            continue;
        }
        if focused_owns
            && matches!(
                event.key_code,
                KeyCode::ArrowLeft
                    | KeyCode::ArrowRight
                    | KeyCode::ArrowUp
                    | KeyCode::ArrowDown
                    | KeyCode::Space
                    | KeyCode::Enter
                    | KeyCode::NumpadEnter
                    | KeyCode::Home
                    | KeyCode::End
            )
        {
            continue;
        }
        let text = match &event.logical_key {
            Key::Character(c) => Some(c.as_str()),
            _ => None,
        };
        let action = settings.action_for(Press {
            code: event.key_code,
            text,
            ctrl: held.ctrl,
            shift: held.shift,
        });
        let intent = match action {
            Some(action) => Some(Intent::Do(action)),
            None if !held.ctrl => DIGITS
                .iter()
                .position(|(a, b)| *a == event.key_code || *b == event.key_code)
                .map(Intent::JumpTo),
            None => None,
        };
        let modifier = matches!(
            event.key_code,
            KeyCode::ShiftLeft | KeyCode::ShiftRight | KeyCode::ControlLeft | KeyCode::ControlRight
        );
        if blank && !modifier && intent != Some(Intent::Do(Action::Quit)) {
            if !event.repeat {
                intents.write(Intent::Do(Action::Blank));
                blank = false;
            }
            continue;
        }
        let Some(intent) = intent else {
            continue;
        };
        // Holding a key repeats only seeking; a held clicker must not race
        // through the stages or flicker the blank screen.
        let seeking = matches!(intent, Intent::Do(Action::SeekForward | Action::SeekBack));
        if event.repeat && !seeking {
            continue;
        }
        blank |= intent == Intent::Do(Action::Blank);
        intents.write(intent);
    }
}
