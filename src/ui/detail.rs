//! The detail panel: the selected event's date as written, text, media and every source as a link.

use super::built::{mount_into, Built, Nodes};
use super::dates::{date_text, event_date_label};
use super::look::category_color;
use super::media::{append, element, media_figure, play, text_element};
use super::narrative::{narrative_bar, title_card_view};
use super::state::TimelineState;
use crate::core::i18n::Language;
use crate::core::model::{Event, EventIndex, Timeline};
use crate::core::text::Inline;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent};

/// Shows the selected event, or a short invitation to pick one; built in the timeline's shell
/// as nodes (see `Built` for why), with the narrative bar and the shown content in it. Its
/// listeners (a swipe, the step buttons) are registered with the timeline's.
///
/// `title_card`: with nothing open, show the story's title card instead of the invitation.
pub fn detail_panel(state: TimelineState, title_card: bool) -> Option<Element> {
    let (timeline, selected, language) = (state.story(), state.selected, state.language);
    let heading_id = format!("{}-detail-title", state.id_prefix());
    // Another event replaces the shown one whole (see `Built`).
    let content = move || match selected.get() {
        None if title_card => title_card_view(state),
        None => Built::new(move || {
            text_element("p", "storyline-detail-empty", language.words().select_hint)
                .map(Nodes::plain)
        }),
        Some(index) => event_view(timeline.clone(), index, heading_id.clone(), state),
    };
    let panel = element(
        "section",
        "storyline-detail",
        &[
            ("aria-label", language.words().event_details),
            ("aria-live", "off"),
        ],
    )?;
    append(&panel, narrative_bar(state, title_card)?);
    // The shown content's reactive state lives as long as the panel.
    StoredValue::new_local(mount_into(content, &panel));
    Some(panel)
}

/// The event's text as paragraphs in `parent`, its links as real links (built as nodes, never
/// HTML).
pub(super) fn paragraph_nodes(parent: &Element, event: &Event) -> Option<()> {
    for paragraph in event.paragraphs() {
        let node = element("p", "", &[])?;
        for piece in paragraph {
            match piece {
                Inline::Text(text) => {
                    let _ = node.append_with_str_1(&text);
                }
                Inline::Link { label, url } => append(&node, link("", &url, &label)?),
            }
        }
        append(parent, node);
    }
    Some(())
}

/// Each source in `parent` as an item "Publisher — Title", linked, with its date.
pub(super) fn source_nodes(parent: &Element, event: &Event, language: Language) -> Option<()> {
    for source in &event.sources {
        let item = element("li", "", &[])?;
        append(
            &item,
            link("storyline-source", &source.url, &source.link_text())?,
        );
        if let Some(date) = &source.date {
            append(
                &item,
                text_element("span", "storyline-source-date", &date_text(date, language))?,
            );
        }
        append(parent, item);
    }
    Some(())
}

/// A link that opens in a new tab, telling the page it leads to nothing about this one.
fn link(class: &str, url: &str, text: &str) -> Option<Element> {
    let link = element(
        "a",
        class,
        &[
            ("href", url),
            ("target", "_blank"),
            ("rel", "noopener noreferrer"),
            // A link's words (a source's title, a label in the text) keep their own direction.
            ("dir", "auto"),
        ],
    )?;
    link.set_text_content(Some(text));
    Some(link)
}

/// The open event, built as DOM nodes: it never changes once shown (another event replaces the
/// article whole). Its one listener closes it or, in the media, loads the provider's player.
fn event_view(
    timeline: Arc<Timeline>,
    index: EventIndex,
    heading_id: String,
    state: TimelineState,
) -> Built {
    Built::new(move || {
        let language = state.language;
        let event = &timeline.events[index];
        let (figure, player) = event
            .media
            .clone()
            .and_then(|media| media_figure(media, &event.title, language))
            .unzip();
        let player = player.flatten();
        let (head, tail) = event_nodes(&timeline, event, &heading_id, language)?;
        let article = element(
            "article",
            "storyline-detail-event",
            &[("aria-labelledby", &heading_id)],
        )?;
        let close = head[0].clone();
        for node in head.into_iter().chain(figure).chain(tail) {
            append(&article, node);
        }
        Some(Nodes {
            root: article,
            on_click: Some(Box::new(move |event: MouseEvent| {
                if event.target().is_some_and(|target| target == **close) {
                    state.select(None);
                } else {
                    play(&event, player.as_ref());
                }
            })),
        })
    })
}

/// What comes before the media (close button, date, title, categories, text) and after it (the
/// sources).
fn event_nodes(
    timeline: &Timeline,
    event: &Event,
    heading_id: &str,
    language: Language,
) -> Option<([Element; 5], Vec<Element>)> {
    let words = language.words();
    let close = text_element("button", "storyline-close", "\u{00d7}")?;
    close.set_attribute("type", "button").ok()?;
    close
        .set_attribute("aria-label", words.close_details)
        .ok()?;
    let date = text_element(
        "p",
        "storyline-detail-date",
        &event_date_label(event, language),
    )?;
    let title = text_element("h3", "storyline-detail-title", &event.title)?;
    title.set_attribute("id", heading_id).ok()?;
    title.set_attribute("dir", "auto").ok()?;
    let tags = element("ul", "storyline-tags", &[("aria-label", words.categories)])?;
    for &category in &event.categories {
        let category = &timeline.categories[category];
        let tag = element("li", "storyline-tag", &[])?;
        let swatch: HtmlElement = element("span", "storyline-swatch", &[])?.unchecked_into();
        // Through the CSSOM: a host's Content-Security-Policy may refuse `style` attributes.
        let _ = swatch
            .style()
            .set_property("background-color", &category_color(category));
        append(&tag, swatch.into());
        append(&tag, text_element("bdi", "", &category.label)?);
        append(&tags, tag);
    }
    let text = element("div", "storyline-detail-text", &[("dir", "auto")])?;
    paragraph_nodes(&text, event)?;
    let mut tail = Vec::new();
    if !event.sources.is_empty() {
        tail.push(text_element(
            "h4",
            "storyline-sources-title",
            words.sources,
        )?);
        let sources = element("ul", "storyline-sources", &[])?;
        source_nodes(&sources, event, language)?;
        tail.push(sources);
    }
    Some(([close, date, title, tags, text], tail))
}
