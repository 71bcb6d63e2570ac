//! The integration tests, in one binary so Bevy is linked once.

mod cli;
mod common;
mod playback;
mod render;
mod scenes;
mod story;
