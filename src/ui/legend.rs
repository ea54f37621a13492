//! The category legend: one toggle chip per category with its colour and count, plus All and None.
//! Built as nodes (see `Built`); their clicks go to the toolbar's one listener
//! (`toolbar::on_toolbar_click`), and `show_pressed` keeps each chip's pressed state.

use super::look::category_color;
use super::media::{append, element, text_element};
use super::state::TimelineState;
use crate::core::i18n::fill;
use crate::core::model::CategoryFilter;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The legend, and its chips in the order of the story's categories.
pub(super) fn legend_nodes(state: TimelineState) -> Option<(Element, Vec<Element>)> {
    let (timeline, language) = (state.story(), state.language);
    let words = language.words();
    let counts = timeline.category_counts();
    let legend = element(
        "div",
        "storyline-legend",
        &[("role", "group"), ("aria-label", words.categories)],
    )?;
    let list = element("ul", "storyline-chips", &[])?;
    let mut chips = Vec::with_capacity(timeline.categories.len());
    for (index, category) in timeline.categories.iter().enumerate() {
        let count = language.number(counts[index]);
        let name = format!(
            "{} ({})",
            category.label,
            fill(words.events_total, &[("total", &count)])
        );
        let item = element("li", "", &[])?;
        let chip = element(
            "button",
            "storyline-chip",
            &[
                ("type", "button"),
                ("data-category", &category.id),
                ("title", &name),
            ],
        )?;
        let swatch: HtmlElement = element("span", "storyline-swatch", &[])?.unchecked_into();
        // Through the CSSOM: a host's Content-Security-Policy may refuse `style` attributes.
        let _ = swatch
            .style()
            .set_property("background-color", &category_color(category));
        append(&chip, swatch.into());
        let label = text_element("span", "storyline-chip-label", &category.label)?;
        label.set_attribute("dir", "auto").ok()?;
        append(&chip, label);
        append(&chip, text_element("span", "storyline-chip-count", &count)?);
        append(&item, chip.clone());
        append(&list, item);
        chips.push(chip);
    }
    append(&legend, list);
    for word in [words.all, words.none] {
        let button = text_element("button", "storyline-text-button", word)?;
        button.set_attribute("type", "button").ok()?;
        append(&legend, button);
    }
    Some((legend, chips))
}

/// Each chip pressed while its category is shown.
pub(super) fn show_pressed(chips: &[Element], filter: &CategoryFilter) {
    for (index, chip) in chips.iter().enumerate() {
        let _ = chip.set_attribute("aria-pressed", pressed(filter.is_shown(index)));
    }
}

pub(super) fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}
