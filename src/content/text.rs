//! Text metrics for captions, apart from the screen that draws them: the
//! shipped font's advance widths, how a caption wraps, and how many ems one
//! caption line holds in any window. Story validation measures captions with
//! these; the caption bar sizes its font so that they hold.

/// Horizontal padding of the caption bar on each side, in percent of the window width.
pub const CAPTION_PAD_VW: f32 = 3.0;
/// The smallest caption font in a landscape window, in percent of its height
/// (the design rules in the README ask for at least 4).
pub const CAPTION_MIN_VH: f32 = 4.0;
/// Captions may take at most this many lines.
pub const CAPTION_MAX_LINES: usize = 2;
/// The narrowest landscape window captions must fit in two lines: 4:3.
pub const NARROWEST: (f32, f32) = (1024.0, 768.0);

/// How many ems of text one caption line holds. In a 4:3 window at the
/// smallest caption size this is the whole width; wider windows use a larger
/// font and narrower ones (portrait) a smaller one, so a caption wraps the
/// same way everywhere.
pub fn line_ems() -> f32 {
    let (w, h) = NARROWEST;
    w * (1.0 - 2.0 * CAPTION_PAD_VW / 100.0) / (h * CAPTION_MIN_VH / 100.0)
}

/// Font size of bar labels and buttons, in percent of the window height.
pub const LABEL_VH: f32 = 2.6;

/// A font size in logical pixels for text laid out for 16:9: `vh` percent
/// of the height in 16:9 and wider windows; in narrower ones it shrinks with
/// the width, so the text wraps as it does at 16:9 and still fits.
pub fn fit_font_px(vh: f32, width: f32, height: f32) -> f32 {
    let by_height = height * vh / 100.0;
    let by_width = width * vh / 100.0 * 9.0 / 16.0;
    by_height.min(by_width).max(1.0)
}

/// The bar label font size in logical pixels ([`LABEL_VH`], fitted so the
/// control bar fits on one row; see [`fit_font_px`]).
pub fn label_font_px(width: f32, height: f32) -> f32 {
    fit_font_px(LABEL_VH, width, height)
}

/// The stage bar's padding at each end, in percent of the window width.
pub const STAGE_BAR_PAD_VW: f32 = 1.0;
/// The gap between stage segments, in percent of the window width.
pub const STAGE_GAP_VW: f32 = 0.6;
/// A stage segment's border, in logical pixels, on each side.
pub const STAGE_BORDER_PX: f32 = 2.0;

/// A stage's label in the stage bar: `3. Freezing` for stage index 2.
pub fn stage_label(index: usize, title: &str) -> String {
    format!("{}. {}", index + 1, title.trim())
}

/// Whether a stage's label (`3. Freezing`) fits on one line of its segment
/// when the bar holds `stages` segments, in every landscape window (the
/// narrowest, 4:3, is the tightest).
pub fn stage_label_fits(label: &str, stages: usize) -> bool {
    let (w, h) = NARROWEST;
    let n = stages.max(1) as f32;
    let room = (w * (1.0 - 2.0 * STAGE_BAR_PAD_VW / 100.0) - (n - 1.0) * w * STAGE_GAP_VW / 100.0)
        / n
        - 2.0 * STAGE_BORDER_PX;
    text_ems(label) * label_font_px(w, h) <= room * 0.97
}

/// The calendar strip's padding at each end, in percent of the window width.
pub const CALENDAR_PAD_VW: f32 = 1.0;
/// The gap between the calendar's track and its note, in percent of the
/// window width.
pub const CALENDAR_GAP_VW: f32 = 1.5;
/// The calendar's track, in percent of the strip's width inside its padding.
pub const CALENDAR_TRACK_PERCENT: f32 = 55.0;
/// The calendar note may take at most this many lines.
pub const CALENDAR_NOTE_LINES: usize = 2;

/// What the calendar strip says about a stage's days.
pub fn calendar_note(note: &str) -> String {
    format!("Patient's days: {}", note.trim())
}

/// Whether a stage's calendar note ([`calendar_note`]) fits its lines
/// beside the track in every landscape window (4:3 is the tightest).
pub fn calendar_note_fits(note: &str) -> bool {
    let (w, h) = NARROWEST;
    let inside = w * (1.0 - 2.0 * CALENDAR_PAD_VW / 100.0);
    let room = inside * (1.0 - CALENDAR_TRACK_PERCENT / 100.0) - w * CALENDAR_GAP_VW / 100.0;
    wrap_lines(&calendar_note(note), room / label_font_px(w, h)) <= CALENDAR_NOTE_LINES
}

/// The comparison's padding at each side, in percent of the window width.
pub const COMPARE_PAD_VW: f32 = 1.0;
/// The gap between the comparison's lanes, in percent of the window width.
pub const COMPARE_GAP_VW: f32 = 1.5;
/// How many lanes the comparison has: CAR T, TCR, TIL.
pub const LANES: usize = 3;
/// Font size of a lane's caption, in percent of the window height: the
/// walkthrough's caption size, above the design rules' smallest.
pub const LANE_CAPTION_VH: f32 = 4.5;
/// A lane's caption may take at most this many lines.
pub const LANE_CAPTION_LINES: usize = 4;

/// Width of one comparison lane, in logical pixels, in a window `width` wide.
pub fn lane_width(width: f32) -> f32 {
    let lanes = LANES as f32;
    (width * (1.0 - 2.0 * COMPARE_PAD_VW / 100.0) - (lanes - 1.0) * width * COMPARE_GAP_VW / 100.0)
        / lanes
}

/// How many lines a lane's caption (with its citation label) wraps to in
/// the narrowest landscape window, 4:3, where lanes are tightest.
pub fn lane_caption_lines(text: &str) -> usize {
    let (w, h) = NARROWEST;
    wrap_lines(text, lane_width(w) / (h * LANE_CAPTION_VH / 100.0))
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

/// Narrow no-break space: keeps a caption's last word and its citation
/// numbers on one line. (Not U+00A0: the text layout, parley 0.9, breaks a
/// line at a no-break space that overflows it, as it does at a space.)
pub const GLUE: char = '\u{202f}';

/// The text of the caption bar: the caption, then its citation label, glued
/// so that the numbers never start a line or break inside.
pub fn caption_text(caption: &str, label: &str) -> String {
    format!(
        "{}{GLUE}{}",
        caption.trim(),
        label.replace(' ', &GLUE.to_string())
    )
}

/// Width of a run of text in ems; characters outside ASCII count as wide ones.
pub fn text_ems(text: &str) -> f32 {
    text.chars()
        .map(|c| match c as u32 {
            32..=126 => ASCII_ADVANCE[(c as u32 - 32) as usize],
            0xa0 => ASCII_ADVANCE[0],
            0x202f => 0.166,
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
pub fn wrap_lines(text: &str, line_ems: f32) -> usize {
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
}
