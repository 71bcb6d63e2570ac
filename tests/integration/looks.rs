//! How the screen looks to the class: themes and their contrast, caption
//! size, flat bars, and reduced motion.

use bevy::prelude::*;

use car_t_sim::scenes::{self, ObjectId, SceneActor, SceneKinds};
use car_t_sim::settings::{CAPTION_MAX, CAPTION_MIN, Settings, ThemeName};
use car_t_sim::theme::{MIN_TEXT_CONTRAST, Theme, contrast};
use car_t_sim::ui::layout::Bands;
use car_t_sim::ui::{CaptionBar, CaptionText, StageSegment};

use crate::common::{
    chord, display_of, headless_screen, headless_screen_where, headless_with_scenes, one, playhead,
    press, settings_of, shipped, view,
};

#[test]
fn t_cycles_the_themes_and_repaints_the_screen_and_scene() {
    let mut app = headless_screen();
    let caption_bar = |app: &mut App| one::<BackgroundColor, CaptionBar>(app).0;
    assert_eq!(caption_bar(&mut app), Theme::light().caption_bar);
    for expected in [ThemeName::Dark, ThemeName::HighContrast, ThemeName::Light] {
        // Everything follows in the frame of the key press.
        press(&mut app, KeyCode::KeyT, false);
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

/// The pose of every visible actor: (name, x, y, scale, angle).
fn actor_places(app: &mut App) -> Vec<(ObjectId, [f32; 5])> {
    let mut q = app
        .world_mut()
        .query::<(&SceneActor, &Transform, &Visibility)>();
    let mut out: Vec<(ObjectId, [f32; 5])> = q
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
    let kinds = SceneKinds::default();
    for stage in &story.stages {
        let kind = kinds.get(&stage.scene).expect("a known kind");
        let step = 1.0 / 30.0;
        let mut t = 0.0;
        let mut last = scenes::poses_now(kind, stage, 0.0, true);
        while t < stage.duration {
            t += step;
            let now = scenes::poses_now(kind, stage, t, true);
            for (id, b) in now.iter() {
                let a = last.get(id).expect("posed");
                if a.visible() && b.visible() {
                    assert!(
                        a.at == b.at && a.scale == b.scale && a.angle == b.angle,
                        "{}: {id} moved at {t:.2}s",
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
    let kinds = SceneKinds::default();
    for stage in &story.stages {
        let kind = kinds.get(&stage.scene).expect("a known kind");
        let series: Vec<scenes::Poses> = (0..=(stage.duration * 60.0) as usize)
            .map(|k| scenes::poses_now(kind, stage, k as f32 / 60.0, true))
            .collect();
        for (object, _) in series[0].iter() {
            // Count rises and falls of opacity over each one-second window.
            let samples: Vec<f32> = series
                .iter()
                .map(|p| p.get(object).expect("posed").alpha)
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

/// Whether a UI node is on screen: neither it nor an ancestor has
/// `Display::None` (how the screen hides the caption bar).
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
