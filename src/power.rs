//! Power: while playing, redraw every frame; while paused or blanked (which
//! pauses), redraw only on input, so a paused laptop's CPU stays near 0%.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bevy::prelude::*;
use bevy::render::render_resource::PipelineCache;
use bevy::render::{Render, RenderApp};
use bevy::winit::{UpdateMode, WinitSettings};

use crate::playback::Playhead;
use crate::story::{ActiveStory, StoryOrigin};
use crate::view::View;

/// How many render pipelines are still compiling, as the render world last
/// saw (`usize::MAX` before it has looked). Shaders compile in the
/// background, and until they are ready what needs them is not drawn.
#[derive(Resource, Clone)]
pub struct PipelinesWaiting(Arc<AtomicUsize>);

impl PipelinesWaiting {
    /// Pipelines still compiling.
    pub fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }

    /// Counts the render world's compiling pipelines into the main world's
    /// [`PipelinesWaiting`] (added by this call) every frame.
    pub fn track(app: &mut App) {
        let waiting = PipelinesWaiting(Arc::new(AtomicUsize::new(usize::MAX)));
        if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
            render_app
                .insert_resource(waiting.clone())
                .add_systems(Render, report_waiting_pipelines);
        }
        app.insert_resource(waiting);
    }
}

fn report_waiting_pipelines(cache: Res<PipelineCache>, waiting: Res<PipelinesWaiting>) {
    waiting
        .0
        .store(cache.waiting_pipelines().count(), Ordering::SeqCst);
}

/// While paused, how often the app still wakes when something may change
/// without input: a story file being edited (hot reload), or a kiosk's idle
/// timer.
pub const WATCH_WAKE: Duration = Duration::from_secs(5);
/// While paused with nothing to watch, a rare wake as a safety net.
pub const IDLE_WAKE: Duration = Duration::from_secs(60);

/// Redraws as little as the screen allows (interactive mode only).
pub fn plugin(app: &mut App) {
    PipelinesWaiting::track(app);
    app.add_systems(Last, save_power);
}

/// What the event loop should do: run continuously while playing or while
/// shaders still compile (so the first paused frame is complete), else wait
/// for input, waking every `wake`.
pub fn update_mode(playing: bool, compiling: bool, wake: Duration) -> UpdateMode {
    if playing || compiling {
        UpdateMode::Continuous
    } else {
        UpdateMode::reactive_low_power(wake)
    }
}

fn save_power(
    playhead: Res<Playhead>,
    view: Res<View>,
    story: Res<ActiveStory>,
    waiting: Res<PipelinesWaiting>,
    mut winit: ResMut<WinitSettings>,
) {
    let watching = view.kiosk || matches!(story.origin, StoryOrigin::File(_));
    let wake = if watching { WATCH_WAKE } else { IDLE_WAKE };
    // Playing on also when the window lost focus, as when a teacher clicks
    // another window on the projector.
    let mode = update_mode(playhead.playing, waiting.count() > 0, wake);
    if winit.focused_mode != mode || winit.unfocused_mode != mode {
        winit.focused_mode = mode;
        winit.unfocused_mode = mode;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_paused_settled_screen_waits() {
        assert_eq!(update_mode(true, false, IDLE_WAKE), UpdateMode::Continuous);
        assert_eq!(update_mode(false, true, IDLE_WAKE), UpdateMode::Continuous);
        assert_eq!(
            update_mode(false, false, IDLE_WAKE),
            UpdateMode::reactive_low_power(IDLE_WAKE)
        );
    }
}
