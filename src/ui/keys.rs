//! The timeline's keys: zoom and fit anywhere in it, arrows to pan the time area, arrows (and
//! j/k, Home, End) to move among the events, Escape to close an event; and keeping keyboard focus
//! on the event it moved to while the scene redraws.

use super::built::closest_of;
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use crate::core::model::EventIndex;
use crate::core::navigation::Step;
use leptos::ev::KeyboardEvent;
use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Arrow keys pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;

/// The keys of one timeline: `on_*` take the keydowns of the matching elements (see `timeline`).
#[derive(Clone, Copy)]
pub struct TimelineKeys {
    /// The timeline's root element, where focus is looked for.
    root: NodeRef<Section>,
    state: TimelineState,
}

impl TimelineKeys {
    pub fn new(root: NodeRef<Section>, state: TimelineState) -> TimelineKeys {
        TimelineKeys { root, state }
    }

    /// Anywhere in the timeline: `+` and `-` zoom, `0` fits every shown event, Escape closes the
    /// open event and puts focus back on it.
    pub fn on_root_key(&self, event: KeyboardEvent) {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let state = self.state;
        match event.key().as_str() {
            "+" | "=" => state.zoom_at_centre(ZOOM_STEP),
            "-" | "_" => state.zoom_at_centre(1.0 / ZOOM_STEP),
            "0" => state.fit_all(),
            "Escape" if state.selected.get_untracked().is_some() => {
                let was = state.selected.get_untracked();
                state.select(None);
                if let Some(index) = was {
                    self.focus_event(index);
                }
            }
            _ => return,
        }
        event.prevent_default();
    }

    /// The time area itself (not an event in it): arrows pan the way time runs on screen.
    pub fn on_stage_key(&self, event: KeyboardEvent) {
        if event.target() != event.current_target() {
            return;
        }
        let direction = match (event.key().as_str(), self.right_to_left()) {
            ("ArrowLeft", false) | ("ArrowRight", true) => -1.0,
            ("ArrowRight", false) | ("ArrowLeft", true) => 1.0,
            _ => return,
        };
        event.prevent_default();
        self.state
            .motion
            .glide_by(|window| window.pan_by(direction * KEY_PAN_FRACTION * window.span()));
    }

    /// On an event: arrows (the way time runs), `j`/`k`, Home and End move to another shown
    /// event, and focus follows.
    pub fn on_events_key(&self, event: KeyboardEvent) {
        let step = match (event.key().as_str(), self.right_to_left()) {
            ("ArrowLeft", false) | ("ArrowRight", true) | ("k" | "K", _) => Step::Previous,
            ("ArrowRight", false) | ("ArrowLeft", true) | ("j" | "J", _) => Step::Next,
            ("Home", _) => Step::First,
            ("End", _) => Step::Last,
            _ => return,
        };
        let Some(from) = event_index_of(event.target()) else {
            return;
        };
        event.prevent_default();
        event.stop_propagation();
        if let Some(next) = self.state.step(Some(from), step) {
            self.focus_event(next);
        }
    }

    fn right_to_left(&self) -> bool {
        self.state.language.is_right_to_left()
    }

    /// Moves keyboard focus to an event's button. The button may be drawn only on the next
    /// render, and a re-render may move it (which drops focus), so focus is asserted again after
    /// the next tick and the next frame.
    fn focus_event(&self, index: EventIndex) {
        let root = self.root;
        let ensure_focus = move || {
            // Runs again after a tick and a frame, by which time the timeline may be unmounted.
            let Some(button) = root
                .try_get_untracked()
                .flatten()
                .and_then(|root| {
                    root.query_selector(&format!("[data-index='{index}'] button"))
                        .ok()
                        .flatten()
                })
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let focused = document().active_element();
            if focused.as_ref() != Some(button.as_ref()) {
                let _ = button.focus();
            }
        };
        ensure_focus();
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            ensure_focus();
            request_animation_frame(ensure_focus);
        });
    }
}

/// The event index stored on the element (or its nearest ancestor) an event came from.
fn event_index_of(target: Option<web_sys::EventTarget>) -> Option<EventIndex> {
    closest_of(target, "[data-index]")?
        .get_attribute("data-index")?
        .parse()
        .ok()
}
