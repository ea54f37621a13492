//! What dates say to a reader, behind one seam: [`DateWords`]. The core writes dates itself
//! ([`WrittenDates`]: English, or a language's month names where the browser's `Intl` lacks it);
//! the shell writes them with `Intl.DateTimeFormat` (`ui/dates.rs`). Ticks and scenes carry times
//! and units only, and ask a `DateWords` for their words.

use super::date::{CalendarTime, PartialDate, Precision, Seconds};
use super::i18n::Language;
use super::model::Event;
use super::ticks::TickUnit;

/// The words for dates in one language.
pub trait DateWords {
    /// A tick's label at its own unit: "21:00", "23", "Oct", "2022", "44 BCE".
    fn tick(&self, time: Seconds, unit: TickUnit) -> String;
    /// The period of `unit` that holds `time`, in full (major ticks, the left-edge context):
    /// "2022", "October 2022", "23 October 2022".
    fn period(&self, time: Seconds, unit: TickUnit) -> String;
    /// One date at its precision (a source's, an event's): "1 April 2009", "44 BCE".
    fn date(&self, date: &PartialDate) -> String;
    /// Two different dates as one range: "23–25 October 2022", "1939–1945".
    fn range(&self, start: &PartialDate, end: &PartialDate) -> String;
    /// A date the story marks as approximate: "c. 1990".
    fn approximately(&self, text: &str) -> String;

    /// An event's date as the reader sees it: the journalist's own words, else its dates at their
    /// precision ("23–25 October 2022", "c. 1990–1992").
    fn event_date(&self, event: &Event) -> String {
        if let Some(text) = &event.display_date {
            return text.clone();
        }
        let text = match &event.end {
            Some(end) if end != &event.start => self.range(&event.start, end),
            _ => self.date(&event.start),
        };
        if event.approximate {
            self.approximately(&text)
        } else {
            text
        }
    }
}

/// Dates written by the core, day before month before year ("23 October 2022"), with a language's
/// month names. English is the fallback; journalist-facing messages use it too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDates(pub Language);

/// The core's English dates.
pub const ENGLISH_DATES: WrittenDates = WrittenDates(Language::English);

impl WrittenDates {
    fn month(&self, month: u32) -> &'static str {
        self.0.month_names()[month as usize - 1]
    }

    /// A month's name on a tick: its first three letters, but whole in Persian, where three
    /// letters would not tell June (ژوئن) from July (ژوئیه); `Intl`'s short Persian names are
    /// whole too.
    fn month_on_tick(&self, month: u32) -> String {
        let name = self.month(month);
        if self.0 == Language::Persian {
            name.to_string()
        } else {
            name.chars().take(3).collect()
        }
    }

    /// A calendar reading at a precision: "2022", "October 2022", "23 October 2022, 14:30".
    fn at(&self, at: CalendarTime, precision: Precision) -> String {
        let month_year = || format!("{} {}", self.month(at.month), format_year(at.year));
        match precision {
            Precision::Year => format_year(at.year),
            Precision::Month => month_year(),
            Precision::Day => format!("{} {}", at.day, month_year()),
            Precision::Minute => {
                format!(
                    "{} {}, {:02}:{:02}",
                    at.day,
                    month_year(),
                    at.hour,
                    at.minute
                )
            }
            Precision::Second => format!(
                "{} {}, {:02}:{:02}:{:02}",
                at.day,
                month_year(),
                at.hour,
                at.minute,
                at.second
            ),
        }
    }
}

/// Every date is written in the language's own digits (Persian's ۰–۹, as its `Intl` writes them).
impl DateWords for WrittenDates {
    fn tick(&self, time: Seconds, unit: TickUnit) -> String {
        // Half a second in, so no rounding of a tick's time falls into the minute before.
        let at = CalendarTime::from_seconds(time + 0.5);
        self.0.digits(match unit {
            TickUnit::Minute | TickUnit::Hour => format!("{:02}:{:02}", at.hour, at.minute),
            TickUnit::Day => at.day.to_string(),
            TickUnit::Month => self.month_on_tick(at.month),
            TickUnit::Year => format_year(at.year),
        })
    }

    fn period(&self, time: Seconds, unit: TickUnit) -> String {
        self.0
            .digits(self.at(CalendarTime::from_seconds(time), unit.precision()))
    }

    fn date(&self, date: &PartialDate) -> String {
        self.0.digits(self.at(date.calendar(), date.precision()))
    }

    /// Shares what the two ends share: "23–25 October 2022", "January–March 2022",
    /// "30 October – 2 November 2022", "500–400 BCE".
    fn range(&self, start: &PartialDate, end: &PartialDate) -> String {
        self.0.digits(self.range_in_ascii_digits(start, end))
    }

    fn approximately(&self, text: &str) -> String {
        format!("{} {text}", self.0.words().circa)
    }
}

impl WrittenDates {
    /// [`DateWords::range`] before the language's digits.
    fn range_in_ascii_digits(&self, start: &PartialDate, end: &PartialDate) -> String {
        let same_year = start.year() == end.year();
        let both_bce = start.year() < 1 && end.year() < 1;
        let both_ce = start.year() >= 1 && end.year() >= 1;
        let year = format_year(end.year());
        let (start_month, end_month) = (self.month(start.month()), self.month(end.month()));
        match (start.precision(), end.precision()) {
            (Precision::Year, Precision::Year) if both_bce => {
                format!("{}\u{2013}{} BCE", 1 - start.year(), 1 - end.year())
            }
            (Precision::Year, Precision::Year) if both_ce => {
                format!("{}\u{2013}{}", start.year(), end.year())
            }
            (Precision::Month, Precision::Month) if same_year => {
                format!("{start_month}\u{2013}{end_month} {year}")
            }
            (Precision::Day, Precision::Day) if same_year && start.month() == end.month() => {
                format!("{}\u{2013}{} {end_month} {year}", start.day(), end.day())
            }
            (Precision::Day, Precision::Day) if same_year => format!(
                "{} {start_month} \u{2013} {} {end_month} {year}",
                start.day(),
                end.day()
            ),
            _ => format!("{} \u{2013} {}", self.date(start), self.date(end)),
        }
    }
}

/// "2022", or "44 BCE" for astronomical year -43.
pub fn format_year(astronomical_year: i32) -> String {
    if astronomical_year >= 1 {
        astronomical_year.to_string()
    } else {
        format!("{} BCE", 1 - astronomical_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap_or_else(|error| panic!("{text}: {error:?}"))
    }

    fn range(start: &str, end: &str) -> String {
        ENGLISH_DATES.range(&date(start), &date(end))
    }

    #[test]
    fn formats_each_precision_in_words() {
        crate::i18n::load_every_language();
        let words = |text: &str| ENGLISH_DATES.date(&date(text));
        assert_eq!(words("2009"), "2009");
        assert_eq!(words("2022-09"), "September 2022");
        assert_eq!(words("2009-04-01"), "1 April 2009");
        assert_eq!(words("2009-04-01T09:05"), "1 April 2009, 09:05");
        assert_eq!(words("2009-04-01T09:05:30"), "1 April 2009, 09:05:30");
        assert_eq!(words("-0500-03"), "March 500 BCE");
        assert_eq!(words("200000-12-31"), "31 December 200000");
        assert_eq!(words("-200000-12"), "December 200000 BCE");
        assert_eq!(
            WrittenDates(Language::Albanian).date(&date("2009-04-01")),
            "1 prill 2009"
        );
    }

    #[test]
    fn formats_ranges_sharing_common_parts() {
        crate::i18n::load_every_language();
        assert_eq!(range("2022-10-23", "2022-10-25"), "23–25 October 2022");
        assert_eq!(range("1939", "1945"), "1939–1945");
        assert_eq!(range("2022-01", "2022-03"), "January–March 2022");
        assert_eq!(
            range("2022-10-30", "2022-11-02"),
            "30 October – 2 November 2022"
        );
        assert_eq!(
            range("2022-01-01", "2023-12-31"),
            "1 January 2022 – 31 December 2023"
        );
        assert_eq!(range("-500", "-400"), "500–400 BCE");
        assert_eq!(range("-20", "20"), "20 BCE – 20");
        assert_eq!(ENGLISH_DATES.approximately("1990–1992"), "c. 1990–1992");
        assert_eq!(
            WrittenDates(Language::Spanish).range(&date("2022-01"), &date("2022-03")),
            "enero–marzo 2022"
        );
    }

    #[test]
    fn ticks_say_their_unit_and_periods_say_the_unit_above() {
        crate::i18n::load_every_language();
        let at = |text: &str| date(text).start_seconds();
        let tick = |text: &str, unit| ENGLISH_DATES.tick(at(text), unit);
        assert_eq!(tick("2022-10-23T21:00", TickUnit::Hour), "21:00");
        assert_eq!(tick("2022-10-23", TickUnit::Day), "23");
        assert_eq!(tick("2022-09", TickUnit::Month), "Sep");
        assert_eq!(tick("-9", TickUnit::Year), "9 BCE");
        assert_eq!(
            ENGLISH_DATES.period(at("2022-10"), TickUnit::Month),
            "October 2022"
        );
        assert_eq!(
            ENGLISH_DATES.period(at("2022-10-24"), TickUnit::Day),
            "24 October 2022"
        );
        assert_eq!(
            WrittenDates(Language::German).tick(at("2022-03"), TickUnit::Month),
            "Mär"
        );
    }

    /// Where the browser lacks `fa`, Persian dates are the axis's Gregorian ones with the Persian
    /// month names, day before month as in Persian, and the core's digits, as other fallbacks.
    #[test]
    fn persian_fallback_writes_gregorian_dates_with_persian_month_names_and_digits() {
        crate::i18n::load_every_language();
        let persian = WrittenDates(Language::Persian);
        let at = |text: &str| date(text).start_seconds();
        assert_eq!(persian.date(&date("2022-10-23")), "۲۳ اکتبر ۲۰۲۲");
        assert_eq!(persian.date(&date("2022-05")), "مه ۲۰۲۲");
        assert_eq!(
            persian.range(&date("2022-10-23"), &date("2022-10-25")),
            "۲۳–۲۵ اکتبر ۲۰۲۲"
        );
        assert_eq!(persian.approximately("۱۹۹۰"), "حدود ۱۹۹۰");
        assert_eq!(persian.tick(at("2022-07-15"), TickUnit::Day), "۱۵");
        // June and July keep their whole names on ticks: their first three letters are the same.
        assert_eq!(persian.tick(at("2022-06"), TickUnit::Month), "ژوئن");
        assert_eq!(persian.tick(at("2022-07"), TickUnit::Month), "ژوئیه");
        assert_eq!(persian.period(at("2022-07"), TickUnit::Month), "ژوئیه ۲۰۲۲");
    }
}
