//! Starting the app from the command line: the story, the first stage, the
//! display, and a clear line instead of a panic when the machine lacks a
//! GPU driver or a window system.

use std::path::Path;
use std::process::ExitCode;

use crate::story::{self, ActiveStory};
use crate::{Launch, Mode};

/// Loads the story named on the command line, or the built-in CAR T one.
pub(super) fn load(path: Option<&Path>) -> Result<ActiveStory, String> {
    match path {
        None => Ok(ActiveStory::embedded()),
        Some(path) => story::load_named(path),
    }
}

/// The screen a `--compare` or `--lab` flag asks for.
pub(super) fn screen_for(compare: bool, lab: bool) -> crate::screens::screen::Screen {
    if compare {
        crate::screens::screen::Screen::Compare
    } else if lab {
        crate::screens::screen::Screen::Lab
    } else {
        crate::screens::screen::Screen::Walkthrough
    }
}

pub(super) fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::FAILURE
}

/// Loads the story and checks the start stage and the display; the exit
/// code to return on failure.
pub(super) fn launch(
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
pub(super) fn run(launch: Launch) -> ExitCode {
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
pub(super) fn display_available() -> Result<(), String> {
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
pub(super) fn explain_fatal_panics() {
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
