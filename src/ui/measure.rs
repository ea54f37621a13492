//! The one place that measures the DOM: an element's width, kept current by a ResizeObserver.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A ResizeObserver with its callback; dropping it stops the observing and frees the callback.
struct Watch {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// When what depends on an element's width first gets it.
#[derive(Clone, Copy, PartialEq)]
pub enum FirstWidth {
    /// In the first frame's observer callback: drawn and painted in that frame.
    InTheFrame,
    /// In a task of its own after that frame has painted the shell around it: the frame's style
    /// and layout, the drawing, and the next frame's style and layout are three tasks instead of
    /// one long one that holds the page (a frame later on screen).
    NextTask,
}

/// Stories up to this many events are drawn in their first frame: at 100 events the whole first
/// render holds the page for no long task (`make bench`), while at 1,000 the first frame's task
/// alone took 65–150 ms on the bench's machine.
const DRAWN_IN_THE_FRAME: usize = 500;

impl FirstWidth {
    /// When a story of `events` events is first drawn.
    pub fn for_story(events: usize) -> FirstWidth {
        if events <= DRAWN_IN_THE_FRAME {
            FirstWidth::InTheFrame
        } else {
            FirstWidth::NextTask
        }
    }
}

/// The width of the element behind `node`, in CSS pixels; 0 until it is mounted and laid out,
/// then kept current by a ResizeObserver. Its first report comes in the first frame, after that
/// frame's layout, so what depends on the width is built once, for the real width (given to it
/// as `first` says); measuring at once instead would force a layout in the middle of building
/// the page. The observer is released when the component that asked is unmounted (an embed
/// taken off a page, say).
pub fn use_element_width(node: NodeRef<Div>, first: FirstWidth) -> ReadSignal<f64> {
    let (width, set_width) = signal(0.0_f64);
    let watch = StoredValue::new_local(None::<Watch>);
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let measured = entry.content_rect().width();
            let Some(known) = width.try_get_untracked() else {
                return;
            };
            // Sub-pixel jitter would re-lay out everything for nothing.
            if (measured - known).abs() < 1.0 {
                return;
            }
            if known == 0.0 && first == FirstWidth::NextTask {
                set_timeout(
                    move || {
                        set_width.try_set(measured);
                    },
                    std::time::Duration::ZERO,
                );
            } else {
                set_width.set(measured);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&element);
        // Replacing an earlier watch (the element was swapped) drops it, which disconnects it.
        watch.set_value(Some(Watch {
            observer,
            _on_resize: on_resize,
        }));
    });
    on_cleanup(move || {
        watch.try_update_value(|watch| *watch = None);
    });
    width
}

/// How far a pointer's `clientX` is from the edge of the element where time starts: its left
/// edge, or its right edge when the timeline runs right to left.
pub fn inline_offset(node: NodeRef<Div>, client_x: f64, right_to_left: bool) -> f64 {
    let Some(rect) = node
        .try_get_untracked()
        .flatten()
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
