//! The order of a frame, in one place: every system of the app that reads
//! input, moves the playhead or draws runs in one of these sets, and the
//! root plugin chains them once. Within a set, order does not matter.

use bevy::prelude::*;

/// One frame of the app, in order: what was pressed becomes intents, intents
/// become controls and state changes, the playhead moves, then what is shown
/// follows it.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// Keys, focus, pointers and timers write intents.
    Read,
    /// Intents become playback controls, overlay and screen changes and
    /// settings.
    Dispatch,
    /// A pending overlay or screen change is applied at once (a paused app
    /// draws only on input, and would otherwise show it a wake later).
    Transition,
    /// The screen shown fills in its title, sources and timeline.
    Fill,
    /// The timeline follows the screen shown.
    Timeline,
    /// Controls move the playhead and the clock ticks.
    Advance,
    /// What follows the playhead without drawing (the lab's run).
    Follow,
    /// Texts that the theme's repaint must see (button names, positions).
    Words,
    /// The theme follows the settings, before anything draws with it.
    Theme,
    /// The scenes to draw are chosen.
    Slots,
    /// Scenes, bars, captions and panels are drawn.
    Draw,
    /// The scene is fitted into the band the bars leave free.
    Fit,
    /// Buttons are painted, once the bars marked the current one; changed
    /// settings are saved.
    Paint,
}

/// Chains the sets in [`Frame`]'s order, in `Update`.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            Frame::Read,
            Frame::Dispatch,
            Frame::Transition,
            Frame::Fill,
            Frame::Timeline,
            Frame::Advance,
            Frame::Follow,
            Frame::Words,
            Frame::Theme,
            Frame::Slots,
            Frame::Draw,
            Frame::Fit,
            Frame::Paint,
        )
            .chain(),
    );
}
