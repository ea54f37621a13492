//! The one place that measures the DOM: an element's width, kept current by a ResizeObserver.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The width of the element behind `node`, in CSS pixels; 0 until it is mounted.
pub fn use_element_width(node: NodeRef<Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0_f64);
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        set_width.set(f64::from(element.client_width()));
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let measured = entry.content_rect().width();
            // Sub-pixel jitter would re-lay out everything for nothing.
            if (measured - width.get_untracked()).abs() >= 0.5 {
                set_width.set(measured);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
        }
        // The observer lives as long as the element it watches; the browser drops both together.
        on_resize.forget();
    });
    width
}

/// How far a pointer's `clientX` is from the edge of the element where time starts: its left
/// edge, or its right edge when the timeline runs right to left.
pub fn inline_offset(node: NodeRef<Div>, client_x: f64, right_to_left: bool) -> f64 {
    let Some(rect) = node
        .get_untracked()
        .map(|element| element.get_bounding_client_rect())
    else {
        return client_x;
    };
    if right_to_left {
        rect.right() - client_x
    } else {
        client_x - rect.left()
    }
}

/// Whether the reader asked for less motion (`prefers-reduced-motion: reduce`).
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
