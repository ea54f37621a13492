//! One drawn item of the scene: an event (a button with its mark and label, opening its details) or
//! a cluster (a count that zooms in on the events it gathers), placed from the scene's layout.
//!
//! Both are one view shape, so the reader carries one copy of its code. A zoom step moves every
//! item: each follows only its own placement (a memo, so an item left in place costs a comparison)
//! and writes it as one style string (through the CSSOM: a host's Content-Security-Policy may
//! refuse `style` attributes); its mark and label read their places from its custom properties.

use super::dates::event_date_label;
use super::gestures::StageGestures;
use super::look::{category_color, push_px_property, ROW_HEIGHT, SCENE};
use super::state::TimelineState;
use crate::core::date::CalendarTime;
use crate::core::i18n::fill;
use crate::core::layout::Placement;
use crate::core::model::EventIndex;
use crate::core::scene::{is_cluster_key, short_count, Cluster, SceneMark};
use crate::core::viewport::Viewport;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// What differs between an event and a cluster; everything else they share.
struct ItemParts {
    class: &'static str,
    mark_class: &'static str,
    /// The event shown, `None` for a cluster.
    index: Option<EventIndex>,
    event_id: Option<String>,
    range: bool,
    approximate: bool,
    /// The event's colour for its mark, `None` for a cluster.
    color: Option<String>,
    /// The cluster's members, `None` for an event.
    cluster: Option<Memo<Option<Cluster>>>,
    name: Signal<String>,
    mark: Signal<String>,
    label: Signal<String>,
}

/// The item with this scene key.
pub fn scene_item_view(state: TimelineState, gestures: StageGestures, key: u64) -> impl IntoView {
    let (scene, selected) = (state.scene, state.selected);
    let placement =
        Memo::new(move |_| scene.with(|scene| scene.item(key).map(|item| item.placement)));
    let parts = if is_cluster_key(key) {
        cluster_parts(state, key)
    } else {
        event_parts(state, key as EventIndex)
    };
    let ItemParts { index, cluster, .. } = parts;
    let on_click = move |_: MouseEvent| {
        if !gestures.take_click() {
            return;
        }
        if index.is_some() {
            state.select(index);
        } else if let Some(cluster) = cluster.and_then(|cluster| cluster.get_untracked()) {
            state
                .motion
                .glide_to(Viewport::fit(cluster.start, cluster.end, 0.15));
        }
    };
    let is_selected = move || index.is_some_and(|index| selected.get() == Some(index));
    view! {
        <li
            class=parts.class
            class:storyline-range=parts.range
            class:storyline-approximate=parts.approximate
            class:storyline-point=move || index.is_some() && placement.with(|p| p.is_some_and(|p| p.mark_end - p.mark_start <= SCENE.point_width + 0.01))
            class:storyline-gathered=move || cluster.is_some() && placement.with(|p| p.is_some_and(|p| p.lane >= SCENE.lanes))
            class:storyline-selected=is_selected
            data-event-id=parts.event_id
            data-index=index
            data-cluster-count=move || cluster.map(|cluster| cluster.with(|cluster| cluster.as_ref().map_or(0, |cluster| cluster.count)))
            prop:style=move || placement.with(|placement| placement.map(item_style).unwrap_or_default())
        >
            <button
                type="button"
                class="storyline-event-button"
                style:--storyline-event-color=parts.color
                aria-label=parts.name
                aria-pressed=move || index.map(|_| if is_selected() { "true" } else { "false" })
                on:click=on_click
            >
                <span class=parts.mark_class>{parts.mark}</span>
                <span
                    class="storyline-label"
                    dir="auto"
                    class:storyline-label-hidden=move || !placement.with(|p| p.is_some_and(|p| p.show_label))
                >
                    {parts.label}
                </span>
            </button>
        </li>
    }
}

/// An item's place in the lanes, and its mark's and label's places inside it (read by the
/// stylesheet), as one inline style.
fn item_style(placement: Placement) -> String {
    let start = placement.extent_start();
    let mut style = String::with_capacity(160);
    push_px_property(&mut style, "top", placement.lane as f64 * ROW_HEIGHT);
    push_px_property(&mut style, "inset-inline-start", start);
    push_px_property(&mut style, "width", placement.extent_end() - start);
    push_px_property(&mut style, "--sl-mark-x", placement.mark_start - start);
    push_px_property(
        &mut style,
        "--sl-mark-w",
        placement.mark_end - placement.mark_start,
    );
    push_px_property(&mut style, "--sl-label-x", placement.label_x - start);
    push_px_property(&mut style, "--sl-label-w", placement.label_width);
    style
}

fn event_parts(state: TimelineState, index: EventIndex) -> ItemParts {
    let timeline = state.story();
    let event = &timeline.events[index];
    let color = event
        .categories
        .first()
        .map(|&category| category_color(&timeline.categories[category]));
    let category_names: Vec<_> = event
        .categories
        .iter()
        .map(|&category| timeline.categories[category].label.as_str())
        .collect();
    let name = format!(
        "{}, {}, {}",
        event.title,
        event_date_label(event, state.language),
        category_names.join(", ")
    );
    ItemParts {
        class: "storyline-event",
        mark_class: "storyline-mark",
        index: Some(index),
        event_id: Some(event.id.clone()),
        range: event.is_range(),
        approximate: event.approximate,
        color,
        cluster: None,
        name: Signal::stored(name),
        mark: Signal::stored(String::new()),
        label: Signal::stored(event.title.clone()),
    }
}

fn cluster_parts(state: TimelineState, key: u64) -> ItemParts {
    let (scene, language) = (state.scene, state.language);
    let cluster = Memo::new(move |_| {
        scene.with(|scene| match scene.item(key).map(|item| &item.mark) {
            Some(SceneMark::Cluster(cluster)) => Some(cluster.clone()),
            _ => None,
        })
    });
    let count = move || cluster.with(|cluster| cluster.as_ref().map_or(0, |cluster| cluster.count));
    let name = Signal::derive(move || {
        cluster.with(|cluster| {
            cluster.as_ref().map_or_else(String::new, |cluster| {
                let from = CalendarTime::from_seconds(cluster.start).to_date_text(false);
                let to = CalendarTime::from_seconds(cluster.end).to_date_text(false);
                fill(
                    language.words().cluster_name,
                    &[
                        ("count", &cluster.count.to_string()),
                        ("from", &from),
                        ("to", &to),
                    ],
                )
            })
        })
    });
    ItemParts {
        class: "storyline-cluster",
        mark_class: "storyline-mark storyline-cluster-badge",
        index: None,
        event_id: None,
        range: false,
        approximate: false,
        color: None,
        cluster: Some(cluster),
        name,
        mark: Signal::derive(move || short_count(count())),
        label: Signal::derive(move || {
            fill(
                language.words().cluster_label,
                &[("count", &count().to_string())],
            )
        }),
    }
}
