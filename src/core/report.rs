//! Problems written for people and for machines: `file:line:column: path: message (hint)` lines,
//! and a JSON list for tools.

use super::parse::{Problem, Severity};

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
    format!(
        "{file}:{}:{}: {}: {severity}{}{hint}",
        problem.line, problem.column, problem.path, problem.message
    )
}

/// The problems of several files as one JSON array of objects with `file`, `severity`, `line`,
/// `column`, `path`, `message` and `hint`.
pub fn problems_json<'a>(problems: impl IntoIterator<Item = (&'a str, &'a Problem)>) -> String {
    let items: Vec<serde_json::Value> = problems
        .into_iter()
        .map(|(file, problem)| {
            serde_json::json!({
                "file": file,
                "severity": match problem.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "line": problem.line,
                "column": problem.column,
                "path": problem.path,
                "message": problem.message,
                "hint": problem.hint,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
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
        }
    }

    #[test]
    fn lines_read_like_a_compiler_s() {
        assert_eq!(
            problem_line("story.json", &problem(Severity::Error)),
            "story.json:12:14: events[3].start: month 13 does not exist (Months run from 01 to 12.)"
        );
        assert!(problem_line("s.json", &problem(Severity::Warning)).contains(": warning: month 13"));
    }

    #[test]
    fn json_carries_every_field() {
        let error = problem(Severity::Error);
        let text = problems_json([("story.json", &error)]);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[0]["file"], "story.json");
        assert_eq!(parsed[0]["severity"], "error");
        assert_eq!(parsed[0]["line"], 12);
        assert_eq!(parsed[0]["column"], 14);
        assert_eq!(parsed[0]["path"], "events[3].start");
        assert_eq!(parsed[0]["hint"], "Months run from 01 to 12.");
    }
}
