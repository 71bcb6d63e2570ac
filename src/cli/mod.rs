//! The command line: the app itself, and the tools that need no display
//! (`check`, `transcript`) or render without interaction (`stills`).

mod args;
mod start;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::settings::{self, Settings};
use crate::story::{self};
use crate::{DEFAULT_WINDOW, Launch, Mode};
pub use args::{Cli, Command, LookArgs, parse_size};
use start::{fail, launch, load, run, screen_for};
use tools::{check, handout, lab};

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
