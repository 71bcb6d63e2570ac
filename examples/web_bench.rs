//! The web build's figures, as `scripts/bench.sh` prints them: the download
//! (the .wasm before and after wasm-opt, the page gzipped) and, in headless
//! Chromium on this machine, the time to the first drawn frame and the frame
//! time of car-t-sim against the bare baseline built the same way, measured
//! in turn in the same run, as ratios.
//!
//! `cargo run --example web_bench -- DIST BASELINE_DIST [PAIRS]`

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/webdriver.rs"]
mod webdriver;

/// Counts, in the page, the first WebGL draw and the time of each frame
/// that drew, before the page's own scripts run.
#[cfg(not(target_arch = "wasm32"))]
const PROBE: &str = r#"
window.__firstDraw = null;
window.__frames = [];
let raf = 0, marked = -1;
(function tick() { raf++; requestAnimationFrame(tick); })();
for (const name of ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"]) {
  const original = WebGL2RenderingContext.prototype[name];
  WebGL2RenderingContext.prototype[name] = function (...args) {
    const now = performance.now();
    if (window.__firstDraw === null) window.__firstDraw = now;
    if (marked !== raf) { marked = raf; window.__frames.push(now); }
    return original.apply(this, args);
  };
}
"#;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::path::PathBuf;
    use std::time::Duration;

    use serde_json::json;
    use webdriver::{Driver, serve};

    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: web_bench DIST BASELINE_DIST [PAIRS]");
        std::process::exit(2);
    }
    let pairs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(3);
    let app = serve(PathBuf::from(&args[0]));
    let base = serve(PathBuf::from(&args[1]));
    let profile = std::env::temp_dir().join(format!("web-bench-{}", std::process::id()));
    let driver = Driver::start(&profile);
    driver.call(
        "POST",
        &driver.session_path("/goog/cdp/execute"),
        Some(json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": PROBE}})),
    );
    // (first frame ms, median frame ms) of one page.
    let measure = |port: u16| -> (f64, f64) {
        driver.open(&format!("http://127.0.0.1:{port}/index.html?story=car-t"));
        driver.wait_for("a first frame", "return window.__firstDraw !== null", 300);
        std::thread::sleep(Duration::from_secs(8));
        let value = driver.script("return [window.__firstDraw, window.__frames]");
        let first = value[0].as_f64().unwrap_or(f64::NAN);
        let frames: Vec<f64> = value[1]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_f64())
            .filter(|t| *t > first + 3000.0)
            .collect();
        let mut gaps: Vec<f64> = frames.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_by(f64::total_cmp);
        let median = gaps.get(gaps.len() / 2).copied().unwrap_or(f64::NAN);
        (first, median)
    };
    let (mut first_ratios, mut frame_ratios) = (vec![], vec![]);
    for pair in 1..=pairs {
        let (base_first, base_frame) = measure(base);
        let (app_first, app_frame) = measure(app);
        println!(
            "web pair {pair}: first frame {app_first:.0} ms vs baseline {base_first:.0} ms; \
             frame {app_frame:.1} ms vs baseline {base_frame:.1} ms"
        );
        first_ratios.push(app_first / base_first);
        frame_ratios.push(app_frame / base_frame);
    }
    let show = |name: &str, mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        println!(
            "web {name} ratio (car-t-sim / baseline): min {:.2}  median {:.2}  max {:.2}",
            v[0],
            v[v.len() / 2],
            v[v.len() - 1]
        );
    };
    show("time to first frame", first_ratios);
    show("frame time", frame_ratios);
    let _ = std::fs::remove_dir_all(profile);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
