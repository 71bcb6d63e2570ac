//! Which screen shows under the overlays.

use bevy::prelude::*;

/// The screen under the overlays: the walkthrough of one therapy, or the
/// three side by side. Each has its own playhead (see [`super::shown`]). A new screen is a
/// variant here, a file or folder beside this one, and a line in
/// [`super::plugin`].
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// One therapy's walkthrough, stage by stage.
    #[default]
    Walkthrough,
    /// CAR T, TCR and TIL side by side, step by step (V).
    Compare,
    /// The lock-and-key lab: the simulation and its plot (L).
    Lab,
}

impl Screen {
    /// Every screen.
    pub const ALL: [Screen; 3] = [Screen::Walkthrough, Screen::Compare, Screen::Lab];
}
