//! The list view: the events in view as an ordered, readable list (headings, dates, text,
//! sources). For screen readers and very narrow screens it is the easiest way through a story.
//!
//! Its contents are built as DOM nodes (text as text, attributes one by one; never HTML) rather
//! than as Leptos views, like the media: an event's entry never changes once shown (a new window
//! or filter lists the events anew), and each distinct view shape adds its own copy of the
//! renderer to every reader's download.

use super::built::{Built, Nodes};
use super::dates::{event_date_label, ReaderDates};
use super::detail::{paragraph_nodes, source_nodes};
use super::media::{append, element, text_element};
use super::state::TimelineState;
use crate::core::i18n::{fill, Language};
use crate::core::model::{EventIndex, Timeline};
use crate::core::ticks::TickUnit;
use crate::core::words::DateWords;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::{Element, MouseEvent};

/// Events listed at first, and added by each "Show more".
const PAGE: usize = 50;

/// The list's own elements, and how many of the listed events they show.
struct Listing {
    timeline: Arc<Timeline>,
    language: Language,
    id_prefix: String,
    listed: Memo<Vec<EventIndex>>,
    items: Element,
    more: Element,
    shown: Cell<usize>,
}

/// The list view's section, its "Show more" listener and its effects.
pub fn list_nodes(state: TimelineState) -> Built {
    let (timeline, filter, language) = (state.story(), state.filter, state.language);
    let listed = {
        let timeline = timeline.clone();
        Memo::new(move |_| {
            let window = state.time_window();
            filter.with(|filter| {
                timeline
                    .events_overlapping(window.start, window.end)
                    .into_iter()
                    .filter(|&index| filter.shows_event(&timeline.events[index]))
                    .collect::<Vec<EventIndex>>()
            })
        })
    };
    // Built as nodes (see `Built`), anew each time the list view opens; its one listener takes
    // "Show more".
    Built::new(move || {
        let section = element(
            "section",
            "storyline-list",
            &[("aria-label", language.words().list_label)],
        )?;
        let summary = element("p", "storyline-list-summary", &[])?;
        let items = element("ol", "storyline-list-items", &[])?;
        let more = element("button", "storyline-text-button", &[("type", "button")])?;
        let _ = section.append_with_node_2(&summary, &items);
        let listing = Rc::new(Listing {
            timeline,
            language,
            id_prefix: state.id_prefix(),
            listed,
            items,
            more,
            shown: Cell::new(0),
        });
        Effect::new(move |written: Option<String>| {
            let window = state.time_window();
            let count = listed.with(Vec::len);
            let dates = ReaderDates::new(language);
            let from = dates.period(window.start, TickUnit::Year);
            let to = dates.period(window.end, TickUnit::Year);
            let text = fill(
                language.words().list_summary,
                &[
                    ("count", &language.number(count)),
                    ("from", &from),
                    ("to", &to),
                ],
            );
            // A glide moves the window every frame, mostly within the same years.
            if written.as_ref() != Some(&text) {
                summary.set_text_content(Some(&text));
            }
            text
        });
        // A new window or filter lists its events anew, from the top.
        let drawn = listing.clone();
        Effect::new(move |_| {
            listed.track();
            drawn.items.set_text_content(None);
            drawn.shown.set(0);
            drawn.show_more();
        });
        Some(Nodes {
            root: section,
            on_click: Some(Box::new(move |event: MouseEvent| {
                if event
                    .target()
                    .is_some_and(|target| target == **listing.more)
                {
                    listing.show_more();
                }
            })),
        })
    })
}

impl Listing {
    /// Adds the next page of listed events. The "Show more" button stays the same element while
    /// more remain, so it keeps keyboard focus after each press; it leaves when none remain.
    fn show_more(&self) {
        let shown = self.shown.get();
        let (end, total) = self.listed.with_untracked(|listed| {
            let end = listed.len().min(shown + PAGE);
            // A new window or filter may be listed before the effect starts the list anew.
            for &index in listed.iter().take(end).skip(shown) {
                if let Some(entry) = self.entry(index) {
                    append(&self.items, entry);
                }
            }
            (end, listed.len())
        });
        self.shown.set(end);
        let remaining = total.saturating_sub(end);
        if remaining == 0 {
            self.more.remove();
        } else {
            self.more.set_text_content(Some(&fill(
                self.language.words().show_more,
                &[("count", &self.language.number(remaining.min(PAGE)))],
            )));
            // Moved, even to its own place, it would lose focus.
            if let (None, Some(section)) = (self.more.parent_node(), self.items.parent_node()) {
                let _ = section.append_child(&self.more);
            }
        }
    }

    /// One event's entry: its title as a heading naming the entry, date and categories, text
    /// and sources.
    fn entry(&self, index: EventIndex) -> Option<Element> {
        let (timeline, language) = (&self.timeline, self.language);
        let event = &timeline.events[index];
        let heading_id = format!("{}-list-{index}", self.id_prefix);
        let item = element("li", "", &[("data-list-event-id", &event.id)])?;
        let article = element("article", "", &[("aria-labelledby", &heading_id)])?;
        let heading = element(
            "h3",
            "storyline-list-title",
            &[("id", &heading_id), ("dir", "auto")],
        )?;
        heading.set_text_content(Some(&event.title));
        append(&article, heading);
        let meta = element("p", "storyline-list-meta", &[])?;
        append(
            &meta,
            text_element(
                "span",
                "storyline-detail-date",
                &event_date_label(event, language),
            )?,
        );
        let categories: Vec<&str> = event
            .categories
            .iter()
            .map(|&category| timeline.categories[category].label.as_str())
            .collect();
        // Each name in its own direction: a Hebrew category in an English story stays whole.
        for (at, name) in categories.iter().enumerate() {
            let _ = meta.append_with_str_1(if at == 0 { " \u{b7} " } else { ", " });
            append(&meta, text_element("bdi", "", name)?);
        }
        append(&article, meta);
        let text = element("div", "storyline-detail-text", &[("dir", "auto")])?;
        paragraph_nodes(&text, event)?;
        append(&article, text);
        if !event.sources.is_empty() {
            let sources = element(
                "ul",
                "storyline-sources",
                &[("aria-label", language.words().sources)],
            )?;
            source_nodes(&sources, event, language)?;
            append(&article, sources);
        }
        append(&item, article);
        Some(item)
    }
}
