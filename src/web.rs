//! The web build's edge, in one place: the page's address (story, stage,
//! theme), settings in the browser's local storage, the reduced-motion
//! preference, and what a screen reader hears (AccessKit does not run in a
//! browser): a visually hidden, polite `aria-live` element with the current
//! caption and its sources, and the canvas's description.

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use crate::compare::ActiveComparison;
use crate::playback::{Playhead, Timeline};
use crate::settings::Settings;
use crate::story::ActiveStory;
use crate::view::Screen;
use crate::{Launch, Mode};

/// The page's canvas (see `web/index.html`).
pub const CANVAS: &str = "#car-t-sim";
/// The page's `aria-live` element.
const LIVE: &str = "car-t-sim-live";
/// Where the settings are kept in the browser.
const STORAGE_KEY: &str = "car-t-sim.settings";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The stored settings: the defaults on a first visit; broken ones are
/// reported, kept under another key, and replaced by the defaults.
fn load_settings() -> (Settings, bool, Option<String>) {
    let Some(storage) = storage() else {
        return (
            Settings::default(),
            false,
            Some("This browser keeps no settings (local storage is off).".into()),
        );
    };
    match storage.get_item(STORAGE_KEY).ok().flatten() {
        None => (Settings::default(), true, None),
        Some(text) => match Settings::from_ron(&text) {
            Ok(settings) => (settings, false, None),
            Err(error) => {
                let kept = format!("{STORAGE_KEY}.broken");
                let _ = storage.set_item(&kept, &text);
                let _ = storage.set_item(STORAGE_KEY, &Settings::default().to_ron());
                (
                    Settings::default(),
                    false,
                    Some(format!(
                        "The stored settings were broken ({error}); using the defaults. \
                         The old ones are kept as {kept}."
                    )),
                )
            }
        },
    }
}

/// Whether the browser asks for reduced motion.
fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Runs the app in the page, as its address asks.
pub fn main() {
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let asked = crate::page::parse(&search);
    let (mut settings, first_run, stored_problem) = load_settings();
    if first_run && prefers_reduced_motion() {
        settings.reduced_motion = true;
    }
    let name = asked
        .story
        .clone()
        .or_else(|| settings.story.clone())
        .unwrap_or_else(|| "car-t".into());
    let story = ActiveStory::built_in(&name).unwrap_or_else(ActiveStory::embedded);
    let mut problems = asked.problems.clone();
    problems.extend(stored_problem);
    let stages = story.story.stages.len();
    let start_stage = match asked.stage {
        Some(n) if n as usize > stages => {
            problems.push(format!("The story has {stages} stages, not {n}."));
            0
        }
        Some(n) => n as usize - 1,
        None => 0,
    };
    if let Some(theme) = asked.theme {
        settings.theme = theme;
    }
    let launch = Launch {
        start_stage,
        settings,
        first_run,
        notice: (!problems.is_empty()).then(|| problems.join(" ")),
        choose_story: first_run && asked.story.is_none() && asked.stage.is_none() && !asked.compare,
        screen: if asked.compare {
            Screen::Compare
        } else {
            Screen::Walkthrough
        },
        ..Launch::new(
            story,
            Mode::Interactive {
                looping: false,
                kiosk: false,
            },
            crate::DEFAULT_WINDOW,
        )
    };
    let mut app = crate::build_app(launch);
    app.add_plugins(plugin);
    app.run();
}

/// Saving to local storage, the live caption and the canvas's description.
fn plugin(app: &mut App) {
    app.add_systems(Update, save_settings)
        .add_systems(Last, (mirror_captions, describe_canvas));
}

fn save_settings(settings: Res<Settings>) {
    if settings.is_changed()
        && !settings.is_added()
        && let Some(storage) = storage()
    {
        let _ = storage.set_item(STORAGE_KEY, &settings.to_ron());
    }
}

/// The words of every live caption on screen (the walkthrough's, or the
/// three lanes'), as the screen reader tree has them, go to the page's
/// `aria-live` element whenever they change.
fn mirror_captions(nodes: Query<&AccessibilityNode>, mut last: Local<String>) {
    let words: Vec<&str> = nodes
        .iter()
        .filter(|n| n.live().is_some() && !n.is_hidden())
        .filter_map(|n| n.value())
        .filter(|v| !v.is_empty())
        .collect();
    let words = words.join(" ");
    if *last == words {
        return;
    }
    if let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(LIVE))
    {
        element.set_text_content(Some(&words));
        *last = words;
    }
}

/// The canvas says what it shows: the story (or the comparison), the stage
/// and how to get the list of keys.
fn describe_canvas(
    playhead: Res<Playhead>,
    timeline: Res<Timeline>,
    story: Res<ActiveStory>,
    comparison: Res<ActiveComparison>,
    screen: Res<State<Screen>>,
    mut last: Local<String>,
) {
    let title = match screen.get() {
        Screen::Walkthrough => story.story.title.as_str(),
        Screen::Compare => comparison.0.title.as_str(),
    };
    let part = timeline
        .titles
        .get(playhead.stage)
        .cloned()
        .unwrap_or_default();
    let words = format!(
        "{title}. {} {} of {}: {part}. Space plays or pauses, the arrow keys and Page Up or Down \
         change the stage, H lists every key.",
        timeline.part,
        playhead.stage + 1,
        timeline.titles.len()
    );
    if *last == words {
        return;
    }
    if let Some(canvas) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(CANVAS).ok().flatten())
    {
        let _ = canvas.set_attribute("aria-label", &words);
        *last = words;
    }
}
