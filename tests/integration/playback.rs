//! The playhead through the headless app: every key and control, and the
//! invariants that must hold whatever is pressed.

use bevy::prelude::*;

use car_t_sim::input::Intent;
use car_t_sim::playback::{Control, Playhead, SPEEDS};
use car_t_sim::story::ActiveStory;
use car_t_sim::view::Overlay;

use crate::common::{FRAME, assert_invariants, headless, overlay, playhead, press};

fn durations(app: &App) -> Vec<f32> {
    app.world().resource::<ActiveStory>().story.durations()
}

fn set(app: &mut App, stage: usize, time: f32, playing: bool) {
    *app.world_mut().resource_mut::<Playhead>() = Playhead {
        stage,
        time,
        playing,
        ..default()
    };
}

fn send(app: &mut App, control: Control) {
    app.world_mut().write_message(control);
    app.update();
}

#[test]
fn starts_playing_the_first_stage_and_time_advances() {
    let mut app = headless();
    let before = playhead(&app);
    assert_eq!((before.stage, before.playing), (0, true));
    app.update();
    let after = playhead(&app);
    assert!((after.time - before.time - FRAME.as_secs_f32()).abs() < 1e-4);
}

#[test]
fn space_and_k_toggle_play() {
    let mut app = headless();
    press(&mut app, KeyCode::Space, false);
    assert!(!playhead(&app).playing);
    let t = playhead(&app).time;
    app.update();
    assert_eq!(playhead(&app).time, t, "paused time must not move");
    press(&mut app, KeyCode::KeyK, false);
    assert!(playhead(&app).playing);
}

#[test]
fn right_and_page_down_go_to_the_next_stage() {
    let mut app = headless();
    set(&mut app, 0, 3.0, false);
    press(&mut app, KeyCode::ArrowRight, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 0.0));
    press(&mut app, KeyCode::PageDown, false);
    assert_eq!(playhead(&app).stage, 2);
}

#[test]
fn next_on_the_last_stage_stays() {
    let mut app = headless();
    let last = durations(&app).len() - 1;
    set(&mut app, last, 4.0, false);
    press(&mut app, KeyCode::ArrowRight, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (last, 4.0));
}

#[test]
fn left_and_page_up_go_back_by_the_two_second_rule() {
    let mut app = headless();
    // Within the first 2 s: the previous stage.
    set(&mut app, 2, 1.5, false);
    press(&mut app, KeyCode::ArrowLeft, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 0.0));
    // Later: the start of this stage.
    set(&mut app, 2, 6.0, false);
    press(&mut app, KeyCode::PageUp, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (2, 0.0));
    // On the first stage: its start.
    set(&mut app, 0, 1.0, false);
    press(&mut app, KeyCode::PageUp, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (0, 0.0));
}

#[test]
fn home_restarts() {
    let mut app = headless();
    set(&mut app, 3, 7.0, true);
    press(&mut app, KeyCode::Home, false);
    let p = playhead(&app);
    assert_eq!(p.stage, 0);
    // It keeps playing: one frame of time has passed since the restart.
    assert!(p.time <= FRAME.as_secs_f32() + 1e-4);
}

#[test]
fn digits_jump_to_stages_that_exist() {
    let mut app = headless();
    set(&mut app, 0, 5.0, false);
    press(&mut app, KeyCode::Digit4, false);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (3, 0.0));
    press(&mut app, KeyCode::Numpad2, false);
    assert_eq!(playhead(&app).stage, 1);
    press(&mut app, KeyCode::Digit9, false);
    assert_eq!(playhead(&app).stage, 1, "there is no stage 9");
}

#[test]
fn minus_and_equal_step_through_the_speeds_and_keep_the_position() {
    let mut app = headless();
    set(&mut app, 1, 4.0, false);
    let mut seen = vec![playhead(&app).speed_factor()];
    for _ in 0..SPEEDS.len() {
        press(&mut app, KeyCode::Equal, false);
        seen.push(playhead(&app).speed_factor());
        assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 4.0));
    }
    assert_eq!(seen, [1.0, 1.5, 2.0, 4.0, 4.0, 4.0, 4.0]);
    for _ in 0..SPEEDS.len() {
        press(&mut app, KeyCode::Minus, false);
    }
    assert_eq!(playhead(&app).speed_factor(), 0.25);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 4.0));
}

#[test]
fn speed_scales_the_clock() {
    let mut app = headless();
    set(&mut app, 0, 0.0, true);
    press(&mut app, KeyCode::Equal, false); // 1.5x
    press(&mut app, KeyCode::Equal, false); // 2x
    let t = playhead(&app).time;
    app.update();
    assert!((playhead(&app).time - t - 2.0 * FRAME.as_secs_f32()).abs() < 1e-4);
}

#[test]
fn shift_arrows_seek_five_seconds_across_stages() {
    let mut app = headless();
    set(&mut app, 1, 2.0, false);
    press(&mut app, KeyCode::ArrowRight, true);
    assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 7.0));
    press(&mut app, KeyCode::ArrowLeft, true);
    press(&mut app, KeyCode::ArrowLeft, true);
    let first = durations(&app)[0];
    let p = playhead(&app);
    assert_eq!(p.stage, 0);
    assert!((p.time - (first - 3.0)).abs() < 1e-4, "{p:?}");
}

#[test]
fn s_toggles_the_sources_panel_and_escape_closes_it() {
    let mut app = headless();
    press(&mut app, KeyCode::KeyS, false);
    assert_eq!(overlay(&app), Overlay::Sources);
    press(&mut app, KeyCode::KeyS, false);
    assert_eq!(overlay(&app), Overlay::None);
    press(&mut app, KeyCode::KeyS, false);
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::None);
}

#[test]
fn playing_through_visits_every_stage_and_stops_at_the_end() {
    let mut app = headless();
    let d = durations(&app);
    let total: f32 = d.iter().sum();
    let mut visited = vec![];
    let frames = (total / FRAME.as_secs_f32()) as usize + 20;
    for _ in 0..frames {
        app.update();
        assert_invariants(&app);
        let stage = playhead(&app).stage;
        if visited.last() != Some(&stage) {
            visited.push(stage);
        }
    }
    assert_eq!(visited, (0..d.len()).collect::<Vec<_>>());
    let p = playhead(&app);
    assert_eq!(
        (p.stage, p.time, p.playing),
        (d.len() - 1, d[d.len() - 1], false)
    );
    // Play at the end starts again from the top.
    press(&mut app, KeyCode::Space, false);
    let p = playhead(&app);
    assert_eq!(p.stage, 0);
    assert!(p.playing);
}

#[test]
fn stage_bar_clicks_jump_or_seek() {
    use car_t_sim::ui::segment_click;
    let mut app = headless();
    set(&mut app, 2, 3.0, false);
    let click = |app: &mut App, intent: Intent| {
        app.world_mut().write_message(intent);
        app.update();
    };
    // A click on another stage's segment jumps to its start.
    click(&mut app, segment_click(4, 2, 0.7));
    assert_eq!((playhead(&app).stage, playhead(&app).time), (4, 0.0));
    // A click inside the current stage's segment seeks to that point.
    click(&mut app, segment_click(4, 4, 0.25));
    let d = durations(&app)[4];
    assert_eq!((playhead(&app).stage, playhead(&app).time), (4, 0.25 * d));
}

#[test]
fn controls_keep_the_invariants_whatever_the_order() {
    let mut app = headless();
    let controls = [
        Control::SeekBy(-1000.0),
        Control::Previous,
        Control::SeekFraction(2.0),
        Control::SeekFraction(f32::NAN),
        Control::SeekBy(1e9),
        Control::Next,
        Control::JumpTo(99),
        Control::Faster,
        Control::Faster,
        Control::Faster,
        Control::Faster,
        Control::Restart,
        Control::TogglePlay,
        Control::SeekBy(f32::INFINITY),
    ];
    for (i, control) in controls.iter().cycle().take(200).enumerate() {
        send(&mut app, *control);
        assert_invariants(&app);
        if i % 7 == 0 {
            app.update();
            assert_invariants(&app);
        }
    }
}

#[test]
fn two_quick_presses_in_one_frame_are_two_steps() {
    use bevy::input::ButtonState;

    use crate::common::key_event;
    let mut app = headless();
    set(&mut app, 0, 0.0, false);
    let mut events = vec![];
    for _ in 0..2 {
        events.push(key_event(KeyCode::PageDown, ButtonState::Pressed, false));
        events.push(key_event(KeyCode::PageDown, ButtonState::Released, false));
    }
    app.world_mut().write_message_batch(events);
    app.update();
    assert_eq!(playhead(&app).stage, 2);
}

#[test]
fn a_held_key_repeats_seeking_but_not_stage_changes() {
    use bevy::input::ButtonState;

    use crate::common::key_event;
    let mut app = headless();
    set(&mut app, 1, 0.0, false);
    app.world_mut().write_message_batch([
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, false),
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, true),
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, true),
    ]);
    app.update();
    assert_eq!(playhead(&app).stage, 2, "repeats must not skip stages");
    app.world_mut().write_message_batch([
        key_event(KeyCode::ShiftLeft, ButtonState::Pressed, false),
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, true),
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, true),
    ]);
    app.update();
    assert_eq!((playhead(&app).stage, playhead(&app).time), (2, 10.0));
}

#[test]
fn ctrl_combinations_are_not_playback_keys() {
    use bevy::input::ButtonState;

    use crate::common::key_event;
    let mut app = headless();
    set(&mut app, 1, 3.0, false);
    app.world_mut().write_message_batch([
        key_event(KeyCode::ControlLeft, ButtonState::Pressed, false),
        key_event(KeyCode::ArrowRight, ButtonState::Pressed, false),
        key_event(KeyCode::Digit5, ButtonState::Pressed, false),
    ]);
    app.update();
    assert_eq!((playhead(&app).stage, playhead(&app).time), (1, 3.0));
}
