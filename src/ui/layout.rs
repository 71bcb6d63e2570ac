//! Sizes of the screen's bands as fractions of the window, shared by the bars
//! and the scene viewport. Caption text metrics live in [`crate::content::text`].

use crate::content::text::{CAPTION_MAX_LINES, CAPTION_PAD_VW, line_ems, wrap_lines};

/// Height of the stage bar at the top, in percent of the window height.
pub const STAGE_BAR_VH: f32 = 8.0;
/// Height of the caption bar, in percent of the window height.
pub const CAPTION_BAR_VH: f32 = 13.0;
/// Height of the control bar at the bottom, in percent of the window height.
pub const CONTROL_BAR_VH: f32 = 8.0;
/// Caption font size, in percent of the window height, in wide windows.
pub const CAPTION_FONT_VH: f32 = 4.5;

pub use crate::content::text::{LABEL_VH, label_font_px};

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
    /// Height of the calendar strip under the stage bar as a fraction of
    /// the window (0 when the story gives no days).
    pub calendar: f32,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            caption_px: 0.0,
            caption_bar: CAPTION_BAR_VH / 100.0,
            calendar: 0.0,
        }
    }
}

/// Height of the patient's calendar strip, in percent of the window height.
pub const CALENDAR_VH: f32 = 8.0;

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
                calendar: 0.0,
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
            calendar: 0.0,
        }
    }

    /// The same bands with the calendar strip shown or not.
    pub fn with_calendar(self, shown: bool) -> Bands {
        Bands {
            calendar: if shown { CALENDAR_VH / 100.0 } else { 0.0 },
            ..self
        }
    }

    /// Fraction of the window height above the scene (the stage bar and the
    /// calendar strip).
    pub fn scene_top(&self) -> f32 {
        STAGE_BAR_VH / 100.0 + self.calendar
    }

    /// Fraction of the window height below the scene (caption and control bars).
    pub fn scene_bottom(&self) -> f32 {
        self.caption_bar + CONTROL_BAR_VH / 100.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(b.with_calendar(true).scene_top() + b.scene_bottom() < 0.42);
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
