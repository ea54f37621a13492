//! The drawn items of the scene: events (a button with its mark and label, opening its details)
//! and clusters (a count that zooms in on the events it gathers), placed from the scene's layout.
//!
//! They are drawn into the list by one effect, not as a view per item: a zoom step brings and
//! takes dozens of items and moves all the others, and a view per item built and dropped its
//! elements and its reactive nodes each time. The effect compares the new scene with what it
//! drew: an item that stays is rewritten only where its look changed; an item that leaves lends
//! its elements to one of its kind that arrives at the same place in the list; only the rest are
//! built or removed. The list stays in key order (events in time order, then clusters), so Tab
//! visits events in time. Places are transforms in one style string per item (through the CSSOM:
//! a host's Content-Security-Policy may refuse `style` attributes), so an item that only moves
//! changes no layout; its mark and label have places of their own, which a move leaves alone.

use super::built::closest_of;
use super::dates::{event_date_label, ReaderDates};
use super::gestures::StageGestures;
use super::look::{category_color, push_px, push_px_property, ROW_HEIGHT, SCENE};
use super::state::TimelineState;
use crate::core::i18n::{fill, Language};
use crate::core::layout::Placement;
use crate::core::model::{EventIndex, Timeline};
use crate::core::scene::{is_cluster_key, short_count, Cluster, Scene, SceneItem, SceneMark};
use crate::core::ticks::TickUnit;
use crate::core::words::DateWords;
use leptos::ev::MouseEvent;
use leptos::html::Ol;
use leptos::prelude::*;
use std::collections::VecDeque;
use wasm_bindgen::JsCast;

/// The elements of one drawn item, and what was last written to them.
struct Drawn {
    key: u64,
    item: web_sys::HtmlElement,
    button: web_sys::HtmlElement,
    mark: web_sys::HtmlElement,
    label: web_sys::HtmlElement,
    /// The event or cluster its words are written for; `None` until written.
    content: Option<SceneMark>,
    class: String,
    /// The places of the item, its mark and its label, as last written.
    styles: [String; 3],
    label_hidden: Option<bool>,
    /// Whether the label was last written as reading right to left.
    label_right_to_left: Option<bool>,
    pressed: Option<bool>,
}

/// The events list's items, drawn from the scene; built once per timeline.
#[derive(Clone, Copy)]
pub struct SceneItems {
    state: TimelineState,
    gestures: StageGestures,
    drawn: StoredValue<Vec<Drawn>, LocalStorage>,
}

impl SceneItems {
    /// Draws the scene into `list` whenever it (or the open event) changes.
    pub fn new(state: TimelineState, gestures: StageGestures, list: NodeRef<Ol>) -> SceneItems {
        let items = SceneItems {
            state,
            gestures,
            drawn: StoredValue::new_local(Vec::new()),
        };
        Effect::new(move |_| {
            let Some(list) = list.get() else { return };
            let selected = state.selected.get();
            state.scene.with(|scene| {
                items
                    .drawn
                    .try_update_value(|drawn| items.draw(&list, drawn, scene, selected));
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

    /// Brings `list` from what `drawn` holds to `scene`.
    fn draw(
        &self,
        list: &web_sys::Node,
        drawn: &mut Vec<Drawn>,
        scene: &Scene,
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
        let right_to_left = self.state.language.is_right_to_left();
        for ((slot, _), item) in plan.into_iter().zip(&scene.items) {
            let Some(mut shown) = slot else { continue };
            shown.key = item.key;
            shown.write_words(&story, self.state.language, &item.mark);
            shown.write_look(&story, item, selected, right_to_left);
            drawn.push(shown);
        }
    }
}

fn element(tag: &str, class: &str) -> web_sys::HtmlElement {
    let element: web_sys::HtmlElement = document()
        .create_element(tag)
        .expect("an element")
        .unchecked_into();
    element.set_class_name(class);
    element
}

impl Drawn {
    /// The elements of an event or a cluster, with nothing written in them yet.
    fn build(cluster: bool) -> Drawn {
        let item = element("li", "");
        let button = element("button", "storyline-event-button");
        let _ = button.set_attribute("type", "button");
        let mark = element(
            "span",
            if cluster {
                "storyline-mark storyline-cluster-badge"
            } else {
                "storyline-mark"
            },
        );
        // Its direction is the core's reading of the title (as `dir="auto"` would read it),
        // written with its place, so the two always agree.
        let label = element("span", "storyline-label");
        let _ = button.append_child(&mark);
        let _ = button.append_child(&label);
        let _ = item.append_child(&button);
        Drawn {
            key: 0,
            item,
            button,
            mark,
            label,
            content: None,
            class: String::new(),
            styles: Default::default(),
            label_hidden: None,
            label_right_to_left: None,
            pressed: None,
        }
    }

    /// The words of an event (its id, name, title and colour) or a cluster (its count and
    /// span), when they are not those written already.
    fn write_words(&mut self, timeline: &Timeline, language: Language, mark: &SceneMark) {
        if self.content.as_ref() == Some(mark) {
            return;
        }
        match mark {
            SceneMark::Event(index) => {
                let event = &timeline.events[*index];
                let _ = self.item.set_attribute("data-event-id", &event.id);
                let _ = self.item.set_attribute("data-index", &index.to_string());
                let style = self.button.style();
                match event.categories.first() {
                    Some(&category) => {
                        let color = category_color(&timeline.categories[category]);
                        let _ = style.set_property("--storyline-event-color", &color);
                    }
                    None => {
                        let _ = style.remove_property("--storyline-event-color");
                    }
                }
                let category_names: Vec<_> = event
                    .categories
                    .iter()
                    .map(|&category| timeline.categories[category].label.as_str())
                    .collect();
                let name = format!(
                    "{}, {}, {}",
                    event.title,
                    event_date_label(event, language),
                    category_names.join(", ")
                );
                let _ = self.button.set_attribute("aria-label", &name);
                self.label.set_text_content(Some(&event.title));
            }
            SceneMark::Cluster(cluster) => {
                let Cluster { count, start, end } = cluster;
                let words = language.words();
                let _ = self
                    .item
                    .set_attribute("data-cluster-count", &count.to_string());
                // Its first and last days in the reader's words ("8 September 2022"), as the
                // rest of the component writes dates; a span ends just before its `end`.
                let dates = ReaderDates::new(language);
                let from = dates.period(*start, TickUnit::Day);
                let to = dates.period((*end - 1.0).max(*start), TickUnit::Day);
                let count_text = language.number(*count);
                let name = fill(
                    words.cluster_name,
                    &[("count", &count_text), ("from", &from), ("to", &to)],
                );
                let _ = self.button.set_attribute("aria-label", &name);
                self.mark
                    .set_text_content(Some(&language.digits(short_count(*count))));
                self.label
                    .set_text_content(Some(&fill(words.cluster_label, &[("count", &count_text)])));
            }
        }
        self.content = Some(mark.clone());
    }

    /// Its place, its classes, whether its label shows and whether it is the open event.
    fn write_look(
        &mut self,
        timeline: &Timeline,
        item: &SceneItem,
        selected: Option<EventIndex>,
        right_to_left: bool,
    ) {
        let placement = item.placement;
        let mut class = String::with_capacity(96);
        let mut pressed = None;
        match item.mark {
            SceneMark::Event(index) => {
                class.push_str("storyline-event");
                let event = &timeline.events[index];
                let (range, approximate) = (event.is_range(), event.approximate);
                let is_selected = selected == Some(index);
                for (on, name) in [
                    (range, " storyline-range"),
                    (approximate, " storyline-approximate"),
                    (placement.point, " storyline-point"),
                    (is_selected, " storyline-selected"),
                ] {
                    if on {
                        class.push_str(name);
                    }
                }
                pressed = Some(is_selected);
            }
            SceneMark::Cluster(_) => {
                class.push_str("storyline-cluster");
                if placement.lane >= SCENE.lanes {
                    class.push_str(" storyline-gathered");
                }
            }
        }
        if class != self.class {
            self.item.set_class_name(&class);
            self.class = class;
        }
        let styles = place_styles(placement, right_to_left);
        let elements: [&web_sys::HtmlElement; 3] = [&self.item, &self.mark, &self.label];
        for ((style, written), element) in styles.into_iter().zip(&mut self.styles).zip(elements) {
            if style != *written {
                // Through the CSSOM (a host's Content-Security-Policy may refuse `style`
                // attributes).
                element.style().set_css_text(&style);
                *written = style;
            }
        }
        let label_hidden = !placement.show_label;
        if self.label_hidden != Some(label_hidden) {
            self.label.set_class_name(if label_hidden {
                "storyline-label storyline-label-hidden"
            } else {
                "storyline-label"
            });
            self.label_hidden = Some(label_hidden);
        }
        // A label reads the component's way unless the layout found it reversed.
        let label_right_to_left = placement.label_reversed != right_to_left;
        if self.label_right_to_left != Some(label_right_to_left) {
            let _ = self
                .label
                .set_attribute("dir", if label_right_to_left { "rtl" } else { "ltr" });
            self.label_right_to_left = Some(label_right_to_left);
        }
        if pressed != self.pressed {
            match pressed {
                Some(pressed) => {
                    let _ = self
                        .button
                        .set_attribute("aria-pressed", if pressed { "true" } else { "false" });
                }
                None => {
                    let _ = self.button.remove_attribute("aria-pressed");
                }
            }
            self.pressed = pressed;
        }
    }
}

/// The places of an item in the lanes, of its mark and of its label inside it, each as one
/// inline style of its own, so a step that moves an item without reshaping it rewrites one
/// transform and nothing its children inherit.
fn place_styles(placement: Placement, right_to_left: bool) -> [String; 3] {
    let start = placement.extent_start();
    let mut item = String::with_capacity(64);
    // Moved, not placed: a step that only moves an item changes no layout. Right to left, the
    // item starts at the right edge and moves left.
    item.push_str("transform:translate(");
    push_px(&mut item, if right_to_left { -start } else { start });
    item.push(',');
    push_px(&mut item, placement.lane as f64 * ROW_HEIGHT);
    item.push_str(");");
    push_px_property(&mut item, "width", placement.extent_end() - start);
    let mut mark = String::with_capacity(48);
    push_px_property(
        &mut mark,
        "inset-inline-start",
        placement.mark_start - start,
    );
    push_px_property(
        &mut mark,
        "width",
        placement.mark_end - placement.mark_start,
    );
    // The label keeps to the edge of its room beside its mark, so a label shorter than its room
    // still touches the mark. It is placed by physical sides: it has a direction of its own (an
    // English title in a Hebrew story), and a flow-relative side would follow that one, not the
    // component's.
    let mut label = String::with_capacity(48);
    let (side, offset) = if placement.label_from_end {
        (
            if right_to_left { "left" } else { "right" },
            placement.extent_end() - placement.label_x - placement.label_width,
        )
    } else {
        (
            if right_to_left { "right" } else { "left" },
            placement.label_x - start,
        )
    };
    push_px_property(&mut label, side, offset);
    push_px_property(&mut label, "max-width", placement.label_width);
    [item, mark, label]
}
