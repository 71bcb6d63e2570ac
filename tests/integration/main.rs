//! The integration tests, in one binary so Bevy is linked once.

mod access;
mod calendar;
mod classroom;
mod cli;
mod common;
mod compare;
mod hot_reload;
mod house;
mod lab;
mod looks;
mod order;
mod playback;
mod registry;
mod render;
mod robustness;
mod scenes;
mod settings_file;
mod sources;
mod story;
mod web;
