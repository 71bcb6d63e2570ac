//! Key bindings: the keys a settings file may name (`PageDown`, `B`,
//! `Ctrl+Q`, `?`), how they are parsed and written, and how the help and the
//! buttons spell them (`Page Down`, `Ctrl+plus`).

use std::fmt;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

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
