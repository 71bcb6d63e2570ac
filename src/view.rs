//! What the screen shows besides the scene: which overlay is up (a Bevy
//! state: help, sources, the black screen, a notice), whether captions show,
//! fullscreen, kiosk. Settings that persist (theme, caption size, reduced
//! motion) live in [`crate::settings::Settings`]; this is per run.

use bevy::prelude::*;

use crate::screens::screen::Screen;

/// The overlay over the walkthrough. One at a time, by construction: what an
/// overlay spawns is despawned when it closes, so what is closed is neither
/// drawn nor in the screen reader's tree.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Overlay {
    /// Nothing over the walkthrough.
    #[default]
    None,
    /// The list of keys (H or ?).
    Help,
    /// The numbered sources (S).
    Sources,
    /// The black screen (B or .): paused, until any key.
    Blank,
    /// A problem to read until Esc (a broken settings file).
    Notice,
    /// The story chooser: CAR T, TCR, TIL, side by side (O).
    Chooser,
    /// The comparison table of CAR T, TCR and TIL (G).
    Table,
}

/// How the screen is set up for this run.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// Captions are shown.
    pub captions: bool,
    /// The window should be fullscreen.
    pub fullscreen: bool,
    /// Kiosk mode: Back never leaves fullscreen and settings are not saved.
    pub kiosk: bool,
}

impl Default for View {
    fn default() -> Self {
        View {
            captions: true,
            fullscreen: false,
            kiosk: false,
        }
    }
}

/// A problem to show until the viewer presses Esc (a broken settings file);
/// shown in [`Overlay::Notice`], and again when another overlay closes,
/// until it is dismissed.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Notice(pub Option<String>);

impl Notice {
    /// The overlay to return to when another one closes: the notice while
    /// it is not dismissed, else none.
    pub fn base(&self) -> Overlay {
        if self.0.is_some() {
            Overlay::Notice
        } else {
            Overlay::None
        }
    }
}

/// Whether the app opens on the story chooser (a first run with no story
/// asked for on the command line).
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChooseAtStart(pub bool);

/// The screen the app opens on (`--compare`: side by side; `--lab`: the lab).
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StartScreen(pub Screen);

/// The overlay state, the view and the notice. Needs Bevy's `StatesPlugin`.
pub fn plugin(app: &mut App) {
    app.init_resource::<View>()
        .init_resource::<Notice>()
        .init_resource::<ChooseAtStart>()
        .init_resource::<StartScreen>()
        .init_state::<Overlay>()
        .init_state::<Screen>()
        .add_systems(Startup, open_at_start);
}

/// The screen asked for; the chooser on a first run, else a notice known at
/// start-up (a broken settings file), which also follows the chooser when
/// it closes.
fn open_at_start(
    choose: Res<ChooseAtStart>,
    notice: Res<Notice>,
    start: Res<StartScreen>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut screen: ResMut<NextState<Screen>>,
) {
    if start.0 != Screen::default() {
        screen.set(start.0);
    }
    if choose.0 {
        overlay.set(Overlay::Chooser);
    } else if notice.0.is_some() {
        overlay.set(Overlay::Notice);
    }
}
