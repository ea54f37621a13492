//! The timeline component: axis, event lanes, legend, zoom controls and detail panel for one story.

use super::detail::Detail;
use super::legend::Legend;
use super::measure::{element_left, use_element_width};
use crate::core::layout::{layout, Layout, LayoutItem, LayoutOptions};
use crate::core::model::{CategoryFilter, Timeline};
use crate::core::scale::TimeScale;
use crate::core::ticks::{generate_ticks, Tick};
use crate::core::viewport::Viewport;
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};
use leptos::html::Div;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Height of one lane of events, in pixels (matches `--storyline-row` in the stylesheet).
const ROW_HEIGHT: f64 = 30.0;
/// Lanes that carry labels; one more below them holds marks that found no room.
const LABELLED_LANES: usize = 7;
/// Conservative widths of one character of an event label (13px) and a tick label (12px). Labels
/// are clipped to the width the layout reserved, so an underestimate can cut text but never overlap.
const LABEL_CHAR_WIDTH: f64 = 7.0;
const TICK_CHAR_WIDTH: f64 = 7.5;
const LABEL_PADDING: f64 = 8.0;
const MAX_LABEL_WIDTH: f64 = 240.0;
const POINT_WIDTH: f64 = 14.0;
/// Space left around the events when fitting them all into view, as a fraction of their span.
const FIT_MARGIN: f64 = 0.04;
const BUTTON_ZOOM_FACTOR: f64 = 2.0;
/// How much one pixel of wheel movement zooms: 100px of wheel is about a 1.2× zoom.
const WHEEL_ZOOM_PER_PIXEL: f64 = 0.0018;
/// Arrow keys pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;
/// A pointer that moves less than this between press and release has clicked, not dragged.
const DRAG_THRESHOLD: f64 = 4.0;
/// Marks are clipped this far outside the view so a long range does not become a huge element.
const OFFSCREEN_ALLOWANCE: f64 = 60.0;

static NEXT_INSTANCE: AtomicUsize = AtomicUsize::new(1);

/// A drag in progress: where it started and the window at that moment.
#[derive(Clone, Copy, Debug)]
struct Drag {
    pointer_id: i32,
    start_x: f64,
    start_viewport: Viewport,
    moved: bool,
}

/// The window that shows every event shown by `filter` (every event when none is shown).
fn fitted_viewport(timeline: &Timeline, filter: &CategoryFilter) -> Viewport {
    let shown = timeline
        .events
        .iter()
        .filter(|event| filter.shows_event(event))
        .map(|event| event.span())
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let (first, last) = shown
        .or_else(|| timeline.extent())
        .unwrap_or((0.0, crate::core::date::SECONDS_PER_MEAN_YEAR));
    Viewport::fit(first, last, FIT_MARGIN)
}

/// Lays out the events in and near the window that the filter shows.
fn layout_events(timeline: &Timeline, scale: &TimeScale, filter: &CategoryFilter) -> Layout {
    // Points a label's width left of the view can still show their label inside it.
    let reach = MAX_LABEL_WIDTH / scale.pixels_per_second();
    let items: Vec<LayoutItem> = timeline
        .events_overlapping(scale.start - reach, scale.end)
        .filter(|&index| filter.shows_event(&timeline.events[index]))
        .map(|index| {
            let event = &timeline.events[index];
            let (start, end) = event.span();
            let title_width = event.title.chars().count() as f64 * LABEL_CHAR_WIDTH + LABEL_PADDING;
            LayoutItem {
                event: index,
                start_x: scale.x(start).max(-OFFSCREEN_ALLOWANCE),
                end_x: scale.x(end).min(scale.width + OFFSCREEN_ALLOWANCE),
                label_width: title_width.min(MAX_LABEL_WIDTH),
            }
        })
        .collect();
    layout(
        &items,
        &LayoutOptions {
            point_width: POINT_WIDTH,
            label_offset: 4.0,
            gap: 10.0,
            max_lanes: LABELLED_LANES,
            view_left: 0.0,
            view_right: scale.width,
        },
    )
}

fn px(value: f64) -> String {
    format!("{value:.1}px")
}

/// The whole component for one story.
#[component]
pub fn StoryTimeline(timeline: Arc<Timeline>) -> impl IntoView {
    let id_prefix = format!(
        "storyline-{}",
        NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
    );
    let category_count = timeline.categories.len();
    let filter = RwSignal::new(CategoryFilter::all(category_count));
    let viewport = RwSignal::new(fitted_viewport(
        &timeline,
        &CategoryFilter::all(category_count),
    ));
    let selected = RwSignal::new(None::<usize>);
    let stage = NodeRef::<Div>::new();
    let width = use_element_width(stage);
    let drag = StoredValue::new(None::<Drag>);
    let suppress_click = StoredValue::new(false);

    let scale = Memo::new(move |_| {
        let window = viewport.get();
        TimeScale::new(window.start, window.end, width.get().max(1.0))
    });
    let ticks = Memo::new(move |_| generate_ticks(&scale.get(), TICK_CHAR_WIDTH));
    let event_layout = {
        let timeline = timeline.clone();
        Memo::new(move |_| filter.with(|filter| layout_events(&timeline, &scale.get(), filter)))
    };
    let placed_events = Memo::new(move |_| {
        event_layout.with(|layout| {
            layout
                .placements
                .iter()
                .map(|p| p.event)
                .collect::<Vec<_>>()
        })
    });
    let shown_count = {
        let timeline = timeline.clone();
        Memo::new(move |_| {
            filter.with(|filter| {
                timeline
                    .events
                    .iter()
                    .filter(|e| filter.shows_event(e))
                    .count()
            })
        })
    };
    // A hidden event cannot stay open in the detail panel.
    {
        let timeline = timeline.clone();
        Effect::new(move |_| {
            if let Some(index) = selected.get() {
                if !filter.with(|filter| filter.shows_event(&timeline.events[index])) {
                    selected.set(None);
                }
            }
        });
    }

    let zoom_at_centre = move |factor: f64| {
        viewport.update(|window| *window = window.zoom_around(factor, window.centre()));
    };
    let fit_all = {
        let timeline = timeline.clone();
        move || viewport.set(filter.with(|filter| fitted_viewport(&timeline, filter)))
    };
    let pointer_time = move |client_x: f64| {
        let x = client_x - element_left(stage);
        scale.with_untracked(|scale| scale.time(x))
    };

    let on_wheel = move |event: WheelEvent| {
        // Lines or pages of scrolling arrive in other units; bring them to pixels.
        let unit = match event.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
        if event.ctrl_key() || event.meta_key() {
            // Ctrl + wheel, and trackpad pinch (which browsers report as Ctrl + wheel).
            event.prevent_default();
            let anchor = pointer_time(f64::from(event.client_x()));
            let factor = (-dy * WHEEL_ZOOM_PER_PIXEL).exp();
            viewport.update(|window| *window = window.zoom_around(factor, anchor));
        } else if event.shift_key() || dx.abs() > dy.abs() {
            event.prevent_default();
            let delta = if dx.abs() > dy.abs() { dx } else { dy };
            let seconds = delta / scale.with_untracked(TimeScale::pixels_per_second);
            viewport.update(|window| *window = window.pan_by(seconds));
        }
        // A plain vertical wheel is left alone so the page keeps scrolling.
    };
    let on_pointer_down = move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        suppress_click.set_value(false);
        drag.set_value(Some(Drag {
            pointer_id: event.pointer_id(),
            start_x: f64::from(event.client_x()),
            start_viewport: viewport.get_untracked(),
            moved: false,
        }));
    };
    let on_pointer_move = move |event: PointerEvent| {
        let Some(mut current) = drag.get_value() else {
            return;
        };
        if current.pointer_id != event.pointer_id() {
            return;
        }
        let dx = f64::from(event.client_x()) - current.start_x;
        if !current.moved && dx.abs() < DRAG_THRESHOLD {
            return;
        }
        if !current.moved {
            current.moved = true;
            drag.set_value(Some(current));
            if let Some(element) = stage.get_untracked() {
                let _ = element.set_pointer_capture(current.pointer_id);
            }
        }
        let seconds = dx / scale.with_untracked(TimeScale::pixels_per_second);
        viewport.set(current.start_viewport.pan_by(-seconds));
    };
    let on_pointer_up = move |_: PointerEvent| {
        if let Some(current) = drag.get_value() {
            suppress_click.set_value(current.moved);
        }
        drag.set_value(None);
    };
    let on_double_click = move |event: MouseEvent| {
        let anchor = pointer_time(f64::from(event.client_x()));
        viewport.update(|window| *window = window.zoom_around(BUTTON_ZOOM_FACTOR, anchor));
    };
    let on_stage_key = move |event: KeyboardEvent| {
        let direction = match event.key().as_str() {
            "ArrowLeft" => -1.0,
            "ArrowRight" => 1.0,
            _ => return,
        };
        // Only when the time area itself has focus; an event button keeps its own keys.
        if event.target() != event.current_target() {
            return;
        }
        event.prevent_default();
        viewport
            .update(|window| *window = window.pan_by(direction * KEY_PAN_FRACTION * window.span()));
    };
    let on_root_key = {
        let fit_all = fit_all.clone();
        move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            match event.key().as_str() {
                "+" | "=" => zoom_at_centre(BUTTON_ZOOM_FACTOR),
                "-" | "_" => zoom_at_centre(1.0 / BUTTON_ZOOM_FACTOR),
                "0" => fit_all(),
                "Escape" if selected.get_untracked().is_some() => selected.set(None),
                _ => return,
            }
            event.prevent_default();
        }
    };

    let events_view = {
        let timeline = timeline.clone();
        move |index: usize| {
            let event = &timeline.events[index];
            let placement = move || event_layout.with(|layout| layout.placement_of(index).copied());
            let color = event
                .categories
                .first()
                .map(|&category| timeline.categories[category].color.clone())
                .unwrap_or_default();
            let category_names: Vec<_> = event
                .categories
                .iter()
                .map(|&category| timeline.categories[category].label.as_str())
                .collect();
            let accessible_name = format!(
                "{}, {}, {}",
                event.title,
                event.date_label(),
                category_names.join(", ")
            );
            let on_click = move |_: MouseEvent| {
                if suppress_click.get_value() {
                    suppress_click.set_value(false);
                    return;
                }
                selected.set(Some(index));
            };
            view! {
                <li
                    class="storyline-event"
                    class:storyline-range=event.is_range()
                    class:storyline-approximate=event.approximate
                    class:storyline-point=move || placement().is_some_and(|p| p.mark_end - p.mark_start <= POINT_WIDTH + 0.01)
                    class:storyline-selected=move || selected.get() == Some(index)
                    data-event-id=event.id.clone()
                    style:top=move || placement().map(|p| px(p.lane as f64 * ROW_HEIGHT))
                    style:left=move || placement().map(|p| px(p.extent_start()))
                    style:width=move || placement().map(|p| px(p.extent_end() - p.extent_start()))
                    style:--storyline-event-color=color
                >
                    <button
                        type="button"
                        class="storyline-event-button"
                        aria-label=accessible_name
                        aria-pressed=move || if selected.get() == Some(index) { "true" } else { "false" }
                        on:click=on_click
                    >
                        <span
                            class="storyline-mark"
                            style:left=move || placement().map(|p| px(p.mark_start - p.extent_start()))
                            style:width=move || placement().map(|p| px(p.mark_end - p.mark_start))
                        ></span>
                        <span
                            class="storyline-label"
                            class:storyline-label-hidden=move || !placement().is_some_and(|p| p.show_label)
                            style:left=move || placement().map(|p| px(p.label_x - p.extent_start()))
                            style:max-width=move || placement().map(|p| px(p.label_width))
                        >
                            {event.title.clone()}
                        </span>
                    </button>
                </li>
            }
        }
    };

    let lanes_height =
        move || event_layout.with(|layout| px(layout.lane_count.max(1) as f64 * ROW_HEIGHT));
    let description = timeline.description.clone();
    let total = timeline.events.len();
    let stage_label = "Time area: drag or use the Left and Right arrow keys to move through time, + and - to zoom";

    view! {
        <section
            class="storyline"
            role="region"
            aria-label=timeline.title.clone()
            lang=timeline.language.clone()
            on:keydown=on_root_key
        >
            <header class="storyline-header">
                <h2 class="storyline-title">{timeline.title.clone()}</h2>
                {description.map(|text| view! { <p class="storyline-description">{text}</p> })}
            </header>
            <div class="storyline-toolbar">
                <Legend timeline=timeline.clone() filter=filter />
                <div class="storyline-zoom" role="group" aria-label="Zoom">
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label="Zoom in"
                        title="Zoom in (+)"
                        on:click=move |_| zoom_at_centre(BUTTON_ZOOM_FACTOR)
                    >
                        "+"
                    </button>
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label="Zoom out"
                        title="Zoom out (\u{2212})"
                        on:click=move |_| zoom_at_centre(1.0 / BUTTON_ZOOM_FACTOR)
                    >
                        "\u{2212}"
                    </button>
                    <button type="button" class="storyline-text-button" title="Fit all (0)" on:click=move |_| fit_all()>
                        "Fit all"
                    </button>
                </div>
            </div>
            <p class="storyline-count" aria-live="polite">
                {move || {
                    let shown = shown_count.get();
                    if shown == total {
                        format!("{total} events")
                    } else {
                        format!("{shown} of {total} events shown")
                    }
                }}
            </p>
            <div
                class="storyline-stage"
                node_ref=stage
                tabindex="0"
                role="group"
                aria-label=stage_label
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_up
                on:dblclick=on_double_click
                on:keydown=on_stage_key
            >
                <Axis ticks=ticks />
                <ol class="storyline-events" aria-label="Events" style:height=lanes_height>
                    <For each=move || placed_events.get() key=|index| *index children=events_view />
                </ol>
            </div>
            <Detail timeline=timeline.clone() selected=selected id_prefix=id_prefix />
        </section>
    }
}

/// The time axis: the unit above the ticks (pinned at the left edge), then the ticks and grid lines.
#[component]
fn Axis(ticks: Memo<crate::core::ticks::Ticks>) -> impl IntoView {
    let tick_view = |class: &'static str| {
        move |tick: Tick| {
            view! {
                <span class=class style:left=px(tick.x)>
                    <span class="storyline-tick-label">{tick.label}</span>
                </span>
            }
        }
    };
    // The pinned context label gives way when the first boundary label would run into it.
    let context = move || {
        ticks.with(|ticks| {
            let context = ticks.context.clone()?;
            let needed = context.chars().count() as f64 * TICK_CHAR_WIDTH + 16.0;
            match ticks.major.first() {
                Some(first) if first.x < needed => None,
                _ => Some(context),
            }
        })
    };
    view! {
        <div class="storyline-axis" aria-hidden="true">
            <div class="storyline-axis-major">
                <span class="storyline-axis-context">{context}</span>
                {move || ticks.get().major.into_iter().map(tick_view("storyline-tick storyline-tick-major")).collect_view()}
            </div>
            <div class="storyline-axis-minor">
                {move || ticks.get().minor.into_iter().map(tick_view("storyline-tick")).collect_view()}
            </div>
        </div>
    }
}
