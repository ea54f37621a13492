//! The time axis: the unit above the ticks (pinned at the left edge), the tick labels, grid
//! lines, and the story's breaks (a band with a zigzag, and its length where it fits). The lines of all ticks are one SVG path per kind, and each label is one element, reused
//! from step to step, so a zoom step rewrites a few attributes instead of rebuilding an element
//! pair per tick.

use super::built::{Built, Nodes, SVG_NAMESPACE};
use super::dates::ReaderDates;
use super::look::{push_tenths, px, TICK_CHAR_WIDTH};
use super::media::{append, element};
use super::state::TimelineState;
use crate::core::i18n::{fill, Language};
use crate::core::ticks::{generate_ticks, BreakMark, Tick, TickUnit, Ticks};
use leptos::prelude::*;
use leptos::tachys::renderer::dom::Dom;
use wasm_bindgen::JsCast;

/// Where grid lines start, under the row of their labels (major and minor), in pixels.
const MAJOR_LINE_TOP: f64 = 6.0;
const MINOR_LINE_TOP: f64 = 28.0;
/// How far down grid lines reach; the stage clips them.
const LINE_LENGTH: f64 = 1000.0;
/// Width of one character of a break's length (11px italic), kept conservative.
const BREAK_CHAR_WIDTH: f64 = 6.5;
/// How far down a break's zigzag reaches: through the row of fine ticks (where no tick label
/// runs into a break), not over the boundaries' labels above or the events below.
const ZIGZAG_LENGTH: f64 = 48.0;

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

/// The breaks as one path: each a band down its width, or (with `zigzag`) a zigzag down the middle
/// of its part of the axis, the mark of a cut axis (the band is filled and the zigzag stroked,
/// by CSS).
fn break_path(marks: &[BreakMark], zigzag: bool) -> String {
    let mut path = String::new();
    for mark in marks {
        if zigzag {
            let centre = (mark.left + mark.right) / 2.0;
            path.push('M');
            push_tenths(&mut path, centre - 2.0);
            path.push(' ');
            push_tenths(&mut path, MINOR_LINE_TOP - 4.0);
            let mut y = MINOR_LINE_TOP - 4.0;
            while y < ZIGZAG_LENGTH {
                path.push_str(" l4 5l-4 5");
                y += 10.0;
            }
        } else {
            path.push('M');
            push_tenths(&mut path, mark.left);
            path.push_str(" 0H");
            push_tenths(&mut path, mark.right);
            path.push('v');
            push_tenths(&mut path, LINE_LENGTH);
            path.push('H');
            push_tenths(&mut path, mark.left);
            path.push('z');
        }
    }
    path
}

/// Each break's length ("45 yrs"), centred in it, where it fits inside.
fn break_labels(ticks: &Ticks, language: Language) -> Vec<(String, f64)> {
    let words = language.words();
    ticks
        .breaks
        .iter()
        .filter_map(|mark| {
            let word = match mark.unit {
                TickUnit::Year => words.gap_years,
                TickUnit::Month => words.gap_months,
                _ => words.gap_days,
            };
            let text = fill(word, &[("count", &language.number(mark.count as usize))]);
            let width = text.chars().count() as f64 * BREAK_CHAR_WIDTH;
            let x = (mark.left + mark.right - width) / 2.0;
            (mark.right - mark.left >= width + 4.0 && x >= 0.0 && x + width <= ticks.width)
                .then_some((text, x))
        })
        .collect()
}

/// The labels of these ticks that fit, each with its place: a label the edge would cut in half
/// is left out.
fn tick_labels(ticks: &Ticks, row: &[Tick], label: &dyn Fn(&Tick) -> String) -> Vec<(String, f64)> {
    row.iter()
        .filter_map(|tick| {
            let text = label(tick);
            let end = tick.x + text.chars().count() as f64 * TICK_CHAR_WIDTH;
            (tick.x >= -1.0 && end <= ticks.width).then_some((text, tick.x))
        })
        .collect()
}

/// One row of tick labels, drawn straight into its element: a zoom or pan step moves the labels
/// already there and adds or drops only the difference, rather than building a view per label
/// each time.
struct LabelRow {
    class: &'static str,
    /// Each label's element, with the text and place last written to it.
    drawn: Vec<DrawnLabel>,
}

struct DrawnLabel {
    element: web_sys::HtmlElement,
    text: String,
    x: f64,
}

impl LabelRow {
    fn new(class: &'static str) -> LabelRow {
        LabelRow {
            class,
            drawn: Vec::new(),
        }
    }

    fn draw(&mut self, row: &web_sys::Element, labels: Vec<(String, f64)>) {
        // A label that stays keeps its element, found by its text: both rows run in time order,
        // so the search goes on from the last one found. Most of a step's labels stay, shifted,
        // and a kept element's text is not written again (a new text is a new text node to lay
        // out and shape).
        let mut old: Vec<Option<DrawnLabel>> = std::mem::take(&mut self.drawn)
            .into_iter()
            .map(Some)
            .collect();
        let mut from = 0;
        let mut kept: Vec<Option<DrawnLabel>> = labels
            .iter()
            .map(|(text, _)| {
                let found = old[from..]
                    .iter()
                    .position(|drawn| drawn.as_ref().is_some_and(|drawn| drawn.text == *text))?;
                from += found + 1;
                old[from - 1].take()
            })
            .collect();
        for gone in old.into_iter().flatten() {
            gone.element.remove();
        }
        // New labels go before the kept label that follows them, placed first from the end.
        let mut next: Option<web_sys::Node> = None;
        for ((text, x), slot) in labels.into_iter().zip(&mut kept).rev() {
            let mut drawn = match slot.take() {
                Some(drawn) => drawn,
                None => {
                    let Ok(element) = document().create_element("span") else {
                        continue;
                    };
                    element.set_class_name(self.class);
                    element.set_text_content(Some(&text));
                    let _ = row.insert_before(&element, next.as_ref());
                    DrawnLabel {
                        element: element.unchecked_into(),
                        text,
                        x: f64::NAN,
                    }
                }
            };
            if drawn.x != x {
                let _ = web_sys::HtmlElement::style(&drawn.element)
                    .set_property("inset-inline-start", &px(x));
                drawn.x = x;
            }
            next = Some(drawn.element.clone().into());
            self.drawn.push(drawn);
        }
        self.drawn.reverse();
    }
}

#[component]
pub fn Axis(state: TimelineState) -> impl IntoView {
    let scale = state.scale;
    let words = ReaderDates::new(state.language);
    let ticks = Memo::new(move |_| generate_ticks(&scale.get(), &words, TICK_CHAR_WIDTH));
    // The pinned context label gives way when the first boundary label would run into it.
    let context = move |ticks: &Ticks| {
        let context = ticks.context(&words)?;
        let needed = context.chars().count() as f64 * TICK_CHAR_WIDTH + 16.0;
        match ticks.major.first() {
            Some(first) if first.x < needed => None,
            _ => Some(context),
        }
    };
    let language = state.language;
    // Built as nodes (see `Built`), drawn by one effect: every part follows the ticks.
    Built::new(move || {
        let axis = element("div", "storyline-axis", &[("aria-hidden", "true")])?;
        let grid = Dom::create_element("svg", Some(SVG_NAMESPACE));
        grid.set_attribute("class", "storyline-grid").ok()?;
        // Major lines first: where a minor tick falls on a major one, the minor line is on top
        // below the minor labels, as it always was.
        let mut paths = Vec::with_capacity(4);
        for class in [
            "storyline-break-band",
            "storyline-grid-major",
            "storyline-grid-minor",
            "storyline-break",
        ] {
            let path = Dom::create_element("path", Some(SVG_NAMESPACE));
            path.set_attribute("class", class).ok()?;
            append(&grid, path.clone());
            paths.push(path);
        }
        append(&axis, grid);
        let major_row = element("div", "storyline-axis-major", &[])?;
        let context_label = element("span", "storyline-axis-context", &[])?;
        append(&major_row, context_label.clone());
        append(&axis, major_row.clone());
        let minor_row = element("div", "storyline-axis-minor", &[])?;
        append(&axis, minor_row.clone());
        // The effect keeps what it drew: the label rows, and the context label's text.
        Effect::new(move |drawn: Option<([LabelRow; 3], String)>| {
            let ([mut major_labels, mut minor_labels, mut gap_labels], mut written) = drawn
                .unwrap_or_else(|| {
                    (
                        [
                            LabelRow::new("storyline-tick storyline-tick-label"),
                            LabelRow::new("storyline-tick storyline-tick-label"),
                            LabelRow::new("storyline-tick storyline-break-label"),
                        ],
                        String::new(),
                    )
                });
            ticks.with(|ticks| {
                let lines = [
                    break_path(&ticks.breaks, false),
                    grid_path(&ticks.major, MAJOR_LINE_TOP),
                    grid_path(&ticks.minor, MINOR_LINE_TOP),
                    break_path(&ticks.breaks, true),
                ];
                for (path, line) in paths.iter().zip(lines) {
                    let _ = path.set_attribute("d", &line);
                }
                let context = context(ticks).unwrap_or_default();
                if written != context {
                    context_label.set_text_content(Some(&context));
                    written = context;
                }
                let major =
                    tick_labels(ticks, &ticks.major, &|tick| ticks.major_label(tick, &words));
                let minor =
                    tick_labels(ticks, &ticks.minor, &|tick| ticks.minor_label(tick, &words));
                major_labels.draw(&major_row, major);
                minor_labels.draw(&minor_row, minor);
                gap_labels.draw(&minor_row, break_labels(ticks, language));
            });
            ([major_labels, minor_labels, gap_labels], written)
        });
        Some(Nodes::plain(axis))
    })
}
