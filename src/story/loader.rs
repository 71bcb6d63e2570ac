//! Loading stories through Bevy's asset system, and live reload: a good edit
//! replaces the story (keeping the viewer's place), a bad edit is shown on
//! screen while the last good story keeps playing.

use std::path::{Path, PathBuf};

use bevy::asset::io::embedded::EmbeddedAssetRegistry;
use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoadFailedEvent, AssetLoader, LoadContext};
use bevy::prelude::*;

use super::model::Story;
use super::validate::{Diagnostic, parse_story, report};
use super::{DEFAULT_STORY, DEFAULT_STORY_NAME};
use crate::playback::Playhead;
use crate::scenes::SceneKinds;

/// Name of the asset source that serves the folder of a `--story` file.
const STORY_SOURCE: &str = "story";
/// Path of the default story inside the embedded asset source.
const EMBEDDED_PATH: &str = "car_t_sim/car-t.ron";

/// A story file as the asset loader read it: the story, or every problem in it.
#[derive(Asset, TypePath, Debug)]
pub struct StoryAsset(pub Result<Story, Vec<Diagnostic>>);

/// Where the running story comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryOrigin {
    /// The CAR T story compiled into the binary.
    Embedded,
    /// A story file given on the command line.
    File(PathBuf),
}

impl StoryOrigin {
    /// How the story is named in messages.
    pub fn name(&self) -> String {
        match self {
            StoryOrigin::Embedded => DEFAULT_STORY_NAME.to_string(),
            StoryOrigin::File(path) => path.display().to_string(),
        }
    }
}

/// The story being played: always a valid one.
#[derive(Resource, Debug, Clone)]
pub struct ActiveStory {
    /// The story itself.
    pub story: Story,
    /// Where it came from.
    pub origin: StoryOrigin,
}

impl ActiveStory {
    /// The embedded default story. It is checked by the test suite, so a
    /// failure here is a build defect, not bad input.
    pub fn embedded() -> Self {
        let story = parse_story(DEFAULT_STORY, &SceneKinds::default()).unwrap_or_else(|d| {
            panic!(
                "the embedded story is invalid:\n{}",
                report(DEFAULT_STORY_NAME, &d)
            )
        });
        ActiveStory {
            story,
            origin: StoryOrigin::Embedded,
        }
    }
}

/// The problems of the last edit of the story file, shown on screen until a
/// good edit arrives. `None` when the file is fine.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct StoryError(pub Option<String>);

/// Whether to watch the story's asset for changes (off for stills and tests).
#[derive(Resource, Debug, Clone, Copy)]
pub struct WatchStory(pub bool);

#[derive(Resource)]
struct StoryHandle(Handle<StoryAsset>);

/// Reads story files, validating them against the app's scene kinds.
#[derive(TypePath)]
struct StoryLoader {
    kinds: SceneKinds,
}

impl AssetLoader for StoryLoader {
    type Asset = StoryAsset;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        _load_context: &mut LoadContext<'_>,
    ) -> Result<StoryAsset, std::io::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        let parsed = match String::from_utf8(bytes) {
            Ok(text) => parse_story(&text, &self.kinds),
            Err(e) => Err(vec![Diagnostic {
                line: 1,
                col: 1,
                message: format!("the file is not UTF-8 text: {e}"),
            }]),
        };
        Ok(StoryAsset(parsed))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// Registers the asset source that serves a story file's folder. Must run
/// before the asset plugin is added.
pub fn register_story_source(app: &mut App, origin: &StoryOrigin) {
    if let StoryOrigin::File(path) = origin {
        let folder = absolute_folder(path);
        app.register_asset_source(
            STORY_SOURCE,
            AssetSourceBuilder::platform_default(&folder.to_string_lossy(), None),
        );
    }
}

fn absolute_folder(path: &Path) -> PathBuf {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// Story loading and hot reload. Expects [`ActiveStory`] and [`WatchStory`] to
/// be inserted; loads the story's asset only when watching.
pub fn plugin(app: &mut App) {
    let kinds = app.world_mut().get_resource_or_init::<SceneKinds>().clone();
    app.init_resource::<StoryError>()
        .init_asset::<StoryAsset>()
        .register_asset_loader(StoryLoader { kinds })
        .add_systems(Startup, load_story_asset)
        .add_systems(
            Update,
            apply_story_changes.run_if(resource_exists::<StoryHandle>),
        );
}

fn load_story_asset(
    mut commands: Commands,
    watch: Res<WatchStory>,
    active: Res<ActiveStory>,
    server: Res<AssetServer>,
    embedded: Option<Res<EmbeddedAssetRegistry>>,
) {
    if !watch.0 {
        return;
    }
    let path = match &active.origin {
        StoryOrigin::Embedded => {
            let Some(embedded) = embedded else { return };
            embedded.insert_asset(
                PathBuf::new(),
                Path::new(EMBEDDED_PATH),
                DEFAULT_STORY.as_bytes(),
            );
            format!("embedded://{EMBEDDED_PATH}")
        }
        StoryOrigin::File(file) => {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            format!("{STORY_SOURCE}://{name}")
        }
    };
    commands.insert_resource(StoryHandle(server.load::<StoryAsset>(path)));
}

fn apply_story_changes(
    handle: Res<StoryHandle>,
    mut events: MessageReader<AssetEvent<StoryAsset>>,
    mut failures: MessageReader<AssetLoadFailedEvent<StoryAsset>>,
    assets: Res<Assets<StoryAsset>>,
    mut active: ResMut<ActiveStory>,
    mut error: ResMut<StoryError>,
    mut playhead: ResMut<Playhead>,
) {
    let name = active.origin.name();
    for failure in failures.read() {
        if failure.id == handle.0.id() {
            let message = format!("{name}: cannot load: {}", failure.error);
            warn!("{message}; keeping the last good story");
            error.set_if_neq(StoryError(Some(message)));
        }
    }
    // A reload can bring more than one event for the same asset: look once.
    let ours = events.read().any(|event| {
        matches!(event,
            AssetEvent::LoadedWithDependencies { id } | AssetEvent::Modified { id }
                if *id == handle.0.id())
    });
    if ours && let Some(StoryAsset(parsed)) = assets.get(&handle.0) {
        match parsed {
            Ok(story) => {
                error.set_if_neq(StoryError(None));
                if *story != active.story {
                    info!("{name}: reloaded");
                    playhead.rebase(&active.story, story);
                    active.story = story.clone();
                }
            }
            Err(diagnostics) => {
                let message = report(&name, diagnostics);
                warn!("story has errors, keeping the last good one:\n{message}");
                error.set_if_neq(StoryError(Some(message)));
            }
        }
    }
}
