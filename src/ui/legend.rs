//! The category legend: one toggle chip per category with its colour and count, plus All and None.
//! Their clicks are handled by the toolbar's one listener (`toolbar::on_click`).

use super::look::Swatch;
use super::state::TimelineState;
use crate::core::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn Legend(state: TimelineState) -> impl IntoView {
    let (timeline, filter, language) = (state.story(), state.filter, state.language);
    let counts = timeline.category_counts();
    let chips = timeline
        .categories
        .iter()
        .enumerate()
        .map(|(index, category)| {
            let count = counts[index].to_string();
            let pressed = move || filter.with(|filter| filter.is_shown(index));
            let name = format!(
                "{} ({})",
                category.label,
                fill(language.words().events_total, &[("total", &count)])
            );
            view! {
                <li>
                    <button
                        type="button"
                        class="storyline-chip"
                        data-category=category.id.clone()
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        title=name
                    >
                        <Swatch category=category />
                        <span class="storyline-chip-label" dir="auto">{category.label.clone()}</span>
                        <span class="storyline-chip-count">{count}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="storyline-legend" role="group" aria-label=language.words().categories>
            <ul class="storyline-chips">{chips}</ul>
            <button type="button" class="storyline-text-button">
                {language.words().all}
            </button>
            <button type="button" class="storyline-text-button">
                {language.words().none}
            </button>
        </div>
    }
}
