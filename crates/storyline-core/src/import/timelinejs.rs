//! Imports a TimelineJS3 JSON file: its title slide, events and eras.

use super::{assemble, DateParts, Draft, ImportOutcome};
use crate::media::Video;
use serde_json::{Map, Value};

/// Fields of a TimelineJS event that Storyline reads; anything else is reported as left out.
const READ_EVENT_FIELDS: [&str; 8] = [
    "start_date",
    "end_date",
    "text",
    "media",
    "group",
    "unique_id",
    "display_date",
    "autolink",
];

/// Reads a TimelineJS3 document.
pub fn import(text: &str) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let value: Value = match serde_json::from_str(super::without_bom(text)) {
        Ok(value) => value,
        Err(error) => {
            outcome
                .errors
                .push(format!("this is not valid JSON: {error}"));
            return outcome;
        }
    };
    let Some(root) = value.as_object() else {
        outcome
            .errors
            .push("a TimelineJS file is an object with \"events\"; this is not".into());
        return outcome;
    };
    let Some(events) = root.get("events").and_then(Value::as_array) else {
        outcome
            .errors
            .push("no \"events\" list: is this a TimelineJS file?".into());
        return outcome;
    };
    let title_slide = root.get("title").and_then(Value::as_object);
    let headline = title_slide
        .and_then(|slide| slide.get("text"))
        .and_then(|text| text.get("headline"))
        .and_then(Value::as_str)
        .map(super::html::to_words)
        .filter(|headline| !headline.is_empty());
    let title = headline.unwrap_or_else(|| {
        outcome.notes.push("the file has no title slide headline; the timeline is called \u{201c}Imported timeline\u{201d}".into());
        "Imported timeline".into()
    });
    let description = title_slide
        .and_then(|slide| slide.get("text"))
        .and_then(|text| text.get("text"))
        .and_then(Value::as_str)
        .map(super::html::to_words)
        .filter(|text| !text.is_empty());
    if title_slide.is_some_and(|slide| slide.contains_key("media")) {
        outcome.notes.push(
            "title: the title slide's media was left out (Storyline shows media with events)"
                .into(),
        );
    }
    for key in root.keys() {
        if !["events", "title", "eras", "scale"].contains(&key.as_str()) {
            outcome.notes.push(format!(
                "\u{201c}{key}\u{201d} at the top level was left out"
            ));
        }
    }
    let mut drafts = Vec::new();
    for (index, event) in events.iter().enumerate() {
        let place = format!("events[{index}]");
        let Some(event) = event.as_object() else {
            outcome
                .errors
                .push(format!("{place}: not an object; left out"));
            continue;
        };
        drafts.push(draft(event, place, false, &mut outcome.notes));
    }
    for (index, era) in root
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let place = format!("eras[{index}]");
        match era.as_object() {
            Some(era) => drafts.push(draft(era, place, true, &mut outcome.notes)),
            None => outcome
                .errors
                .push(format!("{place}: not an object; left out")),
        }
    }
    assemble(title, description, title_slide.is_some(), drafts, outcome)
}

fn draft(
    event: &Map<String, Value>,
    place: String,
    is_era: bool,
    notes: &mut Vec<String>,
) -> Draft {
    for key in event.keys() {
        if !READ_EVENT_FIELDS.contains(&key.as_str()) {
            let why = if key == "background" {
                " (Storyline has no slide backgrounds)"
            } else {
                ""
            };
            notes.push(format!("{place}.{key} was left out{why}"));
        }
    }
    let text = event.get("text");
    let media = event.get("media").and_then(Value::as_object);
    let media_text = |key: &str| {
        media
            .and_then(|media| media.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    // A video's thumbnail becomes its poster; anything else shows itself.
    let is_video = media_text("url").is_some_and(|url| Video::from_url(url.trim()).is_some());
    if !is_video && media.is_some_and(|media| media.contains_key("thumbnail")) {
        notes.push(format!(
            "{place}.media.thumbnail was left out (the image itself is shown)"
        ));
    }
    let start = event
        .get("start_date")
        .map(|date| date_parts(date, &format!("{place}.start_date"), notes));
    let end = event
        .get("end_date")
        .map(|date| date_parts(date, &format!("{place}.end_date"), notes));
    let display_date = event
        .get("display_date")
        .or_else(|| {
            event
                .get("start_date")
                .and_then(|date| date.get("display_date"))
        })
        .and_then(Value::as_str)
        .map(str::to_string);
    Draft {
        place,
        id: event
            .get("unique_id")
            .and_then(Value::as_str)
            .map(str::to_string),
        start: start.unwrap_or_default(),
        end,
        display_date,
        headline: text
            .and_then(|text| text.get("headline"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        html_text: text
            .and_then(|text| text.get("text"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        media_url: media_text("url"),
        media_thumbnail: media_text("thumbnail").filter(|_| is_video),
        media_alt: media_text("alt"),
        media_caption: media_text("caption"),
        media_credit: media_text("credit"),
        group: event
            .get("group")
            .and_then(Value::as_str)
            .map(str::to_string),
        is_era,
    }
}

/// TimelineJS writes date parts as numbers or as numeric strings.
fn date_parts(date: &Value, place: &str, notes: &mut Vec<String>) -> DateParts {
    let part = |key: &str| -> Option<i64> {
        match date.get(key)? {
            Value::Number(number) => number
                .as_i64()
                .or_else(|| number.as_f64().map(|f| f as i64)),
            Value::String(text) if text.trim().is_empty() => None,
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    };
    if part("millisecond").is_some_and(|ms| ms != 0) {
        notes.push(format!("{place}: milliseconds were left out"));
    }
    let small = |value: Option<i64>| value.and_then(|value| u32::try_from(value).ok());
    DateParts {
        year: part("year"),
        month: small(part("month")),
        day: small(part("day")),
        hour: small(part("hour")),
        minute: small(part("minute")),
        second: small(part("second")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../../tests/fixtures/timelinejs.json");

    #[test]
    fn videos_audio_and_quotes_carry_over_and_pages_are_left_out_with_a_note() {
        use crate::media::Video;
        use crate::model::MediaContent;
        let outcome = import(include_str!(
            "../../../../tests/fixtures/timelinejs-media.json"
        ));
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        let written = serde_json::to_string(&outcome.document.expect("a document")).unwrap();
        let story = crate::story::Story::read(&written);
        let timeline = story.story.expect("the import is a valid story").shared();
        let media = |title: &str| {
            let event = timeline.events.iter().find(|event| event.title == title);
            event.and_then(|event| event.media.clone())
        };
        let video = media("The statement on video").expect("the video");
        assert_eq!(
            video.content,
            MediaContent::Video {
                video: Video::YouTube {
                    id: "dQw4w9WgXcQ".into(),
                    start: Some(42)
                },
                // TimelineJS's thumbnail is the poster: nothing is fetched from YouTube.
                poster: Some("https://example.org/statement-still.jpg".into()),
                alt: None,
            }
        );
        assert_eq!(
            video.caption.as_deref(),
            Some("The prime minister's statement")
        );
        assert!(matches!(
            media("The interview").map(|media| media.content),
            Some(MediaContent::Video {
                video: Video::Vimeo { .. },
                ..
            })
        ));
        assert!(matches!(
            media("On the radio").map(|media| media.content),
            Some(MediaContent::Audio { .. })
        ));
        let quote = media("What he said").expect("the quote");
        assert_eq!(
            quote.content,
            MediaContent::Quote {
                text: "\u{201c}We will not be intimidated.\u{201d}".into()
            }
        );
        assert_eq!(quote.credit.as_deref(), Some("Edi Rama"));
        assert!(matches!(
            media("Rama visits Israel").map(|media| media.content),
            Some(MediaContent::Image { .. })
        ));
        assert_eq!(media("A podcast"), None);
        let notes = outcome.notes.join("\n");
        assert!(
            notes.contains("events[4]: the media \u{201c}https://soundcloud.com/example/episode-12\u{201d} is a page on soundcloud.com, not an image, video or audio file Storyline can show, and was left out"),
            "{notes}"
        );
        assert!(!notes.contains("thumbnail"), "{notes}");
    }

    #[test]
    fn a_title_slide_opens_the_story_on_its_title_card() {
        let with_slide = import(FIXTURE).document.expect("a document");
        assert_eq!(with_slide.title_card, Some(true));
        let without =
            import(r#"{"events": [{"start_date": {"year": 2022}, "text": {"headline": "One"}}]}"#);
        assert_eq!(without.document.expect("a document").title_card, None);
    }

    #[test]
    fn imports_the_realistic_fixture_as_expected() {
        let outcome = import(FIXTURE);
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        let document = outcome.document.expect("a document");
        let written = serde_json::to_string_pretty(&document).unwrap() + "\n";
        let expected = include_str!("../../../../tests/fixtures/timelinejs.expected.json");
        assert!(
            written == expected,
            "tests/fixtures/timelinejs.expected.json differs; the import now gives:\n{written}"
        );
        // And the result is a valid Storyline story (warnings only: no sources yet).
        let parsed = crate::parse::parse_timeline(&written);
        assert!(parsed.timeline.is_some(), "{:#?}", parsed.problems);
    }

    #[test]
    fn reports_what_was_left_out() {
        let outcome = import(FIXTURE);
        let notes = outcome.notes.join("\n");
        for expected in [
            "events[0].background was left out (Storyline has no slide backgrounds)",
            "media.thumbnail was left out",
            "the link to \u{201c}javascript:alert(1)\u{201d} was kept as plain text",
            "neither TimelineJS nor its spreadsheet has sources",
        ] {
            assert!(notes.contains(expected), "missing {expected:?} in\n{notes}");
        }
    }

    #[test]
    fn bad_files_are_explained() {
        assert!(import("not json").errors[0].starts_with("this is not valid JSON"));
        assert!(import("[1]").errors[0].contains("not"));
        assert!(import("{}").errors[0].contains("no \"events\" list"));
        let undated = import(r#"{"events": [{"text": {"headline": "No date"}}]}"#);
        assert!(
            undated
                .errors
                .iter()
                .any(|error| error.contains("events[0]: no year")),
            "{:?}",
            undated.errors
        );
        assert!(undated.document.is_none());
    }
}
