//! The story being played: the asset loader with hot reload and the
//! active story, on top of the content layer's stories
//! ([`crate::content::story`], re-exported here).

mod loader;

pub use crate::content::diagnostic::{Diagnostic, report};
pub use crate::content::story::*;
pub use loader::{
    ActiveStory, StoryAsset, StoryError, StoryOrigin, WatchStory, plugin, register_story_source,
};

/// The CAR T walkthrough, compiled into the binary so the app runs from any folder.
pub const DEFAULT_STORY: &str = BUILT_IN[0].source;

/// Reads a story file from disk and validates it. Errors are formatted as
/// `FILE:LINE:COL: message` lines, ready to print.
pub fn read_story_file(path: &std::path::Path) -> Result<Story, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let src = decode(&bytes).map_err(|d| report(&name, &[d]))?;
    crate::content::story::parse_story(&src, &crate::scenes::catalog::SceneKinds::default())
        .map_err(|d| report(&name, &d))
}

/// Loads a story by built-in name (`car-t`, `tcr`, `til`) or as a file.
pub fn load_named(name_or_file: &std::path::Path) -> Result<ActiveStory, String> {
    if let Some(active) = name_or_file
        .to_str()
        .and_then(ActiveStory::checked_built_in)
    {
        return active;
    }
    if !name_or_file.exists() && name_or_file.extension().is_none() {
        return Err(format!(
            "{}: no such file, and not a built-in story ({})",
            name_or_file.display(),
            builtin::names()
        ));
    }
    Ok(ActiveStory {
        story: read_story_file(name_or_file)?,
        origin: StoryOrigin::File(name_or_file.to_path_buf()),
    })
}
