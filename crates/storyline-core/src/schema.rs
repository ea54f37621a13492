//! The v1 data format as Rust types, and the JSON Schema generated from them for editors.
//!
//! The validator in `parse.rs` reads documents by hand (to report every problem at once); these
//! types describe the same format for the schema and for writing documents (importers). Tests
//! keep the two in step: the same field names, and the story data read by both.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the published schema lives, for `"$schema"`.
pub const SCHEMA_ID: &str = "https://storyline.example/schema/storyline.schema.json";

/// A Storyline timeline, format version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Storyline timeline")]
pub struct DocumentV1 {
    /// The schema this document follows, for editors' completion; ignored by Storyline.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The format's version: 1.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The story's title, shown above the timeline.
    #[schemars(length(min = 1))]
    pub title: String,
    /// One or two sentences under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The language of the text, as a BCP 47 tag such as "en", "sq" or "he".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub language: Option<String>,
    /// Open on a title card (the title, the description and a Start button) until the reader
    /// starts the story or picks an event; embeds may override it (`data-title-card`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_card: Option<bool>,
    /// Draw long stretches without events as short marked breaks, so a long backstory and a
    /// dense present both fit (on by default when it helps); `false` keeps one even scale.
    /// Embeds may override it (`data-breaks`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breaks: Option<bool>,
    /// The categories events belong to; each gets a filter button and a colour.
    pub categories: Vec<CategoryV1>,
    /// The events, in any order.
    #[schemars(length(min = 1))]
    pub events: Vec<EventV1>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryV1 {
    /// A short id: lowercase letters, digits and hyphens.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The name shown on the filter button.
    #[schemars(length(min = 1))]
    pub label: String,
    /// A colour such as "#1d4ed8".
    #[schemars(regex(pattern = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))]
    pub color: String,
}

/// Dates keep the precision they are written with: "2009", "2009-04", "2009-04-01",
/// "2009-04-01T14:30"; a leading minus for years BCE.
const DATE_PATTERN: &str = r"^[-+]?\d{1,6}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?Z?)?)?)?$";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventV1 {
    /// A unique id: lowercase letters, digits and hyphens. Used in links (#event=id).
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// When it began (or happened), at the precision known: "2009", "2009-04", "2009-04-01".
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub start: String,
    /// When it ended, inclusive at its precision; leave out for a single date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub end: Option<String>,
    /// True when the date is not exact: shown with "c." and drawn with faded edges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate: Option<bool>,
    /// Text shown instead of the formatted date, such as "early 1990s".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// The headline.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Plain text: a blank line starts a paragraph; links are written [label](https://…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Ids of the categories the event belongs to.
    #[schemars(length(min = 1))]
    pub categories: Vec<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceV1>,
    /// An image shown with the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<MediaV1>,
    /// 1 (minor) to 5 (key event): more important events keep their labels when space is short.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 5))]
    pub importance: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceV1 {
    /// The article's title.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Who published it, such as "The Times of Israel".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The article's address (http or https only).
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$"))]
    pub url: String,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub date: Option<String>,
}

/// What an event shows beside its text: an image, a video, audio or a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaV1 {
    /// The kind of media. When left out, it is read from `url`: a YouTube or Vimeo address or a
    /// video file is a video, an audio file is audio, anything else an image; `text` without
    /// `url` is a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MediaKindV1>,
    /// The image's, video's or recording's address (http or https only); a quote has none.
    /// Videos: a YouTube or Vimeo page, or an .mp4 or .webm file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$"))]
    pub url: Option<String>,
    /// What the image (required) or video shows, for readers who cannot see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub alt: Option<String>,
    /// A video's still image, shown until the reader presses Play (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$"))]
    pub poster: Option<String>,
    /// A quote's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Who made the image or recording, or who said the quoted words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// An image's width in pixels (of the file at `url`): with `height`, the page keeps the
    /// image's room before it arrives; with `srcset`, `url` is one of the files to choose from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 10000))]
    pub width: Option<u32>,
    /// An image's height in pixels (of the file at `url`); used with `width`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 10000))]
    pub height: Option<u32>,
    /// The same image in files of other widths: the reader's browser downloads the one that
    /// fits its screen (the `<img>`'s `srcset`). Each width appears once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 16))]
    pub srcset: Vec<ImageFileV1>,
}

/// One file of an image and its width.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageFileV1 {
    /// The file's address (http or https only), not ending with a comma.
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]*[^\s,]$"))]
    pub url: String,
    /// The file's width in pixels.
    #[schemars(range(min = 1, max = 10000))]
    pub width: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MediaKindV1 {
    Image,
    Video,
    Audio,
    Quote,
}

/// The JSON Schema of the v1 format, as published in `schema/storyline.schema.json`.
pub fn schema_json() -> String {
    let mut schema = serde_json::to_value(schemars::schema_for!(DocumentV1)).unwrap_or_default();
    if let Some(object) = schema.as_object_mut() {
        object.insert("$id".into(), SCHEMA_ID.into());
    }
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{
        CATEGORY_FIELDS, EVENT_FIELDS, IMAGE_FILE_FIELDS, MAX_IMAGE_FILES, MAX_IMAGE_PIXELS,
        MEDIA_FIELDS, SOURCE_FIELDS, TOP_FIELDS,
    };

    fn properties(schema: &serde_json::Value, definition: Option<&str>) -> Vec<String> {
        let object = match definition {
            Some(name) => &schema["$defs"][name],
            None => schema,
        };
        let mut names: Vec<String> = object["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = fields.iter().map(|name| name.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_schema_and_the_validator_know_the_same_fields() {
        let schema: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
        assert_eq!(properties(&schema, None), sorted(TOP_FIELDS));
        assert_eq!(
            properties(&schema, Some("CategoryV1")),
            sorted(CATEGORY_FIELDS)
        );
        assert_eq!(properties(&schema, Some("EventV1")), sorted(EVENT_FIELDS));
        assert_eq!(properties(&schema, Some("SourceV1")), sorted(SOURCE_FIELDS));
        assert_eq!(properties(&schema, Some("MediaV1")), sorted(MEDIA_FIELDS));
        assert_eq!(
            properties(&schema, Some("ImageFileV1")),
            sorted(IMAGE_FILE_FIELDS)
        );
        // The schema's bounds are the validator's.
        let media = &schema["$defs"]["MediaV1"]["properties"];
        assert_eq!(media["srcset"]["maxItems"], MAX_IMAGE_FILES);
        for width in [
            &media["width"],
            &media["height"],
            &schema["$defs"]["ImageFileV1"]["properties"]["width"],
        ] {
            assert_eq!(width["maximum"], MAX_IMAGE_PIXELS, "{width}");
        }
    }

    #[test]
    fn the_story_data_fits_the_types() {
        let story: DocumentV1 =
            serde_json::from_str(include_str!("../../../data/albania-iran-israel.json")).unwrap();
        assert_eq!(story.events.len(), 19);
        // Written back, it is still a valid story.
        let written = serde_json::to_string(&story).unwrap();
        assert!(crate::parse::parse_timeline(&written).timeline.is_some());
    }

    #[test]
    fn the_published_schema_is_fresh() {
        let published = include_str!("../../../schema/storyline.schema.json");
        assert!(
            published == schema_json(),
            "schema/storyline.schema.json is stale: run `cargo run --bin storyline schema > schema/storyline.schema.json`"
        );
    }
}
