//! The command line's words: the app's options and the subcommands, as
//! clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::settings::{Settings, ThemeName};

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

/// `car-t`, `tcr` or `til`.
pub(super) fn parse_therapy(name: &str) -> Result<crate::content::lab::Therapy, String> {
    crate::content::lab::Therapy::from_name(name)
        .ok_or_else(|| format!("\"{name}\" is not a therapy: car-t, tcr or til"))
}
