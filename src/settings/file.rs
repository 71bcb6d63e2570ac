//! The settings file: where it lives, reading it (a broken file is reported,
//! kept aside under another name, and the defaults used) and writing it.

use std::path::{Path, PathBuf};

use super::values::Settings;

/// Where the settings live: `$XDG_CONFIG_HOME/car-t-sim/settings.ron`, else
/// `~/.config/car-t-sim/settings.ron`. None when neither is known.
pub fn settings_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("car-t-sim").join("settings.ron"))
}

/// What reading the settings file found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The settings to use.
    pub settings: Settings,
    /// No settings file existed: this is the first run.
    pub first_run: bool,
    /// What was wrong with the file, if anything, for the screen and the log.
    pub problem: Option<String>,
}

/// Reads the settings file. A missing file gives the defaults (first run);
/// a broken one gives the defaults and a message, and is renamed to
/// `settings.ron.broken` (or `.broken-2`, ...) so nothing the user wrote is lost.
pub fn load(path: &Path) -> Loaded {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Loaded {
                settings: Settings::default(),
                first_run: true,
                problem: None,
            };
        }
        Err(e) => {
            return Loaded {
                settings: Settings::default(),
                first_run: false,
                problem: Some(format!(
                    "{}: cannot read the settings ({e}); using the defaults",
                    path.display()
                )),
            };
        }
    };
    match Settings::from_ron(&text) {
        Ok(settings) => Loaded {
            settings,
            first_run: false,
            problem: None,
        },
        Err(error) => {
            let kept = keep_aside(path);
            let fate = match kept {
                Ok(kept) => format!("it was kept as {}", kept.display()),
                Err(e) => format!("it could not be moved aside ({e}) and was left as it is"),
            };
            Loaded {
                settings: Settings::default(),
                first_run: false,
                problem: Some(format!(
                    "{}:{error}. Using the default settings; {fate}.",
                    path.display()
                )),
            }
        }
    }
}

/// Renames a broken file to a free `.broken` name beside it.
fn keep_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "settings.ron".into());
    let target = (1..1000)
        .map(|i| {
            let suffix = if i == 1 {
                ".broken".to_string()
            } else {
                format!(".broken-{i}")
            };
            path.with_file_name(format!("{name}{suffix}"))
        })
        .find(|candidate| !candidate.exists())
        .ok_or_else(|| std::io::Error::other("too many broken settings files"))?;
    std::fs::rename(path, &target)?;
    Ok(target)
}

/// Writes the settings, creating the config folder if it is missing.
pub fn save(path: &Path, settings: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // Write then rename, so a crash never leaves half a file.
    let partial = path.with_extension("ron.partial");
    std::fs::write(&partial, settings.to_ron())?;
    std::fs::rename(&partial, path)
}
