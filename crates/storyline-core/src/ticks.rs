//! Axis ticks that adapt to the visible span (millennia down to minutes) and never overlap.
//!
//! Like d3-time's interval table, a fixed list of calendar intervals is tried from finest to
//! coarsest; the first whose narrowest gap on screen still fits its widest label wins. Calendar
//! steps (months, days) follow the real calendar rather than fixed durations.

use super::date::{
    calendar_seconds, days_in_month, format_year, CalendarTime, Seconds, MONTH_NAMES,
    SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MINUTE,
};
use super::scale::TimeScale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TickInterval {
    pub unit: TickUnit,
    pub step: u32,
}

const fn interval(unit: TickUnit, step: u32) -> TickInterval {
    TickInterval { unit, step }
}

/// From finest to coarsest. Steps divide their parent unit so ticks line up across boundaries.
pub const INTERVALS: &[TickInterval] = &[
    interval(TickUnit::Minute, 1),
    interval(TickUnit::Minute, 5),
    interval(TickUnit::Minute, 15),
    interval(TickUnit::Minute, 30),
    interval(TickUnit::Hour, 1),
    interval(TickUnit::Hour, 3),
    interval(TickUnit::Hour, 6),
    interval(TickUnit::Hour, 12),
    interval(TickUnit::Day, 1),
    interval(TickUnit::Day, 2),
    interval(TickUnit::Day, 7),
    interval(TickUnit::Month, 1),
    interval(TickUnit::Month, 3),
    interval(TickUnit::Month, 6),
    interval(TickUnit::Year, 1),
    interval(TickUnit::Year, 2),
    interval(TickUnit::Year, 5),
    interval(TickUnit::Year, 10),
    interval(TickUnit::Year, 20),
    interval(TickUnit::Year, 50),
    interval(TickUnit::Year, 100),
    interval(TickUnit::Year, 200),
    interval(TickUnit::Year, 500),
    interval(TickUnit::Year, 1_000),
    interval(TickUnit::Year, 2_000),
    interval(TickUnit::Year, 5_000),
    interval(TickUnit::Year, 10_000),
];

/// Space kept between two labels, in pixels.
pub const LABEL_GAP: f64 = 14.0;

/// Short month names for month ticks.
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Far more ticks than any screen could show: a guard against a runaway loop.
const MAX_TICKS: usize = 2_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub time: Seconds,
    pub x: f64,
    pub label: String,
}

/// The ticks for one window: fine ticks, the boundaries of the next unit up ("2022" above
/// months), and the name of that unit at the left edge, so the reader always knows where they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub interval: TickInterval,
    pub minor: Vec<Tick>,
    pub major: Vec<Tick>,
    pub context: Option<String>,
    /// The instant at the left edge, which `context` names.
    pub start: Seconds,
    /// The width the ticks were made for, in pixels.
    pub width: f64,
}

impl TickInterval {
    /// The shortest time between two ticks of this interval.
    fn shortest_gap(&self) -> Seconds {
        let step = f64::from(self.step);
        match self.unit {
            TickUnit::Minute => step * SECONDS_PER_MINUTE,
            TickUnit::Hour => step * SECONDS_PER_HOUR,
            TickUnit::Day => step * SECONDS_PER_DAY,
            TickUnit::Month => step * 28.0 * SECONDS_PER_DAY,
            // Around year 0 the human count skips a year (10 BCE to 10 CE is 19 years).
            TickUnit::Year => (step - f64::from(u8::from(self.step > 1))) * 365.0 * SECONDS_PER_DAY,
        }
    }

    /// The widest label this interval writes in the window, in characters.
    fn widest_label_chars(&self, scale: &TimeScale) -> usize {
        match self.unit {
            TickUnit::Minute | TickUnit::Hour => 5,
            TickUnit::Day => 2,
            TickUnit::Month => 3,
            TickUnit::Year => [scale.start, scale.end]
                .iter()
                .map(|&time| {
                    format_year(CalendarTime::from_seconds(time).year)
                        .chars()
                        .count()
                })
                .max()
                .unwrap_or(4),
        }
    }
}

/// Chooses the finest interval whose labels fit and lists its ticks across the window.
/// `char_width` is the width of one label character in pixels.
pub fn generate_ticks(scale: &TimeScale, char_width: f64) -> Ticks {
    let interval = choose_interval(scale, char_width);
    let minor = minor_ticks(scale, interval);
    let (major, context) = major_ticks(scale, interval.unit);
    Ticks {
        interval,
        minor,
        major,
        context,
        start: scale.start,
        width: scale.width,
    }
}

pub fn choose_interval(scale: &TimeScale, char_width: f64) -> TickInterval {
    INTERVALS
        .iter()
        .copied()
        .find(|interval| {
            let label_width = interval.widest_label_chars(scale) as f64 * char_width + LABEL_GAP;
            scale.length(interval.shortest_gap()) >= label_width
        })
        .unwrap_or(INTERVALS[INTERVALS.len() - 1])
}

fn minor_ticks(scale: &TimeScale, interval: TickInterval) -> Vec<Tick> {
    let tick = |time: Seconds, label: String| Tick {
        time,
        x: scale.x(time),
        label,
    };
    let step = interval.step;
    let first = CalendarTime::from_seconds(scale.start);
    let mut ticks = Vec::new();
    match interval.unit {
        TickUnit::Minute | TickUnit::Hour => {
            let unit_seconds = if interval.unit == TickUnit::Hour {
                SECONDS_PER_HOUR
            } else {
                SECONDS_PER_MINUTE
            };
            let step_seconds = unit_seconds * f64::from(step);
            let mut time = (scale.start / step_seconds).floor() * step_seconds;
            while time <= scale.end && ticks.len() < MAX_TICKS {
                let at = CalendarTime::from_seconds(time + 0.5);
                ticks.push(tick(time, format!("{:02}:{:02}", at.hour, at.minute)));
                time += step_seconds;
            }
        }
        TickUnit::Day => {
            let (mut year, mut month) = (first.year, first.month);
            'months: while ticks.len() < MAX_TICKS {
                let last_day = days_in_month(year, month);
                let mut day = 1;
                // Skip a last tick that would crowd the next month's first one.
                while day <= last_day && (step == 1 || day + step <= last_day + 1) {
                    let time = calendar_seconds(year, month, day);
                    if time > scale.end {
                        break 'months;
                    }
                    if time >= scale.start - SECONDS_PER_DAY * f64::from(step) {
                        ticks.push(tick(time, day.to_string()));
                    }
                    day += step;
                }
                (year, month) = super::date::next_month(year, month);
            }
        }
        TickUnit::Month => {
            let first_index = i64::from(first.year) * 12 + i64::from(first.month - 1);
            let mut index = first_index - first_index.rem_euclid(i64::from(step));
            while ticks.len() < MAX_TICKS {
                let year = index.div_euclid(12) as i32;
                let month = index.rem_euclid(12) as u32 + 1;
                let time = calendar_seconds(year, month, 1);
                if time > scale.end {
                    break;
                }
                ticks.push(tick(
                    time,
                    MONTH_ABBREVIATIONS[month as usize - 1].to_string(),
                ));
                index += i64::from(step);
            }
        }
        TickUnit::Year => {
            let step = step as i32;
            // Ticks fall on multiples of the step in the human count on both sides of year 0:
            // …, 20 BCE, 10 BCE, 10, 20, …
            let mut multiple = first.year.div_euclid(step) * step;
            while ticks.len() < MAX_TICKS {
                let astronomical = if multiple > 0 { multiple } else { multiple + 1 };
                if multiple != 0 {
                    let time = calendar_seconds(astronomical, 1, 1);
                    if time > scale.end {
                        break;
                    }
                    if time >= scale.start - 366.0 * SECONDS_PER_DAY * f64::from(step) {
                        ticks.push(tick(time, format_year(astronomical)));
                    }
                }
                multiple += step;
            }
        }
    }
    ticks
}

/// Boundaries of the unit above the ticks' own, and the label of the one at the left edge.
fn major_ticks(scale: &TimeScale, unit: TickUnit) -> (Vec<Tick>, Option<String>) {
    let at_start = CalendarTime::from_seconds(scale.start);
    let mut major = Vec::new();
    let context = match unit {
        TickUnit::Year => return (major, None),
        TickUnit::Month => {
            let mut year = at_start.year;
            loop {
                let time = calendar_seconds(year, 1, 1);
                if time > scale.end || major.len() >= MAX_TICKS {
                    break;
                }
                if time > scale.start {
                    major.push(Tick {
                        time,
                        x: scale.x(time),
                        label: format_year(year),
                    });
                }
                year += 1;
            }
            format_year(at_start.year)
        }
        TickUnit::Day => {
            let (mut year, mut month) = (at_start.year, at_start.month);
            loop {
                let time = calendar_seconds(year, month, 1);
                if time > scale.end || major.len() >= MAX_TICKS {
                    break;
                }
                if time > scale.start {
                    major.push(Tick {
                        time,
                        x: scale.x(time),
                        label: month_year(year, month),
                    });
                }
                (year, month) = super::date::next_month(year, month);
            }
            month_year(at_start.year, at_start.month)
        }
        TickUnit::Hour | TickUnit::Minute => {
            let mut day_start = calendar_seconds(at_start.year, at_start.month, at_start.day);
            while day_start <= scale.end && major.len() < MAX_TICKS {
                if day_start > scale.start {
                    let day = CalendarTime::from_seconds(day_start + 1.0);
                    major.push(Tick {
                        time: day_start,
                        x: scale.x(day_start),
                        label: day_month_year(day.year, day.month, day.day),
                    });
                }
                day_start += SECONDS_PER_DAY;
            }
            day_month_year(at_start.year, at_start.month, at_start.day)
        }
    };
    (major, Some(context))
}

fn month_year(year: i32, month: u32) -> String {
    format!("{} {}", MONTH_NAMES[month as usize - 1], format_year(year))
}

fn day_month_year(year: i32, month: u32, day: u32) -> String {
    format!("{day} {}", month_year(year, month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    const CHAR_WIDTH: f64 = 7.0;

    fn scale(from: &str, to: &str, width: f64) -> TimeScale {
        TimeScale::new(
            PartialDate::parse(from).unwrap().start_seconds(),
            PartialDate::parse(to).unwrap().start_seconds(),
            width,
        )
    }

    fn unit_for(from: &str, to: &str, width: f64) -> TickInterval {
        choose_interval(&scale(from, to, width), CHAR_WIDTH)
    }

    #[test]
    fn the_interval_follows_the_visible_span() {
        assert_eq!(unit_for("1900", "2030", 1280.0).unit, TickUnit::Year);
        assert!(unit_for("1900", "2030", 1280.0).step >= 5);
        assert_eq!(unit_for("2022", "2023", 1280.0).unit, TickUnit::Month);
        assert_eq!(
            unit_for("2022-10-01", "2022-10-31", 1280.0).unit,
            TickUnit::Day
        );
        assert_eq!(
            unit_for("2022-10-23", "2022-10-24", 1280.0).unit,
            TickUnit::Hour
        );
        assert_eq!(
            unit_for("2022-10-23T14:00", "2022-10-23T15:00", 1280.0).unit,
            TickUnit::Minute
        );
        assert_eq!(unit_for("-8000", "2000", 1280.0).unit, TickUnit::Year);
        assert!(unit_for("-8000", "2000", 1280.0).step >= 1_000);
        // A phone shows coarser ticks over the same span.
        assert!(unit_for("1900", "2030", 390.0).step > unit_for("1900", "2030", 1280.0).step);
    }

    #[test]
    fn labels_never_overlap_at_any_span_or_width() {
        let mut span = 3_600.0;
        let centre = PartialDate::parse("2022-10-23").unwrap().start_seconds();
        while span < 10_000.0 * 365.25 * SECONDS_PER_DAY {
            for width in [320.0, 390.0, 800.0, 1280.0, 1920.0] {
                let scale = TimeScale::new(centre - span / 2.0, centre + span / 2.0, width);
                let ticks = generate_ticks(&scale, CHAR_WIDTH);
                assert!(
                    !ticks.minor.is_empty(),
                    "no ticks for span {span} width {width}"
                );
                for pair in ticks.minor.windows(2) {
                    let room = pair[1].x - pair[0].x;
                    let needed = pair[0].label.chars().count() as f64 * CHAR_WIDTH + LABEL_GAP;
                    assert!(
                        room >= needed - 1e-6,
                        "{:?} and {:?} overlap at span {span}, width {width}",
                        pair[0].label,
                        pair[1].label
                    );
                }
            }
            span *= 1.7;
        }
    }

    #[test]
    fn months_are_labelled_with_the_year_above() {
        let ticks = generate_ticks(&scale("2021-06-15", "2023-03-01", 1280.0), CHAR_WIDTH);
        assert_eq!(ticks.interval, interval(TickUnit::Month, 1));
        let labels: Vec<_> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels[..8],
            ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"]
        );
        assert_eq!(labels.last(), Some(&"Mar"));
        let years: Vec<_> = ticks.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(years, ["2022", "2023"]);
        assert_eq!(ticks.context.as_deref(), Some("2021"));
    }

    #[test]
    fn days_are_labelled_with_the_month_above() {
        let ticks = generate_ticks(&scale("2022-10-20", "2022-11-03", 1280.0), CHAR_WIDTH);
        assert_eq!(ticks.interval.unit, TickUnit::Day);
        assert!(ticks.minor.iter().any(|tick| tick.label == "23"));
        assert_eq!(ticks.major[0].label, "November 2022");
        assert_eq!(ticks.context.as_deref(), Some("October 2022"));
    }

    #[test]
    fn hours_are_labelled_with_the_day_above() {
        let ticks = generate_ticks(
            &scale("2022-10-23T12:00", "2022-10-24T12:00", 1280.0),
            CHAR_WIDTH,
        );
        assert_eq!(ticks.interval.unit, TickUnit::Hour);
        assert!(ticks.minor.iter().any(|tick| tick.label == "21:00"));
        assert_eq!(ticks.major[0].label, "24 October 2022");
        assert_eq!(ticks.context.as_deref(), Some("23 October 2022"));
    }

    #[test]
    fn year_ticks_count_bce_years_as_people_do() {
        let ticks = generate_ticks(&scale("-60", "60", 1280.0), CHAR_WIDTH);
        let labels: Vec<_> = ticks.minor.iter().map(|t| t.label.as_str()).collect();
        assert!(
            labels.contains(&"10 BCE") && labels.contains(&"10"),
            "{labels:?}"
        );
        assert!(
            !labels
                .iter()
                .any(|label| *label == "0" || *label == "1 BCE"),
            "{labels:?}"
        );
        assert!(ticks.context.is_none());
    }

    #[test]
    fn tick_positions_follow_the_scale() {
        let scale = scale("2022", "2023", 1000.0);
        let ticks = generate_ticks(&scale, CHAR_WIDTH);
        for tick in &ticks.minor {
            assert!((tick.x - scale.x(tick.time)).abs() < 1e-9);
        }
        assert_eq!(ticks.minor[0].x, 0.0);
    }
}
