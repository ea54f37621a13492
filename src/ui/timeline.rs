//! The timeline component: axis, event lanes, legend, zoom controls, overview and detail panel.

use super::axis::{px, Axis, TICK_CHAR_WIDTH};
use super::dates::event_date_label;
use super::detail::Detail;
use super::hash::{read_fragment, replace_fragment};
use super::legend::Legend;
use super::list::ListView;
use super::measure::{inline_offset, use_element_width};
use super::motion::Motion;
use super::overview::OverviewStrip;
use crate::core::date::SECONDS_PER_DAY;
use crate::core::i18n::Language;
use crate::core::layout::Placement;
use crate::core::model::{CategoryFilter, EventIndex, Timeline};
use crate::core::navigation::{self, Step};
use crate::core::scale::TimeScale;
use crate::core::scene::{compose, is_cluster_key, short_count, SceneMark, SceneOptions};
use crate::core::ticks::generate_ticks;
use crate::core::url_state::{self, ViewState};
use crate::core::viewport::Viewport;
use leptos::ev::{KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};
use leptos::html::{Div, Section};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Height of one lane of events, in pixels (matches `--storyline-row` in the stylesheet).
const ROW_HEIGHT: f64 = 30.0;
/// How the scene is drawn (its lanes match `--storyline-lanes-height` in the stylesheet).
const SCENE: SceneOptions = SceneOptions::STANDARD;
/// Space left around the events when fitting them all into view, as a fraction of their span.
const FIT_MARGIN: f64 = 0.04;
const BUTTON_ZOOM_FACTOR: f64 = 2.0;
/// How much one pixel of wheel movement zooms: 100px of wheel is about a 1.2× zoom.
const WHEEL_ZOOM_PER_PIXEL: f64 = 0.0018;
/// Arrow keys pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;
/// A pointer that moves less than this between press and release has clicked, not dragged.
const DRAG_THRESHOLD: f64 = 4.0;
/// Two taps closer than this in time (ms) and space (px) make a double tap.
const DOUBLE_TAP_MS: f64 = 320.0;
const DOUBLE_TAP_DISTANCE: f64 = 30.0;
/// An event opened from a link is shown in a window at least this wide, and this many times
/// its own span, so its neighbours give it context.
const FOCUS_MIN_SPAN: f64 = 120.0 * SECONDS_PER_DAY;
const FOCUS_SPAN_FACTOR: f64 = 3.0;

static NEXT_INSTANCE: AtomicUsize = AtomicUsize::new(1);

/// What the pointers on the time area are doing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Gesture {
    Idle,
    /// One pointer down; it becomes a drag once it moves past the threshold.
    Press {
        pointer_id: i32,
        start_x: f64,
        start_window: Viewport,
        dragging: bool,
    },
    /// Two touch points: the time under their midpoint follows the midpoint, and the span
    /// follows the distance between them.
    Pinch {
        first: (i32, f64),
        second: (i32, f64),
        start_distance: f64,
        anchor: f64,
        start_span: f64,
    },
}

/// The last tap, to recognise a double tap on touch screens.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tap {
    at_ms: f64,
    x: f64,
}

/// The window that shows every event shown by `filter` (every event when none is shown).
fn fitted_viewport(timeline: &Timeline, filter: &CategoryFilter) -> Viewport {
    let shown = (0..timeline.events.len())
        .filter(|&index| filter.shows_event(&timeline.events[index]))
        .map(|index| timeline.span(index))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let (first, last) = shown
        .or_else(|| timeline.extent())
        .unwrap_or((0.0, crate::core::date::SECONDS_PER_MEAN_YEAR));
    Viewport::fit(first, last, FIT_MARGIN)
}

/// A window around one event, wide enough to show its neighbours.
fn window_around(timeline: &Timeline, index: EventIndex) -> Viewport {
    let (start, end) = timeline.span(index);
    let span = ((end - start) * FOCUS_SPAN_FACTOR).max(FOCUS_MIN_SPAN);
    Viewport::anchored((start + end) / 2.0, 0.5, span)
}

/// The mark and the label of a drawn item (an event or a cluster), placed inside its element from
/// the item's placement; the label is hidden, never overlapped, when the layout found it no room.
fn mark_and_label(
    placement: impl Fn() -> Option<Placement> + Copy + Send + Sync + 'static,
    mark_class: &'static str,
    mark: impl IntoView + 'static,
    label: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <span
            class=mark_class
            style:inset-inline-start=move || placement().map(|p| px(p.mark_start - p.extent_start()))
            style:width=move || placement().map(|p| px(p.mark_end - p.mark_start))
        >
            {mark}
        </span>
        <span
            class="storyline-label"
            dir="auto"
            class:storyline-label-hidden=move || !placement().is_some_and(|p| p.show_label)
            style:inset-inline-start=move || placement().map(|p| px(p.label_x - p.extent_start()))
            style:max-width=move || placement().map(|p| px(p.label_width))
        >
            {label}
        </span>
    }
}

/// A category's colour, which a host page may override with `--storyline-category-<id>`.
pub fn category_color(category: &crate::core::model::Category) -> String {
    format!(
        "var(--storyline-category-{}, {})",
        category.id, category.color
    )
}

/// The event index stored on the element (or its nearest ancestor) an event came from.
fn event_index_of(target: Option<web_sys::EventTarget>) -> Option<EventIndex> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// The colour scheme: light, dark, or the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// Reads "light", "dark" or "auto".
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Theme::Light => "storyline storyline-theme-light",
            Theme::Dark => "storyline storyline-theme-dark",
            Theme::Auto => "storyline storyline-theme-auto",
        }
    }
}

/// The whole component for one story.
///
/// - `view`: the starting view, written like a shareable link's fragment
///   (`event=<id>&cats=<id,...>&from=<date>&to=<date>`); parts that do not fit are ignored with
///   a console warning.
/// - `deep_link`: restore the view from the page's URL fragment and keep it current there (for
///   standalone pages; embeds leave the host's URL alone).
/// - `on_select`: called with the id of each event the reader opens.
/// - `on_view_change`: called with the current view, written like `view`, whenever it changes
///   (the editor rebuilds its preview from it, so an edit keeps the reader's place).
#[component]
pub fn StoryTimeline(
    timeline: Arc<Timeline>,
    #[prop(optional)] deep_link: bool,
    #[prop(optional, into)] view: Option<String>,
    #[prop(optional)] theme: Theme,
    #[prop(optional_no_strip)] lang: Option<String>,
    #[prop(optional_no_strip)] on_select: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_view_change: Option<Callback<String>>,
) -> impl IntoView {
    let id_prefix = format!(
        "storyline-{}",
        NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
    );
    let category_count = timeline.categories.len();
    // The data's language, else the embed's, else the page's; right-to-left ones mirror the axis.
    let page_language = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"));
    let language = Language::choose([
        timeline.language.as_deref(),
        lang.as_deref(),
        page_language.as_deref(),
    ]);
    let rtl = language.is_right_to_left();
    let word = move |key: &str| language.word(key);

    // The starting view: fit everything, unless a link says otherwise.
    let starting_fragment = match (deep_link, view) {
        (true, _) if !read_fragment().is_empty() => read_fragment(),
        (_, Some(view)) => view,
        _ => String::new(),
    };
    let (linked, warnings) = url_state::decode(&starting_fragment, &timeline);
    for warning in warnings {
        leptos::logging::warn!("Storyline link: {warning}");
    }
    let initial_filter = linked
        .filter
        .clone()
        .unwrap_or_else(|| CategoryFilter::all(category_count));
    let initial_window = linked
        .window
        .or_else(|| linked.event.map(|index| window_around(&timeline, index)))
        .unwrap_or_else(|| fitted_viewport(&timeline, &initial_filter));

    let filter = RwSignal::new(initial_filter);
    let motion = Motion::new(initial_window);
    let viewport = motion.viewport;
    let selected = RwSignal::new(linked.event);
    let root = NodeRef::<Section>::new();
    let stage = NodeRef::<Div>::new();
    let width = use_element_width(stage);
    let gesture = StoredValue::new(Gesture::Idle);
    let suppress_click = StoredValue::new(false);
    let last_tap = StoredValue::new(None::<Tap>);
    let last_pointer_was_touch = StoredValue::new(false);

    let scale = Memo::new(move |_| {
        let window = viewport.get();
        TimeScale::new(window.start, window.end, width.get().max(1.0))
    });
    let ticks = Memo::new(move |_| generate_ticks(&scale.get(), TICK_CHAR_WIDTH));
    // The keyboard's place among the events: pinned like the open event, so it is always drawn.
    let current = RwSignal::new(None::<EventIndex>);
    let scene = {
        let timeline = timeline.clone();
        Memo::new(move |_| {
            let pinned: Vec<EventIndex> = [selected.get(), current.get()]
                .into_iter()
                .flatten()
                .collect();
            filter.with(|filter| compose(&timeline, &scale.get(), filter, &pinned, &SCENE))
        })
    };
    let scene_keys = Memo::new(move |_| scene.with(|scene| scene.keys()));
    let list_view = RwSignal::new(false);
    // What a screen reader hears when the selection moves: the title and date only.
    let announcement = {
        let timeline = timeline.clone();
        Memo::new(move |_| {
            current
                .get()
                .or(selected.get())
                .map(|index| {
                    let event = &timeline.events[index];
                    format!("{}, {}", event.title, event_date_label(event, language))
                })
                .unwrap_or_default()
        })
    };
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
    if let Some(on_select) = on_select {
        let timeline = timeline.clone();
        Effect::new(move |previous: Option<Option<EventIndex>>| {
            let current = selected.get();
            if previous.is_some_and(|previous| previous != current) {
                if let Some(index) = current {
                    on_select.run(timeline.events[index].id.clone());
                }
            }
            current
        });
    }
    // Keep the link current. The first run only records the starting state, so a page opened
    // without a fragment keeps a clean URL until the reader changes something.
    if deep_link {
        let timeline = timeline.clone();
        Effect::new(move |previous: Option<()>| {
            let state = ViewState {
                event: selected.get(),
                filter: Some(filter.get()),
                window: Some(viewport.get()),
            };
            if previous.is_some() {
                replace_fragment(&url_state::encode(&state, &timeline));
            }
        });
    }
    if let Some(on_view_change) = on_view_change {
        let timeline = timeline.clone();
        Effect::new(move |_| {
            let state = ViewState {
                event: selected.get(),
                filter: Some(filter.get()),
                window: Some(viewport.get()),
            };
            on_view_change.run(url_state::encode(&state, &timeline));
        });
    }

    let zoom_at_centre =
        move |factor: f64| motion.glide_by(|window| window.zoom_around(factor, window.centre()));
    let fit_all = {
        let timeline = timeline.clone();
        move || motion.glide_to(filter.with(|filter| fitted_viewport(&timeline, filter)))
    };
    // Positions along the time axis from where time starts: the left edge, or the right in
    // right-to-left languages.
    let stage_x = move |client_x: f64| inline_offset(stage, client_x, rtl);
    let time_at = move |client_x: f64| scale.with_untracked(|scale| scale.time(stage_x(client_x)));

    // Moves keyboard focus to an event's button. The button may be drawn only on the next render,
    // and a re-render may move it (which drops focus), so focus is asserted again after the next
    // tick and the next frame.
    let focus_event = move |index: EventIndex| {
        let ensure_focus = move || {
            let Some(button) = root
                .get_untracked()
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
    };
    let move_selection = {
        let timeline = timeline.clone();
        move |from: Option<EventIndex>, step: Step| {
            let Some(next) =
                filter.with_untracked(|filter| navigation::step(&timeline, filter, from, step))
            else {
                return;
            };
            let (start, end) = timeline.span(next);
            let window = motion.target();
            if end <= window.start || start >= window.end {
                motion.jump(window.centred_on((start + end) / 2.0));
            }
            current.set(Some(next));
            // Like a slideshow: with the details open, they follow the selection.
            if selected.get_untracked().is_some() {
                selected.set(Some(next));
            }
            focus_event(next);
        }
    };

    let on_wheel = move |event: WheelEvent| {
        // Lines or pages of scrolling arrive in other units; bring them to pixels.
        let unit = match event.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
        let dx = if rtl { -dx } else { dx };
        if event.ctrl_key() || event.meta_key() {
            // Ctrl + wheel, and trackpad pinch (which browsers report as Ctrl + wheel).
            event.prevent_default();
            let anchor = time_at(f64::from(event.client_x()));
            let factor = (-dy * WHEEL_ZOOM_PER_PIXEL).exp();
            motion.jump(viewport.get_untracked().zoom_around(factor, anchor));
        } else if event.shift_key() || dx.abs() > dy.abs() {
            event.prevent_default();
            let delta = if dx.abs() > dy.abs() { dx } else { dy };
            let seconds = delta / scale.with_untracked(TimeScale::pixels_per_second);
            motion.jump(viewport.get_untracked().pan_by(seconds));
        }
        // A plain vertical wheel is left alone so the page keeps scrolling.
    };
    let on_pointer_down = move |event: PointerEvent| {
        let is_touch = event.pointer_type() == "touch";
        last_pointer_was_touch.set_value(is_touch);
        if event.button() != 0 {
            return;
        }
        let x = stage_x(f64::from(event.client_x()));
        match gesture.get_value() {
            Gesture::Press {
                pointer_id,
                start_x,
                ..
            } if is_touch && pointer_id != event.pointer_id() => {
                // A second finger: from a drag to a pinch.
                let first_x = start_x;
                let start_distance = (x - first_x).abs().max(1.0);
                let midpoint = (x + first_x) / 2.0;
                if let Some(element) = stage.get_untracked() {
                    let _ = element.set_pointer_capture(pointer_id);
                    let _ = element.set_pointer_capture(event.pointer_id());
                }
                gesture.set_value(Gesture::Pinch {
                    first: (pointer_id, first_x),
                    second: (event.pointer_id(), x),
                    start_distance,
                    anchor: scale.with_untracked(|scale| scale.time(midpoint)),
                    start_span: viewport.get_untracked().span(),
                });
                suppress_click.set_value(true);
            }
            _ => {
                suppress_click.set_value(false);
                gesture.set_value(Gesture::Press {
                    pointer_id: event.pointer_id(),
                    start_x: x,
                    start_window: viewport.get_untracked(),
                    dragging: false,
                });
            }
        }
    };
    let on_pointer_move = move |event: PointerEvent| {
        let x = stage_x(f64::from(event.client_x()));
        match gesture.get_value() {
            Gesture::Press {
                pointer_id,
                start_x,
                start_window,
                dragging,
            } if pointer_id == event.pointer_id() => {
                let dx = x - start_x;
                if !dragging && dx.abs() < DRAG_THRESHOLD {
                    return;
                }
                if !dragging {
                    gesture.set_value(Gesture::Press {
                        pointer_id,
                        start_x,
                        start_window,
                        dragging: true,
                    });
                    if let Some(element) = stage.get_untracked() {
                        let _ = element.set_pointer_capture(pointer_id);
                    }
                }
                let seconds = dx / scale.with_untracked(TimeScale::pixels_per_second);
                motion.jump(start_window.pan_by(-seconds));
            }
            Gesture::Pinch {
                mut first,
                mut second,
                start_distance,
                anchor,
                start_span,
            } => {
                if first.0 == event.pointer_id() {
                    first.1 = x;
                } else if second.0 == event.pointer_id() {
                    second.1 = x;
                } else {
                    return;
                }
                gesture.set_value(Gesture::Pinch {
                    first,
                    second,
                    start_distance,
                    anchor,
                    start_span,
                });
                let distance = (first.1 - second.1).abs().max(1.0);
                let midpoint = (first.1 + second.1) / 2.0;
                let fraction = midpoint / width.get_untracked().max(1.0);
                motion.jump(Viewport::anchored(
                    anchor,
                    fraction,
                    start_span * start_distance / distance,
                ));
            }
            _ => {}
        }
    };
    let on_pointer_up = move |event: PointerEvent| {
        if let Gesture::Press {
            dragging, start_x, ..
        } = gesture.get_value()
        {
            suppress_click.set_value(dragging);
            let is_tap = event.pointer_type() == "touch" && !dragging;
            if is_tap {
                let now = js_sys::Date::now();
                let double = last_tap.get_value().is_some_and(|tap| {
                    now - tap.at_ms < DOUBLE_TAP_MS && (tap.x - start_x).abs() < DOUBLE_TAP_DISTANCE
                });
                if double {
                    last_tap.set_value(None);
                    let anchor = scale.with_untracked(|scale| scale.time(start_x));
                    motion.glide_by(|window| window.zoom_around(BUTTON_ZOOM_FACTOR, anchor));
                } else {
                    last_tap.set_value(Some(Tap {
                        at_ms: now,
                        x: start_x,
                    }));
                }
            }
        }
        gesture.set_value(Gesture::Idle);
    };
    let on_double_click = move |event: MouseEvent| {
        // Touch screens report double taps here too; those were handled on pointer up.
        if last_pointer_was_touch.get_value() {
            return;
        }
        let anchor = time_at(f64::from(event.client_x()));
        motion.glide_by(|window| window.zoom_around(BUTTON_ZOOM_FACTOR, anchor));
    };
    let on_stage_key = move |event: KeyboardEvent| {
        // Only when the time area itself has focus; events have their own keys.
        if event.target() != event.current_target() {
            return;
        }
        // Arrows point the way time runs on screen.
        let direction = match (event.key().as_str(), rtl) {
            ("ArrowLeft", false) | ("ArrowRight", true) => -1.0,
            ("ArrowRight", false) | ("ArrowLeft", true) => 1.0,
            _ => return,
        };
        event.prevent_default();
        motion.glide_by(|window| window.pan_by(direction * KEY_PAN_FRACTION * window.span()));
    };
    let on_events_key = {
        let move_selection = move_selection.clone();
        move |event: KeyboardEvent| {
            let step = match (event.key().as_str(), rtl) {
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
            move_selection(Some(from), step);
        }
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
                "Escape" if selected.get_untracked().is_some() => {
                    let was = selected.get_untracked();
                    selected.set(None);
                    if let Some(index) = was {
                        focus_event(index);
                    }
                }
                _ => return,
            }
            event.prevent_default();
        }
    };

    let event_view = {
        let timeline = timeline.clone();
        move |index: EventIndex| {
            let event = &timeline.events[index];
            let placement =
                move || scene.with(|scene| scene.item(index as u64).map(|item| item.placement));
            let color = event
                .categories
                .first()
                .map(|&category| category_color(&timeline.categories[category]))
                .unwrap_or_default();
            let category_names: Vec<_> = event
                .categories
                .iter()
                .map(|&category| timeline.categories[category].label.as_str())
                .collect();
            let accessible_name = format!(
                "{}, {}, {}",
                event.title,
                event_date_label(event, language),
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
                    class:storyline-point=move || placement().is_some_and(|p| p.mark_end - p.mark_start <= SCENE.point_width + 0.01)
                    class:storyline-selected=move || selected.get() == Some(index)
                    data-event-id=event.id.clone()
                    data-index=index
                    style:top=move || placement().map(|p| px(p.lane as f64 * ROW_HEIGHT))
                    style:inset-inline-start=move || placement().map(|p| px(p.extent_start()))
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
                        {mark_and_label(placement, "storyline-mark", (), event.title.clone())}
                    </button>
                </li>
            }
        }
    };
    let cluster_view = move |key: u64| {
        let item = move || scene.with(|scene| scene.item(key).cloned());
        let placement = move || item().map(|item| item.placement);
        let cluster = move || match item().map(|item| item.mark) {
            Some(SceneMark::Cluster(cluster)) => Some(cluster),
            _ => None,
        };
        let count = move || cluster().map_or(0, |cluster| cluster.count);
        let accessible_name = move || {
            cluster().map(|cluster| {
                let from = crate::core::date::CalendarTime::from_seconds(cluster.start)
                    .to_date_text(false);
                let to =
                    crate::core::date::CalendarTime::from_seconds(cluster.end).to_date_text(false);
                language.text(
                    "cluster_name",
                    &[
                        ("count", &cluster.count.to_string()),
                        ("from", &from),
                        ("to", &to),
                    ],
                )
            })
        };
        let on_click = move |_: MouseEvent| {
            if suppress_click.get_value() {
                suppress_click.set_value(false);
                return;
            }
            if let Some(cluster) = cluster() {
                motion.glide_to(Viewport::fit(cluster.start, cluster.end, 0.15));
            }
        };
        view! {
            <li
                class="storyline-cluster"
                class:storyline-gathered=move || placement().is_some_and(|p| p.lane >= SCENE.lanes)
                data-cluster-count=count
                style:top=move || placement().map(|p| px(p.lane as f64 * ROW_HEIGHT))
                style:inset-inline-start=move || placement().map(|p| px(p.extent_start()))
                style:width=move || placement().map(|p: Placement| px(p.extent_end() - p.extent_start()))
            >
                <button type="button" class="storyline-event-button" aria-label=accessible_name on:click=on_click>
                    {mark_and_label(
                        placement,
                        "storyline-mark storyline-cluster-badge",
                        move || short_count(count()),
                        move || language.text("cluster_label", &[("count", &count().to_string())]),
                    )}
                </button>
            </li>
        }
    };
    let scene_item_view = move |key: u64| {
        if is_cluster_key(key) {
            cluster_view(key).into_any()
        } else {
            event_view(key as usize).into_any()
        }
    };

    let lanes_height = move || scene.with(|scene| px(scene.lane_count.max(1) as f64 * ROW_HEIGHT));
    let description = timeline.description.clone();
    let total = timeline.events.len();
    let (list_timeline, list_prefix) = (timeline.clone(), id_prefix.clone());
    let stage_label = word("time_area");

    view! {
        <section
            class=theme.class()
            dir=if rtl { "rtl" } else { "ltr" }
            node_ref=root
            role="region"
            aria-label=timeline.title.clone()
            lang=timeline.language.clone().unwrap_or_else(|| language.tag().to_string())
            on:keydown=on_root_key
        >
            <header class="storyline-header">
                <h2 class="storyline-title">{timeline.title.clone()}</h2>
                {description.map(|text| view! { <p class="storyline-description">{text}</p> })}
            </header>
            <div class="storyline-toolbar">
                <Legend timeline=timeline.clone() filter=filter language=language />
                <div class="storyline-zoom" role="group" aria-label=word("zoom")>
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label=word("zoom_in")
                        title=format!("{} (+)", word("zoom_in"))
                        on:click=move |_| zoom_at_centre(BUTTON_ZOOM_FACTOR)
                    >
                        "+"
                    </button>
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label=word("zoom_out")
                        title=format!("{} (\u{2212})", word("zoom_out"))
                        on:click=move |_| zoom_at_centre(1.0 / BUTTON_ZOOM_FACTOR)
                    >
                        "\u{2212}"
                    </button>
                    <button type="button" class="storyline-text-button" title=format!("{} (0)", word("fit_all")) on:click=move |_| fit_all()>
                        {word("fit_all")}
                    </button>
                    <button
                        type="button"
                        class="storyline-text-button"
                        aria-pressed=move || if list_view.get() { "true" } else { "false" }
                        on:click=move |_| list_view.update(|on| *on = !*on)
                    >
                        {word("list")}
                    </button>
                </div>
            </div>
            <p class="storyline-count" aria-live="polite">
                {move || {
                    let shown = shown_count.get();
                    if shown == total {
                        language.text("events_total", &[("total", &total.to_string())])
                    } else {
                        language.text("events_shown", &[("shown", &shown.to_string()), ("total", &total.to_string())])
                    }
                }}
            </p>
            <p class="storyline-visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
            <div
                class="storyline-stage"
                class:storyline-hidden=move || list_view.get()
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
                <Axis ticks=ticks language=language />
                <ol class="storyline-events" aria-label=word("events") style:height=lanes_height on:keydown=on_events_key>
                    <For each=move || scene_keys.get() key=|key| *key children=scene_item_view />
                </ol>
            </div>
            <div class:storyline-hidden=move || list_view.get()>
                <OverviewStrip timeline=timeline.clone() filter=filter motion=motion language=language />
            </div>
            <Show when=move || list_view.get()>
                <ListView timeline=list_timeline.clone() filter=filter viewport=viewport id_prefix=list_prefix.clone() language=language />
            </Show>
            <Detail timeline=timeline.clone() selected=selected id_prefix=id_prefix.clone() language=language />
        </section>
    }
}
