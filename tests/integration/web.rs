//! The web build in a real browser: `scripts/web.sh` builds `dist/` (quickly
//! when nothing changed), a small server serves it on 127.0.0.1, and Debian's
//! headless Chromium, driven through chromedriver's WebDriver API, opens it.
//! Never skipped: without chromium, chromedriver, node or the web build's
//! tools the test fails and says what is missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::json;

use car_t_sim::story::ActiveStory;

use crate::common::temp_dir;
use crate::render::Still;

#[path = "../support/webdriver.rs"]
mod webdriver;
use webdriver::{Driver, base64, serve};

/// True once the app runs in the page: the loading status gone, the canvas
/// sized, a caption in the live region.
const STARTED: &str = "return document.getElementById('status') === null \
                       && document.getElementById('car-t-sim').width > 0 \
                       && document.getElementById('car-t-sim-live').textContent.length > 0";

/// Builds `dist/` with the project's script, once for all the tests; its path.
fn build_dist() -> PathBuf {
    static DIST: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIST.get_or_init(build).clone()
}

fn build() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/web.sh"))
        .arg("--no-install")
        .current_dir(root)
        .output()
        .expect("bash runs scripts/web.sh");
    assert!(
        out.status.success(),
        "scripts/web.sh failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("dist")
}

/// How many different colours a picture has, sampled.
fn colours(still: &Still) -> usize {
    let mut seen = still.band(0.0, 1.0, 6);
    seen.sort();
    seen.dedup();
    seen.len()
}

#[test]
fn the_web_build_runs_in_headless_chromium() {
    assert_eq!(base64("TWFu"), b"Man");
    let dist = build_dist();
    let port = serve(dist);
    let driver = Driver::start(&temp_dir("chromium-profile"));
    let base = format!("http://127.0.0.1:{port}/index.html");

    // A link to CAR T: no chooser, the first stage's caption is live.
    driver.open(&format!("{base}?story=car-t"));
    driver.wait_for("the first frame and caption", STARTED, 240);
    let car_t = ActiveStory::built_in("car-t").unwrap().story;
    let first = car_t.stages[0].beats[0].caption.trim().to_string();
    assert!(
        driver.live_text().starts_with(&first),
        "{}",
        driver.live_text()
    );
    // Pause (Space), so that only a change of stage changes the picture;
    // let the frames settle, then look.
    driver.press(" ");
    std::thread::sleep(Duration::from_secs(2));
    let shots = temp_dir("web-shots");
    let before = Still::open(&driver.screenshot(&shots, "car-t-1"));
    assert!(
        colours(&before) > 20,
        "a blank canvas ({} colours)",
        colours(&before)
    );
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    assert!(
        label
            .as_str()
            .unwrap_or_default()
            .contains("Stage 1 of 8: Tests first"),
        "{label}"
    );

    // Page Down, as a presenter's remote sends it: the next stage.
    driver.press("\u{E00F}");
    let second = car_t.stages[1].beats[0].caption.trim().to_string();
    driver.wait_for(
        "the second stage",
        &format!(
            "return document.getElementById('car-t-sim-live').textContent.startsWith({})",
            json!(second)
        ),
        60,
    );
    std::thread::sleep(Duration::from_secs(2));
    let after = Still::open(&driver.screenshot(&shots, "car-t-2"));
    let changed = before
        .band(0.2, 0.8, 4)
        .iter()
        .zip(after.band(0.2, 0.8, 4))
        .filter(|(a, b)| a != &b)
        .count();
    assert!(
        changed > 500,
        "the picture did not change ({changed} pixels)"
    );

    // H: the help panel's text reaches the screen reader's panel region.
    driver.press("h");
    driver.wait_for(
        "the help in the panel region",
        "return document.getElementById('car-t-sim-panel').textContent.includes('Play / pause')",
        30,
    );
    driver.press("\u{E00C}");

    // A link to a stage in a theme: TCR, stage 3, dark.
    let tcr = ActiveStory::built_in("tcr").unwrap().story;
    driver.open(&format!("{base}?story=tcr&stage=3&theme=dark"));
    driver.wait_for("TCR at stage 3", STARTED, 240);
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    let wanted = format!("Stage 3 of {}: {}", tcr.stages.len(), tcr.stages[2].title);
    assert!(
        label.as_str().unwrap_or_default().contains(&wanted),
        "{label}"
    );
    std::thread::sleep(Duration::from_secs(2));
    let dark = Still::open(&driver.screenshot(&shots, "tcr-3-dark"));
    let corner = dark.rgb(dark.width - 4, dark.height / 2);
    assert!(corner.iter().all(|&c| c < 80), "not dark: {corner:?}");

    // An address that asks for a story there is not: said, as an alert.
    driver.open(&format!("{base}?story=cart"));
    driver.wait_for(
        "the alert",
        "return document.getElementById('car-t-sim-alert').textContent.includes('cart')",
        240,
    );

    // ?story=til opens TIL.
    driver.open(&format!("{base}?story=til"));
    driver.wait_for("TIL", STARTED, 240);
    let til = ActiveStory::built_in("til").unwrap().story;
    let til_first = til.stages[0].beats[0].caption.trim().to_string();
    assert!(
        driver.live_text().starts_with(&til_first),
        "{}",
        driver.live_text()
    );
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    assert!(
        label.as_str().unwrap_or_default().starts_with(&til.title),
        "{label}"
    );
    std::thread::sleep(Duration::from_secs(2));
    let til_still = Still::open(&driver.screenshot(&shots, "til-1"));
    assert!(colours(&til_still) > 20, "a blank TIL canvas");

    // ?lab opens the lab: its title on the canvas, its lesson read out.
    driver.open(&format!("{base}?lab"));
    driver.wait_for("the lab", STARTED, 240);
    let lab =
        car_t_sim::content::lab::Lab::built_in(&car_t_sim::story::ActiveStory::built_in_stories());
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    assert!(
        label.as_str().unwrap_or_default().starts_with(&lab.title),
        "{label}"
    );
    assert!(
        driver.live_text().contains(&lab.presets[0].lesson),
        "{}",
        driver.live_text()
    );
    std::thread::sleep(Duration::from_secs(2));
    let lab_still = Still::open(&driver.screenshot(&shots, "lab"));
    assert!(colours(&lab_still) > 20, "a blank lab canvas");

    let errors = driver.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[test]
fn a_browser_without_webgl2_gets_a_sentence_not_a_blank_page() {
    let port = serve(build_dist());
    let driver = Driver::start_with(&temp_dir("chromium-no-gl"), &["--disable-3d-apis"]);
    driver.open(&format!("http://127.0.0.1:{port}/index.html"));
    driver.wait_for(
        "the message",
        "return document.getElementById('status-text').textContent.includes('WebGL2')",
        60,
    );
    let words = driver.script("return document.getElementById('status-text').textContent");
    assert!(
        words
            .as_str()
            .unwrap_or_default()
            .contains("cannot run in this browser"),
        "{words}"
    );
}

#[test]
fn the_browser_keeps_settings_and_its_reduced_motion_wish() {
    let port = serve(build_dist());
    let driver = Driver::start(&temp_dir("chromium-settings"));
    let page = format!("http://127.0.0.1:{port}/index.html?story=car-t");
    // A first visit from a browser that asks for reduced motion.
    driver.call(
        "POST",
        &driver.session_path("/goog/cdp/execute"),
        Some(json!({"cmd": "Emulation.setEmulatedMedia", "params": {
            "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]
        }})),
    );
    driver.open(&page);
    driver.wait_for("the app", STARTED, 240);
    // The first visit stores the defaults, with the browser's wish.
    driver.wait_for(
        "stored defaults",
        "return (localStorage.getItem('car-t-sim.settings') || '').includes('theme: Light')",
        30,
    );
    let first = driver.script("return localStorage.getItem('car-t-sim.settings')");
    assert!(
        first
            .as_str()
            .unwrap_or_default()
            .contains("reduced_motion: true"),
        "{first}"
    );
    // A setting changed with a key is stored, reduced motion with it.
    driver.press("t");
    driver.wait_for(
        "stored settings",
        "return (localStorage.getItem('car-t-sim.settings') || '').includes('theme: Dark')",
        30,
    );
    let stored = driver.script("return localStorage.getItem('car-t-sim.settings')");
    let stored = stored.as_str().unwrap_or_default();
    assert!(stored.contains("reduced_motion: true"), "{stored}");
    assert!(stored.contains("theme: Dark"), "{stored}");
    // Broken stored settings: kept aside, replaced by the defaults.
    driver.script(
        "localStorage.setItem('car-t-sim.settings', 'Settings(theme: Purple'); return true",
    );
    driver.open(&page);
    driver.wait_for("the app again", STARTED, 240);
    let kept = driver.script("return localStorage.getItem('car-t-sim.settings.broken')");
    assert_eq!(kept, json!("Settings(theme: Purple"));
    let now = driver.script("return localStorage.getItem('car-t-sim.settings')");
    assert!(
        now.as_str().unwrap_or_default().contains("theme: Light"),
        "{now}"
    );
}
