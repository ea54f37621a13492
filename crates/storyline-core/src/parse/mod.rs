//! Reads a Storyline JSON document and reports every problem at once, each located and explained.
//!
//! Validation walks the JSON value by hand rather than through serde derive so that it can go on
//! after the first problem, the way an editor's checklist does, and word each message for the
//! journalist who has to fix it. What it reports is bounded whatever the file holds: repeats of a
//! problem are counted rather than listed, at most [`MAX_PROBLEMS`] are kept, and text quoted from
//! the data is clipped.
//!
//! By concern: this file is the entry and the `Problem` type; `stream.rs` visits the document as
//! serde reads it; `syntax.rs` explains text that is not JSON; `problems.rs` collects, folds and
//! bounds what is found; `rules.rs` holds the format's rules with each message beside its check;
//! `fields.rs` reads one field of an object; `suggest.rs` words values and suggestions.

use super::locate::{JsonPath, SourceMap};
use super::model::Timeline;
use serde_json::Value;
use std::fmt;

mod fields;
mod problems;
mod rules;
mod stream;
mod suggest;
mod syntax;
#[cfg(test)]
mod tests;

use problems::Checker;
/// The fields each object may have; the schema's tests compare them with the generated schema.
#[cfg(test)]
pub(crate) use rules::{
    CATEGORY_FIELDS, EVENT_FIELDS, IMAGE_FILE_FIELDS, MAX_IMAGE_FILES, MAX_IMAGE_PIXELS,
    MEDIA_FIELDS, SOURCE_FIELDS, TOP_FIELDS,
};
use stream::{Document, DocumentVisitor, EventsField, PendingEvent};
use suggest::*;
use syntax::{failed, looks_like_json, syntax_problem};

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
            hint: hint!("Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)."),
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
            hint: hint!("Start from the example in docs/data-format.md."),
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
        let read = serde::Deserializer::deserialize_any(&mut deserializer, document)
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
            hint: hint!("Is this the right file? Save the timeline as JSON, or import a CSV or TimelineJS file instead."),
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
