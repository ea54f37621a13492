//! The timeline component: builds one `TimelineState` for a story and lays out its parts
//! (toolbar, time area with axis and events, overview, list and detail panel).

use super::axis::Axis;
use super::built::{mount_into, Built, BuiltState, Nodes};
use super::detail::detail_panel;
use super::gestures::StageGestures;
use super::items::SceneItems;
use super::keys::TimelineKeys;
use super::link::{follow_view, starting_view};
use super::list::list_nodes;
use super::look::{px, Theme, ROW_HEIGHT};
use super::measure::{use_element_width, FirstWidth};
use super::media::{append, element, text_element};
use super::narrative::{on_step_click, Swipe};
use super::overview::overview_strip;
use super::state::TimelineState;
use super::status::{event_count, selection_announcement};
use super::toolbar::{on_toolbar_click, toolbar};
use super::word_files::reading_language;
use crate::core::model::Timeline;
use crate::core::story::Story;
use crate::core::url_state::InitialView;
use leptos::html::{Div, Ol, Section};
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::tachys::renderer::dom::Dom;
use leptos::tachys::view::{Mountable, Render};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// What a DOM event on the timeline's own elements goes to.
#[derive(Clone, Copy)]
enum Listener {
    RootKey,
    ToolbarClick,
    Wheel,
    PointerDown,
    PointerMove,
    PointerUp,
    DoubleClick,
    StageKey,
    ItemClick,
    EventsKey,
    BrushPointerDown,
    BrushPointerMove,
    BrushPointerUp,
    BrushKey,
    SwipeStart,
    SwipeEnd,
    SwipeCancel,
    StepClick,
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
/// - `draw_in_first_frame`: draw the events in the frame that first shows the timeline, however
///   many there are. Without it, a story of more than 500 events is drawn in a task after that
///   frame, so loading it never holds the page for one long task; a preview rebuilt in place (the
///   editor's) sets it, since a frame without its events would flicker.
#[component]
pub fn StoryTimeline(
    timeline: Story,
    #[prop(optional)] deep_link: bool,
    #[prop(optional)] initial: InitialView,
    #[prop(optional)] theme: Theme,
    #[prop(optional_no_strip)] lang: Option<String>,
    #[prop(optional_no_strip)] on_select: Option<Callback<String>>,
    #[prop(optional_no_strip)] on_view_change: Option<Callback<InitialView>>,
    #[prop(optional)] draw_in_first_frame: bool,
) -> Built {
    // Only a validated `Story` gets here; its parts share the timeline inside.
    let timeline: Arc<Timeline> = timeline.shared();
    let id_prefix = format!(
        "storyline-{}",
        NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed)
    );
    // Right-to-left languages mirror the axis.
    let language = reading_language(timeline.language.as_deref(), lang.as_deref());

    // The title card: as the embed or the page asked, else as the data says.
    let title_card = initial.title_card.unwrap_or(timeline.title_card);
    let root = NodeRef::<Section>::new();
    let stage = NodeRef::<Div>::new();
    let first_width = if draw_in_first_frame {
        FirstWidth::InTheFrame
    } else {
        FirstWidth::for_story(timeline.events.len())
    };
    let state = TimelineState::new(
        Arc::clone(&timeline),
        language,
        initial.breaks.unwrap_or(timeline.breaks),
        starting_view(deep_link, &initial, &timeline),
        use_element_width(stage, first_width),
        id_prefix,
        on_select,
    );
    follow_view(state, deep_link, on_view_change);
    let gestures = StageGestures::new(stage, state);
    let keys = TimelineKeys::new(root, state);

    let (scene, list_view) = (state.scene, state.list_view);
    let events_list = NodeRef::<Ol>::new();
    let items = SceneItems::new(state, gestures, events_list);
    let lanes_height = move || scene.with(|scene| px(scene.lane_count.max(1) as f64 * ROW_HEIGHT));
    let rtl = language.is_right_to_left();
    let (title, description) = (timeline.title.clone(), timeline.description.clone());
    let lang = timeline
        .language
        .clone()
        .unwrap_or_else(|| language.tag().to_string());
    // Built as nodes (see `Built`): the shell's own elements are static but for the list view's
    // `storyline-hidden` and the events' height, each kept by one effect; the Leptos parts are
    // mounted into it and kept alive with the timeline.
    Built::new(move || {
        let words = language.words();
        let section = element(
            "section",
            theme.class(),
            &[
                ("dir", if rtl { "rtl" } else { "ltr" }),
                ("role", "region"),
                ("aria-label", &title),
                ("lang", &lang),
            ],
        )?;
        let header = element("header", "storyline-header", &[])?;
        let heading = text_element("h2", "storyline-title", &title)?;
        heading.set_attribute("dir", "auto").ok()?;
        append(&header, heading);
        if let Some(description) = &description {
            let paragraph = text_element("p", "storyline-description", description)?;
            paragraph.set_attribute("dir", "auto").ok()?;
            append(&header, paragraph);
        }
        append(&section, header);
        let toolbar = toolbar(state)?;
        append(&section, toolbar.clone());
        append(&section, event_count(state)?);
        append(&section, selection_announcement(state)?);
        let stage_element = element(
            "div",
            "storyline-stage",
            &[
                ("tabindex", "0"),
                ("role", "group"),
                ("aria-label", words.time_area),
            ],
        )?;
        // The axis's effects belong to this owner, and it has no listener for its state to keep.
        drop(mount_into(view! { <Axis state=state /> }, &stage_element));
        let events: HtmlElement =
            element("ol", "storyline-events", &[("aria-label", words.events)])?.unchecked_into();
        append(&stage_element, events.clone().into());
        append(&section, stage_element.clone());
        let overview_holder = element("div", "", &[])?;
        let overview = overview_strip(state, first_width)?;
        append(&overview_holder, overview.strip);
        let brush = overview.gestures;
        append(&section, overview_holder.clone());
        let detail = detail_panel(state, title_card)?;
        append(&section, detail.clone());
        let swipe = Swipe::new(state, title_card);
        // Twenty listeners, one shape: each `on:` would compile Leptos' listener code once more.
        let listeners = [
            (&section, "keydown", Listener::RootKey),
            (&toolbar, "click", Listener::ToolbarClick),
            (&stage_element, "wheel", Listener::Wheel),
            (&stage_element, "pointerdown", Listener::PointerDown),
            (&stage_element, "pointermove", Listener::PointerMove),
            (&stage_element, "pointerup", Listener::PointerUp),
            (&stage_element, "pointercancel", Listener::PointerUp),
            (&stage_element, "dblclick", Listener::DoubleClick),
            (&stage_element, "keydown", Listener::StageKey),
            (&*events, "click", Listener::ItemClick),
            (&*events, "keydown", Listener::EventsKey),
            (&overview.track, "pointerdown", Listener::BrushPointerDown),
            (&overview.track, "pointermove", Listener::BrushPointerMove),
            (&overview.track, "pointerup", Listener::BrushPointerUp),
            (&overview.track, "pointercancel", Listener::BrushPointerUp),
            (&overview.slider, "keydown", Listener::BrushKey),
            (&detail, "pointerdown", Listener::SwipeStart),
            (&detail, "pointerup", Listener::SwipeEnd),
            (&detail, "pointercancel", Listener::SwipeCancel),
            (&detail, "click", Listener::StepClick),
        ]
        .map(|(element, name, listener)| {
            Dom::add_event_listener(
                element,
                name,
                Box::new(move |event: JsValue| match listener {
                    Listener::RootKey => keys.on_root_key(event.unchecked_into()),
                    Listener::ToolbarClick => on_toolbar_click(state, event.unchecked_into()),
                    Listener::Wheel => gestures.on_wheel(event.unchecked_into()),
                    Listener::PointerDown => gestures.on_pointer_down(event.unchecked_into()),
                    Listener::PointerMove => gestures.on_pointer_move(event.unchecked_into()),
                    Listener::PointerUp => gestures.on_pointer_up(event.unchecked_into()),
                    Listener::DoubleClick => gestures.on_double_click(event.unchecked_into()),
                    Listener::StageKey => keys.on_stage_key(event.unchecked_into()),
                    Listener::ItemClick => items.on_click(event.unchecked_into()),
                    Listener::EventsKey => keys.on_events_key(event.unchecked_into()),
                    Listener::BrushPointerDown => brush.on_pointer_down(event.unchecked_into()),
                    Listener::BrushPointerMove => brush.on_pointer_move(event.unchecked_into()),
                    Listener::BrushPointerUp => brush.on_pointer_up(),
                    Listener::BrushKey => brush.on_key(event.unchecked_into()),
                    Listener::SwipeStart => swipe.on_pointer_down(event.unchecked_into()),
                    Listener::SwipeEnd => swipe.on_pointer_up(event.unchecked_into()),
                    Listener::SwipeCancel => swipe.on_pointer_cancel(),
                    Listener::StepClick => on_step_click(state, title_card, event.unchecked_ref()),
                }),
            )
        });
        // Removed with the timeline.
        on_cleanup(move || drop(listeners));
        // The gestures, keys, width and items find their elements through these.
        NodeRefContainer::<Div>::load(stage, &stage_element);
        NodeRefContainer::<Ol>::load(events_list, &events);
        NodeRefContainer::<Section>::load(root, &section);
        let hidden_with_list = [stage_element, overview_holder];
        let list_place = (section.clone(), detail);
        // The list view is built anew each time it opens, before the detail panel, its memo and
        // effects in this effect's owner (cleaned up when it runs again).
        Effect::new(move |shown: Option<Option<BuiltState>>| {
            let open = list_view.get();
            for element in &hidden_with_list {
                let _ = element
                    .class_list()
                    .toggle_with_force("storyline-hidden", open);
            }
            if let Some(Some(mut list)) = shown {
                list.unmount();
            }
            open.then(|| {
                let mut list = untrack(|| list_nodes(state).build());
                list.mount(&list_place.0, Some(&list_place.1));
                list
            })
        });
        let events_style = events.style();
        Effect::new(move |_| {
            let _ = events_style.set_property("height", &lanes_height());
        });
        Some(Nodes::plain(section))
    })
}
