//! The detail panel: the selected event's date as written, text, media and every source as a link.

use super::dates::{date_text, event_date_label};
use super::fresh::Fresh;
use super::look::Swatch;
use super::state::TimelineState;
use crate::core::i18n::Language;
use crate::core::model::{Event, Timeline};
use crate::core::text::Inline;
use leptos::either::Either;
use leptos::prelude::*;

/// Shows the selected event, or a short invitation to pick one.
#[component]
pub fn Detail(state: TimelineState) -> impl IntoView {
    let (timeline, selected, language) = (state.story(), state.selected, state.language);
    let heading_id = format!("{}-detail-title", state.id_prefix());
    // Another event replaces the shown one whole (see `Fresh`).
    let content = move || {
        Fresh(match selected.get() {
            None => Either::Left(view! {
                <p class="storyline-detail-empty">{language.words().select_hint}</p>
            }),
            Some(index) => Either::Right(event_view(
                &timeline,
                &timeline.events[index],
                heading_id.clone(),
                state,
            )),
        })
    };
    view! {
        <section class="storyline-detail" aria-label=language.words().event_details aria-live="off">
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
    let media = event.media.clone().map(|media| {
        let caption = media.caption.clone();
        let credit = media.credit.clone();
        view! {
            <figure class="storyline-media">
                <img src=media.url alt=media.alt loading="lazy" referrerpolicy="no-referrer" />
                {(caption.is_some() || credit.is_some())
                    .then(|| {
                        view! {
                            <figcaption>
                                {caption}
                                {credit.map(|credit| view! { <span class="storyline-credit">{credit}</span> })}
                            </figcaption>
                        }
                    })}
            </figure>
        }
    });
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
