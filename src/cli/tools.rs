//! The commands that are not the app: `check`, `handout` and `lab`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::settings::{Settings, ThemeName};
use crate::story::{self};
use crate::{DEFAULT_WINDOW, Launch, Mode};

use super::start::{fail, launch, run};

/// Renders the handout's stills into `dir`, then writes its page there.
pub(super) fn handout(dir: &Path, story: Option<&Path>, theme: Option<ThemeName>) -> ExitCode {
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

/// Runs the lab headless; the counts per step as CSV.
pub(super) fn lab(asked: crate::content::lab::Headless, csv: Option<&Path>) -> ExitCode {
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

pub(super) fn check(files: &[PathBuf]) -> ExitCode {
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
