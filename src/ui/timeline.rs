//! The timeline component: builds one `TimelineState` for a story and lays out its parts
//! (toolbar, time area with axis and events, overview, list and detail panel).

use super::axis::Axis;
use super::detail::Detail;
use super::gestures::StageGestures;
use super::items::SceneItems;
use super::keys::TimelineKeys;
use super::link::{follow_view, starting_view};
use super::list::ListView;
use super::look::{px, Theme, ROW_HEIGHT};
use super::measure::use_element_width;
use super::overview::OverviewStrip;
use super::state::TimelineState;
use super::status::{EventCount, SelectionAnnouncement};
use super::toolbar::Toolbar;
use crate::core::i18n::Language;
use crate::core::model::Timeline;
use crate::core::story::Story;
use crate::core::url_state::InitialView;
use leptos::html::{Div, Ol, Section};
use leptos::prelude::*;
use leptos::tachys::renderer::dom::Dom;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// What a DOM event on the timeline's own elements goes to.
#[derive(Clone, Copy)]
enum Listener {
    RootKey,
    Wheel,
    PointerDown,
    PointerMove,
    PointerUp,
    DoubleClick,
    StageKey,
    ItemClick,
    EventsKey,
}

static NEXT_INSTANCE: AtomicUsize = AtomicUsize::new(1);

/// The whole component for one story.
///
/// - `initial`: the starting view (an event to open, the categories shown, a window); parts that
///   do not fit the story are left out with a console warning.
/// - `deep_link`: restore the view from the page's URL fragment and keep it current there (for
///   standalone pages; embeds leave the host's URL alone).
/// - `on_select`: called with the id of each event the reader opens.
/// - `on_view_change`: called with the current view, written like `initial`, whenever it changes
///   (the editor rebuilds its preview from it, so an edit keeps the reader's place).
#[component]
pub fn StoryTimeline(
    timeline: Story,
    #[prop(optional)] deep_link: bool,
    #[prop(optional)] initial: InitialView,
    #[prop(optional)] theme: Theme,
    #[prop(optional_no_strip)] lang: Option<String>,
    #[prop(optional_no_strip)] on_select: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_view_change: Option<Callback<InitialView>>,
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

    // The title card: as the embed or the page asked, else as the data says.
    let title_card = initial.title_card.unwrap_or(timeline.title_card);
    let root = NodeRef::<Section>::new();
    let stage = NodeRef::<Div>::new();
    let state = TimelineState::new(
        Arc::clone(&timeline),
        language,
        initial.breaks.unwrap_or(timeline.breaks),
        starting_view(deep_link, &initial, &timeline),
        use_element_width(stage),
        id_prefix,
        on_select,
    );
    follow_view(state, deep_link, on_view_change);
    let gestures = StageGestures::new(stage, state);
    let keys = TimelineKeys::new(root, state);

    let (scene, list_view) = (state.scene, state.list_view);
    let events_list = NodeRef::<Ol>::new();
    let items = SceneItems::new(state, gestures, events_list);
    // Ten listeners, one shape: each `on:` would compile Leptos' listener code once more.
    root.on_load(move |root| {
        let (Some(stage), Some(events)) = (stage.get_untracked(), events_list.get_untracked())
        else {
            return;
        };
        let listeners = [
            (&*root, "keydown", Listener::RootKey),
            (&*stage, "wheel", Listener::Wheel),
            (&*stage, "pointerdown", Listener::PointerDown),
            (&*stage, "pointermove", Listener::PointerMove),
            (&*stage, "pointerup", Listener::PointerUp),
            (&*stage, "pointercancel", Listener::PointerUp),
            (&*stage, "dblclick", Listener::DoubleClick),
            (&*stage, "keydown", Listener::StageKey),
            (&*events, "click", Listener::ItemClick),
            (&*events, "keydown", Listener::EventsKey),
        ]
        .map(|(element, name, listener)| {
            Dom::add_event_listener(
                element,
                name,
                Box::new(move |event: JsValue| match listener {
                    Listener::RootKey => keys.on_root_key(event.unchecked_into()),
                    Listener::Wheel => gestures.on_wheel(event.unchecked_into()),
                    Listener::PointerDown => gestures.on_pointer_down(event.unchecked_into()),
                    Listener::PointerMove => gestures.on_pointer_move(event.unchecked_into()),
                    Listener::PointerUp => gestures.on_pointer_up(event.unchecked_into()),
                    Listener::DoubleClick => gestures.on_double_click(event.unchecked_into()),
                    Listener::StageKey => keys.on_stage_key(event.unchecked_into()),
                    Listener::ItemClick => items.on_click(event.unchecked_into()),
                    Listener::EventsKey => keys.on_events_key(event.unchecked_into()),
                }),
            )
        });
        // Removed with the timeline.
        on_cleanup(move || drop(listeners));
    });
    let lanes_height = move || scene.with(|scene| px(scene.lane_count.max(1) as f64 * ROW_HEIGHT));

    view! {
        <section
            class=theme.class()
            dir=if language.is_right_to_left() { "rtl" } else { "ltr" }
            node_ref=root
            role="region"
            aria-label=timeline.title.clone()
            lang=timeline.language.clone().unwrap_or_else(|| language.tag().to_string())
        >
            <header class="storyline-header">
                <h2 class="storyline-title" dir="auto">{timeline.title.clone()}</h2>
                {timeline.description.clone().map(|text| view! { <p class="storyline-description" dir="auto">{text}</p> })}
            </header>
            <Toolbar state=state />
            <EventCount state=state />
            <SelectionAnnouncement state=state />
            <div
                class="storyline-stage"
                class:storyline-hidden=move || list_view.get()
                node_ref=stage
                tabindex="0"
                role="group"
                aria-label=language.words().time_area
            >
                <Axis state=state />
                <ol
                    class="storyline-events"
                    aria-label=language.words().events
                    style:height=lanes_height
                    node_ref=events_list
                ></ol>
            </div>
            <div class:storyline-hidden=move || list_view.get()>
                <OverviewStrip state=state />
            </div>
            {move || list_view.get().then(|| view! { <ListView state=state /> })}
            <Detail state=state title_card=title_card />
        </section>
    }
}
