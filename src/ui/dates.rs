//! Dates in the reader's language through the browser's `Intl.DateTimeFormat`, so no locale
//! tables are downloaded: [`ReaderDates`], the shell's side of the `DateWords` seam. English, and
//! languages this browser's `Intl` lacks, are written by the core (`core::words`).

use crate::core::date::{calendar_seconds, PartialDate, Precision, Seconds};
use crate::core::i18n::{Language, LANGUAGES};
use crate::core::model::Event;
use crate::core::ticks::TickUnit;
use crate::core::words::{DateWords, WrittenDates};
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    /// Each language's answer once asked, by its place in `Language` (an array rather than a map:
    /// a map's hashing and growth would be code in the reader's download for eight entries).
    static SUPPORTED: [Cell<Option<bool>>; LANGUAGES.len()] = Default::default();
}

/// Whether this browser's `Intl` knows the language (some builds lack, say, Albanian); where it
/// does not, the core writes dates from the language's month names.
fn intl_knows(language: Language) -> bool {
    let ask = || {
        let locales = js_sys::Array::of1(&JsValue::from_str(language.tag()));
        js_sys::Intl::DateTimeFormat::supported_locales_of(&locales, &js_sys::Object::new())
            .length()
            > 0
    };
    SUPPORTED.with(|known| match known.get(language as usize) {
        Some(answer) => answer.get().unwrap_or_else(|| {
            let knows = ask();
            answer.set(Some(knows));
            knows
        }),
        None => ask(),
    })
}

/// The reader's words for dates: the browser's `Intl` where it knows the language, else the
/// core's own (always for English, whose words the core has).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderDates {
    language: Language,
}

impl ReaderDates {
    pub fn new(language: Language) -> ReaderDates {
        ReaderDates { language }
    }

    /// The core's words for this language, which also write what `Intl` is not asked for.
    fn written(&self) -> WrittenDates {
        WrittenDates(self.language)
    }

    fn uses_intl(&self) -> bool {
        self.language != Language::English && intl_knows(self.language)
    }
}

/// The first instant of 1 CE: years before it need their era ("BCE", "לפנה״ס"...).
fn common_era() -> Seconds {
    calendar_seconds(1, 1, 1)
}

impl DateWords for ReaderDates {
    fn tick(&self, time: Seconds, unit: TickUnit) -> String {
        if !self.uses_intl() {
            return self.written().tick(time, unit);
        }
        // A moment inside the tick's period, so no rounding can fall into the one before.
        match unit {
            TickUnit::Month => intl(self.language, time + 1.0, &[("month", "short")]),
            TickUnit::Year if time < common_era() => {
                intl(self.language, time + 1.0, fields_for(Precision::Year))
            }
            // Days, times and years of the common era are numbers: the core writes them, in the
            // language's own digits (Persian's ۰–۹, as its `Intl` does).
            _ => self.written().tick(time, unit),
        }
    }

    fn period(&self, time: Seconds, unit: TickUnit) -> String {
        let precision = unit.precision();
        if !self.uses_intl() || (precision == Precision::Year && time >= common_era()) {
            return self.written().period(time, unit);
        }
        intl(self.language, time + 1.0, fields_for(precision))
    }

    fn date(&self, date: &PartialDate) -> String {
        if !self.uses_intl() {
            return self.written().date(date);
        }
        intl(
            self.language,
            date.start_seconds(),
            fields_for(date.precision()),
        )
    }

    fn range(&self, start: &PartialDate, end: &PartialDate) -> String {
        if !self.uses_intl() {
            return self.written().range(start, end);
        }
        let two_dates = || format!("{} \u{2013} {}", self.date(start), self.date(end));
        if start.precision() != end.precision() {
            return two_dates();
        }
        let format = formatter(
            self.language,
            start.start_seconds(),
            fields_for(end.precision()),
        );
        let from = js_sys::Date::new(&JsValue::from_f64(start.start_seconds() * 1000.0));
        let to = js_sys::Date::new(&JsValue::from_f64(end.start_seconds() * 1000.0));
        js_sys::Reflect::get(&format, &"formatRange".into())
            .ok()
            .and_then(|range| {
                js_sys::Function::from(range)
                    .call2(&format, &from, &to)
                    .ok()
            })
            .and_then(|text| text.as_string())
            .unwrap_or_else(two_dates)
    }

    fn approximately(&self, text: &str) -> String {
        self.written().approximately(text)
    }
}

/// Formats an instant (timeline seconds, read as UTC so no zone shifts it) with Intl options.
fn intl(language: Language, seconds: Seconds, fields: &[(&str, &str)]) -> String {
    let format = formatter(language, seconds, fields);
    let date = js_sys::Date::new(&JsValue::from_f64(seconds * 1000.0));
    format
        .format()
        .call1(&format, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

fn formatter(
    language: Language,
    seconds: Seconds,
    fields: &[(&str, &str)],
) -> js_sys::Intl::DateTimeFormat {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("timeZone", "UTC");
    // The axis's ticks fall on Gregorian months and years in every language, so its dates do too:
    // `fa` would otherwise write the Persian (Solar Hijri) calendar, whose months start mid-way
    // through the Gregorian ones the ticks mark, and whose years before 622 CE are negative.
    set("calendar", "gregory");
    for (key, value) in fields {
        set(key, value);
    }
    // Years before 1 CE need their era ("BCE", "לפנה״ס"...).
    if seconds < common_era() && fields.iter().any(|(key, _)| *key == "year") {
        set("era", "short");
    }
    let locales = js_sys::Array::of1(&JsValue::from_str(language.tag()));
    js_sys::Intl::DateTimeFormat::new(&locales, &options)
}

fn fields_for(precision: Precision) -> &'static [(&'static str, &'static str)] {
    match precision {
        Precision::Year => &[("year", "numeric")],
        Precision::Month => &[("year", "numeric"), ("month", "long")],
        Precision::Day => &[("year", "numeric"), ("month", "long"), ("day", "numeric")],
        Precision::Minute | Precision::Second => &[
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ],
    }
}

/// One date at its precision in the reader's language (a source's publication date, say).
pub fn date_text(date: &PartialDate, language: Language) -> String {
    ReaderDates::new(language).date(date)
}

/// An event's date as the reader sees it: the journalist's own words, else the date at its
/// precision in the reader's language ("23–25 באוקטובר 2022").
pub fn event_date_label(event: &Event, language: Language) -> String {
    ReaderDates::new(language).event_date(event)
}
