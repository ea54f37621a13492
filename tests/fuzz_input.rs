//! Generated hostile input for the small readers of outside text: shareable-link fragments, embed
//! options, the date syntax, Storyline's link syntax in event text and the word files. None may panic, and what
//! they say back stays short however long the input.
//!
//! `cargo test` runs a fixed-seed pass; `STORYLINE_FUZZ_CASES=N` (as `make fuzz` sets it) runs N
//! cases from a fresh seed.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use storyline::core::date::PartialDate;
use storyline::core::embed_options::EmbedOptions;
use storyline::core::i18n::{Language, WordTable};
use storyline::core::text::{is_web_url, parse_text, Inline};
use storyline::core::url_state;

const STORY: &str = include_str!("../data/albania-iran-israel.json");

/// A fixed seed and a few hundred cases under `cargo test`; more from a fresh seed when asked.
fn runner() -> TestRunner {
    let requested = std::env::var("STORYLINE_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse::<u32>().ok());
    let config = Config {
        cases: requested.unwrap_or(400),
        failure_persistence: None,
        ..Config::default()
    };
    match requested {
        Some(_) => TestRunner::new(config),
        None => TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha)),
    }
}

/// Pieces that matter to these readers, multi-byte text among them: separators, escapes, digits,
/// date marks, link brackets, right-to-left and combining characters, emoji, control characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "&",
            "=",
            ",",
            "#",
            "%",
            "%2C",
            "%E2%82",
            "%zz",
            "%+1",
            "+",
            "event",
            "cats",
            "from",
            "to",
            "2022",
            "-07",
            "-23",
            "T12:30",
            "~",
            "c.",
            "-0500",
            "[",
            "]",
            "(",
            ")",
            "](",
            "https://",
            "http://",
            "javascript:",
            "data:",
            "example.org",
            "/",
            "é",
            "’",
            "ש",
            "ال",
            "東京",
            "🇦🇱",
            "e\u{301}",
            "\u{1b}[2J",
            "\u{0}",
            "\u{202e}",
            "\u{feff}",
            " ",
            "\n",
            "\n\n",
            "\\",
            "\"",
        ])
        .prop_map(str::to_string),
        "[a-z0-9-]{1,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

#[test]
fn link_fragments_never_panic_and_warn_briefly() {
    let story = storyline::parse(STORY).expect("the demo story is valid");
    runner()
        .run(&text(), |fragment| {
            let (state, warnings) = url_state::decode(&fragment, &story);
            prop_assert!(state.event.is_none_or(|index| index < story.events.len()));
            if let Some(window) = state.window {
                prop_assert!(window.start.is_finite() && window.end > window.start);
            }
            prop_assert!(warnings.len() <= 11, "{warnings:?}");
            for warning in &warnings {
                prop_assert!(warning.chars().count() <= 400, "{warning}");
                prop_assert!(!warning.chars().any(char::is_control), "{warning:?}");
            }
            // What the timeline writes back reads again as the same state.
            let written = url_state::encode(&state, &story);
            let (again, warnings) = url_state::decode(&written, &story);
            prop_assert!(warnings.is_empty(), "{written}: {warnings:?}");
            prop_assert_eq!(again.event, state.event);
            Ok(())
        })
        .unwrap();
}

#[test]
fn embed_options_never_panic() {
    let names = prop::sample::select(vec![
        "src",
        "height",
        "theme",
        "start",
        "from",
        "to",
        "categories",
        "deep-link",
        "lang",
        "inline",
        "other",
    ]);
    let pairs = prop::collection::vec((names, text()), 0..12);
    runner()
        .run(&pairs, |pairs| {
            let (options, warnings) =
                EmbedOptions::from_pairs(pairs.iter().map(|(name, value)| (*name, value.as_str())));
            prop_assert!(warnings.len() <= pairs.len());
            prop_assert!(options
                .height
                .is_none_or(|height| (120..=4000).contains(&height)));
            Ok(())
        })
        .unwrap();
}

#[test]
fn dates_never_panic_and_run_forwards() {
    let date = prop_oneof![
        text(),
        (-10_000i32..10_000, 0u32..14, 0u32..33, 0u32..25, 0u32..61).prop_map(
            |(year, month, day, hour, minute)| {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}")
            }
        ),
    ];
    runner()
        .run(&date, |text| {
            if let Ok(date) = PartialDate::parse(&text) {
                prop_assert!(date.start_seconds().is_finite());
                prop_assert!(date.end_seconds() > date.start_seconds(), "{text}");
                prop_assert!(!date.format().is_empty());
            }
            Ok(())
        })
        .unwrap();
}

/// The `{name}` placeholders of a word, sorted.
fn placeholders(word: &str) -> Vec<&str> {
    let mut names: Vec<&str> = word
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn word_files_never_panic_and_keep_english_placeholders() {
    let english = WordTable::built_in(Language::English);
    let albanian = WordTable::built_in(Language::Albanian).file();
    let header = albanian.lines().next().unwrap().to_string();
    let file = (
        prop_oneof![
            Just((true, header.clone())),
            Just((true, format!("\u{feff}{header}\r"))),
            text().prop_map(|text| (false, text)),
        ],
        prop::collection::vec(
            prop_oneof![
                text(),
                Just("{count} {from}".to_string()),
                Just("{total}".to_string()),
                (1usize..3).prop_map(|n| "ë".repeat(n * 200)),
            ],
            0..60,
        ),
    );
    runner()
        .run(&file, |((readable, header), lines)| {
            let file = format!("{header}\n{}", lines.join("\n"));
            let table = WordTable::read(Box::leak(file.clone().into_boxed_str()));
            if !readable && !header.contains("storyline-words") {
                // A file whose first line is not this table's order is not read at all.
                prop_assert_eq!(&table, &english);
            }
            let found = table.words.all().into_iter().chain(table.months);
            let expected = english.words.all().into_iter().chain(english.months);
            for (word, english) in found.zip(expected) {
                if word != english {
                    prop_assert!(file.contains(word) && !word.trim().is_empty(), "{word:?}");
                    prop_assert!(word.chars().count() <= 400, "{word:?}");
                    prop_assert_eq!(placeholders(word), placeholders(english));
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn event_text_keeps_only_web_links_and_never_grows() {
    runner()
        .run(&text(), |input| {
            let (paragraphs, refused) = parse_text(&input);
            let mut shown = 0;
            for inline in paragraphs.iter().flatten() {
                match inline {
                    Inline::Text(text) => shown += text.chars().count(),
                    Inline::Link { label, url } => {
                        prop_assert!(is_web_url(url), "{url}");
                        shown += label.chars().count() + url.chars().count();
                    }
                }
            }
            prop_assert!(shown <= input.chars().count(), "{input:?}");
            for link in refused {
                prop_assert!(!is_web_url(&link.url), "{}", link.url);
            }
            Ok(())
        })
        .unwrap();
}

/// The link syntax as first written, one search per `[` (quadratic on hostile text): the
/// reference the linear reader must agree with.
fn links_by_the_letter(paragraph: &str) -> Vec<(String, String)> {
    let mut links = Vec::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('[') {
        let candidate = &rest[open..];
        let found = candidate.find("](").and_then(|close| {
            let label = &candidate[1..close];
            let after = &candidate[close + 2..];
            let end = after.find(')')?;
            let url = after[..end].trim();
            (!label.is_empty() && !label.contains(['[', ']']) && !url.is_empty())
                .then(|| (label.to_string(), url.to_string(), close + 2 + end + 1))
        });
        match found {
            Some((label, url, consumed)) => {
                links.push((label, url));
                rest = &rest[open + consumed..];
            }
            None => rest = &rest[open + 1..],
        }
    }
    links
}

#[test]
fn event_text_finds_the_links_the_syntax_defines() {
    let paragraph = prop::collection::vec(
        prop::sample::select(vec![
            "[",
            "]",
            "(",
            ")",
            "](",
            "a",
            "é",
            " ",
            "https://x.example",
            "javascript:x",
        ]),
        0..30,
    )
    .prop_map(|pieces| pieces.concat());
    runner()
        .run(&paragraph, |paragraph| {
            let (paragraphs, refused) = parse_text(&paragraph);
            let mut found: Vec<(String, String)> = paragraphs
                .iter()
                .flatten()
                .filter_map(|inline| match inline {
                    Inline::Link { label, url } => Some((label.clone(), url.clone())),
                    Inline::Text(_) => None,
                })
                .collect();
            found.extend(refused.into_iter().map(|link| (link.label, link.url)));
            let mut expected = links_by_the_letter(paragraph.trim());
            found.sort();
            expected.sort();
            prop_assert_eq!(found, expected, "{:?}", paragraph);
            Ok(())
        })
        .unwrap();
}
