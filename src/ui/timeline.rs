//! The timeline component: axis, event lanes, legend, zoom controls, overview and detail panel.

use super::axis::Axis;
use super::dates::event_date_label;
use super::detail::Detail;
use super::gestures::StageGestures;
use super::hash::{read_fragment, replace_fragment};
use super::items::scene_item_view;
use super::legend::Legend;
use super::list::ListView;
use super::look::{px, Theme, ROW_HEIGHT};
use super::measure::use_element_width;
use super::overview::OverviewStrip;
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use crate::core::i18n::Language;
use crate::core::model::{EventIndex, Timeline};
use crate::core::navigation::Step;
use crate::core::story::Story;
use crate::core::url_state;
use leptos::ev::KeyboardEvent;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Arrow keys pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;
static NEXT_INSTANCE: AtomicUsize = AtomicUsize::new(1);

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
    timeline: Story,
    #[prop(optional)] deep_link: bool,
    #[prop(optional, into)] view: Option<String>,
    #[prop(optional)] theme: Theme,
    #[prop(optional_no_strip)] lang: Option<String>,
    #[prop(optional_no_strip)] on_select: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_view_change: Option<Callback<String>>,
) -> impl IntoView {
    // Only a validated `Story` gets here; its parts share the timeline inside.
    let timeline: Arc<Timeline> = timeline.shared();
    let id_prefix = format!(
        "storyline-{}",
        NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
    );
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
    let root = NodeRef::<Section>::new();
    let stage = NodeRef::<Div>::new();
    let width = use_element_width(stage);
    let state = TimelineState::new(
        Arc::clone(&timeline),
        language,
        linked,
        width,
        id_prefix,
        on_select,
    );
    let TimelineState {
        filter,
        selected,
        current,
        motion,
        scene,
        list_view,
        ..
    } = state;
    let scene_keys = Memo::new(move |_| scene.with(|scene| scene.keys()));
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
    // The view written as a link's fragment: the address bar and the editor follow it. A memo,
    // so glide frames that round to the same text notify nobody.
    let view_fragment = Memo::new(move |_| state.view_fragment());
    // Keep the link current. The first run only records the starting state, so a page opened
    // without a fragment keeps a clean URL until the reader changes something.
    if deep_link {
        Effect::new(move |previous: Option<()>| {
            let fragment = view_fragment.get();
            if previous.is_some() {
                replace_fragment(&fragment);
            }
        });
    }
    if let Some(on_view_change) = on_view_change {
        Effect::new(move |_| on_view_change.run(view_fragment.get()));
    }

    let gestures = StageGestures::new(stage, state);

    // Moves keyboard focus to an event's button. The button may be drawn only on the next render,
    // and a re-render may move it (which drops focus), so focus is asserted again after the next
    // tick and the next frame.
    let focus_event = move |index: EventIndex| {
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
    };
    let move_selection = move |from: Option<EventIndex>, step: Step| {
        if let Some(next) = state.step(from, step) {
            focus_event(next);
        }
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
        move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            match event.key().as_str() {
                "+" | "=" => state.zoom_at_centre(ZOOM_STEP),
                "-" | "_" => state.zoom_at_centre(1.0 / ZOOM_STEP),
                "0" => state.fit_all(),
                "Escape" if selected.get_untracked().is_some() => {
                    let was = selected.get_untracked();
                    state.select(None);
                    if let Some(index) = was {
                        focus_event(index);
                    }
                }
                _ => return,
            }
            event.prevent_default();
        }
    };

    let lanes_height = move || scene.with(|scene| px(scene.lane_count.max(1) as f64 * ROW_HEIGHT));
    let description = timeline.description.clone();
    let total = timeline.events.len();
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
                <Legend state=state />
                <div class="storyline-zoom" role="group" aria-label=word("zoom")>
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label=word("zoom_in")
                        title=format!("{} (+)", word("zoom_in"))
                        on:click=move |_| state.zoom_at_centre(ZOOM_STEP)
                    >
                        "+"
                    </button>
                    <button
                        type="button"
                        class="storyline-icon-button"
                        aria-label=word("zoom_out")
                        title=format!("{} (\u{2212})", word("zoom_out"))
                        on:click=move |_| state.zoom_at_centre(1.0 / ZOOM_STEP)
                    >
                        "\u{2212}"
                    </button>
                    <button type="button" class="storyline-text-button" title=format!("{} (0)", word("fit_all")) on:click=move |_| state.fit_all()>
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
                on:wheel=move |event| gestures.on_wheel(event)
                on:pointerdown=move |event| gestures.on_pointer_down(event)
                on:pointermove=move |event| gestures.on_pointer_move(event)
                on:pointerup=move |event| gestures.on_pointer_up(event)
                on:pointercancel=move |event| gestures.on_pointer_up(event)
                on:dblclick=move |event| gestures.on_double_click(event)
                on:keydown=on_stage_key
            >
                <Axis state=state />
                <ol class="storyline-events" aria-label=word("events") style:height=lanes_height on:keydown=on_events_key>
                    <For each=move || scene_keys.get() key=|key| *key children=move |key| scene_item_view(state, gestures, key) />
                </ol>
            </div>
            <div class:storyline-hidden=move || list_view.get()>
                <OverviewStrip state=state />
            </div>
            <Show when=move || list_view.get()>
                <ListView state=state />
            </Show>
            <Detail state=state />
        </section>
    }
}
