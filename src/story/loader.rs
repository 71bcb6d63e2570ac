//! Loading stories through Bevy's asset system, and live reload: a good edit
//! replaces the story (keeping the viewer's place), a bad edit is shown on
//! screen while the last good story keeps playing.

use std::path::{Path, PathBuf};

use bevy::asset::io::{AssetSourceBuilder, Reader};
use bevy::asset::{AssetLoadFailedEvent, AssetLoader, LoadContext};
use bevy::prelude::*;

use crate::content::diagnostic::{Diagnostic, report};
use crate::content::story::builtin::{BUILT_IN, BuiltIn, decode};
use crate::content::story::model::Story;
use crate::content::story::validate::parse_story;
use crate::playback::Playhead;
use crate::scenes::catalog::SceneKinds;

/// Name of the asset source that serves the folder of a `--story` file.
const STORY_SOURCE: &str = "story";

/// A story file as the asset loader read it: its text, or why it is not
/// text. It is parsed and validated against the app's scene kinds when it
/// is applied, so kinds registered after start-up count too.
#[derive(Asset, TypePath, Debug)]
pub struct StoryAsset(pub Result<String, Diagnostic>);

/// Where the running story comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryOrigin {
    /// A walkthrough compiled into the binary.
    BuiltIn(&'static BuiltIn),
    /// A story file given on the command line.
    File(PathBuf),
}

impl StoryOrigin {
    /// How the story is named in messages.
    pub fn name(&self) -> String {
        match self {
            StoryOrigin::BuiltIn(b) => b.path.to_string(),
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
    /// A built-in walkthrough by name. Built-in stories are checked by the
    /// test suite, so a failure here is a build defect, not bad input.
    pub fn built_in(name: &str) -> Option<Self> {
        let active = ActiveStory::checked_built_in(name)?;
        Some(active.unwrap_or_else(|report| panic!("the built-in story is invalid:\n{report}")))
    }

    /// Every built-in story, in the chooser's order (the sources the
    /// comparison and the lab may cite).
    pub fn built_in_stories() -> Vec<Story> {
        BUILT_IN
            .iter()
            .filter_map(|b| ActiveStory::built_in(b.name))
            .map(|a| a.story)
            .collect()
    }

    /// A built-in story by name, or its problems as `FILE:LINE:COL` lines.
    /// Each built-in is parsed once per run; later calls clone it.
    pub fn checked_built_in(name: &str) -> Option<Result<Self, String>> {
        static PARSED: std::sync::OnceLock<Vec<Result<Story, String>>> = std::sync::OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            BUILT_IN
                .iter()
                .map(|b| {
                    parse_story(b.source, &SceneKinds::default()).map_err(|d| report(b.path, &d))
                })
                .collect()
        });
        let index = BUILT_IN.iter().position(|b| b.name == name)?;
        Some(parsed[index].clone().map(|story| ActiveStory {
            story,
            origin: StoryOrigin::BuiltIn(&BUILT_IN[index]),
        }))
    }

    /// The default walkthrough, CAR T.
    pub fn embedded() -> Self {
        ActiveStory::built_in("car-t").expect("the CAR T story is built in")
    }
}

/// The problems of the last edit of the story file, shown on screen until a
/// good edit arrives. `None` when the file is fine.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct StoryError(pub Option<String>);

/// Whether to watch the story's asset for changes (off for stills and tests).
#[derive(Resource, Debug, Clone, Copy)]
pub struct WatchStory(pub bool);

/// The story file being watched, and its asset.
#[derive(Resource)]
struct StoryHandle {
    file: PathBuf,
    handle: Handle<StoryAsset>,
}

/// Reads story files as text.
#[derive(TypePath, Default)]
struct StoryLoader;

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
        Ok(StoryAsset(decode(&bytes)))
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
    app.init_resource::<StoryError>()
        .init_resource::<SceneKinds>()
        .init_asset::<StoryAsset>()
        .init_asset_loader::<StoryLoader>()
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
) {
    if !watch.0 {
        return;
    }
    // Built-in stories cannot change while the app runs; files can.
    let StoryOrigin::File(file) = &active.origin else {
        return;
    };
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    commands.insert_resource(StoryHandle {
        file: file.clone(),
        handle: server.load::<StoryAsset>(format!("{STORY_SOURCE}://{name}")),
    });
}

fn apply_story_changes(
    handle: Res<StoryHandle>,
    mut events: MessageReader<AssetEvent<StoryAsset>>,
    mut failures: MessageReader<AssetLoadFailedEvent<StoryAsset>>,
    assets: Res<Assets<StoryAsset>>,
    kinds: Res<SceneKinds>,
    mut active: ResMut<ActiveStory>,
    mut error: ResMut<StoryError>,
    mut playhead: ResMut<Playhead>,
    mut parked: ResMut<crate::screens::shown::Parked>,
    screen: Res<State<crate::screens::screen::Screen>>,
) {
    // A built-in story chosen since: the file's edits no longer apply.
    if active.origin != StoryOrigin::File(handle.file.clone()) {
        return;
    }
    let name = active.origin.name();
    for failure in failures.read() {
        if failure.id == handle.handle.id() {
            let message = format!("{name}: cannot load: {}", failure.error);
            warn!("{message}; keeping the last good story");
            error.set_if_neq(StoryError(Some(message)));
        }
    }
    // A reload can bring more than one event for the same asset: look once.
    let ours = events.read().any(|event| {
        matches!(event,
            AssetEvent::LoadedWithDependencies { id } | AssetEvent::Modified { id }
                if *id == handle.handle.id())
    });
    if ours && let Some(StoryAsset(text)) = assets.get(&handle.handle) {
        let parsed = match text {
            Ok(text) => parse_story(text, kinds.as_ref()),
            Err(problem) => Err(vec![problem.clone()]),
        };
        match &parsed {
            Ok(story) => {
                error.set_if_neq(StoryError(None));
                if *story != active.story {
                    info!("{name}: reloaded");
                    // The walkthrough's playhead is parked while
                    // another screen plays.
                    let walkthrough =
                        if *screen.get() == crate::screens::screen::Screen::Walkthrough {
                            &mut *playhead
                        } else {
                            parked.of(crate::screens::screen::Screen::Walkthrough)
                        };
                    walkthrough.rebase(&active.story, story);
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
