//! Shareable view state in the page's URL fragment: `#event=<id>&cats=<id,...>&from=<date>&to=<date>`.
//!
//! Decoding never fails: whatever cannot be used is left out and explained in a warning, so a
//! mangled link still opens the timeline.

use super::date::{CalendarTime, PartialDate, SECONDS_PER_DAY};
use super::model::{CategoryFilter, EventIndex, Timeline};
use super::viewport::Viewport;

/// What a link can restore, checked against the timeline it is for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub event: Option<EventIndex>,
    pub filter: Option<CategoryFilter>,
    pub window: Option<Viewport>,
}

/// Windows narrower than this are written to the minute; wider ones to the day.
const MINUTE_PRECISION_BELOW: f64 = 60.0 * SECONDS_PER_DAY;
/// A link is outside input: warnings about it are few and short, however long the link.
const MAX_WARNINGS: usize = 10;
const MAX_QUOTED_CHARS: usize = 60;

/// Collects at most `MAX_WARNINGS` warnings and counts the rest, so a crafted link of a million
/// unknown ids costs one line, not a million console messages.
#[derive(Default)]
struct Warnings {
    kept: Vec<String>,
    more: usize,
}

impl Warnings {
    fn push(&mut self, warning: String) {
        if self.kept.len() < MAX_WARNINGS {
            self.kept.push(warning);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.kept
                .push(format!("ignoring {} more parts of the link", self.more));
        }
        self.kept
    }
}

/// Text from the link as a warning quotes it: at most `MAX_QUOTED_CHARS` characters, cut on a
/// character boundary, with control characters escaped.
fn quoted(text: &str) -> String {
    let mut quoted = String::new();
    for c in text.chars().take(MAX_QUOTED_CHARS) {
        if c.is_control() {
            quoted.extend(c.escape_unicode());
        } else {
            quoted.push(c);
        }
    }
    if text.chars().nth(MAX_QUOTED_CHARS).is_some() {
        quoted.push('\u{2026}');
    }
    quoted
}

/// Reads a fragment (with or without its leading `#`). Returns the state and a warning for each
/// part that was ignored.
pub fn decode(fragment: &str, timeline: &Timeline) -> (ViewState, Vec<String>) {
    let mut state = ViewState::default();
    let mut warnings = Warnings::default();
    let (mut from, mut to) = (None, None);
    for pair in fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|pair| !pair.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value);
        match key {
            "event" => match timeline.event_index(&value) {
                Some(index) => state.event = Some(index),
                None => warnings.push(format!(
                    "ignoring event={}: there is no event with that id",
                    quoted(&value)
                )),
            },
            "cats" => {
                let mut filter = CategoryFilter::none(timeline.categories.len());
                for id in value.split(',').filter(|id| !id.is_empty()) {
                    match timeline.category_index(id) {
                        Some(category) if !filter.is_shown(category) => filter.toggle(category),
                        Some(_) => {}
                        None => warnings.push(format!(
                            "ignoring category {}: there is no category with that id",
                            quoted(id)
                        )),
                    }
                }
                state.filter = Some(filter);
            }
            "from" => from = Some(value),
            "to" => to = Some(value),
            _ => warnings.push(format!("ignoring unknown link parameter {}", quoted(key))),
        }
    }
    match (from, to) {
        (None, None) => {}
        (Some(from), Some(to)) => match (PartialDate::parse(&from), PartialDate::parse(&to)) {
            (Ok(start), Ok(end)) if end.start_seconds() > start.start_seconds() => {
                state.window = Some(Viewport::new(start.start_seconds(), end.start_seconds()));
            }
            (Ok(_), Ok(_)) => warnings.push(format!(
                "ignoring from={}&to={}: the window ends before it starts",
                quoted(&from),
                quoted(&to)
            )),
            (Err(error), _) | (_, Err(error)) => {
                warnings.push(format!(
                    "ignoring from={}&to={}: {}",
                    quoted(&from),
                    quoted(&to),
                    error.message
                ));
            }
        },
        _ => warnings.push("ignoring the window: a link needs both from= and to=".into()),
    }
    (state, warnings.finish())
}

/// Writes the state as a fragment without the leading `#`; the category list is left out when
/// every category is shown.
pub fn encode(state: &ViewState, timeline: &Timeline) -> String {
    let mut parts = Vec::new();
    if let Some(event) = state.event.and_then(|index| timeline.events.get(index)) {
        parts.push(format!("event={}", event.id));
    }
    if let Some(filter) = state.filter.as_ref().filter(|filter| !filter.shows_all()) {
        let ids: Vec<_> = timeline
            .categories
            .iter()
            .enumerate()
            .filter(|(index, _)| filter.is_shown(*index))
            .map(|(_, category)| category.id.as_str())
            .collect();
        parts.push(format!("cats={}", ids.join(",")));
    }
    if let Some(window) = state.window {
        let with_time = window.span() < MINUTE_PRECISION_BELOW;
        let from = CalendarTime::from_seconds(window.start).to_date_text(with_time);
        let to = CalendarTime::from_seconds(window.end).to_date_text(with_time);
        parts.push(format!("from={from}&to={to}"));
    }
    parts.join("&")
}

/// Decodes `%XX` escapes (and `+` as a space); invalid escapes stay as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Two hex digits exactly: `from_str_radix` alone would also take a sign ("%+1").
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (b'+', None) => {
                decoded.push(b' ');
                i += 1;
            }
            (byte, None) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{event, timeline_of};

    fn timeline() -> Timeline {
        timeline_of(
            &["cyber", "diplomacy", "history"],
            vec![
                event("attack", "2022-07-15", None, vec![0]),
                event("visit", "2022-10-23", Some("2022-10-25"), vec![1]),
            ],
        )
    }

    fn seconds(text: &str) -> f64 {
        PartialDate::parse(text).unwrap().start_seconds()
    }

    #[test]
    fn round_trips_every_part() {
        let timeline = timeline();
        let mut filter = CategoryFilter::all(3);
        filter.toggle(2);
        let state = ViewState {
            event: timeline.event_index("visit"),
            filter: Some(filter),
            window: Some(Viewport::new(seconds("2022-10-01"), seconds("2022-11-01"))),
        };
        let fragment = encode(&state, &timeline);
        assert_eq!(
            fragment,
            "event=visit&cats=cyber,diplomacy&from=2022-10-01T00:00&to=2022-11-01T00:00"
        );
        let (decoded, warnings) = decode(&format!("#{fragment}"), &timeline);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(decoded, state);
    }

    #[test]
    fn wide_windows_are_written_to_the_day_and_bce_years_survive() {
        let timeline = timeline();
        let state = ViewState {
            window: Some(Viewport::new(seconds("-0500"), seconds("2022"))),
            ..ViewState::default()
        };
        let fragment = encode(&state, &timeline);
        assert_eq!(fragment, "from=-0500-01-01&to=2022-01-01");
        assert_eq!(decode(&fragment, &timeline).0, state);
    }

    #[test]
    fn all_categories_shown_needs_no_parameter_and_none_shown_is_empty() {
        let timeline = timeline();
        let all = ViewState {
            filter: Some(CategoryFilter::all(3)),
            ..ViewState::default()
        };
        assert_eq!(encode(&all, &timeline), "");
        let none = ViewState {
            filter: Some(CategoryFilter::none(3)),
            ..ViewState::default()
        };
        assert_eq!(encode(&none, &timeline), "cats=");
        assert_eq!(decode("cats=", &timeline).0, none);
    }

    #[test]
    fn garbage_is_ignored_with_a_warning_never_a_failure() {
        let timeline = timeline();
        let (state, warnings) = decode(
            "#event=nope&cats=cyber,sports&from=yesterday&to=2022&zoom=9&&=",
            &timeline,
        );
        assert_eq!(state.event, None);
        assert_eq!(state.window, None);
        let filter = state.filter.expect("known categories still apply");
        assert!(filter.is_shown(0) && !filter.is_shown(1));
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(warnings[0].contains("event=nope"));
        assert!(warnings.iter().any(|w| w.contains("sports")));
        assert!(warnings.iter().any(|w| w.contains("from=yesterday")));

        let (state, warnings) = decode("from=2023&to=2022", &timeline);
        assert_eq!(state.window, None);
        assert!(warnings[0].contains("ends before it starts"));
        assert_eq!(decode("from=2022", &timeline).1.len(), 1);
        for nonsense in ["%", "%zz", "event=%E2%82", "\u{0}", "&&&", "=&="] {
            let _ = decode(nonsense, &timeline);
        }
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("a%2Cb+c%zz"), "a,b c%zz");
        assert_eq!(
            percent_decode("%+1%-1"),
            "% 1%-1",
            "a sign is not a hex digit"
        );
    }

    #[test]
    fn a_crafted_link_gives_a_few_short_warnings() {
        let timeline = timeline();
        let ids: Vec<String> = (0..100_000).map(|n| format!("\u{1b}[2J{n}")).collect();
        let long_id = "ש".repeat(10_000);
        let fragment = format!("event={long_id}&cats={}", ids.join(","));
        let (state, warnings) = decode(&fragment, &timeline);
        assert_eq!(state.event, None);
        assert_eq!(warnings.len(), MAX_WARNINGS + 1, "{warnings:?}");
        assert!(warnings[0].chars().count() < 200, "{}", warnings[0]);
        assert!(warnings[0].ends_with("there is no event with that id"));
        assert!(
            warnings[1].contains("\\u{1b}[2J0"),
            "escaped: {}",
            warnings[1]
        );
        assert!(warnings.iter().all(|w| !w.contains('\u{1b}')));
        assert_eq!(
            warnings[MAX_WARNINGS],
            format!(
                "ignoring {} more parts of the link",
                100_000 + 1 - MAX_WARNINGS
            )
        );
    }
}
