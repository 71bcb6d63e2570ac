//! `car-t-sim stills`: renders one PNG per beat (with `--compare`, per step
//! of the comparison, then its table) with the real renderer, at a moment
//! inside it, then quits.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use crate::content::compare::Comparison;
use crate::frame::Frame;
use crate::playback::Playhead;
use crate::power::PipelinesWaiting;
use crate::screens::compare::ActiveComparison;
use crate::screens::screen::Screen;
use crate::story::{ActiveStory, Story};
use crate::view::{Overlay, StartScreen};

/// Frames to let layout, text and the scene settle before each capture, with
/// every render pipeline compiled (shaders compile in the background, and a
/// software renderer takes a while: until then, what needs them is not drawn).
const SETTLE_FRAMES: u32 = 4;

/// One still to take.
#[derive(Debug, Clone, PartialEq)]
pub struct Shot {
    /// Stage index.
    pub stage: usize,
    /// Stage-local time.
    pub time: f32,
    /// File name, `NN-<stage-id>-<beat-number>.png`.
    pub file: String,
    /// With the comparison table open over it.
    pub table: bool,
    /// The lab's preset shown (on the lab's screen).
    pub preset: Option<usize>,
}

/// The stills of a story: one per beat, 60% of the way through the beat, when
/// what its caption describes is on screen.
pub fn shots(story: &Story) -> Vec<Shot> {
    let mut out = Vec::new();
    for (s, stage) in story.stages.iter().enumerate() {
        for b in 0..stage.beats.len() {
            out.push(Shot {
                stage: s,
                time: stage.key_time(b),
                file: format!("{:02}-{}-{}.png", s + 1, stage.id, b + 1),
                table: false,
                preset: None,
            });
        }
    }
    out
}

/// The stills of the comparison: one per step, 60% of the way through it,
/// when each lane's pinned moment is on screen; then `compare-table.png`,
/// the table open over the first step.
pub fn comparison_shots(comparison: &Comparison) -> Vec<Shot> {
    let mut shots: Vec<Shot> = comparison
        .steps
        .iter()
        .enumerate()
        .map(|(s, step)| Shot {
            stage: s,
            time: 0.6 * step.duration,
            file: format!("compare-{:02}-{}.png", s + 1, step.id),
            table: false,
            preset: None,
        })
        .collect();
    shots.push(Shot {
        stage: 0,
        time: 0.0,
        file: "compare-table.png".into(),
        table: true,
        preset: None,
    });
    shots
}

/// The lab's stills: one per preset, at step 400 of its run.
pub fn lab_shots(lab: &crate::content::lab::Lab) -> Vec<Shot> {
    lab.presets
        .iter()
        .enumerate()
        .map(|(i, preset)| Shot {
            stage: 0,
            time: 400.0 / crate::screens::lab::STEPS_PER_SECOND,
            file: format!("lab-{:02}-{}.png", i + 1, preset.name),
            table: false,
            preset: Some(i),
        })
        .collect()
}

/// The handout's stills: one per stage, at its middle beat's key time, named
/// by [`crate::handout::still_file`].
pub fn handout_shots(story: &Story) -> Vec<Shot> {
    story
        .stages
        .iter()
        .enumerate()
        .filter(|(_, stage)| !stage.beats.is_empty())
        .map(|(s, stage)| Shot {
            stage: s,
            time: stage.key_time(crate::handout::still_beat(stage.beats.len())),
            file: crate::handout::still_file(s, &stage.id),
            table: false,
            preset: None,
        })
        .collect()
}

/// Which stills to take: one per beat, or the handout's one per stage.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ForHandout(pub bool);

/// Adds the stills job to an app built by [`crate::build_app`].
pub struct StillsPlugin {
    /// Where the PNG files go.
    pub dir: PathBuf,
}

#[derive(Resource)]
struct Job {
    dir: PathBuf,
    shots: Vec<Shot>,
    next: usize,
    settle: u32,
    requested: usize,
    saved: Arc<AtomicUsize>,
    failed: Arc<AtomicUsize>,
}

impl Plugin for StillsPlugin {
    fn build(&self, app: &mut App) {
        let world = app.world();
        let shots = match world.get_resource::<StartScreen>().map(|s| s.0) {
            Some(Screen::Compare) => comparison_shots(&ActiveComparison::built_in().0),
            Some(Screen::Lab) => lab_shots(&crate::content::lab::Lab::built_in(
                &crate::story::ActiveStory::built_in_stories(),
            )),
            _ if world.get_resource::<ForHandout>().is_some_and(|h| h.0) => {
                handout_shots(&world.resource::<ActiveStory>().story)
            }
            _ => shots(&world.resource::<ActiveStory>().story),
        };
        PipelinesWaiting::track(app);
        app.insert_resource(Job {
            dir: self.dir.clone(),
            shots,
            next: 0,
            settle: 0,
            requested: 0,
            saved: Arc::new(AtomicUsize::new(0)),
            failed: Arc::new(AtomicUsize::new(0)),
        })
        .add_systems(Update, take_stills.in_set(Frame::Read));
    }
}

fn take_stills(
    mut commands: Commands,
    mut job: ResMut<Job>,
    mut playhead: ResMut<Playhead>,
    overlay: Res<State<Overlay>>,
    mut next_overlay: ResMut<NextState<Overlay>>,
    mut lab_preset: ResMut<crate::screens::lab::LabPreset>,
    waiting: Res<PipelinesWaiting>,
    mut exit: MessageWriter<AppExit>,
) {
    // Wait until the last requested screenshot is on disk.
    if job.saved.load(Ordering::SeqCst) < job.requested {
        return;
    }
    let Some(shot) = job.shots.get(job.next).cloned() else {
        let failed = job.failed.load(Ordering::SeqCst);
        if failed == 0 {
            info!("wrote {} stills to {}", job.requested, job.dir.display());
            exit.write(AppExit::Success);
        } else {
            exit.write(AppExit::error());
        }
        return;
    };
    let target = Playhead {
        stage: shot.stage,
        time: shot.time,
        playing: false,
        speed: playhead.speed,
        looping: false,
    };
    if let Some(preset) = shot.preset
        && lab_preset.0 != preset
    {
        lab_preset.0 = preset;
        job.settle = 0;
        return;
    }
    if *playhead != target {
        *playhead = target;
        job.settle = 0;
        return;
    }
    let wanted = if shot.table {
        Overlay::Table
    } else {
        Overlay::None
    };
    if *overlay.get() != wanted {
        next_overlay.set(wanted);
        job.settle = 0;
        return;
    }
    if waiting.count() > 0 {
        job.settle = 0;
        return;
    }
    job.settle += 1;
    // The table shrinks its text a step a frame until it fits its panel.
    let settle = if shot.table {
        SETTLE_FRAMES + 12
    } else {
        SETTLE_FRAMES
    };
    if job.settle < settle {
        return;
    }
    let path = job.dir.join(&shot.file);
    let (saved, failed) = (job.saved.clone(), job.failed.clone());
    commands.spawn(Screenshot::primary_window()).observe(
        move |captured: On<ScreenshotCaptured>| {
            let written = captured
                .image
                .clone()
                .try_into_dynamic()
                .map_err(|e| e.to_string())
                .and_then(|image| image.to_rgb8().save(&path).map_err(|e| e.to_string()));
            if let Err(e) = written {
                error!("cannot write {}: {e}", path.display());
                failed.fetch_add(1, Ordering::SeqCst);
            }
            saved.fetch_add(1, Ordering::SeqCst);
        },
    );
    job.requested += 1;
    job.next += 1;
}
