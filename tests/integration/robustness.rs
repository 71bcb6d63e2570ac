//! Robustness: mutated and random story files, input storms, an eight-hour
//! loop, and a machine with no GPU.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Duration;

use bevy::ecs::resource::IsResource;
use bevy::input::ButtonState;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

use car_t_sim::input::{Action, Intent};
use car_t_sim::playback::{Control, Playhead};
use car_t_sim::scenes::SceneKinds;
use car_t_sim::story::{ActiveStory, DEFAULT_STORY, parse_story};

use crate::common::{
    Rng, app_command, assert_invariants, headless_with_scenes, key_event, playhead,
};

/// Pieces of RON and of story files that mutations splice in.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "/*",
    "*/",
    "//",
    "\n",
    "r#\"",
    "\"#",
    "Story(",
    "Stage(",
    "Beat(",
    "Source(",
    "Some(",
    "None",
    "true",
    "at:",
    "duration:",
    "cite: [",
    "caption: \"",
    "scene: \"",
    "id: \"",
    "1e309",
    "-0.0",
    "NaN",
    "inf",
    "-1",
    "0x1F",
    "99999999999",
    "\u{0}",
    "\u{feff}",
    "é",
    "🧬",
    "\u{a0}",
    " ",
    "\t",
];

/// The seed corpus: the shipped story and the files in tests/fuzz-corpus.
fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut out = vec![DEFAULT_STORY.to_string()];
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-corpus")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        out.push(std::fs::read_to_string(file).unwrap());
    }
    assert!(out.len() >= 5);
    out
}

/// One random change to `text`, at a character boundary.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let (before, after) = chars.split_at(at);
    let before: String = before.iter().collect();
    let after: String = after.iter().collect();
    match rng.below(5) {
        0 => {
            // Delete up to 16 characters.
            let skip = rng.below(17).min(after.chars().count());
            format!("{before}{}", after.chars().skip(skip).collect::<String>())
        }
        1 => format!("{before}{}{after}", TOKENS[rng.below(TOKENS.len())]),
        2 => {
            // Duplicate a piece.
            let piece: String = after.chars().take(rng.below(40)).collect();
            format!("{before}{piece}{piece}{}", &after[piece.len()..])
        }
        3 => {
            // Replace one character with a random one.
            let c = char::from_u32(rng.below(0x250) as u32).unwrap_or('?');
            format!("{before}{c}{}", after.chars().skip(1).collect::<String>())
        }
        _ => {
            // Swap a chunk elsewhere.
            let piece: String = after.chars().take(rng.below(30)).collect();
            let rest = &after[piece.len()..];
            let split = rng.below(rest.chars().count() + 1);
            let (a, b): (String, String) = (
                rest.chars().take(split).collect(),
                rest.chars().skip(split).collect(),
            );
            format!("{before}{a}{piece}{b}")
        }
    }
}

/// Random bytes, read as text the way the loader reads a file.
fn random_text(rng: &mut Rng) -> String {
    let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Checks one input: no panic; either a valid story or positioned errors.
fn check_case(text: &str) -> bool {
    let kinds = SceneKinds::default();
    let result = catch_unwind(AssertUnwindSafe(|| parse_story(text, &kinds)))
        .unwrap_or_else(|_| panic!("parse_story panicked on:\n{text}"));
    let lines = text.lines().count().max(1) + 1;
    match result {
        Ok(story) => {
            assert!(!story.stages.is_empty());
            for stage in &story.stages {
                assert!(stage.duration.is_finite() && stage.duration > 0.0);
                assert!(
                    stage
                        .beats
                        .iter()
                        .all(|b| b.at >= 0.0 && b.at < stage.duration)
                );
            }
            true
        }
        Err(errors) => {
            assert!(
                !errors.is_empty(),
                "an error without a message for:\n{text}"
            );
            for e in &errors {
                assert!(
                    e.line >= 1 && e.line <= lines && e.col >= 1,
                    "{e} out of the file:\n{text}"
                );
                assert!(!e.message.is_empty());
            }
            false
        }
    }
}

/// How many cases the fuzz test runs: a short fixed budget by default; set
/// CAR_T_SIM_FUZZ_CASES for a long run (1,000,000 was run once, see README).
fn budget() -> usize {
    std::env::var("CAR_T_SIM_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

#[test]
fn mutated_and_random_story_files_never_panic_and_errors_have_positions() {
    let corpus = corpus();
    let mut rng = Rng(0x5EED_CA27);
    let (mut valid, mut rejected) = (0usize, 0usize);
    let cases = budget();
    for case in 0..cases {
        let text = if case % 10 == 9 {
            random_text(&mut rng)
        } else {
            let mut text = corpus[rng.below(corpus.len())].clone();
            for _ in 0..1 + rng.below(4) {
                text = mutate(&mut rng, &text);
            }
            text
        };
        if check_case(&text) {
            valid += 1;
        } else {
            rejected += 1;
        }
    }
    println!("fuzzed {cases} story files: {valid} valid, {rejected} rejected with positions");
    assert!(
        valid > 0 && rejected > cases / 2,
        "{valid} valid, {rejected} rejected"
    );
}

/// How many entities the world holds, apart from resources (which Bevy
/// keeps as entities too, and some of which, like the overlay's previous
/// state, appear the first time they are needed).
fn entities(world: &mut World) -> usize {
    world
        .query_filtered::<Entity, Without<IsResource>>()
        .iter(world)
        .count()
}

/// Number of entities per scene kind, learnt the first time it is seen.
fn check_entities(app: &mut App, seen: &mut HashMap<String, usize>) {
    let kind = {
        let world = app.world();
        let p = world.resource::<Playhead>();
        match world
            .resource::<State<car_t_sim::screens::screen::Screen>>()
            .get()
        {
            car_t_sim::screens::screen::Screen::Walkthrough => {
                world.resource::<ActiveStory>().story.stages[p.stage]
                    .scene
                    .clone()
            }
            car_t_sim::screens::screen::Screen::Compare => {
                format!("comparison step {}", p.stage + 1)
            }
            car_t_sim::screens::screen::Screen::Lab => {
                // The lab keeps one entity per cell it has shown: as many
                // as the most cells of its runs, never more.
                let count = entities(app.world_mut());
                assert!(count < 12_000, "entities on the lab: {count}");
                return;
            }
        }
    };
    let count = entities(app.world_mut());
    let expected = *seen.entry(kind.clone()).or_insert(count);
    assert_eq!(
        count, expected,
        "entities on a {kind} scene: {count}, before {expected}"
    );
}

#[test]
fn an_input_storm_keeps_the_playhead_valid_and_leaks_nothing() {
    let mut app = headless_with_scenes();
    let mut rng = Rng(42);
    let keys = [
        KeyCode::Space,
        KeyCode::KeyK,
        KeyCode::ArrowLeft,
        KeyCode::ArrowRight,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::Minus,
        KeyCode::Equal,
        KeyCode::Digit1,
        KeyCode::Digit3,
        KeyCode::Digit5,
        KeyCode::Digit9,
        KeyCode::ShiftLeft,
        KeyCode::ControlLeft,
        KeyCode::KeyS,
        KeyCode::Escape,
        KeyCode::KeyQ,
    ];
    let mut seen = HashMap::new();
    let mut sent = 0;
    while sent < 10_000 {
        for _ in 0..rng.below(4) {
            match rng.below(3) {
                0 => {
                    let state = if rng.below(3) == 0 {
                        ButtonState::Released
                    } else {
                        ButtonState::Pressed
                    };
                    let event = key_event(keys[rng.below(keys.len())], state, rng.below(5) == 0);
                    app.world_mut().write_message(event);
                }
                1 => {
                    let control = match rng.below(10) {
                        0 => Control::TogglePlay,
                        1 => Control::Next,
                        2 => Control::Previous,
                        3 => Control::Restart,
                        4 => Control::JumpTo(rng.below(12)),
                        5 => Control::SeekFraction(rng.unit() * 1.4 - 0.2),
                        6 => Control::SeekBy((rng.unit() - 0.5) * 200.0),
                        7 => Control::Slower,
                        8 => Control::SetPlaying(rng.below(2) == 0),
                        _ => Control::Faster,
                    };
                    app.world_mut().write_message(control);
                }
                _ => {
                    // Every intent but Quit: panels, blank, fullscreen,
                    // present, themes, caption size, reduced motion, and
                    // the playback actions and stage clicks.
                    let actions: Vec<Action> = Action::ALL
                        .into_iter()
                        .filter(|a| *a != Action::Quit)
                        .collect();
                    let intent = match rng.below(6) {
                        0 => Intent::JumpTo(rng.below(12)),
                        1 => Intent::SeekFraction(rng.unit() * 1.4 - 0.2),
                        _ => Intent::Do(actions[rng.below(actions.len())]),
                    };
                    app.world_mut().write_message(intent);
                }
            }
            sent += 1;
        }
        // Frames of uneven length, as on a busy laptop.
        let frame = Duration::from_secs_f32(rng.unit() * 0.5);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(frame));
        app.update();
        assert_invariants(&app);
        check_entities(&mut app, &mut seen);
    }
    println!("sent {sent} events; entities per scene: {seen:?}");
    // The storm also opens the chooser and picks stories: it visits every
    // scene of the CAR T story at least, and others.
    let car_t = ActiveStory::embedded().story;
    for stage in &car_t.stages {
        assert!(seen.contains_key(&stage.scene), "never saw {}", stage.scene);
    }
}

#[test]
fn eight_hours_of_looping_end_every_loop_with_the_same_entities_and_assets() {
    let mut app = headless_with_scenes();
    app.world_mut().resource_mut::<Playhead>().looping = true;
    // Virtual time takes at most 0.25 s per frame.
    let step = 0.25;
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_secs_f32(
        step,
    )));
    let total: f32 = app
        .world()
        .resource::<ActiveStory>()
        .story
        .durations()
        .iter()
        .sum();
    let updates = (8.0 * 3600.0 / step) as usize;
    let mut first: Option<(usize, usize, usize)> = None;
    let mut loops = 0;
    let mut last_stage = playhead(&app).stage;
    for _ in 0..updates {
        app.update();
        let stage = playhead(&app).stage;
        if stage < last_stage {
            loops += 1;
            let world = app.world_mut();
            let entities = entities(world);
            let meshes = world.resource::<Assets<Mesh>>().len();
            let materials = world.resource::<Assets<ColorMaterial>>().len();
            let now = (entities, meshes, materials);
            assert_eq!(
                *first.get_or_insert(now),
                now,
                "loop {loops}: entities, meshes, materials"
            );
        }
        last_stage = stage;
    }
    assert!(playhead(&app).playing, "a loop never stops");
    let expected = (8.0 * 3600.0 / total) as usize;
    assert!(
        loops >= expected,
        "{loops} loops in 8 hours, expected {expected}"
    );
    println!("8 h soaked: {loops} loops of {total} s, counts {first:?} after every loop");
}

#[test]
fn with_no_gpu_adapter_the_app_says_what_to_install() {
    let out = app_command("no-gpu-config")
        // Only Vulkan, and no Vulkan driver: no adapter at all.
        .env("WGPU_BACKEND", "vulkan")
        .env("VK_ICD_FILENAMES", "/nonexistent.json")
        .env("VK_DRIVER_FILES", "/nonexistent.json")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no GPU adapter found") && err.contains("mesa-vulkan-drivers"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
