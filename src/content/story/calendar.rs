//! The patient's calendar's scale: the days a story's track shows, the
//! labelled days and what their labels say; the app's strip and the
//! handout's drawing share it.

use super::model::Story;

/// The days the track shows: a little before the earliest day any stage
/// names, to a little after the latest, always with day 0.
pub fn axis(story: &Story) -> (i32, i32) {
    let days = story.stages.iter().filter_map(|s| s.days.as_ref());
    let named: Vec<i32> = days
        .flat_map(|d| [d.from, d.to])
        .flat_map(|day| [day.earliest(), day.latest()])
        .flatten()
        .collect();
    let low = named.iter().copied().min().unwrap_or(-7).min(0);
    let high = named.iter().copied().max().unwrap_or(7).max(0);
    // Room for the outer day labels to sit centred on their days.
    let margin = ((high - low) / 7).max(3);
    (low - margin, high + margin)
}

/// The labelled days of an axis: day 0 and whole weeks either side of it,
/// spaced so that the labels do not crowd.
pub fn ticks((low, high): (i32, i32)) -> Vec<i32> {
    let step = match high - low {
        span if span > 60 => 28,
        span if span > 25 => 14,
        _ => 7,
    };
    let first = low.div_euclid(step) * step;
    (0..)
        .map(|i| first + i * step)
        .skip_while(|&d| d < low + 2)
        .take_while(|&d| d <= high - 2)
        .collect()
}

/// What a day label says.
pub fn tick_label(day: i32) -> String {
    let (n, side) = match day {
        0 => return "day 0: infusion".into(),
        d if d < 0 => (-d, "before"),
        d => (d, "after"),
    };
    match n % 7 {
        0 if n == 7 => format!("1 week {side}"),
        0 => format!("{} weeks {side}", n / 7),
        _ => format!("{n} days {side}"),
    }
}

/// Where a day starts on the track, in percent of its width.
pub fn at(day: i32, (low, high): (i32, i32)) -> f32 {
    (day - low) as f32 / (high - low).max(1) as f32 * 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_whole_weeks_around_day_0() {
        assert_eq!(ticks((-68, 40)), vec![-56, -28, 0, 28]);
        assert_eq!(ticks((-26, 6)), vec![-14, 0]);
        assert_eq!(ticks((-12, 6)), vec![-7, 0]);
    }

    #[test]
    fn tick_labels_say_before_and_after() {
        assert_eq!(tick_label(0), "day 0: infusion");
        assert_eq!(tick_label(-56), "8 weeks before");
        assert_eq!(tick_label(7), "1 week after");
        assert_eq!(tick_label(-3), "3 days before");
    }
}
