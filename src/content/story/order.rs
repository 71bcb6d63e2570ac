//! The order of a patient's days: the cells must be made and frozen, and
//! confirmed ready, before the lymphodepleting chemotherapy starts (the
//! labels of the approved products say to confirm that the product is
//! available before starting it), and the infusion comes after that
//! chemotherapy. A story whose calendar breaks this order would teach a
//! family the wrong sequence, so validation rejects it.
//!
//! Days may be ranges (`Before(-21)`: day -21 or earlier), so each check
//! asks whether the order can break anywhere in the ranges, not only at
//! their pinned ends.

use super::model::{Story, TreatmentStep};
use super::spans::Spans;
use crate::content::diagnostic::Diagnostic;

/// Where the chemotherapy-then-infusion span is, and how early it can start.
struct Chemo {
    stage: usize,
    /// The earliest day the chemotherapy can start.
    first: i32,
}

/// Every problem with the order of the marked steps' days.
pub(super) fn check(story: &Story, spans: &Spans) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut say =
        |path: String, message: String| out.push(Diagnostic::at(spans.at(&path), message));
    let marked = |step: TreatmentStep| {
        story
            .stages
            .iter()
            .enumerate()
            .filter_map(move |(s, stage)| {
                let days = stage.days.as_ref()?;
                (days.step == Some(step)).then_some((s, days))
            })
    };

    let treatments: Vec<_> = marked(TreatmentStep::ChemoThenInfusion).collect();
    for (s, _) in treatments.iter().skip(1) {
        say(
            format!("stages[{s}].days.step"),
            format!(
                "a second chemotherapy-then-infusion span (the first is stage {}): a story has one",
                treatments[0].0 + 1
            ),
        );
    }
    let mut chemo: Option<Chemo> = None;
    if let Some(&(s, days)) = treatments.first() {
        let here = format!("stages[{s}].days");
        // The infusion (the span's last day) must come after the first
        // chemotherapy day, whatever the ranges.
        if let (Some(start), Some(infusion)) = (days.from.latest(), days.to.earliest())
            && infusion <= start
        {
            say(
                format!("{here}.to"),
                format!(
                    "the infusion ({:?}) can come on or before the first day of chemotherapy \
                     ({:?}): the chemotherapy comes first",
                    days.to, days.from
                ),
            );
        }
        match days.from.earliest() {
            Some(first) => chemo = Some(Chemo { stage: s, first }),
            None => say(
                format!("{here}.from"),
                format!(
                    "{:?}: the chemotherapy's first day needs an earliest day (At or Between), \
                     so that the lab's days can be checked against it",
                    days.from
                ),
            ),
        }
    }

    let making: Vec<_> = marked(TreatmentStep::Making).collect();
    let freezing: Vec<_> = marked(TreatmentStep::Freezing).collect();
    let Some(chemo) = chemo else {
        if treatments.is_empty()
            && let Some((s, _)) = making.first().or(freezing.first())
        {
            say(
                format!("stages[{s}].days.step"),
                "the story marks the lab's or the freezing's days but no span as \
                 ChemoThenInfusion, so their order cannot be checked"
                    .into(),
            );
        }
        return out;
    };
    let chemo_title = &story.stages[chemo.stage].title;
    for (s, days) in making {
        // The last day the lab can still be working on the cells.
        let reach = days.to.latest();
        if reach.is_none_or(|last| last >= chemo.first) {
            say(
                format!("stages[{s}].days.to"),
                format!(
                    "the lab's days ({:?}) can reach day {}, when the chemotherapy of stage {} \
                     (\"{chemo_title}\") can start: the cells must be made before it starts",
                    days.to,
                    chemo.first,
                    chemo.stage + 1
                ),
            );
        }
    }
    for (s, days) in freezing {
        // The last day the freezing can start.
        let start = days.from.latest();
        if start.is_none_or(|day| day >= chemo.first) {
            say(
                format!("stages[{s}].days.from"),
                format!(
                    "the freezing can start on day {} or later ({:?}), but the chemotherapy of \
                     stage {} (\"{chemo_title}\") can start on day {}: the cells are frozen and \
                     ready before it starts (storage may last until the thaw on day 0)",
                    start.map_or("?".into(), |d| d.to_string()),
                    days.from,
                    chemo.stage + 1,
                    chemo.first
                ),
            );
        }
    }
    out
}
