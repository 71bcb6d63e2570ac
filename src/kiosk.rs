//! Kiosk mode (`--kiosk`), for a screen in a corridor: the walkthrough loops
//! in fullscreen with no pointer, and once someone has used it, it goes back
//! to the start after [`IDLE_SECONDS`] without input. Esc does not quit
//! (nothing but Ctrl+Q does), and settings changed here are not saved.

use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseButtonInput, MouseWheel};
use bevy::prelude::*;
use bevy::window::CursorMoved;

use crate::frame::Frame;
use crate::playback::Control;
use crate::screens::screen::Screen;
use crate::view::{Notice, Overlay, StartScreen, View};

/// Seconds without input after which a kiosk returns to the start.
pub const IDLE_SECONDS: f32 = 90.0;

/// How long since the last input, and whether anyone has used the kiosk
/// since it last returned to the start.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct Idle {
    /// Seconds since the last key, click, wheel or pointer move.
    pub seconds: f32,
    /// Someone used it since the last return to the start.
    pub touched: bool,
}

/// The kiosk's idle timer. (The looping, fullscreen and hidden pointer are
/// set up when the app is built.)
pub fn plugin(app: &mut App) {
    // The window plugin registers pointer moves; tests run without it.
    app.add_message::<CursorMoved>()
        .add_message::<MouseButtonInput>()
        .add_message::<MouseWheel>()
        .init_resource::<Idle>()
        .add_systems(Update, return_when_idle.in_set(Frame::Read));
}

fn return_when_idle(
    // Wall-clock time: while paused the app wakes only every few seconds,
    // and virtual time would count at most a quarter second per wake.
    time: Res<Time<Real>>,
    mut idle: ResMut<Idle>,
    mut keys: MessageReader<KeyboardInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut wheels: MessageReader<MouseWheel>,
    mut moves: MessageReader<CursorMoved>,
    mut view: ResMut<View>,
    mut notice: ResMut<Notice>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut screen: ResMut<NextState<Screen>>,
    start: Res<StartScreen>,
    mut controls: MessageWriter<Control>,
) {
    let used =
        keys.read().count() + buttons.read().count() + wheels.read().count() + moves.read().count()
            > 0;
    if used {
        idle.seconds = 0.0;
        idle.touched = true;
        return;
    }
    idle.seconds += time.delta_secs();
    if idle.touched && idle.seconds >= IDLE_SECONDS {
        idle.touched = false;
        controls.write(Control::Restart);
        controls.write(Control::SetPlaying(true));
        let fresh = View {
            kiosk: true,
            fullscreen: true,
            captions: view.captions,
        };
        view.set_if_neq(fresh);
        notice.set_if_neq(Notice(None));
        overlay.set(Overlay::None);
        // Back to the screen the kiosk was started on.
        screen.set(start.0);
    }
}
