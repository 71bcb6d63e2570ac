//! Colours: the Okabe-Ito palette of look.md (colour-blind safe) and the
//! colours of the screen's bars and panels.

use bevy::prelude::*;

use crate::settings::ThemeName;

/// Object colours from look.md. Scenes use these, never ad-hoc colours.
pub mod palette {
    use bevy::prelude::Color;

    /// T cell body, blue `#0072B2`.
    pub const T_CELL: Color = Color::srgb(0.0, 0.447, 0.698);
    /// CAR "key" and antigen "lock", orange `#E69F00`.
    pub const CAR: Color = Color::srgb(0.902, 0.624, 0.0);
    /// Cancer cell, reddish purple `#CC79A7`.
    pub const CANCER: Color = Color::srgb(0.8, 0.475, 0.655);
    /// Healthy cell without the antigen, bluish green `#009E73`.
    pub const HEALTHY: Color = Color::srgb(0.0, 0.620, 0.451);
    /// Red blood cells and blood, vermillion `#D55E00`.
    pub const BLOOD: Color = Color::srgb(0.835, 0.369, 0.0);
    /// Cold, frost, liquid nitrogen, sky blue `#56B4E9`.
    pub const COLD: Color = Color::srgb(0.337, 0.706, 0.914);
    /// DNA, the CAR gene and the viral vector, yellow `#F0E442`.
    pub const DNA: Color = Color::srgb(0.941, 0.894, 0.259);
    /// Text and outlines on light backgrounds, near-black `#1A1A1A`.
    pub const INK: Color = Color::srgb(0.102, 0.102, 0.102);
    /// Text on dark backgrounds, near-white `#FAFAFA`.
    pub const PAPER: Color = Color::srgb(0.98, 0.98, 0.98);
}

/// The colours of the screen around the scene, and how scenes draw their
/// outlines and labels in it.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// Behind the scene and the flat stage and control bars.
    pub background: Color,
    /// The solid bar behind captions.
    pub caption_bar: Color,
    /// Caption text.
    pub caption_text: Color,
    /// Ordinary text, borders, scene outlines and scene labels.
    pub text: Color,
    /// A button under the pointer (at rest a button is only outlined).
    pub button_hover: Color,
    /// The current stage's segment.
    pub current: Color,
    /// Text on the current stage's segment.
    pub current_text: Color,
    /// Progress inside a stage.
    pub progress: Color,
    /// Panels (sources, help, errors).
    pub panel: Color,
    /// The border of the error banner.
    pub warning: Color,
    /// The ring around the control that has keyboard focus.
    pub focus: Color,
    /// Outline thickness in the scene, as a multiple of the normal one.
    pub outline_scale: f32,
    /// Whether see-through fills are allowed (false: drawn opaque, and
    /// objects appear and disappear without fading).
    pub translucency: bool,
}

impl Theme {
    /// The default theme: light, for projectors in lit rooms.
    pub fn light() -> Self {
        Theme {
            name: ThemeName::Light,
            background: Color::srgb(0.965, 0.953, 0.925),
            caption_bar: Color::WHITE,
            caption_text: palette::INK,
            text: palette::INK,
            button_hover: Color::srgb(0.8, 0.89, 0.95),
            current: palette::T_CELL,
            current_text: Color::WHITE,
            progress: palette::CAR,
            panel: Color::WHITE,
            warning: palette::BLOOD,
            focus: palette::BLOOD,
            outline_scale: 1.0,
            translucency: true,
        }
    }

    /// Dark: light text and outlines on a dark slate, for dim rooms.
    pub fn dark() -> Self {
        Theme {
            name: ThemeName::Dark,
            background: Color::srgb(0.11, 0.12, 0.14),
            caption_bar: Color::srgb(0.06, 0.06, 0.07),
            caption_text: palette::PAPER,
            text: palette::PAPER,
            button_hover: Color::srgb(0.16, 0.30, 0.42),
            current: palette::T_CELL,
            current_text: Color::WHITE,
            progress: palette::CAR,
            panel: Color::srgb(0.08, 0.09, 0.10),
            warning: palette::CAR,
            focus: palette::CAR,
            outline_scale: 1.0,
            translucency: true,
        }
    }

    /// High contrast: pure black and white, thicker outlines, nothing
    /// see-through.
    pub fn high_contrast() -> Self {
        Theme {
            name: ThemeName::HighContrast,
            background: Color::BLACK,
            caption_bar: Color::BLACK,
            caption_text: Color::WHITE,
            text: Color::WHITE,
            button_hover: Color::srgb(0.3, 0.3, 0.3),
            current: Color::WHITE,
            current_text: Color::BLACK,
            // Orange shows on the white current segment and the black others.
            progress: palette::CAR,
            panel: Color::BLACK,
            warning: Color::WHITE,
            focus: palette::DNA,
            outline_scale: 1.8,
            translucency: false,
        }
    }

    /// The theme of this name.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Light => Theme::light(),
            ThemeName::Dark => Theme::dark(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// The text-on-background pairs a viewer reads, with what each is: every
    /// one must reach [`MIN_TEXT_CONTRAST`].
    pub fn text_pairs(&self) -> [(&'static str, Color, Color); 4] {
        [
            ("caption", self.caption_text, self.caption_bar),
            (
                "bar label, button or scene label",
                self.text,
                self.background,
            ),
            ("hovered button", self.text, self.button_hover),
            ("panel", self.text, self.panel),
        ]
    }
}

/// The contrast captions and labels must reach (WCAG's AAA level, as look.md asks).
pub const MIN_TEXT_CONTRAST: f32 = 7.0;

/// WCAG 2 contrast ratio between two opaque colours, from 1 to 21.
pub fn contrast(a: Color, b: Color) -> f32 {
    let luminance = |c: Color| {
        let s = c.to_srgba();
        let channel = |v: f32| {
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(s.red) + 0.7152 * channel(s.green) + 0.0722 * channel(s.blue)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(Color::BLACK, Color::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color::WHITE, Color::WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the classic 4.54:1.
        let grey = Color::srgb_u8(0x76, 0x76, 0x76);
        assert!((contrast(grey, Color::WHITE) - 4.54).abs() < 0.02);
    }
}
