//! The `storyline validate` command as a newsroom's CI runs it: messages, positions, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn storyline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let problems = problems.as_array().unwrap();
    assert_eq!(problems.len(), 2);
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
        let outcome = storyline::core::parse::parse_timeline(&converted);
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
