//! Problems written for people and for machines: `file:line:column: path: message (hint)` lines,
//! and a JSON report for tools. Both are safe to print to a terminal or a CI log, whatever the
//! data holds: control characters are escaped.

use super::parse::{left_off, Problem, ProblemCount, Severity};
use std::borrow::Cow;

/// Characters that must not reach a terminal raw: C0 and C1 controls and DEL (escape sequences
/// can move the cursor, retitle the window or hide lines of a CI log), and the bidirectional
/// controls that can make text read differently from what it holds.
fn is_unsafe_to_print(character: char) -> bool {
    character.is_control()
        || matches!(
            character,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The text with every control character written as `\u001b` (JSON's way), so that data printed
/// in a terminal shows what it holds instead of acting on the terminal.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_to_print) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        if is_unsafe_to_print(character) {
            escaped.push_str(&format!("\\u{:04x}", u32::from(character)));
        } else {
            escaped.push(character);
        }
    }
    Cow::Owned(escaped)
}

/// One line per problem, as compilers write them, so editors and CI logs can jump to the place.
pub fn problem_line(file: &str, problem: &Problem) -> String {
    let severity = match problem.severity {
        Severity::Error => "",
        Severity::Warning => "warning: ",
    };
    let hint = if problem.hint.is_empty() {
        String::new()
    } else {
        format!(" ({})", problem.hint)
    };
    let line = format!(
        "{file}:{}:{}: {}: {severity}{}{hint}{}",
        problem.line,
        problem.column,
        problem.path,
        problem.message,
        problem.more_like_this_note()
    );
    escape_control(&line).into_owned()
}

/// The line that says how many problems of a file were not listed, if any were not.
pub fn left_off_line(file: &str, problems: &[Problem], total: ProblemCount) -> Option<String> {
    let count = left_off(problems, total);
    (count > 0).then(|| {
        let line = format!(
            "{file}: {count} more problem{} not listed (at most {} are)",
            if count == 1 { "" } else { "s" },
            problems.len()
        );
        escape_control(&line).into_owned()
    })
}

/// One checked file as the JSON report carries it.
pub struct FileProblems<'a> {
    pub file: &'a str,
    pub problems: &'a [Problem],
    pub total: ProblemCount,
}

/// The problems of several files as one JSON object: `problems` (each with `file`, `severity`,
/// `line`, `column`, `path`, `message`, `hint` and `more_like_this`), the counts `total`,
/// `errors`, `warnings` and `shown`, `truncated` when some problems are only counted, and the
/// same counts per file in `files`.
pub fn report_json(files: &[FileProblems]) -> String {
    let mut problems = Vec::new();
    let mut per_file = Vec::new();
    let mut total = ProblemCount::default();
    let mut truncated = false;
    for file in files {
        for problem in file.problems {
            problems.push(serde_json::json!({
                "file": file.file,
                "severity": match problem.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "line": problem.line,
                "column": problem.column,
                "path": problem.path,
                "message": problem.message,
                "hint": problem.hint,
                "more_like_this": problem.more_like_this,
            }));
        }
        let file_truncated = left_off(file.problems, file.total) > 0;
        per_file.push(serde_json::json!({
            "file": file.file,
            "total": file.total.all(),
            "errors": file.total.errors,
            "warnings": file.total.warnings,
            "shown": file.problems.len(),
            "truncated": file_truncated,
        }));
        total.errors += file.total.errors;
        total.warnings += file.total.warnings;
        truncated |= file_truncated;
    }
    let report = serde_json::json!({
        "total": total.all(),
        "errors": total.errors,
        "warnings": total.warnings,
        "shown": problems.len(),
        "truncated": truncated,
        "problems": problems,
        "files": per_file,
    });
    let text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
    // serde escapes C0 controls but writes DEL, C1 and bidirectional controls as they are; they
    // can only be inside strings, where \uXXXX means the same.
    escape_control_in_json(&text)
}

fn escape_control_in_json(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if is_unsafe_to_print(character) && !matches!(character, '\n' | '\r' | '\t') {
            escaped.push_str(&format!("\\u{:04x}", u32::from(character)));
        } else {
            escaped.push(character);
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(severity: Severity) -> Problem {
        Problem {
            severity,
            path: "events[3].start".into(),
            line: 12,
            column: 14,
            message: "month 13 does not exist".into(),
            hint: "Months run from 01 to 12.".into(),
            more_like_this: 0,
        }
    }

    #[test]
    fn lines_read_like_a_compiler_s() {
        assert_eq!(
            problem_line("story.json", &problem(Severity::Error)),
            "story.json:12:14: events[3].start: month 13 does not exist (Months run from 01 to 12.)"
        );
        assert!(problem_line("s.json", &problem(Severity::Warning)).contains(": warning: month 13"));
        let folded = Problem {
            more_like_this: 199_999,
            ..problem(Severity::Error)
        };
        assert!(problem_line("s.json", &folded)
            .ends_with("(Months run from 01 to 12.) (and 199,999 more like this)"));
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let hostile = Problem {
            path: "events[0].\u{1b}]0;owned\u{7}".into(),
            message: "unknown field \"\u{1b}[2J\u{9b}\u{202e}\"".into(),
            ..problem(Severity::Warning)
        };
        let line = problem_line("a\nb.json", &hostile);
        assert_eq!(
            line,
            "a\\u000ab.json:12:14: events[0].\\u001b]0;owned\\u0007: warning: unknown field \"\\u001b[2J\\u009b\\u202e\" (Months run from 01 to 12.)"
        );
        assert!(!line.chars().any(char::is_control));
        assert_eq!(escape_control("plain ë 😀"), "plain ë 😀");
    }

    #[test]
    fn json_carries_every_field_and_the_counts() {
        let error = problem(Severity::Error);
        let text = report_json(&[FileProblems {
            file: "story.json",
            problems: std::slice::from_ref(&error),
            total: ProblemCount {
                errors: 3,
                warnings: 0,
            },
        }]);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        let first = &parsed["problems"][0];
        assert_eq!(first["file"], "story.json");
        assert_eq!(first["severity"], "error");
        assert_eq!(first["line"], 12);
        assert_eq!(first["column"], 14);
        assert_eq!(first["path"], "events[3].start");
        assert_eq!(first["hint"], "Months run from 01 to 12.");
        assert_eq!(first["more_like_this"], 0);
        assert_eq!(parsed["total"], 3);
        assert_eq!(parsed["shown"], 1);
        assert_eq!(parsed["truncated"], true);
        assert_eq!(parsed["files"][0]["errors"], 3);
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let hostile = Problem {
            message: "\u{7f}\u{9b}\u{202e}\u{1b}".into(),
            ..problem(Severity::Error)
        };
        let text = report_json(&[FileProblems {
            file: "s.json",
            problems: std::slice::from_ref(&hostile),
            total: ProblemCount {
                errors: 1,
                warnings: 0,
            },
        }]);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            parsed["problems"][0]["message"],
            "\u{7f}\u{9b}\u{202e}\u{1b}"
        );
        assert_eq!(parsed["truncated"], false);
    }
}
