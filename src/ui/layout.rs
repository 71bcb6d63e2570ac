//! Sizes of the screen's bands as fractions of the window, shared by the UI,
//! the scene viewport and the story validator (which checks that captions fit).

/// Height of the stage bar at the top, in percent of the window height.
pub const STAGE_BAR_VH: f32 = 8.0;
/// Height of the caption bar, in percent of the window height.
pub const CAPTION_BAR_VH: f32 = 13.0;
/// Height of the control bar at the bottom, in percent of the window height.
pub const CONTROL_BAR_VH: f32 = 8.0;
/// Caption font size, in percent of the window height, in wide windows.
pub const CAPTION_FONT_VH: f32 = 4.5;
/// The smallest caption font in a landscape window, in percent of its height
/// (look.md asks for at least 4).
pub const CAPTION_MIN_VH: f32 = 4.0;
/// Horizontal padding of the caption bar on each side, in percent of the window width.
pub const CAPTION_PAD_VW: f32 = 3.0;
/// Captions may take at most this many lines.
pub const CAPTION_MAX_LINES: usize = 2;
/// The narrowest landscape window captions must fit in two lines: 4:3.
pub const NARROWEST: (f32, f32) = (1024.0, 768.0);

/// Font size of bar labels and buttons, in percent of the window height.
pub const LABEL_VH: f32 = 2.6;

/// The bar label font size in logical pixels: [`LABEL_VH`] of the height in
/// 16:9 and wider windows; in narrower ones it shrinks with the width so the
/// control bar still fits on one row.
pub fn label_font_px(width: f32, height: f32) -> f32 {
    let by_height = height * LABEL_VH / 100.0;
    let by_width = width * LABEL_VH / 100.0 * 9.0 / 16.0;
    by_height.min(by_width).max(1.0)
}

/// How many ems of text one caption line holds. In a 4:3 window at the
/// smallest caption size this is the whole width; wider windows use a larger
/// font (up to [`CAPTION_FONT_VH`]) and narrower ones (portrait) a smaller
/// one, so a caption wraps the same way everywhere.
pub fn line_ems() -> f32 {
    let (w, h) = NARROWEST;
    w * (1.0 - 2.0 * CAPTION_PAD_VW / 100.0) / (h * CAPTION_MIN_VH / 100.0)
}

/// The caption font size in logical pixels for a window of this logical
/// size, at `percent` of its height ([`CAPTION_FONT_VH`] by default). At the
/// default size a caption wraps the same way in any landscape window (see
/// [`line_ems`]); a viewer who asks for larger captions gets them, on more
/// lines if need be.
pub fn caption_font_px(width: f32, height: f32, percent: f32) -> f32 {
    let by_height = height * percent / 100.0;
    let by_width =
        width * (1.0 - 2.0 * CAPTION_PAD_VW / 100.0) / line_ems() * percent / CAPTION_FONT_VH;
    by_height.min(by_width).max(1.0)
}

/// The line height of caption text, in ems (Bevy's default).
const LINE_HEIGHT: f32 = 1.2;

/// The heights of the bands around the scene, for the window and settings
/// now. Kept as a resource so the bars and the scene camera agree.
#[derive(bevy::prelude::Resource, Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    /// Caption font size in logical pixels.
    pub caption_px: f32,
    /// Height of the caption bar as a fraction of the window (0 when hidden).
    pub caption_bar: f32,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            caption_px: 0.0,
            caption_bar: CAPTION_BAR_VH / 100.0,
        }
    }
}

impl Bands {
    /// The bands for a window of this logical size, captions at `percent` of
    /// its height (or hidden), tall enough for the longest of `captions`.
    pub fn fit<'a>(
        width: f32,
        height: f32,
        percent: f32,
        shown: bool,
        captions: impl Iterator<Item = &'a str>,
    ) -> Bands {
        let caption_px = caption_font_px(width, height, percent);
        if !shown {
            return Bands {
                caption_px,
                caption_bar: 0.0,
            };
        }
        let ems = width * (1.0 - 2.0 * CAPTION_PAD_VW / 100.0) / caption_px;
        let lines = captions
            .map(|c| wrap_lines(c, ems))
            .max()
            .unwrap_or(1)
            .max(CAPTION_MAX_LINES);
        let needed = (lines as f32 * caption_px * LINE_HEIGHT) / height.max(1.0) + 0.02;
        Bands {
            caption_px,
            caption_bar: needed.clamp(CAPTION_BAR_VH / 100.0, 0.6),
        }
    }

    /// Fraction of the window height below the scene (caption and control bars).
    pub fn scene_bottom(&self) -> f32 {
        self.caption_bar + CONTROL_BAR_VH / 100.0
    }
}

/// Fraction of the window height above the scene (the stage bar).
pub fn scene_top() -> f32 {
    STAGE_BAR_VH / 100.0
}

/// Advance widths of the printable ASCII characters (space to `~`) in the
/// shipped font, Noto Sans Regular, in ems.
const ASCII_ADVANCE: [f32; 95] = [
    0.26, 0.269, 0.408, 0.646, 0.572, 0.831, 0.732, 0.225, 0.3, 0.3, 0.551, 0.572, 0.268, 0.322,
    0.268, 0.372, 0.572, 0.572, 0.572, 0.572, 0.572, 0.572, 0.572, 0.572, 0.572, 0.572, 0.268,
    0.268, 0.572, 0.572, 0.572, 0.434, 0.899, 0.639, 0.65, 0.632, 0.73, 0.556, 0.519, 0.728, 0.741,
    0.339, 0.273, 0.619, 0.524, 0.907, 0.76, 0.781, 0.605, 0.781, 0.622, 0.549, 0.556, 0.731, 0.6,
    0.93, 0.586, 0.566, 0.572, 0.329, 0.372, 0.329, 0.572, 0.444, 0.281, 0.561, 0.615, 0.48, 0.615,
    0.564, 0.344, 0.615, 0.618, 0.258, 0.258, 0.534, 0.258, 0.935, 0.618, 0.605, 0.615, 0.615,
    0.413, 0.479, 0.361, 0.618, 0.508, 0.786, 0.529, 0.51, 0.47, 0.38, 0.551, 0.38, 0.572,
];

/// No-break space: keeps a caption's last word and its citation numbers on
/// one line.
const NBSP: char = '\u{a0}';

/// The text of the caption bar: the caption, then its citation label, glued
/// so that the numbers never start a line or break inside.
pub fn caption_text(caption: &str, label: &str) -> String {
    format!(
        "{}{NBSP}{}",
        caption.trim(),
        label.replace(' ', &NBSP.to_string())
    )
}

/// Width of a run of text in ems; characters outside ASCII count as wide ones.
fn text_ems(text: &str) -> f32 {
    text.chars()
        .map(|c| match c as u32 {
            32..=126 => ASCII_ADVANCE[(c as u32 - 32) as usize],
            0xa0 => ASCII_ADVANCE[0],
            _ => 0.9,
        })
        .sum()
}

/// How many lines a caption (with its citation label) wraps to in any
/// window (see [`line_ems`]), breaking at spaces as the text layout does. The
/// estimate errs on the long side by a few percent.
pub fn caption_lines(text: &str) -> usize {
    wrap_lines(text, line_ems())
}

/// How many lines a text wraps to when a line holds `line_ems` ems.
fn wrap_lines(text: &str, line_ems: f32) -> usize {
    let line_ems = line_ems * 0.97;
    let space = text_ems(" ");
    let mut lines = 1;
    let mut used = 0.0;
    // Break only at ordinary spaces, as the layout does (not at no-break spaces).
    for word in text.split([' ', '\n']).filter(|w| !w.is_empty()) {
        let width = text_ems(word);
        if used > 0.0 && used + space + width > line_ems {
            lines += 1;
            used = width;
        } else if used > 0.0 {
            used += space + width;
        } else {
            used = width;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_caption_is_one_line_and_long_one_is_more_than_two() {
        assert_eq!(caption_lines("A short caption [1]"), 1);
        let long = "word ".repeat(60);
        assert!(caption_lines(&long) > 2);
    }

    #[test]
    fn caption_font_is_4_5_percent_when_wide_and_never_under_4_in_landscape() {
        let d = CAPTION_FONT_VH;
        assert!((caption_font_px(1280.0, 720.0, d) - 720.0 * 0.045).abs() < 0.01);
        assert!((caption_font_px(3840.0, 2160.0, d) - 2160.0 * 0.045).abs() < 0.01);
        assert!((caption_font_px(1024.0, 768.0, d) - 768.0 * 0.04).abs() < 0.01);
        // Portrait: smaller, so that the caption still fits the width.
        assert!(caption_font_px(720.0, 1280.0, d) < 1280.0 * 0.04);
        // A viewer's choice of 3% or 8% is honoured in a 16:9 window.
        assert!((caption_font_px(1280.0, 720.0, 8.0) - 720.0 * 0.08).abs() < 0.01);
        assert!((caption_font_px(1280.0, 720.0, 3.0) - 720.0 * 0.03).abs() < 0.01);
    }

    #[test]
    fn bands_leave_most_of_the_window_to_the_scene() {
        // Two lines at the default size, like every caption of a valid story.
        let long = "word ".repeat(20);
        let b = Bands::fit(
            1280.0,
            720.0,
            CAPTION_FONT_VH,
            true,
            [long.as_str()].into_iter(),
        );
        assert_eq!(b.caption_bar, CAPTION_BAR_VH / 100.0);
        assert!(scene_top() + b.scene_bottom() < 0.35);
    }

    #[test]
    fn large_captions_get_a_taller_bar_and_hidden_ones_none() {
        let long = "word ".repeat(30);
        let big = Bands::fit(1280.0, 720.0, 8.0, true, [long.as_str()].into_iter());
        assert!(big.caption_bar > CAPTION_BAR_VH / 100.0);
        let lines = (big.caption_bar - 0.02) * 720.0 / (big.caption_px * LINE_HEIGHT);
        assert!(lines >= 3.0, "room for {lines} lines");
        let hidden = Bands::fit(1280.0, 720.0, 8.0, false, [long.as_str()].into_iter());
        assert_eq!(hidden.caption_bar, 0.0);
    }
}
