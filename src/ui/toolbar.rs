//! The bar above the time area: the category legend, the zoom buttons, fit-all and the list
//! toggle.

use super::legend::Legend;
use super::state::TimelineState;
use crate::core::gesture::ZOOM_STEP;
use leptos::prelude::*;

#[component]
pub fn Toolbar(state: TimelineState) -> impl IntoView {
    let word = move |key: &str| state.language.word(key);
    let list_view = state.list_view;
    view! {
        <div class="storyline-toolbar">
            <Legend state=state />
            <div class="storyline-zoom" role="group" aria-label=word("zoom")>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=word("zoom_in")
                    title=format!("{} (+)", word("zoom_in"))
                    on:click=move |_| state.zoom_at_centre(ZOOM_STEP)
                >
                    "+"
                </button>
                <button
                    type="button"
                    class="storyline-icon-button"
                    aria-label=word("zoom_out")
                    title=format!("{} (\u{2212})", word("zoom_out"))
                    on:click=move |_| state.zoom_at_centre(1.0 / ZOOM_STEP)
                >
                    "\u{2212}"
                </button>
                <button type="button" class="storyline-text-button" title=format!("{} (0)", word("fit_all")) on:click=move |_| state.fit_all()>
                    {word("fit_all")}
                </button>
                <button
                    type="button"
                    class="storyline-text-button"
                    aria-pressed=move || if list_view.get() { "true" } else { "false" }
                    on:click=move |_| list_view.update(|on| *on = !*on)
                >
                    {word("list")}
                </button>
            </div>
        </div>
    }
}
