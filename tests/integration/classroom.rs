//! Classroom mode: presenter keys, help, themes, caption size, reduced
//! motion, kiosk, screen reader nodes, focus, and the settings file.

use bevy::a11y::AccessibilityNode;
use bevy::app::AppExit;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input_focus::{InputFocus, InputFocusVisible};
use std::time::Duration;

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

use car_t_sim::input::{UiCommand, View};
use car_t_sim::kiosk::{IDLE_SECONDS, Idle};
use car_t_sim::scenes::{self, SceneActor};
use car_t_sim::settings::{self, Action, CAPTION_MAX, CAPTION_MIN, Settings, ThemeName};
use car_t_sim::story::ActiveStory;
use car_t_sim::ui::layout::Bands;
use car_t_sim::ui::theme::{MIN_TEXT_CONTRAST, contrast};
use car_t_sim::ui::{
    BlankScreen, ButtonAction, CaptionBar, CaptionText, ErrorBanner, FirstRun, HINT_SECONDS,
    HelpPanel, Hint, StageSegment, Theme, help_lines,
};

use crate::common::{
    FRAME, headless, headless_screen, headless_screen_where, headless_with_scenes, key_event,
    playhead, press, shipped, temp_dir,
};

/// Presses a key with modifiers held, typing `text`, within one frame.
fn chord(app: &mut App, modifiers: &[KeyCode], key: KeyCode, text: Option<&str>) {
    let mut events: Vec<KeyboardInput> = modifiers
        .iter()
        .map(|m| key_event(*m, ButtonState::Pressed, false))
        .collect();
    let mut down = key_event(key, ButtonState::Pressed, false);
    if let Some(text) = text {
        down.logical_key = Key::Character(text.into());
    }
    events.push(down);
    events.push(key_event(key, ButtonState::Released, false));
    events.extend(
        modifiers
            .iter()
            .map(|m| key_event(*m, ButtonState::Released, false)),
    );
    app.world_mut().write_message_batch(events);
    app.update();
}

fn view(app: &App) -> View {
    app.world().resource::<View>().clone()
}

fn settings_of(app: &App) -> Settings {
    app.world().resource::<Settings>().clone()
}

/// Component `C` of the one entity marked `M`.
fn one<C: Component + Clone, M: Component>(app: &mut App) -> C {
    let mut q = app.world_mut().query_filtered::<&C, With<M>>();
    q.single(app.world()).expect("one such entity").clone()
}

fn display_of<M: Component>(app: &mut App) -> Display {
    one::<Node, M>(app).display
}

#[test]
fn b_and_period_blank_and_pause_and_any_key_returns_as_it_was() {
    let mut app = headless_screen();
    assert!(playhead(&app).playing);
    for key in [KeyCode::KeyB, KeyCode::Period] {
        press(&mut app, key, false);
        assert!(view(&app).blank, "{key:?} blanks");
        assert!(!playhead(&app).playing, "blanking pauses");
        assert_eq!(display_of::<BlankScreen>(&mut app), Display::Flex);
        let t = playhead(&app).time;
        for _ in 0..10 {
            app.update();
        }
        assert_eq!(playhead(&app).time, t, "time stands still while blank");
        press(&mut app, key, false);
        assert!(!view(&app).blank);
        assert!(playhead(&app).playing, "playing again, as before");
        assert_eq!(display_of::<BlankScreen>(&mut app), Display::None);
    }
    // Paused before: paused after. Another key returns without acting.
    press(&mut app, KeyCode::Space, false);
    let stage = playhead(&app).stage;
    press(&mut app, KeyCode::KeyB, false);
    press(&mut app, KeyCode::PageDown, false);
    assert!(!view(&app).blank);
    assert!(!playhead(&app).playing);
    assert_eq!(
        playhead(&app).stage,
        stage,
        "the returning key does nothing else"
    );
}

#[test]
fn f_f11_f5_and_escape_drive_fullscreen() {
    let mut app = headless();
    press(&mut app, KeyCode::KeyF, false);
    assert!(view(&app).fullscreen);
    press(&mut app, KeyCode::F11, false);
    assert!(!view(&app).fullscreen);
    // F5 presents: the first stage, playing, fullscreen.
    press(&mut app, KeyCode::Digit3, false);
    press(&mut app, KeyCode::Space, false);
    press(&mut app, KeyCode::F5, false);
    let p = playhead(&app);
    assert!(view(&app).fullscreen && p.playing && p.stage == 0 && p.time < 0.2);
    // Esc closes a panel first, then leaves fullscreen; it never quits.
    press(&mut app, KeyCode::KeyH, false);
    press(&mut app, KeyCode::Escape, false);
    assert!(!view(&app).help && view(&app).fullscreen);
    press(&mut app, KeyCode::Escape, false);
    assert!(!view(&app).fullscreen);
    press(&mut app, KeyCode::Escape, false);
    assert!(app.world().resource::<Messages<AppExit>>().is_empty());
}

#[test]
fn ctrl_q_quits() {
    let mut app = headless();
    chord(&mut app, &[KeyCode::ControlLeft], KeyCode::KeyQ, Some("q"));
    assert!(!app.world().resource::<Messages<AppExit>>().is_empty());
}

#[test]
fn h_and_question_mark_show_help_listing_every_action_and_its_keys() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyH, false);
    assert!(view(&app).help);
    assert_eq!(display_of::<HelpPanel>(&mut app), Display::Flex);
    press(&mut app, KeyCode::KeyH, false);
    assert!(!view(&app).help);
    chord(&mut app, &[KeyCode::ShiftLeft], KeyCode::Slash, Some("?"));
    assert!(view(&app).help, "? opens help");
    // Help and sources never cover each other.
    press(&mut app, KeyCode::KeyS, false);
    assert!(view(&app).sources && !view(&app).help);

    let lines = help_lines(&Settings::default());
    for action in Action::ALL {
        assert!(
            lines.iter().any(|l| l.ends_with(action.describe())),
            "{action:?} is listed"
        );
    }
    assert!(lines.iter().any(|l| l.starts_with("B, .:")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("Right, Page Down:")),
        "{lines:?}"
    );
    // The overlay's texts are those lines.
    let texts: Vec<String> = app
        .world_mut()
        .query::<&Text>()
        .iter(app.world())
        .map(|t| t.0.clone())
        .collect();
    for line in &lines {
        assert!(texts.contains(line), "help shows {line}");
    }
}

/// Whether the first-run hint is on screen.
fn hint_shown(app: &mut App) -> bool {
    let mut q = app.world_mut().query_filtered::<&Node, With<Hint>>();
    q.iter(app.world()).any(|n| n.display != Display::None)
}

#[test]
fn first_run_hint_shows_then_goes() {
    let mut app = headless_screen();
    assert!(!hint_shown(&mut app), "not a first run");

    let mut app = headless_screen_where(|app| {
        app.insert_resource(FirstRun(true));
    });
    assert!(hint_shown(&mut app));
    let frames = (HINT_SECONDS / FRAME.as_secs_f32()) as usize + 2;
    for _ in 0..frames {
        app.update();
    }
    assert!(!hint_shown(&mut app));
    // Opening help also dismisses it.
    let mut app = headless_screen_where(|app| {
        app.insert_resource(FirstRun(true));
    });
    press(&mut app, KeyCode::KeyH, false);
    app.update();
    assert!(!hint_shown(&mut app));
}

#[test]
fn t_cycles_the_themes_and_repaints_the_screen_and_scene() {
    let mut app = headless_screen();
    let caption_bar = |app: &mut App| one::<BackgroundColor, CaptionBar>(app).0;
    assert_eq!(caption_bar(&mut app), Theme::light().caption_bar);
    for expected in [ThemeName::Dark, ThemeName::HighContrast, ThemeName::Light] {
        press(&mut app, KeyCode::KeyT, false);
        app.update();
        assert_eq!(settings_of(&app).theme, expected);
        assert_eq!(app.world().resource::<Theme>().name, expected);
        assert_eq!(caption_bar(&mut app), Theme::named(expected).caption_bar);
        assert_eq!(
            one::<TextColor, CaptionText>(&mut app).0,
            Theme::named(expected).caption_text
        );
        // The current stage's label reads on its highlighted segment.
        let stage = playhead(&app).stage;
        let mut segments = app.world_mut().query::<(&StageSegment, &Children)>();
        let children: Vec<Entity> = segments
            .iter(app.world())
            .find(|(s, _)| s.0 == stage)
            .unwrap()
            .1
            .to_vec();
        let label = children
            .iter()
            .find_map(|c| app.world().get::<TextColor>(*c))
            .expect("segment label");
        assert_eq!(label.0, Theme::named(expected).current_text, "{expected:?}");
        if expected == ThemeName::HighContrast {
            // Nothing see-through in the scene.
            let mut q = app.world_mut().query::<&MeshMaterial2d<ColorMaterial>>();
            let handles: Vec<_> = q.iter(app.world()).map(|m| m.0.clone()).collect();
            assert!(!handles.is_empty());
            let materials = app.world().resource::<Assets<ColorMaterial>>();
            for handle in handles {
                let m = materials.get(&handle).unwrap();
                assert!(
                    m.color.alpha() == 1.0 || m.color.alpha() == 0.0,
                    "translucent {:?}",
                    m.color
                );
            }
        }
    }
}

#[test]
fn caption_text_reaches_7_to_1_in_every_theme() {
    for name in ThemeName::ALL {
        let theme = Theme::named(name);
        for (what, text, background) in theme.text_pairs() {
            let ratio = contrast(text, background);
            assert!(
                ratio >= MIN_TEXT_CONTRAST,
                "{name:?}: {what} contrast {ratio:.2} is under 7:1"
            );
        }
        // The current stage's label too.
        assert!(contrast(theme.current_text, theme.current) >= 4.5);
    }
}

#[test]
fn ctrl_plus_and_minus_size_captions_from_3_to_8_percent_and_c_hides_them() {
    let mut app = headless_screen();
    let before = *app.world().resource::<Bands>();
    chord(&mut app, &[KeyCode::ControlLeft], KeyCode::Equal, Some("="));
    app.update();
    let bigger = *app.world().resource::<Bands>();
    assert!(bigger.caption_px > before.caption_px);
    for _ in 0..20 {
        chord(
            &mut app,
            &[KeyCode::ControlLeft, KeyCode::ShiftLeft],
            KeyCode::Equal,
            Some("+"),
        );
    }
    app.update();
    assert_eq!(settings_of(&app).caption_percent(), CAPTION_MAX);
    let window_h = 720.0;
    let max = *app.world().resource::<Bands>();
    assert!((max.caption_px - window_h * CAPTION_MAX / 100.0).abs() < 0.5);
    assert!(max.caption_bar > before.caption_bar, "the bar grows");
    for _ in 0..20 {
        chord(&mut app, &[KeyCode::ControlLeft], KeyCode::Minus, None);
    }
    app.update();
    assert_eq!(settings_of(&app).caption_percent(), CAPTION_MIN);
    // Minus without Ctrl is still "slower", not caption size.
    assert_eq!(playhead(&app).speed, car_t_sim::playback::NORMAL_SPEED);

    press(&mut app, KeyCode::KeyC, false);
    app.update();
    assert!(!view(&app).captions);
    assert_eq!(display_of::<CaptionBar>(&mut app), Display::None);
    assert_eq!(app.world().resource::<Bands>().caption_bar, 0.0);
    press(&mut app, KeyCode::KeyC, false);
    app.update();
    assert_eq!(display_of::<CaptionBar>(&mut app), Display::Flex);
}

/// The pose of every visible actor: (index, x, y, scale, angle).
fn actor_places(app: &mut App) -> Vec<(usize, [f32; 5])> {
    let mut q = app
        .world_mut()
        .query::<(&SceneActor, &Transform, &Visibility)>();
    let mut out: Vec<(usize, [f32; 5])> = q
        .iter(app.world())
        .filter(|(_, _, v)| **v != Visibility::Hidden)
        .map(|(a, t, _)| {
            (
                a.0,
                [
                    t.translation.x,
                    t.translation.y,
                    t.scale.x,
                    t.scale.y,
                    t.rotation.to_euler(EulerRot::XYZ).2,
                ],
            )
        })
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out
}

#[test]
fn reduced_motion_changes_only_opacity_between_frames() {
    // The pure function, at 30 frames a second through every stage.
    let story = shipped();
    for stage in &story.stages {
        let step = 1.0 / 30.0;
        let mut t = 0.0;
        let mut last = scenes::poses_now(stage, 0.0, true);
        while t < stage.duration {
            t += step;
            let now = scenes::poses_now(stage, t, true);
            for (i, (a, b)) in last.iter().zip(&now).enumerate() {
                if a.visible() && b.visible() {
                    assert!(
                        a.at == b.at && a.scale == b.scale && a.angle == b.angle,
                        "{}: object {i} moved at {t:.2}s",
                        stage.id
                    );
                }
            }
            last = now;
        }
    }

    // Key M in the app: actors keep their places from frame to frame.
    let mut app = headless_with_scenes();
    press(&mut app, KeyCode::KeyM, false);
    assert!(settings_of(&app).reduced_motion);
    let mut before = actor_places(&mut app);
    let mut changes = 0;
    for _ in 0..400 {
        let stage_before = playhead(&app).stage;
        app.update();
        let now = actor_places(&mut app);
        if playhead(&app).stage == stage_before {
            for (i, place) in &now {
                if let Some((_, old)) = before.iter().find(|(j, _)| j == i) {
                    assert_eq!(old, place, "actor {i} moved");
                    changes += 1;
                }
            }
        }
        before = now;
    }
    assert!(changes > 0);
    press(&mut app, KeyCode::KeyM, false);
    assert!(!settings_of(&app).reduced_motion);
}

#[test]
fn reduced_motion_never_flashes() {
    let story = shipped();
    for stage in &story.stages {
        let n = scenes::poses_now(stage, 0.0, true).len();
        for object in 0..n {
            // Count rises and falls of opacity over each one-second window.
            let samples: Vec<f32> = (0..=(stage.duration * 60.0) as usize)
                .map(|k| scenes::poses_now(stage, k as f32 / 60.0, true)[object].alpha)
                .collect();
            for window in samples.windows(60) {
                let mut turns = 0;
                let mut direction = 0.0f32;
                for w in window.windows(2) {
                    let d = w[1] - w[0];
                    if d.abs() > 1e-4 {
                        if direction != 0.0 && d.signum() != direction {
                            turns += 1;
                        }
                        direction = d.signum();
                    }
                }
                assert!(turns <= 6, "{}: object {object} flashes", stage.id);
            }
        }
    }
}

#[test]
fn kiosk_loops_keeps_fullscreen_on_escape_and_returns_to_start_when_idle() {
    let mut app = headless();
    app.insert_resource(View {
        kiosk: true,
        fullscreen: true,
        ..default()
    });
    app.add_plugins(car_t_sim::kiosk::plugin);
    app.update();
    press(&mut app, KeyCode::Escape, false);
    assert!(view(&app).fullscreen, "Esc does not leave a kiosk");
    assert!(app.world().resource::<Messages<AppExit>>().is_empty());
    // Someone jumps to stage 4 and walks away.
    press(&mut app, KeyCode::Digit4, false);
    press(&mut app, KeyCode::Space, false);
    assert!(!playhead(&app).playing);
    let frames = (IDLE_SECONDS / FRAME.as_secs_f32()) as usize;
    for _ in 0..frames - 20 {
        app.update();
    }
    assert_eq!(playhead(&app).stage, 3, "not yet");
    for _ in 0..30 {
        app.update();
    }
    let p = playhead(&app);
    assert!(p.stage == 0 && p.playing, "back at the start: {p:?}");
    assert!(!app.world().resource::<Idle>().touched);

    // Paused, the app wakes only every 5 s: the timer still counts wall time.
    press(&mut app, KeyCode::Digit4, false);
    press(&mut app, KeyCode::Space, false);
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs(5)));
    for _ in 0..((IDLE_SECONDS / 5.0) as usize + 1) {
        app.update();
    }
    assert_eq!(
        playhead(&app).stage,
        0,
        "back at the start after 90 s of wakes"
    );
}

#[test]
fn caption_node_is_a_live_region_that_follows_the_beat() {
    let mut app = headless_screen();
    let caption_node = |app: &mut App| one::<AccessibilityNode, CaptionText>(app).0;
    let story = app.world().resource::<ActiveStory>().story.clone();
    let first = caption_node(&mut app);
    assert_eq!(first.live(), Some(accesskit::Live::Polite));
    let words = first.value().expect("caption value").to_string();
    assert!(
        words.starts_with(story.stages[0].beats[0].caption.trim()),
        "{words}"
    );
    // The next beat: the node's words change.
    let next_beat = story.stages[0].beats[1].at;
    app.world_mut()
        .write_message(car_t_sim::playback::Control::SeekBy(next_beat + 0.1));
    app.update();
    app.update();
    let second = caption_node(&mut app);
    let words2 = second.value().unwrap().to_string();
    assert_ne!(words, words2);
    assert!(
        words2.starts_with(story.stages[0].beats[1].caption.trim()),
        "{words2}"
    );
}

#[test]
fn closed_panels_are_hidden_from_screen_readers() {
    let mut app = headless_screen();
    let sources_hidden = |app: &mut App| {
        let mut q = app.world_mut().query::<(&AccessibilityNode, &Text)>();
        let nodes: Vec<bool> = q
            .iter(app.world())
            .filter(|(_, t)| t.0.starts_with("1. "))
            .map(|(n, _)| n.0.is_hidden())
            .collect();
        assert_eq!(nodes.len(), 1, "one first source");
        nodes[0]
    };
    press(&mut app, KeyCode::KeyS, false);
    app.update();
    assert!(!sources_hidden(&mut app), "open: read out");
    press(&mut app, KeyCode::Escape, false);
    app.update();
    assert!(sources_hidden(&mut app), "closed: hidden");
    // The bars are grouped in reading order: stages, caption, controls.
    let mut q = app
        .world_mut()
        .query::<(&Name, &AccessibilityNode, &Children)>();
    let screen: Vec<String> = q
        .iter(app.world())
        .find(|(n, _, _)| n.as_str() == "Screen")
        .map(|(_, _, children)| children.to_vec())
        .unwrap()
        .iter()
        .filter_map(|c| {
            let node = app.world().get::<AccessibilityNode>(*c)?;
            node.0.label().map(str::to_string)
        })
        .collect();
    assert_eq!(screen, ["Stages", "Caption", "Controls"]);
}

#[test]
fn focus_never_rests_outside_the_screen_reader_tree() {
    // Bevy focuses the window at start-up; the tree would then never be sent.
    let mut app = headless_screen();
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<bevy::window::PrimaryWindow>>()
        .single(app.world())
        .unwrap();
    app.world_mut()
        .resource_mut::<InputFocus>()
        .set(window, bevy::input_focus::FocusCause::Navigated);
    app.update();
    assert_eq!(app.world().resource::<InputFocus>().get(), None);
}

/// The accessible names of every button.
fn button_names(app: &mut App) -> Vec<String> {
    app.world_mut()
        .query_filtered::<&AccessibilityNode, With<Button>>()
        .iter(app.world())
        .filter_map(|n| n.0.label().map(str::to_string))
        .collect()
}

#[test]
fn buttons_have_accessible_names_and_tab_reaches_each_with_a_ring() {
    let mut app = headless_screen();
    let names = button_names(&mut app);
    for expected in [
        "Back (Left)",
        "Pause (Space)",
        "Next (Right)",
        "Restart (Home)",
        "Sources (S)",
        "Stage 1 of 5: Apheresis",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    // Pausing renames the play button.
    press(&mut app, KeyCode::Space, false);
    app.update();
    let names = button_names(&mut app);
    assert!(names.iter().any(|n| n == "Play (Space)"), "{names:?}");

    // Tab goes through every control once, each with a visible ring.
    let count = app
        .world_mut()
        .query_filtered::<(), With<ButtonAction>>()
        .iter(app.world())
        .count();
    let mut seen = vec![];
    for _ in 0..count {
        press(&mut app, KeyCode::Tab, false);
        app.update();
        let focus = app.world().resource::<InputFocus>().get().expect("focus");
        assert!(app.world().resource::<InputFocusVisible>().0);
        assert!(app.world().get::<Outline>(focus).is_some(), "ring drawn");
        seen.push(focus);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "each control once");
    // Shift+Tab from the first control wraps to the last; Enter presses it.
    let mut segments = app.world_mut().query::<(Entity, &StageSegment)>();
    let third = segments
        .iter(app.world())
        .find(|(_, s)| s.0 == 2)
        .unwrap()
        .0;
    app.world_mut()
        .resource_mut::<InputFocus>()
        .set(third, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::Enter, false);
    assert_eq!(playhead(&app).stage, 2, "Enter pressed the third stage");

    // A click focuses the control without the ring (that is for keys).
    let next = app
        .world_mut()
        .query::<(Entity, &ButtonAction)>()
        .iter(app.world())
        .find(|(_, a)| **a == ButtonAction::Control(car_t_sim::playback::Control::Next))
        .unwrap()
        .0;
    let click = Pointer::new(
        bevy::picking::pointer::PointerId::Mouse,
        bevy::picking::pointer::Location {
            target: bevy::camera::NormalizedRenderTarget::None {
                width: 1280,
                height: 720,
            },
            position: Vec2::ZERO,
        },
        Click {
            button: bevy::picking::pointer::PointerButton::Primary,
            hit: bevy::picking::backend::HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
            duration: Duration::ZERO,
            count: 1,
        },
        next,
    );
    app.world_mut().trigger(click);
    app.update();
    assert_eq!(app.world().resource::<InputFocus>().get(), Some(next));
    assert!(!app.world().resource::<InputFocusVisible>().0);
    assert!(app.world().get::<Outline>(next).is_none(), "no ring");
    assert_eq!(playhead(&app).stage, 3, "and the click pressed Next");
}

#[test]
fn a_rebinding_in_the_settings_file_drives_the_app() {
    let dir = temp_dir("rebind");
    let path = dir.join("car-t-sim").join("settings.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "(\n    theme: Dark,\n    keys: {\n        next: [\"N\"],\n        blank: [\"W\"],\n    },\n)\n",
    )
    .unwrap();
    let loaded = settings::load(&path);
    assert_eq!(loaded.problem, None);
    assert!(!loaded.first_run);
    let mut app = headless();
    app.insert_resource(loaded.settings);
    press(&mut app, KeyCode::ArrowRight, false);
    assert_eq!(playhead(&app).stage, 0, "Right was rebound away");
    press(&mut app, KeyCode::KeyN, false);
    assert_eq!(playhead(&app).stage, 1);
    press(&mut app, KeyCode::KeyW, false);
    assert!(view(&app).blank);
    // Keys of actions the file does not name still work.
    press(&mut app, KeyCode::KeyW, false);
    press(&mut app, KeyCode::Home, false);
    assert_eq!(playhead(&app).stage, 0);
}

#[test]
fn changed_settings_are_saved_and_read_back() {
    let dir = temp_dir("save");
    // The config folder does not exist yet.
    let path = dir.join("missing").join("car-t-sim").join("settings.ron");
    let loaded = settings::load(&path);
    assert!(loaded.first_run && loaded.problem.is_none());
    let mut app = headless();
    app.insert_resource(settings::SettingsFile(Some(path.clone())));
    press(&mut app, KeyCode::KeyT, false);
    press(&mut app, KeyCode::KeyM, false);
    chord(&mut app, &[KeyCode::ControlLeft], KeyCode::Equal, None);
    let back = settings::load(&path);
    assert_eq!(back.problem, None);
    assert_eq!(back.settings, settings_of(&app));
    assert_eq!(back.settings.theme, ThemeName::Dark);
    assert!(back.settings.reduced_motion);
    assert_eq!(back.settings.caption_percent(), 5.0);
}

#[test]
fn a_broken_settings_file_is_reported_kept_aside_and_defaults_used() {
    let dir = temp_dir("broken");
    let path = dir.join("settings.ron");
    let broken = "(\n    theme: Dark,\n    keys: { next: [\"NoSuchKey\"] },\n)\n";
    std::fs::write(&path, broken).unwrap();
    let loaded = settings::load(&path);
    assert_eq!(loaded.settings, Settings::default());
    let problem = loaded.problem.expect("a problem is reported");
    assert!(problem.contains("settings.ron:3:"), "{problem}");
    assert!(problem.contains("NoSuchKey"), "{problem}");
    assert!(!path.exists(), "moved aside");
    let kept = dir.join("settings.ron.broken");
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        broken,
        "nothing lost"
    );
    assert!(problem.contains("settings.ron.broken"), "{problem}");
    // A second broken file does not overwrite the first.
    std::fs::write(&path, "(oops").unwrap();
    let again = settings::load(&path);
    assert!(again.problem.unwrap().contains("settings.ron.broken-2"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), broken);

    // On screen: the banner shows it until Esc.
    let mut app = headless_screen_where(|app| {
        app.insert_resource(View {
            notice: Some(problem.clone()),
            ..default()
        });
    });
    assert_eq!(display_of::<ErrorBanner>(&mut app), Display::Flex);
    press(&mut app, KeyCode::Escape, false);
    app.update();
    assert_eq!(display_of::<ErrorBanner>(&mut app), Display::None);
}

#[test]
fn ui_commands_from_buttons_match_the_keys() {
    // The same message from a button or a key has the same effect.
    let mut app = headless();
    app.world_mut().write_message(UiCommand::ToggleBlank);
    app.update();
    assert!(view(&app).blank && !playhead(&app).playing);
}

/// Whether a UI node is on screen: neither it nor an ancestor has
/// `Display::None` (how the screen hides panels, banners and bars, the same
/// rule the screen reader tree follows).
fn displayed(world: &World, mut entity: Entity) -> bool {
    loop {
        if world.get::<Node>(entity).map(|n| n.display) == Some(Display::None) {
            return false;
        }
        match world.get::<ChildOf>(entity) {
            Some(parent) => entity = parent.parent(),
            None => return true,
        }
    }
}

#[test]
fn the_bars_are_flat_and_only_the_current_stage_is_filled_at_rest() {
    // On a software renderer every filled pixel costs shading time in every
    // frame: the stage and control bars take the background colour, and a
    // button at rest is only outlined.
    for name in ThemeName::ALL {
        let mut app = headless_screen_where(|app| {
            app.world_mut().resource_mut::<Settings>().theme = name;
        });
        app.update();
        let world = app.world_mut();
        let mut filled = world.query::<(Entity, &BackgroundColor, Option<&Name>)>();
        let filled: Vec<(Entity, Option<String>)> = filled
            .iter(world)
            .filter(|(_, color, _)| !color.0.is_fully_transparent())
            .map(|(e, _, n)| (e, n.map(|n| n.to_string())))
            .collect();
        for (entity, node) in &filled {
            if !displayed(world, *entity) {
                continue;
            }
            let node = node.as_deref().unwrap_or("");
            assert!(
                node != "Stage bar" && node != "Control bar",
                "{name:?}: {node} is filled"
            );
            if world.get::<Button>(*entity).is_some() {
                let segment = world.get::<StageSegment>(*entity);
                assert_eq!(
                    segment.map(|s| s.0),
                    Some(0),
                    "{name:?}: button {node} is filled at rest"
                );
            }
        }
        // The caption bar stays solid.
        let mut caption = world.query_filtered::<&BackgroundColor, With<CaptionBar>>();
        let caption = caption.single(world).expect("one caption bar");
        assert_eq!(caption.0, Theme::named(name).caption_bar, "{name:?}");
    }
}
