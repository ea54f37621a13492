//! The list view: the events in view as an ordered, readable list (headings, dates, text,
//! sources). For screen readers and very narrow screens it is the easiest way through a story.

use super::dates::event_date_label;
use super::dates::ReaderDates;
use super::detail::{paragraphs_view, sources_view};
use super::fresh::Fresh;
use super::state::TimelineState;
use crate::core::i18n::fill;
use crate::core::model::EventIndex;
use crate::core::ticks::TickUnit;
use crate::core::words::DateWords;
use leptos::prelude::*;

/// Events listed at first, and added by each "Show more".
const PAGE: usize = 50;

#[component]
pub fn ListView(state: TimelineState) -> impl IntoView {
    let (timeline, filter, language) = (state.story(), state.filter, state.language);
    let id_prefix = state.id_prefix();
    let limit = RwSignal::new(PAGE);
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
    // A new window or filter starts the list from the top again.
    Effect::new(move |_| {
        listed.track();
        limit.set(PAGE);
    });
    let summary = move || {
        let window = state.time_window();
        let count = listed.with(Vec::len);
        let dates = ReaderDates::new(language);
        let from = dates.period(window.start, TickUnit::Year);
        let to = dates.period(window.end, TickUnit::Year);
        fill(
            language.words().list_summary,
            &[("count", &count.to_string()), ("from", &from), ("to", &to)],
        )
    };
    // A new window, filter or page lists its events anew (see `Fresh`).
    let items = move || {
        let shown = limit.get();
        Fresh(listed.with(|listed| {
            listed
                .iter()
                .take(shown)
                .map(|&index| {
                    let event = &timeline.events[index];
                    let heading = format!("{id_prefix}-list-{index}");
                    let labelled_by = heading.clone();
                    let categories: Vec<_> = event
                        .categories
                        .iter()
                        .map(|&category| timeline.categories[category].label.clone())
                        .collect();
                    view! {
                        <li data-list-event-id=event.id.clone()>
                            <article aria-labelledby=labelled_by>
                                <h3 id=heading class="storyline-list-title" dir="auto">{event.title.clone()}</h3>
                                <p class="storyline-list-meta">
                                    <span class="storyline-detail-date">{event_date_label(event, language)}</span>
                                    " \u{b7} "
                                    {categories.join(", ")}
                                </p>
                                <div class="storyline-detail-text" dir="auto">{paragraphs_view(event)}</div>
                                {(!event.sources.is_empty())
                                    .then(|| view! { <ul class="storyline-sources" aria-label=language.words().sources>{sources_view(event, language)}</ul> })}
                            </article>
                        </li>
                    }
                })
                .collect_view()
        }))
    };
    let remaining = move || listed.with(Vec::len).saturating_sub(limit.get());
    // Shown anew each time the list view opens (see `Fresh`).
    Fresh(view! {
        <section class="storyline-list" aria-label=language.words().list_label>
            <p class="storyline-list-summary">{summary}</p>
            <ol class="storyline-list-items">{items}</ol>
            // Patched, not rebuilt, while more remain: the button keeps focus after each press.
            {move || (remaining() > 0).then(|| view! {
                <button type="button" class="storyline-text-button" on:click=move |_| limit.update(|limit| *limit += PAGE)>
                    {move || fill(language.words().show_more, &[("count", &remaining().min(PAGE).to_string())])}
                </button>
            })}
        </section>
    })
}
