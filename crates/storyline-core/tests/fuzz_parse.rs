//! Generated hostile documents through the Storyline JSON parser: near-valid stories with
//! multi-byte and control characters in every field, fields left out or of the wrong type,
//! references repeated thousands of times, byte-order marks, and cuts at character and byte
//! boundaries. Whatever comes in, the parser answers without panicking, every problem points
//! inside the input, the list stays within its bound and the printed report stays small.
//!
//! `cargo test` runs a fixed-seed pass; `STORYLINE_FUZZ_CASES=20000` (`make fuzz`) runs that many
//! cases from a random seed.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::{Map, Value};
use storyline_core::parse::{parse_timeline_bytes, ParseOutcome, MAX_PROBLEMS};
use storyline_core::report::problem_line;

/// Characters that have broken text handling somewhere: multi-byte letters of several scripts,
/// emoji, combining marks, controls, the byte-order mark, line separators and JSON punctuation.
const TRICKY: &[char] = &[
    'é', '’', '“', '😀', '👩', '\u{200d}', '🔬', 'ש', 'ל', 'ع', 'ر', '中', '文', '\u{301}',
    '\u{308}', '\u{1b}', '\u{0}', '\u{7}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}',
    '\u{feff}', '\u{2028}', '\u{fffd}', '\t', '\n', '\r', '"', '\\', '{', '}', '[', ']', ',', ':',
    '-', '0', '9', ' ', '#', '/', '(', ')', '&', ';', '<', '>',
];

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range('a', 'z'),
        2 => proptest::sample::select(TRICKY),
        1 => any::<char>(),
    ]
}

fn tricky_text(max_chars: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..max_chars)
        .prop_map(|chars| chars.into_iter().collect())
}

/// An id that is usually a valid slug from a small pool (so that references match), sometimes not.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(&["cyber", "diplomacy", "war", "cyber-war", "a", "e-1"][..])
            .prop_map(str::to_string),
        1 => tricky_text(12),
    ]
}

/// Any JSON value, small: the wrong type for whatever field it lands in.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        tricky_text(16).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((tricky_text(6), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

fn date() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-3_000i32..3_000, 0u32..14, 0u32..33)
            .prop_map(|(year, month, day)| Value::from(format!("{year:04}-{month:02}-{day:02}"))),
        1 => (-3_000i32..3_000).prop_map(|year| Value::from(year.to_string())),
        1 => (0i64..3_000).prop_map(Value::from),
        1 => (1_900i32..2_100, 1u32..13, 0u32..30, 0u32..70)
            .prop_map(|(year, month, hour, minute)| {
                Value::from(format!("{year}-{month:02}-01T{hour:02}:{minute:02}"))
            }),
        1 => tricky_text(20).prop_map(Value::String),
    ]
}

fn url() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => tricky_text(10).prop_map(|path| Value::from(format!("https://example.org/{path}"))),
        1 => proptest::sample::select(
            &["javascript:alert(1)", "data:text/html,x", "//example.org", "ftp://x", ""][..]
        )
        .prop_map(Value::from),
        1 => tricky_text(16).prop_map(Value::String),
    ]
}

/// Text with, now and then, a Markdown link to a good or a bad address.
fn body_text() -> impl Strategy<Value = Value> {
    (tricky_text(40), tricky_text(8), url(), tricky_text(20)).prop_map(
        |(before, label, url, after)| {
            let url = url.as_str().unwrap_or_default().to_string();
            Value::from(format!("{before}[{label}]({url}){after}"))
        },
    )
}

/// A field: usually a plausible value, sometimes left out, sometimes of the wrong type.
fn field(
    name: &'static str,
    good: impl Strategy<Value = Value> + 'static,
) -> BoxedStrategy<Option<(String, Value)>> {
    prop_oneof![
        6 => good.prop_map(move |value| Some((name.to_string(), value))),
        1 => Just(None),
        1 => any_json().prop_map(move |value| Some((name.to_string(), value))),
    ]
    .boxed()
}

fn object(fields: Vec<Option<(String, Value)>>, extra: Vec<(String, Value)>) -> Value {
    let mut object: Map<String, Value> = fields.into_iter().flatten().collect();
    object.extend(extra);
    Value::Object(object)
}

/// Keys the format does not know, some of them near misses of keys it does.
fn extra_fields() -> impl Strategy<Value = Vec<(String, Value)>> {
    let key = prop_oneof![
        proptest::sample::select(&["titel", "Start", "categorie", "\u{1b}[2J", "ïd"][..])
            .prop_map(str::to_string),
        tricky_text(10),
    ];
    proptest::collection::vec((key, any_json()), 0..2)
}

fn category() -> impl Strategy<Value = Value> {
    (
        field("id", id().prop_map(Value::String)),
        field("label", tricky_text(12).prop_map(Value::String)),
        field(
            "color",
            prop_oneof![
                3 => any::<[u8; 3]>().prop_map(|[r, g, b]| Value::from(format!("#{r:02x}{g:02x}{b:02x}"))),
                1 => tricky_text(8).prop_map(Value::String),
            ],
        ),
        extra_fields(),
    )
        .prop_map(|(id, label, color, extra)| object(vec![id, label, color], extra))
}

fn source() -> impl Strategy<Value = Value> {
    (
        field("title", tricky_text(20).prop_map(Value::String)),
        field("publisher", tricky_text(12).prop_map(Value::String)),
        field("url", url()),
        field("date", date()),
        extra_fields(),
    )
        .prop_map(|(title, publisher, url, date, extra)| {
            object(vec![title, publisher, url, date], extra)
        })
}

/// Category references: a few ids, or one id repeated up to thousands of times.
fn category_references() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => proptest::collection::vec(id().prop_map(Value::String), 0..4).prop_map(Value::Array),
        1 => (id(), 0usize..3_000).prop_map(|(id, count)| Value::Array(vec![Value::String(id); count])),
    ]
}

/// A size in pixels: plausible, zero, negative, fractional, huge, or not a number.
fn pixels() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (1u64..4_000).prop_map(Value::from),
        1 => proptest::sample::select(&[0i64, -1, 10_001, i64::MAX][..]).prop_map(Value::from),
        1 => (-1e6f64..1e6).prop_map(Value::from),
        1 => tricky_text(8).prop_map(Value::String),
    ]
}

/// An image's other files: a few, a comma-ended address, or the same file thousands of times.
fn image_files() -> impl Strategy<Value = Value> {
    let file = || {
        (url(), pixels(), extra_fields()).prop_map(|(url, width, extra)| {
            object(
                vec![Some(("url".into(), url)), Some(("width".into(), width))],
                extra,
            )
        })
    };
    prop_oneof![
        4 => proptest::collection::vec(file(), 0..20).prop_map(Value::Array),
        1 => tricky_text(10)
            .prop_map(|path| Value::from(format!("https://example.org/{path}, 400w"))),
        1 => (file(), 0usize..3_000).prop_map(|(file, count)| Value::Array(vec![file; count])),
    ]
}

fn media() -> impl Strategy<Value = Value> {
    (
        field(
            "kind",
            proptest::sample::select(&["image", "video", "audio", "quote", "imäge"][..])
                .prop_map(Value::from),
        ),
        field("url", url()),
        field("alt", tricky_text(12).prop_map(Value::String)),
        field("width", pixels()),
        field("height", pixels()),
        field("srcset", image_files()),
        extra_fields(),
    )
        .prop_map(|(kind, url, alt, width, height, srcset, extra)| {
            object(vec![kind, url, alt, width, height, srcset], extra)
        })
}

fn event() -> impl Strategy<Value = Value> {
    (
        (
            field("id", id().prop_map(Value::String)),
            field("start", date()),
            field("end", date()),
            field("title", tricky_text(30).prop_map(Value::String)),
            field("text", body_text()),
            field("categories", category_references()),
        ),
        (
            field(
                "sources",
                proptest::collection::vec(source(), 0..3).prop_map(Value::Array),
            ),
            field("media", media()),
            field("importance", (0u64..8).prop_map(Value::from)),
            field("approximate", any::<bool>().prop_map(Value::Bool)),
            field("display_date", tricky_text(12).prop_map(Value::String)),
            extra_fields(),
        ),
    )
        .prop_map(
            |(
                (id, start, end, title, text, categories),
                (sources, media, importance, approximate, display_date, extra),
            )| {
                object(
                    vec![
                        id,
                        start,
                        end,
                        title,
                        text,
                        categories,
                        sources,
                        media,
                        importance,
                        approximate,
                        display_date,
                    ],
                    extra,
                )
            },
        )
}

fn document() -> impl Strategy<Value = Value> {
    (
        field(
            "version",
            prop_oneof![4 => Just(Value::from(1)), 1 => (0u64..4).prop_map(Value::from)],
        ),
        field("title", tricky_text(30).prop_map(Value::String)),
        field("description", tricky_text(30).prop_map(Value::String)),
        field(
            "language",
            prop_oneof![
                proptest::sample::select(&["en", "sq", "he", "pt-BR", "ar"][..])
                    .prop_map(Value::from),
                tricky_text(6).prop_map(Value::String),
            ],
        ),
        field(
            "categories",
            proptest::collection::vec(category(), 0..5).prop_map(Value::Array),
        ),
        field(
            "events",
            proptest::collection::vec(event(), 0..6).prop_map(Value::Array),
        ),
        extra_fields(),
    )
        .prop_map(
            |(version, title, description, language, categories, events, extra)| {
                object(
                    vec![version, title, description, language, categories, events],
                    extra,
                )
            },
        )
}

/// What is done to the written document before it is read.
#[derive(Clone, Debug)]
enum Damage {
    None,
    /// Cut after this share of its characters.
    CutAtCharacter(f64),
    /// Cut after this share of its bytes, possibly inside a character.
    CutAtByte(f64),
    /// A byte-order mark in front.
    ByteOrderMark,
    /// One character replaced by a tricky one, written raw (not escaped as JSON would).
    Replace(f64, char),
    /// A piece of the text repeated in place.
    Repeat(f64, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let share = 0.0f64..1.0;
    prop_oneof![
        3 => Just(Damage::None),
        2 => share.clone().prop_map(Damage::CutAtCharacter),
        2 => share.clone().prop_map(Damage::CutAtByte),
        1 => Just(Damage::ByteOrderMark),
        2 => (share.clone(), tricky_char()).prop_map(|(at, c)| Damage::Replace(at, c)),
        1 => (share, 1usize..200).prop_map(|(at, length)| Damage::Repeat(at, length)),
    ]
}

fn char_boundary_at(text: &str, share: f64) -> usize {
    let chars = text.chars().count();
    let wanted = (chars as f64 * share) as usize;
    text.char_indices()
        .nth(wanted)
        .map_or(text.len(), |(index, _)| index)
}

fn apply(text: String, damage: &Damage) -> Vec<u8> {
    match damage {
        Damage::None => text.into_bytes(),
        Damage::CutAtCharacter(share) => {
            let end = char_boundary_at(&text, *share);
            let mut bytes = text.into_bytes();
            bytes.truncate(end);
            bytes
        }
        Damage::CutAtByte(share) => {
            let mut bytes = text.into_bytes();
            bytes.truncate((bytes.len() as f64 * share) as usize);
            bytes
        }
        Damage::ByteOrderMark => format!("\u{feff}{text}").into_bytes(),
        Damage::Replace(share, replacement) => {
            let at = char_boundary_at(&text, *share);
            let mut damaged = text[..at].to_string();
            damaged.push(*replacement);
            damaged.push_str(text[at..].chars().skip(1).collect::<String>().as_str());
            damaged.into_bytes()
        }
        Damage::Repeat(share, length) => {
            let at = char_boundary_at(&text, *share);
            let piece: String = text[at..].chars().take(*length).collect();
            let mut damaged = text[..at].to_string();
            damaged.push_str(&piece);
            damaged.push_str(&text[at..]);
            damaged.into_bytes()
        }
    }
}

/// The properties every outcome has, whatever the input.
fn check(bytes: &[u8], outcome: &ParseOutcome) -> Result<(), TestCaseError> {
    // Positions are counted without the byte-order mark, as editors show them.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(outcome.problems.len() <= MAX_PROBLEMS);
    prop_assert_eq!(outcome.timeline.is_some(), outcome.total.errors == 0);
    prop_assert!(outcome.timeline.is_some() || outcome.errors().next().is_some());
    let listed: usize = outcome.problems.iter().map(|p| 1 + p.more_like_this).sum();
    prop_assert!(listed <= outcome.total.all());
    let mut printed = 0;
    for problem in &outcome.problems {
        prop_assert!(
            problem.line >= 1 && problem.line <= lines.len(),
            "line {} of {}: {}",
            problem.line,
            lines.len(),
            problem
        );
        let width = lines[problem.line - 1].chars().count();
        prop_assert!(
            problem.column >= 1 && problem.column <= width + 1,
            "column {} of {}: {}",
            problem.column,
            width,
            problem
        );
        prop_assert!(!problem.path.is_empty() && problem.path.chars().count() <= 500);
        prop_assert!(!problem.message.is_empty());
        let line = problem_line("story.json", problem);
        prop_assert!(
            !line.chars().any(char::is_control),
            "a control character is printed raw: {:?}",
            line
        );
        prop_assert!(line.len() <= 4_000, "{}", line);
        printed += line.len();
    }
    prop_assert!(printed <= MAX_PROBLEMS * 4_000);
    Ok(())
}

/// A fixed seed and a few hundred cases under `cargo test`; `STORYLINE_FUZZ_CASES` cases from a
/// random seed when it is set.
fn runner(default_cases: u32) -> TestRunner {
    let requested = std::env::var("STORYLINE_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok());
    let config = Config {
        cases: requested.unwrap_or(default_cases),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    };
    match requested {
        Some(_) => TestRunner::new(config),
        None => TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha)),
    }
}

/// The input, shown as text when a case fails.
#[derive(Clone)]
struct Input(Vec<u8>);

impl std::fmt::Debug for Input {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

fn run(default_cases: u32, strategy: impl Strategy<Value = Vec<u8>>) {
    let result = runner(default_cases).run(&strategy.prop_map(Input), |Input(bytes)| {
        let outcome = parse_timeline_bytes(&bytes);
        check(&bytes, &outcome)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

#[test]
fn generated_documents_are_read_without_panics_and_with_located_bounded_problems() {
    run(
        400,
        (document(), any::<bool>(), damage()).prop_map(|(document, pretty, damage)| {
            let text = if pretty {
                serde_json::to_string_pretty(&document)
            } else {
                serde_json::to_string(&document)
            }
            .unwrap_or_default();
            apply(text, &damage)
        }),
    );
}

#[test]
fn arbitrary_text_and_bytes_are_read_without_panics() {
    run(
        600,
        prop_oneof![
            tricky_text(200).prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..200),
            tricky_text(100).prop_map(|text| format!("{{\"{text}\": [{text}").into_bytes()),
        ],
    );
}
