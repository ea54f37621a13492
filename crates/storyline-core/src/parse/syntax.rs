//! When the text is not JSON at all, or breaks JSON's rules: one problem, located, in words.

use super::super::locate::JsonPath;
use super::*;
use serde_json::Value;

/// Whether the text starts like a JSON value at all (as opposed to, say, a CSV or a web page).
pub(super) fn looks_like_json(text: &str) -> bool {
    match text.trim_start().chars().next() {
        Some('{' | '[' | '"' | '-' | '0'..='9') => true,
        // true, false, null, or a word that merely starts like one.
        Some('t' | 'f' | 'n') => serde_json::from_str::<Value>(text).is_ok(),
        _ => false,
    }
}

pub(super) fn failed(problem: Problem) -> ParseOutcome {
    ParseOutcome {
        timeline: None,
        problems: vec![problem],
        total: ProblemCount {
            errors: 1,
            warnings: 0,
        },
    }
}

pub(super) fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
    if cfg!(feature = "terse") {
        return Problem {
            severity: Severity::Error,
            path: JsonPath::root().to_string(),
            line: error.line().max(1),
            column: character_column(text, error.line(), error.column()),
            message: plain_syntax_message(text, error),
            hint: String::new(),
            more_like_this: 0,
        };
    }
    let full = error.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(message, _)| message)
        .to_string();
    let hint = if cfg!(feature = "terse") {
        ""
    } else if message.contains("trailing comma") {
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
pub(super) fn character_column(text: &str, line: usize, byte_column: usize) -> usize {
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

/// The reader's words for broken JSON, from the kind of error and the character at its place
/// rather than serde_json's own message: formatting that message (`serde_json::Error`'s
/// `Display`) brings `std::io`'s error texts into the reader's download. The editor and the CLI
/// keep serde_json's words and a hint.
pub(super) fn plain_syntax_message(text: &str, error: &serde_json::Error) -> String {
    const BROKEN: &str = "this is not valid JSON";
    if error.classify() == serde_json::error::Category::Eof {
        return "the file ends before the JSON is complete".into();
    }
    // serde_json gives column 0 when a line break ended the line inside a quoted text.
    let Some(column_offset) = error.column().checked_sub(1) else {
        return format!("{BROKEN}: a line break inside quotes (write it as \\n)");
    };
    // Lines and columns as serde_json counts them: lines end at '\n', columns count bytes.
    let line_start: usize = text
        .split('\n')
        .take(error.line().saturating_sub(1))
        .map(|earlier| earlier.len() + 1)
        .sum();
    let offset = line_start + column_offset;
    let (Some(before), Some(found)) = (
        text.get(..offset),
        text.get(offset..).and_then(|rest| rest.chars().next()),
    ) else {
        return BROKEN.into();
    };
    if matches!(found, '}' | ']') && before.trim_end().ends_with(',') {
        format!("{BROKEN}: trailing comma")
    } else if found.is_control() {
        format!("{BROKEN}: a control character")
    } else {
        format!("{BROKEN}: unexpected \u{201c}{found}\u{201d}")
    }
}
