//! The viewer's settings: theme, caption size, reduced motion, the story
//! last chosen and their own keys.

use std::collections::BTreeMap;

use bevy::prelude::*;

use serde::{Deserialize, Serialize};

use crate::input::action::Action;
use crate::input::binding::{Binding, KeyName, Press};

/// The colour themes of the design rules (README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
pub enum ThemeName {
    /// Off-white background, dark text: for projectors in lit rooms.
    #[default]
    Light,
    /// Dark background, light text: for dim rooms.
    Dark,
    /// Pure black and white, thicker outlines, nothing see-through.
    HighContrast,
}

impl ThemeName {
    /// Every theme, in the order T cycles through them.
    pub const ALL: [ThemeName; 3] = [ThemeName::Light, ThemeName::Dark, ThemeName::HighContrast];

    /// The theme after this one.
    pub fn next(self) -> ThemeName {
        let i = ThemeName::ALL.iter().position(|t| *t == self).unwrap_or(0);
        ThemeName::ALL[(i + 1) % ThemeName::ALL.len()]
    }

    /// The theme a command line or a web address names: `light`, `dark`
    /// or `high-contrast`.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        match name.trim().to_ascii_lowercase().as_str() {
            "light" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            "high-contrast" | "high_contrast" | "highcontrast" => Some(ThemeName::HighContrast),
            _ => None,
        }
    }

    /// The name people read.
    pub fn title(self) -> &'static str {
        match self {
            ThemeName::Light => "light",
            ThemeName::Dark => "dark",
            ThemeName::HighContrast => "high contrast",
        }
    }
}

/// The smallest caption size, in percent of the window height.
pub const CAPTION_MIN: f32 = 3.0;
/// The largest caption size, in percent of the window height.
pub const CAPTION_MAX: f32 = 8.0;
/// The default caption size, in percent of the window height.
pub const CAPTION_DEFAULT: f32 = 4.5;
/// How much Ctrl+plus/minus change the caption size, in percent of the height.
pub const CAPTION_STEP: f32 = 0.5;

/// The settings that persist between runs.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The colour theme.
    pub theme: ThemeName,
    /// Caption size in percent of the window height, from 3 to 8.
    pub caption_size: f32,
    /// Cross-fades instead of movement.
    pub reduced_motion: bool,
    /// Keys for actions, replacing that action's default keys. Actions not
    /// named keep their defaults.
    pub keys: BTreeMap<Action, Vec<Binding>>,
    /// The built-in story last chosen (car-t, tcr or til); the app opens it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeName::Light,
            caption_size: CAPTION_DEFAULT,
            reduced_motion: false,
            keys: BTreeMap::new(),
            story: None,
        }
    }
}

impl Settings {
    /// The keys bound to an action: the file's, else the defaults.
    pub fn keys_for(&self, action: Action) -> Vec<Binding> {
        match self.keys.get(&action) {
            Some(keys) => keys.clone(),
            None => action
                .default_keys()
                .iter()
                .map(|k| Binding::parse(k).expect("default keys parse"))
                .collect(),
        }
    }

    /// The action a key press asks for. A binding that names exactly the
    /// modifiers held wins; else one without Shift when Shift is held.
    pub fn action_for(&self, press: Press) -> Option<Action> {
        let matches = |b: &Binding| {
            b.ctrl == press.ctrl
                && match &b.key {
                    KeyName::Code(code) => *code == press.code,
                    KeyName::Char(c) => press.text == Some(c.as_str()),
                }
        };
        let all: Vec<(Action, Binding)> = Action::ALL
            .iter()
            .flat_map(|a| self.keys_for(*a).into_iter().map(move |b| (*a, b)))
            .collect();
        all.iter()
            .find(|(_, b)| {
                matches(b) && (b.shift == press.shift || matches!(b.key, KeyName::Char(_)))
            })
            .or_else(|| {
                all.iter()
                    .find(|(_, b)| matches(b) && press.shift && !b.shift)
            })
            .map(|(a, _)| *a)
    }

    /// How the help and the buttons spell the first key bound to an action.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.keys_for(action).first().map(Binding::spoken)
    }

    /// The caption size, within its limits.
    pub fn caption_percent(&self) -> f32 {
        if self.caption_size.is_finite() {
            self.caption_size.clamp(CAPTION_MIN, CAPTION_MAX)
        } else {
            CAPTION_DEFAULT
        }
    }

    /// Changes the caption size by `steps` of [`CAPTION_STEP`], within limits.
    pub fn resize_captions(&mut self, steps: f32) {
        self.caption_size =
            (self.caption_percent() + steps * CAPTION_STEP).clamp(CAPTION_MIN, CAPTION_MAX);
    }

    /// The settings as the file stores them.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::default().depth_limit(3);
        ron::ser::to_string_pretty(self, config).expect("settings always serialize")
    }

    /// Reads settings from RON text; an error names its line and column.
    pub fn from_ron(text: &str) -> Result<Settings, String> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<Settings>(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, text: Option<&str>, ctrl: bool, shift: bool) -> Press<'_> {
        Press {
            code,
            text,
            ctrl,
            shift,
        }
    }

    #[test]
    fn every_default_key_parses_and_no_two_actions_share_one() {
        let settings = Settings::default();
        let mut seen: Vec<(String, Action)> = vec![];
        for action in Action::ALL {
            for binding in settings.keys_for(action) {
                let name = binding.to_string();
                assert!(
                    !seen.iter().any(|(n, _)| *n == name),
                    "{name} is bound twice"
                );
                seen.push((name, action));
            }
        }
    }

    #[test]
    fn modifiers_pick_the_binding() {
        let s = Settings::default();
        let right = |ctrl, shift| s.action_for(press(KeyCode::ArrowRight, None, ctrl, shift));
        assert_eq!(right(false, false), Some(Action::Next));
        assert_eq!(right(false, true), Some(Action::SeekForward));
        assert_eq!(right(true, false), None);
        // Shift+B still blanks: B has no Shift binding of its own.
        assert_eq!(
            s.action_for(press(KeyCode::KeyB, Some("B"), false, true)),
            Some(Action::Blank)
        );
        // "?" is Shift+Slash on a US keyboard, elsewhere on others.
        assert_eq!(
            s.action_for(press(KeyCode::Slash, Some("?"), false, true)),
            Some(Action::Help)
        );
        assert_eq!(
            s.action_for(press(KeyCode::Equal, Some("+"), true, true)),
            Some(Action::CaptionsBigger)
        );
        assert_eq!(
            s.action_for(press(KeyCode::Equal, Some("="), false, false)),
            Some(Action::Faster)
        );
        assert_eq!(
            s.action_for(press(KeyCode::KeyQ, Some("q"), true, false)),
            Some(Action::Quit)
        );
        assert_eq!(
            s.action_for(press(KeyCode::KeyQ, Some("q"), false, false)),
            None
        );
    }

    #[test]
    fn a_file_rebinding_replaces_that_actions_keys_only() {
        let s = Settings::from_ron("(keys: { blank: [\"W\"], next: [\"Enter\", \"ctrl+n\"] })")
            .expect("valid");
        assert_eq!(
            s.action_for(press(KeyCode::KeyW, None, false, false)),
            Some(Action::Blank)
        );
        assert_eq!(s.action_for(press(KeyCode::KeyB, None, false, false)), None);
        assert_eq!(
            s.action_for(press(KeyCode::KeyN, None, true, false)),
            Some(Action::Next)
        );
        // Untouched actions keep their defaults.
        assert_eq!(
            s.action_for(press(KeyCode::Space, None, false, false)),
            Some(Action::TogglePlay)
        );
    }

    #[test]
    fn round_trip_through_ron() {
        let mut s = Settings {
            theme: ThemeName::HighContrast,
            caption_size: 6.5,
            reduced_motion: true,
            ..default()
        };
        s.keys.insert(
            Action::Present,
            vec![
                Binding::parse("Shift+F5").unwrap(),
                Binding::parse("?").unwrap(),
            ],
        );
        assert_eq!(Settings::from_ron(&s.to_ron()), Ok(s));
    }

    #[test]
    fn bad_files_name_line_and_column() {
        let e = Settings::from_ron("(\n  theme: Purple,\n)").unwrap_err();
        assert!(e.starts_with("2:"), "{e}");
        let e = Settings::from_ron("(\n  keys: { blank: [\"Bogus\"] },\n)").unwrap_err();
        assert!(
            e.starts_with("2:") && e.contains("unknown key \"Bogus\""),
            "{e}"
        );
        let e = Settings::from_ron("(colour: 3)").unwrap_err();
        assert!(e.starts_with("1:"), "{e}");
    }

    #[test]
    fn caption_size_stays_between_3_and_8_percent() {
        let mut s = Settings::default();
        for _ in 0..20 {
            s.resize_captions(1.0);
        }
        assert_eq!(s.caption_percent(), CAPTION_MAX);
        for _ in 0..20 {
            s.resize_captions(-1.0);
        }
        assert_eq!(s.caption_percent(), CAPTION_MIN);
        s.caption_size = f32::NAN;
        assert_eq!(s.caption_percent(), CAPTION_DEFAULT);
    }

    #[test]
    fn themes_cycle_through_all_three() {
        let mut t = ThemeName::Light;
        let mut seen = vec![];
        for _ in 0..3 {
            seen.push(t);
            t = t.next();
        }
        assert_eq!(t, ThemeName::Light);
        assert_eq!(seen, ThemeName::ALL);
    }
}
