//! `storyline`: checks Storyline JSON files in a newsroom's CI, and writes the JSON schema.
//!
//! ```text
//! storyline validate [--format text|json] FILE...   (FILE may be - for standard input)
//! storyline convert --from timelinejs|csv FILE       (writes Storyline JSON to standard output)
//! storyline schema
//! ```
//! Exit status: 0 when every file is free of errors (warnings allowed), 1 when any has errors,
//! 2 when the command itself is wrong or a file cannot be read.

use std::io::Read;
use std::process::ExitCode;
use storyline::core::parse::{parse_timeline, Severity};
use storyline::core::report::{problem_line, problems_json};

const USAGE: &str = "usage: storyline validate [--format text|json] FILE...  (- reads standard input)\n       storyline convert --from timelinejs|csv FILE\n       storyline schema";

fn read(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        let bytes = std::fs::read(file)?;
        // Invalid UTF-8 is reported by the parser at its place rather than refused outright.
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn validate(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => match args.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return usage("--format takes text or json"),
            },
            "--format=json" => json = true,
            "--format=text" => json = false,
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        return usage("name at least one file, or - for standard input");
    }
    let mut found = Vec::new();
    let mut unreadable = false;
    for file in &files {
        match read(file) {
            Ok(text) => {
                let name = if file == "-" {
                    "<stdin>"
                } else {
                    file.as_str()
                };
                for problem in parse_timeline(&text).problems {
                    found.push((name.to_string(), problem));
                }
            }
            Err(error) => {
                eprintln!("storyline: cannot read {file}: {error}");
                unreadable = true;
            }
        }
    }
    if json {
        println!(
            "{}",
            problems_json(found.iter().map(|(file, problem)| (file.as_str(), problem)))
        );
    } else {
        for (file, problem) in &found {
            println!("{}", problem_line(file, problem));
        }
        let errors = found
            .iter()
            .filter(|(_, p)| p.severity == Severity::Error)
            .count();
        let warnings = found.len() - errors;
        eprintln!(
            "{} checked: {errors} errors, {warnings} warnings",
            plural(files.len(), "file")
        );
    }
    if unreadable {
        ExitCode::from(2)
    } else if found.iter().any(|(_, p)| p.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn convert(args: &[String]) -> ExitCode {
    let (format, file) = match args {
        [flag, format, file] if flag == "--from" => (format.as_str(), file.as_str()),
        _ => return usage("convert needs --from timelinejs|csv and a file"),
    };
    let outcome = match format {
        "timelinejs" => match read(file) {
            Ok(text) => storyline::core::import::timelinejs::import(&text),
            Err(error) => return unreadable(file, &error),
        },
        // The sheet importer reads bytes itself, to point at invalid UTF-8 where it is.
        "csv" => match read_bytes(file) {
            Ok(bytes) => storyline::core::import::sheet::import(&bytes),
            Err(error) => return unreadable(file, &error),
        },
        other => {
            return usage(&format!(
                "cannot convert from {other}: use timelinejs or csv"
            ))
        }
    };
    for error in &outcome.errors {
        eprintln!("{file}: error: {error}");
    }
    for note in &outcome.notes {
        eprintln!("{file}: note: {note}");
    }
    match outcome.document {
        Some(document) if outcome.errors.is_empty() => {
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        _ => ExitCode::from(1),
    }
}

fn read_bytes(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

fn unreadable(file: &str, error: &std::io::Error) -> ExitCode {
    eprintln!("storyline: cannot read {file}: {error}");
    ExitCode::from(2)
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("storyline: {problem}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("convert") => convert(&args[1..]),
        Some("schema") => {
            print!("{}", storyline::core::schema::schema_json());
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage("expected a command"),
    }
}
