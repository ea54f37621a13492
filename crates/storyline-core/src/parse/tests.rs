//! The reader's own tests: located problems, the bounds on what it reports, and the demo stories.

use super::*;

const STORY: &str = include_str!("../../../../data/albania-iran-israel.json");

fn problems(text: &str) -> Vec<String> {
    parse_timeline(text)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// A small valid document; tests replace parts of it to make each mistake.
fn document(event: &str) -> String {
    format!(
        r##"{{
  "version": 1,
  "title": "Test",
  "categories": [
    {{"id": "cyber", "label": "Cyber", "color": "#b45309"}},
    {{"id": "diplomacy", "label": "Diplomacy", "color": "#1d4ed8"}}
  ],
  "events": [
    {event}
  ]
}}"##
    )
}

const GOOD_EVENT: &str = r#"{"id": "attack", "start": "2022-07-15", "title": "Cyberattack", "categories": ["cyber"], "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}]}"#;

#[test]
fn the_story_data_is_valid_and_in_time_order() {
    let outcome = parse_timeline(STORY);
    let errors: Vec<_> = outcome.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let timeline = outcome.timeline.expect("story parses");
    assert!(timeline.events.len() >= 19);
    assert_eq!(timeline.categories.len(), 5);
    let starts: Vec<_> = timeline.events.iter().map(|e| e.span().0).collect();
    assert!(starts.windows(2).all(|pair| pair[0] <= pair[1]));
    let nato = &timeline.events[timeline.event_index("nato-accession").expect("NATO event")];
    assert_eq!(nato.date_label(), "1 April 2009");
    assert!(outcome.problems.is_empty(), "{:#?}", outcome.problems);
}

#[test]
fn the_albanian_story_is_valid_and_matches_the_english_one() {
    let albanian = parse_timeline(include_str!("../../../../data/albania-iran-israel.sq.json"));
    assert!(albanian.problems.is_empty(), "{:#?}", albanian.problems);
    let albanian = albanian.timeline.unwrap();
    let english = parse_timeline(STORY).timeline.unwrap();
    assert_eq!(albanian.language.as_deref(), Some("sq"));
    let ids = |timeline: &Timeline| {
        timeline
            .events
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&albanian), ids(&english));
    for (a, e) in albanian.events.iter().zip(&english.events) {
        assert_eq!(a.sources, e.sources, "{}", a.id);
        assert_ne!(a.title, e.title, "{} is translated", a.id);
    }
}

#[test]
fn a_good_document_has_no_problems() {
    let outcome = parse_timeline(&document(GOOD_EVENT));
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(outcome.timeline.unwrap().events[0].title, "Cyberattack");
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn reports_a_bad_date_at_its_line_and_column() {
    let text = document(&GOOD_EVENT.replace("2022-07-15", "2022-13-45"));
    assert_eq!(
            problems(&text),
            ["line 9, column 31: events[0].start: month 13 does not exist (Months run from 01 to 12.)"]
        );
    assert!(parse_timeline(&text).timeline.is_none());
}

/// The reader's build (`terse`) keeps every problem's place and message, and only its hint goes:
/// the same bad date and missing field as the tests above, as the reader words them.
#[test]
#[cfg(feature = "terse")]
fn the_terse_build_locates_and_names_problems_without_hints() {
    let text = document(&GOOD_EVENT.replace("2022-07-15", "2022-13-45"));
    assert_eq!(
        problems(&text),
        ["line 9, column 31: events[0].start: month 13 does not exist"]
    );
    let missing = r#"{"title": "T", "categories": [], "events": [{"id": "a", "title": "A", "categories": ["x"]}]}"#;
    let outcome = parse_timeline(missing);
    assert!(outcome.timeline.is_none());
    assert!(!outcome.problems.is_empty());
    for problem in &outcome.problems {
        assert!(problem.hint.is_empty(), "{problem}");
        assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
        assert!(!problem.message.is_empty(), "{problem}");
    }
    assert!(outcome
        .problems
        .iter()
        .any(|problem| problem.to_string()
            == "line 1, column 1: (top level): \"version\" is missing"));
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn reports_every_problem_not_just_the_first() {
    let event = r#"{"id": "Bad Id", "start": "yesterday", "end": "2020", "title": "", "categories": ["cyber", "sports"], "sources": [{"title": "T", "url": "javascript:alert(1)"}], "importance": 9, "approximate": "yes", "titel": "x"}"#;
    let found = problems(&document(event));
    let expected_parts = [
            "events[0].id: \u{201c}Bad Id\u{201d} is not a valid event id (Use lowercase letters, digits and hyphens, for example \u{201c}bad-id\u{201d}.)",
            "events[0].start: \u{201c}yesterday\u{201d} is not a date this format understands",
            "events[0].title: \"title\" is empty",
            "events[0].categories[1]: there is no category \u{201c}sports\u{201d} (Known categories: cyber, diplomacy.)",
            "events[0].sources[0].url: \u{201c}javascript:alert(1)\u{201d} is not a web address",
            "events[0].sources[0]: the source has no publisher",
            "events[0].importance: importance 9 is not between 1 and 5",
            "events[0].approximate: expected true or false, found the text \u{201c}yes\u{201d}",
            "events[0].titel: unknown field \"titel\" (Did you mean \"title\"?",
        ];
    for part in expected_parts {
        assert!(
            found.iter().any(|problem| problem.contains(part)),
            "missing {part:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected_parts.len(), "{found:#?}");
}

#[test]
fn end_before_start_and_duplicate_ids_are_errors() {
    let events = format!(
        "{},\n    {}",
        GOOD_EVENT.replace(
            "\"start\": \"2022-07-15\"",
            "\"start\": \"2022-07-15\", \"end\": \"2022-07-01\""
        ),
        GOOD_EVENT
    );
    let found = problems(&document(&events));
    assert!(found[0].starts_with("line 9, column "), "{found:?}");
    assert!(found[0]
        .contains("events[0].end: the event ends (1 July 2022) before it starts (15 July 2022)"));
    assert!(
        found[1].starts_with(
            "line 10, column 12: events[1].id: the event id \u{201c}attack\u{201d} is used twice"
        ),
        "{found:?}"
    );
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn missing_fields_point_at_the_object_that_lacks_them() {
    let text = r#"{"title": "T", "categories": [], "events": [{"id": "a", "title": "A", "categories": ["x"]}]}"#;
    let found = problems(text);
    assert!(found.contains(&"line 1, column 1: (top level): \"version\" is missing (Add \"version\": 1 at the top of the document.)".to_string()), "{found:#?}");
    assert!(
            found
                .iter()
                .any(|p| p
                    .starts_with("line 1, column 45: events[0]: the event has no \"start\" date")),
            "{found:#?}"
        );
    assert!(
        found.iter().any(|p| p.contains(
            "events[0].categories[0]: there is no category \u{201c}x\u{201d} (Define categories"
        )),
        "{found:#?}"
    );
}

#[test]
fn the_readers_syntax_messages_name_the_mistake_without_serde_jsons_words() {
    let cases = [
        (
            "{\n  \"version\": 1,\n  \"title\": \"T\",\n}",
            "this is not valid JSON: trailing comma",
        ),
        (
            "{\"events\": [1, 2 ,\n ]}",
            "this is not valid JSON: trailing comma",
        ),
        (
            "{\"a\": 1 \"b\": 2}",
            "this is not valid JSON: unexpected \u{201c}\"\u{201d}",
        ),
        (
            "{\"\u{e9}t\u{e9}\": \u{fc}ber}",
            "this is not valid JSON: unexpected \u{201c}\u{fc}\u{201d}",
        ),
        (
            "{\"title\": \"two\nlines\"}",
            "this is not valid JSON: a line break inside quotes (write it as \\n)",
        ),
        (
            "{\"version\": 1, \"events\": [",
            "the file ends before the JSON is complete",
        ),
    ];
    for (text, expected) in cases {
        let error = serde_json::from_str::<Value>(text).unwrap_err();
        assert_eq!(
            syntax::plain_syntax_message(text, &error),
            expected,
            "{text:?}"
        );
    }
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn syntax_errors_are_located_and_explained() {
    let outcome = parse_timeline("{\n  \"version\": 1,\n  \"title\": \"T\",\n}");
    assert_eq!(outcome.problems.len(), 1);
    let problem = &outcome.problems[0];
    assert_eq!((problem.line, problem.column), (4, 1));
    assert!(problem.message.contains("trailing comma"), "{problem}");
    assert!(problem.hint.contains("Remove the comma"));

    let truncated = parse_timeline("{\"version\": 1, \"events\": [");
    assert_eq!(
        truncated.problems[0].message,
        "the file ends before the JSON is complete"
    );

    let empty = parse_timeline("  \n");
    assert_eq!(empty.problems[0].message, "the file is empty");

    let not_object = problems("[1, 2]");
    assert_eq!(not_object[0], "line 1, column 1: (top level): expected the whole document in { braces }, found a list (See docs/data-format.md for the shape of each part.)");
}

#[test]
fn warnings_do_not_stop_the_timeline() {
    let event = GOOD_EVENT.replace(
        r#", "sources": [{"title": "T", "publisher": "P", "url": "https://example.org/"}]"#,
        "",
    );
    let outcome = parse_timeline(&document(&event));
    assert!(outcome.timeline.is_some());
    assert_eq!(outcome.problems.len(), 1);
    assert_eq!(outcome.problems[0].severity, Severity::Warning);
    assert_eq!(outcome.problems[0].message, "the event has no sources");
}

#[test]
fn text_links_must_be_web_addresses() {
    let event = GOOD_EVENT.replace(
        "\"title\": \"Cyberattack\"",
        "\"title\": \"Cyberattack\", \"text\": \"See [this](javascript:alert(1)).\"",
    );
    let found = problems(&document(&event));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(
        "events[0].text: the link \u{201c}this\u{201d} goes to \u{201c}javascript:alert(1\u{201d}"
    ));
}

#[test]
fn bad_colours_languages_and_versions_are_reported() {
    let text = document(GOOD_EVENT).replace("#b45309", "orange").replace(
        "\"version\": 1",
        "\"version\": 2, \"language\": \"english language\"",
    );
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|p| p.contains("version 2 is not supported")),
        "{found:#?}"
    );
    assert!(found
        .iter()
        .any(|p| p.contains("categories[0].color: \u{201c}orange\u{201d} is not a colour")));
    assert!(found
        .iter()
        .any(|p| p.contains("language: \u{201c}english language\u{201d} is not a language tag")));
}

#[test]
fn pale_category_colours_get_a_contrast_warning() {
    let outcome = parse_timeline(&document(GOOD_EVENT).replace("#b45309", "#ffd700"));
    assert!(outcome.timeline.is_some());
    assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
    assert_eq!(outcome.problems[0].severity, Severity::Warning);
    assert_eq!(outcome.problems[0].path, "categories[0].color");
    assert!(outcome.problems[0]
        .message
        .contains("hard to see on a white background (contrast 1.4:1)"));
}

#[test]
fn bare_year_numbers_are_read_as_years() {
    let outcome = parse_timeline(&document(&GOOD_EVENT.replace("\"2022-07-15\"", "2022")));
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    assert_eq!(outcome.timeline.unwrap().events[0].date_label(), "2022");
}

#[test]
fn media_needs_a_web_address_and_alt_text() {
    let event = GOOD_EVENT.replace(
        "\"title\": \"Cyberattack\"",
        "\"title\": \"Cyberattack\", \"media\": {\"url\": \"file:///etc/passwd\"}",
    );
    let found = problems(&document(&event));
    assert!(
        found.iter().any(|p| p.contains(
            "events[0].media.url: \u{201c}file:///etc/passwd\u{201d} is not a web address"
        )),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("events[0].media: \"alt\" is missing")),
        "{found:#?}"
    );
}

fn with_media(media: &str) -> String {
    document(&GOOD_EVENT.replace(
        "\"title\": \"Cyberattack\"",
        &format!("\"title\": \"Cyberattack\", \"media\": {media}"),
    ))
}

fn media_of(media: &str) -> crate::model::Media {
    let outcome = parse_timeline(&with_media(media));
    let problems: Vec<String> = outcome.problems.iter().map(ToString::to_string).collect();
    let timeline = outcome.timeline.unwrap_or_else(|| panic!("{problems:#?}"));
    timeline.events[0].media.clone().expect("media")
}

#[test]
fn media_kinds_are_read_as_written_or_from_the_address() {
    use crate::media::Video;
    use crate::model::MediaContent;
    let video = media_of(
        r#"{"url": "https://youtu.be/dQw4w9WgXcQ", "poster": "https://example.org/still.jpg", "caption": "The statement"}"#,
    );
    assert_eq!(
        video.content,
        MediaContent::Video {
            video: Video::YouTube {
                id: "dQw4w9WgXcQ".into(),
                start: None
            },
            poster: Some("https://example.org/still.jpg".into()),
            alt: None,
        }
    );
    assert_eq!(video.caption.as_deref(), Some("The statement"));
    let audio = media_of(r#"{"kind": "audio", "url": "https://example.org/interview"}"#);
    assert!(matches!(audio.content, MediaContent::Audio { .. }));
    let quote = media_of(r#"{"text": "We will not be intimidated.", "credit": "Edi Rama"}"#);
    assert_eq!(
        quote.content,
        MediaContent::Quote {
            text: "We will not be intimidated.".into()
        }
    );
    assert_eq!(quote.credit.as_deref(), Some("Edi Rama"));
    let image = media_of(r#"{"url": "https://example.org/photo", "alt": "Flags"}"#);
    assert!(matches!(image.content, MediaContent::Image { .. }));
}

#[test]
fn media_mistakes_are_located() {
    for (media, expected) in [
        (
            r#"{"kind": "vidoe", "url": "https://youtu.be/dQw4w9WgXcQ"}"#,
            "events[0].media.kind: \u{201c}vidoe\u{201d} is not a kind of media",
        ),
        (
            r#"{"kind": "video", "url": "https://example.org/page"}"#,
            "events[0].media.url: \u{201c}https://example.org/page\u{201d} is not a YouTube or Vimeo video or a video file",
        ),
        (
            r#"{"kind": "video", "url": "https://youtu.be/dQw4w9WgXcQ", "poster": "javascript:alert(1)"}"#,
            "events[0].media.poster: \u{201c}javascript:alert(1)\u{201d} is not a web address",
        ),
        (
            r#"{"kind": "quote", "credit": "Edi Rama"}"#,
            "events[0].media: \"text\" is missing",
        ),
        (r#"{"kind": "video"}"#, "events[0].media: \"url\" is missing"),
    ] {
        let outcome = parse_timeline(&with_media(media));
        let errors: Vec<String> = outcome.errors().map(ToString::to_string).collect();
        assert!(
            errors.iter().any(|p| p.contains(expected)),
            "{media}: wanted {expected:?} in {errors:#?}"
        );
        assert!(outcome.timeline.is_none());
    }
    // What a kind does not use is a warning, and the media still shows.
    let found = problems(&with_media(
        r#"{"kind": "quote", "text": "Words", "url": "https://example.org/"}"#,
    ));
    assert!(
        found
            .iter()
            .any(|p| p.contains("events[0].media.url: a quote does not use \"url\"")),
        "{found:#?}"
    );
}

#[test]
fn an_image_lists_its_files_by_width_and_its_own_size() {
    use crate::model::{ImageFile, MediaContent};
    let image = media_of(
        r#"{"url": "https://example.org/flags-800.jpg", "alt": "Flags", "width": 800, "height": 533,
            "srcset": [{"url": "https://example.org/flags-1600.jpg", "width": 1600},
                       {"url": "https://img.example.org/w_400,h_267/flags.jpg", "width": 400}]}"#,
    );
    assert_eq!(
        image.content,
        MediaContent::Image {
            url: "https://example.org/flags-800.jpg".into(),
            alt: "Flags".into(),
            width: Some(800),
            height: Some(533),
            srcset: vec![
                ImageFile {
                    url: "https://example.org/flags-1600.jpg".into(),
                    width: 1600
                },
                ImageFile {
                    url: "https://img.example.org/w_400,h_267/flags.jpg".into(),
                    width: 400
                },
            ],
        }
    );
    // Narrowest first, the image's own file among them; commas inside an address are kept (a
    // srcset reads an address up to a space).
    assert_eq!(
        image.content.srcset().as_deref(),
        Some("https://img.example.org/w_400,h_267/flags.jpg 400w, https://example.org/flags-800.jpg 800w, https://example.org/flags-1600.jpg 1600w")
    );
    // Without its own width, the image's file cannot be a candidate: the browser picks among
    // the others (and `src` stays for browsers without srcset).
    let without_width = media_of(
        r#"{"url": "https://example.org/a.jpg", "alt": "A", "srcset": [{"url": "https://example.org/a-400.jpg", "width": 400}]}"#,
    );
    assert_eq!(
        without_width.content.srcset().as_deref(),
        Some("https://example.org/a-400.jpg 400w")
    );
    // A size alone gives no srcset; nor does any other kind.
    let sized = media_of(
        r#"{"url": "https://example.org/a.jpg", "alt": "A", "width": 640, "height": 480}"#,
    );
    assert_eq!(sized.content.srcset(), None);
    assert!(matches!(
        sized.content,
        MediaContent::Image {
            width: Some(640),
            height: Some(480),
            ..
        }
    ));
}

#[test]
fn image_size_mistakes_are_located() {
    let file = |url: &str, width: &str| format!(r#"{{"url": "{url}", "width": {width}}}"#);
    let image =
        |extra: &str| format!(r#"{{"url": "https://example.org/a.jpg", "alt": "A", {extra}}}"#);
    let many: Vec<String> = (1..=17)
        .map(|n| {
            file(
                &format!("https://example.org/a-{n}.jpg"),
                &(n * 100).to_string(),
            )
        })
        .collect();
    for (media, expected) in [
        (
            image(r#""width": 0"#),
            "events[0].media.width: width 0 is not a whole number of pixels from 1 to 10000",
        ),
        (
            image(r#""height": 1.5, "width": 3"#),
            "events[0].media.height: height 1.5 is not a whole number of pixels from 1 to 10000",
        ),
        (
            image(r#""width": "800px""#),
            "events[0].media.width: width \"800px\" is not a whole number of pixels",
        ),
        (
            image(&format!(r#""srcset": [{}]"#, file("https://example.org/a.jpg", "10001"))),
            "events[0].media.srcset[0].width: width 10001 is not a whole number of pixels from 1 to 10000",
        ),
        (
            image(&format!(r#""srcset": [{}]"#, file("ftp://example.org/a.jpg", "400"))),
            "events[0].media.srcset[0].url: \u{201c}ftp://example.org/a.jpg\u{201d} is not a web address",
        ),
        (
            image(r#""srcset": [{"url": "https://example.org/a 400w.jpg", "width": 400}]"#),
            "events[0].media.srcset[0].url: \u{201c}https://example.org/a 400w.jpg\u{201d} is not a web address",
        ),
        (
            image(&format!(r#""srcset": [{}]"#, file("https://example.org/a.jpg,", "400"))),
            "events[0].media.srcset[0].url: \u{201c}https://example.org/a.jpg,\u{201d} ends with a comma, which a srcset drops",
        ),
        (
            r#"{"url": "https://example.org/a.jpg,", "alt": "A", "width": 800, "srcset": [{"url": "https://example.org/b.jpg", "width": 400}]}"#.to_string(),
            "events[0].media.url: \u{201c}https://example.org/a.jpg,\u{201d} ends with a comma, which a srcset drops",
        ),
        (
            image(r#""srcset": [{"url": "https://example.org/a.jpg"}]"#),
            "events[0].media.srcset[0]: \"width\" is missing",
        ),
        (
            image(r#""srcset": [{"width": 400}]"#),
            "events[0].media.srcset[0]: \"url\" is missing",
        ),
        (
            image(&format!(
                r#""srcset": [{}, {}]"#,
                file("https://example.org/a.jpg", "400"),
                file("https://example.org/b.jpg", "400")
            )),
            "events[0].media.srcset[1].width: width 400 is given twice",
        ),
        (
            image(&format!(
                r#""width": 800, "srcset": [{}]"#,
                file("https://example.org/b.jpg", "800")
            )),
            "events[0].media.srcset[0].width: width 800 is given twice",
        ),
        (
            image(r#""srcset": ["https://example.org/b.jpg"]"#),
            "events[0].media.srcset[0]: expected a file and its width in { braces }, found the text \u{201c}https://example.org/b.jpg\u{201d}",
        ),
        (
            image(r#""srcset": "https://example.org/a-400.jpg 400w, https://example.org/a-800.jpg 800w""#),
            "events[0].media.srcset: srcset is a list of files with their widths, not the HTML attribute's text",
        ),
        (
            image(&format!(r#""srcset": [{}]"#, many.join(", "))),
            "events[0].media.srcset: srcset lists 17 files; at most 16 are read",
        ),
    ] {
        let outcome = parse_timeline(&with_media(&media));
        let errors: Vec<String> = outcome.errors().map(ToString::to_string).collect();
        assert!(
            errors.iter().any(|p| p.contains(expected)),
            "{media}: wanted {expected:?} in {errors:#?}"
        );
        assert!(outcome.timeline.is_none());
    }
    // Only the first sixteen files are read, so a hostile list costs little.
    let outcome = parse_timeline(&with_media(&image(&format!(
        r#""srcset": [{}]"#,
        vec![file("javascript:1", "0"); 5_000].join(", ")
    ))));
    assert_eq!(outcome.total.errors, 1 + 16 * 2);
}

#[test]
fn sizes_on_media_that_are_not_images_are_ignored_with_a_warning() {
    use crate::model::MediaContent;
    for (media, expected) in [
        (
            r#"{"kind": "quote", "text": "Words", "srcset": [{"url": "https://example.org/a.jpg", "width": 400}]}"#,
            "events[0].media.srcset: a quote does not use \"srcset\"; it is ignored",
        ),
        (
            r#"{"kind": "audio", "url": "https://example.org/a.mp3", "width": 400}"#,
            "events[0].media.width: audio does not use \"width\"",
        ),
        (
            r#"{"url": "https://youtu.be/dQw4w9WgXcQ", "height": 300}"#,
            "events[0].media.height: a video does not use \"height\"",
        ),
        (
            r#"{"url": "https://example.org/a.jpg", "alt": "A", "height": 300}"#,
            "events[0].media.height: \"height\" is used only with \"width\"; it is ignored",
        ),
    ] {
        let outcome = parse_timeline(&with_media(media));
        let warnings: Vec<String> = outcome.problems.iter().map(ToString::to_string).collect();
        assert!(
            warnings.iter().any(|p| p.contains(expected)),
            "{media}: wanted {expected:?} in {warnings:#?}"
        );
        assert_eq!(outcome.total.errors, 0, "{warnings:#?}");
    }
    let height_alone =
        media_of(r#"{"url": "https://example.org/a.jpg", "alt": "A", "height": 300}"#);
    assert!(matches!(
        height_alone.content,
        MediaContent::Image {
            width: None,
            height: None,
            ..
        }
    ));
}

/// A document whose one event names `references` categories, all of them `id`.
fn many_references(id: &str, references: usize) -> String {
    let list = vec![format!("\"{id}\""); references].join(",");
    document(&GOOD_EVENT.replace("[\"cyber\"]", &format!("[{list}]")))
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn a_byte_order_mark_is_skipped_and_positions_ignore_it() {
    let text = document(&GOOD_EVENT.replace("2022-07-15", "2022-13-45"));
    let outcome = parse_timeline(&format!("\u{feff}{text}"));
    assert_eq!(
        outcome.problems[0].to_string(),
        "line 9, column 31: events[0].start: month 13 does not exist (Months run from 01 to 12.)"
    );
    let marked = format!("\u{feff}{}", document(GOOD_EVENT));
    assert!(parse_timeline(&marked).timeline.is_some());
    assert!(parse_timeline_bytes(marked.as_bytes()).timeline.is_some());
    let on_line_one = parse_timeline("\u{feff}{\"version\": 1,}");
    assert_eq!(
        (on_line_one.problems[0].line, on_line_one.problems[0].column),
        (1, 15)
    );
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn bytes_that_are_not_utf8_are_located() {
    let outcome = parse_timeline_bytes(b"\xef\xbb\xbf{\n  \"title\": \"\xc3\xa9t\xe9\"\n}");
    assert_eq!(outcome.problems.len(), 1);
    assert_eq!(
            outcome.problems[0].to_string(),
            "line 2, column 15: (top level): this is not UTF-8 text (byte 0xe9) (Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8).)"
        );
    assert!(outcome.timeline.is_none());
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn repeats_of_a_missing_category_fold_into_the_first() {
    let outcome = parse_timeline(&many_references("sports", 200_000));
    assert_eq!(outcome.problems.len(), 1, "{:#?}", &outcome.problems[..3]);
    let problem = &outcome.problems[0];
    assert_eq!(problem.path, "events[0].categories[0]");
    assert_eq!(problem.more_like_this, 199_999);
    assert!(problem
            .to_string()
            .ends_with("there is no category \u{201c}sports\u{201d} (Known categories: cyber, diplomacy.) (and 199,999 more like this)"));
    assert_eq!(outcome.total.errors, 200_000);
    assert!(!outcome.truncated());
}

#[test]
fn the_list_stops_at_the_bound_and_counts_the_rest() {
    let ids: Vec<String> = (0..5_000).map(|n| format!("\"missing-{n}\"")).collect();
    let text = document(&GOOD_EVENT.replace("[\"cyber\"]", &format!("[{}]", ids.join(","))));
    let outcome = parse_timeline(&text);
    assert_eq!(outcome.problems.len(), MAX_PROBLEMS);
    assert_eq!(outcome.total.errors, 5_000);
    assert_eq!(outcome.left_off(), 5_000 - MAX_PROBLEMS);
    assert!(outcome.truncated());
    assert_eq!(outcome.problems[199].path, "events[0].categories[199]");
}

#[test]
fn errors_are_kept_before_warnings_when_the_list_is_full() {
    // 300 unknown fields (warnings) come before the one error.
    let fields: Vec<String> = (0..300).map(|n| format!("\"extra{n}\": 1")).collect();
    let text = document(&GOOD_EVENT.replace(
        "\"id\": \"attack\",",
        &format!("{}, \"id\": \"attack\",", fields.join(", ")),
    ))
    .replace("\"version\": 1", "\"version\": 7");
    let outcome = parse_timeline(&text);
    assert_eq!(outcome.problems.len(), MAX_PROBLEMS);
    assert_eq!(outcome.total.warnings, 300);
    assert_eq!(outcome.errors().count(), 1);
    assert!(outcome.timeline.is_none());
}

#[test]
#[cfg_attr(feature = "terse", ignore = "words hints, which `terse` leaves out")]
fn an_unknown_category_names_the_three_closest_ids() {
    let categories: Vec<String> = [
        "politics",
        "economy",
        "cyber-war",
        "cyber",
        "sport",
        "culture",
        "science",
    ]
    .iter()
    .map(|id| format!(r##"{{"id": "{id}", "label": "L", "color": "#1d4ed8"}}"##))
    .collect();
    let text = document(&GOOD_EVENT.replace("[\"cyber\"]", "[\"cyberwar\", \"Sport\"]")).replace(
        r##"{"id": "cyber", "label": "Cyber", "color": "#b45309"},
    {"id": "diplomacy", "label": "Diplomacy", "color": "#1d4ed8"}"##,
        &categories.join(",\n"),
    );
    let hints: Vec<String> = parse_timeline(&text)
        .problems
        .iter()
        .map(|problem| problem.hint.clone())
        .collect();
    assert_eq!(
        hints,
        [
            "Closest of the 7 known categories: cyber, cyber-war, sport.",
            "Closest of the 7 known categories: sport, cyber, politics."
        ]
    );
}

#[test]
fn text_quoted_from_the_data_is_clipped() {
    let long = "é".repeat(100_000);
    let event = GOOD_EVENT
        .replace("\"attack\"", &format!("\"{long}\""))
        .replace(
            "\"title\": \"T\"",
            &format!("\"title\": \"T\", \"{long}\": 1"),
        );
    let outcome = parse_timeline(&document(&event));
    assert_eq!(outcome.problems.len(), 2, "{:#?}", outcome.problems);
    for problem in &outcome.problems {
        let shown = problem.to_string();
        assert!(shown.chars().count() < 600, "{shown}");
        assert!(shown.contains(&format!("{}\u{2026}", "é".repeat(QUOTED_CHARS))));
    }
}

#[test]
fn not_json_points_past_leading_space_in_characters() {
    let outcome = parse_timeline("\u{3000}\u{a0}hello");
    assert_eq!(
        (outcome.problems[0].line, outcome.problems[0].column),
        (1, 3)
    );
}

#[test]
fn counts_read_with_thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1_000), "1,000");
    assert_eq!(thousands(199_999), "199,999");
    assert_eq!(thousands(12_345_678), "12,345,678");
}

/// The reader's builds (feature `terse`) drop only the hints: every problem keeps its place,
/// path and message, errors and warnings in the order found. (This test alone also passes with
/// `--features terse`; the others check the hints' wording.)
#[test]
fn only_the_hints_depend_on_the_build() {
    let event = r#"{"id": "Bad Id", "start": "2022-13-01", "title": "T", "categories": ["sports"], "titel": "x"}"#;
    let outcome = parse_timeline(&document(event));
    let located: Vec<String> = outcome
        .problems
        .iter()
        .map(|problem| {
            format!(
                "{}:{} {} {}",
                problem.line, problem.column, problem.path, problem.message
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            "9:85 events[0].titel unknown field \"titel\"",
            "9:12 events[0].id \u{201c}Bad Id\u{201d} is not a valid event id",
            "9:31 events[0].start month 13 does not exist",
            "9:5 events[0] the event has no sources",
            "9:74 events[0].categories[0] there is no category \u{201c}sports\u{201d}",
        ]
    );
    let hinted = outcome
        .problems
        .iter()
        .filter(|p| !p.hint.is_empty())
        .count();
    let expected = if cfg!(feature = "terse") { 0 } else { 5 };
    assert_eq!(hinted, expected, "{:#?}", outcome.problems);
    for text in ["", "a,b\n1,2", "{\"version\": 1,}"] {
        let problem = &parse_timeline(text).problems[0];
        assert_eq!(
            problem.hint.is_empty(),
            cfg!(feature = "terse"),
            "{problem}"
        );
    }
}

#[test]
fn breaks_are_on_unless_the_story_turns_them_off() {
    let flag = |value: &str| {
        document(GOOD_EVENT).replace(
            "\"title\": \"Test\",",
            &format!("\"title\": \"Test\", \"breaks\": {value},"),
        )
    };
    assert!(
        parse_timeline(&document(GOOD_EVENT))
            .timeline
            .expect("valid")
            .breaks
    );
    assert!(
        !parse_timeline(&flag("false"))
            .timeline
            .expect("valid")
            .breaks
    );
    assert!(
        parse_timeline(&flag("true"))
            .timeline
            .expect("valid")
            .breaks
    );
    let found = problems(&flag("\"no\""));
    assert!(
        found
            .iter()
            .any(|p| p.contains("breaks: expected true or false")),
        "{found:#?}"
    );
}

#[test]
fn the_title_card_is_a_flag_of_the_story() {
    let with_card = document(GOOD_EVENT).replace(
        "\"title\": \"Test\",",
        "\"title\": \"Test\", \"title_card\": true,",
    );
    assert!(
        parse_timeline(&with_card)
            .timeline
            .expect("valid")
            .title_card
    );
    assert!(
        !parse_timeline(&document(GOOD_EVENT))
            .timeline
            .expect("valid")
            .title_card
    );
    let wrong = document(GOOD_EVENT).replace(
        "\"title\": \"Test\",",
        "\"title\": \"Test\", \"title_card\": \"yes\",",
    );
    let found = problems(&wrong);
    assert!(
        found
            .iter()
            .any(|p| p.contains("title_card: expected true or false")),
        "{found:#?}"
    );
}

#[test]
fn a_wrong_value_is_quoted_as_the_data_wrote_it() {
    let quoted = |json: &str| written(&serde_json::from_str::<Value>(json).expect("JSON"));
    for (json, expected) in [
        ("9", "9"),
        ("-3", "-3"),
        ("18446744073709551615", "18446744073709551615"),
        ("1.5", "1.5"),
        ("0.1", "0.1"),
        ("-2.25", "-2.25"),
        ("1e20", "1e20"),
        ("1.5e-7", "1.5e-7"),
        ("true", "true"),
        ("null", "null"),
        (r#""800px""#, r#""800px""#),
        (r#""a \"b\"\n""#, r#""a \"b\"\n""#),
        (r#"[1, "x", {"k": false}]"#, r#"[1,"x",{"k":false}]"#),
    ] {
        assert_eq!(quoted(json), expected, "{json}");
    }
    // A long value is clipped, however large it is.
    let long = format!("[{}]", vec!["12345"; 100_000].join(","));
    let shown = quoted(&long);
    assert_eq!(shown.chars().count(), QUOTED_CHARS + 1, "{shown}");
    assert!(shown.ends_with('\u{2026}'));
}
