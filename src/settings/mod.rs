//! The viewer's settings that persist between runs: theme, caption size,
//! reduced motion and key bindings. Reading and writing the file is in
//! [`file`].

mod file;
mod values;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::frame::Frame;
pub use file::{Loaded, load, save, settings_path};
pub use values::{CAPTION_DEFAULT, CAPTION_MAX, CAPTION_MIN, CAPTION_STEP, Settings, ThemeName};

/// Where changed settings are saved; None: they are not (stills, kiosks, tests).
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsFile(pub Option<PathBuf>);

/// Keeps the settings file up to date with what the viewer changes.
pub fn plugin(app: &mut App) {
    app.init_resource::<Settings>()
        .init_resource::<SettingsFile>()
        .add_systems(Update, save_changed.in_set(Frame::Paint));
}

fn save_changed(settings: Res<Settings>, file: Res<SettingsFile>) {
    if !settings.is_changed() || settings.is_added() {
        return;
    }
    if let Some(path) = &file.0
        && let Err(e) = save(path, &settings)
    {
        warn!("{}: cannot save the settings: {e}", path.display());
    }
}
