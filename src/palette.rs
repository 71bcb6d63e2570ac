//! Every colour the app draws with, in one place: the Okabe-Ito palette of
//! the design rules (README; colour-blind safe) for the objects, the
//! materials of scene props, and the colours the themes are made of.

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

/// Skin, for arms.
pub const SKIN: Color = Color::srgb(0.96, 0.84, 0.72);
/// Plastic of bags and tubes.
pub const PLASTIC: Color = Color::srgb(0.97, 0.97, 0.97);
/// Grey of machines and boxes.
pub const METAL: Color = Color::srgb(0.76, 0.77, 0.79);
/// Pale background of vessels and dishes.
pub const PALE: Color = Color::srgb(0.99, 0.90, 0.86);

/// The light theme's background: a warm off-white.
pub const LIGHT_BACKGROUND: Color = Color::srgb(0.965, 0.953, 0.925);
/// The light theme's hovered button.
pub const LIGHT_HOVER: Color = Color::srgb(0.8, 0.89, 0.95);
/// The dark theme's background: a dark slate.
pub const DARK_BACKGROUND: Color = Color::srgb(0.11, 0.12, 0.14);
/// The dark theme's caption bar.
pub const DARK_CAPTION_BAR: Color = Color::srgb(0.06, 0.06, 0.07);
/// The dark theme's hovered button.
pub const DARK_HOVER: Color = Color::srgb(0.16, 0.30, 0.42);
/// The dark theme's panels.
pub const DARK_PANEL: Color = Color::srgb(0.08, 0.09, 0.10);
/// The high-contrast theme's hovered button.
pub const GREY_HOVER: Color = Color::srgb(0.3, 0.3, 0.3);

/// A darker shade, for nuclei.
pub fn darker(c: Color) -> Color {
    let s = c.to_srgba();
    Color::srgb(s.red * 0.75, s.green * 0.75, s.blue * 0.75)
}

/// A lighter shade, for highlights.
pub fn lighter(c: Color) -> Color {
    let s = c.to_srgba();
    Color::srgb(
        s.red + (1.0 - s.red) * 0.35,
        s.green + (1.0 - s.green) * 0.35,
        s.blue + (1.0 - s.blue) * 0.35,
    )
}

/// The patient's other white blood cells, a pale grey.
pub const WHITE_CELL: Color = Color::srgb(0.87, 0.87, 0.89);
/// A warning, a stop, a fever: the palette's vermillion, as for blood.
pub const ALERT: Color = BLOOD;
