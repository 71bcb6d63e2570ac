//! One path for every intent: a key, a button, Enter on a focused control and
//! a test all send an [`Intent`]; this carries it out. Playback intents
//! become the playhead's [`Control`]s; the rest change the overlay, the view
//! or the settings.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy::state::state::StateTransition;

use crate::input::{Action, InputSet, Intent};
use crate::playback::{Control, Playhead, SEEK_STEP};
use crate::settings::Settings;
use crate::view::{Notice, Overlay, View};

/// Whether playback was running when the screen was blanked: it plays again
/// when the screen returns.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
struct ResumeAfterBlank(bool);

/// Carries out intents, then applies the overlay change in the same frame.
pub fn plugin(app: &mut App) {
    app.init_resource::<ResumeAfterBlank>()
        .add_systems(Update, dispatch.in_set(InputSet::Dispatch))
        .add_systems(Update, transition_now.in_set(InputSet::Transition));
}

/// The playhead control an intent asks for, if it is a playback intent.
pub fn control_for(intent: Intent) -> Option<Control> {
    Some(match intent {
        Intent::JumpTo(stage) => Control::JumpTo(stage),
        Intent::SeekFraction(x) => Control::SeekFraction(x),
        Intent::Do(action) => match action {
            Action::TogglePlay => Control::TogglePlay,
            Action::Next => Control::Next,
            Action::Previous => Control::Previous,
            Action::SeekForward => Control::SeekBy(SEEK_STEP),
            Action::SeekBack => Control::SeekBy(-SEEK_STEP),
            Action::Restart => Control::Restart,
            Action::Slower => Control::Slower,
            Action::Faster => Control::Faster,
            _ => return None,
        },
    })
}
fn dispatch(
    mut intents: MessageReader<Intent>,
    overlay: Res<State<Overlay>>,
    mut next: ResMut<NextState<Overlay>>,
    mut view: ResMut<View>,
    mut notice: ResMut<Notice>,
    mut settings: ResMut<Settings>,
    mut resume: ResMut<ResumeAfterBlank>,
    playhead: Res<Playhead>,
    mut controls: MessageWriter<Control>,
    mut exit: MessageWriter<AppExit>,
) {
    // Several intents may arrive in one frame: each sees the overlay the
    // ones before it chose.
    let mut now = *overlay.get();
    for intent in intents.read() {
        if let Some(control) = control_for(*intent) {
            controls.write(control);
            continue;
        }
        let Intent::Do(action) = *intent else {
            continue;
        };
        let toggle = |shown: Overlay, now: Overlay, notice: &Notice| {
            if now == shown { notice.base() } else { shown }
        };
        match action {
            Action::Sources => now = toggle(Overlay::Sources, now, &notice),
            Action::Help => now = toggle(Overlay::Help, now, &notice),
            Action::Back => match now {
                Overlay::Help | Overlay::Sources => now = notice.base(),
                Overlay::Notice => {
                    notice.0 = None;
                    now = Overlay::None;
                }
                Overlay::Blank => {
                    now = notice.base();
                    controls.write(Control::SetPlaying(resume.0));
                }
                Overlay::None => {
                    if !view.kiosk {
                        view.fullscreen = false;
                    }
                }
            },
            Action::Blank => {
                if now == Overlay::Blank {
                    now = notice.base();
                    controls.write(Control::SetPlaying(resume.0));
                } else {
                    now = Overlay::Blank;
                    resume.0 = playhead.playing;
                    controls.write(Control::SetPlaying(false));
                }
            }
            Action::Fullscreen => view.fullscreen = !view.fullscreen || view.kiosk,
            Action::Present => {
                view.fullscreen = true;
                now = notice.base();
                controls.write(Control::Restart);
                controls.write(Control::SetPlaying(true));
            }
            Action::Captions => view.captions = !view.captions,
            Action::Theme => settings.theme = settings.theme.next(),
            Action::CaptionsBigger => settings.resize_captions(1.0),
            Action::CaptionsSmaller => settings.resize_captions(-1.0),
            Action::ReducedMotion => settings.reduced_motion = !settings.reduced_motion,
            Action::Quit => {
                exit.write(AppExit::Success);
            }
            // Playback actions became controls above.
            Action::TogglePlay
            | Action::Next
            | Action::Previous
            | Action::SeekForward
            | Action::SeekBack
            | Action::Restart
            | Action::Slower
            | Action::Faster => {}
        }
    }
    if now != *overlay.get() {
        next.set(now);
    }
}

/// Applies a pending overlay change now rather than at the start of the
/// next frame: a paused app draws only on input, and would otherwise show
/// the change only at its next wake.
fn transition_now(world: &mut World) {
    let pending = world
        .get_resource::<NextState<Overlay>>()
        .is_some_and(|next| !matches!(*next, NextState::Unchanged));
    if pending {
        world.run_schedule(StateTransition);
    }
}
