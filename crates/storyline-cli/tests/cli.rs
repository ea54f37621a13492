//! The `storyline validate` command as a newsroom's CI runs it: messages, positions, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The repository's root: the fixtures and the demo story live there, and the commands run there
/// so their messages name files the way a newsroom's CI would.
const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn repo(path: &str) -> PathBuf {
    PathBuf::from(REPO).join(path)
}

fn storyline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(REPO)
        .output()
        .expect("the storyline binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_story_is_clean_and_exits_zero() {
    let output = storyline(&["validate", "data/albania-iran-israel.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("1 file checked: 0 errors, 0 warnings")
    );
}

#[test]
fn each_bad_fixture_gets_a_located_human_message() {
    let cases = [
        ("tests/fixtures/bad-dates.json", "tests/fixtures/bad-dates.json:8:16: events[0].start: month 13 does not exist (Months run from 01 to 12.)"),
        ("tests/fixtures/bad-dates.json", "tests/fixtures/bad-dates.json:15:16: events[1].start: \u{201c}yesterday\u{201d} is not a date this format understands"),
        ("tests/fixtures/not-json.json", "tests/fixtures/not-json.json:1:1: (top level): this is not JSON: a Storyline file starts with {"),
        ("tests/fixtures/empty.json", "tests/fixtures/empty.json:1:1: (top level): the file is empty"),
        ("tests/fixtures/wrong-shape.json", "tests/fixtures/wrong-shape.json:1:1: (top level): expected the whole document in { braces }, found a list"),
        ("tests/fixtures/deeply-nested.json", "(top level): this is not valid JSON: recursion limit exceeded (The data is nested far too deeply"),
    ];
    for (file, expected) in cases {
        let output = storyline(&["validate", file]);
        assert_eq!(output.status.code(), Some(1), "{file}");
        let text = stdout(&output);
        assert!(
            text.contains(expected),
            "{file}: expected {expected:?} in\n{text}"
        );
    }
}

#[test]
fn warnings_alone_pass() {
    let output = storyline(&["validate", "tests/fixtures/warnings-only.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains(":6:5: events[0]: warning: the event has no sources"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn several_files_and_json_for_machines() {
    let output = storyline(&[
        "validate",
        "--format",
        "json",
        "data/albania-iran-israel.json",
        "tests/fixtures/bad-dates.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(report["total"], 2);
    assert_eq!(report["truncated"], false);
    assert_eq!(report["files"][1]["file"], "tests/fixtures/bad-dates.json");
    assert_eq!(problems[0]["file"], "tests/fixtures/bad-dates.json");
    assert_eq!(problems[0]["line"], 8);
    assert_eq!(problems[0]["severity"], "error");
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"version\": 1,}")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .starts_with("<stdin>:1:15: (top level): this is not valid JSON: trailing comma"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn usage_mistakes_and_missing_files_exit_two() {
    assert_eq!(storyline(&[]).status.code(), Some(2));
    assert_eq!(storyline(&["validate"]).status.code(), Some(2));
    assert_eq!(
        storyline(&["validate", "--format", "xml", "a.json"])
            .status
            .code(),
        Some(2)
    );
    let missing = storyline(&["validate", "no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read no-such-file.json"));
}

#[test]
fn a_fifty_megabyte_file_is_checked_without_trouble() {
    // Made here rather than committed: 50 MB of valid events, then one mistake at the very end.
    let event = r#"{"id": "e-ID", "start": "2001-02-03", "title": "A generated event", "categories": ["news"], "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}]}"#;
    let mut text = String::from("{\"version\": 1, \"title\": \"Big\", \"categories\": [{\"id\": \"news\", \"label\": \"News\", \"color\": \"#123456\"}], \"events\": [\n");
    let mut count = 0;
    while text.len() < 50_000_000 {
        text.push_str(&event.replace("ID", &count.to_string()));
        text.push_str(",\n");
        count += 1;
    }
    text.push_str(
        &event
            .replace("ID", "last")
            .replace("2001-02-03", "2001-02-30"),
    );
    text.push_str("\n]}\n");
    let path = std::env::temp_dir().join(format!("storyline-big-{}.json", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let output = storyline(&["validate", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_eq!(output.status.code(), Some(1));
    let expected = format!(":{}:", count + 2);
    let report = stdout(&output);
    assert!(
        report.contains(&expected) && report.contains("February 2001 has no day 30"),
        "{report}"
    );
}

#[test]
fn convert_writes_valid_storyline_json_and_says_what_it_left_out() {
    for (format, file) in [
        ("timelinejs", "tests/fixtures/timelinejs.json"),
        ("csv", "tests/fixtures/sheet.csv"),
    ] {
        let output = storyline(&["convert", "--from", format, file]);
        assert_eq!(output.status.code(), Some(0), "{format}");
        let converted = stdout(&output);
        let outcome = storyline_core::parse::parse_timeline(&converted);
        assert!(
            outcome.timeline.is_some(),
            "{format}: {:#?}",
            outcome.problems
        );
        assert!(String::from_utf8_lossy(&output.stderr)
            .contains("note: neither TimelineJS nor its spreadsheet has sources"));
    }
    let broken = storyline(&["convert", "--from", "csv", "tests/fixtures/not-json.json"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("error: row 1: the sheet has no"));
    assert_eq!(
        storyline(&["convert", "--from", "docx", "a.docx"])
            .status
            .code(),
        Some(2)
    );
}

/// Runs the command with `input` on standard input.
fn storyline_with_input(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(REPO)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from another thread: a child that stops reading early must not block the test.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("storyline-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// A valid story whose one event refers `references` times to categories named by `id(n)`.
fn story_with_references(references: usize, id: impl Fn(usize) -> String) -> String {
    let ids: Vec<String> = (0..references).map(|n| format!("\"{}\"", id(n))).collect();
    format!(
        r##"{{"version": 1, "title": "Refs", "categories": [{{"id": "news", "label": "News", "color": "#1d4ed8"}}], "events": [
{{"id": "a", "start": "2022", "title": "A", "sources": [{{"title": "T", "publisher": "P", "url": "https://example.org/"}}], "categories": [{}]}}
]}}"##,
        ids.join(",")
    )
}

fn assert_printable(output: &Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("panicked"),
            "{stream} tells of a panic:\n{text}"
        );
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{stream} holds a raw control character:\n{text:?}"
        );
    }
}

#[test]
fn the_hostile_corpus_gets_located_messages_and_nothing_raw() {
    let cases = [
        ("json-bom.json", 0, None),
        ("json-control-characters.json", 1, Some(":6:92: events[0].categories[1]: there is no category \u{201c}\\u001b]0;pwned\\u0007\u{201d}")),
        ("json-raw-control-character.json", 1, Some(":3:17: (top level): this is not valid JSON: control character")),
        ("json-multibyte-offsets.json", 1, Some(":6:56: events[0].start: month 13 does not exist")),
        ("json-deep-nesting-in-event.json", 1, Some(":1:207: (top level): this is not valid JSON: recursion limit exceeded")),
        ("json-invalid-utf8.json", 1, Some(":3:16: (top level): this is not UTF-8 text (byte 0xe9)")),
    ];
    for (name, status, expected) in cases {
        let file = format!("tests/fixtures/hostile/{name}");
        let output = storyline(&["validate", &file]);
        assert_eq!(
            output.status.code(),
            Some(status),
            "{name}: {}",
            stdout(&output)
        );
        assert_printable(&output);
        if let Some(expected) = expected {
            let expected = format!("{file}{expected}");
            assert!(
                stdout(&output).contains(&expected),
                "{name}: expected {expected:?} in\n{}",
                stdout(&output)
            );
        }
    }
}

#[test]
fn escape_sequences_in_keys_and_values_are_printed_escaped() {
    let output = storyline(&[
        "validate",
        "tests/fixtures/hostile/json-control-characters.json",
    ]);
    let text = stdout(&output);
    assert!(!output.stdout.contains(&0x1b), "{text:?}");
    for expected in [
        "events[0].\\u001b[31mtitle\\u001b[0m: warning: unknown field \"\\u001b[31mtitle\\u001b[0m\"",
        "events[0].\\u009b6n: warning: unknown field",
        "events[0].note\\u202eevil: warning: unknown field",
        "events[0].start: \u{201c}\\u001b[2J\\u001b[H2022\u{201d} is not a date",
    ] {
        assert!(text.contains(expected), "expected {expected:?} in\n{text}");
    }
    // JSON keeps the text exact, with every control character escaped.
    let json = storyline(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/hostile/json-control-characters.json",
    ]);
    assert_printable(&json);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["path"] == "events[0].\u{9b}6n"));
}

#[test]
fn a_byte_order_mark_is_accepted_from_a_file_and_from_standard_input() {
    let bytes = std::fs::read(repo("tests/fixtures/hostile/json-bom.json")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    let from_stdin = storyline_with_input(&["validate", "-"], &bytes);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stdout(&from_stdin));
    assert!(stderr(&from_stdin).contains("1 file checked: 0 errors, 0 warnings"));
    // The mark does not shift columns on the first line.
    let broken = storyline_with_input(&["validate", "-"], b"\xef\xbb\xbf{\"version\": 1,}");
    assert!(
        stdout(&broken)
            .starts_with("<stdin>:1:15: (top level): this is not valid JSON: trailing comma"),
        "{}",
        stdout(&broken)
    );
}

#[test]
fn invalid_utf8_reads_the_same_from_a_file_and_from_standard_input() {
    let file = "tests/fixtures/hostile/json-invalid-utf8.json";
    let from_file = storyline(&["validate", file]);
    let from_stdin = storyline_with_input(&["validate", "-"], &std::fs::read(repo(file)).unwrap());
    assert_eq!(from_file.status.code(), Some(1));
    assert_eq!(from_stdin.status.code(), Some(1));
    assert_eq!(
        stdout(&from_file).replacen(file, "<stdin>", 1),
        stdout(&from_stdin)
    );
}

#[test]
fn two_hundred_thousand_references_to_a_missing_category_fold_into_one_line() {
    let story = TempFile::new(
        "refs.json",
        story_with_references(200_000, |_| "sports".into()).as_bytes(),
    );
    let started = std::time::Instant::now();
    let output = storyline(&["validate", story.path()]);
    // Generous: a quadratic validator takes minutes here.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.trim_end().ends_with("there is no category \u{201c}sports\u{201d} (Known categories: news.) (and 199,999 more like this)"),
        "{text}"
    );
    assert!(stderr(&output).contains("1 file checked: 200000 errors, 0 warnings"));

    let json = storyline(&["validate", "--format=json", story.path()]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["total"], 200_000);
    assert_eq!(report["shown"], 1);
    assert_eq!(report["truncated"], false);
    assert_eq!(report["problems"][0]["more_like_this"], 199_999);
}

#[test]
fn distinct_problems_past_the_bound_are_counted_not_listed() {
    let story = TempFile::new(
        "distinct.json",
        story_with_references(100_000, |n| format!("missing-{n}")).as_bytes(),
    );
    let output = storyline(&["validate", story.path()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.len() < 100_000, "{} bytes printed", text.len());
    assert_eq!(text.lines().count(), 201);
    assert!(
        text.trim_end()
            .ends_with(": 99800 more problems not listed (at most 200 are)"),
        "{}",
        text.lines().last().unwrap_or_default()
    );
    let json = storyline(&["validate", "--format", "json", story.path()]);
    assert!(json.stdout.len() < 200_000, "{} bytes", json.stdout.len());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["total"], 100_000);
    assert_eq!(report["errors"], 100_000);
    assert_eq!(report["shown"], 200);
    assert_eq!(report["truncated"], true);
    assert_eq!(report["files"][0]["truncated"], true);
    assert_eq!(report["problems"].as_array().unwrap().len(), 200);
}

#[test]
fn input_over_the_size_limit_is_refused_with_exit_two() {
    let story = "data/albania-iran-israel.json";
    let size = std::fs::metadata(repo(story)).unwrap().len();
    let limit = (size - 1).to_string();
    for args in [
        vec!["validate", "--max-size", &limit, story],
        vec!["validate", "--max-size=1KB", story],
    ] {
        let output = storyline(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(&format!("storyline: {story} is larger than")),
            "{}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("--max-size changes the limit"));
    }
    let within = storyline(&["validate", "--max-size", &size.to_string(), story]);
    assert_eq!(within.status.code(), Some(0), "{}", stderr(&within));
    let from_stdin = storyline_with_input(
        &["validate", "--max-size", "1KB", "-"],
        &std::fs::read(repo(story)).unwrap(),
    );
    assert_eq!(from_stdin.status.code(), Some(2));
    assert!(
        stderr(&from_stdin)
            .contains("storyline: <stdin> is larger than 1000 bytes, the most storyline reads"),
        "{}",
        stderr(&from_stdin)
    );
    let convert = storyline(&[
        "convert",
        "--from",
        "timelinejs",
        "--max-size",
        "10",
        "tests/fixtures/timelinejs.json",
    ]);
    assert_eq!(convert.status.code(), Some(2));
    assert!(stderr(&convert).contains("is larger than 10 bytes"));
    for bad in ["lots", "12XB", "-5", ""] {
        let output = storyline(&["validate", "--max-size", bad, story]);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(
            stderr(&output).contains("--max-size takes bytes"),
            "{}",
            stderr(&output)
        );
    }
    let help = storyline(&["--help"]);
    assert!(
        stdout(&help).contains("--max-size SIZE"),
        "{}",
        stdout(&help)
    );
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let story = TempFile::new(
        "pipe.json",
        story_with_references(5_000, |n| format!("missing-{n}")).as_bytes(),
    );
    // Far more than a pipe holds, so the writer meets the closed pipe.
    let mut args = vec!["validate".to_string()];
    args.extend(std::iter::repeat_n(story.path().to_string(), 40));
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    {
        use std::io::BufRead;
        let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first_line).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(first_line.contains("there is no category"), "{first_line}");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("Broken pipe"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn convert_reads_through_the_same_door() {
    let mut marked = b"\xef\xbb\xbf".to_vec();
    marked.extend(std::fs::read(repo("tests/fixtures/timelinejs.json")).unwrap());
    let output = storyline_with_input(&["convert", "--from", "timelinejs", "-"], &marked);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(storyline_core::parse::parse_timeline(&stdout(&output))
        .timeline
        .is_some());
    let invalid = storyline_with_input(
        &["convert", "--from", "timelinejs", "-"],
        b"{\"events\": [\"\xff\"]}",
    );
    assert_eq!(invalid.status.code(), Some(1));
    assert!(
        stderr(&invalid).contains("<stdin>:1:14: (top level): this is not UTF-8 text (byte 0xff)"),
        "{}",
        stderr(&invalid)
    );
}

#[test]
fn render_writes_the_story_as_static_html_and_refuses_what_it_cannot_do() {
    let output = storyline(&[
        "render",
        "--format",
        "html",
        "data/albania-iran-israel.json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let html = stdout(&output);
    assert!(html.starts_with("<article class=\"storyline-static\" lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("Albania joins NATO"));
    assert!(html.contains("Albanian Prime Minister Rama visits Israel"));
    assert_eq!(html.matches("class=\"storyline-static-event\"").count(), 19);
    // The same bytes every time.
    let again = storyline(&[
        "render",
        "--format",
        "html",
        "data/albania-iran-israel.json",
    ]);
    assert_eq!(again.stdout, output.stdout);

    let window = storyline(&[
        "render",
        "--format",
        "html",
        "--lang",
        "sq",
        "--from",
        "2022-09",
        "--to",
        "2022-10",
        "data/albania-iran-israel.json",
    ]);
    let html = stdout(&window);
    assert!(html.starts_with("<article class=\"storyline-static\" lang=\"sq\""));
    assert!(html.contains("severs diplomatic ties") && !html.contains("joins NATO"));
    assert!(html.contains("shtator 2022"), "Albanian month names");

    // A picture: a social card, dark.
    let card = storyline(&[
        "render",
        "--format",
        "svg",
        "--width",
        "1200",
        "--height",
        "630",
        "--theme",
        "dark",
        "data/albania-iran-israel.json",
    ]);
    assert_eq!(card.status.code(), Some(0));
    let svg = stdout(&card);
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\"")
    );
    assert!(svg.contains("Albania joins NATO") && svg.trim_end().ends_with("</svg>"));
    // An XML parser reads it, and its text names the key events.
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    let titles: Vec<&str> = document
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .filter_map(|node| node.text())
        .collect();
    for key in [
        "Albania joins NATO",
        "Cyberattack shuts down Albanian government services",
        "Albania severs diplomatic ties with Iran",
        "Albanian Prime Minister Rama visits Israel",
    ] {
        assert!(titles.iter().any(|title| title.starts_with(key)), "{key}");
    }

    // The picture as PNG, with the shipped font: the signature, the size asked, the same bytes
    // twice.
    let png = |size: &[&str]| {
        let mut args = vec!["render", "--format", "png"];
        args.extend(size);
        args.push("data/albania-iran-israel.json");
        let output = storyline(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        output.stdout
    };
    let social = png(&["--width", "1200", "--height", "630"]);
    assert!(social.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (width, height) = (&social[16..20], &social[20..24]);
    assert_eq!(width, 1200u32.to_be_bytes());
    assert_eq!(height, 630u32.to_be_bytes());
    assert_eq!(png(&["--width", "1200", "--height", "630"]), social);
    let phone = png(&["--width", "390", "--height", "844", "--theme", "dark"]);
    assert_eq!(
        &phone[16..24],
        [390u32.to_be_bytes(), 844u32.to_be_bytes()].concat()
    );
    assert!(
        social.len() > 20_000,
        "text and marks drawn, not a blank card"
    );

    // Data with errors: the located problems, and nothing on standard output.
    let bad = storyline(&[
        "render",
        "--format",
        "html",
        "tests/fixtures/bad-dates.json",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(bad.stdout.is_empty());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("month 13 does not exist"));

    let demo = "data/albania-iran-israel.json";
    for (options, says) in [
        ("", "--format html, svg or png"),
        ("--format html --from 2022", "both --from and --to"),
        ("--format html --from 2023 --to 2022", "the first earlier"),
        ("--format svg --width 100", "from 240 to 8000"),
        ("--format svg --theme sepia", "light or dark"),
    ] {
        let mut args: Vec<&str> = vec!["render"];
        args.extend(options.split_whitespace());
        args.push(demo);
        let args = args.as_slice();
        let refused = storyline(args);
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains(says),
            "{args:?}"
        );
    }
}
