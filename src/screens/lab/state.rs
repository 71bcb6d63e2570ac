//! The lab screen's state: the active lab, the preset and rules chosen, the
//! run computed whole and followed by the playhead, and the helpers its
//! views share.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use crate::content::lab::{Counts, Lab, Params, Run};
use crate::content::story::Source;
use crate::playback::{Playhead, Timeline};
use crate::scenes::SceneSlots;
use crate::ui::paint::{Ink, Role};

/// Steps in one run of the lab.
pub const RUN_STEPS: u64 = 1200;
/// Steps shown per second at 1x.
pub const STEPS_PER_SECOND: f32 = 20.0;
/// Text size of the lab's words, in percent of the window height.
pub(super) const TEXT_VH: f32 = 2.6;
/// Text size of the controls' words.
pub(super) const CONTROL_VH: f32 = 2.3;
/// Thickness of the plot's lines, in logical pixels.
pub(super) const LINE_PX: f32 = 3.0;

/// The lab's one "stage": a whole run.
pub fn timeline() -> Timeline {
    Timeline {
        part: "Run",
        titles: vec![Lab::built_in(&crate::story::ActiveStory::built_in_stories()).title],
        durations: vec![RUN_STEPS as f32 / STEPS_PER_SECOND],
    }
}

/// The lab's rules, presets and the sources they cite, numbered.
#[derive(Resource, Debug, Clone)]
pub struct ActiveLab {
    /// The built-in lab.
    pub lab: Lab,
    /// The sources its rules and presets cite, in citation order.
    pub numbered: Vec<Source>,
}

impl Default for ActiveLab {
    fn default() -> Self {
        let lab = Lab::built_in(&crate::story::ActiveStory::built_in_stories());
        let numbered = lab.numbered(&crate::story::ActiveStory::built_in_stories());
        ActiveLab { lab, numbered }
    }
}

impl ActiveLab {
    /// `[1, 3]` for these source ids.
    pub fn citation_label(&self, cite: &[String]) -> String {
        crate::content::story::citation_label(&self.numbered, cite)
    }
}

/// The preset shown (0-based), chosen with the digits or its button.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabPreset(pub usize);

/// The run of the chosen preset: computed whole, and the step shown.
#[derive(Resource, Debug, Clone)]
pub struct LabRun {
    /// Which preset it comes from.
    pub preset: usize,
    /// The rules it runs: the preset's, or as changed on screen.
    pub params: Params,
    /// The run, at the step shown.
    pub run: Run,
    /// The counts of every step of the whole run.
    pub history: Vec<Counts>,
}

impl LabRun {
    /// Runs preset `preset` of `lab` (the defaults if there is none) to its
    /// end, keeping its counts, and goes back to its start.
    pub fn new(lab: &Lab, preset: usize) -> LabRun {
        let params = wanted(lab, preset, &LabChanges(None));
        LabRun::of(preset, params)
    }

    /// Runs these rules (from preset `preset`) to the end, and goes back to
    /// the start.
    pub fn of(preset: usize, params: Params) -> LabRun {
        let mut run = Run::new(params.clone()).expect("the controls keep rules in range");
        for _ in 0..RUN_STEPS {
            run.step();
        }
        let history = run.history.clone();
        run.seek(0);
        LabRun {
            preset,
            params,
            run,
            history,
        }
    }

    /// The step at playhead time `time` (seconds).
    pub fn step_at(time: f32) -> u64 {
        ((time.max(0.0) * STEPS_PER_SECOND) as u64).min(RUN_STEPS)
    }
}

/// A new preset, or rules changed with the controls, get their run (from
/// its start). Choosing a preset drops the changes.
pub(super) fn choose_run(
    mut commands: Commands,
    lab: Res<ActiveLab>,
    chosen: Res<LabPreset>,
    mut changes: ResMut<LabChanges>,
    run: Option<Res<LabRun>>,
    mut playhead: ResMut<Playhead>,
) {
    if chosen.is_changed() && !chosen.is_added() && changes.0.is_some() {
        changes.0 = None;
    }
    let preset = chosen.0.min(lab.lab.presets.len().saturating_sub(1));
    let params = wanted(&lab.lab, preset, &changes);
    if run.is_none_or(|r| r.preset != preset || r.params != params) {
        if changes.is_changed() && changes.0.is_some() {
            playhead.time = 0.0;
        }
        commands.insert_resource(LabRun::of(preset, params));
    }
}

/// The patch shows the step under the playhead.
pub(super) fn follow_playhead(playhead: Res<Playhead>, run: Option<ResMut<LabRun>>) {
    let Some(mut run) = run else {
        return;
    };
    let step = LabRun::step_at(playhead.time);
    if run.run.world.step != step {
        run.run.seek(step);
    }
}

/// Marks the lab's screen nodes.
#[derive(Component)]
pub struct LabView;

/// The lesson, its sources and the note.
#[derive(Component)]
pub struct LabText;

/// Where the patch and the plot are, in logical pixels from the window's
/// top-left corner.
pub fn lab_layout(width: f32, height: f32) -> (Rect, Rect) {
    let vh = height / 100.0;
    let vw = width / 100.0;
    let top = 23.0 * vh;
    let bottom = 72.0 * vh;
    let side = (bottom - top).min(42.0 * vw);
    let patch = Rect::new(2.0 * vw, top, 2.0 * vw + side, top + side);
    let plot = Rect::new(
        patch.max.x + 7.0 * vw,
        top + 20.0 * vh,
        97.0 * vw,
        bottom - 3.0 * vh,
    );
    (patch, plot)
}

/// The walkthrough's or the comparison's scenes go.
pub(super) fn clear_scenes(mut slots: ResMut<SceneSlots>) {
    slots.0.clear();
}

pub(super) fn text(words: impl Into<String>, size: f32) -> impl Bundle {
    (
        Text::new(words),
        TextFont {
            font_size: FontSize::Vh(size),
            ..default()
        },
        Ink(Role::Text),
    )
}

/// A flat mesh of triangles (the hollow squares, the plot's lines).
pub(super) fn flat_mesh(positions: Vec<[f32; 3]>, indices: Vec<u32>) -> Mesh {
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(indices))
}

/// A point given in logical pixels from the top-left corner, in the
/// camera's space (origin at the centre, y up).
pub(super) fn world(width: f32, height: f32, p: Vec2) -> Vec2 {
    Vec2::new(p.x - width / 2.0, height / 2.0 - p.y)
}

/// The rules as changed with the lab's controls; none while they are the
/// preset's own. Choosing a preset clears it.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct LabChanges(pub Option<Params>);

/// The rules the lab runs now: the changed ones, else the preset's.
pub(super) fn wanted(lab: &Lab, preset: usize, changes: &LabChanges) -> Params {
    changes.0.clone().unwrap_or_else(|| {
        lab.presets
            .get(preset)
            .map(|p| p.params.clone())
            .unwrap_or_default()
    })
}
