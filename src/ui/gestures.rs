//! Feeds the time area's DOM events to the core's gesture machine (`core::gesture`) and applies
//! what it answers: captures pointers, prevents the page's own scrolling, moves the view.

use super::measure::inline_offset;
use super::motion::Motion;
use super::state::TimelineState;
use crate::core::gesture::{Gestures, Intent, Pointer, PointerKind, Response, Wheel};
use leptos::ev::{MouseEvent, PointerEvent, WheelEvent};
use leptos::html::Div;
use leptos::prelude::*;

/// The gestures of one time area: `on_*` take the matching DOM events of `stage` (see `timeline`).
#[derive(Clone, Copy)]
pub struct StageGestures {
    machine: StoredValue<Gestures>,
    stage: NodeRef<Div>,
    width: ReadSignal<f64>,
    motion: Motion,
    right_to_left: bool,
}

impl StageGestures {
    pub fn new(stage: NodeRef<Div>, state: TimelineState) -> StageGestures {
        StageGestures {
            machine: StoredValue::new(Gestures::default()),
            stage,
            width: state.width,
            motion: state.motion,
            right_to_left: state.language.is_right_to_left(),
        }
    }

    /// Whether a click on an item should act: not the click that ends a drag or a pinch.
    pub fn take_click(&self) -> bool {
        self.machine
            .try_update_value(|machine| machine.take_click())
            .unwrap_or(true)
    }

    pub fn on_wheel(&self, event: WheelEvent) {
        let wheel = Wheel {
            delta_x: event.delta_x(),
            delta_y: event.delta_y(),
            delta_mode: event.delta_mode(),
            zoom_key: event.ctrl_key() || event.meta_key(),
            shift_key: event.shift_key(),
            x: self.x(event.client_x()),
        };
        let intent = self.machine.with_value(|machine| {
            machine.wheel(wheel, self.right_to_left, self.window(), self.width())
        });
        // No intent: a plain vertical wheel, left to scroll the page.
        if let Some(intent) = intent {
            event.prevent_default();
            self.apply(intent);
        }
    }

    pub fn on_pointer_down(&self, event: PointerEvent) {
        let pointer = self.pointer(&event);
        let (window, width) = (self.window(), self.width());
        let response = self
            .machine
            .try_update_value(|machine| machine.pointer_down(pointer, window, width));
        self.respond(response);
    }

    pub fn on_pointer_move(&self, event: PointerEvent) {
        let pointer = self.pointer(&event);
        let width = self.width();
        let response = self
            .machine
            .try_update_value(|machine| machine.pointer_move(pointer, width));
        self.respond(response);
    }

    pub fn on_pointer_up(&self, event: PointerEvent) {
        let pointer = self.pointer(&event);
        let (window, width) = (self.window(), self.width());
        let now = js_sys::Date::now();
        let response = self
            .machine
            .try_update_value(|machine| machine.pointer_up(pointer, now, window, width));
        self.respond(response);
    }

    pub fn on_double_click(&self, event: MouseEvent) {
        let x = self.x(event.client_x());
        let intent = self
            .machine
            .with_value(|machine| machine.double_click(x, self.window(), self.width()));
        if let Some(intent) = intent {
            self.apply(intent);
        }
    }

    fn respond(&self, response: Option<Response>) {
        let Some(response) = response else { return };
        if let Some(element) = self.stage.get_untracked() {
            for pointer_id in response.capture.into_iter().flatten() {
                let _ = element.set_pointer_capture(pointer_id);
            }
        }
        if let Some(intent) = response.intent {
            self.apply(intent);
        }
    }

    fn apply(&self, intent: Intent) {
        match intent {
            Intent::Show(window) => self.motion.jump(window),
            Intent::GlideZoom { factor, anchor } => self
                .motion
                .glide_by(|window| window.zoom_around(factor, anchor)),
        }
    }

    fn pointer(&self, event: &PointerEvent) -> Pointer {
        Pointer {
            id: event.pointer_id(),
            kind: match event.pointer_type().as_str() {
                "touch" => PointerKind::Touch,
                "pen" => PointerKind::Pen,
                _ => PointerKind::Mouse,
            },
            x: self.x(event.client_x()),
            main_button: event.button() == 0,
        }
    }

    /// Pixels from where time starts: the left edge, or the right in right-to-left languages.
    fn x(&self, client_x: i32) -> f64 {
        inline_offset(self.stage, f64::from(client_x), self.right_to_left)
    }

    fn window(&self) -> crate::core::viewport::Viewport {
        self.motion.viewport.get_untracked()
    }

    fn width(&self) -> f64 {
        self.width.get_untracked()
    }
}
