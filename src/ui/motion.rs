//! Smooth changes of the visible window: button, key and overview zooms glide there in a few
//! frames (unless the reader prefers reduced motion); wheel, drag and pinch follow at once.

use super::measure::prefers_reduced_motion;
use crate::core::viewport::Viewport;
use leptos::prelude::*;

/// How long a glide takes, in milliseconds.
const GLIDE_MS: f64 = 220.0;

#[derive(Clone, Copy, Debug, PartialEq)]
struct Glide {
    from: Viewport,
    to: Viewport,
    started_ms: f64,
}

/// The window shown, and the glide towards another one, if any.
#[derive(Clone, Copy)]
pub struct Motion {
    pub viewport: RwSignal<Viewport>,
    glide: StoredValue<Option<Glide>>,
}

impl Motion {
    pub fn new(initial: Viewport) -> Motion {
        Motion {
            viewport: RwSignal::new(initial),
            glide: StoredValue::new(None),
        }
    }

    /// Where the window is going: the end of the glide under way, else where it is.
    pub fn target(&self) -> Viewport {
        self.glide
            .get_value()
            .map_or_else(|| self.viewport.get_untracked(), |glide| glide.to)
    }

    /// Shows `window` at once, ending any glide.
    pub fn jump(&self, window: Viewport) {
        self.glide.set_value(None);
        self.viewport.set(window);
    }

    /// Moves to `window` over a few frames.
    pub fn glide_to(&self, window: Viewport) {
        if prefers_reduced_motion() {
            self.jump(window);
            return;
        }
        let already_running = self.glide.get_value().is_some();
        self.glide.set_value(Some(Glide {
            from: self.viewport.get_untracked(),
            to: window,
            started_ms: js_sys::Date::now(),
        }));
        if !already_running {
            self.schedule_frame();
        }
    }

    /// Applies `change` to the target and glides there, so repeated clicks add up.
    pub fn glide_by(&self, change: impl FnOnce(&Viewport) -> Viewport) {
        let target = self.target();
        self.glide_to(change(&target));
    }

    fn schedule_frame(self) {
        request_animation_frame(move || self.frame());
    }

    fn frame(self) {
        // Nothing to do once the glide ended, or once the timeline was unmounted mid-glide.
        let Some(glide) = self.glide.try_get_value().flatten() else {
            return;
        };
        let progress = (js_sys::Date::now() - glide.started_ms) / GLIDE_MS;
        if progress >= 1.0 {
            self.jump(glide.to);
            return;
        }
        // Ease out: quick to respond, gentle to settle.
        let eased = 1.0 - (1.0 - progress).powi(3);
        self.viewport.set(glide.from.towards(&glide.to, eased));
        self.schedule_frame();
    }
}
