//! What a viewer can ask for: the [`Action`]s keys are bound to, and the
//! [`Intent`] message that keys, buttons, Enter on a focused control and
//! tests all send for them.

use bevy::prelude::*;

use crate::screens::screen::Screen;
use serde::{Deserialize, Serialize};

/// Everything a viewer can do with a key (the digits 1-9, which jump to a
/// stage, are fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Next stage.
    Next,
    /// Previous stage (or the start of this one).
    Previous,
    /// Seek 5 s forward.
    SeekForward,
    /// Seek 5 s back.
    SeekBack,
    /// Start of the first stage.
    Restart,
    /// Play slower.
    Slower,
    /// Play faster.
    Faster,
    /// Show or hide the sources.
    Sources,
    /// Close a panel, or leave fullscreen.
    Back,
    /// Blank the screen to black and pause; again to return.
    Blank,
    /// Fullscreen on or off.
    Fullscreen,
    /// Start from the first stage in fullscreen.
    Present,
    /// Show or hide the list of keys.
    Help,
    /// Show or hide the story chooser.
    Stories,
    /// CAR T, TCR and TIL side by side, or back to the walkthrough.
    Compare,
    /// Show or hide the comparison table.
    Table,
    /// The lock-and-key lab, or back to the walkthrough.
    Lab,
    /// Next colour theme.
    Theme,
    /// Larger captions.
    CaptionsBigger,
    /// Smaller captions.
    CaptionsSmaller,
    /// Hide or show the captions.
    Captions,
    /// Reduced motion on or off.
    ReducedMotion,
    /// Quit (also in kiosk mode).
    Quit,
}

impl Action {
    /// The screen this action shows (V: the comparison, L: the lab).
    pub fn shows(self) -> Option<Screen> {
        match self {
            Action::Compare => Some(Screen::Compare),
            Action::Lab => Some(Screen::Lab),
            _ => None,
        }
    }

    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 24] = [
        Action::TogglePlay,
        Action::Next,
        Action::Previous,
        Action::SeekForward,
        Action::SeekBack,
        Action::Restart,
        Action::Slower,
        Action::Faster,
        Action::Blank,
        Action::Fullscreen,
        Action::Present,
        Action::Back,
        Action::Sources,
        Action::Help,
        Action::Stories,
        Action::Compare,
        Action::Table,
        Action::Lab,
        Action::Theme,
        Action::CaptionsBigger,
        Action::CaptionsSmaller,
        Action::Captions,
        Action::ReducedMotion,
        Action::Quit,
    ];

    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::TogglePlay => "Play / pause",
            Action::Next => "Next stage",
            Action::Previous => "Previous stage",
            Action::SeekForward => "Forward 5 s",
            Action::SeekBack => "Back 5 s",
            Action::Restart => "Start again",
            Action::Slower => "Slower",
            Action::Faster => "Faster",
            Action::Sources => "Sources",
            Action::Back => "Close panel / leave fullscreen",
            Action::Blank => "Blank screen (again to return)",
            Action::Fullscreen => "Fullscreen",
            Action::Present => "Present from the start, fullscreen",
            Action::Help => "This help",
            Action::Stories => "Choose a story: CAR T, TCR, TIL",
            Action::Compare => "Side by side: CAR T, TCR, TIL (again to go back)",
            Action::Table => "Comparison table",
            Action::Lab => "Lock-and-key lab (again to go back)",
            Action::Theme => "Theme: light, dark, high contrast",
            Action::CaptionsBigger => "Larger captions",
            Action::CaptionsSmaller => "Smaller captions",
            Action::Captions => "Hide / show captions",
            Action::ReducedMotion => "Reduced motion",
            Action::Quit => "Quit",
        }
    }

    /// The keys it has when the settings file names none.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::TogglePlay => &["Space", "K"],
            Action::Next => &["ArrowRight", "PageDown"],
            Action::Previous => &["ArrowLeft", "PageUp"],
            Action::SeekForward => &["Shift+ArrowRight"],
            Action::SeekBack => &["Shift+ArrowLeft"],
            Action::Restart => &["Home"],
            Action::Slower => &["Minus", "NumpadSubtract"],
            Action::Faster => &["Equal", "NumpadAdd"],
            Action::Sources => &["S"],
            Action::Back => &["Escape"],
            Action::Blank => &["B", "Period"],
            Action::Fullscreen => &["F", "F11"],
            Action::Present => &["F5"],
            Action::Help => &["H", "?"],
            Action::Stories => &["O"],
            Action::Compare => &["V"],
            Action::Table => &["G"],
            Action::Lab => &["L"],
            Action::Theme => &["T"],
            Action::CaptionsBigger => &["Ctrl+Equal", "Ctrl+NumpadAdd", "Ctrl++"],
            Action::CaptionsSmaller => &["Ctrl+Minus", "Ctrl+NumpadSubtract"],
            Action::Captions => &["C"],
            Action::ReducedMotion => &["M"],
            Action::Quit => &["Ctrl+Q"],
        }
    }
}

/// What a viewer asks for, whatever they used to ask: a key, a button, Enter
/// on a focused control, a click on a stage. The one message every input
/// becomes (see [`crate::intent`]).
#[derive(Message, Component, Debug, Clone, Copy, PartialEq)]
pub enum Intent {
    /// A bindable action.
    Do(Action),
    /// Go to the start of stage N (0-based): the digits, a stage's segment.
    JumpTo(usize),
    /// Go to this fraction (0 to 1) of the current stage: a click inside the
    /// current stage's segment.
    SeekFraction(f32),
    /// Pick the chooser's entry N (0-based): a built-in story, or another
    /// screen (see [`crate::screens::shown::Chooser`]).
    Choose(usize),
    /// Show this screen; asked for the screen shown, go back to the
    /// walkthrough. (V and L, the Compare button, the chooser's entries.)
    Show(Screen),
}

impl Intent {
    /// The bindable action this intent stands for, whose keys a button
    /// names: its own, or the action that shows its screen.
    pub fn action(self) -> Option<Action> {
        match self {
            Intent::Do(action) => Some(action),
            Intent::Show(screen) => Action::ALL
                .iter()
                .copied()
                .find(|a| a.shows() == Some(screen)),
            _ => None,
        }
    }
}
