//! One drawn item of the scene: an event (a button with its mark and label, opening its details) or
//! a cluster (a count that zooms in on the events it gathers), placed from the scene's layout.

use super::dates::event_date_label;
use super::gestures::StageGestures;
use super::look::{category_color, px, ROW_HEIGHT, SCENE};
use super::state::TimelineState;
use crate::core::date::CalendarTime;
use crate::core::i18n::fill;
use crate::core::layout::Placement;
use crate::core::model::EventIndex;
use crate::core::scene::{is_cluster_key, short_count, SceneMark};
use crate::core::viewport::Viewport;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The item with this scene key.
pub fn scene_item_view(state: TimelineState, gestures: StageGestures, key: u64) -> AnyView {
    if is_cluster_key(key) {
        cluster_view(state, gestures, key).into_any()
    } else {
        event_view(state, gestures, key as EventIndex).into_any()
    }
}

fn event_view(state: TimelineState, gestures: StageGestures, index: EventIndex) -> impl IntoView {
    let (timeline, scene, selected, language) =
        (state.story(), state.scene, state.selected, state.language);
    let event = &timeline.events[index];
    let placement = move || scene.with(|scene| scene.item(index as u64).map(|item| item.placement));
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
        if gestures.take_click() {
            state.select(Some(index));
        }
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

fn cluster_view(state: TimelineState, gestures: StageGestures, key: u64) -> impl IntoView {
    let (scene, language) = (state.scene, state.language);
    let item = move || scene.with(|scene| scene.item(key).cloned());
    let placement = move || item().map(|item| item.placement);
    let cluster = move || match item().map(|item| item.mark) {
        Some(SceneMark::Cluster(cluster)) => Some(cluster),
        _ => None,
    };
    let count = move || cluster().map_or(0, |cluster| cluster.count);
    let accessible_name = move || {
        cluster().map(|cluster| {
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
    };
    let on_click = move |_: MouseEvent| {
        if !gestures.take_click() {
            return;
        }
        if let Some(cluster) = cluster() {
            state
                .motion
                .glide_to(Viewport::fit(cluster.start, cluster.end, 0.15));
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
                    move || fill(language.words().cluster_label, &[("count", &count().to_string())]),
                )}
            </button>
        </li>
    }
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
