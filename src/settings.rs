//! The viewer's settings (theme, caption size, reduced motion, key bindings),
//! kept in a RON file in the user's config folder. A broken file is reported,
//! kept aside under another name, and the app starts with the defaults.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// The colour themes of look.md.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum, Hash,
)]
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

/// Everything a viewer can do with a key (the digits 1-9, which jump to a
/// stage, are fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Play or pause.
    TogglePlay,
    /// Next stage.
    Next,
    /// Previous stage (or the start of this one).
    Previous,
    /// Seek 5 s forward.
    SeekForward,
    /// Seek 5 s back.
    SeekBack,
    /// Start of the first stage.
    Restart,
    /// Play slower.
    Slower,
    /// Play faster.
    Faster,
    /// Show or hide the sources.
    Sources,
    /// Close a panel, or leave fullscreen.
    Back,
    /// Blank the screen to black and pause; again to return.
    Blank,
    /// Fullscreen on or off.
    Fullscreen,
    /// Start from the first stage in fullscreen.
    Present,
    /// Show or hide the list of keys.
    Help,
    /// Next colour theme.
    Theme,
    /// Larger captions.
    CaptionsBigger,
    /// Smaller captions.
    CaptionsSmaller,
    /// Hide or show the captions.
    Captions,
    /// Reduced motion on or off.
    ReducedMotion,
    /// Quit (also in kiosk mode).
    Quit,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 20] = [
        Action::TogglePlay,
        Action::Next,
        Action::Previous,
        Action::SeekForward,
        Action::SeekBack,
        Action::Restart,
        Action::Slower,
        Action::Faster,
        Action::Blank,
        Action::Fullscreen,
        Action::Present,
        Action::Back,
        Action::Sources,
        Action::Help,
        Action::Theme,
        Action::CaptionsBigger,
        Action::CaptionsSmaller,
        Action::Captions,
        Action::ReducedMotion,
        Action::Quit,
    ];

    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::TogglePlay => "Play / pause",
            Action::Next => "Next stage",
            Action::Previous => "Previous stage",
            Action::SeekForward => "Forward 5 s",
            Action::SeekBack => "Back 5 s",
            Action::Restart => "Start again",
            Action::Slower => "Slower",
            Action::Faster => "Faster",
            Action::Sources => "Sources",
            Action::Back => "Close panel / leave fullscreen",
            Action::Blank => "Blank screen (again to return)",
            Action::Fullscreen => "Fullscreen",
            Action::Present => "Present from the start, fullscreen",
            Action::Help => "This help",
            Action::Theme => "Theme: light, dark, high contrast",
            Action::CaptionsBigger => "Larger captions",
            Action::CaptionsSmaller => "Smaller captions",
            Action::Captions => "Hide / show captions",
            Action::ReducedMotion => "Reduced motion",
            Action::Quit => "Quit",
        }
    }

    /// The keys it has when the settings file names none.
    fn default_keys(self) -> &'static [&'static str] {
        match self {
            Action::TogglePlay => &["Space", "K"],
            Action::Next => &["ArrowRight", "PageDown"],
            Action::Previous => &["ArrowLeft", "PageUp"],
            Action::SeekForward => &["Shift+ArrowRight"],
            Action::SeekBack => &["Shift+ArrowLeft"],
            Action::Restart => &["Home"],
            Action::Slower => &["Minus", "NumpadSubtract"],
            Action::Faster => &["Equal", "NumpadAdd"],
            Action::Sources => &["S"],
            Action::Back => &["Escape"],
            Action::Blank => &["B", "Period"],
            Action::Fullscreen => &["F", "F11"],
            Action::Present => &["F5"],
            Action::Help => &["H", "?"],
            Action::Theme => &["T"],
            Action::CaptionsBigger => &["Ctrl+Equal", "Ctrl+NumpadAdd", "Ctrl++"],
            Action::CaptionsSmaller => &["Ctrl+Minus", "Ctrl+NumpadSubtract"],
            Action::Captions => &["C"],
            Action::ReducedMotion => &["M"],
            Action::Quit => &["Ctrl+Q"],
        }
    }
}

/// The physical keys a binding may name, by their Bevy names (`PageDown`,
/// `KeyB`, `F11`, ...). Letters and digits may also be written alone (`B`, `5`).
const NAMED_KEYS: &[KeyCode] = &[
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::F1,
    KeyCode::F2,
    KeyCode::F3,
    KeyCode::F4,
    KeyCode::F5,
    KeyCode::F6,
    KeyCode::F7,
    KeyCode::F8,
    KeyCode::F9,
    KeyCode::F10,
    KeyCode::F11,
    KeyCode::F12,
    KeyCode::ArrowUp,
    KeyCode::ArrowDown,
    KeyCode::ArrowLeft,
    KeyCode::ArrowRight,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Space,
    KeyCode::Enter,
    KeyCode::Escape,
    KeyCode::Tab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Period,
    KeyCode::Comma,
    KeyCode::Minus,
    KeyCode::Equal,
    KeyCode::Slash,
    KeyCode::Backslash,
    KeyCode::Semicolon,
    KeyCode::Quote,
    KeyCode::Backquote,
    KeyCode::BracketLeft,
    KeyCode::BracketRight,
    KeyCode::NumpadAdd,
    KeyCode::NumpadSubtract,
    KeyCode::NumpadEnter,
    KeyCode::MediaPlayPause,
    KeyCode::MediaTrackNext,
    KeyCode::MediaTrackPrevious,
    KeyCode::AudioVolumeMute,
];

/// Which key a binding names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyName {
    /// A physical key, wherever the layout puts its letter.
    Code(KeyCode),
    /// The character a key types, like `?` or `+`, on any layout.
    Char(String),
}

/// One key, with the modifiers it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The key.
    pub key: KeyName,
    /// Ctrl must be held (and must not be, if false).
    pub ctrl: bool,
    /// Shift must be held. A binding without it works with or without Shift,
    /// unless another binding asks for Shift with the same key.
    pub shift: bool,
}

impl Binding {
    /// Parses `PageDown`, `B`, `Shift+ArrowRight`, `Ctrl+Q`, `?`, `Ctrl++`.
    pub fn parse(text: &str) -> Result<Binding, String> {
        let mut rest = text.trim();
        let (mut ctrl, mut shift) = (false, false);
        loop {
            if let Some(r) = strip_prefix_ci(rest, "ctrl+") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "shift+") {
                shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let key = key_code(rest)
            .map(KeyName::Code)
            .or_else(|| {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_alphanumeric() && !c.is_whitespace() => {
                        Some(KeyName::Char(c.to_string()))
                    }
                    _ => None,
                }
            })
            .ok_or_else(|| {
                format!(
                    "unknown key \"{text}\": use names like PageDown, B, F11, Period, \
                     Shift+ArrowRight, Ctrl+Q or a character like ?"
                )
            })?;
        Ok(Binding { key, ctrl, shift })
    }
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    (text.len() > prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &text[prefix.len()..])
}

/// The key of a name: Bevy's (`KeyB`, `PageDown`), or a lone letter or digit.
fn key_code(name: &str) -> Option<KeyCode> {
    NAMED_KEYS.iter().copied().find(|code| {
        let full = format!("{code:?}");
        full.eq_ignore_ascii_case(name)
            || full
                .strip_prefix("Key")
                .or_else(|| full.strip_prefix("Digit"))
                .is_some_and(|short| short.eq_ignore_ascii_case(name))
    })
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl+")?;
        }
        if self.shift {
            f.write_str("Shift+")?;
        }
        match &self.key {
            KeyName::Char(c) => f.write_str(c),
            KeyName::Code(code) => {
                let full = format!("{code:?}");
                let short = full
                    .strip_prefix("Key")
                    .or_else(|| full.strip_prefix("Digit"))
                    .unwrap_or(&full);
                f.write_str(short)
            }
        }
    }
}

impl Binding {
    /// How the help overlay writes the key: `Right`, `Page Down`, `.`,
    /// `Ctrl+plus` (the settings file uses the names [`Binding::parse`] reads).
    pub fn spoken(&self) -> String {
        let key = match &self.key {
            KeyName::Char(c) if c == "+" => "plus".to_string(),
            KeyName::Char(c) => c.clone(),
            KeyName::Code(code) => match code {
                KeyCode::ArrowRight => "Right".into(),
                KeyCode::ArrowLeft => "Left".into(),
                KeyCode::ArrowUp => "Up".into(),
                KeyCode::ArrowDown => "Down".into(),
                KeyCode::PageDown => "Page Down".into(),
                KeyCode::PageUp => "Page Up".into(),
                KeyCode::Escape => "Esc".into(),
                KeyCode::Period => ".".into(),
                KeyCode::Comma => ",".into(),
                KeyCode::Minus => "-".into(),
                KeyCode::Equal => "=".into(),
                KeyCode::Slash => "/".into(),
                KeyCode::NumpadAdd => "Numpad +".into(),
                KeyCode::NumpadSubtract => "Numpad -".into(),
                _ => {
                    let mut plain = self.clone();
                    plain.ctrl = false;
                    plain.shift = false;
                    plain.to_string()
                }
            },
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl+");
        }
        if self.shift {
            out.push_str("Shift+");
        }
        out + &key
    }
}

impl Serialize for Binding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Binding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Binding::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A key press as the bindings see it.
#[derive(Debug, Clone, Copy)]
pub struct Press<'a> {
    /// The physical key.
    pub code: KeyCode,
    /// The character it types, if any.
    pub text: Option<&'a str>,
    /// Whether Ctrl is held.
    pub ctrl: bool,
    /// Whether Shift is held.
    pub shift: bool,
}

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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: ThemeName::Light,
            caption_size: CAPTION_DEFAULT,
            reduced_motion: false,
            keys: BTreeMap::new(),
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
        ron::from_str::<Settings>(text)
            .map_err(|e| format!("{}:{}: {}", e.span.start.line, e.span.start.col, e.code))
    }
}

/// Where changed settings are saved; None: they are not (stills, kiosks, tests).
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsFile(pub Option<PathBuf>);

/// Keeps the settings file up to date with what the viewer changes.
pub fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .init_resource::<SettingsFile>()
        .add_systems(
            Update,
            save_changed.in_set(crate::playback::PlaybackSet::Present),
        );
}

fn save_changed(settings: Res<Settings>, file: Res<SettingsFile>) {
    if !settings.is_changed() || settings.is_added() {
        return;
    }
    if let Some(path) = &file.0
        && let Err(e) = save(path, &settings)
    {
        warn!("{}: cannot save the settings: {e}", path.display());
    }
}

/// Where the settings live: `$XDG_CONFIG_HOME/car-t-sim/settings.ron`, else
/// `~/.config/car-t-sim/settings.ron`. None when neither is known.
pub fn settings_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("car-t-sim").join("settings.ron"))
}

/// What reading the settings file found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The settings to use.
    pub settings: Settings,
    /// No settings file existed: this is the first run.
    pub first_run: bool,
    /// What was wrong with the file, if anything, for the screen and the log.
    pub problem: Option<String>,
}

/// Reads the settings file. A missing file gives the defaults (first run);
/// a broken one gives the defaults and a message, and is renamed to
/// `settings.ron.broken` (or `.broken-2`, ...) so nothing the user wrote is lost.
pub fn load(path: &Path) -> Loaded {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded {
                settings: Settings::default(),
                first_run: true,
                problem: None,
            };
        }
        Err(e) => {
            return Loaded {
                settings: Settings::default(),
                first_run: false,
                problem: Some(format!(
                    "{}: cannot read the settings ({e}); using the defaults",
                    path.display()
                )),
            };
        }
    };
    match Settings::from_ron(&text) {
        Ok(settings) => Loaded {
            settings,
            first_run: false,
            problem: None,
        },
        Err(error) => {
            let kept = keep_aside(path);
            let fate = match kept {
                Ok(kept) => format!("it was kept as {}", kept.display()),
                Err(e) => format!("it could not be moved aside ({e}) and was left as it is"),
            };
            Loaded {
                settings: Settings::default(),
                first_run: false,
                problem: Some(format!(
                    "{}:{error}. Using the default settings; {fate}.",
                    path.display()
                )),
            }
        }
    }
}

/// Renames a broken file to a free `.broken` name beside it.
fn keep_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "settings.ron".into());
    let target = (1..1000)
        .map(|i| {
            let suffix = if i == 1 {
                ".broken".to_string()
            } else {
                format!(".broken-{i}")
            };
            path.with_file_name(format!("{name}{suffix}"))
        })
        .find(|candidate| !candidate.exists())
        .ok_or_else(|| std::io::Error::other("too many broken settings files"))?;
    std::fs::rename(path, &target)?;
    Ok(target)
}

/// Writes the settings, creating the config folder if it is missing.
pub fn save(path: &Path, settings: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Write then rename, so a crash never leaves half a file.
    let partial = path.with_extension("ron.partial");
    std::fs::write(&partial, settings.to_ron())?;
    std::fs::rename(&partial, path)
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
