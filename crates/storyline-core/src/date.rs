//! Dates as journalists write them: calendar values that keep their precision ("2009" stays a year).
//!
//! Every instant on the timeline is a count of seconds since 1970-01-01T00:00 on the timeline's own
//! clock. Dates carry no time zone: "2022-09-07" is the seventh of September wherever the reader is,
//! so nothing here ever consults a local clock.

use super::scale::clamped;
use super::words::{DateWords, ENGLISH_DATES};
use chrono::{Datelike, NaiveDate};
use std::fmt;

/// Seconds on the timeline's clock, counted from 1970-01-01T00:00.
pub type Seconds = f64;

pub const SECONDS_PER_MINUTE: f64 = 60.0;
pub const SECONDS_PER_HOUR: f64 = 3_600.0;
pub const SECONDS_PER_DAY: f64 = 86_400.0;
/// The mean Gregorian year, used only for spans (zoom limits), never for calendar positions.
pub const SECONDS_PER_MEAN_YEAR: f64 = 365.2425 * SECONDS_PER_DAY;

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// Years a date may name; well inside what the calendar arithmetic supports.
pub const MAX_ABS_YEAR: i32 = 200_000;

/// How finely a date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A date as written, with its precision. `year` is astronomical (0 is 1 BCE, -1 is 2 BCE);
/// parts finer than the precision are at their first value (month 1, day 1, 00:00:00).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    precision: Precision,
}

/// Why a date text could not be read, with a hint a journalist can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
    pub hint: String,
}

const FORMAT_HINT: &str =
    "Write dates as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM, for example 2022-09-07.";

impl PartialDate {
    /// Reads "2009", "2009-04", "2009-04-01", "2009-04-01T14:30" (or with a space, seconds, or a
    /// trailing "Z"). A leading minus names a year BCE: "-44" is 44 BCE. There is no year 0.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(DateError {
                message: "the date is empty".into(),
                hint: hint!("{FORMAT_HINT}"),
            });
        }
        let bad_format = || DateError {
            message: format!("\u{201c}{trimmed}\u{201d} is not a date this format understands"),
            hint: hint!("{FORMAT_HINT}"),
        };
        let (negative, unsigned) = match trimmed.strip_prefix('-') {
            Some(unsigned) => (true, unsigned),
            None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        let (date_part, time_part) = match unsigned.split_once(['T', 't', ' ']) {
            Some((date, time)) => (date, Some(time)),
            None => (unsigned, None),
        };
        let mut fields = date_part.split('-');
        let year_text = fields.next().unwrap_or_default();
        let month_text = fields.next();
        let day_text = fields.next();
        if fields.next().is_some() {
            return Err(bad_format());
        }
        let written_year = parse_digits(year_text, 1, 6).ok_or_else(bad_format)? as i32;
        if written_year == 0 {
            return Err(DateError {
                message: "there is no year 0".into(),
                hint: hint!("The year before 1 CE is 1 BCE: write 1 for 1 CE or -1 for 1 BCE."),
            });
        }
        if written_year > MAX_ABS_YEAR {
            return Err(DateError {
                message: format!("the year {written_year} is too far from today"),
                hint: hint!("Years run from -{MAX_ABS_YEAR} to {MAX_ABS_YEAR}."),
            });
        }
        let year = if negative {
            1 - written_year
        } else {
            written_year
        };
        let mut date = PartialDate {
            year,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
            precision: Precision::Year,
        };
        if let Some(month_text) = month_text {
            let month = parse_digits(month_text, 2, 2).ok_or_else(bad_format)?;
            if !(1..=12).contains(&month) {
                return Err(DateError {
                    message: format!("month {month} does not exist"),
                    hint: hint!("Months run from 01 to 12."),
                });
            }
            date.month = month;
            date.precision = Precision::Month;
        }
        if let Some(day_text) = day_text {
            let day = parse_digits(day_text, 2, 2).ok_or_else(bad_format)?;
            let last_day = days_in_month(year, date.month);
            if day == 0 || day > last_day {
                return Err(DateError {
                    message: format!("{} has no day {day}", ENGLISH_DATES.date(&date)),
                    hint: hint!("{} has days 01 to {last_day}.", ENGLISH_DATES.date(&date)),
                });
            }
            date.day = day;
            date.precision = Precision::Day;
        }
        if let Some(time_text) = time_part {
            if date.precision != Precision::Day {
                return Err(DateError {
                    message: "a time of day needs a full date before it".into(),
                    hint: hint!("Write the day first, for example 2022-10-23T14:30."),
                });
            }
            date.read_time(time_text)?;
        }
        Ok(date)
    }

    fn read_time(&mut self, time_text: &str) -> Result<(), DateError> {
        let time_text = time_text.strip_suffix(['Z', 'z']).unwrap_or(time_text);
        if time_text.contains(['+', '-']) {
            return Err(DateError {
                message: "time-zone offsets are not used".into(),
                hint: hint!("Write the local time of the event, without +01:00 or similar."),
            });
        }
        let bad_time = || DateError {
            message: format!("\u{201c}{time_text}\u{201d} is not a time of day"),
            hint: hint!("Write times as HH:MM in 24-hour form, for example 14:30."),
        };
        let mut parts = time_text.split(':');
        let hour = parse_digits(parts.next().unwrap_or_default(), 2, 2).ok_or_else(bad_time)?;
        let minute = parse_digits(parts.next().ok_or_else(bad_time)?, 2, 2).ok_or_else(bad_time)?;
        let second = match parts.next() {
            Some(text) => Some(parse_digits(text, 2, 2).ok_or_else(bad_time)?),
            None => None,
        };
        if parts.next().is_some() || hour > 23 || minute > 59 || second.unwrap_or(0) > 59 {
            return Err(bad_time());
        }
        self.hour = hour;
        self.minute = minute;
        self.second = second.unwrap_or(0);
        self.precision = if second.is_some() {
            Precision::Second
        } else {
            Precision::Minute
        };
        Ok(())
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The astronomical year (0 is 1 BCE).
    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// The date's calendar fields as written (parts finer than its precision at their first value).
    pub fn calendar(&self) -> CalendarTime {
        CalendarTime {
            year: self.year,
            month: self.month,
            day: self.day,
            hour: self.hour,
            minute: self.minute,
            second: self.second,
        }
    }

    /// The first instant the date covers.
    pub fn start_seconds(&self) -> Seconds {
        calendar_seconds(self.year, self.month, self.day)
            + f64::from(self.hour) * SECONDS_PER_HOUR
            + f64::from(self.minute) * SECONDS_PER_MINUTE
            + f64::from(self.second)
    }

    /// The first instant after the date: "2009" ends where 2010 begins.
    pub fn end_seconds(&self) -> Seconds {
        match self.precision {
            Precision::Year => calendar_seconds(self.year + 1, 1, 1),
            Precision::Month => {
                let (year, month) = next_month(self.year, self.month);
                calendar_seconds(year, month, 1)
            }
            Precision::Day => calendar_seconds(self.year, self.month, self.day) + SECONDS_PER_DAY,
            Precision::Minute => self.start_seconds() + SECONDS_PER_MINUTE,
            Precision::Second => self.start_seconds() + 1.0,
        }
    }

    /// The date in English at its own precision, for journalist-facing messages: "2009",
    /// "April 2009", "1 April 2009, 14:30", "44 BCE". Readers get theirs from a `DateWords`.
    pub fn format(&self) -> String {
        ENGLISH_DATES.date(self)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.format())
    }
}

/// Digits only, of a length in `min..=max`; no signs, no spaces.
fn parse_digits(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next) = next_month(year, month);
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("valid month");
    let following = NaiveDate::from_ymd_opt(next_year, next, 1).expect("valid month");
    (following - first).num_days() as u32
}

pub fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// Seconds at 00:00 of a proleptic Gregorian calendar day (astronomical year).
pub fn calendar_seconds(year: i32, month: u32, day: u32) -> Seconds {
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar day");
    (i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE) as f64 * SECONDS_PER_DAY
}

/// The calendar reading of an instant: year (astronomical), month, day, hour, minute, second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl CalendarTime {
    /// Reads an instant on the calendar, clamped to the supported years.
    pub fn from_seconds(seconds: Seconds) -> CalendarTime {
        let limit = calendar_seconds(MAX_ABS_YEAR, 1, 1);
        let seconds = clamped(seconds, -limit, limit);
        let days = (seconds / SECONDS_PER_DAY).floor();
        let within_day = seconds - days * SECONDS_PER_DAY;
        let date =
            NaiveDate::from_num_days_from_ce_opt((days as i64 + UNIX_EPOCH_DAYS_FROM_CE) as i32)
                .expect("clamped to the supported years");
        let minutes = (within_day / SECONDS_PER_MINUTE).floor() as u32;
        let second = (within_day - f64::from(minutes) * SECONDS_PER_MINUTE).floor() as u32;
        CalendarTime {
            year: date.year(),
            month: date.month(),
            day: date.day(),
            hour: (minutes / 60).min(23),
            minute: minutes % 60,
            second: second.min(59),
        }
    }
}

impl CalendarTime {
    /// The instant written in this format's own date syntax, to day or minute precision:
    /// "2022-10-23", "2022-10-23T14:30", "-0044-03-15" (44 BCE).
    pub fn to_date_text(&self, with_time: bool) -> String {
        let year = if self.year >= 1 {
            format!("{:04}", self.year)
        } else {
            format!("-{:04}", 1 - self.year)
        };
        let day = format!("{year}-{:02}-{:02}", self.month, self.day);
        if with_time {
            format!("{day}T{:02}:{:02}", self.hour, self.minute)
        } else {
            day
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap_or_else(|error| panic!("{text}: {error:?}"))
    }

    #[test]
    fn reads_each_precision() {
        assert_eq!(date("2009").precision(), Precision::Year);
        assert_eq!(date("2009-04").precision(), Precision::Month);
        assert_eq!(date("2009-04-01").precision(), Precision::Day);
        assert_eq!(date("2009-04-01T14:30").precision(), Precision::Minute);
        assert_eq!(date("2009-04-01 14:30:05").precision(), Precision::Second);
        assert_eq!(date("2009-04-01T14:30Z").precision(), Precision::Minute);
    }

    #[test]
    fn a_year_covers_the_whole_year() {
        let year = date("2009");
        assert_eq!(year.start_seconds(), date("2009-01-01").start_seconds());
        assert_eq!(year.end_seconds(), date("2010-01-01").start_seconds());
        assert_eq!(year.format(), "2009");
    }

    #[test]
    fn date_only_values_sit_on_midnight_without_any_zone() {
        assert_eq!(date("1970-01-01").start_seconds(), 0.0);
        assert_eq!(date("1970-01-02").start_seconds(), SECONDS_PER_DAY);
        assert_eq!(date("2022-09-07").start_seconds(), 1_662_508_800.0);
        assert_eq!(
            date("2022-09-07T14:30").start_seconds(),
            1_662_508_800.0 + 14.5 * 3600.0
        );
    }

    #[test]
    fn month_end_follows_the_calendar() {
        let february = date("2024-02");
        assert_eq!(
            february.end_seconds() - february.start_seconds(),
            29.0 * SECONDS_PER_DAY
        );
        assert_eq!(date("2022-12").end_seconds(), date("2023").start_seconds());
    }

    #[test]
    fn negative_years_are_bce_and_year_zero_is_refused() {
        let caesar = date("-44");
        assert_eq!(caesar.year(), -43);
        assert_eq!(caesar.format(), "44 BCE");
        assert_eq!(date("-0500-03").format(), "March 500 BCE");
        assert!(date("-1").end_seconds() == date("1").start_seconds());
        let error = PartialDate::parse("0").unwrap_err();
        assert_eq!(error.message, "there is no year 0");
    }

    #[test]
    fn formats_each_precision_in_words() {
        assert_eq!(date("2022-09").format(), "September 2022");
        assert_eq!(date("2009-04-01").format(), "1 April 2009");
        assert_eq!(date("2009-04-01T09:05").format(), "1 April 2009, 09:05");
    }

    #[test]
    fn explains_impossible_dates() {
        let error = PartialDate::parse("2022-13-45").unwrap_err();
        assert_eq!(error.message, "month 13 does not exist");
        let months_hint = if cfg!(feature = "terse") {
            ""
        } else {
            "Months run from 01 to 12."
        };
        assert_eq!(error.hint, months_hint);
        let error = PartialDate::parse("2023-02-29").unwrap_err();
        assert_eq!(error.message, "February 2023 has no day 29");
        assert!(PartialDate::parse("2024-02-29").is_ok());
        let error = PartialDate::parse("yesterday").unwrap_err();
        assert_eq!(
            error.message,
            "\u{201c}yesterday\u{201d} is not a date this format understands"
        );
        assert_eq!(error.hint.contains("YYYY-MM-DD"), !cfg!(feature = "terse"));
        for bad in [
            "",
            "2022-1-5",
            "2022-001",
            "2022-01-01T25:00",
            "2022T10:00",
            "2022-01-01T10",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
        }
        let error = PartialDate::parse("2022-01-01T10:00+02:00").unwrap_err();
        assert_eq!(error.message, "time-zone offsets are not used");
    }

    #[test]
    fn calendar_time_writes_dates_this_format_reads() {
        for text in ["2022-10-23", "-0044-03-15", "0001-01-01"] {
            let time = CalendarTime::from_seconds(date(text).start_seconds());
            assert_eq!(time.to_date_text(false), text);
        }
        let time = CalendarTime::from_seconds(date("2022-10-23T14:30").start_seconds());
        assert_eq!(time.to_date_text(true), "2022-10-23T14:30");
    }

    #[test]
    fn calendar_time_reads_back_what_dates_write() {
        for text in [
            "2022-09-07T14:30",
            "1939-09-01T04:45",
            "-0500-03-15T12:00",
            "1970-01-01T00:00",
        ] {
            let written = date(text);
            let read = CalendarTime::from_seconds(written.start_seconds());
            assert_eq!(
                (read.year, read.month, read.day, read.hour, read.minute),
                (
                    written.year,
                    written.month,
                    written.day,
                    written.hour,
                    written.minute
                ),
                "{text}"
            );
        }
    }
}
