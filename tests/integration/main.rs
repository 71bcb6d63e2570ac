//! The integration tests, in one binary so Bevy is linked once.

mod classroom;
mod cli;
mod common;
mod playback;
mod render;
mod robustness;
mod scenes;
mod story;
