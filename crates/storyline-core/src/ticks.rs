//! Axis ticks that adapt to the visible span (millennia down to minutes) and never overlap.
//!
//! Like d3-time's interval table, a fixed list of calendar intervals is tried from finest to
//! coarsest; the first whose narrowest gap on screen still fits its widest label wins. Calendar
//! steps (months, days) follow the real calendar rather than fixed durations. Ticks carry times
//! and units only: their words come from a [`DateWords`], which the caller passes in.

use super::date::{
    calendar_seconds, days_in_month, CalendarTime, Precision, Seconds, SECONDS_PER_DAY,
    SECONDS_PER_HOUR, SECONDS_PER_MINUTE,
};
use super::scale::TimeScale;
use super::words::DateWords;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl TickUnit {
    /// How precisely a period of this unit is named in full: an hour's period names its minute.
    pub fn precision(self) -> Precision {
        match self {
            TickUnit::Year => Precision::Year,
            TickUnit::Month => Precision::Month,
            TickUnit::Day => Precision::Day,
            TickUnit::Hour | TickUnit::Minute => Precision::Minute,
        }
    }
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

/// Far more ticks than any screen could show: a guard against a runaway loop.
const MAX_TICKS: usize = 2_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub time: Seconds,
    pub x: f64,
}

/// The ticks for one window: fine ticks, the boundaries of the next unit up ("2022" above
/// months), and the name of that unit at the left edge, so the reader always knows where they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    pub interval: TickInterval,
    pub minor: Vec<Tick>,
    /// The unit above the ticks' own, whose boundaries `major` marks (none above years).
    pub major_unit: Option<TickUnit>,
    pub major: Vec<Tick>,
    /// The instant at the left edge, whose period of `major_unit` the context names.
    pub start: Seconds,
    /// The width the ticks were made for, in pixels.
    pub width: f64,
}

impl Ticks {
    /// A fine tick's label: "Oct", "23", "21:00", "2022".
    pub fn minor_label(&self, tick: &Tick, words: &dyn DateWords) -> String {
        words.tick(tick.time, self.interval.unit)
    }

    /// A boundary's label, naming the period it begins: "2023", "November 2022".
    pub fn major_label(&self, tick: &Tick, words: &dyn DateWords) -> String {
        self.major_unit
            .map(|unit| words.period(tick.time, unit))
            .unwrap_or_default()
    }

    /// The period at the left edge: "2021" above months, "October 2022" above days.
    pub fn context(&self, words: &dyn DateWords) -> Option<String> {
        self.major_unit.map(|unit| words.period(self.start, unit))
    }
}

impl TickUnit {
    /// The unit whose boundaries and name stand above ticks of this one.
    pub fn above(self) -> Option<TickUnit> {
        match self {
            TickUnit::Minute | TickUnit::Hour => Some(TickUnit::Day),
            TickUnit::Day => Some(TickUnit::Month),
            TickUnit::Month => Some(TickUnit::Year),
            TickUnit::Year => None,
        }
    }
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

    /// The widest label this interval writes in the window, in characters, measured on the words
    /// of a few times that stand for them all (every month; a two-digit day; the window's years).
    fn widest_label_chars(&self, scale: &TimeScale, words: &dyn DateWords) -> usize {
        let at = CalendarTime::from_seconds(scale.start);
        let width = |time: Seconds| words.tick(time, self.unit).chars().count();
        match self.unit {
            TickUnit::Minute | TickUnit::Hour => width(scale.start),
            TickUnit::Day => width(calendar_seconds(at.year, at.month, 28)),
            TickUnit::Month => (1..=12)
                .map(|month| width(calendar_seconds(at.year, month, 1)))
                .max()
                .unwrap_or(0),
            TickUnit::Year => width(scale.start).max(width(scale.end)),
        }
    }
}

/// Chooses the finest interval whose labels, in `words`, fit, and lists its ticks across the
/// window. `char_width` is the width of one label character in pixels.
pub fn generate_ticks(scale: &TimeScale, words: &dyn DateWords, char_width: f64) -> Ticks {
    let interval = choose_interval(scale, words, char_width);
    let major_unit = interval.unit.above();
    Ticks {
        interval,
        minor: minor_ticks(scale, interval),
        major_unit,
        major: major_unit.map_or_else(Vec::new, |unit| major_ticks(scale, unit)),
        start: scale.start,
        width: scale.width,
    }
}

pub fn choose_interval(scale: &TimeScale, words: &dyn DateWords, char_width: f64) -> TickInterval {
    INTERVALS
        .iter()
        .copied()
        .find(|interval| {
            let room = scale.length(interval.shortest_gap());
            // Words are asked for only where a label of one character would fit.
            room >= char_width + LABEL_GAP
                && room >= interval.widest_label_chars(scale, words) as f64 * char_width + LABEL_GAP
        })
        .unwrap_or(INTERVALS[INTERVALS.len() - 1])
}

fn minor_ticks(scale: &TimeScale, interval: TickInterval) -> Vec<Tick> {
    let tick = |time: Seconds| Tick {
        time,
        x: scale.x(time),
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
                ticks.push(tick(time));
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
                        ticks.push(tick(time));
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
                ticks.push(tick(time));
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
                        ticks.push(tick(time));
                    }
                }
                multiple += step;
            }
        }
    }
    ticks
}

/// The boundaries of `unit` (the unit above the ticks' own) inside the window.
fn major_ticks(scale: &TimeScale, unit: TickUnit) -> Vec<Tick> {
    let at_start = CalendarTime::from_seconds(scale.start);
    let (mut year, mut month, mut day) = (at_start.year, at_start.month, at_start.day);
    let mut major = Vec::new();
    while major.len() < MAX_TICKS {
        let time = match unit {
            TickUnit::Year => calendar_seconds(year, 1, 1),
            TickUnit::Month => calendar_seconds(year, month, 1),
            _ => calendar_seconds(year, month, day),
        };
        if time > scale.end {
            break;
        }
        if time > scale.start {
            major.push(Tick {
                time,
                x: scale.x(time),
            });
        }
        match unit {
            TickUnit::Year => year += 1,
            TickUnit::Month => (year, month) = super::date::next_month(year, month),
            _ => {
                let next = CalendarTime::from_seconds(time + SECONDS_PER_DAY);
                (year, month, day) = (next.year, next.month, next.day);
            }
        }
    }
    major
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::words::{WrittenDates, ENGLISH_DATES};

    const CHAR_WIDTH: f64 = 7.0;

    /// A language whose every tick label is twice as long as English's.
    struct Wordy;

    impl DateWords for Wordy {
        fn tick(&self, time: Seconds, unit: TickUnit) -> String {
            let english = ENGLISH_DATES.tick(time, unit);
            format!("{english} {english}")
        }
        fn period(&self, time: Seconds, unit: TickUnit) -> String {
            ENGLISH_DATES.period(time, unit)
        }
        fn date(&self, date: &PartialDate) -> String {
            ENGLISH_DATES.date(date)
        }
        fn range(&self, start: &PartialDate, end: &PartialDate) -> String {
            ENGLISH_DATES.range(start, end)
        }
        fn approximately(&self, text: &str) -> String {
            ENGLISH_DATES.approximately(text)
        }
    }

    fn scale(from: &str, to: &str, width: f64) -> TimeScale {
        TimeScale::new(
            PartialDate::parse(from).unwrap().start_seconds(),
            PartialDate::parse(to).unwrap().start_seconds(),
            width,
        )
    }

    fn unit_for(from: &str, to: &str, width: f64) -> TickInterval {
        choose_interval(&scale(from, to, width), &ENGLISH_DATES, CHAR_WIDTH)
    }

    fn english_ticks(from: &str, to: &str, width: f64) -> Ticks {
        generate_ticks(&scale(from, to, width), &ENGLISH_DATES, CHAR_WIDTH)
    }

    fn minor_labels(ticks: &Ticks) -> Vec<String> {
        let label = |tick| ticks.minor_label(tick, &ENGLISH_DATES);
        ticks.minor.iter().map(label).collect()
    }

    fn major_labels(ticks: &Ticks) -> Vec<String> {
        let label = |tick| ticks.major_label(tick, &ENGLISH_DATES);
        ticks.major.iter().map(label).collect()
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
    fn labels_never_overlap_at_any_span_or_width_in_any_words() {
        let centre = PartialDate::parse("2022-10-23").unwrap().start_seconds();
        let languages: [&dyn DateWords; 3] = [
            &ENGLISH_DATES,
            &Wordy,
            &WrittenDates(crate::i18n::Language::Albanian),
        ];
        for words in languages {
            let mut span = 3_600.0;
            while span < 10_000.0 * 365.25 * SECONDS_PER_DAY {
                for width in [320.0, 390.0, 800.0, 1280.0, 1920.0] {
                    let scale = TimeScale::new(centre - span / 2.0, centre + span / 2.0, width);
                    let ticks = generate_ticks(&scale, words, CHAR_WIDTH);
                    assert!(
                        !ticks.minor.is_empty(),
                        "no ticks for span {span} width {width}"
                    );
                    for pair in ticks.minor.windows(2) {
                        let label = ticks.minor_label(&pair[0], words);
                        let room = pair[1].x - pair[0].x;
                        let needed = label.chars().count() as f64 * CHAR_WIDTH + LABEL_GAP;
                        assert!(
                            room >= needed - 1e-6,
                            "{label:?} and {:?} overlap at span {span}, width {width}",
                            ticks.minor_label(&pair[1], words),
                        );
                    }
                }
                span *= 1.7;
            }
        }
    }

    #[test]
    fn longer_words_choose_coarser_ticks() {
        let scale = scale("2022-10-23T12:00", "2022-10-24T12:00", 1280.0);
        let english = choose_interval(&scale, &ENGLISH_DATES, CHAR_WIDTH);
        let wordy = choose_interval(&scale, &Wordy, CHAR_WIDTH);
        assert!(
            wordy.shortest_gap() > english.shortest_gap(),
            "{english:?} {wordy:?}"
        );
    }

    #[test]
    fn months_are_labelled_with_the_year_above() {
        let ticks = english_ticks("2021-06-15", "2023-03-01", 1280.0);
        assert_eq!(ticks.interval, interval(TickUnit::Month, 1));
        let labels = minor_labels(&ticks);
        assert_eq!(
            labels[..8],
            ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"]
        );
        assert_eq!(labels.last().map(String::as_str), Some("Mar"));
        assert_eq!(major_labels(&ticks), ["2022", "2023"]);
        assert_eq!(ticks.context(&ENGLISH_DATES).as_deref(), Some("2021"));
    }

    #[test]
    fn days_are_labelled_with_the_month_above() {
        let ticks = english_ticks("2022-10-20", "2022-11-03", 1280.0);
        assert_eq!(ticks.interval.unit, TickUnit::Day);
        assert!(minor_labels(&ticks).iter().any(|label| label == "23"));
        assert_eq!(major_labels(&ticks)[0], "November 2022");
        assert_eq!(
            ticks.context(&ENGLISH_DATES).as_deref(),
            Some("October 2022")
        );
    }

    #[test]
    fn hours_are_labelled_with_the_day_above() {
        let ticks = english_ticks("2022-10-23T12:00", "2022-10-24T12:00", 1280.0);
        assert_eq!(ticks.interval.unit, TickUnit::Hour);
        assert!(minor_labels(&ticks).iter().any(|label| label == "21:00"));
        assert_eq!(major_labels(&ticks)[0], "24 October 2022");
        assert_eq!(
            ticks.context(&ENGLISH_DATES).as_deref(),
            Some("23 October 2022")
        );
    }

    #[test]
    fn year_ticks_count_bce_years_as_people_do() {
        let ticks = english_ticks("-60", "60", 1280.0);
        let labels = minor_labels(&ticks);
        assert!(
            labels.iter().any(|label| label == "10 BCE")
                && labels.iter().any(|label| label == "10"),
            "{labels:?}"
        );
        assert!(
            !labels.iter().any(|label| label == "0" || label == "1 BCE"),
            "{labels:?}"
        );
        assert!(ticks.context(&ENGLISH_DATES).is_none());
    }

    #[test]
    fn tick_positions_follow_the_scale() {
        let scale = scale("2022", "2023", 1000.0);
        let ticks = generate_ticks(&scale, &ENGLISH_DATES, CHAR_WIDTH);
        for tick in &ticks.minor {
            assert!((tick.x - scale.x(tick.time)).abs() < 1e-9);
        }
        assert_eq!(ticks.minor[0].x, 0.0);
    }
}
