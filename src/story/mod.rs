//! Stories: the data model, validation, the asset loader with hot reload, the
//! embedded default story and the Markdown transcript.

mod loader;
mod model;
mod spans;
mod transcript;
mod validate;

pub use loader::{
    ActiveStory, StoryAsset, StoryError, StoryOrigin, WatchStory, plugin, register_story_source,
};
pub use model::{Beat, Source, Stage, Story};
pub use spans::{Pos, Spans};
pub use transcript::transcript;
pub use validate::{Diagnostic, SceneCatalog, parse_story, report};

/// The CAR T walkthrough, compiled into the binary so the app runs from any folder.
pub const DEFAULT_STORY: &str = include_str!("../../assets/stories/car-t.ron");

/// The name the default story goes by in messages.
pub const DEFAULT_STORY_NAME: &str = "assets/stories/car-t.ron";

/// Reads a story file from disk and validates it. Errors are formatted as
/// `FILE:LINE:COL: message` lines, ready to print.
pub fn read_story_file(path: &std::path::Path) -> Result<Story, String> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    parse_story(&src, &crate::scenes::SceneKinds::default()).map_err(|d| report(&name, &d))
}
