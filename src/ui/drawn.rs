//! One drawn item's elements (a list item, its button, mark and label) and what was last written
//! to them: a zoom step rewrites only what changed. Places are transforms in one style string
//! per item (through the CSSOM: a host's Content-Security-Policy may refuse `style` attributes),
//! so an item that only moves changes no layout; its mark and label have places of their own,
//! lengths in the item's width that a move leaves alone and a zoom mostly does too.

use super::dates::{event_date_label, ReaderDates};
use super::look::{category_color, push_decimal, push_px, push_px_property, ROW_HEIGHT, SCENE};
use crate::core::i18n::{fill, Language};
use crate::core::layout::{InnerLength, Inside, Placement};
use crate::core::model::{EventIndex, Timeline};
use crate::core::scene::{short_count, Cluster, SceneItem, SceneMark};
use crate::core::ticks::TickUnit;
use crate::core::words::DateWords;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The elements of one drawn item, and what was last written to them.
pub(super) struct Drawn {
    pub(super) key: u64,
    pub(super) item: web_sys::HtmlElement,
    pub(super) button: web_sys::HtmlElement,
    mark: web_sys::HtmlElement,
    label: web_sys::HtmlElement,
    /// The mark's and the label's text, each one node kept for good: writing a text node's data
    /// keeps its place in the layout, where `textContent` would replace the node.
    mark_text: web_sys::Text,
    label_text: web_sys::Text,
    /// What its words are written for; `None` until written.
    words: Option<Words>,
    /// The label's new text, written when the label shows: a hidden label's text would be laid
    /// out for nothing (a gathered cluster's label never shows).
    label_words: Option<String>,
    /// The category whose colour its mark was given (`Some(None)`: none); `None` until given.
    color_of: Option<Option<usize>>,
    class: String,
    /// The places of the item, its mark and its label, as last written (a hidden label's place
    /// waits, as its text does).
    styles: [String; 3],
    label_hidden: Option<bool>,
    /// Whether the label was last written as reading right to left.
    label_right_to_left: Option<bool>,
    pressed: Option<bool>,
    /// The place last written, and the key of the item it was written for: while the window
    /// moves, an item whose last place and new place both lie wholly outside the time area is
    /// left where it is (zooming in, most moved items leave the area).
    placed: Option<(u64, Placement)>,
}

/// What one drawing of the scene writes every item for.
#[derive(Clone, Copy)]
pub(super) struct Drawing {
    /// The open event.
    pub(super) selected: Option<EventIndex>,
    pub(super) right_to_left: bool,
    /// The time area's width in pixels.
    pub(super) width: f64,
    /// The window is moving between two compositions: the places are the scene's, moved.
    pub(super) moving: bool,
}

/// What an item's words depend on. A cluster's span changes with nearly every zoom step, its
/// count and its first and last days less often: only those rewrite its words.
#[derive(Clone, Copy, PartialEq)]
enum Words {
    Event(EventIndex),
    Cluster { count: usize, days: (i64, i64) },
}

impl Words {
    fn of(mark: &SceneMark) -> Words {
        match mark {
            SceneMark::Event(index) => Words::Event(*index),
            SceneMark::Cluster(cluster) => Words::Cluster {
                count: cluster.count,
                days: (day_of(cluster.start), day_of(cluster_last_instant(cluster))),
            },
        }
    }
}

/// The day its name is written for: `ReaderDates::period` names the day of the second after it.
fn day_of(time: f64) -> i64 {
    ((time + 1.0) / 86_400.0).floor() as i64
}

/// A span ends just before its `end`.
fn cluster_last_instant(cluster: &Cluster) -> f64 {
    (cluster.end - 1.0).max(cluster.start)
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
    pub(super) fn build(cluster: bool) -> Drawn {
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
        let mark_text = document().create_text_node("");
        let label_text = document().create_text_node("");
        let _ = mark.append_child(&mark_text);
        let _ = label.append_child(&label_text);
        let _ = button.append_child(&mark);
        let _ = button.append_child(&label);
        let _ = item.append_child(&button);
        Drawn {
            key: 0,
            item,
            button,
            mark,
            label,
            mark_text,
            label_text,
            words: None,
            label_words: None,
            color_of: None,
            class: String::new(),
            styles: Default::default(),
            label_hidden: None,
            label_right_to_left: None,
            pressed: None,
            placed: None,
        }
    }

    /// The words of an event (its id, name, title and colour) or a cluster (its count and
    /// span), when they are not those written already.
    pub(super) fn write_words(
        &mut self,
        timeline: &Timeline,
        language: Language,
        mark: &SceneMark,
    ) {
        let words = Words::of(mark);
        if self.words == Some(words) {
            return;
        }
        match mark {
            SceneMark::Event(index) => {
                let event = &timeline.events[*index];
                let _ = self.item.set_attribute("data-event-id", &event.id);
                let _ = self.item.set_attribute("data-index", &index.to_string());
                let category = event.categories.first().copied();
                if self.color_of != Some(category) {
                    let style = self.button.style();
                    match category {
                        Some(category) => {
                            let color = category_color(&timeline.categories[category]);
                            let _ = style.set_property("--storyline-event-color", &color);
                        }
                        None => {
                            let _ = style.remove_property("--storyline-event-color");
                        }
                    }
                    self.color_of = Some(category);
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
                self.label_words = Some(event.title.clone());
            }
            SceneMark::Cluster(cluster) => {
                let count = cluster.count;
                let words = language.words();
                let count_text = language.number(count);
                // Its first and last days in the reader's words ("8 September 2022"), as the
                // rest of the component writes dates.
                let dates = ReaderDates::new(language);
                let from = dates.period(cluster.start, TickUnit::Day);
                let to = dates.period(cluster_last_instant(cluster), TickUnit::Day);
                let name = fill(
                    words.cluster_name,
                    &[("count", &count_text), ("from", &from), ("to", &to)],
                );
                let _ = self.button.set_attribute("aria-label", &name);
                let same_count = matches!(
                    self.words,
                    Some(Words::Cluster { count: written, .. }) if written == count
                );
                if !same_count {
                    let _ = self
                        .item
                        .set_attribute("data-cluster-count", &count.to_string());
                    self.mark_text
                        .set_data(&language.digits(short_count(count)));
                    self.label_words = Some(fill(words.cluster_label, &[("count", &count_text)]));
                }
            }
        }
        self.words = Some(words);
    }

    /// Its place (the scene's, moved to the window shown), its classes, whether its label shows
    /// and whether it is the open event.
    pub(super) fn write_look(
        &mut self,
        timeline: &Timeline,
        item: &SceneItem,
        (placement, inside): (Placement, Inside),
        drawing: Drawing,
    ) {
        let Drawing {
            selected,
            right_to_left,
            width,
            moving,
        } = drawing;
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
        // Only while moving: a composed scene is written whole, so what the page holds once the
        // window rests is exactly the scene, off screen too.
        let unseen = |placement: Placement| placement.lies_outside(width);
        let stays_unseen = moving
            && unseen(placement)
            && self
                .placed
                .is_some_and(|(key, last)| key == self.key && unseen(last));
        if !stays_unseen {
            self.write_place(placement, inside, right_to_left);
            self.placed = Some((self.key, placement));
        }
    }

    /// Where the item, its mark and its label are, whether its label shows and which way it reads.
    fn write_place(&mut self, placement: Placement, inside: Inside, right_to_left: bool) {
        let label_hidden = !placement.show_label;
        let styles = place_styles(placement, inside, right_to_left);
        let elements: [&web_sys::HtmlElement; 3] = [&self.item, &self.mark, &self.label];
        // A hidden label's place is not written: it is written when the label shows.
        let shown = if label_hidden { 2 } else { 3 };
        for ((style, written), element) in styles
            .into_iter()
            .zip(&mut self.styles)
            .zip(elements)
            .take(shown)
        {
            if style != *written {
                // Through the CSSOM (a host's Content-Security-Policy may refuse `style`
                // attributes).
                element.style().set_css_text(&style);
                *written = style;
            }
        }
        if !label_hidden {
            if let Some(words) = self.label_words.take() {
                self.label_text.set_data(&words);
            }
        }
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
    }
}

/// The places of an item in the lanes, of its mark and of its label inside it, each as one
/// inline style of its own, so a step that moves an item without reshaping it rewrites one
/// transform and nothing its children inherit; the mark's and label's places are lengths that
/// stay the same while a gesture goes on one way (see `Placement::drawn`), so most steps
/// rewrite only the item's.
fn place_styles(placement: Placement, inside: Inside, right_to_left: bool) -> [String; 3] {
    let (start, end) = (placement.extent_start(), placement.extent_end());
    let mut item = String::with_capacity(64);
    // Moved, not placed: a step that only moves an item changes no layout. Right to left, the
    // item starts at the right edge and moves left.
    item.push_str("transform:translate(");
    push_px(&mut item, if right_to_left { -start } else { start });
    item.push(',');
    push_px(&mut item, placement.lane as f64 * ROW_HEIGHT);
    item.push_str(");");
    push_px_property(&mut item, "width", end - start);
    let mut mark = String::with_capacity(64);
    push_inner(&mut mark, "inset-inline-start", inside.mark_start);
    push_inner(&mut mark, "width", inside.mark_width);
    // The label keeps to the edge of its room beside its mark, so a label shorter than its room
    // still touches the mark. It is placed by physical sides: it has a direction of its own (an
    // English title in a Hebrew story), and a flow-relative side would follow that one, not the
    // component's.
    let mut label = String::with_capacity(64);
    let side = match (placement.label_from_end, right_to_left) {
        (true, false) | (false, true) => "right",
        (false, false) | (true, true) => "left",
    };
    push_inner(&mut label, side, inside.label_offset);
    push_inner(&mut label, "max-width", inside.label_width);
    [item, mark, label]
}

/// Appends `property:length;` for a length inside an item: pixels, a share of the item's width,
/// or both (`calc(37.500% - 12.0px)`).
fn push_inner(out: &mut String, property: &str, length: InnerLength) {
    out.push_str(property);
    out.push(':');
    let tenths = (length.pixels * 10.0).round();
    if length.share == 0.0 {
        push_px(out, length.pixels);
    } else if tenths == 0.0 {
        push_percent(out, length.share);
    } else {
        out.push_str("calc(");
        push_percent(out, length.share);
        out.push_str(if tenths < 0.0 { " - " } else { " + " });
        push_px(out, length.pixels.abs());
        out.push(')');
    }
    out.push(';');
}

/// Appends a share as a percentage, to a thousandth of a percent (the share's own step).
fn push_percent(out: &mut String, share: f64) {
    push_decimal(out, share * 100.0, 3);
    out.push('%');
}

#[cfg(test)]
mod tests {
    use super::{push_inner, InnerLength};

    #[test]
    fn a_length_inside_an_item_is_written_in_pixels_as_a_share_or_as_both() {
        let written = |share: f64, pixels: f64| {
            let mut style = String::new();
            push_inner(&mut style, "width", InnerLength { share, pixels });
            style
        };
        assert_eq!(written(0.0, 14.0), "width:14.0px;");
        assert_eq!(written(1.0, 0.01), "width:100.000%;");
        assert_eq!(written(0.37512, -12.0), "width:calc(37.512% - 12.0px);");
        assert_eq!(written(0.25, 3.5), "width:calc(25.000% + 3.5px);");
    }
}
