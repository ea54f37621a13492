//! The time axis: the unit above the ticks (pinned at the left edge), the ticks, and grid lines.

use super::dates::ReaderDates;
use super::look::{px, TICK_CHAR_WIDTH};
use super::state::TimelineState;
use crate::core::ticks::{generate_ticks, Tick};
use leptos::prelude::*;

/// One tick: its grid line, and its label unless the edge would cut it in half.
fn tick_view(class: &'static str, tick: &Tick, label: String, width: f64) -> impl IntoView {
    let fits = tick.x >= -1.0 && tick.x + label.chars().count() as f64 * TICK_CHAR_WIDTH <= width;
    let label = if fits { label } else { String::new() };
    view! {
        <span class=class style:inset-inline-start=px(tick.x)>
            <span class="storyline-tick-label">{label}</span>
        </span>
    }
}

#[component]
pub fn Axis(state: TimelineState) -> impl IntoView {
    let scale = state.scale;
    let words = ReaderDates::new(state.language);
    let ticks = Memo::new(move |_| generate_ticks(&scale.get(), &words, TICK_CHAR_WIDTH));
    // The pinned context label gives way when the first boundary label would run into it.
    let context = move || {
        ticks.with(|ticks| {
            let context = ticks.context(&words)?;
            let needed = context.chars().count() as f64 * TICK_CHAR_WIDTH + 16.0;
            match ticks.major.first() {
                Some(first) if first.x < needed => None,
                _ => Some(context),
            }
        })
    };
    view! {
        <div class="storyline-axis" aria-hidden="true">
            <div class="storyline-axis-major">
                <span class="storyline-axis-context">{context}</span>
                {move || {
                    ticks.with(|ticks| {
                        ticks
                            .major
                            .iter()
                            .map(|tick| {
                                let label = ticks.major_label(tick, &words);
                                tick_view("storyline-tick storyline-tick-major", tick, label, ticks.width)
                            })
                            .collect_view()
                    })
                }}
            </div>
            <div class="storyline-axis-minor">
                {move || {
                    ticks.with(|ticks| {
                        ticks
                            .minor
                            .iter()
                            .map(|tick| {
                                let label = ticks.minor_label(tick, &words);
                                tick_view("storyline-tick", tick, label, ticks.width)
                            })
                            .collect_view()
                    })
                }}
            </div>
        </div>
    }
}
