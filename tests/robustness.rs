//! Bad input never crashes: thousands of mangled variants of real files go through every parser
//! (Storyline JSON, TimelineJS JSON, spreadsheet CSV), which must answer with problems, not panics.

use storyline::core::import::{sheet, timelinejs};
use storyline::core::parse::parse_timeline;

/// A small deterministic generator: the same mangled inputs on every run.
struct Random(u64);

impl Random {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// Flips, drops, repeats and inserts bytes (some of them structural: quotes, brackets, commas).
fn mangle(input: &[u8], random: &mut Random) -> Vec<u8> {
    const SPICE: &[u8] = b"{}[]\",:-0123456789\\\n\xff\xc3 TtZ";
    let mut bytes = input.to_vec();
    for _ in 0..1 + random.next(8) {
        if bytes.is_empty() {
            bytes.push(SPICE[random.next(SPICE.len())]);
            continue;
        }
        let at = random.next(bytes.len());
        match random.next(5) {
            0 => bytes[at] = SPICE[random.next(SPICE.len())],
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, SPICE[random.next(SPICE.len())]),
            3 => bytes.truncate(at),
            _ => {
                let end = (at + random.next(64)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

#[test]
fn no_mangled_story_makes_the_validator_panic() {
    let story = include_bytes!("../data/albania-iran-israel.json");
    let mut random = Random(1);
    for _ in 0..3_000 {
        let bytes = mangle(story, &mut random);
        let outcome = parse_timeline(&String::from_utf8_lossy(&bytes));
        // Every outcome is either a timeline or at least one located problem.
        assert!(
            outcome.timeline.is_some()
                || outcome
                    .problems
                    .iter()
                    .all(|p| p.line >= 1 && p.column >= 1)
        );
        assert!(outcome.timeline.is_some() || !outcome.problems.is_empty());
    }
}

#[test]
fn no_mangled_timelinejs_file_makes_the_importer_panic() {
    let file = include_bytes!("fixtures/timelinejs.json");
    let mut random = Random(2);
    for _ in 0..3_000 {
        let outcome = timelinejs::import(&String::from_utf8_lossy(&mangle(file, &mut random)));
        assert!(outcome.document.is_some() || !outcome.errors.is_empty());
    }
}

#[test]
fn no_mangled_sheet_makes_the_importer_panic() {
    let file = include_bytes!("fixtures/sheet.csv");
    let mut random = Random(3);
    for _ in 0..3_000 {
        let outcome = sheet::import(&mangle(file, &mut random));
        assert!(outcome.document.is_some() || !outcome.errors.is_empty());
    }
}

/// Every problem's line and column fall inside `text` (columns counted in characters).
fn assert_located_inside(text: &str, outcome: &storyline::core::parse::ParseOutcome) {
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in &outcome.problems {
        assert!(
            (1..=lines.len()).contains(&problem.line),
            "line outside the text: {problem}"
        );
        let width = lines[problem.line - 1].chars().count();
        assert!(
            (1..=width + 1).contains(&problem.column),
            "column outside line {} ({width} characters): {problem}",
            problem.line
        );
    }
}

#[test]
fn the_hostile_json_corpus_gives_located_problems() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("json-"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let outcome = storyline::core::parse::parse_timeline_bytes(&bytes);
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes));
        assert_located_inside(&text, &outcome);
        let clean = file.ends_with("json-bom.json");
        assert_eq!(outcome.timeline.is_some(), clean, "{}", file.display());
        assert_eq!(outcome.problems.is_empty(), clean, "{}", file.display());
    }
}

#[test]
fn huge_and_repeated_references_keep_the_problems_bounded() {
    use storyline::core::parse::MAX_PROBLEMS;
    let header = r##"{"version": 1, "title": "Refs", "categories": [CATEGORIES], "events": [
{"id": "a", "start": "2022", "title": "A", "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}], "categories": [REFS]}
]}"##;
    let categories = |count: usize| -> String {
        (0..count)
            .map(|n| format!(r##"{{"id": "topic-{n}", "label": "T", "color": "#1d4ed8"}}"##))
            .collect::<Vec<_>>()
            .join(",")
    };
    let references = |count: usize, id: &dyn Fn(usize) -> String| -> String {
        (0..count)
            .map(|n| format!("\"{}\"", id(n)))
            .collect::<Vec<_>>()
            .join(",")
    };
    let cases = [
        // One missing id 200,000 times, against a long list of categories.
        header
            .replace("CATEGORIES", &categories(5_000))
            .replace("REFS", &references(200_000, &|_| "topic-x".into())),
        // 100,000 different missing ids.
        header
            .replace("CATEGORIES", &categories(3))
            .replace("REFS", &references(100_000, &|n| format!("gone-{n}"))),
        // 100,000 references to categories that exist, each twice.
        header.replace("CATEGORIES", &categories(50_000)).replace(
            "REFS",
            &references(100_000, &|n| format!("topic-{}", n / 2)),
        ),
    ];
    for (number, text) in cases.iter().enumerate() {
        let started = std::time::Instant::now();
        let outcome = parse_timeline(text);
        // Generous: the quadratic lookups and hints this replaces took minutes on these.
        assert!(
            started.elapsed().as_secs() < 20,
            "case {number}: {:?}",
            started.elapsed()
        );
        assert!(outcome.problems.len() <= MAX_PROBLEMS, "case {number}");
        assert_located_inside(text, &outcome);
        let printed: usize = outcome.problems.iter().map(|p| p.to_string().len()).sum();
        assert!(printed < 100_000, "case {number}: {printed} bytes");
        match number {
            0 => {
                assert_eq!(outcome.problems.len(), 1);
                assert_eq!(outcome.problems[0].more_like_this, 199_999);
                assert!(outcome.problems[0]
                    .hint
                    .starts_with("Closest of the 5,000 known categories: topic-"));
            }
            1 => {
                assert_eq!(outcome.total.errors, 100_000);
                assert!(outcome.truncated());
            }
            _ => assert!(outcome.timeline.is_some(), "{:?}", outcome.problems),
        }
    }
}

#[test]
fn a_huge_key_and_a_huge_value_give_short_messages() {
    let key = "\u{1b}".repeat(1_000_000);
    let title = "😀".repeat(1_000_000);
    let text = format!(
        r##"{{"version": 1, "title": 5, "categories": [{{"id": "n", "label": "N", "color": "#1d4ed8"}}], "events": [{{"id": "{title}", "start": "{title}", "title": "A", "categories": ["{title}"], "{key}": 1, "sources": [{{"title": "T", "publisher": "P", "url": "https://example.org/"}}]}}]}}"##
    )
    .replace("\u{1b}", "\\u001b");
    let outcome = parse_timeline(&text);
    assert_eq!(outcome.total.all(), 5, "{:#?}", outcome.problems);
    for problem in &outcome.problems {
        assert!(problem.to_string().len() < 2_000, "{problem}");
    }
}

#[test]
fn hostile_link_markup_in_a_text_is_read_in_linear_time() {
    let patterns = [
        "[",
        "[a](",
        "[a]",
        "](",
        "[](",
        "[a[b](c)",
        "[x](javascript:y) ",
    ];
    for pattern in patterns {
        let text = pattern.repeat(200_000 / pattern.len());
        let document = format!(
            r##"{{"version": 1, "title": "T", "categories": [{{"id": "n", "label": "N", "color": "#1d4ed8"}}], "events": [{{"id": "a", "start": "2022", "title": "A", "categories": ["n"], "sources": [{{"title": "T", "publisher": "P", "url": "https://example.org/"}}], "text": "{text}"}}]}}"##
        );
        let started = std::time::Instant::now();
        let outcome = parse_timeline(&document);
        // Generous: rescanning the text from every bracket took minutes here.
        assert!(
            started.elapsed().as_secs() < 10,
            "{pattern:?}: {:?}",
            started.elapsed()
        );
        assert!(
            outcome.problems.len() <= 3,
            "{pattern:?}: {:#?}",
            outcome.problems
        );
    }
}
