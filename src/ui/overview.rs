//! The overview strip under the timeline: the whole story with its event density, and the visible
//! window as a brush to drag (pan), resize by its edges (zoom) or click beside (jump).

use super::dates::ReaderDates;
use super::look::px;
use super::measure::{inline_offset, use_element_width};
use super::state::TimelineState;
use crate::core::i18n::fill;
use crate::core::overview::Overview;
use crate::core::ticks::TickUnit;
use crate::core::viewport::Viewport;
use crate::core::words::DateWords;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Margin around the story on the strip, as a fraction of its span.
const MARGIN: f64 = 0.02;
/// Width of one density bar, in pixels.
const BAR_WIDTH: f64 = 4.0;
/// The brush never gets narrower than this, so a deep zoom stays visible and grabbable.
const MIN_BRUSH_WIDTH: f64 = 10.0;
/// Arrow keys on the brush pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Grip {
    Body,
    Start,
    End,
}

#[derive(Clone, Copy, Debug)]
struct BrushDrag {
    grip: Grip,
    pointer_id: i32,
    start_x: f64,
    start_window: Viewport,
}

#[component]
pub fn OverviewStrip(state: TimelineState) -> impl IntoView {
    let (timeline, filter, motion, language) =
        (state.story(), state.filter, state.motion, state.language);
    let rtl = language.is_right_to_left();
    let dates = ReaderDates::new(language);
    let track = NodeRef::<Div>::new();
    let width = use_element_width(track);
    let (first, last) = timeline.extent().unwrap_or((0.0, 1.0));
    let overview = Memo::new(move |_| Overview::new(first, last, MARGIN, width.get()));
    let density = Memo::new(move |_| {
        let bins = (width.get() / BAR_WIDTH).floor().max(1.0) as usize;
        filter.with(|filter| overview.get().density(&timeline, filter, bins))
    });
    let brush = Memo::new(move |_| {
        overview
            .get()
            .brush(&motion.viewport.get(), MIN_BRUSH_WIDTH)
    });
    let drag = StoredValue::new(None::<BrushDrag>);

    let on_pointer_down = move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let grip = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-grip]").ok().flatten())
            .and_then(|element| element.get_attribute("data-grip"));
        let grip = match grip.as_deref() {
            Some("start") => Grip::Start,
            Some("end") => Grip::End,
            Some(_) => Grip::Body,
            None => {
                // A press beside the brush jumps there; holding on drags from there.
                let x = inline_offset(track, f64::from(event.client_x()), rtl);
                let target = overview.get_untracked().jump(&motion.target(), x);
                motion.jump(target);
                Grip::Body
            }
        };
        event.prevent_default();
        if let Some(element) = track.get_untracked() {
            let _ = element.set_pointer_capture(event.pointer_id());
        }
        drag.set_value(Some(BrushDrag {
            grip,
            pointer_id: event.pointer_id(),
            start_x: inline_offset(track, f64::from(event.client_x()), rtl),
            start_window: motion.viewport.get_untracked(),
        }));
    };
    let on_pointer_move = move |event: PointerEvent| {
        let Some(current) = drag.get_value() else {
            return;
        };
        if current.pointer_id != event.pointer_id() {
            return;
        }
        let dx = inline_offset(track, f64::from(event.client_x()), rtl) - current.start_x;
        let overview = overview.get_untracked();
        let start = overview.brush(&current.start_window, 0.0);
        let window = match current.grip {
            Grip::Body => overview.drag(&current.start_window, dx),
            Grip::Start => overview.window(start.left + dx, start.right),
            Grip::End => overview.window(start.left, start.right + dx),
        };
        motion.jump(window);
    };
    let on_pointer_up = move |_: PointerEvent| drag.set_value(None);
    let on_brush_key = move |event: KeyboardEvent| {
        let direction = match event.key().as_str() {
            "ArrowDown" => -1.0,
            "ArrowUp" => 1.0,
            "ArrowLeft" => {
                if rtl {
                    1.0
                } else {
                    -1.0
                }
            }
            "ArrowRight" => {
                if rtl {
                    -1.0
                } else {
                    1.0
                }
            }
            _ => return,
        };
        event.prevent_default();
        event.stop_propagation();
        motion.glide_by(|window| window.pan_by(direction * KEY_PAN_FRACTION * window.span()));
    };

    let bars = move || {
        let counts = density.get();
        let tallest = counts.iter().copied().max().unwrap_or(0).max(1);
        counts
            .iter()
            .enumerate()
            .filter(|(_, &count)| count > 0)
            .map(|(bin, &count)| {
                let height = 4.0 + 20.0 * f64::from(count) / f64::from(tallest);
                view! {
                    <span
                        class="storyline-density-bar"
                        style:inset-inline-start=px(bin as f64 * BAR_WIDTH)
                        style:height=px(height)
                    ></span>
                }
            })
            .collect_view()
    };
    let window_text = move || {
        let window = motion.viewport.get();
        let from = dates.period(window.start, TickUnit::Year);
        let to = dates.period(window.end, TickUnit::Year);
        fill(
            language.words().window_span,
            &[("from", &from), ("to", &to)],
        )
    };
    let position = move || {
        let brush = brush.get();
        let width = width.get().max(1.0);
        ((100.0 * (brush.left + brush.right) / 2.0 / width).round() as i64).to_string()
    };
    let (start_year, end_year) = (
        dates.period(first, TickUnit::Year),
        dates.period(last, TickUnit::Year),
    );

    view! {
        <div class="storyline-overview">
            <div
                class="storyline-overview-track"
                node_ref=track
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_up
            >
                <div class="storyline-density" aria-hidden="true">{bars}</div>
                <div
                    class="storyline-brush"
                    data-grip="body"
                    role="slider"
                    tabindex="0"
                    aria-label=language.words().overview
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=position
                    aria-valuetext=window_text
                    style:inset-inline-start=move || px(brush.get().left)
                    style:width=move || px(brush.get().right - brush.get().left)
                    on:keydown=on_brush_key
                >
                    <span class="storyline-brush-grip storyline-brush-start" data-grip="start"></span>
                    <span class="storyline-brush-grip storyline-brush-end" data-grip="end"></span>
                </div>
            </div>
            <div class="storyline-overview-ends" aria-hidden="true">
                <span>{start_year}</span>
                <span>{end_year}</span>
            </div>
        </div>
    }
}
