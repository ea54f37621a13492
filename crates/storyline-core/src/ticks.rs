//! Axis ticks that adapt to the visible span (millennia down to minutes) and never overlap.
//!
//! Like d3-time's interval table, a fixed list of calendar intervals is tried from finest to
//! coarsest; the first whose narrowest gap on screen still fits its widest label wins. Calendar
//! steps (months, days) follow the real calendar rather than fixed durations. Ticks carry times
//! and units only: their words come from a [`DateWords`], which the caller passes in.

use super::breaks::Break;
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
    /// The unit its label names: the interval's for fine ticks, the unit above for boundaries,
    /// and the year for the far side of a break that crosses one.
    pub unit: TickUnit,
}

/// A break drawn on the axis: where it is on screen, and how long a stretch it stands for, in
/// whole units of the largest of years, months and days that counts at least two ("45 years").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakMark {
    pub left: f64,
    pub right: f64,
    pub count: u32,
    pub unit: TickUnit,
}

impl BreakMark {
    fn of(cut: &Break, scale: &TimeScale) -> BreakMark {
        let days = cut.duration() / SECONDS_PER_DAY;
        let (count, unit) = if days >= 2.0 * 365.2425 {
            (days / 365.2425, TickUnit::Year)
        } else if days >= 2.0 * 30.436875 {
            (days / 30.436875, TickUnit::Month)
        } else {
            (days, TickUnit::Day)
        };
        BreakMark {
            left: scale.axis_x(cut.axis_start),
            right: scale.axis_x(cut.axis_end),
            count: count.round().min(f64::from(u32::MAX)) as u32,
            unit,
        }
    }
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
    /// The breaks in view; no fine tick's label runs into one.
    pub breaks: Vec<BreakMark>,
}

impl Ticks {
    /// A fine tick's label: "Oct", "23", "21:00", "2022".
    pub fn minor_label(&self, tick: &Tick, words: &dyn DateWords) -> String {
        words.tick(tick.time, tick.unit)
    }

    /// A boundary's label, naming the period it begins: "2023", "November 2022".
    pub fn major_label(&self, tick: &Tick, words: &dyn DateWords) -> String {
        words.period(tick.time, tick.unit)
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
        let (start, end) = (scale.first_time(), scale.last_time());
        let at = CalendarTime::from_seconds(start);
        let width = |time: Seconds| words.tick(time, self.unit).chars().count();
        match self.unit {
            TickUnit::Minute | TickUnit::Hour => width(start),
            TickUnit::Day => width(calendar_seconds(at.year, at.month, 28)),
            TickUnit::Month => (1..=12)
                .map(|month| width(calendar_seconds(at.year, month, 1)))
                .max()
                .unwrap_or(0),
            TickUnit::Year => width(start).max(width(end)),
        }
    }
}

/// Chooses the finest interval whose labels, in `words`, fit, and lists its ticks across the
/// window. `char_width` is the width of one label character in pixels.
pub fn generate_ticks(scale: &TimeScale, words: &dyn DateWords, char_width: f64) -> Ticks {
    let interval = choose_interval(scale, words, char_width);
    let major_unit = interval.unit.above();
    let (mut minor, mut major) = (Vec::new(), Vec::new());
    let (first, last) = (scale.first_time(), scale.last_time());
    // A stretch between two breaks too short for three fine ticks shows none: a lone "1" or
    // "Oct" would say nothing; its far-side label names it.
    let too_short = |from: Seconds, to: Seconds| {
        (from > first || to < last) && to - from < 3.0 * interval.shortest_gap()
    };
    let stretch = |from: Seconds, to: Seconds, minor: &mut Vec<Tick>, major: &mut Vec<Tick>| {
        if from < to {
            if !too_short(from, to) {
                minor.extend(minor_ticks(scale, from, to, interval));
            }
            if let Some(unit) = major_unit {
                major.extend(major_ticks(scale, from, to, unit));
            }
        }
    };
    // Each stretch between breaks has its own ticks, and a break's far side names the period it
    // lands in ("2022" after the cut from 2013), so every stretch says where it is.
    let mut from = first;
    for cut in scale.breaks.overlapping(first, last) {
        stretch(from, cut.start, &mut minor, &mut major);
        from = from.max(cut.end);
        if cut.end < last {
            let crosses_a_year = CalendarTime::from_seconds(cut.start).year
                != CalendarTime::from_seconds(cut.end).year;
            let far_side = |unit| Tick {
                time: cut.end,
                x: scale.x(cut.end),
                unit,
            };
            match major_unit {
                Some(_) if crosses_a_year => major.push(far_side(TickUnit::Year)),
                Some(unit) => major.push(far_side(unit)),
                None => minor.push(far_side(TickUnit::Year)),
            }
        }
    }
    stretch(from, last, &mut minor, &mut major);
    let marks: Vec<BreakMark> = scale
        .breaks
        .overlapping(first, last)
        .iter()
        .map(|cut| BreakMark::of(cut, scale))
        .collect();
    // Labels are measured in the words they will be written in, as `choose_interval` does.
    let label_room = |text: String| text.chars().count() as f64 * char_width + LABEL_GAP;
    let clear_of_breaks = |tick: &Tick, room: f64| {
        scale.breaks.containing(tick.time).is_none()
            && marks
                .iter()
                .all(|mark| tick.x + room - LABEL_GAP <= mark.left || tick.x >= mark.right)
    };
    let minor_room = |tick: &Tick| label_room(words.tick(tick.time, tick.unit));
    minor.retain(|tick| clear_of_breaks(tick, minor_room(tick)));
    let minor = apart(minor, &minor_room);
    let major = match major_unit {
        Some(_) => {
            // Boundaries sit in their own row, above the breaks' zigzags and lengths.
            let major_room = |tick: &Tick| label_room(words.period(tick.time, tick.unit));
            major.retain(|tick| scale.breaks.containing(tick.time).is_none());
            apart(major, &major_room)
        }
        None => Vec::new(),
    };
    Ticks {
        interval,
        minor,
        major_unit,
        major,
        start: first,
        width: scale.width,
        breaks: marks,
    }
}

/// The ticks (in time order: stretch by stretch, each break's far side before the stretch it
/// opens), less any whose label would run into the label before it (`room` is a label's width
/// with its gap): across a break two stretches' ticks can come close.
fn apart(mut ticks: Vec<Tick>, room: &dyn Fn(&Tick) -> f64) -> Vec<Tick> {
    ticks.dedup_by(|later, earlier| later.time <= earlier.time);
    let mut kept: Vec<Tick> = Vec::with_capacity(ticks.len());
    let mut free_from = f64::NEG_INFINITY;
    for tick in ticks {
        if tick.x >= free_from {
            free_from = tick.x + room(&tick);
            kept.push(tick);
        }
    }
    kept
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

/// The ticks of `interval` from `start` to `end` (in time).
fn minor_ticks(
    scale: &TimeScale,
    start: Seconds,
    end: Seconds,
    interval: TickInterval,
) -> Vec<Tick> {
    let tick = |time: Seconds| Tick {
        time,
        x: scale.x(time),
        unit: interval.unit,
    };
    let step = interval.step;
    let first = CalendarTime::from_seconds(start);
    let mut ticks = Vec::new();
    match interval.unit {
        TickUnit::Minute | TickUnit::Hour => {
            let unit_seconds = if interval.unit == TickUnit::Hour {
                SECONDS_PER_HOUR
            } else {
                SECONDS_PER_MINUTE
            };
            let step_seconds = unit_seconds * f64::from(step);
            let mut time = (start / step_seconds).floor() * step_seconds;
            while time <= end && ticks.len() < MAX_TICKS {
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
                    if time > end {
                        break 'months;
                    }
                    if time >= start - SECONDS_PER_DAY * f64::from(step) {
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
                if time > end {
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
                    if time > end {
                        break;
                    }
                    if time >= start - 366.0 * SECONDS_PER_DAY * f64::from(step) {
                        ticks.push(tick(time));
                    }
                }
                multiple += step;
            }
        }
    }
    ticks
}

/// The boundaries of `unit` (the unit above the ticks' own) from `start` to `end` (in time).
fn major_ticks(scale: &TimeScale, start: Seconds, end: Seconds, unit: TickUnit) -> Vec<Tick> {
    let at_start = CalendarTime::from_seconds(start);
    let (mut year, mut month, mut day) = (at_start.year, at_start.month, at_start.day);
    let mut major = Vec::new();
    while major.len() < MAX_TICKS {
        let time = match unit {
            TickUnit::Year => calendar_seconds(year, 1, 1),
            TickUnit::Month => calendar_seconds(year, month, 1),
            _ => calendar_seconds(year, month, day),
        };
        if time > end {
            break;
        }
        if time > start {
            major.push(Tick {
                time,
                x: scale.x(time),
                unit,
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
        crate::i18n::load_every_language();
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
    fn with_breaks_no_tick_falls_in_a_break_and_no_label_runs_into_another_or_a_break_mark() {
        let story =
            crate::parse::parse_timeline(include_str!("../../../data/albania-iran-israel.json"))
                .timeline
                .unwrap();
        let breaks = crate::breaks::BreakRule::STANDARD.breaks(story.spans());
        let (first, last) = story.extent().unwrap();
        let (from, to) = (breaks.to_axis(first), breaks.to_axis(last));
        let mut checked_marks = 0;
        for zoom in [1.0, 2.0, 5.0, 20.0, 100.0, 1_000.0] {
            for centre in [0.1, 0.3, 0.5, 0.7, 0.9, 0.97] {
                for width in [358.0, 1240.0] {
                    let middle = from + (to - from) * centre;
                    let span = (to - from) / zoom;
                    let scale = TimeScale::with_breaks(
                        middle - span / 2.0,
                        middle + span / 2.0,
                        width,
                        breaks.clone(),
                    );
                    let ticks = generate_ticks(&scale, &ENGLISH_DATES, CHAR_WIDTH);
                    let label_box = |tick: &Tick, text: String| {
                        (tick.x, tick.x + text.chars().count() as f64 * CHAR_WIDTH)
                    };
                    let rows = [
                        ticks
                            .minor
                            .iter()
                            .map(|tick| label_box(tick, ticks.minor_label(tick, &ENGLISH_DATES)))
                            .collect::<Vec<_>>(),
                        ticks
                            .major
                            .iter()
                            .map(|tick| label_box(tick, ticks.major_label(tick, &ENGLISH_DATES)))
                            .collect(),
                    ];
                    for tick in ticks.minor.iter().chain(&ticks.major) {
                        assert!(breaks.containing(tick.time).is_none(), "tick in a break");
                        assert!((tick.x - scale.x(tick.time)).abs() < 1e-6);
                    }
                    for row in &rows {
                        for pair in row.windows(2) {
                            assert!(pair[0].1 + LABEL_GAP <= pair[1].0 + 1e-6, "{pair:?}");
                        }
                    }
                    // Fine ticks' labels leave the breaks (where their lengths go) clear.
                    for mark in &ticks.breaks {
                        checked_marks += 1;
                        for &(left, right) in &rows[0] {
                            assert!(right <= mark.left + 1e-6 || left >= mark.right - 1e-6);
                        }
                    }
                }
            }
        }
        assert!(checked_marks > 0, "some views show a break");
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
