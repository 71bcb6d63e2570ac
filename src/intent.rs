//! One path for every intent: a key, a button, Enter on a focused control and
//! a test all send an [`Intent`]; this carries it out. Playback intents
//! become the playhead's [`Control`]s; the rest change the overlay, the view,
//! the story or the settings.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy::state::state::StateTransition;

use crate::frame::Frame;
use crate::input::{Action, Intent};
use crate::playback::{Control, Playhead, SEEK_STEP};
use crate::screens::screen::Screen;
use crate::screens::shown::{Chooser, Pick};
use crate::settings::Settings;
use crate::story::ActiveStory;
use crate::view::{Notice, Overlay, View};

/// What the black screen returns to: whether playback was running, and the
/// overlay that was up.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
struct BeforeBlank {
    playing: bool,
    overlay: Overlay,
}

/// Carries out intents, then applies the overlay change in the same frame.
pub fn plugin(app: &mut App) {
    app.init_resource::<BeforeBlank>()
        .add_systems(Update, dispatch.in_set(Frame::Dispatch))
        .add_systems(Update, transition_now.in_set(Frame::Transition));
}

/// What dispatching may change besides the overlay.
#[derive(bevy::ecs::system::SystemParam)]
struct Effects<'w> {
    view: ResMut<'w, View>,
    notice: ResMut<'w, Notice>,
    settings: ResMut<'w, Settings>,
    story: ResMut<'w, ActiveStory>,
    before_blank: ResMut<'w, BeforeBlank>,
    playhead: Res<'w, Playhead>,
    screen: Res<'w, State<Screen>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    lab_preset: ResMut<'w, crate::screens::lab::LabPreset>,
    chooser: Res<'w, Chooser>,
    controls: MessageWriter<'w, Control>,
    exit: MessageWriter<'w, AppExit>,
}

fn dispatch(
    mut intents: MessageReader<Intent>,
    overlay: Res<State<Overlay>>,
    mut next: ResMut<NextState<Overlay>>,
    mut effects: Effects,
) {
    // Several intents may arrive in one frame: each sees the overlay the
    // ones before it chose.
    let mut now = *overlay.get();
    for intent in intents.read() {
        now = carry_out(*intent, now, &mut effects);
    }
    if now != *overlay.get() {
        next.set(now);
    }
}

/// Carries out one intent with `now` up; the overlay after it.
fn carry_out(intent: Intent, now: Overlay, fx: &mut Effects) -> Overlay {
    let action = match intent {
        // In the chooser, the digits pick a story.
        Intent::JumpTo(i) if now == Overlay::Chooser => return choose(i, now, fx),
        Intent::Choose(i) => return choose(i, now, fx),
        Intent::Show(screen) => return show(screen, fx),
        // In the lab, the digits pick a preset, run from its start (the
        // same one again drops the rules changed on screen).
        Intent::JumpTo(i) if *fx.screen.get() == Screen::Lab => {
            fx.lab_preset.0 = i;
            fx.controls.write(Control::Restart);
            return now;
        }
        Intent::JumpTo(stage) => {
            fx.controls.write(Control::JumpTo(stage));
            return now;
        }
        Intent::SeekFraction(x) => {
            fx.controls.write(Control::SeekFraction(x));
            return now;
        }
        Intent::Do(action) => match action.shows() {
            Some(screen) => return show(screen, fx),
            None => action,
        },
    };
    let base = fx.notice.base();
    let toggle = |shown: Overlay| if now == shown { base } else { shown };
    let control = |fx: &mut Effects, control: Control| {
        fx.controls.write(control);
        now
    };
    match action {
        Action::TogglePlay => control(fx, Control::TogglePlay),
        Action::Next => control(fx, Control::Next),
        Action::Previous => control(fx, Control::Previous),
        Action::SeekForward => control(fx, Control::SeekBy(SEEK_STEP)),
        Action::SeekBack => control(fx, Control::SeekBy(-SEEK_STEP)),
        Action::Restart => control(fx, Control::Restart),
        Action::Slower => control(fx, Control::Slower),
        Action::Faster => control(fx, Control::Faster),
        Action::Sources => toggle(Overlay::Sources),
        Action::Help => toggle(Overlay::Help),
        Action::Stories => toggle(Overlay::Chooser),
        Action::Table => toggle(Overlay::Table),
        // (They show their screen, above.)
        Action::Compare | Action::Lab => now,
        Action::Blank if now == Overlay::Blank => unblank(fx),
        Action::Blank => {
            *fx.before_blank = BeforeBlank {
                playing: fx.playhead.playing,
                overlay: now,
            };
            fx.controls.write(Control::SetPlaying(false));
            Overlay::Blank
        }
        Action::Back => match now {
            Overlay::Blank => unblank(fx),
            Overlay::Notice => {
                fx.notice.0 = None;
                Overlay::None
            }
            Overlay::Help | Overlay::Sources | Overlay::Chooser | Overlay::Table => base,
            Overlay::None => {
                if !fx.view.kiosk {
                    fx.view.fullscreen = false;
                }
                now
            }
        },
        Action::Fullscreen => {
            fx.view.fullscreen = !fx.view.fullscreen || fx.view.kiosk;
            now
        }
        Action::Present => {
            fx.view.fullscreen = true;
            fx.controls.write(Control::Restart);
            fx.controls.write(Control::SetPlaying(true));
            base
        }
        Action::Captions => {
            fx.view.captions = !fx.view.captions;
            now
        }
        Action::Theme => {
            fx.settings.theme = fx.settings.theme.next();
            now
        }
        Action::CaptionsBigger => {
            fx.settings.resize_captions(1.0);
            now
        }
        Action::CaptionsSmaller => {
            fx.settings.resize_captions(-1.0);
            now
        }
        Action::ReducedMotion => {
            fx.settings.reduced_motion = !fx.settings.reduced_motion;
            now
        }
        Action::Quit => {
            fx.exit.write(AppExit::Success);
            now
        }
    }
}

/// The black screen goes: back to what was up, playing if it was.
fn unblank(fx: &mut Effects) -> Overlay {
    let before = *fx.before_blank;
    fx.controls.write(Control::SetPlaying(before.playing));
    before.overlay
}

/// Shows `screen`, or the walkthrough when `screen` is already shown; the
/// overlays close.
fn show(screen: Screen, fx: &mut Effects) -> Overlay {
    let other = if *fx.screen.get() == screen {
        Screen::Walkthrough
    } else {
        screen
    };
    fx.next_screen.set(other);
    fx.notice.base()
}

/// Picks the chooser's entry `i`: a built-in story plays from its start
/// (and the choice is remembered), another screen shows.
fn choose(i: usize, now: Overlay, fx: &mut Effects) -> Overlay {
    let Some(entry) = fx.chooser.0.get(i) else {
        return now;
    };
    let name = match entry.pick {
        Pick::Screen(screen) => {
            fx.next_screen.set(screen);
            return fx.notice.base();
        }
        Pick::Story(name) => name,
    };
    fx.next_screen.set(Screen::Walkthrough);
    if let Some(chosen) = ActiveStory::built_in(name) {
        *fx.story = chosen;
    }
    fx.settings.story = Some(name.to_string());
    fx.controls.write(Control::Restart);
    fx.controls.write(Control::SetPlaying(true));
    fx.notice.base()
}

/// Applies a pending overlay or screen change now rather than at the start of the
/// next frame: a paused app draws only on input, and would otherwise show
/// the change only at its next wake.
fn transition_now(world: &mut World) {
    let overlay = world
        .get_resource::<NextState<Overlay>>()
        .is_some_and(|next| !matches!(*next, NextState::Unchanged));
    let screen = world
        .get_resource::<NextState<Screen>>()
        .is_some_and(|next| !matches!(*next, NextState::Unchanged));
    let pending = overlay || screen;
    if pending {
        world.run_schedule(StateTransition);
    }
}
