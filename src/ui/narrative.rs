//! Reading the story event by event, like slides: Previous and Next with "n of N" above the
//! details, a swipe on touch screens, and the optional title card with its Start button.

use super::built::{closest_of, Built, Nodes};
use super::dates::ReaderDates;
use super::media::{append, element, text_element};
use super::state::TimelineState;
use crate::core::i18n::fill;
use crate::core::model::EventIndex;
use crate::core::navigation::{self, Step};
use crate::core::ticks::TickUnit;
use crate::core::words::DateWords;
use leptos::ev::PointerEvent;
use leptos::prelude::*;
use web_sys::{Element, MouseEvent};

/// A swipe is a mostly horizontal touch move at least this long, in CSS pixels.
const SWIPE_MIN_PX: f64 = 48.0;

/// Opens the event a step leads to among the shown ones, gliding the time area just enough to
/// show it; the deep link, the host's `on_select` and the screen reader follow
/// the selection as for any other. Going back from the first event returns to the title card.
pub(crate) fn go(state: TimelineState, step: Step, title_card: bool) {
    let story = state.story();
    let from = state.selected.get_untracked();
    let next = state
        .filter
        .with_untracked(|filter| navigation::step(&story, filter, from, step));
    let Some(next) = next else {
        if title_card && step == Step::Previous && from.is_some() {
            state.current.set(None);
            state.select(None);
        }
        return;
    };
    let (start, end) = story.span(next);
    let (start, end) = (state.axis_of(start), state.axis_of(end));
    let window = state.motion.target();
    // Move no further than needed to show the event with a little room (a fitted view, whose
    // margin is larger, never moves); an event wider than the window is centred.
    let room = window.span() * 0.03;
    let shift = if end - start + 2.0 * room > window.span() {
        (start + end) / 2.0 - window.centre()
    } else if start < window.start + room {
        start - room - window.start
    } else if end > window.end - room {
        end + room - window.end
    } else {
        0.0
    };
    if shift != 0.0 {
        state.motion.glide_to(window.pan_by(shift));
    }
    state.current.set(Some(next));
    state.select(Some(next));
}

/// Where the open event stands among the shown ones, "n of N" (tracked).
pub(crate) fn position_of(state: TimelineState, index: EventIndex) -> Option<(usize, usize)> {
    let story = state.story();
    state
        .filter
        .with(|filter| navigation::position(&story, filter, index))
}

/// Previous, "n of N" and Next, above the open event. Each button is disabled where it would
/// lead nowhere; with nothing open, Next starts at the first shown event. Built as nodes (see
/// `Built`): one effect keeps the buttons' states and the progress; the detail panel's listener
/// takes both buttons' clicks (`on_step_click`; a disabled one gets none).
pub(crate) fn narrative_bar(state: TimelineState, title_card: bool) -> Option<Element> {
    let (selected, filter, language) = (state.selected, state.filter, state.language);
    let words = language.words();
    let story = state.story();
    let total = Memo::new(move |_| {
        filter.with(|filter| {
            story
                .events
                .iter()
                .filter(|e| filter.shows_event(e))
                .count()
        })
    });
    let position = Memo::new(move |_| selected.get().and_then(|index| position_of(state, index)));
    let at_start = move || match position.get() {
        Some((n, _)) => n <= 1 && !title_card,
        None => true,
    };
    let at_end = move || match position.get() {
        Some((n, total)) => n >= total,
        None => total.get() == 0,
    };
    let progress = move || match position.get() {
        Some((n, total)) => fill(
            words.narrative_position,
            &[
                ("n", &language.number(n)),
                ("total", &language.number(total)),
            ],
        ),
        None => fill(
            words.events_total,
            &[("total", &language.number(total.get()))],
        ),
    };
    let bar = element(
        "nav",
        "storyline-narrative",
        &[("aria-label", words.narrative)],
    )?;
    let previous = step_button(state, Step::Previous)?;
    let said = element("p", "storyline-progress", &[])?;
    let next = step_button(state, Step::Next)?;
    for part in [&previous, &said, &next] {
        append(&bar, part.clone());
    }
    Effect::new(move |written: Option<String>| {
        for (button, disabled) in [(&previous, at_start()), (&next, at_end())] {
            let _ = if disabled {
                button.set_attribute("disabled", "")
            } else {
                button.remove_attribute("disabled")
            };
        }
        let text = progress();
        if written.as_ref() != Some(&text) {
            said.set_text_content(Some(&text));
        }
        text
    });
    Some(bar)
}

/// A click in the detail panel that pressed Previous or Next.
pub(crate) fn on_step_click(state: TimelineState, title_card: bool, event: &MouseEvent) {
    if let Some(button) = closest_of(event.target(), ".storyline-step") {
        let next = matches!(button.closest(".storyline-step-next"), Ok(Some(_)));
        go(
            state,
            if next { Step::Next } else { Step::Previous },
            title_card,
        );
    }
}

/// Previous or Next: an arrow and a word, named for the event it leads to. One shape for both
/// (the stylesheet puts Next's arrow after its word).
fn step_button(state: TimelineState, step: Step) -> Option<Element> {
    let words = state.language.words();
    let (class, name, word, arrow) = if step == Step::Next {
        (
            "storyline-step storyline-step-next",
            words.next_event,
            words.next,
            "\u{203a}",
        )
    } else {
        (
            "storyline-step",
            words.previous_event,
            words.previous,
            "\u{2039}",
        )
    };
    let button = element("button", class, &[("type", "button"), ("aria-label", name)])?;
    append(&button, decoration("span", "storyline-arrow", arrow)?);
    let _ = button.append_with_str_1(word);
    Some(button)
}

/// The story's opening, under its title and description: how many events over which years, and
/// Start; shown while no event is open when the data or the embed asks for it. Built as nodes
/// (see `Built`): it never changes once shown.
pub(crate) fn title_card_view(state: TimelineState) -> Built {
    Built::new(move || {
        let story = state.story();
        let words = state.language.words();
        // The years the story spans ("from 1939 to 2022"); the end is exclusive, hence the second.
        let dates = ReaderDates::new(state.language);
        let span = story.extent().map_or_else(String::new, |(first, last)| {
            fill(
                words.window_span,
                &[
                    ("from", &dates.period(first, TickUnit::Year)),
                    ("to", &dates.period((last - 1.0).max(first), TickUnit::Year)),
                ],
            )
        });
        let summary = format!(
            "{}, {span}",
            fill(
                words.events_total,
                &[("total", &state.language.number(story.events.len()))]
            )
        );
        // The story's title and description are right above, in its header: the card adds
        // what a reader needs to begin.
        let card = element("div", "storyline-title-card", &[])?;
        append(
            &card,
            text_element("p", "storyline-title-card-span", &summary)?,
        );
        let start = text_element("button", "storyline-start", words.start)?;
        start.set_attribute("type", "button").ok()?;
        append(&start, decoration("span", "storyline-arrow", "\u{203a}")?);
        append(&card, start);
        Some(Nodes {
            root: card,
            on_click: Some(Box::new(move |event: MouseEvent| {
                if closest_of(event.target(), ".storyline-start").is_some() {
                    go(state, Step::Next, true);
                }
            })),
        })
    })
}

/// A decoration: text that screen readers skip.
fn decoration(tag: &str, class: &str, text: &str) -> Option<Element> {
    let decoration = element(tag, class, &[("aria-hidden", "true")])?;
    decoration.set_text_content(Some(text));
    Some(decoration)
}

/// A horizontal swipe on the details moves to the next or previous event (mirrored in
/// right-to-left languages, where later is to the left). Touch only: a mouse drag selects text.
#[derive(Clone, Copy)]
pub(crate) struct Swipe {
    start: StoredValue<Option<(i32, f64, f64)>>,
    state: TimelineState,
    title_card: bool,
}

impl Swipe {
    pub fn new(state: TimelineState, title_card: bool) -> Swipe {
        Swipe {
            start: StoredValue::new(None),
            state,
            title_card,
        }
    }

    pub fn on_pointer_down(&self, event: PointerEvent) {
        if event.pointer_type() == "touch" && event.is_primary() {
            let start = (
                event.pointer_id(),
                f64::from(event.client_x()),
                f64::from(event.client_y()),
            );
            self.start.set_value(Some(start));
        }
    }

    pub fn on_pointer_up(&self, event: PointerEvent) {
        let Some((pointer, x, y)) = self.start.get_value() else {
            return;
        };
        self.start.set_value(None);
        if pointer != event.pointer_id() || self.state.selected.get_untracked().is_none() {
            return;
        }
        let (dx, dy) = (
            f64::from(event.client_x()) - x,
            f64::from(event.client_y()) - y,
        );
        if dx.abs() < SWIPE_MIN_PX || dy.abs() * 2.0 > dx.abs() {
            return;
        }
        let towards_later = (dx < 0.0) != self.state.language.is_right_to_left();
        let step = if towards_later {
            Step::Next
        } else {
            Step::Previous
        };
        go(self.state, step, self.title_card);
    }

    pub fn on_pointer_cancel(&self) {
        self.start.set_value(None);
    }
}
