//! The view a timeline opens on: typed as the journalist wrote it (`InitialView`), read from a
//! shareable link's fragment (`#event=<id>&cats=<id,...>&from=<date>&to=<date>`), and checked
//! against the story (`ViewState`).
//!
//! Reading never fails: whatever cannot be used is left out and explained in a warning, so a
//! mangled link or a mistyped embed option still opens the timeline.

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

/// A view as the journalist (or a link) wrote it: ids and dates not yet checked against a story.
/// [`InitialView::resolve`] checks them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InitialView {
    /// The id of the event to open.
    pub event: Option<String>,
    /// The ids of the categories shown (an empty list shows none); `None` shows every one.
    pub categories: Option<Vec<String>>,
    /// The window, as two dates in the data's syntax (`2022-07`, `2022-10-23T14:30`); both or
    /// neither.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Whether the story opens on its title card (title, description and a Start button) while
    /// no event is open; `None` follows the data's `title_card`. Not part of links.
    pub title_card: Option<bool>,
    /// Whether long empty gaps are drawn as short breaks; `None` follows the data's `breaks`.
    /// Not part of links.
    pub breaks: Option<bool>,
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

    /// Takes `other`'s warnings after these, still keeping at most `MAX_WARNINGS`.
    fn append(&mut self, other: Warnings) {
        for warning in other.kept {
            self.push(warning);
        }
        self.more += other.more;
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
    let (view, unknown) = InitialView::read_fragment(fragment);
    let mut warnings = Warnings::default();
    let state = view.resolve_into(timeline, &mut warnings);
    warnings.append(unknown);
    (state, warnings.finish())
}

/// Writes the state as a fragment without the leading `#`; the category list is left out when
/// every category is shown.
pub fn encode(state: &ViewState, timeline: &Timeline) -> String {
    InitialView::of(state, timeline).to_fragment()
}

impl InitialView {
    /// Reads a link's fragment (with or without its leading `#`), keeping ids and dates as
    /// written; each parameter it does not know is named in a warning.
    pub fn from_fragment(fragment: &str) -> (InitialView, Vec<String>) {
        let (view, warnings) = InitialView::read_fragment(fragment);
        (view, warnings.finish())
    }

    fn read_fragment(fragment: &str) -> (InitialView, Warnings) {
        let mut view = InitialView::default();
        let mut warnings = Warnings::default();
        for pair in fragment
            .trim_start_matches('#')
            .split('&')
            .filter(|pair| !pair.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "event" => view.event = Some(value),
                "cats" => {
                    let ids = value.split(',').filter(|id| !id.is_empty());
                    view.categories = Some(ids.map(str::to_string).collect());
                }
                "from" => view.from = Some(value),
                "to" => view.to = Some(value),
                _ => warnings.push(format!("ignoring unknown link parameter {}", quoted(key))),
            }
        }
        (view, warnings)
    }

    /// The view `state` shows, written with the story's ids and dates (to the minute for a
    /// window narrower than two months, else to the day); categories are left out when every
    /// one is shown.
    pub fn of(state: &ViewState, timeline: &Timeline) -> InitialView {
        let event = state.event.and_then(|index| timeline.events.get(index));
        let categories = state.filter.as_ref().filter(|filter| !filter.shows_all());
        let categories = categories.map(|filter| {
            let shown = timeline
                .categories
                .iter()
                .enumerate()
                .filter(|(index, _)| filter.is_shown(*index));
            shown.map(|(_, category)| category.id.clone()).collect()
        });
        let (from, to) = match state.window {
            Some(window) => {
                let with_time = window.span() < MINUTE_PRECISION_BELOW;
                let date = |seconds| CalendarTime::from_seconds(seconds).to_date_text(with_time);
                (Some(date(window.start)), Some(date(window.end)))
            }
            None => (None, None),
        };
        InitialView {
            event: event.map(|event| event.id.clone()),
            categories,
            from,
            to,
            title_card: None,
            breaks: None,
        }
    }

    /// The view as a link's fragment, without the leading `#` (ids and dates as they are: the
    /// story's ids and the dates `of` writes need no escaping).
    pub fn to_fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(event) = &self.event {
            parts.push(format!("event={event}"));
        }
        if let Some(categories) = &self.categories {
            parts.push(format!("cats={}", categories.join(",")));
        }
        if let Some(from) = &self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = &self.to {
            parts.push(format!("to={to}"));
        }
        parts.join("&")
    }

    /// Checks the view against the story. Whatever cannot be used (an unknown id, a date that
    /// cannot be read, a window that ends before it starts or has only one end) is left out, with
    /// a warning naming it.
    pub fn resolve(&self, timeline: &Timeline) -> (ViewState, Vec<String>) {
        let mut warnings = Warnings::default();
        let state = self.resolve_into(timeline, &mut warnings);
        (state, warnings.finish())
    }

    fn resolve_into(&self, timeline: &Timeline, warnings: &mut Warnings) -> ViewState {
        let event = self.event.as_ref().and_then(|id| {
            let index = timeline.event_index(id);
            if index.is_none() {
                warnings.push(format!(
                    "ignoring event={}: there is no event with that id",
                    quoted(id)
                ));
            }
            index
        });
        let filter = self.categories.as_ref().map(|ids| {
            let mut filter = CategoryFilter::none(timeline.categories.len());
            for id in ids {
                match timeline.category_index(id) {
                    Some(category) if !filter.is_shown(category) => filter.toggle(category),
                    Some(_) => {}
                    None => warnings.push(format!(
                        "ignoring category {}: there is no category with that id",
                        quoted(id)
                    )),
                }
            }
            filter
        });
        let window = match (&self.from, &self.to) {
            (None, None) => None,
            (Some(from), Some(to)) => match (PartialDate::parse(from), PartialDate::parse(to)) {
                (Ok(start), Ok(end)) if end.start_seconds() > start.start_seconds() => {
                    Some(Viewport::new(start.start_seconds(), end.start_seconds()))
                }
                (Ok(_), Ok(_)) => {
                    warnings.push(format!(
                        "ignoring from={}&to={}: the window ends before it starts",
                        quoted(from),
                        quoted(to)
                    ));
                    None
                }
                (Err(error), _) | (_, Err(error)) => {
                    warnings.push(format!(
                        "ignoring from={}&to={}: {}",
                        quoted(from),
                        quoted(to),
                        error.message
                    ));
                    None
                }
            },
            _ => {
                warnings.push("ignoring the window: a link needs both from= and to=".into());
                None
            }
        };
        ViewState {
            event,
            filter,
            window,
        }
    }
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

    fn view(
        event: Option<&str>,
        categories: Option<&[&str]>,
        window: Option<(&str, &str)>,
    ) -> InitialView {
        InitialView {
            event: event.map(str::to_string),
            categories: categories.map(|ids| ids.iter().map(|id| id.to_string()).collect()),
            from: window.map(|(from, _)| from.to_string()),
            to: window.map(|(_, to)| to.to_string()),
            title_card: None,
            breaks: None,
        }
    }

    #[test]
    fn a_typed_view_resolves_against_the_story() {
        let timeline = timeline();
        let (state, warnings) = view(
            Some("visit"),
            Some(&["history", "cyber"]),
            Some(("2022-07", "2022-12")),
        )
        .resolve(&timeline);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(state.event, timeline.event_index("visit"));
        let filter = state.filter.expect("categories were named");
        assert!(filter.is_shown(0) && !filter.is_shown(1) && filter.is_shown(2));
        assert_eq!(
            state.window,
            Some(Viewport::new(seconds("2022-07"), seconds("2022-12")))
        );
        assert_eq!(
            InitialView::default().resolve(&timeline),
            (ViewState::default(), vec![])
        );
        // An empty list of categories shows none, as `cats=` does.
        let (state, _) = view(None, Some(&[]), None).resolve(&timeline);
        assert_eq!(state.filter, Some(CategoryFilter::none(3)));
    }

    #[test]
    fn each_unusable_part_of_a_typed_view_is_left_out_with_a_warning_naming_it() {
        let timeline = timeline();
        let (state, warnings) = view(None, Some(&["sports", "cyber"]), None).resolve(&timeline);
        let filter = state.filter.expect("known categories still apply");
        assert!(filter.is_shown(0) && !filter.is_shown(1));
        assert_eq!(
            warnings,
            ["ignoring category sports: there is no category with that id"]
        );
        let cases = [
            (
                view(Some("nope"), None, None),
                "ignoring event=nope: there is no event with that id",
            ),
            (
                view(None, None, Some(("2023", "2022"))),
                "ignoring from=2023&to=2022: the window ends before it starts",
            ),
            (
                view(None, None, Some(("2022", "2022"))),
                "ignoring from=2022&to=2022: the window ends before it starts",
            ),
            (
                InitialView {
                    from: Some("2022".into()),
                    ..InitialView::default()
                },
                "ignoring the window: a link needs both from= and to=",
            ),
            (
                InitialView {
                    to: Some("2022".into()),
                    ..InitialView::default()
                },
                "ignoring the window: a link needs both from= and to=",
            ),
        ];
        for (view, expected) in cases {
            let (state, warnings) = view.resolve(&timeline);
            assert_eq!(state, ViewState::default(), "{view:?}");
            assert_eq!(warnings, [expected], "{view:?}");
        }
        let (state, warnings) = view(None, None, Some(("yesterday", "2022"))).resolve(&timeline);
        assert_eq!(state.window, None);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("ignoring from=yesterday&to=2022: "),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_typed_view_with_hostile_ids_warns_briefly() {
        let timeline = timeline();
        let ids: Vec<String> = (0..50_000).map(|n| format!("\u{1b}{n}")).collect();
        let view = InitialView {
            event: Some("ש".repeat(10_000)),
            categories: Some(ids),
            ..InitialView::default()
        };
        let (state, warnings) = view.resolve(&timeline);
        assert_eq!(state.event, None);
        assert_eq!(state.filter, Some(CategoryFilter::none(3)));
        assert_eq!(warnings.len(), MAX_WARNINGS + 1);
        assert!(warnings
            .iter()
            .all(|w| w.chars().count() < 200 && !w.contains('\u{1b}')));
        assert_eq!(
            warnings[MAX_WARNINGS],
            format!(
                "ignoring {} more parts of the link",
                50_000 + 1 - MAX_WARNINGS
            )
        );
    }

    #[test]
    fn a_fragment_reads_as_the_typed_view_it_writes() {
        let (read, warnings) = InitialView::from_fragment(
            "#event=visit&cats=cyber%2Chistory,&from=2022-07&to=2022+12&zoom=3",
        );
        assert_eq!(
            read,
            view(
                Some("visit"),
                Some(&["cyber", "history"]),
                Some(("2022-07", "2022 12"))
            )
        );
        assert_eq!(warnings, ["ignoring unknown link parameter zoom"]);
        let written = view(
            Some("visit"),
            Some(&["cyber"]),
            Some(("2022-07", "2022-12")),
        );
        assert_eq!(
            written.to_fragment(),
            "event=visit&cats=cyber&from=2022-07&to=2022-12"
        );
        assert_eq!(
            InitialView::from_fragment(&written.to_fragment()),
            (written, vec![])
        );
        assert_eq!(InitialView::default().to_fragment(), "");
    }

    #[test]
    fn the_view_a_state_shows_resolves_to_that_state() {
        let timeline = timeline();
        let mut filter = CategoryFilter::all(3);
        filter.toggle(0);
        let state = ViewState {
            event: timeline.event_index("attack"),
            filter: Some(filter),
            window: Some(Viewport::new(seconds("2021-03-05"), seconds("2023-01-01"))),
        };
        let written = InitialView::of(&state, &timeline);
        assert_eq!(
            written,
            view(
                Some("attack"),
                Some(&["diplomacy", "history"]),
                Some(("2021-03-05", "2023-01-01"))
            )
        );
        assert_eq!(written.resolve(&timeline), (state, vec![]));
        let everything = ViewState {
            filter: Some(CategoryFilter::all(3)),
            ..ViewState::default()
        };
        assert_eq!(
            InitialView::of(&everything, &timeline),
            InitialView::default()
        );
    }
}
