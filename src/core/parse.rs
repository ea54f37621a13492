//! Reads a Storyline JSON document and reports every problem at once, each located and explained.
//!
//! Validation walks the JSON value by hand rather than through serde derive so that it can go on
//! after the first problem, the way an editor's checklist does, and word each message for the
//! journalist who has to fix it. What it reports is bounded whatever the file holds: repeats of a
//! problem are counted rather than listed, at most [`MAX_PROBLEMS`] are kept, and text quoted from
//! the data is clipped.

use super::contrast::{contrast_ratio, parse_hex, MIN_GRAPHIC_CONTRAST};
use super::date::PartialDate;
use super::locate::{JsonPath, PathSegment, Position, SourceMap};
use super::model::{Category, Event, Media, Source, Timeline, DEFAULT_IMPORTANCE};
use super::text::{is_web_url, parse_text};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The only version of the format so far.
pub const FORMAT_VERSION: u64 = 1;

/// Text longer than this draws a warning: readers skim timelines.
pub const LONG_TEXT_CHARS: usize = 2_000;

/// The most problems one document's list keeps; the rest are only counted. Errors are kept
/// before warnings, so a document with errors always lists some.
pub const MAX_PROBLEMS: usize = 200;

/// Text from the data quoted in a message is cut to this many characters.
pub const QUOTED_CHARS: usize = 60;

/// A message or hint never grows past this many characters, whatever it quotes.
const MESSAGE_CHARS: usize = 400;

/// The U+FEFF byte-order mark that Windows tools put at the start of UTF-8 files.
const BYTE_ORDER_MARK: char = '\u{feff}';

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem in a document: where it is, what is wrong and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// `events[3].start`, or `(top level)`.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
    /// How many more times the same problem occurs in the same kind of place (the same unknown
    /// category id in other events, say); they are counted here instead of listed.
    pub more_like_this: usize,
}

impl Problem {
    /// " (and 1,999 more like this)" for a folded problem, else nothing.
    pub fn more_like_this_note(&self) -> String {
        if self.more_like_this == 0 {
            String::new()
        } else {
            format!(" (and {} more like this)", thousands(self.more_like_this))
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "line {}, column {}: {}: {}",
            self.line, self.column, self.path, self.message
        )?;
        if !self.hint.is_empty() {
            write!(formatter, " ({})", self.hint)?;
        }
        formatter.write_str(&self.more_like_this_note())
    }
}

/// How many problems a document has in all, repeats and those past the list's end included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProblemCount {
    pub errors: usize,
    pub warnings: usize,
}

impl ProblemCount {
    pub fn all(&self) -> usize {
        self.errors + self.warnings
    }
}

/// What reading a document gave: a timeline when there were no errors, and the problems found.
#[derive(Debug)]
pub struct ParseOutcome {
    pub timeline: Option<Timeline>,
    /// At most [`MAX_PROBLEMS`], in the order they were found, repeats folded into the first.
    pub problems: Vec<Problem>,
    /// Every problem found, including those folded or left off the list.
    pub total: ProblemCount,
}

impl ParseOutcome {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
    }

    /// Problems found but neither listed nor counted as a repeat of a listed one.
    pub fn left_off(&self) -> usize {
        left_off(&self.problems, self.total)
    }

    /// Whether the list was cut: some problems are only in the total.
    pub fn truncated(&self) -> bool {
        self.left_off() > 0
    }
}

/// How many of `total` problems are neither in `problems` nor counted as repeats of one there.
pub fn left_off(problems: &[Problem], total: ProblemCount) -> usize {
    let listed: usize = problems
        .iter()
        .map(|problem| 1 + problem.more_like_this)
        .sum();
    total.all().saturating_sub(listed)
}

/// Reads a document from bytes as a file holds them: a byte-order mark is skipped, and bytes that
/// are not UTF-8 are an error at their line and column.
pub fn parse_timeline_bytes(bytes: &[u8]) -> ParseOutcome {
    match decode_utf8(bytes) {
        Ok(text) => parse_timeline(text),
        Err(problem) => failed(problem),
    }
}

/// The text of a file's bytes, without a byte-order mark; bytes that are not UTF-8 give a problem
/// at their place (columns counted in characters, as editors count them).
pub fn decode_utf8(bytes: &[u8]) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |newline| newline + 1);
        Problem {
            severity: Severity::Error,
            path: JsonPath::root().to_string(),
            line: valid.matches('\n').count() + 1,
            column: valid[line_start..].chars().count() + 1,
            message: format!(
                "this is not UTF-8 text (byte 0x{:02x})",
                bytes[error.valid_up_to()]
            ),
            hint: "Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).".into(),
            more_like_this: 0,
        }
    })
}

/// Reads a document. The timeline is `None` exactly when at least one problem is an error.
pub fn parse_timeline(text: &str) -> ParseOutcome {
    // Positions are counted as editors show them, which hide the mark.
    let text = text.strip_prefix(BYTE_ORDER_MARK).unwrap_or(text);
    if text.trim().is_empty() {
        return failed(Problem {
            severity: Severity::Error,
            path: JsonPath::root().to_string(),
            line: 1,
            column: 1,
            message: "the file is empty".into(),
            hint: "Start from the example in docs/data-format.md.".into(),
            more_like_this: 0,
        });
    }
    let mut checker = Checker::default();
    let timeline = if text.trim_start().starts_with('{') {
        // Stream the events one at a time, so a story of 100,000 events never exists as one
        // big JSON tree in memory.
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let document = DocumentVisitor {
            checker: &mut checker,
        };
        let read = serde::Deserializer::deserialize_map(&mut deserializer, document)
            .and_then(|document| deserializer.end().map(|()| document));
        match read {
            Ok(document) => checker.timeline(document),
            Err(error) => return failed(syntax_problem(text, &error)),
        }
    } else if !looks_like_json(text) {
        let first_line = text
            .lines()
            .position(|line| !line.trim().is_empty())
            .unwrap_or(0);
        let column = text.lines().nth(first_line).map_or(0, |line| {
            line.chars().count() - line.trim_start().chars().count()
        });
        return failed(Problem {
            severity: Severity::Error,
            path: JsonPath::root().to_string(),
            line: first_line + 1,
            column: column + 1,
            message: "this is not JSON: a Storyline file starts with {".into(),
            hint: "Is this the right file? Save the timeline as JSON, or import a CSV or TimelineJS file instead.".into(),
            more_like_this: 0,
        });
    } else {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                checker.object(&value, &JsonPath::root(), "the whole document");
                None
            }
            Err(error) => return failed(syntax_problem(text, &error)),
        }
    };
    let (found, total) = checker.finish();
    let problems = if found.is_empty() {
        Vec::new()
    } else {
        let wanted: Vec<JsonPath> = found.iter().map(|found| found.path.clone()).collect();
        let source_map = SourceMap::new(text, &wanted);
        found
            .into_iter()
            .map(|found| found.locate(&source_map))
            .collect()
    };
    ParseOutcome {
        timeline: if total.errors > 0 { None } else { timeline },
        problems,
        total,
    }
}

/// The top level of a document as read: its small fields as JSON values, its events already
/// checked one by one.
struct Document {
    top: Map<String, Value>,
    events: EventsField,
}

enum EventsField {
    Missing,
    NotAList(String),
    List(Vec<PendingEvent>),
}

/// An event checked on its own; its category ids are matched once every category is known
/// (a document may list its categories after its events).
struct PendingEvent {
    /// `None` when the event had errors; its category ids are still checked.
    event: Option<Event>,
    position: usize,
    category_ids: Vec<(usize, String)>,
}

struct DocumentVisitor<'c> {
    checker: &'c mut Checker,
}

impl<'de> serde::de::Visitor<'de> for DocumentVisitor<'_> {
    type Value = Document;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a Storyline document")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut top = Map::new();
        let mut events = EventsField::Missing;
        while let Some(key) = map.next_key::<String>()? {
            if key == "events" {
                events = map.next_value_seed(EventsSeed {
                    checker: &mut *self.checker,
                })?;
            } else {
                let value: Value = map.next_value()?;
                top.insert(key, value);
            }
        }
        Ok(Document { top, events })
    }
}

struct EventsSeed<'c> {
    checker: &'c mut Checker,
}

impl<'de> serde::de::DeserializeSeed<'de> for EventsSeed<'_> {
    type Value = EventsField;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<EventsField, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EventsSeed<'_> {
    type Value = EventsField;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of events")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<EventsField, A::Error> {
        let mut events = Vec::new();
        let mut seen_ids = HashSet::new();
        let list = JsonPath::root().key("events");
        let mut position = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            if let Some(event) = self.checker.event(&value, &list, position, &mut seen_ids) {
                events.push(event);
            }
            position += 1;
        }
        if position == 0 {
            self.checker.error(
                list,
                "the timeline has no events",
                "Add at least one event; see docs/data-format.md for an example.",
            );
        }
        Ok(EventsField::List(events))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<EventsField, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(EventsField::NotAList("an object".into()))
    }

    fn visit_bool<E>(self, value: bool) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::Bool(value))))
    }

    fn visit_i64<E>(self, value: i64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_u64<E>(self, value: u64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_f64<E>(self, value: f64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_str<E>(self, value: &str) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_unit<E>(self) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::Null)))
    }
}

/// Whether the text starts like a JSON value at all (as opposed to, say, a CSV or a web page).
fn looks_like_json(text: &str) -> bool {
    match text.trim_start().chars().next() {
        Some('{' | '[' | '"' | '-' | '0'..='9') => true,
        // true, false, null, or a word that merely starts like one.
        Some('t' | 'f' | 'n') => serde_json::from_str::<Value>(text).is_ok(),
        _ => false,
    }
}

fn failed(problem: Problem) -> ParseOutcome {
    ParseOutcome {
        timeline: None,
        problems: vec![problem],
        total: ProblemCount {
            errors: 1,
            warnings: 0,
        },
    }
}

fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(message, _)| message)
        .to_string();
    let hint = if message.contains("trailing comma") {
        "Remove the comma after the last item of a list or object."
    } else if message.contains("EOF") {
        "The file ends too early: a closing } or ] or a closing quote is probably missing."
    } else if message.contains("key must be a string") {
        "Put every field name in double quotes, for example \"title\"."
    } else if message.contains("expected `,` or") {
        "A comma is probably missing between two items, or a quote is not closed."
    } else if message.contains("control character") {
        "A line break inside text must be written as \\n; check that every quote is closed."
    } else if message.contains("recursion limit") {
        "The data is nested far too deeply (lists inside lists...): a timeline needs only a few levels."
    } else if message.contains("expected value") || message.contains("expected ident") {
        "Text must be in double quotes; true, false, numbers and null are the only bare words."
    } else {
        "Check the JSON syntax near this place."
    };
    let message = if message.contains("EOF") {
        "the file ends before the JSON is complete".to_string()
    } else {
        format!("this is not valid JSON: {message}")
    };
    Problem {
        severity: Severity::Error,
        path: JsonPath::root().to_string(),
        line: error.line().max(1),
        column: character_column(text, error.line(), error.column()),
        message,
        hint: hint.into(),
        more_like_this: 0,
    }
}

/// serde_json counts columns in bytes; editors count characters.
fn character_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.lines().nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let byte_offset = byte_column.min(line_text.len());
    let mut boundary = byte_offset;
    while !line_text.is_char_boundary(boundary) {
        boundary -= 1;
    }
    line_text[..boundary].chars().count().max(1)
}

/// A problem before it is given its line and column.
struct Found {
    severity: Severity,
    path: JsonPath,
    /// Point at the key itself (an unknown field) rather than its value.
    at_key: bool,
    message: String,
    hint: String,
    more_like_this: usize,
    /// The order it was found in, kept when errors and warnings are merged into one list.
    sequence: usize,
}

impl Found {
    fn locate(self, source_map: &SourceMap) -> Problem {
        // A missing field points at the object that lacks it, so walk up until something is found.
        let mut path = self.path.clone();
        let mut position = None;
        loop {
            let here = if self.at_key {
                source_map.key(&path).or_else(|| source_map.value(&path))
            } else {
                source_map.value(&path)
            };
            if here.is_some() || path.0.is_empty() {
                position = position.or(here);
                break;
            }
            path.0.pop();
        }
        let Position { line, column } = position.unwrap_or(Position { line: 1, column: 1 });
        Problem {
            severity: self.severity,
            path: self.path.to_string(),
            line,
            column,
            message: self.message,
            hint: self.hint,
            more_like_this: self.more_like_this,
        }
    }
}

/// Problems of one severity: the first [`MAX_PROBLEMS`] distinct ones kept, repeats counted.
#[derive(Default)]
struct Kept {
    found: Vec<Found>,
    /// A kept problem's message and the shape of its path (indices left out) to its place in
    /// `found`: the same message in the same kind of place is the same problem again.
    by_kind: HashMap<(String, String), usize>,
    count: usize,
}

#[derive(Default)]
struct Checker {
    errors: Kept,
    warnings: Kept,
    sequence: usize,
}

pub(crate) const TOP_FIELDS: &[&str] = &[
    "$schema",
    "version",
    "title",
    "description",
    "language",
    "categories",
    "events",
];
pub(crate) const CATEGORY_FIELDS: &[&str] = &["id", "label", "color"];
pub(crate) const EVENT_FIELDS: &[&str] = &[
    "id",
    "start",
    "end",
    "approximate",
    "display_date",
    "title",
    "text",
    "categories",
    "sources",
    "media",
    "importance",
];
pub(crate) const SOURCE_FIELDS: &[&str] = &["title", "publisher", "url", "date"];
pub(crate) const MEDIA_FIELDS: &[&str] = &["url", "alt", "caption", "credit"];

impl Checker {
    /// Counts a problem, and keeps it unless it repeats a kept one or the list is full. The hint
    /// is only worked out for a problem that is kept (some hints search the document). Returns
    /// where in its severity's list the problem is kept or counted, if it is.
    fn report(
        &mut self,
        severity: Severity,
        path: JsonPath,
        at_key: bool,
        message: String,
        hint: impl FnOnce() -> String,
    ) -> Option<usize> {
        let kept = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        kept.count += 1;
        let message = if message.chars().nth(MESSAGE_CHARS).is_some() {
            clip(&message, MESSAGE_CHARS).into_owned()
        } else {
            message
        };
        let kind = (message, path_shape(&path));
        if let Some(&first) = kept.by_kind.get(&kind) {
            kept.found[first].more_like_this += 1;
            return Some(first);
        }
        if kept.found.len() >= MAX_PROBLEMS {
            return None;
        }
        self.sequence += 1;
        let place = kept.found.len();
        kept.by_kind.insert(kind.clone(), place);
        kept.found.push(Found {
            severity,
            path,
            at_key,
            message: kind.0,
            hint: clip(&hint(), MESSAGE_CHARS).into_owned(),
            more_like_this: 0,
            sequence: self.sequence,
        });
        Some(place)
    }

    /// Counts another error exactly like one already reported (at `place`, if it was kept),
    /// without building its path and message again.
    fn repeat_error(&mut self, place: Option<usize>) {
        self.errors.count += 1;
        if let Some(place) = place {
            self.errors.found[place].more_like_this += 1;
        }
    }

    fn error(&mut self, path: JsonPath, message: impl Into<String>, hint: impl Into<String>) {
        let hint = hint.into();
        self.report(Severity::Error, path, false, message.into(), || hint);
    }

    fn warning(&mut self, path: JsonPath, message: impl Into<String>, hint: impl Into<String>) {
        let hint = hint.into();
        self.report(Severity::Warning, path, false, message.into(), || hint);
    }

    /// The problems to list, errors first when the list is full, in the order found; and the
    /// count of all.
    fn finish(self) -> (Vec<Found>, ProblemCount) {
        let total = ProblemCount {
            errors: self.errors.count,
            warnings: self.warnings.count,
        };
        let mut found = self.errors.found;
        let room = MAX_PROBLEMS.saturating_sub(found.len());
        found.extend(self.warnings.found.into_iter().take(room));
        found.sort_by_key(|found| found.sequence);
        (found, total)
    }

    fn timeline(&mut self, document: Document) -> Option<Timeline> {
        let root = JsonPath::root();
        let object = &document.top;
        self.unknown_fields(object, &root, TOP_FIELDS);
        match object.get("version") {
            None => self.error(
                root.clone(),
                "\"version\" is missing",
                "Add \"version\": 1 at the top of the document.",
            ),
            Some(version) if version.as_u64() == Some(FORMAT_VERSION) => {}
            Some(version) => self.error(
                root.key("version"),
                format!(
                    "version {} is not supported",
                    clip(&version.to_string(), QUOTED_CHARS)
                ),
                "This is version 1 of the format: write \"version\": 1.",
            ),
        }
        let title = self.required_text(object, &root, "title", "the timeline's title");
        let description = self.optional_text(object, &root, "description");
        let language = self.optional_text(object, &root, "language");
        if let Some(language) = &language {
            if !is_language_tag(language) {
                self.error(
                    root.key("language"),
                    format!("{} is not a language tag", quote(language)),
                    "Use a BCP 47 tag such as \"en\", \"sq\", \"he\" or \"pt-BR\".",
                );
            }
        }
        let categories = self.categories(object, &root);
        let events = match document.events {
            EventsField::Missing => {
                self.error(
                    root.clone(),
                    "\"events\" is missing",
                    "Add \"events\": [ ... ] with at least one event.",
                );
                None
            }
            EventsField::NotAList(found) => {
                self.error(
                    root.key("events"),
                    format!("expected the list of events in [ brackets ], found {found}"),
                    "Wrap the items in [ and ], separated by commas.",
                );
                None
            }
            EventsField::List(pending) => Some(self.resolve_categories(pending, &categories)),
        };
        let events = events.filter(|events| !events.is_empty())?;
        Some(Timeline::new(
            title?,
            description,
            language,
            categories,
            events,
        ))
    }

    /// Matches each event's category ids against the categories, now that all are known.
    fn resolve_categories(
        &mut self,
        pending: Vec<PendingEvent>,
        categories: &[Category],
    ) -> Vec<Event> {
        let by_id: HashMap<&str, usize> = categories
            .iter()
            .enumerate()
            .map(|(index, category)| (category.id.as_str(), index))
            .collect();
        // Where each unknown id's problem went: a file may repeat one 200,000 times.
        let mut unknown: HashMap<String, Option<usize>> = HashMap::new();
        let mut events = Vec::with_capacity(pending.len());
        for PendingEvent {
            event,
            position,
            category_ids,
        } in pending
        {
            let mut matched = Vec::new();
            let mut seen = HashSet::new();
            let list = JsonPath::root()
                .key("events")
                .index(position)
                .key("categories");
            for (index, id) in category_ids {
                match by_id.get(id.as_str()) {
                    Some(&category) => {
                        if seen.insert(category) {
                            matched.push(category);
                        }
                    }
                    None => match unknown.get(&id) {
                        Some(&place) => self.repeat_error(place),
                        None => {
                            let place = self.report(
                                Severity::Error,
                                list.index(index),
                                false,
                                format!("there is no category {}", quote(&id)),
                                || known_categories_hint(&id, categories),
                            );
                            unknown.insert(id, place);
                        }
                    },
                }
            }
            if let Some(mut event) = event.filter(|_| !matched.is_empty()) {
                event.categories = matched;
                events.push(event);
            }
        }
        events
    }

    fn categories(&mut self, object: &Map<String, Value>, root: &JsonPath) -> Vec<Category> {
        let path = root.key("categories");
        let Some(value) = object.get("categories") else {
            self.error(
                root.clone(),
                "\"categories\" is missing",
                "Add a list of categories, for example \"categories\": [{\"id\": \"politics\", \"label\": \"Politics\", \"color\": \"#1d4ed8\"}].",
            );
            return Vec::new();
        };
        let Some(items) = self.array(value, &path, "the list of categories") else {
            return Vec::new();
        };
        let mut categories = Vec::new();
        let mut seen = HashSet::new();
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(object) = self.object(item, &path, "a category") else {
                continue;
            };
            self.unknown_fields(object, &path, CATEGORY_FIELDS);
            let id = self.slug(object, &path, "category");
            let label = self.required_text(object, &path, "label", "the category's label");
            let color = self.required_text(object, &path, "color", "the category's colour");
            if let Some(color) = &color {
                if !is_hex_color(color) {
                    self.error(
                        path.key("color"),
                        format!("{} is not a colour this format reads", quote(color)),
                        "Write colours as #rrggbb or #rgb, for example #1d4ed8.",
                    );
                } else if let Some(rgb) = parse_hex(color) {
                    let ratio = contrast_ratio(rgb, (255, 255, 255));
                    if ratio < MIN_GRAPHIC_CONTRAST {
                        // Tenths by integers: float formatting would cost the reader's download.
                        let tenths = (ratio * 10.0).round() as u32;
                        self.warning(
                            path.key("color"),
                            format!(
                                "the colour {color} is hard to see on a white background (contrast {}.{}:1)",
                                tenths / 10,
                                tenths % 10
                            ),
                            "Marks need at least 3:1 against the background: choose a darker colour, such as #1d4ed8.",
                        );
                    }
                }
            }
            if let Some(id) = &id {
                if !seen.insert(id.clone()) {
                    self.error(
                        path.key("id"),
                        format!("the category id {} is used twice", quote(id)),
                        "Give each category its own id.",
                    );
                }
            }
            if let (Some(id), Some(label), Some(color)) = (id, label, color) {
                categories.push(Category { id, label, color });
            }
        }
        categories
    }

    fn event(
        &mut self,
        value: &Value,
        list: &JsonPath,
        position: usize,
        seen_ids: &mut HashSet<String>,
    ) -> Option<PendingEvent> {
        let path = &list.index(position);
        let object = self.object(value, path, "an event")?;
        self.unknown_fields(object, path, EVENT_FIELDS);
        let id = self.slug(object, path, "event");
        if let Some(id) = &id {
            if !seen_ids.insert(id.clone()) {
                self.error(
                    path.key("id"),
                    format!("the event id {} is used twice", quote(id)),
                    "Give each event its own id, for example by adding the year: \"visit-2022\".",
                );
            }
        }
        let title = self.required_text(object, path, "title", "the event's title");
        let start = self.required_date(object, path, "start");
        let end = self.optional_date(object, path, "end");
        if let (Some(start), Some(end)) = (&start, &end) {
            if end.end_seconds() <= start.start_seconds() {
                self.error(
                    path.key("end"),
                    format!(
                        "the event ends ({}) before it starts ({})",
                        end.format(),
                        start.format()
                    ),
                    "Swap start and end, or correct the end date.",
                );
            }
        }
        let approximate = self.optional_bool(object, path, "approximate");
        let display_date = self.optional_text(object, path, "display_date");
        let text = self.optional_text(object, path, "text").unwrap_or_default();
        if text.chars().count() > LONG_TEXT_CHARS {
            self.warning(
                path.key("text"),
                format!("the text is long ({} characters)", text.chars().count()),
                format!("Readers skim timelines: keep it under {LONG_TEXT_CHARS} characters and link to the article."),
            );
        }
        // The paragraphs are read again when the event is shown; here only the links matter.
        let (_, refused_links) = parse_text(&text);
        for link in refused_links {
            self.error(
                path.key("text"),
                format!(
                    "the link {} goes to {}, which is not a web address",
                    quote(&link.label),
                    quote(&link.url)
                ),
                "Links must start with https:// or http://.",
            );
        }
        let category_ids = self.event_categories(object, path);
        let sources = self.sources(object, path);
        let media = self.media(object, path);
        let importance = self.importance(object, path);
        let has_categories = category_ids.is_some();
        let event = match (id, start, title) {
            (Some(id), Some(start), Some(title)) if has_categories => Some(Event {
                id,
                start,
                end,
                approximate,
                display_date,
                title,
                text,
                categories: Vec::new(),
                sources,
                media,
                importance,
            }),
            _ => None,
        };
        Some(PendingEvent {
            event,
            position,
            category_ids: category_ids.unwrap_or_default(),
        })
    }

    /// The event's category ids as written, with their positions; matched later.
    fn event_categories(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
    ) -> Option<Vec<(usize, String)>> {
        let list_path = path.key("categories");
        let Some(value) = object.get("categories") else {
            self.error(
                path.clone(),
                "the event has no \"categories\"",
                "Add \"categories\": [\"...\"] with one or more ids from the top-level list.",
            );
            return None;
        };
        let items = self.array(value, &list_path, "a list of category ids")?;
        if items.is_empty() {
            self.error(
                list_path.clone(),
                "the event has no category",
                "Give it at least one id from the top-level \"categories\" list.",
            );
            return None;
        }
        let ids: Vec<(usize, String)> = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                self.text(item, || list_path.index(index))
                    .map(|id| (index, id))
            })
            .collect();
        (ids.len() == items.len()).then_some(ids)
    }

    fn sources(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Vec<Source> {
        let list_path = path.key("sources");
        let Some(value) = object.get("sources") else {
            self.warning(
                path.clone(),
                "the event has no sources",
                "Readers trust events they can check: add \"sources\" with at least one link.",
            );
            return Vec::new();
        };
        let Some(items) = self.array(value, &list_path, "a list of sources") else {
            return Vec::new();
        };
        if items.is_empty() {
            self.warning(
                list_path.clone(),
                "the event has no sources",
                "Readers trust events they can check: add at least one link.",
            );
        }
        let mut sources = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = list_path.index(index);
            let Some(object) = self.object(item, &path, "a source") else {
                continue;
            };
            self.unknown_fields(object, &path, SOURCE_FIELDS);
            let title = self.required_text(object, &path, "title", "the source's title");
            let publisher = self.optional_text(object, &path, "publisher");
            if publisher.is_none() && object.get("publisher").is_none() {
                self.warning(
                    path.clone(),
                    "the source has no publisher",
                    "Add \"publisher\", for example \"The Times of Israel\".",
                );
            }
            let url = self.web_url(object, &path, "url");
            let date = self.optional_date(object, &path, "date");
            if let (Some(title), Some(url)) = (title, url) {
                sources.push(Source {
                    title,
                    publisher,
                    url,
                    date,
                });
            }
        }
        sources
    }

    fn media(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<Media> {
        let media_path = path.key("media");
        let value = object.get("media")?;
        let object = self.object(value, &media_path, "a media object")?;
        self.unknown_fields(object, &media_path, MEDIA_FIELDS);
        let url = self.web_url(object, &media_path, "url");
        let alt = self.required_text(
            object,
            &media_path,
            "alt",
            "a description of the image for readers who cannot see it",
        );
        let caption = self.optional_text(object, &media_path, "caption");
        let credit = self.optional_text(object, &media_path, "credit");
        Some(Media {
            url: url?,
            alt: alt?,
            caption,
            credit,
        })
    }

    fn importance(&mut self, object: &Map<String, Value>, path: &JsonPath) -> u8 {
        let Some(value) = object.get("importance") else {
            return DEFAULT_IMPORTANCE;
        };
        match value.as_u64() {
            Some(importance @ 1..=5) => importance as u8,
            _ => {
                self.error(
                    path.key("importance"),
                    format!(
                        "importance {} is not between 1 and 5",
                        clip(&value.to_string(), QUOTED_CHARS)
                    ),
                    "Use a whole number from 1 (minor) to 5 (key event).",
                );
                DEFAULT_IMPORTANCE
            }
        }
    }

    fn slug(&mut self, object: &Map<String, Value>, path: &JsonPath, what: &str) -> Option<String> {
        let id = self.required_text(object, path, "id", &format!("the {what}'s id"))?;
        if is_slug(&id) {
            Some(id)
        } else {
            self.error(
                path.key("id"),
                format!("{} is not a valid {what} id", quote(&id)),
                format!(
                    "Use lowercase letters, digits and hyphens, for example {}.",
                    quote(&suggest_slug(&id))
                ),
            );
            None
        }
    }

    fn web_url(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<String> {
        let url = self.required_text(object, path, key, "a web address")?;
        if is_web_url(&url) {
            Some(url)
        } else {
            self.error(
                path.key(key),
                format!("{} is not a web address", quote(&url)),
                "Addresses must start with https:// or http://.",
            );
            None
        }
    }

    fn required_date(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<PartialDate> {
        if object.get(key).is_none() {
            self.error(
                path.clone(),
                format!("the event has no \"{key}\" date"),
                format!("Add \"{key}\": \"2022-09-07\" (or just the year or month if that is all you know)."),
            );
            return None;
        }
        self.optional_date(object, path, key)
    }

    fn optional_date(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<PartialDate> {
        let value = object.get(key)?;
        let text = match value {
            // A bare year such as 2009 is a common slip; read it, as a spreadsheet would.
            Value::Number(number) if number.is_i64() => number.to_string(),
            _ => self.text(value, || path.key(key))?,
        };
        match PartialDate::parse(&text) {
            Ok(date) => Some(date),
            Err(error) => {
                self.error(path.key(key), error.message, error.hint);
                None
            }
        }
    }

    fn optional_bool(&mut self, object: &Map<String, Value>, path: &JsonPath, key: &str) -> bool {
        match object.get(key) {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => {
                self.error(
                    path.key(key),
                    format!("expected true or false, found {}", describe(other)),
                    format!("Write \"{key}\": true or leave it out."),
                );
                false
            }
        }
    }

    fn required_text(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
        what: &str,
    ) -> Option<String> {
        match object.get(key) {
            None => {
                self.error(
                    path.clone(),
                    format!("\"{key}\" is missing"),
                    format!("Add \"{key}\" with {what}."),
                );
                None
            }
            Some(value) => {
                let text = self.text(value, || path.key(key))?;
                if text.trim().is_empty() {
                    self.error(
                        path.key(key),
                        format!("\"{key}\" is empty"),
                        format!("Write {what}."),
                    );
                    return None;
                }
                Some(text.trim().to_string())
            }
        }
    }

    fn optional_text(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<String> {
        let text = self.text(object.get(key)?, || path.key(key))?;
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }

    /// The value as text; `path` is only built when the value is not text (paths allocate, and
    /// this runs for nearly every field of every event).
    fn text(&mut self, value: &Value, path: impl FnOnce() -> JsonPath) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(
                    path(),
                    format!("expected text in double quotes, found {}", describe(other)),
                    "Put the value in double quotes, for example \"2022\".",
                );
                None
            }
        }
    }

    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(object) => Some(object),
            other => {
                self.error(
                    path.clone(),
                    format!("expected {what} in {{ braces }}, found {}", describe(other)),
                    "See docs/data-format.md for the shape of each part.",
                );
                None
            }
        }
    }

    fn array<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
        what: &str,
    ) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.error(
                    path.clone(),
                    format!("expected {what} in [ brackets ], found {}", describe(other)),
                    "Wrap the items in [ and ], separated by commas.",
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, object: &Map<String, Value>, path: &JsonPath, known: &[&str]) {
        for key in object.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let hint = || match closest(key, known) {
                Some(suggestion) => {
                    format!("Did you mean \"{suggestion}\"? Unknown fields are ignored.")
                }
                None => format!(
                    "Known fields here: {}. Unknown fields are ignored.",
                    known.join(", ")
                ),
            };
            self.report(
                Severity::Warning,
                path.key(key),
                true,
                format!("unknown field \"{}\"", clip(key, QUOTED_CHARS)),
                hint,
            );
        }
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => format!("{flag}"),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the text {}", quote(text)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Data quoted in a message: in curly quotes, clipped to [`QUOTED_CHARS`].
fn quote(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", clip(text, QUOTED_CHARS))
}

/// The text cut to `max_chars` characters (on a character boundary), with "…" when cut.
fn clip(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}\u{2026}", &text[..end])),
    }
}

/// 199999 as "199,999".
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A path with its list positions left out (`events[].categories[]`): problems with the same
/// message at paths of the same shape are repeats of one problem.
fn path_shape(path: &JsonPath) -> String {
    let mut shape = String::new();
    for segment in &path.0 {
        match segment {
            PathSegment::Key(key) => {
                shape.push('.');
                shape.push_str(&clip(key, QUOTED_CHARS));
            }
            PathSegment::Index(_) => shape.push_str("[]"),
        }
    }
    shape
}

/// The hint for an unknown category id: all the ids when there are a few, else the three
/// closest, so that the hint stays short however many categories a document defines.
fn known_categories_hint(id: &str, categories: &[Category]) -> String {
    const NAMED: usize = 3;
    let ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    if ids.is_empty() {
        return "Define categories in the top-level \"categories\" list first.".to_string();
    }
    let named: Vec<String> = if ids.len() <= NAMED {
        ids.iter()
            .map(|id| clip(id, QUOTED_CHARS).into_owned())
            .collect()
    } else {
        closest_ids(id, &ids, NAMED)
            .into_iter()
            .map(|id| clip(id, QUOTED_CHARS).into_owned())
            .collect()
    };
    if ids.len() <= NAMED {
        format!("Known categories: {}.", named.join(", "))
    } else {
        format!(
            "Closest of the {} known categories: {}.",
            thousands(ids.len()),
            named.join(", ")
        )
    }
}

/// The `count` ids nearest to a misspelt one: those it begins or that begin with it first, then
/// by edit distance, then in the order defined.
fn closest_ids<'i>(wanted: &str, ids: &[&'i str], count: usize) -> Vec<&'i str> {
    // A hint, not a search: long ids are compared by their start, and only the first many ids.
    const COMPARED_CHARS: usize = 32;
    const COMPARED_IDS: usize = 1_000;
    let wanted = clip(wanted, COMPARED_CHARS).to_lowercase();
    let mut ranked: Vec<(bool, usize, usize, &str)> = ids
        .iter()
        .take(COMPARED_IDS)
        .enumerate()
        .map(|(order, id)| {
            let compared = clip(id, COMPARED_CHARS);
            let prefix = !wanted.is_empty()
                && (compared.starts_with(wanted.as_str()) || wanted.starts_with(compared.as_ref()));
            (!prefix, edit_distance(&wanted, &compared), order, *id)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().take(count).map(|(.., id)| id).collect()
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn suggest_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "event-1".into()
    } else {
        slug
    }
}

fn is_hex_color(text: &str) -> bool {
    let Some(digits) = text.strip_prefix('#') else {
        return false;
    };
    matches!(digits.len(), 3 | 6) && digits.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The known name nearest to a misspelt one, if it is near enough to be a likely slip.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    // Known names are short: a key much longer than all of them is no slip of the pen.
    let longest = known.iter().map(|name| name.len()).max().unwrap_or(0);
    if key.chars().nth(longest + longest / 4 + 2).is_some() {
        return None;
    }
    let key = key.to_lowercase();
    known
        .iter()
        .map(|candidate| (edit_distance(&key, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../../data/albania-iran-israel.json");

    fn problems(text: &str) -> Vec<String> {
        parse_timeline(text)
            .problems
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// A small valid document; tests replace parts of it to make each mistake.
    fn document(event: &str) -> String {
        format!(
            r##"{{
  "version": 1,
  "title": "Test",
  "categories": [
    {{"id": "cyber", "label": "Cyber", "color": "#b45309"}},
    {{"id": "diplomacy", "label": "Diplomacy", "color": "#1d4ed8"}}
  ],
  "events": [
    {event}
  ]
}}"##
        )
    }

    const GOOD_EVENT: &str = r#"{"id": "attack", "start": "2022-07-15", "title": "Cyberattack", "categories": ["cyber"], "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}]}"#;

    #[test]
    fn the_story_data_is_valid_and_in_time_order() {
        let outcome = parse_timeline(STORY);
        let errors: Vec<_> = outcome.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let timeline = outcome.timeline.expect("story parses");
        assert!(timeline.events.len() >= 19);
        assert_eq!(timeline.categories.len(), 5);
        let starts: Vec<_> = timeline.events.iter().map(|e| e.span().0).collect();
        assert!(starts.windows(2).all(|pair| pair[0] <= pair[1]));
        let nato = &timeline.events[timeline.event_index("nato-accession").expect("NATO event")];
        assert_eq!(nato.date_label(), "1 April 2009");
        assert!(outcome.problems.is_empty(), "{:#?}", outcome.problems);
    }

    #[test]
    fn the_albanian_story_is_valid_and_matches_the_english_one() {
        let albanian = parse_timeline(include_str!("../../data/albania-iran-israel.sq.json"));
        assert!(albanian.problems.is_empty(), "{:#?}", albanian.problems);
        let albanian = albanian.timeline.unwrap();
        let english = parse_timeline(STORY).timeline.unwrap();
        assert_eq!(albanian.language.as_deref(), Some("sq"));
        let ids = |timeline: &Timeline| {
            timeline
                .events
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&albanian), ids(&english));
        for (a, e) in albanian.events.iter().zip(&english.events) {
            assert_eq!(a.sources, e.sources, "{}", a.id);
            assert_ne!(a.title, e.title, "{} is translated", a.id);
        }
    }

    #[test]
    fn a_good_document_has_no_problems() {
        let outcome = parse_timeline(&document(GOOD_EVENT));
        assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
        assert_eq!(outcome.timeline.unwrap().events[0].title, "Cyberattack");
    }

    #[test]
    fn reports_a_bad_date_at_its_line_and_column() {
        let text = document(&GOOD_EVENT.replace("2022-07-15", "2022-13-45"));
        assert_eq!(
            problems(&text),
            ["line 9, column 31: events[0].start: month 13 does not exist (Months run from 01 to 12.)"]
        );
        assert!(parse_timeline(&text).timeline.is_none());
    }

    #[test]
    fn reports_every_problem_not_just_the_first() {
        let event = r#"{"id": "Bad Id", "start": "yesterday", "end": "2020", "title": "", "categories": ["cyber", "sports"], "sources": [{"title": "T", "url": "javascript:alert(1)"}], "importance": 9, "approximate": "yes", "titel": "x"}"#;
        let found = problems(&document(event));
        let expected_parts = [
            "events[0].id: \u{201c}Bad Id\u{201d} is not a valid event id (Use lowercase letters, digits and hyphens, for example \u{201c}bad-id\u{201d}.)",
            "events[0].start: \u{201c}yesterday\u{201d} is not a date this format understands",
            "events[0].title: \"title\" is empty",
            "events[0].categories[1]: there is no category \u{201c}sports\u{201d} (Known categories: cyber, diplomacy.)",
            "events[0].sources[0].url: \u{201c}javascript:alert(1)\u{201d} is not a web address",
            "events[0].sources[0]: the source has no publisher",
            "events[0].importance: importance 9 is not between 1 and 5",
            "events[0].approximate: expected true or false, found the text \u{201c}yes\u{201d}",
            "events[0].titel: unknown field \"titel\" (Did you mean \"title\"?",
        ];
        for part in expected_parts {
            assert!(
                found.iter().any(|problem| problem.contains(part)),
                "missing {part:?} in {found:#?}"
            );
        }
        assert_eq!(found.len(), expected_parts.len(), "{found:#?}");
    }

    #[test]
    fn end_before_start_and_duplicate_ids_are_errors() {
        let events = format!(
            "{},\n    {}",
            GOOD_EVENT.replace(
                "\"start\": \"2022-07-15\"",
                "\"start\": \"2022-07-15\", \"end\": \"2022-07-01\""
            ),
            GOOD_EVENT
        );
        let found = problems(&document(&events));
        assert!(found[0].starts_with("line 9, column "), "{found:?}");
        assert!(found[0].contains(
            "events[0].end: the event ends (1 July 2022) before it starts (15 July 2022)"
        ));
        assert!(found[1].starts_with("line 10, column 12: events[1].id: the event id \u{201c}attack\u{201d} is used twice"), "{found:?}");
    }

    #[test]
    fn missing_fields_point_at_the_object_that_lacks_them() {
        let text = r#"{"title": "T", "categories": [], "events": [{"id": "a", "title": "A", "categories": ["x"]}]}"#;
        let found = problems(text);
        assert!(found.contains(&"line 1, column 1: (top level): \"version\" is missing (Add \"version\": 1 at the top of the document.)".to_string()), "{found:#?}");
        assert!(
            found
                .iter()
                .any(|p| p
                    .starts_with("line 1, column 45: events[0]: the event has no \"start\" date")),
            "{found:#?}"
        );
        assert!(found.iter().any(|p| p.contains("events[0].categories[0]: there is no category \u{201c}x\u{201d} (Define categories")), "{found:#?}");
    }

    #[test]
    fn syntax_errors_are_located_and_explained() {
        let outcome = parse_timeline("{\n  \"version\": 1,\n  \"title\": \"T\",\n}");
        assert_eq!(outcome.problems.len(), 1);
        let problem = &outcome.problems[0];
        assert_eq!((problem.line, problem.column), (4, 1));
        assert!(problem.message.contains("trailing comma"), "{problem}");
        assert!(problem.hint.contains("Remove the comma"));

        let truncated = parse_timeline("{\"version\": 1, \"events\": [");
        assert_eq!(
            truncated.problems[0].message,
            "the file ends before the JSON is complete"
        );

        let empty = parse_timeline("  \n");
        assert_eq!(empty.problems[0].message, "the file is empty");

        let not_object = problems("[1, 2]");
        assert_eq!(not_object[0], "line 1, column 1: (top level): expected the whole document in { braces }, found a list (See docs/data-format.md for the shape of each part.)");
    }

    #[test]
    fn warnings_do_not_stop_the_timeline() {
        let event = GOOD_EVENT.replace(
            r#", "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}]"#,
            "",
        );
        let outcome = parse_timeline(&document(&event));
        assert!(outcome.timeline.is_some());
        assert_eq!(outcome.problems.len(), 1);
        assert_eq!(outcome.problems[0].severity, Severity::Warning);
        assert_eq!(outcome.problems[0].message, "the event has no sources");
    }

    #[test]
    fn text_links_must_be_web_addresses() {
        let event = GOOD_EVENT.replace(
            "\"title\": \"Cyberattack\"",
            "\"title\": \"Cyberattack\", \"text\": \"See [this](javascript:alert(1)).\"",
        );
        let found = problems(&document(&event));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("events[0].text: the link \u{201c}this\u{201d} goes to \u{201c}javascript:alert(1\u{201d}"));
    }

    #[test]
    fn bad_colours_languages_and_versions_are_reported() {
        let text = document(GOOD_EVENT).replace("#b45309", "orange").replace(
            "\"version\": 1",
            "\"version\": 2, \"language\": \"english language\"",
        );
        let found = problems(&text);
        assert!(
            found
                .iter()
                .any(|p| p.contains("version 2 is not supported")),
            "{found:#?}"
        );
        assert!(found
            .iter()
            .any(|p| p.contains("categories[0].color: \u{201c}orange\u{201d} is not a colour")));
        assert!(found.iter().any(
            |p| p.contains("language: \u{201c}english language\u{201d} is not a language tag")
        ));
    }

    #[test]
    fn pale_category_colours_get_a_contrast_warning() {
        let outcome = parse_timeline(&document(GOOD_EVENT).replace("#b45309", "#ffd700"));
        assert!(outcome.timeline.is_some());
        assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
        assert_eq!(outcome.problems[0].severity, Severity::Warning);
        assert_eq!(outcome.problems[0].path, "categories[0].color");
        assert!(outcome.problems[0]
            .message
            .contains("hard to see on a white background (contrast 1.4:1)"));
    }

    #[test]
    fn bare_year_numbers_are_read_as_years() {
        let outcome = parse_timeline(&document(&GOOD_EVENT.replace("\"2022-07-15\"", "2022")));
        assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
        assert_eq!(outcome.timeline.unwrap().events[0].date_label(), "2022");
    }

    #[test]
    fn media_needs_a_web_address_and_alt_text() {
        let event = GOOD_EVENT.replace(
            "\"title\": \"Cyberattack\"",
            "\"title\": \"Cyberattack\", \"media\": {\"url\": \"file:///etc/passwd\"}",
        );
        let found = problems(&document(&event));
        assert!(
            found.iter().any(|p| p.contains(
                "events[0].media.url: \u{201c}file:///etc/passwd\u{201d} is not a web address"
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("events[0].media: \"alt\" is missing")),
            "{found:#?}"
        );
    }

    /// A document whose one event names `references` categories, all of them `id`.
    fn many_references(id: &str, references: usize) -> String {
        let list = vec![format!("\"{id}\""); references].join(",");
        document(&GOOD_EVENT.replace("[\"cyber\"]", &format!("[{list}]")))
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_positions_ignore_it() {
        let text = document(&GOOD_EVENT.replace("2022-07-15", "2022-13-45"));
        let outcome = parse_timeline(&format!("\u{feff}{text}"));
        assert_eq!(
            outcome.problems[0].to_string(),
            "line 9, column 31: events[0].start: month 13 does not exist (Months run from 01 to 12.)"
        );
        let marked = format!("\u{feff}{}", document(GOOD_EVENT));
        assert!(parse_timeline(&marked).timeline.is_some());
        assert!(parse_timeline_bytes(marked.as_bytes()).timeline.is_some());
        let on_line_one = parse_timeline("\u{feff}{\"version\": 1,}");
        assert_eq!(
            (on_line_one.problems[0].line, on_line_one.problems[0].column),
            (1, 15)
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        let outcome = parse_timeline_bytes(b"\xef\xbb\xbf{\n  \"title\": \"\xc3\xa9t\xe9\"\n}");
        assert_eq!(outcome.problems.len(), 1);
        assert_eq!(
            outcome.problems[0].to_string(),
            "line 2, column 15: (top level): this is not UTF-8 text (byte 0xe9) (Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).)"
        );
        assert!(outcome.timeline.is_none());
    }

    #[test]
    fn repeats_of_a_missing_category_fold_into_the_first() {
        let outcome = parse_timeline(&many_references("sports", 200_000));
        assert_eq!(outcome.problems.len(), 1, "{:#?}", &outcome.problems[..3]);
        let problem = &outcome.problems[0];
        assert_eq!(problem.path, "events[0].categories[0]");
        assert_eq!(problem.more_like_this, 199_999);
        assert!(problem
            .to_string()
            .ends_with("there is no category \u{201c}sports\u{201d} (Known categories: cyber, diplomacy.) (and 199,999 more like this)"));
        assert_eq!(outcome.total.errors, 200_000);
        assert!(!outcome.truncated());
    }

    #[test]
    fn the_list_stops_at_the_bound_and_counts_the_rest() {
        let ids: Vec<String> = (0..5_000).map(|n| format!("\"missing-{n}\"")).collect();
        let text = document(&GOOD_EVENT.replace("[\"cyber\"]", &format!("[{}]", ids.join(","))));
        let outcome = parse_timeline(&text);
        assert_eq!(outcome.problems.len(), MAX_PROBLEMS);
        assert_eq!(outcome.total.errors, 5_000);
        assert_eq!(outcome.left_off(), 5_000 - MAX_PROBLEMS);
        assert!(outcome.truncated());
        assert_eq!(outcome.problems[199].path, "events[0].categories[199]");
    }

    #[test]
    fn errors_are_kept_before_warnings_when_the_list_is_full() {
        // 300 unknown fields (warnings) come before the one error.
        let fields: Vec<String> = (0..300).map(|n| format!("\"extra{n}\": 1")).collect();
        let text = document(&GOOD_EVENT.replace(
            "\"id\": \"attack\",",
            &format!("{}, \"id\": \"attack\",", fields.join(", ")),
        ))
        .replace("\"version\": 1", "\"version\": 7");
        let outcome = parse_timeline(&text);
        assert_eq!(outcome.problems.len(), MAX_PROBLEMS);
        assert_eq!(outcome.total.warnings, 300);
        assert_eq!(outcome.errors().count(), 1);
        assert!(outcome.timeline.is_none());
    }

    #[test]
    fn an_unknown_category_names_the_three_closest_ids() {
        let categories: Vec<String> = [
            "politics",
            "economy",
            "cyber-war",
            "cyber",
            "sport",
            "culture",
            "science",
        ]
        .iter()
        .map(|id| format!(r##"{{"id": "{id}", "label": "L", "color": "#1d4ed8"}}"##))
        .collect();
        let text = document(&GOOD_EVENT.replace("[\"cyber\"]", "[\"cyberwar\", \"Sport\"]"))
            .replace(
                r##"{"id": "cyber", "label": "Cyber", "color": "#b45309"},
    {"id": "diplomacy", "label": "Diplomacy", "color": "#1d4ed8"}"##,
                &categories.join(",\n"),
            );
        let hints: Vec<String> = parse_timeline(&text)
            .problems
            .iter()
            .map(|problem| problem.hint.clone())
            .collect();
        assert_eq!(
            hints,
            [
                "Closest of the 7 known categories: cyber, cyber-war, sport.",
                "Closest of the 7 known categories: sport, cyber, politics."
            ]
        );
    }

    #[test]
    fn text_quoted_from_the_data_is_clipped() {
        let long = "é".repeat(100_000);
        let event = GOOD_EVENT
            .replace("\"attack\"", &format!("\"{long}\""))
            .replace(
                "\"title\": \"T\"",
                &format!("\"title\": \"T\", \"{long}\": 1"),
            );
        let outcome = parse_timeline(&document(&event));
        assert_eq!(outcome.problems.len(), 2, "{:#?}", outcome.problems);
        for problem in &outcome.problems {
            let shown = problem.to_string();
            assert!(shown.chars().count() < 600, "{shown}");
            assert!(shown.contains(&format!("{}\u{2026}", "é".repeat(QUOTED_CHARS))));
        }
    }

    #[test]
    fn not_json_points_past_leading_space_in_characters() {
        let outcome = parse_timeline("\u{3000}\u{a0}hello");
        assert_eq!(
            (outcome.problems[0].line, outcome.problems[0].column),
            (1, 3)
        );
    }

    #[test]
    fn counts_read_with_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(199_999), "199,999");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }
}
