//! What the timeline says in words beside the picture: how many events the filter shows, and,
//! for screen readers, the event the keyboard or the selection moved to.

use super::dates::event_date_label;
use super::state::TimelineState;
use crate::core::i18n::fill;
use leptos::prelude::*;

/// "12 events", or "5 of 12 events" while a filter hides some; read out when it changes.
#[component]
pub fn EventCount(state: TimelineState) -> impl IntoView {
    let (story, filter, language) = (state.story(), state.filter, state.language);
    let total = story.events.len();
    // No memo needed: a text node is written only when its text changes, so an equal count is
    // not read out again.
    let text = move || {
        let shown = filter.with(|filter| {
            story
                .events
                .iter()
                .filter(|e| filter.shows_event(e))
                .count()
        });
        if shown == total {
            fill(
                language.words().events_total,
                &[("total", &total.to_string())],
            )
        } else {
            fill(
                language.words().events_shown,
                &[("shown", &shown.to_string()), ("total", &total.to_string())],
            )
        }
    };
    view! { <p class="storyline-count" aria-live="polite">{text}</p> }
}

/// What a screen reader hears when the keyboard's place or the selection moves: the event's
/// title and date only.
#[component]
pub fn SelectionAnnouncement(state: TimelineState) -> impl IntoView {
    let (story, current, selected, language) =
        (state.story(), state.current, state.selected, state.language);
    // As with the count, an unchanged announcement leaves its text node alone.
    let announcement = move || {
        current
            .get()
            .or(selected.get())
            .map(|index| {
                let event = &story.events[index];
                format!("{}, {}", event.title, event_date_label(event, language))
            })
            .unwrap_or_default()
    };
    view! {
        <p class="storyline-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
    }
}
