//! The format's rules: the document, its categories and events, sources and media, each message
//! beside the check that raises it.

use super::super::contrast::{contrast_ratio, parse_hex, MIN_GRAPHIC_CONTRAST};
use super::super::locate::JsonPath;
use super::super::media::{MediaKind, Video};
use super::super::model::{
    Category, Event, ImageFile, Media, MediaContent, Source, Timeline, DEFAULT_IMPORTANCE,
};
use super::super::text::parse_text;
use super::*;
use crate::text_hash::{TextMap, TextSet};
use serde_json::{Map, Value};

/// The fields each object of the format may have.
pub(crate) const TOP_FIELDS: &[&str] = &[
    "$schema",
    "version",
    "title",
    "description",
    "language",
    "title_card",
    "breaks",
    "categories",
    "events",
];
pub(crate) const CATEGORY_FIELDS: &[&str] = &["id", "label", "color"];
pub(crate) const EVENT_FIELDS: &[&str] = &[
    "id",
    "start",
    "end",
    "approximate",
    "display_date",
    "title",
    "text",
    "categories",
    "sources",
    "media",
    "importance",
];
pub(crate) const SOURCE_FIELDS: &[&str] = &["title", "publisher", "url", "date"];
pub(crate) const MEDIA_FIELDS: &[&str] = &[
    "kind", "url", "alt", "poster", "text", "caption", "credit", "width", "height", "srcset",
];
pub(crate) const IMAGE_FILE_FIELDS: &[&str] = &["url", "width"];
/// An image lists at most this many other files: enough for every screen, and hostile input
/// stays bounded.
pub(crate) const MAX_IMAGE_FILES: usize = 16;
/// The widest or tallest image, in pixels, a story may describe.
pub(crate) const MAX_IMAGE_PIXELS: u64 = 10_000;

impl Checker {
    pub(super) fn timeline(&mut self, document: Document) -> Option<Timeline> {
        let root = JsonPath::root();
        let object = &document.top;
        self.unknown_fields(object, &root, TOP_FIELDS);
        match object.get("version") {
            None => self.error(
                root.clone(),
                "\"version\" is missing",
                hint!("Add \"version\": 1 at the top of the document."),
            ),
            Some(version) if version.as_u64() == Some(FORMAT_VERSION) => {}
            Some(version) => self.error(
                root.key("version"),
                format!("version {} is not supported", written(version)),
                hint!("This is version 1 of the format: write \"version\": 1."),
            ),
        }
        let title = self.required_text(object, &root, "title", "the timeline's title");
        let description = self.optional_text(object, &root, "description");
        let title_card = self.optional_bool(object, &root, "title_card");
        let breaks = self.optional_bool(object, &root, "breaks");
        let language = self.optional_text(object, &root, "language");
        if let Some(language) = &language {
            if !is_language_tag(language) {
                self.error(
                    root.key("language"),
                    format!("{} is not a language tag", quote(language)),
                    hint!("Use a BCP 47 tag such as \"en\", \"sq\", \"he\" or \"pt-BR\"."),
                );
            }
        }
        let categories = self.categories(object, &root);
        let events = match document.events {
            EventsField::Missing => {
                self.error(
                    root.clone(),
                    "\"events\" is missing",
                    hint!("Add \"events\": [ ... ] with at least one event."),
                );
                None
            }
            EventsField::NotAList(found) => {
                self.error(
                    root.key("events"),
                    format!("expected the list of events in [ brackets ], found {found}"),
                    hint!("Wrap the items in [ and ], separated by commas."),
                );
                None
            }
            EventsField::List(pending) => Some(self.resolve_categories(pending, &categories)),
        };
        let events = events.filter(|events| !events.is_empty())?;
        let mut timeline = Timeline::new(title?, description, language, categories, events);
        timeline.title_card = title_card.unwrap_or(false);
        timeline.breaks = breaks.unwrap_or(true);
        Some(timeline)
    }

    /// Matches each event's category ids against the categories, now that all are known.
    pub(super) fn resolve_categories(
        &mut self,
        pending: Vec<PendingEvent>,
        categories: &[Category],
    ) -> Vec<Event> {
        let by_id: TextMap<&str, usize> = categories
            .iter()
            .enumerate()
            .map(|(index, category)| (category.id.as_str(), index))
            .collect();
        // Where each unknown id's problem went: a file may repeat one 200,000 times.
        let mut unknown: TextMap<String, Option<usize>> = TextMap::default();
        let mut events = Vec::with_capacity(pending.len());
        for PendingEvent {
            event,
            position,
            category_ids,
        } in pending
        {
            let mut matched = Vec::new();
            let mut seen = TextSet::default();
            let list = JsonPath::root()
                .key("events")
                .index(position)
                .key("categories");
            for (index, id) in category_ids {
                match by_id.get(id.as_str()) {
                    Some(&category) => {
                        if seen.insert(category) {
                            matched.push(category);
                        }
                    }
                    None => match unknown.get(&id) {
                        Some(&place) => self.repeat_error(place),
                        None => {
                            let place = self.report(
                                Severity::Error,
                                list.index(index),
                                false,
                                format!("there is no category {}", quote(&id)),
                                || known_categories_hint(&id, categories),
                            );
                            unknown.insert(id, place);
                        }
                    },
                }
            }
            if let Some(mut event) = event.filter(|_| !matched.is_empty()) {
                event.categories = matched;
                events.push(event);
            }
        }
        events
    }

    pub(super) fn categories(
        &mut self,
        object: &Map<String, Value>,
        root: &JsonPath,
    ) -> Vec<Category> {
        let path = root.key("categories");
        let Some(value) = object.get("categories") else {
            self.error(
                root.clone(),
                "\"categories\" is missing",
                hint!("Add a list of categories, for example \"categories\": [{{\"id\": \"politics\", \"label\": \"Politics\", \"color\": \"#1d4ed8\"}}]."),
            );
            return Vec::new();
        };
        let Some(items) = self.array(value, &path, "the list of categories") else {
            return Vec::new();
        };
        let mut categories = Vec::new();
        let mut seen = TextSet::default();
        for (index, item) in items.iter().enumerate() {
            let path = path.index(index);
            let Some(object) = self.object(item, &path, "a category") else {
                continue;
            };
            self.unknown_fields(object, &path, CATEGORY_FIELDS);
            let id = self.slug(object, &path, "category");
            let label = self.required_text(object, &path, "label", "the category's label");
            let color = self.required_text(object, &path, "color", "the category's colour");
            if let Some(color) = &color {
                if !is_hex_color(color) {
                    self.error(
                        path.key("color"),
                        format!("{} is not a colour this format reads", quote(color)),
                        hint!("Write colours as #rrggbb or #rgb, for example #1d4ed8."),
                    );
                } else if let Some(rgb) = parse_hex(color) {
                    let ratio = contrast_ratio(rgb, (255, 255, 255));
                    if ratio < MIN_GRAPHIC_CONTRAST {
                        // Tenths by integers: float formatting would cost the reader's download.
                        let tenths = (ratio * 10.0).round() as u32;
                        self.warning(
                            path.key("color"),
                            format!(
                                "the colour {color} is hard to see on a white background (contrast {}.{}:1)",
                                tenths / 10,
                                tenths % 10
                            ),
                            hint!("Marks need at least 3:1 against the background: choose a darker colour, such as #1d4ed8."),
                        );
                    }
                }
            }
            if let Some(id) = &id {
                if !seen.insert(id.clone()) {
                    self.error(
                        path.key("id"),
                        format!("the category id {} is used twice", quote(id)),
                        hint!("Give each category its own id."),
                    );
                }
            }
            if let (Some(id), Some(label), Some(color)) = (id, label, color) {
                categories.push(Category { id, label, color });
            }
        }
        categories
    }

    pub(super) fn event(
        &mut self,
        value: &Value,
        list: &JsonPath,
        position: usize,
        seen_ids: &mut TextSet<String>,
    ) -> Option<PendingEvent> {
        let path = &list.index(position);
        let object = self.object(value, path, "an event")?;
        self.unknown_fields(object, path, EVENT_FIELDS);
        let id = self.slug(object, path, "event");
        if let Some(id) = &id {
            if !seen_ids.insert(id.clone()) {
                self.error(
                    path.key("id"),
                    format!("the event id {} is used twice", quote(id)),
                    hint!("Give each event its own id, for example by adding the year: \"visit-2022\"."),
                );
            }
        }
        let title = self.required_text(object, path, "title", "the event's title");
        let start = self.required_date(object, path, "start");
        let end = self.optional_date(object, path, "end");
        if let (Some(start), Some(end)) = (&start, &end) {
            if end.end_seconds() <= start.start_seconds() {
                self.error(
                    path.key("end"),
                    format!(
                        "the event ends ({}) before it starts ({})",
                        end.format(),
                        start.format()
                    ),
                    hint!("Swap start and end, or correct the end date."),
                );
            }
        }
        let approximate = self
            .optional_bool(object, path, "approximate")
            .unwrap_or(false);
        let display_date = self.optional_text(object, path, "display_date");
        let text = self.optional_text(object, path, "text").unwrap_or_default();
        if text.chars().count() > LONG_TEXT_CHARS {
            self.warning(
                path.key("text"),
                format!("the text is long ({} characters)", text.chars().count()),
                hint!("Readers skim timelines: keep it under {LONG_TEXT_CHARS} characters and link to the article."),
            );
        }
        // The paragraphs are read again when the event is shown; here only the links matter.
        let (_, refused_links) = parse_text(&text);
        for link in refused_links {
            self.error(
                path.key("text"),
                format!(
                    "the link {} goes to {}, which is not a web address",
                    quote(&link.label),
                    quote(&link.url)
                ),
                hint!("Links must start with https:// or http://."),
            );
        }
        let category_ids = self.event_categories(object, path);
        let sources = self.sources(object, path);
        let media = self.media(object, path);
        let importance = self.importance(object, path);
        let has_categories = category_ids.is_some();
        let event = match (id, start, title) {
            (Some(id), Some(start), Some(title)) if has_categories => Some(Event {
                id,
                start,
                end,
                approximate,
                display_date,
                title,
                text,
                categories: Vec::new(),
                sources,
                media,
                importance,
            }),
            _ => None,
        };
        Some(PendingEvent {
            event,
            position,
            category_ids: category_ids.unwrap_or_default(),
        })
    }

    /// The event's category ids as written, with their positions; matched later.
    pub(super) fn event_categories(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
    ) -> Option<Vec<(usize, String)>> {
        let list_path = path.key("categories");
        let Some(value) = object.get("categories") else {
            self.error(
                path.clone(),
                "the event has no \"categories\"",
                hint!(
                    "Add \"categories\": [\"...\"] with one or more ids from the top-level list."
                ),
            );
            return None;
        };
        let items = self.array(value, &list_path, "a list of category ids")?;
        if items.is_empty() {
            self.error(
                list_path.clone(),
                "the event has no category",
                hint!("Give it at least one id from the top-level \"categories\" list."),
            );
            return None;
        }
        let ids: Vec<(usize, String)> = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                self.text(item, || list_path.index(index))
                    .map(|id| (index, id))
            })
            .collect();
        (ids.len() == items.len()).then_some(ids)
    }

    pub(super) fn sources(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Vec<Source> {
        let list_path = path.key("sources");
        let Some(value) = object.get("sources") else {
            self.warning(
                path.clone(),
                "the event has no sources",
                hint!(
                    "Readers trust events they can check: add \"sources\" with at least one link."
                ),
            );
            return Vec::new();
        };
        let Some(items) = self.array(value, &list_path, "a list of sources") else {
            return Vec::new();
        };
        if items.is_empty() {
            self.warning(
                list_path.clone(),
                "the event has no sources",
                hint!("Readers trust events they can check: add at least one link."),
            );
        }
        let mut sources = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = list_path.index(index);
            let Some(object) = self.object(item, &path, "a source") else {
                continue;
            };
            self.unknown_fields(object, &path, SOURCE_FIELDS);
            let title = self.required_text(object, &path, "title", "the source's title");
            let publisher = self.optional_text(object, &path, "publisher");
            if publisher.is_none() && object.get("publisher").is_none() {
                self.warning(
                    path.clone(),
                    "the source has no publisher",
                    hint!("Add \"publisher\", for example \"The Times of Israel\"."),
                );
            }
            let url = self.web_url(object, &path, "url");
            let date = self.optional_date(object, &path, "date");
            if let (Some(title), Some(url)) = (title, url) {
                sources.push(Source {
                    title,
                    publisher,
                    url,
                    date,
                });
            }
        }
        sources
    }

    pub(super) fn media(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<Media> {
        let media_path = path.key("media");
        let value = object.get("media")?;
        let object = self.object(value, &media_path, "a media object")?;
        self.unknown_fields(object, &media_path, MEDIA_FIELDS);
        let kind = self.media_kind(object, &media_path)?;
        let caption = self.optional_text(object, &media_path, "caption");
        let credit = self.optional_text(object, &media_path, "credit");
        let unused = |kind: MediaKind, key: &str| {
            matches!(
                (kind, key),
                (MediaKind::Quote, "url" | "alt" | "poster")
                    | (MediaKind::Image | MediaKind::Audio, "poster" | "text")
                    | (MediaKind::Video, "text")
                    | (
                        MediaKind::Video | MediaKind::Audio | MediaKind::Quote,
                        "width" | "height" | "srcset"
                    )
            )
        };
        let kind_words = |kind: MediaKind| match kind {
            MediaKind::Image => "an image",
            MediaKind::Video => "a video",
            MediaKind::Audio => "audio",
            MediaKind::Quote => "a quote",
        };
        for key in ["url", "alt", "poster", "text", "width", "height", "srcset"] {
            if unused(kind, key) && object.contains_key(key) {
                self.warning(
                    media_path.key(key),
                    format!("{} does not use \"{key}\"; it is ignored", kind_words(kind)),
                    hint!("Remove \"{key}\", or set \"kind\" to the media this is."),
                );
            }
        }
        let content = match kind {
            MediaKind::Image => {
                let url = self.web_url(object, &media_path, "url");
                let alt = self.required_text(
                    object,
                    &media_path,
                    "alt",
                    "a description of the image for readers who cannot see it",
                );
                let width = self.pixels(object, &media_path, "width");
                let mut height = self.pixels(object, &media_path, "height");
                if height.is_some() && !object.contains_key("width") {
                    self.warning(
                        media_path.key("height"),
                        "\"height\" is used only with \"width\"; it is ignored",
                        hint!("Add the image's \"width\" in pixels, or remove \"height\"."),
                    );
                    height = None;
                }
                let srcset = self.image_files(object, &media_path, width);
                let url = url?;
                if !srcset.is_empty() && width.is_some() {
                    self.srcset_candidate(&url, &media_path.key("url"));
                }
                MediaContent::Image {
                    url,
                    alt: alt?,
                    width,
                    height,
                    srcset,
                }
            }
            MediaKind::Video => {
                let url = self.web_url(object, &media_path, "url")?;
                let poster = object
                    .contains_key("poster")
                    .then(|| self.web_url(object, &media_path, "poster"))
                    .flatten();
                let Some(video) = Video::from_url(&url) else {
                    self.error(
                        media_path.key("url"),
                        format!(
                            "{} is not a YouTube or Vimeo video or a video file",
                            quote(&url)
                        ),
                        hint!("Use the video's YouTube or Vimeo address, or the address of an .mp4 or .webm file."),
                    );
                    return None;
                };
                MediaContent::Video {
                    video,
                    poster,
                    alt: self.optional_text(object, &media_path, "alt"),
                }
            }
            MediaKind::Audio => MediaContent::Audio {
                url: self.web_url(object, &media_path, "url")?,
                alt: self.optional_text(object, &media_path, "alt"),
            },
            MediaKind::Quote => MediaContent::Quote {
                text: self.required_text(object, &media_path, "text", "the quoted words")?,
            },
        };
        Some(Media {
            content,
            caption,
            credit,
        })
    }

    /// An image's other files (`srcset`): each a web address with a width of its own.
    fn image_files(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        main_width: Option<u32>,
    ) -> Vec<ImageFile> {
        let path = path.key("srcset");
        let Some(value) = object.get("srcset") else {
            return Vec::new();
        };
        if value.is_string() {
            self.error(
                path,
                "srcset is a list of files with their widths, not the HTML attribute's text",
                hint!("Write, for example, \"srcset\": [{{\"url\": \"https://example.org/photo-400.jpg\", \"width\": 400}}]."),
            );
            return Vec::new();
        }
        let Some(entries) = self.array(value, &path, "a list of the image's files") else {
            return Vec::new();
        };
        if entries.len() > MAX_IMAGE_FILES {
            self.error(
                path.clone(),
                format!(
                    "srcset lists {} files; at most {MAX_IMAGE_FILES} are read",
                    entries.len()
                ),
                hint!("Keep the widths readers' screens need, for example 400, 800 and 1600."),
            );
        }
        let mut widths: Vec<u32> = main_width.into_iter().collect();
        let mut files = Vec::new();
        for (position, entry) in entries.iter().take(MAX_IMAGE_FILES).enumerate() {
            let entry_path = path.index(position);
            let Some(entry) = self.object(entry, &entry_path, "a file and its width") else {
                continue;
            };
            self.unknown_fields(entry, &entry_path, IMAGE_FILE_FIELDS);
            let url = self.web_url(entry, &entry_path, "url");
            let url = url.filter(|url| self.srcset_candidate(url, &entry_path.key("url")));
            let width = if entry.contains_key("width") {
                self.pixels(entry, &entry_path, "width")
            } else {
                self.error(
                    entry_path.clone(),
                    "\"width\" is missing",
                    hint!("Add the file's \"width\" in pixels, so the browser can choose it."),
                );
                None
            };
            let Some(width) = width else { continue };
            if widths.contains(&width) {
                self.error(
                    entry_path.key("width"),
                    format!("width {width} is given twice"),
                    hint!("Give each file its own width; the image's own \"width\" counts as one."),
                );
                continue;
            }
            widths.push(width);
            if let Some(url) = url {
                files.push(ImageFile { url, width });
            }
        }
        files
    }

    /// Whether `url` stays one candidate in a `srcset`, where a browser drops a trailing comma.
    /// Commas inside an address are read as part of it (image services use them), and web
    /// addresses hold no spaces.
    fn srcset_candidate(&mut self, url: &str, path: &JsonPath) -> bool {
        if !url.ends_with(',') {
            return true;
        }
        self.error(
            path.clone(),
            format!("{} ends with a comma, which a srcset drops", quote(url)),
            hint!("Remove the comma, or write it as %2C if the address needs it."),
        );
        false
    }

    /// A size in pixels: a whole number from 1 to `MAX_IMAGE_PIXELS`.
    fn pixels(&mut self, object: &Map<String, Value>, path: &JsonPath, key: &str) -> Option<u32> {
        let value = object.get(key)?;
        match value.as_u64() {
            Some(pixels @ 1..=MAX_IMAGE_PIXELS) => u32::try_from(pixels).ok(),
            _ => {
                self.error(
                    path.key(key),
                    format!(
                        "{key} {} is not a whole number of pixels from 1 to {MAX_IMAGE_PIXELS}",
                        written(value)
                    ),
                    hint!("Write the {key} in pixels as a number, for example 1600."),
                );
                None
            }
        }
    }

    /// The media's kind: as written, else read from its address (a YouTube page is a video).
    fn media_kind(&mut self, object: &Map<String, Value>, path: &JsonPath) -> Option<MediaKind> {
        let Some(value) = object.get("kind") else {
            let url = object.get("url").and_then(Value::as_str).unwrap_or("");
            return Some(if object.contains_key("text") && url.is_empty() {
                MediaKind::Quote
            } else {
                MediaKind::of_address(url)
            });
        };
        let name = self.text(value, || path.key("kind"))?;
        let kind = MediaKind::from_name(name.trim());
        if kind.is_none() {
            self.error(
                path.key("kind"),
                format!(
                    "{} is not a kind of media: use \"image\", \"video\", \"audio\" or \"quote\"",
                    quote(&name)
                ),
                hint!(
                    "{}",
                    closest(&name.trim().to_ascii_lowercase(), MediaKind::NAMES)
                        .map_or_else(String::new, |name| format!("Did you mean \"{name}\"?"))
                ),
            );
        }
        kind
    }

    pub(super) fn importance(&mut self, object: &Map<String, Value>, path: &JsonPath) -> u8 {
        let Some(value) = object.get("importance") else {
            return DEFAULT_IMPORTANCE;
        };
        match value.as_u64() {
            Some(importance @ 1..=5) => importance as u8,
            _ => {
                self.error(
                    path.key("importance"),
                    format!("importance {} is not between 1 and 5", written(value)),
                    hint!("Use a whole number from 1 (minor) to 5 (key event)."),
                );
                DEFAULT_IMPORTANCE
            }
        }
    }
}
