//! Generated hostile input for the importers (TimelineJS JSON, spreadsheet CSV/TSV, their HTML).
//!
//! The generators build near-valid files (TimelineJS documents, sheets with the template's
//! columns) whose text mixes tags, entities (good, broken, unterminated) and multi-byte
//! characters, so the importers are driven deep rather than stopped at the first byte. Every
//! import must end in a document that is valid Storyline, or in located errors, with output in
//! proportion to the input and only http(s) links.
//!
//! `cargo test` runs a few hundred cases from a fixed seed. `STORYLINE_FUZZ_CASES=20000` runs
//! that many from a random seed (printed; `STORYLINE_FUZZ_SEED` replays one).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use storyline_core::import::{html, sheet, timelinejs, ImportOutcome, MAX_MESSAGES};
use storyline_core::parse::{parse_timeline, Severity};
use storyline_core::text::{is_web_url, parse_text, Inline};

/// Cases per property in an ordinary `cargo test`.
const DEFAULT_CASES: u32 = 300;

/// A runner from a fixed seed, or from `STORYLINE_FUZZ_CASES`/`STORYLINE_FUZZ_SEED` when set.
fn runner(name: &str) -> TestRunner {
    let cases = std::env::var("STORYLINE_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.trim().parse().ok());
    let config = Config {
        cases: cases.unwrap_or(DEFAULT_CASES),
        failure_persistence: None,
        ..Config::default()
    };
    match cases {
        None => TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha)),
        Some(_) => {
            let seed = std::env::var("STORYLINE_FUZZ_SEED")
                .ok()
                .and_then(|seed| seed.trim().parse().ok())
                .unwrap_or_else(|| {
                    let mut runner = TestRunner::new(Config::default());
                    any::<u64>()
                        .new_tree(&mut runner)
                        .expect("a seed")
                        .current()
                });
            eprintln!("{name}: {} cases, STORYLINE_FUZZ_SEED={seed}", config.cases);
            TestRunner::new(Config {
                rng_seed: RngSeed::Fixed(seed),
                ..config
            })
        }
    }
}

fn check<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    if let Err(failure) = runner(name).run(&strategy, test) {
        panic!("{name}: {failure}");
    }
}

/// Letters from several scripts, combining marks, emoji and invisible characters.
const CHARACTERS: &[&str] = &[
    "a",
    "Z",
    "7",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{e9}",
    "e\u{301}",
    "\u{2019}",
    "\u{201c}",
    "\u{2014}",
    "\u{1f600}",
    "\u{1f469}\u{200d}\u{1f52c}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{645}\u{631}\u{62d}\u{628}\u{627}",
    "\u{4e2d}\u{6587}",
    "\u{202e}",
    "\u{feff}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2060}",
    "\u{200b}",
    ",",
    "\"",
    "'",
    ";",
    "#",
    "x",
    "\\",
];

/// Tags, entities and the characters of Storyline's link syntax.
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<b>",
    "</b>",
    "<div class=\"x\">",
    "</div>",
    "<li>",
    "<script>alert(1)</script>",
    "<script>",
    "</script>",
    "<style>p{}</style>",
    "<!-- c -->",
    "<!--",
    "-->",
    "</a>",
    "<a>",
    "<a name=x>",
    "<img src=x onerror=alert(1)>",
    "<",
    ">",
    "</",
    "< b>",
    "<!doctype html>",
    "<?xml?>",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#8217;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&#150;",
    "&#99999999999;",
    "&nbsp;",
    "&eacute;",
    "&copy;",
    "&",
    "&amp",
    "&#",
    "&#x",
    "&#x;",
    "&unknown;",
    "&\u{e9};",
    "&ab\u{2019};",
    "&T",
    "[",
    "]",
    "(",
    ")",
    "](",
    "[x](https://example.org/)",
    "[bad](javascript:alert(1))",
];

/// Addresses, good and bad, some with characters the link syntax cannot hold.
const URLS: &[&str] = &[
    "https://example.org/",
    "https://en.wikipedia.org/wiki/Mercury_(planet)",
    "http://example.org/a b?q=[1]&amp;r=\"2\"",
    "HTTPS://EXAMPLE.ORG/\u{e9}\u{1f600}",
    "https://example.org/a)b](c",
    " https://example.org/\n\tpath ",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//example.org",
    "/relative",
    "https://",
    "https://exa mple.org",
    "https://ex)ample.org",
    "",
    "&#106;avascript:alert(1)",
];

/// Media addresses as TimelineJS files hold them: images, videos, audio, quotes, pages it shows
/// as links, and hostile ones.
const MEDIA_URLS: &[&str] = &[
    "https://example.org/photo.jpg",
    "https://example.org/\u{e9}t\u{e9}.PNG?w=800",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ?t=1m3s",
    "https://vimeo.com/76979871",
    "https://example.org/clip.mp4",
    "https://example.org/speech.mp3",
    "<blockquote>\u{201c}We will not be intimidated.\u{201d} <b>Rama</b></blockquote>",
    "<BLOCKQUOTE></blockquote>",
    "<blockquote><script>alert(1)</script>\u{5e9}\u{5dc}\u{5d5}\u{5dd}</blockquote>",
    "https://soundcloud.com/artist/track",
    "https://en.wikipedia.org/wiki/Mercury_(planet)",
    "https://www.youtube.com/watch?v=dQw4w9WgX\"Q",
    "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
    "data:text/html,<script>alert(1)</script>",
    " https://example.org/\n\tpath.jpg ",
    "",
];

fn text_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(CHARACTERS), 1..6).prop_map(|parts| parts.concat()),
        3 => prop::sample::select(MARKUP).prop_map(str::to_string),
        1 => (prop::sample::select(URLS), prop::sample::select(&["\"", "'", ""][..]), any::<bool>())
            .prop_map(|(url, quote, data)| {
                let prefix = if data { "data-href=\"https://evil.example\" " } else { "" };
                format!("<a {prefix}href={quote}{url}{quote}>")
            }),
    ]
}

/// HTML as it comes in TimelineJS text and spreadsheet cells.
fn html_text() -> impl Strategy<Value = String> {
    prop::collection::vec(text_piece(), 0..24).prop_map(|pieces| pieces.concat())
}

/// A date part as TimelineJS writes it: a number, a numeric string, or something odd.
fn date_part(range: std::ops::Range<i64>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => range.clone().prop_map(|n| Some(json!(n))),
        2 => range.prop_map(|n| Some(json!(n.to_string()))),
        1 => Just(None),
        1 => prop::sample::select(vec![
            json!(""), json!(" 12 "), json!(1.5), json!(-0.0), json!(i64::MIN), json!(i64::MAX),
            json!(u64::MAX), json!(1e300), json!("x"), json!(null), json!([1]), json!("\u{661}"),
        ])
        .prop_map(Some),
    ]
}

fn timelinejs_date() -> impl Strategy<Value = Value> {
    (
        date_part(-3000..3000),
        date_part(0..14),
        date_part(0..33),
        date_part(0..25),
        date_part(0..61),
        date_part(0..1000),
    )
        .prop_map(|(year, month, day, hour, minute, millisecond)| {
            let mut date = Map::new();
            for (key, part) in [
                ("year", year),
                ("month", month),
                ("day", day),
                ("hour", hour),
                ("minute", minute),
                ("millisecond", millisecond),
            ] {
                if let Some(part) = part {
                    date.insert(key.into(), part);
                }
            }
            Value::Object(date)
        })
}

const GROUPS: &[&str] = &[
    "Security",
    "security!",
    "\u{5d9}\u{5e9}\u{5e8}\u{5d0}\u{5dc}",
    "",
    "  ",
    "General",
    "Era",
    "\u{1f600}",
];

fn timelinejs_event() -> impl Strategy<Value = Value> {
    (
        timelinejs_date(),
        prop::option::of(timelinejs_date()),
        html_text(),
        html_text(),
        prop::option::of((
            prop::sample::select(MEDIA_URLS),
            html_text(),
            html_text(),
            prop::option::of(html_text()),
        )),
        prop::option::of(prop::sample::select(GROUPS)),
        prop::option::of(prop_oneof![Just("same".to_string()), html_text()]),
        any::<bool>(),
    )
        .prop_map(
            |(start, end, headline, text, media, group, unique_id, extra)| {
                let mut event =
                    json!({"start_date": start, "text": {"headline": headline, "text": text}});
                if let Some(end) = end {
                    event["end_date"] = end;
                }
                if let Some((url, caption, credit, alt)) = media {
                    event["media"] =
                        json!({"url": url, "caption": caption, "credit": credit, "thumbnail": url});
                    if let Some(alt) = alt {
                        event["media"]["alt"] = json!(alt);
                    }
                }
                if let Some(group) = group {
                    event["group"] = json!(group);
                }
                if let Some(id) = unique_id {
                    event["unique_id"] = json!(id);
                }
                if extra {
                    event["background"] = json!({"color": "#000"});
                    event["display_date"] = json!("c. \u{2019}22");
                }
                event
            },
        )
}

/// A TimelineJS file, maybe with a byte-order mark, maybe cut short.
fn timelinejs_file() -> impl Strategy<Value = String> {
    (
        prop::option::of((html_text(), html_text())),
        prop::collection::vec(timelinejs_event(), 0..8),
        prop::collection::vec(timelinejs_event(), 0..3),
        any::<bool>(),
        prop_oneof![6 => Just(None), 1 => any::<prop::sample::Index>().prop_map(Some)],
    )
        .prop_map(|(title, events, eras, bom, cut)| {
            let mut file = json!({"events": events, "eras": eras});
            if let Some((headline, text)) = title {
                file["title"] = json!({"text": {"headline": headline, "text": text}});
            }
            let mut text = serde_json::to_string(&file).expect("JSON");
            if let Some(cut) = cut {
                let mut at = cut.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.truncate(at);
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            text
        })
}

/// A cell of a sheet: dates and times, odd numbers, or HTML text with quotes and separators.
fn sheet_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (-3000i64..3000).prop_map(|n| n.to_string()),
        1 => (0u32..40).prop_map(|n| n.to_string()),
        1 => prop::sample::select(&[
            "", " ", "9:30 AM", "12:00 am", "25:00", "1:2:3:4", "title", "era", "TITLE",
            "-9223372036854775808", "99999999999999999999", "\u{661}\u{662}", "1e3",
        ][..]).prop_map(str::to_string),
        1 => prop::sample::select(URLS).prop_map(str::to_string),
        1 => prop::sample::select(GROUPS).prop_map(str::to_string),
        4 => html_text(),
    ]
}

/// The template's columns, and some a journalist's sheet may have instead.
fn header_names() -> Vec<&'static str> {
    sheet::COLUMNS
        .iter()
        .copied()
        .chain(["year", " HEADLINE ", "Notes \u{1f600}", ""])
        .collect()
}

/// A sheet in the template's layout (some columns missing, repeated or unknown), written as
/// CSV or TSV with proper quoting or, now and then, with none.
fn sheet_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(prop::sample::select(header_names()), 0..12),
        prop::collection::vec(prop::collection::vec(sheet_cell(), 0..14), 0..8),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![5 => Just(true), 1 => Just(false)],
        any::<bool>(),
    )
        .prop_map(|(extra_columns, rows, tabs, bom, quoted, crlf)| {
            let mut header = vec!["Year", "Month", "Day", "Headline", "Text"];
            header.extend(extra_columns);
            let delimiter = if tabs { b'\t' } else { b',' };
            let terminator = if crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            };
            let mut bytes = if bom {
                b"\xef\xbb\xbf".to_vec()
            } else {
                Vec::new()
            };
            if quoted {
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .terminator(terminator)
                    .flexible(true)
                    .from_writer(Vec::new());
                writer.write_record(&header).expect("header");
                for row in &rows {
                    writer.write_record(row).expect("row");
                }
                bytes.extend(writer.into_inner().expect("CSV"));
            } else {
                let separator = (delimiter as char).to_string();
                let newline = if crlf { "\r\n" } else { "\n" };
                bytes.extend(header.join(&separator).into_bytes());
                for row in &rows {
                    bytes.extend(newline.as_bytes());
                    bytes.extend(row.join(&separator).into_bytes());
                }
            }
            bytes
        })
}

/// Everything an import gives a journalist, in bytes.
fn outcome_size(outcome: &ImportOutcome) -> usize {
    let document = outcome.document.as_ref().map_or(0, |document| {
        serde_json::to_string(document).expect("JSON").len()
    });
    document
        + outcome
            .errors
            .iter()
            .chain(&outcome.notes)
            .map(String::len)
            .sum::<usize>()
}

/// What every import must satisfy, whatever the input.
fn check_outcome(outcome: &ImportOutcome, input_length: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        outcome.document.is_some() || !outcome.errors.is_empty(),
        "neither a document nor an error"
    );
    // Each event costs a few dozen bytes of structure and messages; nothing grows faster.
    let size = outcome_size(outcome);
    prop_assert!(
        size <= 64 * input_length + 4_096,
        "{size} bytes out of {input_length} in"
    );
    prop_assert!(
        outcome.errors.len() <= MAX_MESSAGES + 1,
        "{} errors",
        outcome.errors.len()
    );
    prop_assert!(
        outcome.notes.len() <= MAX_MESSAGES + 2,
        "{} notes",
        outcome.notes.len()
    );
    let Some(document) = &outcome.document else {
        return Ok(());
    };
    let written = serde_json::to_string_pretty(document).expect("JSON");
    let parsed = parse_timeline(&written);
    let errors: Vec<String> = parsed
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    prop_assert!(
        errors.is_empty(),
        "the import is not valid Storyline: {errors:#?}\n{written}"
    );
    for event in &document.events {
        let (paragraphs, refused) = parse_text(event.text.as_deref().unwrap_or_default());
        prop_assert!(refused.is_empty(), "refused links in {:?}", event.text);
        for inline in paragraphs.iter().flatten() {
            if let Inline::Link { url, .. } = inline {
                let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
                prop_assert!(
                    scheme.starts_with("https://") || scheme.starts_with("http://"),
                    "link to {url}"
                );
            }
        }
        if let Some(media) = &event.media {
            for address in [&media.url, &media.poster].into_iter().flatten() {
                prop_assert!(is_web_url(address), "media at {address}");
            }
            prop_assert!(
                media.url.is_some() != media.text.is_some(),
                "media with both or neither of an address and words: {media:?}"
            );
            if let Some(text) = &media.text {
                prop_assert!(
                    !text.trim().is_empty() && !text.contains('<'),
                    "quote {text:?}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn generated_timelinejs_files_import_to_valid_stories_or_errors() {
    check("timelinejs", timelinejs_file(), |file| {
        check_outcome(&timelinejs::import(&file), file.len())
    });
}

#[test]
fn generated_sheets_import_to_valid_stories_or_errors() {
    check("sheet", sheet_file(), |bytes| {
        check_outcome(&sheet::import(&bytes), bytes.len())
    });
}

/// What a reader sees of Storyline text: the words of each paragraph, links and all, one line.
fn seen_words(text: &str) -> String {
    let (paragraphs, _) = parse_text(text);
    let words: Vec<String> = paragraphs
        .into_iter()
        .map(|paragraph| {
            paragraph
                .into_iter()
                .map(|inline| match inline {
                    Inline::Text(text) => text,
                    Inline::Link { label, .. } => label,
                })
                .collect()
        })
        .collect();
    words.join(" ").replace('\u{2060}', "")
}

#[test]
fn generated_html_keeps_its_words_and_only_web_links() {
    check("html", html_text(), |html_text| {
        let mut refused = Vec::new();
        let text = html::to_plain_text(&html_text, &mut refused);
        prop_assert!(
            text.len() <= 4 * html_text.len() + 16,
            "{} bytes from {}",
            text.len(),
            html_text.len()
        );
        let (paragraphs, refused_by_reader) = parse_text(&text);
        prop_assert!(
            refused_by_reader.is_empty(),
            "{refused_by_reader:?} in {text:?}"
        );
        for inline in paragraphs.iter().flatten() {
            if let Inline::Link { url, .. } = inline {
                prop_assert!(is_web_url(url), "{url}");
            }
        }
        // The reader sees the same words whether the text keeps its links or not.
        let words = html::to_words(&html_text).replace('\u{2060}', "");
        prop_assert_eq!(seen_words(&text), words, "text: {:?}", text);
        Ok(())
    });
}
