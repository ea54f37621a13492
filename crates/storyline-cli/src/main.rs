//! `storyline`: checks Storyline JSON files in a newsroom's CI, and writes the JSON schema.
//!
//! ```text
//! storyline validate [--format text|json] [--max-size SIZE] FILE...   (FILE may be - for standard input)
//! storyline convert --from timelinejs|csv [--max-size SIZE] FILE      (writes Storyline JSON to standard output)
//! storyline schema
//! storyline render --format html|svg|png [--width PX] [--height PX] [--theme light|dark] [--lang TAG]
//!                  [--from DATE --to DATE] [--max-size SIZE] FILE
//! ```
//! `render` writes the story as static HTML, or as an SVG or PNG picture, to standard output (see
//! `storyline_core::static_html`, `storyline_core::static_svg` and `png.rs`).
//! Exit status: 0 when every file is free of errors (warnings allowed), 1 when any has errors,
//! 2 when the command itself is wrong or a file cannot be read (or is larger than the limit).
//!
//! Whatever the input holds, what is printed is safe for a terminal (control characters escaped),
//! bounded (at most a few hundred problems per file), and a closed pipe ends the output quietly.

mod png;

use std::io::{BufWriter, ErrorKind, Read, Write};
use std::process::ExitCode;
use storyline_core::date::PartialDate;
use storyline_core::i18n::Language;
use storyline_core::parse::{decode_utf8, parse_timeline_bytes, ProblemCount, Severity};
use storyline_core::report::{
    escape_control, left_off_line, problem_line, report_json, FileProblems,
};
use storyline_core::static_html::{self, StaticOptions};
use storyline_core::static_svg::{self, PictureOptions};
use storyline_core::story::Story;

/// Generous: a timeline of 100,000 events is about 30 MB.
const DEFAULT_MAX_SIZE: u64 = 200_000_000;

const USAGE: &str = "usage: storyline validate [--format text|json] [--max-size SIZE] FILE...  (- reads standard input)
       storyline convert --from timelinejs|csv [--max-size SIZE] FILE
       storyline schema
       storyline render --format html|svg|png [--width PX] [--height PX] [--theme light|dark]
                        [--lang TAG] [--from DATE --to DATE] [--max-size SIZE] FILE

  --format text|json  one line per problem (the default), or one JSON report
  --width, --height   render svg, png: the picture's size in pixels (default 1200 by 630)
  --theme light|dark  render svg, png: the colours (default light)
  --lang TAG          render: the language of the few words and the dates (default: the data's)
  --from, --to DATE   render: only the events in this window, in the data's date syntax
  --max-size SIZE     refuse input larger than SIZE: bytes, or a number with KB, MB or GB
                      (powers of 1000); the default is 200MB";

/// Standard output that stops quietly when the reader goes away (`storyline validate ... | head`).
struct Output {
    writer: BufWriter<std::io::Stdout>,
    closed: bool,
    failed: bool,
}

impl Output {
    fn new() -> Output {
        Output {
            writer: BufWriter::new(std::io::stdout()),
            closed: false,
            failed: false,
        }
    }

    fn line(&mut self, text: &str) {
        self.text(text);
        self.text("\n");
    }

    fn text(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    fn bytes(&mut self, bytes: &[u8]) {
        if self.closed {
            return;
        }
        let written = self.writer.write_all(bytes);
        self.check(written);
    }

    fn check(&mut self, result: std::io::Result<()>) {
        if let Err(error) = result {
            self.closed = true;
            if error.kind() != ErrorKind::BrokenPipe {
                self.failed = true;
                note(&format!("storyline: cannot write the output: {error}"));
            }
        }
    }

    /// Flushes what is left; the exit status, or 2 when the output could not be written.
    fn finish(mut self, status: ExitCode) -> ExitCode {
        if !self.closed {
            let flushed = self.writer.flush();
            self.check(flushed);
        }
        if self.failed {
            ExitCode::from(2)
        } else {
            status
        }
    }
}

/// A line on standard error; a closed standard error is no reason to stop.
fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Why an input could not be read, worded for the person who named it.
enum ReadFailure {
    Io(std::io::Error),
    TooLarge,
}

/// Reads a file, or standard input for `-`, the same way: at most `max_size` bytes.
fn read_input(file: &str, max_size: u64) -> Result<Vec<u8>, ReadFailure> {
    let source: Box<dyn Read> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let opened = std::fs::File::open(file).map_err(ReadFailure::Io)?;
        // Refuse a huge regular file at once instead of reading it first.
        if opened
            .metadata()
            .is_ok_and(|metadata| metadata.is_file() && metadata.len() > max_size)
        {
            return Err(ReadFailure::TooLarge);
        }
        Box::new(opened)
    };
    let mut bytes = Vec::new();
    source
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > max_size {
        return Err(ReadFailure::TooLarge);
    }
    Ok(bytes)
}

fn display_name(file: &str) -> &str {
    if file == "-" {
        "<stdin>"
    } else {
        file
    }
}

/// Says why a file could not be read; exit status 2.
fn unreadable(file: &str, failure: &ReadFailure, max_size: u64) {
    let file = escape_control(display_name(file));
    match failure {
        ReadFailure::Io(error) => note(&format!("storyline: cannot read {file}: {error}")),
        ReadFailure::TooLarge => note(&format!(
            "storyline: {file} is larger than {}, the most storyline reads (--max-size changes the limit)",
            describe_size(max_size)
        )),
    }
}

/// `200MB`, `1500000`, `64KB`, `2GB` (powers of 1000) as a number of bytes.
fn parse_size(text: &str) -> Option<u64> {
    let upper = text.trim().to_ascii_uppercase();
    let (digits, unit) = match upper.find(|c: char| !c.is_ascii_digit()) {
        Some(split) => upper.split_at(split),
        None => (upper.as_str(), ""),
    };
    let multiplier: u64 = match unit.trim() {
        "" | "B" => 1,
        "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        _ => return None,
    };
    digits.parse::<u64>().ok()?.checked_mul(multiplier)
}

fn describe_size(bytes: u64) -> String {
    if bytes >= 1_000_000 && bytes.is_multiple_of(1_000_000) {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{bytes} bytes")
    }
}

/// Takes `--max-size SIZE` or `--max-size=SIZE` off the front of `args` if it is there.
fn max_size_option<'a>(
    arg: &str,
    args: &mut impl Iterator<Item = &'a String>,
) -> Option<Result<u64, ExitCode>> {
    let value = if arg == "--max-size" {
        match args.next() {
            Some(value) => value.as_str(),
            None => return Some(Err(usage("--max-size needs a size, for example 50MB"))),
        }
    } else {
        arg.strip_prefix("--max-size=")?
    };
    Some(match parse_size(value) {
        Some(size) => Ok(size),
        None => Err(usage(&format!(
            "--max-size takes bytes or a number with KB, MB or GB, not {}",
            escape_control(value)
        ))),
    })
}

fn validate(args: &[String]) -> ExitCode {
    let mut json = false;
    let mut max_size = DEFAULT_MAX_SIZE;
    let mut files = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if let Some(size) = max_size_option(arg, &mut args) {
            match size {
                Ok(size) => max_size = size,
                Err(status) => return status,
            }
            continue;
        }
        match arg.as_str() {
            "--format" => match args.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                _ => return usage("--format takes text or json"),
            },
            "--format=json" => json = true,
            "--format=text" => json = false,
            flag if flag.starts_with("--") => {
                return usage(&format!("unknown option {}", escape_control(flag)))
            }
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        return usage("name at least one file, or - for standard input");
    }
    let mut output = Output::new();
    let mut checked = Vec::new();
    let mut total = ProblemCount::default();
    let mut unreadable_files = false;
    for file in &files {
        let bytes = match read_input(file, max_size) {
            Ok(bytes) => bytes,
            Err(failure) => {
                unreadable(file, &failure, max_size);
                unreadable_files = true;
                continue;
            }
        };
        let name = escape_control(display_name(file)).into_owned();
        let outcome = parse_timeline_bytes(&bytes);
        drop(bytes);
        total.errors += outcome.total.errors;
        total.warnings += outcome.total.warnings;
        if json {
            // Kept until the end without the timeline: at most a few hundred problems a file.
            checked.push((name, outcome.problems, outcome.total));
        } else {
            for problem in &outcome.problems {
                output.line(&problem_line(&name, problem));
            }
            if let Some(line) = left_off_line(&name, &outcome.problems, outcome.total) {
                output.line(&line);
            }
        }
    }
    if json {
        let reports: Vec<FileProblems> = checked
            .iter()
            .map(|(file, problems, total)| FileProblems {
                file,
                problems,
                total: *total,
            })
            .collect();
        output.line(&report_json(&reports));
    } else {
        note(&format!(
            "{} checked: {} errors, {} warnings",
            plural(files.len(), "file"),
            total.errors,
            total.warnings
        ));
    }
    let status = if unreadable_files {
        ExitCode::from(2)
    } else if total.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    output.finish(status)
}

fn convert(args: &[String]) -> ExitCode {
    let command = match CommandLine::read(args, &["--from"], "convert") {
        Ok(command) => command,
        Err(status) => return status,
    };
    let (format, file, max_size) = (command.value("--from"), command.file, command.max_size);
    let (Some(format), Some(file)) = (format, file) else {
        return usage("convert needs --from timelinejs|csv and a file");
    };
    if !matches!(format, "timelinejs" | "csv") {
        return usage(&format!(
            "cannot convert from {}: use timelinejs or csv",
            escape_control(format)
        ));
    }
    let (name, bytes) = match read_one(file, max_size) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let outcome = if format == "timelinejs" {
        match decode_utf8(&bytes) {
            Ok(text) => storyline_core::import::timelinejs::import(text),
            Err(problem) => {
                note(&problem_line(&name, &problem));
                return ExitCode::from(1);
            }
        }
    } else {
        // The sheet importer reads bytes itself, to point at invalid UTF-8 where it is.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        storyline_core::import::sheet::import(bytes)
    };
    for error in &outcome.errors {
        note(&escape_control(&format!("{name}: error: {error}")));
    }
    for remark in &outcome.notes {
        note(&escape_control(&format!("{name}: note: {remark}")));
    }
    match outcome.document {
        Some(document) if outcome.errors.is_empty() => {
            let mut output = Output::new();
            // serde_json escapes control characters in what it writes.
            output.line(&serde_json::to_string_pretty(&document).unwrap_or_default());
            output.finish(ExitCode::SUCCESS)
        }
        _ => ExitCode::from(1),
    }
}

/// `storyline render`: the story as static HTML on standard output.
fn render(args: &[String]) -> ExitCode {
    let names = [
        "--format", "--lang", "--from", "--to", "--width", "--height", "--theme",
    ];
    let command = match CommandLine::read(args, &names, "render") {
        Ok(command) => command,
        Err(status) => return status,
    };
    let [format, lang, from, to, width, height, theme] = names.map(|name| command.value(name));
    let (file, max_size) = (command.file, command.max_size);
    let Some(file) = file else {
        return usage("render needs a file");
    };
    let (picture, raster) = match format {
        Some("html") => (false, false),
        Some("svg") => (true, false),
        Some("png") => (true, true),
        _ => return usage("render needs --format html, svg or png"),
    };
    let size = |value: Option<&str>, default: u32, name: &str| match value {
        None => Ok(default),
        Some(text) => match text.parse::<u32>() {
            Ok(pixels) if (240..=8_000).contains(&pixels) => Ok(pixels),
            _ => Err(usage(&format!(
                "{name} {}: give a number of pixels from 240 to 8000",
                escape_control(text)
            ))),
        },
    };
    let width = match size(width, 1_200, "--width") {
        Ok(pixels) => pixels,
        Err(status) => return status,
    };
    let height = match size(height, 630, "--height") {
        Ok(pixels) => pixels,
        Err(status) => return status,
    };
    let dark = match theme {
        None | Some("light") => false,
        Some("dark") => true,
        Some(other) => {
            return usage(&format!(
                "--theme {}: use light or dark",
                escape_control(other)
            ))
        }
    };
    let window = match (from, to) {
        (None, None) => None,
        (Some(from), Some(to)) => {
            let dates = (PartialDate::parse(from), PartialDate::parse(to));
            match dates {
                (Ok(from), Ok(to)) if from.start_seconds() < to.start_seconds() => {
                    Some((from.start_seconds(), to.start_seconds()))
                }
                _ => {
                    return usage(&format!(
                        "--from {} --to {}: give two dates such as 2022-07 and 2022-11, the first earlier",
                        escape_control(from),
                        escape_control(to)
                    ))
                }
            }
        }
        _ => return usage("give both --from and --to, or neither"),
    };
    let (name, bytes) = match read_one(file, max_size) {
        Ok(read) => read,
        Err(status) => return status,
    };
    let text = match decode_utf8(&bytes) {
        Ok(text) => text,
        Err(problem) => {
            note(&problem_line(&name, &problem));
            return ExitCode::from(1);
        }
    };
    let outcome = Story::read(text);
    let Some(story) = outcome.story else {
        for problem in outcome
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
        {
            note(&escape_control(&problem_line(&name, problem)));
        }
        return ExitCode::from(1);
    };
    let language = Language::choose([lang, story.language.as_deref()]);
    let written = if picture {
        static_svg::story_svg(
            &story,
            &PictureOptions {
                width,
                height,
                dark,
                language,
                window,
            },
        )
    } else {
        static_html::story_html(&story, &StaticOptions { language, window })
    };
    let mut output = Output::new();
    if raster {
        match png::rasterise(&written) {
            Ok(bytes) => output.bytes(&bytes),
            Err(problem) => {
                note(&format!("storyline: cannot draw the picture: {problem}"));
                return ExitCode::from(1);
            }
        }
    } else {
        output.text(&written);
    }
    output.finish(ExitCode::SUCCESS)
}

/// A command's `--name value` options (of the names it takes), `--max-size`, and its one file.
struct CommandLine<'a> {
    values: Vec<(&'a str, &'a str)>,
    file: Option<&'a str>,
    max_size: u64,
}

impl<'a> CommandLine<'a> {
    /// Reads `args`; a wrong option or a second file is a usage error (exit status 2).
    fn read(args: &'a [String], names: &[&str], command: &str) -> Result<Self, ExitCode> {
        let mut line = CommandLine {
            values: Vec::new(),
            file: None,
            max_size: DEFAULT_MAX_SIZE,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if let Some(size) = max_size_option(arg, &mut args) {
                line.max_size = size?;
                continue;
            }
            match arg.as_str() {
                name if names.contains(&name) => {
                    if let Some(value) = args.next() {
                        line.values.push((name, value));
                    }
                }
                flag if flag.starts_with("--") => {
                    return Err(usage(&format!("unknown option {}", escape_control(flag))))
                }
                name if line.file.is_none() => line.file = Some(name),
                _ => return Err(usage(&format!("{command} reads one file"))),
            }
        }
        Ok(line)
    }

    /// The option's value, the last one given.
    fn value(&self, name: &str) -> Option<&'a str> {
        self.values
            .iter()
            .rev()
            .find(|(given, _)| *given == name)
            .map(|(_, value)| *value)
    }
}

/// The file's name as messages write it, and its bytes; an unreadable or too large file is
/// told on standard error (exit status 2).
fn read_one(file: &str, max_size: u64) -> Result<(String, Vec<u8>), ExitCode> {
    match read_input(file, max_size) {
        Ok(bytes) => Ok((escape_control(display_name(file)).into_owned(), bytes)),
        Err(failure) => {
            unreadable(file, &failure, max_size);
            Err(ExitCode::from(2))
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn usage(problem: &str) -> ExitCode {
    note(&format!("storyline: {problem}\n{USAGE}"));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    // std::env::args would panic on an argument that is not UTF-8.
    let Some(args) = std::env::args_os()
        .skip(1)
        .map(|arg| arg.into_string().ok())
        .collect::<Option<Vec<String>>>()
    else {
        return usage("every argument, file names included, must be UTF-8 text");
    };
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..]),
        Some("convert") => convert(&args[1..]),
        Some("render") => render(&args[1..]),
        Some("schema") => {
            let mut output = Output::new();
            output.text(&storyline_core::schema::schema_json());
            output.finish(ExitCode::SUCCESS)
        }
        Some("--help" | "-h" | "help") => {
            let mut output = Output::new();
            output.line(USAGE);
            output.finish(ExitCode::SUCCESS)
        }
        _ => usage("expected a command"),
    }
}
