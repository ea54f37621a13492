//! The overview strip under the timeline: the whole story with its event density, and the visible
//! window as a brush to drag (pan), resize by its edges (zoom) or click beside (jump).

use super::built::{closest_of, SVG_NAMESPACE};
use super::dates::ReaderDates;
use super::look::{push_px_property, push_tenths};
use super::measure::{inline_offset, use_element_width, FirstWidth};
use super::media::{append, element, text_element};
use super::motion::Motion;
use super::state::TimelineState;
use crate::core::i18n::fill;
use crate::core::overview::{Brush, Overview};
use crate::core::ticks::TickUnit;
use crate::core::viewport::Viewport;
use crate::core::words::DateWords;
use leptos::ev::{KeyboardEvent, PointerEvent};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::tachys::renderer::dom::Dom;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Margin around the story on the strip, as a fraction of its span.
const MARGIN: f64 = 0.02;
/// Room of one density bar, in pixels, of which the gap to the next is left empty.
const BAR_WIDTH: f64 = 4.0;
const BAR_GAP: f64 = 1.0;
/// A bar's height: the least for one event, up to the range more for the densest bin.
const BAR_MIN_HEIGHT: f64 = 4.0;
const BAR_HEIGHT_RANGE: f64 = 20.0;
/// Bars stand this far above the bottom of the strip, whose height matches the stylesheet's.
const BAR_BOTTOM: f64 = 3.0;
const TRACK_HEIGHT: f64 = 32.0;
/// The brush never gets narrower than this, so a deep zoom stays visible and grabbable.
const MIN_BRUSH_WIDTH: f64 = 10.0;
/// Arrow keys on the brush pan by this fraction of the visible span.
const KEY_PAN_FRACTION: f64 = 0.1;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Grip {
    Body,
    Start,
    End,
}

#[derive(Clone, Copy, Debug)]
struct BrushDrag {
    grip: Grip,
    pointer_id: i32,
    start_x: f64,
    start_window: Viewport,
}

/// The density bars (one per bin, taller for more events, none where there are none) as one SVG
/// path of rectangles standing on the strip's floor.
fn density_path(counts: &[u32]) -> String {
    let tallest = counts.iter().copied().max().unwrap_or(0).max(1);
    let mut path = String::with_capacity(counts.len() * 24);
    for (bin, &count) in counts.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let height = BAR_MIN_HEIGHT + BAR_HEIGHT_RANGE * f64::from(count) / f64::from(tallest);
        path.push('M');
        push_tenths(&mut path, bin as f64 * BAR_WIDTH);
        path.push(' ');
        push_tenths(&mut path, TRACK_HEIGHT - BAR_BOTTOM - height);
        path.push('h');
        push_tenths(&mut path, BAR_WIDTH - BAR_GAP);
        path.push('v');
        push_tenths(&mut path, height);
        path.push('h');
        push_tenths(&mut path, BAR_GAP - BAR_WIDTH);
        path.push('z');
    }
    path
}

/// The brush's place on the strip, as one inline style (set through the CSSOM, which a host's
/// Content-Security-Policy allows where it refuses `style` attributes).
fn brush_style(brush: Brush) -> String {
    let mut style = String::with_capacity(48);
    push_px_property(&mut style, "inset-inline-start", brush.left);
    push_px_property(&mut style, "width", brush.right - brush.left);
    style
}

/// The strip's nodes, and what its listeners call.
pub struct OverviewStrip {
    pub strip: Element,
    /// Where the pointer listeners go.
    pub track: Element,
    /// Where the key listener goes.
    pub slider: Element,
    pub gestures: BrushGestures,
}

/// The strip's nodes, built in the timeline's shell (see `Built` for why nodes): one effect per
/// thing that changes; the timeline registers its listeners with its own (one shape for all). Its
/// width first comes as the time area's does (`first_width`).
pub fn overview_strip(state: TimelineState, first_width: FirstWidth) -> Option<OverviewStrip> {
    let (timeline, filter, motion, language) =
        (state.story(), state.filter, state.motion, state.language);
    let rtl = language.is_right_to_left();
    let dates = ReaderDates::new(language);
    let track = NodeRef::<Div>::new();
    let width = use_element_width(track, first_width);
    let (first, last) = timeline.extent().unwrap_or((0.0, 1.0));
    let breaks = state.breaks();
    let overview =
        Memo::new(move |_| Overview::new(first, last, MARGIN, width.get(), breaks.clone()));
    let density = Memo::new(move |_| {
        let bins = (width.get() / BAR_WIDTH).floor().max(1.0) as usize;
        filter.with(|filter| overview.get().density(&timeline, filter, bins))
    });
    let brush = Memo::new(move |_| {
        overview
            .get()
            .brush(&motion.viewport.get(), MIN_BRUSH_WIDTH)
    });
    let gestures = BrushGestures {
        track,
        overview,
        motion,
        drag: StoredValue::new(None),
        rtl,
    };

    // All bars are one path: a resize or a filter rewrites one attribute, not an element per bar.
    let bars = move || density.with(|counts| density_path(counts));
    let window_text = move || {
        let window = state.time_window();
        let from = dates.period(window.start, TickUnit::Year);
        let to = dates.period(window.end, TickUnit::Year);
        fill(
            language.words().window_span,
            &[("from", &from), ("to", &to)],
        )
    };
    let position = move || {
        let brush = brush.get();
        let width = width.get().max(1.0);
        ((100.0 * (brush.left + brush.right) / 2.0 / width).round() as i64).to_string()
    };
    let (start_year, end_year) = (
        dates.period(first, TickUnit::Year),
        dates.period(last, TickUnit::Year),
    );
    let strip = element("div", "storyline-overview", &[])?;
    let track_element = element("div", "storyline-overview-track", &[])?;
    let svg = Dom::create_element("svg", Some(SVG_NAMESPACE));
    svg.set_attribute("class", "storyline-density").ok()?;
    svg.set_attribute("aria-hidden", "true").ok()?;
    let path = Dom::create_element("path", Some(SVG_NAMESPACE));
    append(&svg, path.clone());
    append(&track_element, svg);
    let slider: HtmlElement = element(
        "div",
        "storyline-brush",
        &[
            ("data-grip", "body"),
            ("role", "slider"),
            ("tabindex", "0"),
            ("aria-label", language.words().overview),
            ("aria-valuemin", "0"),
            ("aria-valuemax", "100"),
        ],
    )?
    .unchecked_into();
    for (class, grip) in [
        ("storyline-brush-grip storyline-brush-start", "start"),
        ("storyline-brush-grip storyline-brush-end", "end"),
    ] {
        append(&slider, element("span", class, &[("data-grip", grip)])?);
    }
    append(&track_element, slider.clone().into());
    append(&strip, track_element.clone());
    let ends = element("div", "storyline-overview-ends", &[("aria-hidden", "true")])?;
    for year in [&start_year, &end_year] {
        append(&ends, text_element("span", "", year)?);
    }
    append(&strip, ends);
    Effect::new(move |_| {
        let _ = path.set_attribute("d", &bars());
    });
    let brush_element = slider.clone();
    Effect::new(move |_| {
        let _ = brush_element.set_attribute("aria-valuenow", &position());
        let _ = brush_element.set_attribute("aria-valuetext", &window_text());
        brush_element
            .style()
            .set_css_text(&brush_style(brush.get()));
    });
    NodeRefContainer::<Div>::load(track, &track_element);
    Some(OverviewStrip {
        strip,
        track: track_element,
        slider: slider.into(),
        gestures,
    })
}

/// What the strip's pointer and key listeners call (registered with the timeline's, see
/// `timeline`): the brush dragged by its body or an edge, a press beside it, the arrow keys.
#[derive(Clone, Copy)]
pub struct BrushGestures {
    track: NodeRef<Div>,
    overview: Memo<Overview>,
    motion: Motion,
    drag: StoredValue<Option<BrushDrag>>,
    rtl: bool,
}

impl BrushGestures {
    pub fn on_pointer_down(&self, event: PointerEvent) {
        let BrushGestures {
            track,
            overview,
            motion,
            drag,
            rtl,
        } = *self;
        if event.button() != 0 {
            return;
        }
        let grip = closest_of(event.target(), "[data-grip]")
            .and_then(|element| element.get_attribute("data-grip"));
        let grip = match grip.as_deref() {
            Some("start") => Grip::Start,
            Some("end") => Grip::End,
            Some(_) => Grip::Body,
            None => {
                // A press beside the brush jumps there; holding on drags from there.
                let x = inline_offset(track, f64::from(event.client_x()), rtl);
                let target = overview.get_untracked().jump(&motion.target(), x);
                motion.jump(target);
                Grip::Body
            }
        };
        event.prevent_default();
        if let Some(element) = track.get_untracked() {
            let _ = element.set_pointer_capture(event.pointer_id());
        }
        drag.set_value(Some(BrushDrag {
            grip,
            pointer_id: event.pointer_id(),
            start_x: inline_offset(track, f64::from(event.client_x()), rtl),
            start_window: motion.viewport.get_untracked(),
        }));
    }

    pub fn on_pointer_move(&self, event: PointerEvent) {
        let Some(current) = self.drag.get_value() else {
            return;
        };
        if current.pointer_id != event.pointer_id() {
            return;
        }
        let dx = inline_offset(self.track, f64::from(event.client_x()), self.rtl) - current.start_x;
        let overview = self.overview.get_untracked();
        let start = overview.brush(&current.start_window, 0.0);
        let window = match current.grip {
            Grip::Body => overview.drag(&current.start_window, dx),
            Grip::Start => overview.window(start.left + dx, start.right),
            Grip::End => overview.window(start.left, start.right + dx),
        };
        self.motion.jump(window);
    }

    pub fn on_pointer_up(&self) {
        self.drag.set_value(None);
    }

    pub fn on_key(&self, event: KeyboardEvent) {
        let rtl = self.rtl;
        let direction = match event.key().as_str() {
            "ArrowDown" => -1.0,
            "ArrowUp" => 1.0,
            "ArrowLeft" => {
                if rtl {
                    1.0
                } else {
                    -1.0
                }
            }
            "ArrowRight" => {
                if rtl {
                    -1.0
                } else {
                    1.0
                }
            }
            _ => return,
        };
        event.prevent_default();
        event.stop_propagation();
        self.motion
            .glide_by(|window| window.pan_by(direction * KEY_PAN_FRACTION * window.span()));
    }
}
