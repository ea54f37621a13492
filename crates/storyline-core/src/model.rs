//! The validated timeline: categories and events in time order, ready to lay out and show.

use super::date::{PartialDate, Seconds};
use super::media::{MediaKind, Video};
use super::order::positions_by;
use super::text::{parse_text, Paragraph};
use super::words::{DateWords, ENGLISH_DATES};
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: String,
    pub description: Option<String>,
    pub language: Option<String>,
    pub categories: Vec<Category>,
    /// Sorted by start, then end, then the order written; `EventIndex` counts in this order.
    pub events: Vec<Event>,
    /// Each event's span, computed once: the hot paths (layout, queries) read it every frame.
    spans: Vec<(Seconds, Seconds)>,
    /// The events grouped by how long they last, for window queries.
    index: SpanIndex,
    /// Whether the story opens on a title card (title, description, Start) until an event opens.
    pub title_card: bool,
    /// Whether long empty gaps are drawn as short breaks (on unless the data turns them off).
    pub breaks: bool,
}

/// Finds the events overlapping a window without scanning them all. Events are grouped by the
/// power of two of their length; within a group every event is at most twice as long as the
/// shortest, so a binary search on start times, reaching back one group-length before the window,
/// wastes little on events that end before it.
#[derive(Clone, Debug, Default, PartialEq)]
struct SpanIndex {
    groups: Vec<SpanGroup>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct SpanGroup {
    longest: Seconds,
    /// (start, end, event) sorted by start.
    spans: Vec<(Seconds, Seconds, EventIndex)>,
}

impl SpanIndex {
    fn new(spans: &[(Seconds, Seconds)]) -> SpanIndex {
        let mut groups: Vec<SpanGroup> = Vec::new();
        for (index, &(start, end)) in spans.iter().enumerate() {
            let class = (end - start).max(1.0).log2().floor() as usize;
            if groups.len() <= class {
                groups.resize_with(class + 1, SpanGroup::default);
            }
            let group = &mut groups[class];
            group.longest = group.longest.max(end - start);
            // Events come in start order, so each group stays sorted.
            group.spans.push((start, end, index));
        }
        groups.retain(|group| !group.spans.is_empty());
        SpanIndex { groups }
    }

    fn overlapping(&self, from: Seconds, to: Seconds) -> Vec<EventIndex> {
        let mut found = Vec::new();
        // Where each group's events begin in `found`, and where the last ends.
        let mut runs = vec![0];
        for group in &self.groups {
            let first = group
                .spans
                .partition_point(|&(start, _, _)| start < from - group.longest);
            let past = group.spans.partition_point(|&(start, _, _)| start < to);
            found.extend(
                group.spans[first..past.max(first)]
                    .iter()
                    .filter(|&&(_, end, _)| end > from)
                    .map(|&(_, _, index)| index),
            );
            if found.len() > *runs.last().unwrap_or(&0) {
                runs.push(found.len());
            }
        }
        merge_runs(found, runs)
    }
}

/// Sorted runs of `values` (run `i` is `values[runs[i]..runs[i + 1]]`) merged into one sorted
/// list, pairs at a time: each group's events come in index order, so merging them costs a zoom
/// step far less than sorting them all (a millisecond at 10,000 events).
fn merge_runs(mut values: Vec<EventIndex>, mut runs: Vec<usize>) -> Vec<EventIndex> {
    let mut merged = Vec::with_capacity(values.len());
    while runs.len() > 2 {
        merged.clear();
        let mut merged_runs = vec![0];
        let mut at = 0;
        while at + 1 < runs.len() {
            // This run and the next (none after the last of an odd number).
            let (mut left, middle) = (runs[at], runs[at + 1]);
            let end = runs.get(at + 2).copied().unwrap_or(middle);
            let mut right = middle;
            while left < middle || right < end {
                if right == end || (left < middle && values[left] <= values[right]) {
                    merged.push(values[left]);
                    left += 1;
                } else {
                    merged.push(values[right]);
                    right += 1;
                }
            }
            merged_runs.push(merged.len());
            at += 2;
        }
        std::mem::swap(&mut values, &mut merged);
        runs = merged_runs;
    }
    values
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub id: String,
    pub label: String,
    /// A CSS colour, `#rgb` or `#rrggbb`.
    pub color: String,
}

/// Position of an event in `Timeline::events`.
pub type EventIndex = usize;
/// Position of a category in `Timeline::categories`.
pub type CategoryIndex = usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
    pub display_date: Option<String>,
    pub title: String,
    /// The text as written (checked when read); `paragraphs` reads it for display.
    pub text: String,
    pub categories: Vec<CategoryIndex>,
    pub sources: Vec<Source>,
    pub media: Option<Media>,
    /// 1 (minor) to 5 (key event); 3 when not given.
    pub importance: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    pub publisher: Option<String>,
    pub url: String,
    pub date: Option<PartialDate>,
}

/// What an event shows beside its text, with the caption and credit every kind may have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Media {
    pub content: MediaContent,
    pub caption: Option<String>,
    /// Who made the image or recording, or who said the quoted words.
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaContent {
    Image {
        url: String,
        /// What the image shows, for readers who cannot see it.
        alt: String,
        /// The pixel size of the file at `url`, when given: the browser reserves the image's box
        /// before it arrives (the height is kept only with a width).
        width: Option<u32>,
        height: Option<u32>,
        /// The same picture in files of other widths, for the browser to pick from.
        srcset: Vec<ImageFile>,
    },
    /// Played only when the reader asks: until then a poster stands in for the player.
    Video {
        video: Video,
        /// An image shown before the reader presses Play (never fetched from the provider).
        poster: Option<String>,
        /// What the video shows; the player is named by it, or by the event's title.
        alt: Option<String>,
    },
    Audio {
        url: String,
        alt: Option<String>,
    },
    Quote {
        text: String,
    },
}

/// One file of an image and its width in pixels: a candidate of the `<img>`'s `srcset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageFile {
    pub url: String,
    pub width: u32,
}

impl MediaContent {
    /// An image's `srcset` attribute: each file with its width, narrowest first, `url` among them
    /// when its width is known; none without other files. Addresses are checked when read (no
    /// spaces, no trailing comma), so each stays one candidate.
    pub fn srcset(&self) -> Option<String> {
        let MediaContent::Image {
            url, width, srcset, ..
        } = self
        else {
            return None;
        };
        if srcset.is_empty() {
            return None;
        }
        let main = width.map(|width| (width, url.as_str()));
        // At most 17 files: placed in order as they come (a sort would add its code to every
        // reader's download).
        let mut files: Vec<(u32, &str)> = Vec::new();
        for (width, url) in srcset
            .iter()
            .map(|file| (file.width, file.url.as_str()))
            .chain(main)
        {
            let at = files.partition_point(|(narrower, _)| *narrower < width);
            files.insert(at, (width, url));
        }
        let mut attribute = String::new();
        for (width, url) in files {
            let separator = if attribute.is_empty() { "" } else { ", " };
            let _ = write!(attribute, "{separator}{url} {width}w");
        }
        Some(attribute)
    }
}

impl Media {
    pub fn kind(&self) -> MediaKind {
        match self.content {
            MediaContent::Image { .. } => MediaKind::Image,
            MediaContent::Video { .. } => MediaKind::Video,
            MediaContent::Audio { .. } => MediaKind::Audio,
            MediaContent::Quote { .. } => MediaKind::Quote,
        }
    }
}

pub const DEFAULT_IMPORTANCE: u8 = 3;

impl Event {
    /// The instants the event covers: from the start of its first date to the end of its last.
    pub fn span(&self) -> (Seconds, Seconds) {
        let last = self.end.as_ref().unwrap_or(&self.start);
        (self.start.start_seconds(), last.end_seconds())
    }

    /// The date in English, for journalist-facing output: the journalist's own wording, or the
    /// date at its precision. Readers get theirs from a `DateWords` in their language.
    pub fn date_label(&self) -> String {
        ENGLISH_DATES.event_date(self)
    }

    pub fn is_range(&self) -> bool {
        self.end.is_some()
    }

    /// The text's paragraphs with their links, read when the event is shown rather than kept
    /// for every event of a large story.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        parse_text(&self.text).0
    }
}

impl Source {
    /// "Publisher — Title", or the title alone.
    pub fn link_text(&self) -> String {
        match &self.publisher {
            Some(publisher) => format!("{publisher} \u{2014} {}", self.title),
            None => self.title.clone(),
        }
    }
}

impl Timeline {
    /// Builds a timeline, putting the events in time order (ties keep the order written).
    pub fn new(
        title: String,
        description: Option<String>,
        language: Option<String>,
        categories: Vec<Category>,
        events: Vec<Event>,
    ) -> Timeline {
        let written_spans: Vec<(Seconds, Seconds)> = events.iter().map(Event::span).collect();
        // Sort positions, not events (moving large values is what costs); events at the same
        // moment keep the order written.
        let order = positions_by(events.len(), &|a, b| {
            let (a, b) = (written_spans[a], written_spans[b]);
            a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1))
        });
        let mut taken: Vec<Option<Event>> = events.into_iter().map(Some).collect();
        let events: Vec<Event> = order
            .iter()
            .filter_map(|&position| taken[position].take())
            .collect();
        let spans: Vec<(Seconds, Seconds)> = order
            .iter()
            .map(|&position| written_spans[position])
            .collect();
        let index = SpanIndex::new(&spans);
        Timeline {
            title,
            description,
            language,
            categories,
            events,
            spans,
            index,
            title_card: false,
            breaks: true,
        }
    }

    /// Every event's span, in event order.
    pub fn spans(&self) -> impl Iterator<Item = (Seconds, Seconds)> + '_ {
        self.spans.iter().copied()
    }

    /// The instants an event covers (see `Event::span`), without recomputing them.
    pub fn span(&self, index: EventIndex) -> (Seconds, Seconds) {
        self.spans[index]
    }

    /// From the start of the first event to the end of the last one.
    pub fn extent(&self) -> Option<(Seconds, Seconds)> {
        let first = self.spans.first()?.0;
        let last = self
            .spans
            .iter()
            .map(|span| span.1)
            .fold(f64::MIN, f64::max);
        Some((first, last))
    }

    /// The events whose span overlaps `[from, to)`, in time order.
    pub fn events_overlapping(&self, from: Seconds, to: Seconds) -> Vec<EventIndex> {
        self.index.overlapping(from, to)
    }

    pub fn category_index(&self, id: &str) -> Option<CategoryIndex> {
        self.categories
            .iter()
            .position(|category| category.id == id)
    }

    pub fn event_index(&self, id: &str) -> Option<EventIndex> {
        self.events.iter().position(|event| event.id == id)
    }

    /// How many events carry each category, whatever is in view.
    pub fn category_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.categories.len()];
        for event in &self.events {
            for &category in &event.categories {
                if let Some(count) = counts.get_mut(category) {
                    *count += 1;
                }
            }
        }
        counts
    }
}

/// Which categories are shown. An event in several categories shows while any of them is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryFilter {
    shown: Vec<bool>,
}

impl CategoryFilter {
    pub fn all(category_count: usize) -> CategoryFilter {
        CategoryFilter {
            shown: vec![true; category_count],
        }
    }

    pub fn none(category_count: usize) -> CategoryFilter {
        CategoryFilter {
            shown: vec![false; category_count],
        }
    }

    pub fn is_shown(&self, category: CategoryIndex) -> bool {
        self.shown.get(category).copied().unwrap_or(false)
    }

    pub fn toggle(&mut self, category: CategoryIndex) {
        if let Some(shown) = self.shown.get_mut(category) {
            *shown = !*shown;
        }
    }

    pub fn shows_event(&self, event: &Event) -> bool {
        event
            .categories
            .iter()
            .any(|&category| self.is_shown(category))
    }

    pub fn shows_all(&self) -> bool {
        self.shown.iter().all(|&shown| shown)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn event(id: &str, start: &str, end: Option<&str>, categories: Vec<usize>) -> Event {
        Event {
            id: id.into(),
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|end| PartialDate::parse(end).unwrap()),
            approximate: false,
            display_date: None,
            title: id.into(),
            text: String::new(),
            categories,
            sources: Vec::new(),
            media: None,
            importance: DEFAULT_IMPORTANCE,
        }
    }

    /// A timeline of `events` with one category per id in `category_ids`.
    pub fn timeline_of(category_ids: &[&str], events: Vec<Event>) -> Timeline {
        let categories = category_ids
            .iter()
            .map(|id| Category {
                id: id.to_string(),
                label: id.to_string(),
                color: "#000".into(),
            })
            .collect();
        Timeline::new("t".into(), None, None, categories, events)
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        timeline_of(&["a", "b"], events)
    }

    #[test]
    fn events_are_kept_in_time_order() {
        let timeline = timeline(vec![
            event("late", "2022-10-23", None, vec![0]),
            event("early", "1939", Some("1945"), vec![0]),
            event("same-day-second", "2022-09-07", None, vec![0]),
            event("same-day-first", "2022-09-07", None, vec![1]),
        ]);
        let ids: Vec<_> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["early", "same-day-second", "same-day-first", "late"]);
    }

    #[test]
    fn window_query_includes_ranges_that_start_before_it() {
        let timeline = timeline(vec![
            event("war", "1939", Some("1945"), vec![0]),
            event("nato", "2009-04-01", None, vec![0]),
            event("council", "2022-01-01", Some("2023-12-31"), vec![0]),
            event("attack", "2022-07-15", None, vec![0]),
        ]);
        let ids = |from: &str, to: &str| -> Vec<String> {
            let from = PartialDate::parse(from).unwrap().start_seconds();
            let to = PartialDate::parse(to).unwrap().start_seconds();
            timeline
                .events_overlapping(from, to)
                .into_iter()
                .map(|index| timeline.events[index].id.clone())
                .collect()
        };
        assert_eq!(ids("2022-07", "2022-08"), ["council", "attack"]);
        assert_eq!(ids("1944", "1950"), ["war"]);
        assert_eq!(ids("1946", "2009"), Vec::<String>::new());
        assert_eq!(ids("2009-04-01", "2009-04-02"), ["nato"]);
    }

    /// A small deterministic generator so property tests need no extra crate.
    pub fn pseudo_random(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (*seed >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `count` events between 1900 and 2025, some of them ranges, in up to five categories.
    pub fn random_timeline(count: usize, seed: &mut u64) -> Timeline {
        let categories = (0..5)
            .map(|i| Category {
                id: format!("c{i}"),
                label: format!("C{i}"),
                color: "#000".into(),
            })
            .collect();
        let day = |seed: &mut u64| {
            let year = 1900 + (pseudo_random(seed) * 125.0) as i32;
            let month = 1 + (pseudo_random(seed) * 12.0) as u32;
            let day = 1 + (pseudo_random(seed) * 28.0) as u32;
            (year, month, day)
        };
        let events = (0..count)
            .map(|i| {
                let (year, month, d) = day(seed);
                let start = format!("{year:04}-{month:02}-{d:02}");
                let end = (pseudo_random(seed) < 0.15).then(|| {
                    let extra = (pseudo_random(seed) * 30.0) as i32;
                    format!("{:04}-{month:02}-{d:02}", year + extra.min(2025 - year))
                });
                let category = (pseudo_random(seed) * 5.0) as usize;
                let mut made = event(&format!("e{i}"), &start, end.as_deref(), vec![category]);
                made.importance = 1 + (pseudo_random(seed) * 5.0) as u8;
                if made
                    .end
                    .is_some_and(|end| end.start_seconds() <= made.start.start_seconds())
                {
                    made.end = None;
                }
                made
            })
            .collect();
        Timeline::new("random".into(), None, None, categories, events)
    }

    #[test]
    fn window_queries_match_a_brute_force_scan() {
        let mut seed = 7;
        let timeline = random_timeline(3_000, &mut seed);
        let (first, last) = timeline.extent().unwrap();
        for _ in 0..300 {
            let a = first + pseudo_random(&mut seed) * (last - first);
            let span = (last - first) * pseudo_random(&mut seed).powi(4);
            let (from, to) = (a - span / 2.0, a + span / 2.0);
            let expected: Vec<_> = (0..timeline.events.len())
                .filter(|&i| {
                    let (start, end) = timeline.span(i);
                    start < to && end > from
                })
                .collect();
            assert_eq!(
                timeline.events_overlapping(from, to),
                expected,
                "window {from}..{to}"
            );
        }
    }

    #[test]
    fn sorted_runs_merge_into_one_sorted_list() {
        let mut seed = 17;
        for run_count in 0..9 {
            let mut values = Vec::new();
            let mut runs = vec![0];
            for _ in 0..run_count {
                let length = (pseudo_random(&mut seed) * 40.0) as usize + 1;
                let mut run: Vec<usize> = (0..length)
                    .map(|_| (pseudo_random(&mut seed) * 500.0) as usize)
                    .collect();
                run.sort_unstable();
                values.extend(run);
                runs.push(values.len());
            }
            let mut expected = values.clone();
            expected.sort_unstable();
            assert_eq!(merge_runs(values, runs), expected, "{run_count} runs");
        }
    }

    #[test]
    fn filter_shows_an_event_while_any_of_its_categories_is_on() {
        let both = event("both", "2022", None, vec![0, 1]);
        let mut filter = CategoryFilter::all(2);
        filter.toggle(0);
        assert!(filter.shows_event(&both));
        filter.toggle(1);
        assert!(!filter.shows_event(&both));
        assert!(!filter.shows_all());
    }
}
