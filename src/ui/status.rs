//! What the timeline says in words beside the picture: how many events the filter shows, and,
//! for screen readers, the event the keyboard or the selection moved to.

use super::dates::event_date_label;
use super::narrative::position_of;
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
                &[("total", &language.number(total))],
            )
        } else {
            fill(
                language.words().events_shown,
                &[
                    ("shown", &language.number(shown)),
                    ("total", &language.number(total)),
                ],
            )
        }
    };
    view! { <p class="storyline-count" aria-live="polite">{text}</p> }
}

/// What a screen reader hears when the keyboard's place or the selection moves: the event's
/// title, its date and where it stands among the shown events ("3 of 19"); nothing more.
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
                let mut heard = format!("{}, {}", event.title, event_date_label(event, language));
                // Where it stands in the story, as the narrative bar shows it ("3 of 19").
                if let Some((n, total)) = position_of(state, index) {
                    heard.push_str(", ");
                    heard.push_str(&fill(
                        language.words().narrative_position,
                        &[
                            ("n", &language.number(n)),
                            ("total", &language.number(total)),
                        ],
                    ));
                }
                heard
            })
            .unwrap_or_default()
    };
    view! {
        <p class="storyline-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
    }
}
