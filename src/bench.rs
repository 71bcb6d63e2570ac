//! Performance figures, printed the same way by `car-t-sim bench` and by the
//! bare-Bevy baseline (examples/baseline.rs): frame time percentiles per
//! stage, time from process start to the first presented frame, peak RSS.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::render::{Render, RenderApp, RenderSystems};

use crate::frame::Frame;
use crate::playback::Playhead;
use crate::story::ActiveStory;

static PROCESS_START: OnceLock<Instant> = OnceLock::new();
static FIRST_PRESENT: OnceLock<Instant> = OnceLock::new();

/// Frames at the very start that are not counted (window creation, first
/// shader compiles): start-up has its own figure.
const WARM_UP_FRAMES: u32 = 10;

/// Call first thing in `main`: start-up is measured from here.
pub fn mark_process_start() {
    PROCESS_START.get_or_init(Instant::now);
}

/// Peak resident memory of this process in MiB (Linux), if known.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The `p`th percentile (0-100) of sorted samples, nearest rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// CPU time this process has used so far, all threads together (user and
/// system, from /proc on Linux; in clock ticks of 10 ms), if known.
pub fn process_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name in brackets may hold spaces: count fields after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

/// Milliseconds in one clock tick of [`process_cpu_ticks`] (Linux's
/// `USER_HZ` is 100 on every architecture Bevy runs on).
const MS_PER_TICK: f64 = 10.0;

/// One line of frame figures, as both programs print it: wall time per
/// frame, and the CPU time per frame of all the process's threads (the
/// software renderer's included), which a busy machine disturbs less.
pub fn frame_line(index: usize, name: &str, samples: &[Duration], cpu_ms: f64) -> String {
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    format!(
        "frame stage={index} name={name} frames={} p50_ms={:.3} p95_ms={:.3} p99_ms={:.3} cpu_ms={cpu_ms:.2}",
        ms.len(),
        percentile(&ms, 50.0),
        percentile(&ms, 95.0),
        percentile(&ms, 99.0)
    )
}

/// The closing lines: start-up and peak memory.
pub fn summary_lines() -> String {
    let startup = match (PROCESS_START.get(), FIRST_PRESENT.get()) {
        (Some(start), Some(first)) => first.duration_since(*start).as_secs_f64() * 1000.0,
        _ => f64::NAN,
    };
    format!(
        "startup_ms={startup:.1}\npeak_rss_mib={:.1}",
        peak_rss_mib().unwrap_or(f64::NAN)
    )
}

fn mark_first_present() {
    FIRST_PRESENT.get_or_init(Instant::now);
}

/// Records when the first frame has been rendered and presented.
pub fn first_present_plugin(app: &mut App) {
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app.add_systems(Render, mark_first_present.after(RenderSystems::Render));
    }
}

/// Frame times collected so far, by section (a stage, or the whole baseline).
#[derive(Resource, Default)]
pub struct FrameTimes {
    /// Samples of each section, in order.
    pub sections: Vec<(String, Vec<Duration>)>,
    /// Process CPU ticks when each section began and when its latest frame
    /// ended.
    cpu: Vec<(u64, u64)>,
    /// Process CPU ticks when the latest frame ended.
    last_ticks: u64,
    frames_seen: u32,
}

impl FrameTimes {
    /// Counts the last frame's wall time (and the CPU time since the frame
    /// before) into the current section.
    pub fn record(&mut self, delta: Duration) {
        let ticks = process_cpu_ticks().unwrap_or(0);
        let before = std::mem::replace(&mut self.last_ticks, ticks);
        self.frames_seen += 1;
        if self.frames_seen <= WARM_UP_FRAMES {
            return;
        }
        let Some((_, samples)) = self.sections.last_mut() else {
            return;
        };
        samples.push(delta);
        let index = self.sections.len() - 1;
        if self.cpu.len() <= index {
            self.cpu.resize(index + 1, (before, before));
        }
        self.cpu[index].1 = ticks;
    }

    /// CPU milliseconds per frame in section `index`.
    fn cpu_ms(&self, index: usize) -> f64 {
        let frames = self.sections.get(index).map_or(0, |s| s.1.len());
        match self.cpu.get(index) {
            Some(&(start, end)) if frames > 0 => (end - start) as f64 * MS_PER_TICK / frames as f64,
            _ => f64::NAN,
        }
    }

    /// Every section's line.
    pub fn report(&self) -> String {
        self.sections
            .iter()
            .enumerate()
            .map(|(i, (name, samples))| frame_line(i + 1, name, samples, self.cpu_ms(i)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `car-t-sim bench`: shows each stage for `frames` frames, stepping its time
/// evenly from start to end, then prints the figures and quits.
pub struct BenchPlugin {
    /// Frames per stage.
    pub frames: u32,
}

#[derive(Resource)]
struct BenchRun {
    frames: u32,
    stage: usize,
    frame: u32,
    started: bool,
}

impl Plugin for BenchPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(BenchRun {
            frames: self.frames.max(1),
            stage: 0,
            frame: 0,
            started: false,
        })
        .init_resource::<FrameTimes>()
        .add_plugins(first_present_plugin)
        .add_systems(Update, drive_bench.in_set(Frame::Read));
    }
}

fn drive_bench(
    time: Res<Time<Real>>,
    story: Res<ActiveStory>,
    screen: Res<State<crate::screens::screen::Screen>>,
    mut run: ResMut<BenchRun>,
    mut times: ResMut<FrameTimes>,
    mut playhead: ResMut<Playhead>,
    mut exit: MessageWriter<AppExit>,
) {
    // The walkthrough's stages, or the lab's one run.
    let stages: Vec<(String, f32)> = if *screen.get() == crate::screens::screen::Screen::Lab {
        vec![("lab".into(), crate::screens::lab::timeline().durations[0])]
    } else {
        story
            .story
            .stages
            .iter()
            .map(|s| (s.id.clone(), s.duration))
            .collect()
    };
    if run.started {
        times.record(time.delta());
    }
    // Hold the first stage until the warm-up frames have passed.
    if !run.started || times.frames_seen < WARM_UP_FRAMES {
        run.started = true;
        if times.sections.is_empty() {
            times.sections.push((stages[0].0.clone(), Vec::new()));
        }
        *playhead = Playhead {
            stage: 0,
            time: 0.0,
            playing: false,
            ..playhead.clone()
        };
        return;
    }
    if run.frame >= run.frames {
        run.frame = 0;
        run.stage += 1;
        if run.stage >= stages.len() {
            println!("{}\n{}", times.report(), summary_lines());
            exit.write(AppExit::Success);
            return;
        }
        times
            .sections
            .push((stages[run.stage].0.clone(), Vec::new()));
    }
    let (_, duration) = &stages[run.stage];
    *playhead = Playhead {
        stage: run.stage,
        time: duration * run.frame as f32 / run.frames as f32,
        playing: false,
        ..playhead.clone()
    };
    run.frame += 1;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 95.0), 95.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&[3.0], 99.0), 3.0);
    }

    #[test]
    fn a_frame_line_has_every_field() {
        let line = frame_line(
            2,
            "freezing",
            &[Duration::from_millis(4), Duration::from_millis(6)],
            7.5,
        );
        assert_eq!(
            line,
            "frame stage=2 name=freezing frames=2 p50_ms=4.000 p95_ms=6.000 p99_ms=6.000 cpu_ms=7.50"
        );
    }

    #[test]
    fn this_process_has_used_cpu_time() {
        // Spin until the kernel has counted at least one tick.
        let before = process_cpu_ticks().expect("Linux has /proc/self/stat");
        let start = Instant::now();
        let mut x = 0u64;
        while process_cpu_ticks().unwrap() == before && start.elapsed() < Duration::from_secs(5) {
            x = x.wrapping_add(1);
        }
        assert!(
            process_cpu_ticks().unwrap() > before,
            "{x} spins counted no time"
        );
    }

    #[test]
    fn cpu_time_is_split_by_section() {
        let mut times = FrameTimes {
            frames_seen: WARM_UP_FRAMES,
            ..default()
        };
        times.sections.push(("a".into(), Vec::new()));
        times.record(Duration::from_millis(1));
        times.record(Duration::from_millis(1));
        // Fake counters: section a used 4 ticks over its 2 frames.
        times.cpu[0] = (100, 104);
        times.last_ticks = 104;
        times.sections.push(("b".into(), Vec::new()));
        times.record(Duration::from_millis(1));
        assert_eq!(times.cpu[1].0, 104, "b starts where a ended");
        assert_eq!(times.cpu_ms(0), 2.0 * MS_PER_TICK);
        assert!(times.cpu_ms(2).is_nan(), "no such section");
    }
}
