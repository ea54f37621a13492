//! The time axis: the unit above the ticks (pinned at the left edge), the ticks, and grid lines.

use super::dates::{context_label, tick_label};
use super::look::{px, TICK_CHAR_WIDTH};
use super::state::TimelineState;
use crate::core::ticks::{generate_ticks, Tick, TickUnit};
use leptos::prelude::*;

#[component]
pub fn Axis(state: TimelineState) -> impl IntoView {
    let scale = state.scale;
    let language = state.language;
    let ticks = Memo::new(move |_| generate_ticks(&scale.get(), TICK_CHAR_WIDTH));
    let tick_view = move |class: &'static str, unit: TickUnit, major: bool, width: f64| {
        move |tick: Tick| {
            let label = tick_label(&tick, unit, major, language);
            // A label the edge would cut in half is left out; its grid line stays.
            let fits =
                tick.x >= -1.0 && tick.x + label.chars().count() as f64 * TICK_CHAR_WIDTH <= width;
            let label = if fits { label } else { String::new() };
            view! {
                <span class=class style:inset-inline-start=px(tick.x)>
                    <span class="storyline-tick-label">{label}</span>
                </span>
            }
        }
    };
    // The pinned context label gives way when the first boundary label would run into it.
    let context = move || {
        ticks.with(|ticks| {
            let english = ticks.context.clone()?;
            let context = context_label(&english, ticks.start, ticks.interval.unit, language);
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
                    let ticks = ticks.get();
                    let unit = ticks.interval.unit;
                    ticks
                        .major
                        .into_iter()
                        .map(tick_view("storyline-tick storyline-tick-major", unit, true, ticks.width))
                        .collect_view()
                }}
            </div>
            <div class="storyline-axis-minor">
                {move || {
                    let ticks = ticks.get();
                    let unit = ticks.interval.unit;
                    let width = ticks.width;
                    ticks.minor.into_iter().map(tick_view("storyline-tick", unit, false, width)).collect_view()
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::px;

    #[test]
    fn pixels_are_written_to_a_tenth() {
        assert_eq!(px(12.34), "12.3px");
        assert_eq!(px(-0.06), "-0.1px");
        assert_eq!(px(-0.04), "0.0px");
        assert_eq!(px(1280.0), "1280.0px");
    }
}
