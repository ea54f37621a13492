//! The detail panel: the selected event's date as written, text, media and every source as a link.

use super::dates::{date_text, event_date_label};
use super::fresh::Fresh;
use super::look::Swatch;
use super::media::media_view;
use super::narrative::{title_card_view, NarrativeBar, Swipe};
use super::state::TimelineState;
use crate::core::i18n::Language;
use crate::core::model::{Event, Timeline};
use crate::core::text::Inline;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// Shows the selected event, or a short invitation to pick one.
///
/// `title_card`: with nothing open, show the story's title card instead of the invitation.
#[component]
pub fn Detail(state: TimelineState, title_card: bool) -> impl IntoView {
    let (timeline, selected, language) = (state.story(), state.selected, state.language);
    let heading_id = format!("{}-detail-title", state.id_prefix());
    let swipe = Swipe::new(state, title_card);
    // Another event replaces the shown one whole (see `Fresh`).
    let content = move || {
        Fresh(match selected.get() {
            None if title_card => EitherOf3::A(title_card_view(state)),
            None => EitherOf3::B(view! {
                <p class="storyline-detail-empty">{language.words().select_hint}</p>
            }),
            Some(index) => EitherOf3::C(event_view(
                &timeline,
                &timeline.events[index],
                heading_id.clone(),
                state,
            )),
        })
    };
    view! {
        <section
            class="storyline-detail"
            aria-label=language.words().event_details
            aria-live="off"
            on:pointerdown=move |event| swipe.on_pointer_down(event)
            on:pointerup=move |event| swipe.on_pointer_up(event)
            on:pointercancel=move |_| swipe.on_pointer_cancel()
        >
            <NarrativeBar state=state title_card=title_card />
            {content}
        </section>
    }
}

/// The event's text as paragraphs, its links as real links (built as nodes, never HTML).
pub(crate) fn paragraphs_view(event: &Event) -> impl IntoView {
    event
        .paragraphs()
        .iter()
        .map(|paragraph| {
            let pieces = paragraph
                .iter()
                .map(|piece| match piece {
                    Inline::Text(text) => Either::Left(text.clone()),
                    Inline::Link { label, url } => Either::Right(view! {
                        <a href=url.clone() target="_blank" rel="noopener noreferrer">{label.clone()}</a>
                    }),
                })
                .collect_view();
            view! { <p>{pieces}</p> }
        })
        .collect_view()
}

/// Each source as "Publisher — Title", linked, with its date.
pub(crate) fn sources_view(event: &Event, language: Language) -> impl IntoView {
    event
        .sources
        .iter()
        .map(|source| {
            view! {
                <li>
                    <a
                        class="storyline-source"
                        href=source.url.clone()
                        target="_blank"
                        rel="noopener noreferrer"
                    >
                        {source.link_text()}
                    </a>
                    {source.date.map(|date| view! { <span class="storyline-source-date">{date_text(&date, language)}</span> })}
                </li>
            }
        })
        .collect_view()
}

fn event_view(
    timeline: &Timeline,
    event: &Event,
    heading_id: String,
    state: TimelineState,
) -> impl IntoView {
    let language = state.language;
    let categories = event
        .categories
        .iter()
        .map(|&category| {
            let category = &timeline.categories[category];
            view! {
                <li class="storyline-tag">
                    <Swatch category=category />
                    {category.label.clone()}
                </li>
            }
        })
        .collect_view();
    let paragraphs = paragraphs_view(event);
    let media = event
        .media
        .clone()
        .map(|media| media_view(media, &event.title, language));
    let sources = sources_view(event, language);
    let has_sources = !event.sources.is_empty();
    let labelled_by = heading_id.clone();
    view! {
        <article class="storyline-detail-event" aria-labelledby=labelled_by>
            <button
                type="button"
                class="storyline-close"
                aria-label=language.words().close_details
                on:click=move |_| state.select(None)
            >
                "\u{00d7}"
            </button>
            <p class="storyline-detail-date">{event_date_label(event, language)}</p>
            <h3 id=heading_id class="storyline-detail-title" dir="auto">{event.title.clone()}</h3>
            <ul class="storyline-tags" aria-label=language.words().categories>{categories}</ul>
            <div class="storyline-detail-text" dir="auto">{paragraphs}</div>
            {media}
            {has_sources
                .then(|| {
                    view! {
                        <h4 class="storyline-sources-title">{language.words().sources}</h4>
                        <ul class="storyline-sources">{sources}</ul>
                    }
                })}
        </article>
    }
}
