//! The web build's edge, in one place: the page's address (story, stage,
//! theme), settings in the browser's local storage, the reduced-motion
//! preference, and what a screen reader hears (AccessKit does not run in a
//! browser): visually hidden `aria-live` elements with the current caption
//! and its sources, the open panel's text (help, sources, chooser, table)
//! and any notice, and the canvas's description with the keys bound now.

use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use crate::input::Action;
use crate::playback::{Playhead, Timeline};
use crate::screens::screen::Screen;
use crate::settings::Settings;
use crate::story::ActiveStory;
use crate::{Launch, Mode};

/// The page's canvas (see `web/index.html`).
pub const CANVAS: &str = "#car-t-sim";
/// The page's `aria-live` element for captions.
const LIVE: &str = "car-t-sim-live";
/// The page's `aria-live` element for the open panel.
const PANEL: &str = "car-t-sim-panel";
/// The page's `role=alert` element for notices.
const ALERT: &str = "car-t-sim-alert";
/// Where the settings are kept in the browser.
const STORAGE_KEY: &str = "car-t-sim.settings";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The stored settings: the defaults on a first visit (stored at once, so
/// the chooser opens on the first visit only); broken ones are reported,
/// kept under another key, and replaced by the defaults. With local storage
/// off, every visit is a first one, and settings last the visit.
fn load_settings() -> (Settings, bool, Option<String>) {
    let Some(storage) = storage() else {
        warn!("local storage is off: settings last only this visit");
        return (first_visit(), true, None);
    };
    match storage.get_item(STORAGE_KEY).ok().flatten() {
        None => {
            let settings = first_visit();
            let _ = storage.set_item(STORAGE_KEY, &settings.to_ron());
            (settings, true, None)
        }
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

/// A first visit's settings: the defaults, with the browser's wish for
/// reduced motion.
fn first_visit() -> Settings {
    Settings {
        reduced_motion: prefers_reduced_motion(),
        ..Settings::default()
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
    let name = asked
        .story
        .clone()
        .or_else(|| settings.story.clone())
        .unwrap_or_else(|| "car-t".into());
    let story = ActiveStory::built_in(&name).unwrap_or_else(ActiveStory::embedded);
    let mut problems = asked.problems.clone();
    problems.extend(stored_problem);
    let (start_stage, stage_problem) =
        crate::page::start_stage(asked.stage, story.story.stages.len());
    problems.extend(stage_problem);
    if let Some(theme) = asked.theme {
        settings.theme = theme;
    }
    let launch = Launch {
        start_stage,
        settings,
        first_run,
        notice: (!problems.is_empty()).then(|| problems.join(" ")),
        choose_story: first_run
            && asked.story.is_none()
            && asked.stage.is_none()
            && !asked.compare
            && !asked.lab,
        screen: if asked.compare {
            Screen::Compare
        } else if asked.lab {
            Screen::Lab
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

/// Writes `words` into the page's element `id`, if they changed.
fn write_text(id: &str, words: &str, last: &mut String) {
    if last.as_str() == words {
        return;
    }
    if let Some(element) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        element.set_text_content(Some(words));
        *last = words.to_string();
    }
}

/// Saving to local storage, the live caption and the canvas's description.
fn plugin(app: &mut App) {
    app.add_systems(Update, save_settings)
        .add_systems(Last, (mirror_captions, mirror_panel, describe_canvas));
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
    write_text(LIVE, &words.join(" "), &mut last);
}

/// Everything a panel says, in order: its texts, depth first.
fn panel_words(
    entity: Entity,
    children: &Query<&Children>,
    texts: &Query<&Text>,
    out: &mut Vec<String>,
) {
    if let Ok(text) = texts.get(entity)
        && !text.0.trim().is_empty()
    {
        out.push(text.0.trim().replace(crate::content::text::GLUE, " "));
    }
    if let Ok(kids) = children.get(entity) {
        for kid in kids {
            panel_words(*kid, children, texts, out);
        }
    }
}

/// The open panel (help, sources, chooser, table) goes to the page's
/// panel region, and a notice to its alert region, so a screen reader
/// hears what a sighted user reads there.
fn mirror_panel(
    panels: Query<
        Entity,
        Or<(
            With<crate::ui::HelpPanel>,
            With<crate::ui::SourcesPanel>,
            With<crate::ui::ChooserPanel>,
            With<crate::screens::compare::TablePanel>,
        )>,
    >,
    notices: Query<Entity, With<crate::ui::NoticePanel>>,
    children: Query<&Children>,
    texts: Query<&Text>,
    mut last: Local<(String, String)>,
) {
    let words = |of: &mut dyn Iterator<Item = Entity>| {
        let mut out = vec![];
        for panel in of {
            panel_words(panel, &children, &texts, &mut out);
        }
        out.join(". ")
    };
    let panel = words(&mut panels.iter());
    let notice = words(&mut notices.iter());
    let (last_panel, last_notice) = &mut *last;
    write_text(PANEL, &panel, last_panel);
    write_text(ALERT, &notice, last_notice);
}

/// The canvas says what it shows: the story (or the comparison), the stage
/// and the keys bound now for the main actions.
fn describe_canvas(
    settings: Res<Settings>,
    playhead: Res<Playhead>,
    timeline: Res<Timeline>,
    shown: Res<crate::screens::shown::Shown>,
    mut last: Local<String>,
) {
    let title = shown.title.as_str();
    let part = timeline
        .titles
        .get(playhead.stage)
        .cloned()
        .unwrap_or_default();
    let key = |action: Action| {
        settings
            .first_key(action)
            .unwrap_or_else(|| "no key".into())
    };
    let words = format!(
        "{title}. {} {} of {}: {part}. {} plays or pauses, {} and {} go to the next and the \
         previous {}, {} lists every key.",
        timeline.part,
        playhead.stage + 1,
        timeline.titles.len(),
        key(Action::TogglePlay),
        key(Action::Next),
        key(Action::Previous),
        timeline.part.to_lowercase(),
        key(Action::Help),
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
