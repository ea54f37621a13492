//! The bar above the time area: the category legend, the zoom buttons, fit-all and the list
//! toggle.

use super::legend::Legend;
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use crate::core::model::CategoryFilter;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::tachys::renderer::dom::Dom;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MouseEvent};

#[component]
pub fn Toolbar(state: TimelineState) -> impl IntoView {
    let words = state.language.words();
    let list_view = state.list_view;
    // One listener for every button here and in the legend (see `timeline`'s listeners).
    let toolbar = NodeRef::<Div>::new();
    toolbar.on_load(move |toolbar| {
        let listener = Dom::add_event_listener(
            &toolbar,
            "click",
            Box::new(move |event: JsValue| on_click(state, event.unchecked_into())),
        );
        // Removed with the toolbar.
        on_cleanup(move || drop(listener));
    });
    view! {
        <div class="storyline-toolbar" node_ref=toolbar>
            <Legend state=state />
            <div class="storyline-zoom" role="group" aria-label=words.zoom>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=words.zoom_in
                    title=format!("{} (+)", words.zoom_in)
                >
                    "+"
                </button>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=words.zoom_out
                    title=format!("{} (\u{2212})", words.zoom_out)
                >
                    "\u{2212}"
                </button>
                <button type="button" class="storyline-text-button" title=format!("{} (0)", words.fit_all)>
                    {words.fit_all}
                </button>
                <button
                    type="button"
                    class="storyline-text-button"
                    aria-pressed=move || if list_view.get() { "true" } else { "false" }
                >
                    {words.list}
                </button>
            </div>
        </div>
    }
}

/// A click on the toolbar: the button it pressed, known by its place. In the zoom group: zoom in,
/// zoom out, fit all, the list. In the legend: a chip (by its category), then All and None after
/// the chips' list.
fn on_click(state: TimelineState, event: MouseEvent) {
    let Some(button) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| target.closest("button").ok().flatten())
    else {
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
