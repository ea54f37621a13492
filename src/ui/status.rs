//! What the timeline says in words beside the picture: how many events the filter shows, and,
//! for screen readers, the event the keyboard or the selection moved to.

use super::dates::event_date_label;
use super::media::element;
use super::narrative::position_of;
use super::state::TimelineState;
use crate::core::i18n::fill;
use leptos::prelude::*;
use web_sys::Element;

/// A live region holding `text`, rewritten by one effect only when the text changes, so a screen
/// reader does not hear an unchanged text again. It holds its first text from the start (a live
/// region filled after it appears could be read out).
fn live_text(
    class: &str,
    attributes: &[(&str, &str)],
    text: impl Fn() -> String + 'static,
) -> Option<Element> {
    let region = element("p", class, attributes)?;
    let mut written = untrack(&text);
    region.set_text_content(Some(&written));
    let shown = region.clone();
    Effect::new(move |_| {
        let now = text();
        if now != written {
            shown.set_text_content(Some(&now));
            written = now;
        }
    });
    Some(region)
}

/// "12 events", or "5 of 12 events" while a filter hides some; read out when it changes.
pub fn event_count(state: TimelineState) -> Option<Element> {
    let (story, filter, language) = (state.story(), state.filter, state.language);
    let total = story.events.len();
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
    live_text("storyline-count", &[("aria-live", "polite")], text)
}

/// What a screen reader hears when the keyboard's place or the selection moves: the event's
/// title, its date and where it stands among the shown events ("3 of 19"); nothing more.
pub fn selection_announcement(state: TimelineState) -> Option<Element> {
    let (story, current, selected, language) =
        (state.story(), state.current, state.selected, state.language);
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
    live_text(
        "storyline-visually-hidden",
        &[("aria-live", "polite"), ("aria-atomic", "true")],
        announcement,
    )
}
