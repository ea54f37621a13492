//! The time axis: the unit above the ticks (pinned at the left edge), the tick labels, and grid
//! lines. The lines of all ticks are one SVG path per kind, and each label is one element, so a
//! zoom step rewrites a few attributes instead of rebuilding an element pair per tick.

use super::dates::ReaderDates;
use super::look::{push_tenths, px, TICK_CHAR_WIDTH};
use super::state::TimelineState;
use crate::core::ticks::{generate_ticks, Tick, Ticks};
use leptos::prelude::*;

/// Where grid lines start, under the row of their labels (major and minor), in pixels.
const MAJOR_LINE_TOP: f64 = 6.0;
const MINOR_LINE_TOP: f64 = 28.0;
/// How far down grid lines reach; the stage clips them.
const LINE_LENGTH: f64 = 1000.0;

/// The grid lines of these ticks as one path of vertical strokes, each centred on a pixel column
/// so a one-pixel stroke stays sharp (as the borders it replaced were).
fn grid_path(ticks: &[Tick], top: f64) -> String {
    let mut path = String::with_capacity(ticks.len() * 18);
    for tick in ticks {
        path.push('M');
        push_tenths(&mut path, tick.x.round() + 0.5);
        path.push(' ');
        push_tenths(&mut path, top);
        path.push('v');
        push_tenths(&mut path, LINE_LENGTH);
    }
    path
}

/// The labels of these ticks, each placed at its tick; a label the edge would cut in half is
/// left out.
fn tick_labels(ticks: &Ticks, row: &[Tick], label: &dyn Fn(&Tick) -> String) -> Vec<impl IntoView> {
    row.iter()
        .filter_map(|tick| {
            let text = label(tick);
            let end = tick.x + text.chars().count() as f64 * TICK_CHAR_WIDTH;
            (tick.x >= -1.0 && end <= ticks.width).then(|| {
                view! { <span class="storyline-tick storyline-tick-label" style:inset-inline-start=px(tick.x)>{text}</span> }
            })
        })
        .collect()
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
            // Major lines first: where a minor tick falls on a major one, the minor line is on top
            // below the minor labels, as it always was.
            <svg class="storyline-grid">
                <path class="storyline-grid-major" d=move || ticks.with(|ticks| grid_path(&ticks.major, MAJOR_LINE_TOP)) />
                <path class="storyline-grid-minor" d=move || ticks.with(|ticks| grid_path(&ticks.minor, MINOR_LINE_TOP)) />
            </svg>
            <div class="storyline-axis-major">
                <span class="storyline-axis-context">{context}</span>
                {move || ticks.with(|ticks| tick_labels(ticks, &ticks.major, &|tick| ticks.major_label(tick, &words)))}
            </div>
            <div class="storyline-axis-minor">
                {move || ticks.with(|ticks| tick_labels(ticks, &ticks.minor, &|tick| ticks.minor_label(tick, &words)))}
            </div>
        </div>
    }
}
