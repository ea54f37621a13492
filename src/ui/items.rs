//! The drawn items of the scene: events (a button with its mark and label, opening its details)
//! and clusters (a count that zooms in on the events it gathers), placed from the scene's layout.
//!
//! They are drawn into the list by one effect, not as a view per item: a zoom step brings and
//! takes dozens of items and moves all the others, and a view per item built and dropped its
//! elements and its reactive nodes each time. The effect compares the new scene with what it
//! drew: an item that stays is rewritten only where its look changed; an item that leaves lends
//! its elements to one of its kind that arrives at the same place in the list; only the rest are
//! built or removed. The list stays in key order (events in time order, then clusters), so Tab
//! visits events in time. What one item's elements hold is written by `drawn.rs`.

use super::built::closest_of;
use super::drawn::{Drawing, Drawn};
use super::gestures::StageGestures;
use super::state::TimelineState;
use crate::core::model::EventIndex;
use crate::core::scale::Remap;
use crate::core::scene::{is_cluster_key, Scene, SceneMark};
use leptos::ev::MouseEvent;
use leptos::html::Ol;
use leptos::prelude::*;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;

/// The events list's items, drawn from the scene; built once per timeline.
#[derive(Clone, Copy)]
pub struct SceneItems {
    state: TimelineState,
    gestures: StageGestures,
    drawn: StoredValue<Vec<Drawn>, LocalStorage>,
    /// Whether the window last zoomed out: a scene composed in a gesture is drawn for the
    /// gesture's next steps (see `Placement::drawn`).
    zooming_out: StoredValue<bool>,
}

impl SceneItems {
    /// Draws the scene into `list` whenever it (or the open event) changes.
    pub fn new(state: TimelineState, gestures: StageGestures, list: NodeRef<Ol>) -> SceneItems {
        let items = SceneItems {
            state,
            gestures,
            drawn: StoredValue::new_local(Vec::new()),
            zooming_out: StoredValue::new(false),
        };
        Effect::new(move |_| {
            let Some(list) = list.get() else { return };
            let selected = state.selected.get();
            let remap = state.remap();
            state.scene.with(|scene| {
                items
                    .drawn
                    .try_update_value(|drawn| items.draw(&list, drawn, scene, remap, selected));
            });
        });
        items
    }

    /// A click on an item's button (the list's one listener): opens the event, or zooms to the
    /// cluster's events; not the click that ends a drag or a pinch.
    pub fn on_click(&self, event: MouseEvent) {
        let Some(item) = closest_of(event.target(), ".storyline-event-button")
            .and_then(|button| button.parent_element())
        else {
            return;
        };
        let Some(key) = self.drawn.with_value(|drawn| {
            drawn
                .iter()
                .find(|drawn| *drawn.item.unchecked_ref::<web_sys::Element>() == item)
                .map(|drawn| drawn.key)
        }) else {
            return;
        };
        if !self.gestures.take_click() {
            return;
        }
        let mark = self
            .state
            .scene
            .with_untracked(|scene| scene.item(key).map(|item| item.mark.clone()));
        match mark {
            Some(SceneMark::Event(index)) => self.state.select(Some(index)),
            Some(SceneMark::Cluster(cluster)) => self
                .state
                .motion
                .glide_to(self.state.window_showing(cluster.start, cluster.end, 0.15)),
            None => {}
        }
    }

    /// Brings `list` from what `drawn` holds to `scene`, moved by `remap` to the window shown.
    /// While the window moves between two compositions, only the places change: every item
    /// stays, and only the styles of those in view, or just leaving it, are written.
    fn draw(
        &self,
        list: &web_sys::Node,
        drawn: &mut Vec<Drawn>,
        scene: &Scene,
        remap: Remap,
        selected: Option<EventIndex>,
    ) {
        // Both are sorted by key. An item that stays keeps its place in the list; the others
        // are numbered by the gap between staying items they fall in, in the old list (leaving)
        // and in the new one (arriving).
        let mut old = std::mem::take(drawn).into_iter().peekable();
        let mut gap = 0;
        let mut leaving: Vec<(usize, Drawn)> = Vec::new();
        let mut plan: Vec<(Option<Drawn>, usize)> = Vec::with_capacity(scene.items.len());
        for item in &scene.items {
            while let Some(gone) = old.next_if(|drawn| drawn.key < item.key) {
                leaving.push((gap, gone));
            }
            match old.next_if(|drawn| drawn.key == item.key) {
                Some(staying) => {
                    plan.push((Some(staying), gap));
                    gap += 1;
                }
                None => plan.push((None, gap)),
            }
        }
        leaving.extend(old.map(|gone| (gap, gone)));

        // An arriving item takes the elements of a leaving one of its kind in the same gap,
        // which are already where it belongs; the focused one is never lent (focus would jump
        // to another event).
        let focused = document().active_element();
        let mut lendable: [VecDeque<(usize, Drawn)>; 2] = Default::default();
        let mut removed = Vec::new();
        for (gap, gone) in leaving {
            if focused
                .as_ref()
                .is_some_and(|focused| focused == gone.button.unchecked_ref::<web_sys::Element>())
            {
                removed.push(gone);
            } else {
                lendable[usize::from(is_cluster_key(gone.key))].push_back((gap, gone));
            }
        }
        let mut built = vec![false; plan.len()];
        for ((slot, gap), (item, built)) in plan.iter_mut().zip(scene.items.iter().zip(&mut built))
        {
            if slot.is_some() {
                continue;
            }
            let queue = &mut lendable[usize::from(is_cluster_key(item.key))];
            while queue.front().is_some_and(|(from, _)| from < gap) {
                removed.extend(queue.pop_front().map(|(_, gone)| gone));
            }
            *slot = match queue.front() {
                Some((from, _)) if from == gap => queue.pop_front().map(|(_, lent)| lent),
                _ => None,
            };
            if slot.is_none() {
                *built = true;
                *slot = Some(Drawn::build(is_cluster_key(item.key)));
            }
        }
        for gone in removed
            .into_iter()
            .chain(lendable.into_iter().flatten().map(|(_, gone)| gone))
        {
            gone.item.remove();
        }

        // New items go before the item that follows them (placed already, from the end).
        let mut next: Option<web_sys::Node> = None;
        for ((slot, _), built) in plan.iter().zip(&built).rev() {
            let Some(drawn) = slot else { continue };
            if *built {
                let _ = list.insert_before(&drawn.item, next.as_ref());
            }
            next = Some(drawn.item.clone().into());
        }
        let story = self.state.story();
        if let Some(zooming_out) = remap.zooms_out() {
            self.zooming_out.set_value(zooming_out);
        }
        let zooming_out = self.zooming_out.get_value();
        let drawing = Drawing {
            selected,
            right_to_left: self.state.language.is_right_to_left(),
            width: self.state.width.get_untracked(),
            moving: remap != Remap::IDENTITY,
        };
        for ((slot, _), item) in plan.into_iter().zip(&scene.items) {
            let Some(mut shown) = slot else { continue };
            shown.key = item.key;
            shown.write_words(&story, self.state.language, &item.mark);
            let drawn_placement = item.placement.drawn(remap, zooming_out);
            shown.write_look(&story, item, drawn_placement, drawing);
            drawn.push(shown);
        }
    }
}
