//! The command line: the app itself, and the tools that need no display
//! (`check`, `transcript`) or render without interaction (`stills`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::settings::{self, Settings, ThemeName};
use crate::story::{self, ActiveStory};
use crate::{DEFAULT_WINDOW, Launch, Mode};

/// An animated, cited walkthrough of CAR T-cell therapy.
///
/// Keys: Space/K play-pause, Right/PageDown next stage, Left/PageUp previous,
/// Home restart, 1-9 jump to a stage, - and = slower/faster, Shift+Left/Right
/// seek 5 s, B or . blank, F/F11 fullscreen, F5 present, T theme, C captions,
/// Ctrl+plus/minus caption size, M reduced motion, S sources, O stories,
/// V CAR T, TCR and TIL side by side, G comparison table, H or ? help,
/// Esc close panel or leave fullscreen, Ctrl+Q quit.
///
/// Settings (theme, caption size, reduced motion, keys) are kept in
/// $XDG_CONFIG_HOME/car-t-sim/settings.ron (default ~/.config/...).
#[derive(Debug, Parser)]
#[command(name = "car-t-sim", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Play a built-in story (car-t, tcr or til) or a story file. Saving
    /// the file reloads it live.
    #[arg(long, value_name = "NAME|FILE")]
    pub story: Option<PathBuf>,
    /// Start at this stage (1-based).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub stage: Option<u32>,
    /// Play the walkthrough over and over (for a screen in a corridor).
    #[arg(long = "loop")]
    pub looping: bool,
    /// Open paused (press Space to play).
    #[arg(long)]
    pub paused: bool,
    /// Open on CAR T, TCR and TIL side by side (V switches).
    #[arg(long, conflicts_with = "stage")]
    pub compare: bool,
    /// Open on the lock-and-key lab (L switches).
    #[arg(long, conflicts_with_all = ["stage", "compare"])]
    pub lab: bool,
    /// Theme and reduced motion for this run.
    #[command(flatten)]
    pub look: LookArgs,
    /// For a screen in a corridor: loop in fullscreen, hide the pointer,
    /// return to the start 90 s after the last input; only Ctrl+Q quits.
    #[arg(long)]
    pub kiosk: bool,
    /// A tool to run instead of the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the walkthrough looks; for the app these override the settings file
/// for this run.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct LookArgs {
    /// Colour theme.
    #[arg(long, value_enum, value_name = "NAME")]
    pub theme: Option<ThemeName>,
    /// Cross-fades between key poses instead of movement.
    #[arg(long)]
    pub reduced_motion: bool,
}

impl LookArgs {
    /// Applies these choices to settings.
    pub fn apply(&self, settings: &mut Settings) {
        if let Some(theme) = self.theme {
            settings.theme = theme;
        }
        if self.reduced_motion {
            settings.reduced_motion = true;
        }
    }
}

/// Tools.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate stories (built-in names or files); prints FILE:LINE:COL:
    /// message for every problem. Exit 0 when all are valid, 1 otherwise.
    Check {
        /// Built-in story names (car-t, tcr, til) or story files.
        #[arg(required = true, value_name = "NAME|FILE")]
        files: Vec<PathBuf>,
    },
    /// List the scene kinds a story's stage may name, each with its moments
    /// (what a beat's `moment` may pin), in order.
    Scenes,
    /// Print the walkthrough as Markdown: a heading per stage, its captions
    /// with citation numbers, then the numbered sources.
    Transcript {
        /// A built-in story (car-t, tcr, til) or a story file (default: car-t).
        #[arg(long, value_name = "NAME|FILE", conflicts_with = "compare")]
        story: Option<PathBuf>,
        /// The side-by-side comparison instead: each step's three captions,
        /// the table of how the therapies differ, the sources.
        #[arg(long)]
        compare: bool,
    },
    /// Render one PNG per beat, NN-<stage-id>-<beat-number>.png, into DIR.
    Stills {
        /// Folder for the PNG files (created if missing).
        dir: PathBuf,
        /// A built-in story (car-t, tcr, til) or a story file (default: car-t).
        #[arg(long, value_name = "NAME|FILE", conflicts_with = "compare")]
        story: Option<PathBuf>,
        /// One still per step of CAR T, TCR and TIL side by side instead,
        /// compare-NN-<step-id>.png.
        #[arg(long)]
        compare: bool,
        /// One still of the lab per preset instead, lab-NN-<preset>.png.
        #[arg(long, conflicts_with_all = ["story", "compare"])]
        lab: bool,
        /// Image size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = parse_size)]
        size: (u32, u32),
        /// Theme and reduced motion of the stills.
        #[command(flatten)]
        look: LookArgs,
    },
    /// Write a printable page, DIR/index.html, with one still per stage
    /// beside it: the patient's calendar, every caption with its citation
    /// numbers, the table of how CAR T, TCR and TIL differ, and the sources.
    /// Print it from a browser, or: chromium --headless --print-to-pdf.
    Handout {
        /// Folder for index.html and the stills (created if missing).
        dir: PathBuf,
        /// A built-in story (car-t, tcr, til) or a story file (default: car-t).
        #[arg(long, value_name = "NAME|FILE")]
        story: Option<PathBuf>,
        /// Colour theme of the stills.
        #[arg(long, value_enum, value_name = "NAME")]
        theme: Option<ThemeName>,
    },
    /// Run the lock-and-key lab's simulation without a window and print (or
    /// write) the counts per step as CSV: cancer cells with and without the
    /// lock, T cells, healthy lock carriers. A teaching model, not a
    /// prediction for any patient.
    Lab {
        /// Which T cells: car-t, tcr or til (default: the preset's, else car-t).
        #[arg(long, value_parser = parse_therapy)]
        therapy: Option<crate::content::lab::Therapy>,
        /// A preset: cleared, antigen-escape, b-cells-lost, hla-mismatch,
        /// many-keys, too-few.
        #[arg(long, value_name = "NAME")]
        preset: Option<String>,
        /// T cells at the start.
        #[arg(long, value_name = "N")]
        dose: Option<u32>,
        /// The seed: the same seed and choices give the same run.
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Steps to run.
        #[arg(long, value_name = "K", default_value_t = 1000)]
        steps: u64,
        /// Write the CSV here instead of printing it.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Scale the patch to about N cells, the same mix (for benchmarks);
        /// the time per step goes to standard error.
        #[arg(long, value_name = "N")]
        agents: Option<u32>,
    },
    /// Render N frames of each stage through the real window as fast as
    /// possible, then print frame time p50/p95/p99 per stage, the time from
    /// start to the first presented frame, and peak memory.
    Bench {
        /// Frames per stage.
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..))]
        frames: u32,
        /// Window size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1280x720", value_parser = parse_size)]
        size: (u32, u32),
        /// A built-in story (car-t, tcr, til) or a story file (default: car-t).
        #[arg(long, value_name = "NAME|FILE")]
        story: Option<PathBuf>,
        /// Measure the lab's screen instead, drawing about CELLS cells (the
        /// antigen-escape preset, scaled).
        #[arg(long, value_name = "CELLS", conflicts_with = "story")]
        lab: Option<u32>,
    },
}

/// Parses `1280x720`.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected WIDTHxHEIGHT, like 1280x720, not \"{text}\""))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (64..=8192).contains(n))
            .ok_or_else(|| format!("\"{s}\" is not a size from 64 to 8192 pixels"))
    };
    Ok((parse(w)?, parse(h)?))
}

/// Loads the story named on the command line, or the built-in CAR T one.
fn load(path: Option<&Path>) -> Result<ActiveStory, String> {
    match path {
        None => Ok(ActiveStory::embedded()),
        Some(path) => story::load_named(path),
    }
}

/// Runs the command line; the process's exit code.
pub fn main() -> ExitCode {
    crate::bench::mark_process_start();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Scenes) => {
            for kind in crate::scenes::SceneKinds::default().iter() {
                let moments: Vec<&str> = kind.moments.iter().map(|m| m.name).collect();
                println!("{}: {}", kind.name, moments.join(", "));
            }
            ExitCode::SUCCESS
        }
        Some(Command::Transcript { compare: true, .. }) => {
            print!(
                "{}",
                crate::content::compare::transcript(
                    &crate::screens::compare::ActiveComparison::built_in().0
                )
            );
            ExitCode::SUCCESS
        }
        Some(Command::Transcript { story, .. }) => match load(story.as_deref()) {
            Ok(active) => {
                print!("{}", story::transcript(&active.story));
                ExitCode::SUCCESS
            }
            Err(message) => fail(&message),
        },
        Some(Command::Stills {
            dir,
            story,
            compare,
            lab,
            size,
            look,
        }) => {
            if let Err(e) = std::fs::create_dir_all(&dir) {
                return fail(&format!("{}: cannot create folder: {e}", dir.display()));
            }
            // Stills ignore the settings file, so they come out the same anywhere.
            let mut settings = Settings::default();
            look.apply(&mut settings);
            let launch = match launch(story.as_deref(), None, Mode::Stills(dir), size) {
                Ok(launch) => launch,
                Err(code) => return code,
            };
            run(Launch {
                settings,
                screen: screen_for(compare, lab),
                ..launch
            })
        }
        Some(Command::Handout { dir, story, theme }) => handout(&dir, story.as_deref(), theme),
        Some(Command::Lab {
            therapy,
            preset,
            dose,
            seed,
            steps,
            csv,
            agents,
        }) => lab(
            crate::content::lab::Headless {
                therapy,
                preset,
                dose,
                seed,
                steps,
                agents,
            },
            csv.as_deref(),
        ),
        Some(Command::Bench {
            frames,
            size,
            story,
            lab,
        }) => {
            let rules = match lab {
                None => None,
                Some(cells) => {
                    let asked = crate::content::lab::Headless {
                        preset: Some("antigen-escape".into()),
                        agents: Some(cells),
                        ..Default::default()
                    };
                    match asked.params(&crate::content::lab::Lab::built_in(
                        &crate::story::ActiveStory::built_in_stories(),
                    )) {
                        Ok(rules) => Some(rules),
                        Err(message) => return fail(&format!("car-t-sim bench: {message}")),
                    }
                }
            };
            match launch(story.as_deref(), None, Mode::Bench(frames), size) {
                Ok(launch) => run(Launch {
                    screen: screen_for(false, rules.is_some()),
                    lab_rules: rules,
                    ..launch
                }),
                Err(code) => code,
            }
        }
        None => {
            let mode = Mode::Interactive {
                looping: cli.looping,
                kiosk: cli.kiosk,
            };
            let loaded = settings::settings_path().map(|path| (settings::load(&path), path));
            // With no --story, the story last chosen in the chooser.
            let remembered = loaded
                .as_ref()
                .and_then(|(l, _)| l.settings.story.clone())
                .filter(|name| story::built_in(name).is_some());
            let story = cli.story.clone().or(remembered.map(PathBuf::from));
            let launch = match launch(story.as_deref(), cli.stage, mode, DEFAULT_WINDOW) {
                Ok(launch) => launch,
                Err(code) => return code,
            };
            let mut launch = Launch {
                paused: cli.paused,
                screen: screen_for(cli.compare, cli.lab),
                ..launch
            };
            if let Some((loaded, path)) = loaded {
                // A problem is logged and shown on screen by the app.
                if loaded.first_run
                    && let Err(e) = settings::save(&path, &loaded.settings)
                {
                    eprintln!(
                        "car-t-sim: {}: cannot save the settings: {e}",
                        path.display()
                    );
                }
                // A first run with no story asked for opens on the chooser.
                launch.choose_story = loaded.first_run
                    && cli.story.is_none()
                    && cli.stage.is_none()
                    && !cli.compare
                    && !cli.lab;
                launch.settings = loaded.settings;
                launch.first_run = loaded.first_run;
                launch.notice = loaded.problem;
                launch.settings_file = Some(path);
            }
            // Command-line choices win for this run; they are saved only if
            // the viewer changes a setting with a key.
            cli.look.apply(&mut launch.settings);
            run(launch)
        }
    }
}

/// Renders the handout's stills into `dir`, then writes its page there.
fn handout(dir: &Path, story: Option<&Path>, theme: Option<ThemeName>) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(&format!("{}: cannot create folder: {e}", dir.display()));
    }
    let launch = match launch(story, None, Mode::Stills(dir.to_path_buf()), DEFAULT_WINDOW) {
        Ok(launch) => launch,
        Err(code) => return code,
    };
    let story = launch.story.story.clone();
    let comparison = crate::screens::compare::ActiveComparison::built_in().0;
    let clashes = crate::handout::clashes(&story, &comparison);
    if !clashes.is_empty() {
        return fail(&format!(
            "{}: these source ids differ from the built-in ones the comparison table cites: {}; \
             rename them in the story file",
            launch.story.origin.name(),
            clashes.join(", ")
        ));
    }
    let mut settings = Settings::default();
    if let Some(theme) = theme {
        settings.theme = theme;
    }
    let rendered = run(Launch {
        settings,
        handout: true,
        ..launch
    });
    if rendered != ExitCode::SUCCESS {
        return fail(&format!(
            "{}: the stills could not be rendered",
            dir.display()
        ));
    }
    let page = dir.join("index.html");
    match std::fs::write(&page, crate::handout::html(&story, &comparison, true)) {
        Ok(()) => {
            println!("{}", page.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("{}: cannot write: {e}", page.display())),
    }
}

/// `car-t`, `tcr` or `til`.
fn parse_therapy(name: &str) -> Result<crate::content::lab::Therapy, String> {
    crate::content::lab::Therapy::from_name(name)
        .ok_or_else(|| format!("\"{name}\" is not a therapy: car-t, tcr or til"))
}

/// Runs the lab headless; the counts per step as CSV.
fn lab(asked: crate::content::lab::Headless, csv: Option<&Path>) -> ExitCode {
    let lab = crate::content::lab::Lab::built_in(&crate::story::ActiveStory::built_in_stories());
    let params = match asked.params(&lab) {
        Ok(params) => params,
        Err(message) => return fail(&format!("car-t-sim lab: {message}")),
    };
    let mut run = match crate::content::lab::Run::new(params) {
        Ok(run) => run,
        Err(e) => return fail(&format!("car-t-sim lab: {e}")),
    };
    let started = std::time::Instant::now();
    let mut lines = vec![
        crate::content::lab::Counts::CSV_HEADER.to_string(),
        run.world.counts().csv(),
    ];
    for _ in 0..asked.steps {
        run.world.step();
        lines.push(run.world.counts().csv());
    }
    if asked.agents.is_some() && asked.steps > 0 {
        let per_step = started.elapsed().as_secs_f64() * 1000.0 / asked.steps as f64;
        eprintln!(
            "cells={} step_ms={per_step:.3}",
            run.world.params.starting_cells()
        );
    }
    let text = lines.join("\n") + "\n";
    match csv {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!("{}: cannot write: {e}", path.display())),
        },
    }
}

/// The screen a `--compare` or `--lab` flag asks for.
fn screen_for(compare: bool, lab: bool) -> crate::screens::screen::Screen {
    if compare {
        crate::screens::screen::Screen::Compare
    } else if lab {
        crate::screens::screen::Screen::Lab
    } else {
        crate::screens::screen::Screen::Walkthrough
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut all_good = true;
    for file in files {
        match story::load_named(file) {
            Ok(active) => println!("{}: ok", active.origin.name()),
            Err(message) => {
                eprintln!("{message}");
                all_good = false;
            }
        }
    }
    if all_good {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Loads the story and checks the start stage and the display; the exit
/// code to return on failure.
fn launch(
    story: Option<&Path>,
    stage: Option<u32>,
    mode: Mode,
    size: (u32, u32),
) -> Result<Launch, ExitCode> {
    let active = load(story).map_err(|message| fail(&message))?;
    let stages = active.story.stages.len();
    let start_stage = match stage {
        Some(n) if n as usize > stages => {
            eprintln!("--stage {n}: the story has {stages} stages");
            return Err(ExitCode::from(2));
        }
        Some(n) => n as usize - 1,
        None => 0,
    };
    display_available().map_err(|message| fail(&message))?;
    Ok(Launch {
        start_stage,
        ..Launch::new(active, mode, size)
    })
}

/// Runs the app; the process's exit code.
fn run(launch: Launch) -> ExitCode {
    explain_fatal_panics();
    let exit = crate::build_app(launch).run();
    if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A window needs an X11 display (the app is built for X11; Wayland desktops
/// run it through XWayland).
fn display_available() -> Result<(), String> {
    if std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty()) {
        Ok(())
    } else {
        Err(
            "car-t-sim: no display (DISPLAY is not set). Run it in a desktop session, or \
             headless with: xvfb-run -s \"-screen 0 1280x720x24\" car-t-sim"
                .into(),
        )
    }
}

/// Turns the renderer's and the window system's start-up panics into one
/// clear line saying what to install, with no panic trace.
fn explain_fatal_panics() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        if message.contains("Unable to find a GPU") {
            eprintln!(
                "car-t-sim: no GPU adapter found (Vulkan or OpenGL). Install a graphics driver; \
                 on Debian without a GPU: sudo apt install mesa-vulkan-drivers libvulkan1"
            );
            std::process::exit(1);
        }
        if message.contains("Failed to build event loop") {
            eprintln!(
                "car-t-sim: cannot open a window on this display. Install the X11 libraries \
                 (Debian: sudo apt install libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0) \
                 or run headless with xvfb-run"
            );
            std::process::exit(1);
        }
        default_hook(info);
    }));
}
