//! Rendering for real: the app renders its stills through the window and the
//! GPU (lavapipe in CI, under Xvfb). Never skipped: with no display it starts
//! its own Xvfb, and with no GPU adapter it fails.

use std::path::{Path, PathBuf};

use bevy::asset::RenderAssetUsages;
use bevy::image::{CompressedImageFormats, Image, ImageSampler, ImageType};
use bevy::math::{Rect, UVec3};

use bevy::color::Color;

use car_t_sim::stills::shots;
use car_t_sim::theme::contrast;

use crate::common::{app_command, temp_dir};

/// Runs `car-t-sim` on the test binary's own X server.
pub fn run_with_display(args: &[&str]) -> std::process::Output {
    app_command("render-config")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot start the app: {e}"))
}

/// Runs `car-t-sim` on the test binary's own X server; it must succeed
/// (else its arguments and error output are shown).
pub fn run_ok(args: &[&str]) {
    let out = run_with_display(args);
    assert!(
        out.status.success(),
        "car-t-sim {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A decoded still: width, height and RGBA pixels.
pub struct Still {
    pub width: u32,
    pub height: u32,
    image: Image,
}

impl Still {
    pub fn open(path: &Path) -> Still {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let image = Image::from_buffer(
            &bytes,
            ImageType::Extension("png"),
            CompressedImageFormats::NONE,
            true,
            ImageSampler::Default,
            RenderAssetUsages::default(),
        )
        .expect("a PNG");
        Still {
            width: image.width(),
            height: image.height(),
            image,
        }
    }

    pub fn rgb(&self, x: u32, y: u32) -> [u8; 3] {
        let p = self.image.pixel_bytes(UVec3::new(x, y, 0)).expect("pixel");
        [p[0], p[1], p[2]]
    }

    /// Pixels of a horizontal band (fractions of the height), every `step`th.
    pub fn band(&self, from: f32, to: f32, step: u32) -> Vec<[u8; 3]> {
        let (y0, y1) = (
            (from * self.height as f32) as u32,
            (to * self.height as f32) as u32,
        );
        let mut out = vec![];
        for y in (y0..y1.min(self.height)).step_by(step as usize) {
            for x in (0..self.width).step_by(step as usize) {
                out.push(self.rgb(x, y));
            }
        }
        out
    }
}

fn distinct(pixels: &[[u8; 3]]) -> usize {
    let mut v = pixels.to_vec();
    v.sort();
    v.dedup();
    v.len()
}

fn mean_difference(a: &[[u8; 3]], b: &[[u8; 3]]) -> f32 {
    let total: u64 = a
        .iter()
        .zip(b)
        .map(|(p, q)| (0..3).map(|i| p[i].abs_diff(q[i]) as u64).sum::<u64>())
        .sum();
    total as f32 / (a.len() * 3) as f32
}

fn render_stills(story: &str, name: &str) -> (PathBuf, Vec<String>) {
    let dir = temp_dir(name);
    let out = run_with_display(&["stills", dir.to_str().unwrap(), "--story", story]);
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "stills of {story} failed:\n{log}");
    let active = car_t_sim::story::ActiveStory::built_in(story).expect("a built-in story");
    let files = shots(&active.story).into_iter().map(|s| s.file).collect();
    (dir, files)
}

#[test]
fn the_real_app_renders_every_beat_of_all_three_stories_and_no_frame_is_blank() {
    let (again, _) = render_stills("car-t", "stills-again");
    let mut counts = vec![];
    for story in ["car-t", "tcr", "til"] {
        let (dir, files) = render_stills(story, &format!("stills-{story}"));
        let stages = car_t_sim::story::ActiveStory::built_in(story)
            .unwrap()
            .story
            .stages;
        counts.push(files.len());
        let mut middles = vec![];
        for file in &files {
            let still = Still::open(&dir.join(file));
            assert_eq!((still.width, still.height), (1280, 720), "{story}/{file}");
            // The patient's calendar, under the stage bar, marks the days of
            // a stage that gives them in the current stage's colour.
            let stage: usize = file[..2].parse::<usize>().unwrap() - 1;
            let marked = (0..(0.56 * 1280.0) as u32)
                .flat_map(|x| ((0.12 * 720.0) as u32..(0.16 * 720.0) as u32).map(move |y| (x, y)))
                .filter(|&(x, y)| {
                    let p = still.rgb(x, y);
                    p[2] > 150 && p[0] < 40
                })
                .count();
            if stages[stage].days.is_some() {
                assert!(
                    marked > 150,
                    "{story}/{file}: no calendar mark ({marked} pixels)"
                );
            } else {
                assert!(
                    marked < 20,
                    "{story}/{file}: a calendar mark on a stage without days"
                );
            }
            let all = still.band(0.0, 1.0, 7);
            assert!(
                distinct(&all) > 20,
                "{story}/{file} looks blank: {} colours",
                distinct(&all)
            );
            // The caption bar holds dark text on its light bar.
            let caption = still.band(0.80, 0.91, 2);
            let dark = caption.iter().filter(|p| p.iter().all(|&c| c < 90)).count();
            assert!(
                dark > 200,
                "{story}/{file}: no caption text ({dark} dark pixels)"
            );
            // The scene band shows objects, not just the background.
            let scene = still.band(0.1, 0.78, 5);
            assert!(distinct(&scene) > 10, "{story}/{file}: empty scene");
            // Rendering the same moment twice gives the same picture.
            if story == "car-t" {
                let twin = Still::open(&again.join(file)).band(0.0, 1.0, 3);
                let d = mean_difference(&still.band(0.0, 1.0, 3), &twin);
                assert!(d < 0.5, "{file} differs between two renders ({d})");
            }
            if file.ends_with("-1.png") {
                middles.push(scene);
            }
        }
        // Each stage looks different from the others.
        for i in 0..middles.len() {
            for j in i + 1..middles.len() {
                let d = mean_difference(&middles[i], &middles[j]);
                assert!(
                    d > 2.0,
                    "{story}: stages {} and {} look alike ({d})",
                    i + 1,
                    j + 1
                );
            }
        }
    }
    let beats: Vec<usize> = ["car-t", "tcr", "til"]
        .iter()
        .map(|name| {
            let story = car_t_sim::story::ActiveStory::built_in(name).unwrap().story;
            story.stages.iter().map(|s| s.beats.len()).sum()
        })
        .collect();
    assert_eq!(counts, beats, "one still per beat");
    assert!(beats.iter().all(|&n| n >= 30), "{beats:?}");
}

/// A one-stage story, to render at several sizes quickly.
const ONE_STAGE: &str = r#"Story(
    title: "Sizes",
    stages: [Stage(id: "lock", title: "Lock and key", scene: "binding", duration: 38.0, beats: [
        Beat(at: 0.0, caption: "When key meets lock, the T cell binds to the cancer cell and kills it.", cite: ["a"]),
    ])],
    sources: [Source(id: "a", publisher: "P", title: "T")],
)"#;

#[test]
fn scenes_and_captions_fit_other_sizes_and_shapes() {
    let dir = temp_dir("sizes");
    let story = dir.join("one.ron");
    std::fs::write(&story, ONE_STAGE).unwrap();
    for (w, h) in [
        (320, 240),
        (1024, 768),
        (2520, 1080),
        (3840, 2160),
        (720, 1280),
    ] {
        let out_dir = dir.join(format!("{w}x{h}"));
        let size = format!("{w}x{h}");
        let out = run_with_display(&[
            "stills",
            out_dir.to_str().unwrap(),
            "--story",
            story.to_str().unwrap(),
            "--size",
            &size,
        ]);
        assert!(
            out.status.success(),
            "{size}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let still = Still::open(&out_dir.join("01-lock-1.png"));
        assert_eq!((still.width, still.height), (w, h));
        let step = (w / 400).max(1);
        // Text, even small and anti-aliased, is much darker than the bar.
        let caption = still.band(0.80, 0.91, step);
        let dark = caption
            .iter()
            .filter(|p| p.iter().all(|&c| c < 160))
            .count();
        assert!(dark > 100, "{size}: no caption text ({dark} dark pixels)");
        // The caption's first and last columns are bar, not text: it fits.
        for x in [2, w - 3] {
            for y in ((0.80 * h as f32) as u32..(0.91 * h as f32) as u32).step_by(3) {
                assert!(
                    still.rgb(x, y).iter().all(|&c| c > 200),
                    "{size}: caption touches the edge"
                );
            }
        }
        let scene = still.band(0.1, 0.78, step * 2);
        assert!(distinct(&scene) > 10, "{size}: empty scene");
        // Cells of the scene are drawn (the T cell's blue).
        let blue = scene.iter().filter(|p| p[2] > 150 && p[0] < 40).count();
        assert!(blue > 20, "{size}: no T cell");
    }
}

/// Renders the one-stage story's still with extra arguments.
fn one_stage_still(dir: &Path, name: &str, extra: &[&str]) -> Still {
    let story = dir.join("one.ron");
    std::fs::write(&story, ONE_STAGE).unwrap();
    let out_dir = dir.join(name);
    let mut args = vec![
        "stills",
        out_dir.to_str().unwrap(),
        "--story",
        story.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run_ok(&args);
    Still::open(&out_dir.join("01-lock-1.png"))
}

/// A pixel as a colour.
fn color(p: [u8; 3]) -> Color {
    Color::srgb_u8(p[0], p[1], p[2])
}

#[test]
fn every_theme_renders_with_readable_captions_and_reduced_motion_renders_key_poses() {
    let dir = temp_dir("themes");
    for (theme, dark_background) in [("light", false), ("dark", true), ("high-contrast", true)] {
        let still = one_stage_still(&dir, theme, &["--theme", theme]);
        // The scene's background, just under the stage bar at the left.
        let background = still.rgb(4, (0.12 * still.height as f32) as u32);
        assert_eq!(
            // Relative luminance under 0.1, i.e. under 3:1 against black.
            contrast(color(background), Color::BLACK) < 3.0,
            dark_background,
            "{theme}: background {background:?}"
        );
        if theme == "high-contrast" {
            assert_eq!(background, [0, 0, 0], "pure black");
        }
        // The caption: its bar's colour is the commonest in the band, and
        // the text's most contrasting pixel reaches 7:1 against it.
        let caption = still.band(0.80, 0.91, 1);
        let mut counts = std::collections::HashMap::new();
        for p in &caption {
            *counts.entry(*p).or_insert(0) += 1;
        }
        let bar = *counts.iter().max_by_key(|(_, n)| **n).unwrap().0;
        let best = caption
            .iter()
            .map(|p| contrast(color(*p), color(bar)))
            .fold(1.0f32, f32::max);
        assert!(best >= 7.0, "{theme}: caption contrast {best:.1}");
    }
    // Reduced motion shows the key pose at the beat's key moment, which is
    // where the still is taken: the same picture as with motion.
    let moving = one_stage_still(&dir, "moving", &[]);
    let reduced = one_stage_still(&dir, "reduced", &["--reduced-motion"]);
    let d = mean_difference(&moving.band(0.0, 1.0, 3), &reduced.band(0.0, 1.0, 3));
    assert!(d < 0.5, "reduced motion still differs ({d})");
}

/// The value of `key=` in a line of `key=value` fields.
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    line.split_whitespace()
        .find_map(|f| f.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn bench_prints_every_stage_then_start_up_and_memory() {
    let out = run_with_display(&["bench", "--frames", "4", "--size", "640x360"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "bench failed:\n{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let frames: Vec<&&str> = lines.iter().filter(|l| l.starts_with("frame ")).collect();
    let ids: Vec<String> = car_t_sim::story::ActiveStory::embedded()
        .story
        .stages
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(frames.len(), ids.len(), "one line per stage:\n{stdout}");
    for (i, (line, id)) in frames.iter().zip(&ids).enumerate() {
        assert_eq!(field(line, "stage"), Some((i + 1).to_string().as_str()));
        assert_eq!(field(line, "name"), Some(id.as_str()), "{line}");
        assert_eq!(field(line, "frames"), Some("4"), "{line}");
        let ms = |key| -> f64 {
            field(line, key)
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{line}: no number for {key}"))
        };
        let (p50, p95, p99) = (ms("p50_ms"), ms("p95_ms"), ms("p99_ms"));
        assert!(0.0 < p50 && p50 <= p95 && p95 <= p99, "{line}");
        assert!(ms("cpu_ms") >= 0.0, "{line}");
    }
    let number = |key| -> f64 {
        lines
            .iter()
            .find_map(|l| field(l, key)?.parse().ok())
            .unwrap_or_else(|| panic!("no {key} line:\n{stdout}"))
    };
    assert!(number("startup_ms") > 0.0);
    // A Bevy app with a window takes tens of MiB at the least.
    assert!(number("peak_rss_mib") > 20.0);
}

#[test]
fn the_comparison_table_fits_its_panel_at_16_9_and_4_3() {
    let dir = temp_dir("table");
    for (w, h) in [(1280u32, 720u32), (1024, 768)] {
        let size = format!("{w}x{h}");
        let out_dir = dir.join(&size);
        run_ok(&[
            "stills",
            out_dir.to_str().unwrap(),
            "--compare",
            "--size",
            &size,
        ]);
        let still = Still::open(&out_dir.join("compare-table.png"));
        // The panel spans 4% to 96% of the window, inside a 3-pixel border
        // and 2.5vh of padding. Its bottom padding is bare panel: no row of
        // the table runs into it (the panel clips what would).
        let vh = h as f32 / 100.0;
        let border_top = (0.96 * h as f32) as u32 - 3;
        let (x0, x1) = (
            (0.04 * w as f32 + 2.0 * vh) as u32,
            (0.96 * w as f32 - 2.0 * vh) as u32,
        );
        let fill = still.rgb(x0, border_top - (1.25 * vh) as u32);
        let mut ink = 0;
        for y in border_top - (2.5 * vh) as u32 + 3..border_top - 2 {
            for x in (x0..x1).step_by(2) {
                let p = still.rgb(x, y);
                if (0..3).any(|i| p[i].abs_diff(fill[i]) > 24) {
                    ink += 1;
                }
            }
        }
        assert_eq!(
            ink, 0,
            "{size}: the table runs into the panel's bottom padding"
        );
        // And it is the table: its rules and text are there.
        let table = still.band(0.15, 0.85, 3);
        let dark = table.iter().filter(|p| p.iter().all(|&c| c < 120)).count();
        assert!(dark > 500, "{size}: no table text ({dark} dark pixels)");
    }
}

#[test]
fn the_lab_renders_each_preset_with_its_cells_plot_and_lesson() {
    let dir = temp_dir("lab-stills");
    run_ok(&["stills", dir.to_str().unwrap(), "--lab"]);
    let lab =
        car_t_sim::content::lab::Lab::built_in(&car_t_sim::story::ActiveStory::built_in_stories());
    let shots = car_t_sim::stills::lab_shots(&lab);
    assert_eq!(shots.len(), lab.presets.len());
    let (patch, plot) = car_t_sim::screens::lab::lab_layout(1280.0, 720.0);
    let count = |still: &Still, area: Rect, wanted: &dyn Fn([u8; 3]) -> bool| {
        (area.min.y as u32..area.max.y as u32)
            .step_by(2)
            .flat_map(|y| {
                (area.min.x as u32..area.max.x as u32)
                    .step_by(2)
                    .map(move |x| (x, y))
            })
            .filter(|&(x, y)| wanted(still.rgb(x, y)))
            .count()
    };
    let near = |c: Color| {
        let c = c.to_srgba();
        let want = [c.red, c.green, c.blue].map(|v| (v * 255.0) as i32);
        move |p: [u8; 3]| (0..3).all(|i| (p[i] as i32 - want[i]).abs() < 12)
    };
    let mut patches = vec![];
    for shot in &shots {
        let still = Still::open(&dir.join(&shot.file));
        // The patch holds T cells; the plot has its lines and the orange
        // playhead; the lesson is written under them.
        let t_cells = count(&still, patch, &near(car_t_sim::palette::T_CELL));
        assert!(t_cells > 30, "{}: {t_cells} T-cell pixels", shot.file);
        // The "now" line: dark from the plot's top to its bottom at the
        // step shown (400 of the run).
        let x =
            (plot.min.x + plot.width() * 400.0 / car_t_sim::screens::lab::RUN_STEPS as f32) as u32;
        let dark = (plot.min.y as u32..plot.max.y as u32)
            .filter(|&y| (x - 1..=x + 1).any(|x| still.rgb(x, y).iter().all(|&c| c < 90)))
            .count();
        assert!(
            dark as f32 > 0.9 * plot.height(),
            "{}: no line at the step shown ({dark} of {} pixels)",
            shot.file,
            plot.height()
        );
        let lines = count(&still, plot, &near(car_t_sim::palette::CANCER));
        assert!(lines > 50, "{}: no cancer line on the plot", shot.file);
        let lesson = count(
            &still,
            Rect::new(0.0, 0.73 * 720.0, 1280.0, 0.86 * 720.0),
            &|p: [u8; 3]| p.iter().all(|&c| c < 90),
        );
        assert!(
            lesson > 300,
            "{}: no lesson ({lesson} dark pixels)",
            shot.file
        );
        patches.push(count(&still, patch, &near(car_t_sim::palette::CANCER)));
    }
    // The presets tell different stories: the cleared patch has no cancer
    // cell left at step 400, the HLA mismatch's is full of them.
    assert!(patches[0] < 20, "cleared: {} cancer pixels", patches[0]);
    assert!(
        patches[3] > 2000,
        "HLA mismatch: {} cancer pixels",
        patches[3]
    );
}
