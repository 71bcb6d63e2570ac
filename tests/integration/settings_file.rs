//! The settings file: rebinding keys (on the keys, the buttons and the
//! help), saving what the viewer changes, and a broken file kept aside.

use bevy::prelude::*;

use car_t_sim::settings::{self, Settings, ThemeName};
use car_t_sim::ui::NoticePanel;
use car_t_sim::view::{Notice, Overlay};

use crate::access::button_names;
use crate::common::{
    chord, count_of, headless, headless_screen_where, overlay, playhead, press, settings_of,
    temp_dir, texts,
};

#[test]
fn a_rebinding_in_the_settings_file_drives_the_app() {
    let dir = temp_dir("rebind");
    let path = dir.join("car-t-sim").join("settings.ron");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "(\n    theme: Dark,\n    keys: {\n        next: [\"N\"],\n        blank: [\"W\"],\n    },\n)\n",
    )
    .unwrap();
    let loaded = settings::load(&path);
    assert_eq!(loaded.problem, None);
    assert!(!loaded.first_run);
    let mut app = headless();
    app.insert_resource(loaded.settings);
    press(&mut app, KeyCode::ArrowRight, false);
    assert_eq!(playhead(&app).stage, 0, "Right was rebound away");
    press(&mut app, KeyCode::KeyN, false);
    assert_eq!(playhead(&app).stage, 1);
    press(&mut app, KeyCode::KeyW, false);
    assert_eq!(overlay(&app), Overlay::Blank);
    // Keys of actions the file does not name still work.
    press(&mut app, KeyCode::KeyW, false);
    press(&mut app, KeyCode::Home, false);
    assert_eq!(playhead(&app).stage, 0);
}

#[test]
fn a_rebinding_shows_on_the_buttons_and_in_the_help() {
    let settings =
        Settings::from_ron("(keys: { next: [\"N\"], sources: [\"F2\"], slower: [\"J\"] })")
            .expect("valid");
    let mut app = headless_screen_where(|app| {
        app.insert_resource(settings.clone());
    });
    app.update();
    let names = button_names(&mut app);
    for expected in ["Next (N)", "Sources (F2)", "Back (Left)"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    let shown = texts(&mut app);
    assert!(shown.iter().any(|t| t == "Speed 1x (J =)"), "{shown:?}");
    // The help overlay lists the new key.
    press(&mut app, KeyCode::KeyH, false);
    assert!(texts(&mut app).iter().any(|l| l == "N:  Next stage"));
    press(&mut app, KeyCode::KeyH, false);
    // The sources panel's title says how to close it with the keys bound now.
    press(&mut app, KeyCode::F2, false);
    app.update();
    let shown = texts(&mut app);
    assert!(
        shown.iter().any(|t| t.contains("(F2 or Esc to close)")),
        "{shown:?}"
    );
}

#[test]
fn changed_settings_are_saved_and_read_back() {
    let dir = temp_dir("save");
    // The config folder does not exist yet.
    let path = dir.join("missing").join("car-t-sim").join("settings.ron");
    let loaded = settings::load(&path);
    assert!(loaded.first_run && loaded.problem.is_none());
    let mut app = headless();
    app.insert_resource(settings::SettingsFile(Some(path.clone())));
    press(&mut app, KeyCode::KeyT, false);
    press(&mut app, KeyCode::KeyM, false);
    chord(&mut app, &[KeyCode::ControlLeft], KeyCode::Equal, None);
    let back = settings::load(&path);
    assert_eq!(back.problem, None);
    assert_eq!(back.settings, settings_of(&app));
    assert_eq!(back.settings.theme, ThemeName::Dark);
    assert!(back.settings.reduced_motion);
    assert_eq!(back.settings.caption_percent(), 5.0);
}

#[test]
fn a_broken_settings_file_is_reported_kept_aside_and_defaults_used() {
    let dir = temp_dir("broken");
    let path = dir.join("settings.ron");
    let broken = "(\n    theme: Dark,\n    keys: { next: [\"NoSuchKey\"] },\n)\n";
    std::fs::write(&path, broken).unwrap();
    let loaded = settings::load(&path);
    assert_eq!(loaded.settings, Settings::default());
    let problem = loaded.problem.expect("a problem is reported");
    assert!(problem.contains("settings.ron:3:"), "{problem}");
    assert!(problem.contains("NoSuchKey"), "{problem}");
    assert!(!path.exists(), "moved aside");
    let kept = dir.join("settings.ron.broken");
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        broken,
        "nothing lost"
    );
    assert!(problem.contains("settings.ron.broken"), "{problem}");
    // A second broken file does not overwrite the first.
    std::fs::write(&path, "(oops").unwrap();
    let again = settings::load(&path);
    assert!(again.problem.unwrap().contains("settings.ron.broken-2"));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), broken);

    // On screen: the notice shows it until Esc, also after help was open.
    let mut app = headless_screen_where(|app| {
        app.insert_resource(Notice(Some(problem.clone())));
    });
    assert_eq!(overlay(&app), Overlay::Notice);
    assert_eq!(count_of::<NoticePanel>(&mut app), 1);
    press(&mut app, KeyCode::KeyH, false);
    assert_eq!(count_of::<NoticePanel>(&mut app), 0);
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::Notice, "back to the notice");
    assert_eq!(count_of::<NoticePanel>(&mut app), 1);
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::None);
    assert_eq!(count_of::<NoticePanel>(&mut app), 0);
    press(&mut app, KeyCode::KeyH, false);
    press(&mut app, KeyCode::Escape, false);
    assert_eq!(overlay(&app), Overlay::None, "dismissed for good");
}
