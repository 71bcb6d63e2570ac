//! The lock-and-key lab's simulation: deterministic runs, exact seeking,
//! each preset's lesson asserted on the counts, parameter ranges, the lab's
//! file, the headless command, and the lab's screen.

use bevy::prelude::*;

use car_t_sim::content::lab::{Counts, Lab, Params, Run, Therapy, World, parse};
use car_t_sim::screens::lab::{
    ActiveLab, LabCells, LabChanges, LabControl, LabNote, LabRun, LabText, LabView, RUN_STEPS,
};

use crate::common::{Rng, count_of, headless_screen, one, playhead, press, temp_dir, texts};

/// Every step's counts of a run of `steps` steps.
fn counts(params: Params, steps: u64) -> Vec<Counts> {
    let mut run = Run::new(params).expect("valid parameters");
    for _ in 0..steps {
        run.step();
    }
    run.history.clone()
}

fn preset(name: &str) -> Params {
    Lab::built_in(&car_t_sim::story::ActiveStory::built_in_stories())
        .preset(name)
        .unwrap_or_else(|| panic!("no preset {name}"))
        .params
        .clone()
}

/// A preset with another seed: a class that changes the seed sees the
/// same lesson.
fn seeded(name: &str, seed: u64) -> Params {
    Params {
        seed,
        ..preset(name)
    }
}

#[test]
fn the_same_seed_gives_the_same_run_and_seeking_back_is_exact() {
    let params = preset("antigen-escape");
    let a = counts(params.clone(), 400);
    let b = counts(params.clone(), 400);
    assert_eq!(a, b, "two runs of one seed differ");
    let other = counts(
        Params {
            seed: params.seed + 1,
            ..params.clone()
        },
        400,
    );
    assert_ne!(a, other, "another seed gives the very same run");
    // Seek forward, back, forward again: the state at each step is the one
    // the straight run had.
    let mut run = Run::new(params.clone()).unwrap();
    run.seek(300);
    let at_300 = run.world.clone();
    run.seek(123);
    assert_eq!(run.world.counts(), a[123]);
    run.seek(300);
    assert_eq!(run.world, at_300, "replayed state differs");
    run.seek(0);
    assert_eq!(run.world, World::new(params).unwrap());
}

/// The last step's counts, and the smallest number of cancer cells on the way.
fn ending(params: Params, steps: u64) -> (Counts, u32) {
    let all = counts(params, steps);
    let least = all.iter().map(Counts::cancer).min().unwrap();
    (*all.last().unwrap(), least)
}

#[test]
fn each_preset_shows_its_lesson_whatever_the_seed() {
    const STEPS: u64 = 1500;
    for seed in 1..=3 {
        lessons(seed, STEPS);
    }
}

fn lessons(seed: u64, steps: u64) {
    // Enough CAR T cells and every cancer cell with the lock: cleared.
    let (end, _) = ending(seeded("cleared", seed), steps);
    assert_eq!(end.cancer(), 0, "seed {seed}: not cleared: {end:?}");
    // A few lock-less cells: a dip, then the tumour comes back without the lock.
    let start = seeded("antigen-escape", seed).cancer_cells;
    let (end, least) = ending(seeded("antigen-escape", seed), steps);
    assert!(
        least < start / 3,
        "seed {seed}: no dip: least {least} of {start}"
    );
    assert!(
        end.cancer_without_lock > least,
        "seed {seed}: no comeback: {end:?}, least {least}"
    );
    // CD19 CAR T: healthy B cells fall.
    let carriers = seeded("b-cells-lost", seed).lock_carriers;
    let (end, _) = ending(seeded("b-cells-lost", seed), steps);
    assert!(
        end.carriers < carriers / 2,
        "seed {seed}: B cells kept: {end:?}"
    );
    // HLA mismatch: the TCR T cells kill nothing.
    let p = seeded("hla-mismatch", seed);
    let all = counts(p.clone(), steps);
    assert!(
        all.windows(2).all(|w| w[1].cancer() >= w[0].cancer()),
        "seed {seed}: a cancer cell died"
    );
    assert!(
        all.last().unwrap().t_cells == p.t_cells,
        "seed {seed}: T cells multiplied without killing"
    );
    // Many keys: after one lock is lost, TILs keep more of the tumour in check
    // than CAR T cells with the same losses.
    let til = seeded("many-keys", seed);
    let car_t = Params {
        therapy: Therapy::CarT,
        ..til.clone()
    };
    let (til_end, _) = ending(til, steps);
    let (car_t_end, _) = ending(car_t, steps);
    assert!(
        til_end.cancer() * 2 < car_t_end.cancer().max(1),
        "seed {seed}: TIL {til_end:?} vs CAR T {car_t_end:?}"
    );
    // Too few T cells: the tumour outgrows them.
    let p = seeded("too-few", seed);
    let (end, _) = ending(p.clone(), steps);
    assert!(end.cancer() > p.cancer_cells, "seed {seed}: {end:?}");
}

#[test]
fn no_parameters_in_range_break_the_model_and_out_of_range_ones_are_refused() {
    let mut rng = Rng(0x1AB);
    for case in 0..60 {
        let params = Params {
            therapy: Therapy::ALL[rng.below(3)],
            t_cells: rng.below(80) as u32,
            cancer_cells: rng.below(400) as u32,
            lockless_share: rng.unit(),
            loss_rate: rng.unit() * 0.5,
            growth: rng.unit() * 0.05,
            hla_match: rng.below(2) == 0,
            lock_carriers: rng.below(200) as u32,
            plain_cells: rng.below(200) as u32,
            kill_steps: 1 + rng.below(200) as u32,
            exhaustion: 1 + rng.below(1000) as u32,
            t_division: rng.unit(),
            carrier_return: rng.unit(),
            seed: rng.next(),
        };
        let mut run = Run::new(params.clone()).unwrap_or_else(|e| panic!("case {case}: {e}"));
        for _ in 0..150 {
            run.step();
            let w = &run.world;
            assert!(
                w.x.iter()
                    .chain(&w.y)
                    .all(|v| v.is_finite() && *v >= 0.0 && *v < w.side),
                "case {case}: a cell off the patch: {params:?}"
            );
        }
        let c = run.world.counts();
        assert_eq!(
            (c.cancer() + c.t_cells + c.carriers) as usize
                + run
                    .world
                    .kind
                    .iter()
                    .filter(|k| **k == car_t_sim::content::lab::Kind::Plain)
                    .count(),
            run.world.len(),
            "case {case}: counts do not add up"
        );
    }
    for bad in [
        Params {
            lockless_share: 1.5,
            ..Params::default()
        },
        Params {
            growth: f32::NAN,
            ..Params::default()
        },
        Params {
            kill_steps: 0,
            ..Params::default()
        },
        Params {
            t_cells: 3_000_000,
            ..Params::default()
        },
    ] {
        let error = World::new(bad).expect_err("out of range").to_string();
        assert!(error.contains("must be"), "{error}");
    }
}

#[test]
fn the_lab_file_is_checked_with_line_and_column() {
    let lab = Lab::built_in(&car_t_sim::story::ActiveStory::built_in_stories());
    assert!(lab.note.contains("not what would happen in any patient"));
    assert!(lab.presets.len() >= 5);
    let broken =
        car_t_sim::content::lab::SOURCE.replacen("param: \"growth\"", "param: \"speed\"", 1);
    let errors = parse(&broken, &car_t_sim::story::ActiveStory::built_in_stories()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.contains("no parameter \"speed\""));
    assert_eq!(
        errors[0].line,
        crate::common::pos_of(&broken, "param: \"speed\"", 0).0
    );
    let broken =
        car_t_sim::content::lab::SOURCE.replacen("t_cells: 3,", "t_cells: 3, growth: 0.9,", 1);
    let errors = parse(&broken, &car_t_sim::story::ActiveStory::built_in_stories()).unwrap_err();
    assert!(errors[0].message.contains("growth must be"), "{errors:#?}");
    // A rule no source states must say it is the model's own assumption.
    let broken =
        car_t_sim::content::lab::SOURCE.replacen("cite: [], assumption: true", "cite: []", 1);
    let errors = parse(&broken, &car_t_sim::story::ActiveStory::built_in_stories()).unwrap_err();
    assert!(
        errors[0].message.contains("must cite a source"),
        "{errors:#?}"
    );
    let assumed: Vec<_> = lab.rules.iter().filter(|r| r.assumption).collect();
    assert!(
        assumed
            .iter()
            .all(|r| r.cite.is_empty() && r.shows.starts_with("In the model"))
    );
}

#[test]
fn the_headless_lab_writes_its_counts_as_csv() {
    let dir = temp_dir("lab-csv");
    let file = dir.join("run.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_car-t-sim"))
        .args([
            "lab",
            "--therapy",
            "til",
            "--preset",
            "many-keys",
            "--seed",
            "7",
            "--steps",
            "50",
            "--csv",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], Counts::CSV_HEADER);
    assert_eq!(lines.len(), 52, "a header, step 0 and 50 steps");
    let params = Params {
        seed: 7,
        ..preset("many-keys")
    };
    let expected = counts(params, 50);
    assert_eq!(lines[51], expected[50].csv());
    // A wrong name is a clear message, not a panic.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_car-t-sim"))
        .args(["lab", "--preset", "nothing"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no preset \"nothing\""));
}

/// The screen shown.
fn screen(app: &App) -> car_t_sim::screens::screen::Screen {
    *app.world()
        .resource::<State<car_t_sim::screens::screen::Screen>>()
        .get()
}

fn lab_run(app: &App) -> LabRun {
    app.world().resource::<LabRun>().clone()
}

#[test]
fn l_opens_the_lab_where_the_patch_follows_the_playhead_and_digits_pick_presets() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::ArrowRight, false);
    let walkthrough = playhead(&app);
    press(&mut app, KeyCode::KeyL, false);
    app.update();
    assert_eq!(screen(&app), car_t_sim::screens::screen::Screen::Lab);
    assert_eq!(
        app.world()
            .resource::<car_t_sim::playback::Timeline>()
            .durations,
        car_t_sim::screens::lab::timeline().durations
    );
    let lab = app.world().resource::<ActiveLab>().clone();
    let run = lab_run(&app);
    assert_eq!(run.preset, 0);
    assert_eq!(run.history.len() as u64, RUN_STEPS + 1);
    // One drawn cell per cell of the patch (the patch itself aside).
    app.update();
    let shown = |app: &mut App| {
        app.world_mut()
            .query::<(&LabCells, &Visibility)>()
            .iter(app.world())
            .filter(|(c, v)| c.0 != usize::MAX && **v != Visibility::Hidden)
            .count()
    };
    assert_eq!(shown(&mut app), lab_run(&app).run.world.len());
    // The lesson, with the note that it is a teaching model.
    let words = one::<Text, LabText>(&mut app).0;
    assert!(words.contains(&lab.lab.presets[0].lesson), "{words}");
    let note = one::<TextSpan, LabNote>(&mut app).0;
    assert!(note.contains(&lab.lab.note), "{note}");
    // Paused, a digit picks a preset and starts it from the beginning.
    if playhead(&app).playing {
        press(&mut app, KeyCode::Space, false);
    }
    press(&mut app, KeyCode::Digit2, false);
    app.update();
    assert_eq!(lab_run(&app).preset, 1);
    assert_eq!(playhead(&app).time, 0.0);
    let words = one::<Text, LabText>(&mut app).0;
    assert!(words.contains(&lab.lab.presets[1].lesson), "{words}");
    // Playing moves the patch on, step by step with the playhead.
    press(&mut app, KeyCode::Space, false);
    for _ in 0..40 {
        app.update();
    }
    let run = lab_run(&app);
    let step = run.run.world.step;
    assert!(step > 0);
    assert_eq!(step, LabRun::step_at(playhead(&app).time));
    assert_eq!(shown(&mut app), run.run.world.len());
    // Seeking back shows exactly what a fresh run shows at that step.
    press(&mut app, KeyCode::Space, false);
    app.world_mut()
        .resource_mut::<car_t_sim::playback::Playhead>()
        .time = 30.0;
    app.update();
    assert_eq!(lab_run(&app).run.world.step, 600);
    app.world_mut()
        .resource_mut::<car_t_sim::playback::Playhead>()
        .time = 12.33;
    app.update();
    let back = lab_run(&app).run.world.step;
    assert_eq!(back, 246);
    let mut fresh = Run::new(lab.lab.presets[1].params.clone()).unwrap();
    fresh.seek(back);
    assert_eq!(lab_run(&app).run.world, fresh.world);
    // L again: back to the walkthrough, where it was.
    press(&mut app, KeyCode::KeyL, false);
    app.update();
    assert_eq!(
        screen(&app),
        car_t_sim::screens::screen::Screen::Walkthrough
    );
    assert_eq!(playhead(&app).stage, walkthrough.stage);
    assert_eq!(count_of::<LabView>(&mut app), 0);
    assert_eq!(count_of::<LabCells>(&mut app), 0);
    // Opened again, the plot is drawn again.
    press(&mut app, KeyCode::KeyL, false);
    app.update();
    app.update();
    assert!(
        !plot_line(&mut app).is_empty(),
        "an empty plot on reopening"
    );
}

/// The vertices of the plot's line of cancer cells with the lock.
fn plot_line(app: &mut App) -> Vec<[f32; 3]> {
    let handle = app
        .world_mut()
        .query::<(&Name, &Mesh2d)>()
        .iter(app.world())
        .find(|(n, _)| n.as_str() == "Cancer cells with the lock")
        .map(|(_, m)| m.0.clone())
        .expect("the plot's line");
    let meshes = app.world().resource::<Assets<Mesh>>();
    match meshes
        .get(&handle)
        .and_then(|m| m.attribute(Mesh::ATTRIBUTE_POSITION))
    {
        Some(bevy::mesh::VertexAttributeValues::Float32x3(v)) => v.clone(),
        _ => vec![],
    }
}

#[test]
fn the_lab_is_the_choosers_last_entry_and_lists_its_own_sources() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyO, false);
    press(&mut app, KeyCode::Digit5, false);
    app.update();
    assert_eq!(screen(&app), car_t_sim::screens::screen::Screen::Lab);
    press(&mut app, KeyCode::KeyS, false);
    app.update();
    let lab = app.world().resource::<ActiveLab>().clone();
    assert!(!lab.numbered.is_empty());
    let shown = texts(&mut app);
    for (i, source) in lab.numbered.iter().enumerate() {
        let line = format!("{}. {}", i + 1, source.reference());
        assert!(shown.contains(&line), "{line} not listed");
    }
}

/// The entity of one of the lab's controls.
fn control(app: &mut App, which: LabControl) -> Entity {
    let mut q = app.world_mut().query::<(Entity, &LabControl)>();
    q.iter(app.world())
        .find(|(_, c)| **c == which)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("no {which:?} control"))
}

#[test]
fn the_controls_change_one_rule_by_key_and_by_click_and_a_preset_undoes_them() {
    let mut app = headless_screen();
    press(&mut app, KeyCode::KeyL, false);
    app.update();
    let lab = app.world().resource::<ActiveLab>().clone();
    let preset = lab.lab.presets[0].params.clone();
    let stage = playhead(&app).stage;
    // A focused slider takes the arrow keys, through its own key handling
    // as in the app: two presses, two steps of 5 T cells (once each: the lab
    // used to add its own step on top of the slider's).
    let slider = control(&mut app, LabControl::TCells);
    app.world_mut()
        .resource_mut::<bevy::input_focus::InputFocus>()
        .set(slider, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::ArrowRight, false);
    press(&mut app, KeyCode::ArrowRight, false);
    app.update();
    let run = lab_run(&app);
    assert_eq!(run.params.t_cells, preset.t_cells + 10);
    assert_eq!(run.run.world.params.t_cells, preset.t_cells + 10);
    assert_eq!(
        playhead(&app).stage,
        stage,
        "the arrows did not move the playhead"
    );
    let words = one::<Text, LabText>(&mut app).0;
    assert!(words.starts_with("Your own rules"), "{words}");
    // The slider shows the value, for the eye and the screen reader.
    let value = app
        .world()
        .get::<bevy::ui_widgets::SliderValue>(slider)
        .unwrap()
        .0;
    assert_eq!(value, (preset.t_cells + 10) as f32);
    // The growth slider: one step down, 0.1% a step less.
    let growth = control(&mut app, LabControl::Growth);
    app.world_mut()
        .resource_mut::<bevy::input_focus::InputFocus>()
        .set(growth, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::ArrowLeft, false);
    app.update();
    assert!((lab_run(&app).params.growth - (preset.growth - 0.001)).abs() < 1e-6);
    // The checkbox: Space turns the HLA match off.
    let check = control(&mut app, LabControl::HlaMatch);
    app.world_mut()
        .resource_mut::<bevy::input_focus::InputFocus>()
        .set(check, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::Space, false);
    app.update();
    assert!(!lab_run(&app).params.hla_match);
    // The plot follows: its cancer line is drawn again for the new rules.
    let before = plot_line(&mut app);
    assert!(!before.is_empty());
    // The focused radio group takes the arrows too: one press, the next
    // therapy.
    let group = control(&mut app, LabControl::Therapy);
    app.world_mut()
        .resource_mut::<bevy::input_focus::InputFocus>()
        .set(group, bevy::input_focus::FocusCause::Navigated);
    press(&mut app, KeyCode::ArrowRight, false);
    app.update();
    assert_eq!(lab_run(&app).params.therapy, Therapy::Tcr);
    press(&mut app, KeyCode::ArrowLeft, false);
    app.update();
    assert_eq!(lab_run(&app).params.therapy, Therapy::CarT);
    // A click on the TCR radio button changes the therapy.
    let tcr = control(&mut app, LabControl::TherapyIs(Therapy::Tcr));
    crate::common::click(&mut app, tcr);
    app.update();
    let run = lab_run(&app);
    assert_eq!(run.params.therapy, Therapy::Tcr);
    assert!(plot_line(&mut app) != before, "the plot kept the old rules");
    // TCR T cells with no HLA match kill nothing in the whole run.
    assert!(
        run.history
            .windows(2)
            .all(|w| w[1].cancer() >= w[0].cancer())
    );
    // Choosing a preset again drops the changes.
    app.world_mut()
        .resource_mut::<bevy::input_focus::InputFocus>()
        .clear();
    press(&mut app, KeyCode::Digit1, false);
    app.update();
    assert_eq!(lab_run(&app).params, preset);
    assert!(app.world().resource::<LabChanges>().0.is_none());
}
