//! Hot reload with the real file watcher: a bad edit is shown with its
//! place while the last good story keeps playing; a good edit loads and
//! keeps the viewer's stage.

use std::time::{Duration, Instant};

use bevy::asset::{AssetMetaCheck, AssetPlugin};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;

use car_t_sim::playback::Playhead;
use car_t_sim::story::{
    ActiveStory, DEFAULT_STORY, StoryError, StoryOrigin, WatchStory, register_story_source,
};

use crate::common::{shipped, temp_dir};

fn update_until(app: &mut App, what: &str, done: impl Fn(&World) -> bool) {
    let start = Instant::now();
    while !done(app.world()) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.update();
    }
}

#[test]
fn a_bad_edit_is_shown_and_the_last_good_story_keeps_playing() {
    let dir = temp_dir("reload");
    let file = dir.join("story.ron");
    std::fs::write(&file, DEFAULT_STORY).unwrap();
    let origin = StoryOrigin::File(file.clone());
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    register_story_source(&mut app, &origin);
    app.add_plugins(AssetPlugin {
        watch_for_changes_override: Some(true),
        meta_check: AssetMetaCheck::Never,
        ..default()
    })
    .insert_resource(ActiveStory {
        story: shipped(),
        origin,
    })
    .insert_resource(WatchStory(true))
    .add_plugins((
        bevy::input::InputPlugin,
        car_t_sim::core_plugin,
        car_t_sim::story::plugin,
    ));
    // Let the first load finish, then sit on the fourth stage (freezing).
    for _ in 0..30 {
        app.update();
        std::thread::sleep(Duration::from_millis(10));
    }
    app.world_mut().resource_mut::<Playhead>().stage = 3;

    // A broken edit: the error is shown with its place, the story stays.
    let broken = DEFAULT_STORY.replacen("duration: 20.0", "duration: -1.0", 1);
    std::fs::write(&file, &broken).unwrap();
    update_until(&mut app, "the error banner", |w| {
        w.resource::<StoryError>().0.is_some()
    });
    let message = app.world().resource::<StoryError>().0.clone().unwrap();
    let line = broken[..broken.find("duration: -1.0").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        message.contains(&format!("story.ron:{line}:13: stage duration")),
        "{message}"
    );
    assert_eq!(
        app.world().resource::<ActiveStory>().story.stages[3].duration,
        20.0
    );
    assert_eq!(app.world().resource::<Playhead>().stage, 3);

    // A good edit that drops the first stage: it loads, the error goes,
    // and the viewer stays on the freezing stage (now the third).
    let start = DEFAULT_STORY.find("        Stage(").unwrap();
    let second = DEFAULT_STORY[start + 1..].find("        Stage(").unwrap() + start + 1;
    let fixed = format!("{}{}", &DEFAULT_STORY[..start], &DEFAULT_STORY[second..]);
    std::fs::write(&file, &fixed).unwrap();
    update_until(&mut app, "the fixed story", |w| {
        w.resource::<ActiveStory>().story.stages.len() == shipped().stages.len() - 1
    });
    assert_eq!(app.world().resource::<StoryError>().0, None);
    let world = app.world();
    let stage = world.resource::<Playhead>().stage;
    assert_eq!(
        world.resource::<ActiveStory>().story.stages[stage].id,
        "freezing"
    );
}
