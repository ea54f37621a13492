//! Dates in the reader's language: English from the core's own formatting, every other language
//! through the browser's `Intl.DateTimeFormat`, so no locale tables are downloaded.

use crate::core::date::{format_year, CalendarTime, PartialDate, Precision, Seconds};
use crate::core::i18n::Language;
use crate::core::model::Event;
use crate::core::ticks::{Tick, TickUnit};
use wasm_bindgen::JsValue;

thread_local! {
    static SUPPORTED: std::cell::RefCell<std::collections::HashMap<&'static str, bool>> = Default::default();
}

/// Whether this browser's `Intl` knows the language (some builds lack, say, Albanian); where it
/// does not, dates are written from the month names in the string tables.
fn intl_knows(language: Language) -> bool {
    SUPPORTED.with(|known| {
        *known.borrow_mut().entry(language.tag()).or_insert_with(|| {
            let locales = js_sys::Array::of1(&JsValue::from_str(language.tag()));
            js_sys::Intl::DateTimeFormat::supported_locales_of(&locales, &js_sys::Object::new())
                .length()
                > 0
        })
    })
}

/// Day, month and year from the string tables: "1 prill 2009".
fn from_tables(language: Language, seconds: Seconds, fields: &[(&str, &str)]) -> String {
    let time = CalendarTime::from_seconds(seconds + 1.0);
    let has = |key: &str| fields.iter().any(|(field, _)| *field == key);
    let short = fields
        .iter()
        .any(|(field, value)| *field == "month" && *value == "short");
    let month = language.month_name(time.month);
    let month = if short {
        month.chars().take(3).collect()
    } else {
        month
    };
    let mut parts = Vec::new();
    if has("day") {
        parts.push(time.day.to_string());
    }
    if has("month") {
        parts.push(month);
    }
    if has("year") {
        parts.push(format_year(time.year));
    }
    let mut text = parts.join(" ");
    if has("hour") {
        text.push_str(&format!(", {:02}:{:02}", time.hour, time.minute));
    }
    text
}

/// Formats an instant (timeline seconds, read as UTC so no zone shifts it) with Intl options.
fn intl(language: Language, seconds: Seconds, fields: &[(&str, &str)]) -> String {
    if !intl_knows(language) {
        return from_tables(language, seconds, fields);
    }
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
    for (key, value) in fields {
        set(key, value);
    }
    // Years before 1 CE need their era ("BCE", "לפנה״ס"...).
    if seconds < crate::core::date::calendar_seconds(1, 1, 1)
        && fields.iter().any(|(key, _)| *key == "year")
    {
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

fn single(date: &PartialDate, language: Language) -> String {
    intl(language, date.start_seconds(), fields_for(date.precision()))
}

/// One date at its precision in the reader's language (a source's publication date, say).
pub fn date_text(date: &PartialDate, language: Language) -> String {
    if language == Language::English {
        date.format()
    } else {
        single(date, language)
    }
}

/// An event's date as the reader sees it: the journalist's own words, else the date at its
/// precision in the reader's language ("23–25 באוקטובר 2022").
pub fn event_date_label(event: &Event, language: Language) -> String {
    if language == Language::English || event.display_date.is_some() {
        return event.date_label();
    }
    let text = match &event.end {
        Some(end)
            if end != &event.start
                && end.precision() == event.start.precision()
                && intl_knows(language) =>
        {
            let format = formatter(
                language,
                event.start.start_seconds(),
                fields_for(end.precision()),
            );
            let from = js_sys::Date::new(&JsValue::from_f64(event.start.start_seconds() * 1000.0));
            let to = js_sys::Date::new(&JsValue::from_f64(end.start_seconds() * 1000.0));
            js_sys::Reflect::get(&format, &"formatRange".into())
                .ok()
                .and_then(|range| {
                    js_sys::Function::from(range)
                        .call2(&format, &from, &to)
                        .ok()
                })
                .and_then(|text| text.as_string())
                .unwrap_or_else(|| {
                    format!(
                        "{} \u{2013} {}",
                        single(&event.start, language),
                        single(end, language)
                    )
                })
        }
        Some(end) if end != &event.start => {
            format!(
                "{} \u{2013} {}",
                single(&event.start, language),
                single(end, language)
            )
        }
        _ => single(&event.start, language),
    };
    if event.approximate {
        format!("{} {text}", language.word("circa"))
    } else {
        text
    }
}

/// A tick's label in the reader's language; `major` ticks name the unit above the ticks' own.
pub fn tick_label(tick: &Tick, unit: TickUnit, major: bool, language: Language) -> String {
    if language == Language::English {
        return tick.label.clone();
    }
    // A moment inside the tick's period, so no rounding can fall into the one before.
    let inside = tick.time + 1.0;
    let fields: &[(&str, &str)] = match (unit, major) {
        (TickUnit::Month, false) => &[("month", "short")],
        (TickUnit::Day, true) => &[("year", "numeric"), ("month", "long")],
        (TickUnit::Hour | TickUnit::Minute, true) => {
            &[("year", "numeric"), ("month", "long"), ("day", "numeric")]
        }
        (TickUnit::Year, _) | (TickUnit::Month, true)
            if tick.time < crate::core::date::calendar_seconds(1, 1, 1) =>
        {
            &[("year", "numeric")]
        }
        _ => return tick.label.clone(),
    };
    intl(language, inside, fields)
}

/// A context label (the unit above the ticks at the left edge), in the reader's language.
pub fn context_label(english: &str, start: Seconds, unit: TickUnit, language: Language) -> String {
    let tick = Tick {
        time: start,
        x: 0.0,
        label: english.to_string(),
    };
    tick_label(&tick, unit, true, language)
}
