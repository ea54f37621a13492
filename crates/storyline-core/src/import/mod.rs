//! Importers from other timeline formats (TimelineJS JSON, TimelineJS-style spreadsheets) into
//! the Storyline v1 format, saying what could not be carried over.
//!
//! Both sources describe events the same way (date parts, a headline, HTML text, media, a
//! group), so each importer reads its rows into `Draft`s and `assemble` does the rest.

pub mod html;
pub mod sheet;
pub mod timelinejs;

use super::date::PartialDate;
use super::media::{is_audio_file, is_image_file, Video};
use super::schema::{CategoryV1, DocumentV1, EventV1, MediaKindV1, MediaV1, SCHEMA_ID};
use super::text::is_web_url;
use crate::text_hash::{TextMap, TextSet};

/// At most this many errors, and as many notes, are kept: a journalist reads the first ones,
/// and a file with a problem on each of 100,000 rows must not bury the editor in messages.
pub const MAX_MESSAGES: usize = 200;

/// The text without the byte-order mark Windows tools put at the start of UTF-8 files.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The other formats a pasted text may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    TimelineJs,
    Sheet,
}

/// Recognises text that is not Storyline JSON but a TimelineJS file or a spreadsheet's rows, so the
/// editor can offer to convert what a journalist pasted.
pub fn detect(text: &str) -> Option<SourceFormat> {
    let trimmed = without_bom(text).trim_start();
    if trimmed.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(trimmed).ok()?;
        let is_timelinejs = value.get("version").is_none()
            && value
                .get("events")
                .and_then(serde_json::Value::as_array)
                .is_some_and(|events| events.iter().any(|event| event.get("start_date").is_some()));
        return is_timelinejs.then_some(SourceFormat::TimelineJs);
    }
    let header = trimmed.lines().next()?.to_ascii_lowercase();
    let cells: Vec<&str> = header.split([',', '\t']).map(str::trim).collect();
    (cells.contains(&"year") && cells.contains(&"headline")).then_some(SourceFormat::Sheet)
}

/// What an import gave: the document (when anything could be read) and what the journalist
/// should know about it. Errors stop the import; notes describe what was changed or left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOutcome {
    pub document: Option<DocumentV1>,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

/// A date as other formats write it: separate parts, each optional but the year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateParts {
    pub year: Option<i64>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
}

/// One event (or era) read from the source, before ids, categories and dates are settled.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Where it came from, for messages: "events[3]" or "row 5".
    pub place: String,
    pub id: Option<String>,
    pub start: DateParts,
    pub end: Option<DateParts>,
    pub display_date: Option<String>,
    pub headline: String,
    /// HTML, as both formats allow.
    pub html_text: String,
    /// An image, video or audio address, or (TimelineJS) a `<blockquote>` to show as a quote.
    pub media_url: Option<String>,
    /// A video's still image (TimelineJS's thumbnail), used as its poster.
    pub media_thumbnail: Option<String>,
    /// These three may hold HTML too.
    pub media_alt: Option<String>,
    pub media_caption: Option<String>,
    pub media_credit: Option<String>,
    pub group: Option<String>,
    pub is_era: bool,
}

/// One event's media as both formats give it, captions and credits already plain text.
struct ImportedMedia<'a> {
    url: &'a str,
    thumbnail: Option<&'a str>,
    alt: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
}

impl ImportedMedia<'_> {
    /// The media Storyline can show, by TimelineJS's own rules (a quote from a `<blockquote>`, a
    /// YouTube or Vimeo video, audio and image files); what it cannot show is left out with a
    /// note, never turned into a broken image.
    fn into_media(self, title: &str, place: &str, notes: &mut Vec<String>) -> Option<MediaV1> {
        let url = self.url;
        let media = |kind: MediaKindV1| MediaV1 {
            kind: Some(kind),
            url: Some(url.to_string()),
            alt: None,
            poster: None,
            text: None,
            caption: self.caption.clone(),
            credit: self.credit.clone(),
            width: None,
            height: None,
            srcset: Vec::new(),
        };
        if url
            .get(.."<blockquote".len())
            .is_some_and(|start| start.eq_ignore_ascii_case("<blockquote"))
        {
            let text = html::to_words(url);
            if text.is_empty() {
                notes.push(format!("{place}: the quote has no words and was left out"));
                return None;
            }
            return Some(MediaV1 {
                url: None,
                text: Some(text),
                ..media(MediaKindV1::Quote)
            });
        }
        if !is_web_url(url) {
            notes.push(format!(
                "{place}: the media \u{201c}{url}\u{201d} is not a web address and was left out"
            ));
            return None;
        }
        if Video::from_url(url).is_some() {
            let poster = self.thumbnail.filter(|thumbnail| is_web_url(thumbnail));
            return Some(MediaV1 {
                alt: self.alt,
                poster: poster.map(str::to_string),
                ..media(MediaKindV1::Video)
            });
        }
        if is_audio_file(url) {
            return Some(MediaV1 {
                alt: self.alt,
                ..media(MediaKindV1::Audio)
            });
        }
        if !is_image_file(url) {
            let host = url.split('/').nth(2).unwrap_or(url);
            notes.push(format!(
                "{place}: the media \u{201c}{url}\u{201d} is a page on {host}, not an image, video or audio file Storyline can show, and was left out"
            ));
            return None;
        }
        if self.alt.is_none() {
            notes.push(format!("{place}: the image has no alt text; its caption or headline stands in: describe it for readers who cannot see it"));
        }
        Some(MediaV1 {
            kind: None,
            alt: Some(
                self.alt
                    .or_else(|| self.caption.clone())
                    .unwrap_or_else(|| title.to_string()),
            ),
            ..media(MediaKindV1::Image)
        })
    }
}

/// Distinct colours, each at least 4.5:1 against white, handed out to groups in order.
const PALETTE: [&str; 10] = [
    "#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a21caf",
    "#c2410c", "#475569",
];

/// Lowercase letters, digits and single hyphens, as ids need.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    // Long headlines make unwieldy ids; keep whole words up to about 48 characters (and cut a
    // single longer word: the slug is ASCII, so any byte is a character boundary).
    let mut short = String::new();
    for word in slug.split('-') {
        if short.is_empty() && word.len() > 48 {
            return word[..48].to_string();
        }
        if !short.is_empty() && short.len() + word.len() + 1 > 48 {
            break;
        }
        if !short.is_empty() {
            short.push('-');
        }
        short.push_str(word);
    }
    short
}

impl DateParts {
    /// Writes the parts in Storyline's date syntax at the precision given, or says why not.
    fn to_date_text(&self, place: &str, notes: &mut Vec<String>) -> Result<String, String> {
        let Some(year) = self.year else {
            return Err(format!(
                "{place}: no year, so the event cannot be placed in time"
            ));
        };
        let year = if year == 0 {
            notes.push(format!("{place}: year 0 does not exist; read as 1 BCE"));
            -1
        } else {
            year
        };
        let mut text = if year < 0 {
            format!("-{:04}", year.unsigned_abs())
        } else {
            format!("{year:04}")
        };
        if let Some(month) = self.month {
            if !(1..=12).contains(&month) {
                return Err(format!("{place}: month {month} does not exist"));
            }
            text.push_str(&format!("-{month:02}"));
            if let Some(day) = self.day {
                text.push_str(&format!("-{day:02}"));
                if let Some(hour) = self.hour {
                    text.push_str(&format!("T{hour:02}:{:02}", self.minute.unwrap_or(0)));
                    if let Some(second) = self.second.filter(|&second| second > 0) {
                        text.push_str(&format!(":{second:02}"));
                    }
                }
            }
        }
        // The parser knows the calendar (31 February, hours past 23, years too far away): let
        // it judge.
        match PartialDate::parse(&text) {
            Ok(_) => Ok(text),
            Err(error) => Err(format!("{place}: {} ({text})", error.message)),
        }
    }
}

/// Turns drafts into a document: unique ids, a category per group (and one for eras), dates in
/// Storyline's syntax, text without HTML. Drafts that cannot be placed in time are left out with
/// an error each.
pub fn assemble(
    title: String,
    description: Option<String>,
    has_title_slide: bool,
    drafts: Vec<Draft>,
    mut outcome: ImportOutcome,
) -> ImportOutcome {
    let mut categories = Categories::default();
    let mut ids = UniqueIds::default();
    let mut events = Vec::new();
    for (position, draft) in drafts.into_iter().enumerate() {
        let place = draft.place.clone();
        let start = match draft.start.to_date_text(&place, &mut outcome.notes) {
            Ok(start) => start,
            Err(error) => {
                outcome.errors.push(error);
                continue;
            }
        };
        let end = match draft.end.as_ref().filter(|end| end.year.is_some()) {
            Some(end) => match end.to_date_text(&format!("{place} end"), &mut outcome.notes) {
                Ok(end) if ends_before(&start, &end) => {
                    outcome.notes.push(format!(
                        "{place}: the end ({end}) is not after the start ({start}); the end date was left out"
                    ));
                    None
                }
                Ok(end) => Some(end),
                Err(error) => {
                    outcome
                        .notes
                        .push(format!("{error}; the end date was left out"));
                    None
                }
            },
            None => None,
        };
        let title = match html::to_words(&draft.headline).trim() {
            "" => {
                outcome.notes.push(format!(
                    "{place}: no headline; called \u{201c}Untitled\u{201d}"
                ));
                "Untitled".to_string()
            }
            headline => headline.to_string(),
        };
        let mut refused = Vec::new();
        let text = html::to_plain_text(&draft.html_text, &mut refused);
        for link in refused {
            outcome.notes.push(format!("{place}: the link to \u{201c}{link}\u{201d} was kept as plain text (only http and https links are allowed)"));
        }
        let base_id = draft
            .id
            .as_deref()
            .map(slugify)
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| match slugify(&title) {
                id if id.is_empty() => format!("event-{}", position + 1),
                id if draft.is_era => format!("era-{id}"),
                id => id,
            });
        let id = ids.claim(base_id);
        let category = if draft.is_era {
            categories.id_for("Era")
        } else {
            categories.id_for(
                draft
                    .group
                    .as_deref()
                    .filter(|g| !g.trim().is_empty())
                    .unwrap_or("General"),
            )
        };
        // Captions and credits may hold HTML in both formats; Storyline shows them as plain text.
        let words = |text: &Option<String>| {
            text.as_deref()
                .map(html::to_words)
                .filter(|words| !words.is_empty())
        };
        let media = draft
            .media_url
            .as_deref()
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .and_then(|url| {
                let given = ImportedMedia {
                    url,
                    thumbnail: draft.media_thumbnail.as_deref().map(str::trim),
                    alt: words(&draft.media_alt),
                    caption: words(&draft.media_caption),
                    credit: words(&draft.media_credit),
                };
                given.into_media(&title, &draft.place, &mut outcome.notes)
            });
        events.push(EventV1 {
            id,
            start,
            end,
            approximate: None,
            display_date: draft.display_date.filter(|d| !d.trim().is_empty()),
            title,
            text: Some(text).filter(|text| !text.is_empty()),
            categories: vec![category],
            sources: Vec::new(),
            media,
            importance: None,
        });
    }
    if events.is_empty() {
        outcome.errors.push("no event could be imported".into());
        return bounded(outcome);
    }
    let mut outcome = bounded(outcome);
    outcome.notes.push(
        "neither TimelineJS nor its spreadsheet has sources: add each event's sources before publishing".into(),
    );
    outcome.document = Some(DocumentV1 {
        schema: Some(SCHEMA_ID.into()),
        version: 1,
        title,
        description,
        language: None,
        title_card: None,
        breaks: None,
        categories: categories.list,
        events,
    });
    with_title_card(outcome, has_title_slide)
}

/// A TimelineJS story opens on its title slide: the import opens on the title card.
fn with_title_card(mut outcome: ImportOutcome, has_title_slide: bool) -> ImportOutcome {
    if let Some(document) = outcome.document.as_mut().filter(|_| has_title_slide) {
        document.title_card = Some(true);
    }
    outcome
}

/// True when an end date does not come after its start (the validator would refuse the event).
fn ends_before(start: &str, end: &str) -> bool {
    match (PartialDate::parse(start), PartialDate::parse(end)) {
        (Ok(start), Ok(end)) => end.end_seconds() <= start.start_seconds(),
        _ => false,
    }
}

/// Ids made unique by a counter per id, so many events with one headline take linear time.
#[derive(Default)]
struct UniqueIds {
    used: TextSet<String>,
    next_suffix: TextMap<String, usize>,
}

impl UniqueIds {
    fn claim(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        // Each candidate `base-n` belongs to one base only, and the counter never goes back, so
        // every id is tried at most once more in the whole import.
        let suffix = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{suffix}");
            *suffix += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

/// The categories made so far, found by id in constant time.
#[derive(Default)]
struct Categories {
    list: Vec<CategoryV1>,
    ids: TextSet<String>,
}

impl Categories {
    /// The id of the category for a group's label, made (with the next colour) on first use.
    fn id_for(&mut self, label: &str) -> String {
        let id = match slugify(label) {
            id if id.is_empty() => "group".to_string(),
            id => id,
        };
        if self.ids.insert(id.clone()) {
            self.list.push(CategoryV1 {
                id: id.clone(),
                label: label.trim().to_string(),
                color: PALETTE[self.list.len() % PALETTE.len()].to_string(),
            });
        }
        id
    }
}

/// Keeps the first [`MAX_MESSAGES`] errors and notes, and says how many more there were.
fn bounded(mut outcome: ImportOutcome) -> ImportOutcome {
    for (messages, kind) in [
        (&mut outcome.errors, "errors"),
        (&mut outcome.notes, "notes"),
    ] {
        if messages.len() > MAX_MESSAGES {
            let more = messages.len() - MAX_MESSAGES;
            messages.truncate(MAX_MESSAGES);
            messages.push(format!(
                "\u{2026} and {more} more {kind} like these (only the first {MAX_MESSAGES} are listed)"
            ));
        }
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_pasted_timelinejs_and_sheets_but_not_storyline() {
        let timelinejs = include_str!("../../../../tests/fixtures/timelinejs.json");
        let sheet = include_str!("../../../../tests/fixtures/sheet.csv");
        let story = include_str!("../../../../data/albania-iran-israel.json");
        assert_eq!(detect(timelinejs), Some(SourceFormat::TimelineJs));
        assert_eq!(detect(sheet), Some(SourceFormat::Sheet));
        assert_eq!(
            detect("Year\tMonth\tHeadline\n2009\t4\tNATO"),
            Some(SourceFormat::Sheet)
        );
        assert_eq!(detect(story), None);
        assert_eq!(detect("{ broken"), None);
        assert_eq!(detect(""), None);
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(
            slugify("Albania cuts ties with Iran!"),
            "albania-cuts-ties-with-iran"
        );
        assert_eq!(slugify("Shqipëria — Izraeli"), "shqiperia-izraeli");
        assert_eq!(slugify("¿?"), "");
        assert!(slugify(&"word ".repeat(40)).len() <= 48);
    }

    #[test]
    fn date_parts_keep_their_precision() {
        let mut notes = Vec::new();
        let parts = |year, month, day| DateParts {
            year: Some(year),
            month,
            day,
            ..DateParts::default()
        };
        assert_eq!(
            parts(2009, None, None)
                .to_date_text("x", &mut notes)
                .unwrap(),
            "2009"
        );
        assert_eq!(
            parts(2009, Some(4), None)
                .to_date_text("x", &mut notes)
                .unwrap(),
            "2009-04"
        );
        assert_eq!(
            parts(-500, None, None)
                .to_date_text("x", &mut notes)
                .unwrap(),
            "-0500"
        );
        assert_eq!(
            parts(0, None, None).to_date_text("x", &mut notes).unwrap(),
            "-0001"
        );
        assert_eq!(notes.len(), 1);
        let timed = DateParts {
            hour: Some(14),
            minute: Some(30),
            ..parts(2022, Some(10), Some(23))
        };
        assert_eq!(
            timed.to_date_text("x", &mut notes).unwrap(),
            "2022-10-23T14:30"
        );
        assert!(parts(2022, Some(2), Some(30))
            .to_date_text("row 4", &mut notes)
            .unwrap_err()
            .contains("row 4: February 2022 has no day 30"));
        assert!(DateParts::default()
            .to_date_text("row 2", &mut notes)
            .unwrap_err()
            .contains("no year"));
    }
}
