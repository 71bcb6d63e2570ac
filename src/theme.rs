//! The three themes of the design rules in the README (light, dark, high
//! contrast): which of the palette's colours the screen and the scenes take
//! in each, and the contrast every text must reach.

use bevy::prelude::*;

use crate::frame::Frame;
use crate::palette;
use crate::settings::{Settings, ThemeName};

/// The theme resource, following the settings' choice (key T).
pub fn plugin(app: &mut App) {
    app.init_resource::<Theme>()
        .init_resource::<Settings>()
        .add_systems(Update, follow_settings.in_set(Frame::Theme));
}

/// The theme follows the settings.
fn follow_settings(settings: Res<Settings>, mut theme: ResMut<Theme>) {
    if settings.is_changed() && theme.name != settings.theme {
        *theme = Theme::named(settings.theme);
    }
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
            background: palette::LIGHT_BACKGROUND,
            caption_bar: Color::WHITE,
            caption_text: palette::INK,
            text: palette::INK,
            button_hover: palette::LIGHT_HOVER,
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
            background: palette::DARK_BACKGROUND,
            caption_bar: palette::DARK_CAPTION_BAR,
            caption_text: palette::PAPER,
            text: palette::PAPER,
            button_hover: palette::DARK_HOVER,
            current: palette::T_CELL,
            current_text: Color::WHITE,
            progress: palette::CAR,
            panel: palette::DARK_PANEL,
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
            button_hover: palette::GREY_HOVER,
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

/// The contrast captions and labels must reach (WCAG's AAA level, as the design rules ask).
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
