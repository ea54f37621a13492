//! The bar above the time area: the category legend, the zoom buttons, fit-all and the list
//! toggle.

use super::legend::Legend;
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use leptos::prelude::*;

#[component]
pub fn Toolbar(state: TimelineState) -> impl IntoView {
    let words = state.language.words();
    let list_view = state.list_view;
    view! {
        <div class="storyline-toolbar">
            <Legend state=state />
            <div class="storyline-zoom" role="group" aria-label=words.zoom>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=words.zoom_in
                    title=format!("{} (+)", words.zoom_in)
                    on:click=move |_| state.zoom_at_centre(ZOOM_STEP)
                >
                    "+"
                </button>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=words.zoom_out
                    title=format!("{} (\u{2212})", words.zoom_out)
                    on:click=move |_| state.zoom_at_centre(1.0 / ZOOM_STEP)
                >
                    "\u{2212}"
                </button>
                <button type="button" class="storyline-text-button" title=format!("{} (0)", words.fit_all) on:click=move |_| state.fit_all()>
                    {words.fit_all}
                </button>
                <button
                    type="button"
                    class="storyline-text-button"
                    aria-pressed=move || if list_view.get() { "true" } else { "false" }
                    on:click=move |_| list_view.update(|on| *on = !*on)
                >
                    {words.list}
                </button>
            </div>
        </div>
    }
}
