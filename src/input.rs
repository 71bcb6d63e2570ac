//! Keys and presentation clickers become messages: [`Control`]s for the
//! playhead and [`UiCommand`]s for the screen. Which key does what comes from
//! the settings (see [`crate::settings`]); clickers send PageUp/PageDown, B or
//! `.` (blank) and F5 (present), which all have default bindings.

use bevy::app::AppExit;
use bevy::ecs::system::SystemParam;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardFocusLost, KeyboardInput};
use bevy::prelude::*;

use crate::playback::{Control, PlaybackSet, SEEK_STEP};
use crate::settings::{Action, Press, Settings};

/// Requests for the screen around the playhead.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiCommand {
    /// Show or hide the sources panel.
    ToggleSources,
    /// Close the open panel or notice; with none open, leave fullscreen.
    Back,
    /// Black out the screen and pause; again to return as it was.
    ToggleBlank,
    /// Fullscreen on or off.
    ToggleFullscreen,
    /// From the first stage, playing, in fullscreen.
    Present,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// The next colour theme.
    CycleTheme,
    /// Captions one step larger.
    CaptionsBigger,
    /// Captions one step smaller.
    CaptionsSmaller,
    /// Hide or show the captions.
    ToggleCaptions,
    /// Reduced motion on or off.
    ToggleReducedMotion,
    /// Quit the app.
    Quit,
}

/// What the screen shows besides the scene. Settings that persist (theme,
/// caption size, reduced motion) live in [`Settings`]; this is per run.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The sources panel is open.
    pub sources: bool,
    /// The help overlay is open.
    pub help: bool,
    /// The screen is blanked; `resume` says whether to play again after.
    pub blank: bool,
    /// Whether playback was running when the screen was blanked.
    pub resume: bool,
    /// Captions are shown.
    pub captions: bool,
    /// The window should be fullscreen.
    pub fullscreen: bool,
    /// Kiosk mode: Back never leaves fullscreen and settings are not saved.
    pub kiosk: bool,
    /// A problem to show until the viewer presses Esc (a broken settings file).
    pub notice: Option<String>,
}

impl Default for View {
    fn default() -> Self {
        View {
            sources: false,
            help: false,
            blank: false,
            resume: false,
            captions: true,
            fullscreen: false,
            kiosk: false,
            notice: None,
        }
    }
}

/// Keyboard input and the screen state it drives.
pub fn plugin(app: &mut App) {
    app.add_message::<UiCommand>()
        .init_resource::<View>()
        .init_resource::<Settings>()
        .add_systems(
            Update,
            (read_keys, handle_ui_commands)
                .chain()
                .in_set(PlaybackSet::Input),
        );
}

fn handle_ui_commands(
    mut commands: MessageReader<UiCommand>,
    mut view: ResMut<View>,
    mut settings: ResMut<Settings>,
    playhead: Res<crate::playback::Playhead>,
    mut controls: MessageWriter<Control>,
    mut exit: MessageWriter<AppExit>,
) {
    for command in commands.read() {
        let mut next = view.clone();
        match command {
            UiCommand::ToggleSources => {
                next.sources = !next.sources;
                next.help = false;
            }
            UiCommand::ToggleHelp => {
                next.help = !next.help;
                next.sources = false;
            }
            UiCommand::Back => {
                if next.help || next.sources {
                    next.help = false;
                    next.sources = false;
                } else if next.notice.is_some() {
                    next.notice = None;
                } else if !next.kiosk {
                    next.fullscreen = false;
                }
            }
            UiCommand::ToggleBlank => {
                if next.blank {
                    next.blank = false;
                    controls.write(Control::SetPlaying(next.resume));
                } else {
                    next.blank = true;
                    next.resume = playhead.playing;
                    controls.write(Control::SetPlaying(false));
                }
            }
            UiCommand::ToggleFullscreen => next.fullscreen = !next.fullscreen || next.kiosk,
            UiCommand::Present => {
                next.fullscreen = true;
                next.blank = false;
                next.help = false;
                next.sources = false;
                controls.write(Control::Restart);
                controls.write(Control::SetPlaying(true));
            }
            UiCommand::ToggleCaptions => next.captions = !next.captions,
            UiCommand::CycleTheme => settings.theme = settings.theme.next(),
            UiCommand::CaptionsBigger => settings.resize_captions(1.0),
            UiCommand::CaptionsSmaller => settings.resize_captions(-1.0),
            UiCommand::ToggleReducedMotion => settings.reduced_motion = !settings.reduced_motion,
            UiCommand::Quit => {
                exit.write(AppExit::Success);
            }
        }
        view.set_if_neq(next);
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

/// What a key, a button or a focused control sends: a playback control or a
/// screen command.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum ButtonAction {
    /// Sends a playback control.
    Control(Control),
    /// Sends a screen command.
    Ui(UiCommand),
}

/// The two message writers a [`ButtonAction`] may go to.
#[derive(SystemParam)]
pub struct Senders<'w> {
    controls: MessageWriter<'w, Control>,
    ui: MessageWriter<'w, UiCommand>,
}

impl Senders<'_> {
    /// Sends an action's message.
    pub fn send(&mut self, action: ButtonAction) {
        match action {
            ButtonAction::Control(control) => {
                self.controls.write(control);
            }
            ButtonAction::Ui(command) => {
                self.ui.write(command);
            }
        }
    }
}

fn sends(action: Action) -> ButtonAction {
    use ButtonAction::{Control as C, Ui as U};
    match action {
        Action::TogglePlay => C(Control::TogglePlay),
        Action::Next => C(Control::Next),
        Action::Previous => C(Control::Previous),
        Action::SeekForward => C(Control::SeekBy(SEEK_STEP)),
        Action::SeekBack => C(Control::SeekBy(-SEEK_STEP)),
        Action::Restart => C(Control::Restart),
        Action::Slower => C(Control::Slower),
        Action::Faster => C(Control::Faster),
        Action::Sources => U(UiCommand::ToggleSources),
        Action::Back => U(UiCommand::Back),
        Action::Blank => U(UiCommand::ToggleBlank),
        Action::Fullscreen => U(UiCommand::ToggleFullscreen),
        Action::Present => U(UiCommand::Present),
        Action::Help => U(UiCommand::ToggleHelp),
        Action::Theme => U(UiCommand::CycleTheme),
        Action::CaptionsBigger => U(UiCommand::CaptionsBigger),
        Action::CaptionsSmaller => U(UiCommand::CaptionsSmaller),
        Action::Captions => U(UiCommand::ToggleCaptions),
        Action::ReducedMotion => U(UiCommand::ToggleReducedMotion),
        Action::Quit => U(UiCommand::Quit),
    }
}

/// Reads every key event in order (not just the keys' state at the end of the
/// frame), so that two quick clicker presses are two steps.
fn read_keys(
    mut events: MessageReader<KeyboardInput>,
    mut focus_lost: MessageReader<KeyboardFocusLost>,
    mut held: Local<Modifiers>,
    settings: Res<Settings>,
    view: Res<View>,
    mut senders: Senders,
) {
    if focus_lost.read().count() > 0 {
        *held = Modifiers::default();
    }
    // A blank screen returns on the first key, which does nothing else.
    let mut blank = view.blank;
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
        let sent = match action {
            Some(action) => Some(sends(action)),
            None if !held.ctrl => DIGITS
                .iter()
                .position(|(a, b)| *a == event.key_code || *b == event.key_code)
                .map(|i| ButtonAction::Control(Control::JumpTo(i))),
            None => None,
        };
        // Holding a key repeats only seeking; a held clicker must not race
        // through the stages or flicker the blank screen.
        if event.repeat && !matches!(sent, Some(ButtonAction::Control(Control::SeekBy(_)))) {
            continue;
        }
        let Some(sent) = sent else {
            continue;
        };
        let quit = ButtonAction::Ui(UiCommand::Quit);
        let toggle_blank = ButtonAction::Ui(UiCommand::ToggleBlank);
        if blank && sent != quit {
            senders.send(toggle_blank);
            blank = false;
        } else {
            blank |= sent == toggle_blank;
            senders.send(sent);
        }
    }
}
