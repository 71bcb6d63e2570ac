//! Colours: the Okabe-Ito palette of look.md (colour-blind safe) and the
//! colours of the screen's bars and panels.

use bevy::prelude::*;

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

/// The colours of the screen around the scene.
#[derive(Resource, Debug, Clone)]
pub struct Theme {
    /// Behind the scene.
    pub background: Color,
    /// Stage bar and control bar.
    pub bar: Color,
    /// The solid bar behind captions.
    pub caption_bar: Color,
    /// Caption text.
    pub caption_text: Color,
    /// Ordinary text and outlines.
    pub text: Color,
    /// A button at rest.
    pub button: Color,
    /// A button under the pointer.
    pub button_hover: Color,
    /// The current stage's segment.
    pub current: Color,
    /// Text on the current stage's segment.
    pub current_text: Color,
    /// Progress inside a stage.
    pub progress: Color,
    /// Panels (sources, errors).
    pub panel: Color,
    /// The border of the error banner.
    pub warning: Color,
}

impl Theme {
    /// The default theme: light, for projectors in lit rooms.
    pub fn light() -> Self {
        Theme {
            background: Color::srgb(0.965, 0.953, 0.925),
            bar: Color::srgb(0.89, 0.88, 0.86),
            caption_bar: Color::WHITE,
            caption_text: palette::INK,
            text: palette::INK,
            button: Color::WHITE,
            button_hover: Color::srgb(0.8, 0.89, 0.95),
            current: palette::T_CELL,
            current_text: Color::WHITE,
            progress: palette::CAR,
            panel: Color::WHITE,
            warning: palette::BLOOD,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}
