//! Bad input never crashes: thousands of mangled variants of real files go through every parser
//! (Storyline JSON, TimelineJS JSON, spreadsheet CSV), which must answer with problems, not panics.

use std::collections::HashSet;
use std::time::{Duration, Instant};
use storyline::core::import::{html, ImportOutcome, MAX_MESSAGES};
use storyline::core::import::{sheet, timelinejs};
use storyline::core::parse::parse_timeline;
use storyline::core::parse::Severity;
use storyline::core::text::{parse_text, Inline};

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

// Importers: the hostile corpus in tests/fixtures/hostile/import-*, and large inputs generated
// here rather than committed.

/// Far above what a linear import of the large inputs below takes even in a debug build on a
/// busy machine, and far below what the quadratic versions took (minutes).
const GENEROUS: Duration = Duration::from_secs(20);

fn import_file(name: &str, bytes: &[u8]) -> ImportOutcome {
    if name.ends_with(".csv") {
        sheet::import(bytes)
    } else {
        timelinejs::import(&String::from_utf8_lossy(bytes))
    }
}

/// The imported document as Storyline JSON, checked to be valid (warnings allowed).
fn valid_story(outcome: &ImportOutcome) -> String {
    let document = outcome.document.as_ref().unwrap_or_else(|| {
        panic!("no document: {:?}", outcome.errors);
    });
    let written = serde_json::to_string_pretty(document).expect("JSON");
    let errors: Vec<String> = parse_timeline(&written)
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{written}");
    written
}

/// Every message says where the problem is: an event, an era, a sheet row, the title slide, or
/// the whole file.
fn assert_located(outcome: &ImportOutcome) {
    for message in outcome.errors.iter().chain(&outcome.notes) {
        let located = [
            "events[",
            "eras[",
            "row ",
            "title:",
            "\u{201c}",
            "\u{2026} and ",
        ]
        .iter()
        .any(|start| message.starts_with(start))
            || [
                "no event could be imported",
                "the sheet is empty",
                "neither TimelineJS nor its spreadsheet has sources",
                "the file has no title slide headline",
                "no row has Type",
                "this is not valid JSON",
            ]
            .iter()
            .any(|whole_file| message.starts_with(whole_file));
        assert!(located, "a message that does not say where: {message}");
    }
}

/// What readers see of an event's text: each paragraph's words, links as `label<url>`.
fn rendered(text: Option<&str>) -> Vec<String> {
    let (paragraphs, refused) = parse_text(text.unwrap_or_default());
    assert!(refused.is_empty(), "{refused:?}");
    paragraphs
        .into_iter()
        .map(|paragraph| {
            paragraph
                .into_iter()
                .map(|inline| match inline {
                    Inline::Text(text) => text.replace('\u{2060}', ""),
                    Inline::Link { label, url } => format!("{label}<{url}>"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_hostile_import_corpus_gives_valid_stories_and_located_messages() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the hostile corpus")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.starts_with("import-"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    for name in &names {
        let bytes = std::fs::read(folder.join(name)).expect("readable");
        let outcome = import_file(name, &bytes);
        let written = valid_story(&outcome);
        assert_located(&outcome);
        assert!(written.len() <= 64 * bytes.len() + 4_096, "{name}");
    }
}

#[test]
fn hostile_timelinejs_text_reads_as_a_browser_shows_it() {
    let outcome = timelinejs::import(include_str!("fixtures/hostile/import-entities-links.json"));
    valid_story(&outcome);
    let document = outcome.document.expect("a document");
    assert_eq!(document.title, "AT&T Mobility\u{2019}s outage");
    let texts: Vec<Vec<String>> = document
        .events
        .iter()
        .map(|event| rendered(event.text.as_deref()))
        .collect();
    assert_eq!(document.events[0].title, "AT&T Mobility\u{2019}s outage");
    assert_eq!(
        texts[0],
        ["&\u{2019}&\u{2019}\u{2019}\u{2019}&nbsp\u{e9} &aaaaaaaaaaa\u{e9}; \u{fffd} \u{fffd} \u{fffd} \u{2013}"]
    );
    let report = "https://example.org/report";
    assert_eq!(
        texts[1],
        [
            format!("Read<{report}>"),
            format!("the<{report}>"),
            format!("whole<{report}>"),
            format!("report<{report}> now."),
            "never closed<https://example.org/open> evil".to_string(),
            "twice".to_string(),
        ]
    );
    assert!(outcome
        .notes
        .iter()
        .any(|note| note.contains("the link to \u{201c}javascript:alert(1)\u{201d}")));
    let planet = "https://en.wikipedia.org/wiki/Mercury_%28planet%29";
    assert_eq!(
        texts[2],
        [format!(
            "See Mercury<{planet}> [planet<{planet}>], not [fake](https://evil.example) text, and no link."
        )]
    );
    // The smallest year cannot be placed; the event is left out with a located error.
    assert!(outcome
        .errors
        .iter()
        .any(|error| error.starts_with("events[3]:")));
    let ends_early = &document.events[3];
    assert_eq!(ends_early.title, "Ends before it starts \u{202e}");
    assert_eq!(ends_early.end, None);
    let media = ends_early.media.as_ref().expect("media");
    assert_eq!(media.caption.as_deref(), Some("Caption & more"));
    assert_eq!(media.credit.as_deref(), Some("Credit"));
}

#[test]
fn a_byte_order_mark_is_accepted_by_both_importers() {
    for name in ["import-bom.json", "import-bom.csv"] {
        let bytes = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/hostile")
                .join(name),
        )
        .expect("readable");
        assert!(bytes.starts_with(b"\xef\xbb\xbf"));
        let outcome = import_file(name, &bytes);
        assert!(outcome.errors.is_empty(), "{name}: {:?}", outcome.errors);
        let document = outcome.document.expect("a document");
        assert_eq!(document.events[0].title, "Starts with a byte-order mark");
        let text = String::from_utf8(bytes).expect("UTF-8");
        assert!(storyline::core::import::detect(&text).is_some(), "{name}");
    }
}

#[test]
fn multi_byte_text_at_every_byte_offset_near_entities_imports_whole() {
    // No tags here: a character inserted into a tag's name would rightly hide it.
    let base = "AT&T Mobility\u{2019}s &amp; &#8217;&nbsp;&eacute;&aaaaaaaaaaaa; &#x1F600;&lt;";
    // (A combining mark on a letter that is not a hex digit: `&#xe` would rightly be a reference.)
    for inserted in [
        "\u{e9}",
        "\u{2019}",
        "\u{1f600}",
        "\u{5e9}",
        "o\u{301}",
        "\u{4e2d}",
    ] {
        let mut headlines = Vec::new();
        for at in (0..=base.len()).filter(|&at| base.is_char_boundary(at)) {
            headlines.push(format!("{}{inserted}{}", &base[..at], &base[at..]));
        }
        // Right after `&`, at every distance from the 12-byte window entities were read in.
        for run in 0..16 {
            headlines.push(format!("&{}{inserted};&amp;", "a".repeat(run)));
            headlines.push(format!("&#{}{inserted};", "1".repeat(run)));
        }
        for headline in &headlines {
            let file = serde_json::json!({"events": [
                {"start_date": {"year": 2024}, "text": {"headline": headline, "text": headline}}
            ]});
            let outcome = timelinejs::import(&file.to_string());
            valid_story(&outcome);
            let document = outcome.document.expect("a document");
            assert!(document.events[0].title.contains(inserted), "{headline}");
            let mut sheet_bytes = b"Year,Headline,Text\n2024,\"".to_vec();
            sheet_bytes.extend(headline.replace('"', "\"\"").as_bytes());
            sheet_bytes.extend(b"\",x\n");
            let outcome = sheet::import(&sheet_bytes);
            valid_story(&outcome);
            assert!(outcome.document.expect("a document").events[0]
                .title
                .contains(inserted));
        }
    }
}

#[test]
fn fifty_thousand_events_with_one_headline_or_their_own_group_import_in_linear_time() {
    const EVENTS: usize = 50_000;
    let events: Vec<serde_json::Value> = (0..EVENTS)
        .map(|index| {
            serde_json::json!({
                "start_date": {"year": 2000 + index % 20},
                "text": {"headline": "Same headline"},
                "group": format!("Group {index}"),
            })
        })
        .collect();
    let file = serde_json::json!({"events": events}).to_string();
    let started = Instant::now();
    let outcome = timelinejs::import(&file);
    let took = started.elapsed();
    assert!(took < GENEROUS, "{took:?}");
    let document = outcome.document.expect("a document");
    assert_eq!(document.events.len(), EVENTS);
    assert_eq!(document.categories.len(), EVENTS);
    let ids: HashSet<&str> = document
        .events
        .iter()
        .map(|event| event.id.as_str())
        .collect();
    assert_eq!(ids.len(), EVENTS);
    assert_eq!(document.events[0].id, "same-headline");
    assert_eq!(
        document.events[EVENTS - 1].id,
        format!("same-headline-{EVENTS}")
    );

    let mut sheet_bytes = b"Year,Headline,Group,Background\n".to_vec();
    for index in 0..EVENTS {
        sheet_bytes.extend(format!("2001,Same headline,Group {},#000\n", index % 7).as_bytes());
    }
    let started = Instant::now();
    let outcome = sheet::import(&sheet_bytes);
    let took = started.elapsed();
    assert!(took < GENEROUS, "{took:?}");
    // One note per row about its background would bury the editor: the list is cut, with a count.
    assert!(
        outcome.notes.len() <= MAX_MESSAGES + 2,
        "{}",
        outcome.notes.len()
    );
    assert!(outcome.notes[0].starts_with("no row has Type"));
    // 50,000 notes about backgrounds and one about the title: the first 200 are listed.
    assert!(
        outcome
            .notes
            .iter()
            .any(|note| note.contains("and 49801 more notes")),
        "{:?}",
        &outcome.notes[MAX_MESSAGES - 1..]
    );
    let document = outcome.document.expect("a document");
    assert_eq!(document.events.len(), EVENTS);
    assert_eq!(document.categories.len(), 7);
}

#[test]
fn huge_and_repeated_markup_imports_in_linear_time_with_bounded_output() {
    let long_url = format!("https://example.org/{}", "p".repeat(100_000));
    let texts = [
        "<".repeat(500_000),
        "&".repeat(200_000),
        format!("&#{};", "9".repeat(200_000)),
        "<!--".repeat(125_000),
        format!("<a {}>", "x=1 ".repeat(50_000)),
        format!("<a href=\"{long_url}\">{}</a>", "w<br>".repeat(100_000)),
        format!("<a href=\"{long_url}\">{}</a>", "[w]".repeat(10_000)),
        format!(
            "<a href=\"https://example.org/\">{}",
            "<a href=\"https://example.org/\">w".repeat(10_000)
        ),
        "](".repeat(100_000),
        "\u{1f600}&amp;".repeat(20_000),
    ];
    for text in &texts {
        let started = Instant::now();
        let mut refused = Vec::new();
        let converted = html::to_plain_text(text, &mut refused);
        let words = html::to_words(text);
        let file = serde_json::json!({"events": [
            {"start_date": {"year": 2024}, "text": {"headline": text, "text": text}}
        ]})
        .to_string();
        let outcome = timelinejs::import(&file);
        let took = started.elapsed();
        let sample: String = text.chars().take(40).collect();
        assert!(took < GENEROUS, "{sample}: {took:?}");
        assert!(
            converted.len() <= 3 * text.len(),
            "{sample}: {}",
            converted.len()
        );
        assert!(words.len() <= 3 * text.len(), "{sample}");
        let written = valid_story(&outcome);
        assert!(
            written.len() <= 8 * file.len(),
            "{sample}: {}",
            written.len()
        );
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
