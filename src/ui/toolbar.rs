//! The bar above the time area: the category legend, the zoom buttons, fit-all and the list
//! toggle. Made as DOM nodes in the timeline's shell (see `Built` for why): one effect keeps the
//! pressed states, one listener takes every click (`on_toolbar_click`, registered with the
//! timeline's own).

use super::built::closest_of;
use super::legend::{legend_nodes, pressed, show_pressed};
use super::media::{append, element, text_element};
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use crate::core::model::CategoryFilter;
use leptos::prelude::*;
use web_sys::{Element, MouseEvent};

/// The toolbar's nodes, kept by one effect; built in the timeline's shell.
pub fn toolbar(state: TimelineState) -> Option<Element> {
    let words = state.language.words();
    let toolbar = element("div", "storyline-toolbar", &[])?;
    let (legend, chips) = legend_nodes(state)?;
    append(&toolbar, legend);
    let zoom = element(
        "div",
        "storyline-zoom",
        &[("role", "group"), ("aria-label", words.zoom)],
    )?;
    for (text, name) in [("+", words.zoom_in), ("\u{2212}", words.zoom_out)] {
        let title = format!("{name} ({text})");
        let button = text_element("button", "storyline-icon-button", text)?;
        for (attribute, value) in [("type", "button"), ("aria-label", name), ("title", &title)] {
            button.set_attribute(attribute, value).ok()?;
        }
        append(&zoom, button);
    }
    let fit = text_element("button", "storyline-text-button", words.fit_all)?;
    fit.set_attribute("type", "button").ok()?;
    fit.set_attribute("title", &format!("{} (0)", words.fit_all))
        .ok()?;
    append(&zoom, fit);
    let list = text_element("button", "storyline-text-button", words.list)?;
    list.set_attribute("type", "button").ok()?;
    append(&zoom, list.clone());
    append(&toolbar, zoom);
    let (filter, list_view) = (state.filter, state.list_view);
    Effect::new(move |_| {
        filter.with(|filter| show_pressed(&chips, filter));
        let _ = list.set_attribute("aria-pressed", pressed(list_view.get()));
    });
    Some(toolbar)
}

/// A click on the toolbar: the button it pressed, known by its place. In the zoom group: zoom in,
/// zoom out, fit all, the list. In the legend: a chip (by its category), then All and None after
/// the chips' list.
pub fn on_toolbar_click(state: TimelineState, event: MouseEvent) {
    let Some(button) = closest_of(event.target(), "button") else {
        return;
    };
    let categories = state.story().categories.len();
    if let Some(id) = button.get_attribute("data-category") {
        let story = state.story();
        if let Some(index) = story
            .categories
            .iter()
            .position(|category| category.id == id)
        {
            state.set_filter(|filter| filter.toggle(index));
        }
        return;
    }
    let mut place = 0;
    let mut before = button.previous_element_sibling();
    while let Some(sibling) = before {
        place += 1;
        before = sibling.previous_element_sibling();
    }
    let in_zoom = matches!(button.closest(".storyline-zoom"), Ok(Some(_)));
    match (in_zoom, place) {
        (true, 0) => state.zoom_at_centre(ZOOM_STEP),
        (true, 1) => state.zoom_at_centre(1.0 / ZOOM_STEP),
        (true, 2) => state.fit_all(),
        (true, _) => state.list_view.update(|on| *on = !*on),
        (false, 1) => state.set_filter(|filter| *filter = CategoryFilter::all(categories)),
        (false, _) => state.set_filter(|filter| *filter = CategoryFilter::none(categories)),
    }
}
