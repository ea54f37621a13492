//! Every pointer and wheel gesture on the time area, as a pure state machine: presses, drags,
//! two-finger pinches, double taps and wheels in, viewport intents out (like d3-zoom's `zoom.js`,
//! with `Viewport` as its transform). The UI only feeds it DOM events and applies what it returns.
//!
//! Positions are pixels from where time starts (the left edge, or the right edge when time runs
//! right to left), so nothing here knows which way the page reads.

use super::date::Seconds;
use super::scale::TimeScale;
use super::viewport::Viewport;

/// A pointer that moves less than this between press and release has clicked, not dragged.
pub const DRAG_THRESHOLD: f64 = 4.0;
/// Two taps closer than this in time (ms) and space (px) make a double tap.
pub const DOUBLE_TAP_MS: f64 = 320.0;
pub const DOUBLE_TAP_DISTANCE: f64 = 30.0;
/// How much one pixel of wheel movement zooms: 100px of wheel is about a 1.2× zoom.
pub const WHEEL_ZOOM_PER_PIXEL: f64 = 0.0018;
/// One zoom step: a double click or tap, the zoom buttons, the + and - keys.
pub const ZOOM_STEP: f64 = 2.0;
/// Wheel deltas in lines and pages, brought to pixels.
const PIXELS_PER_LINE: f64 = 16.0;
const PIXELS_PER_PAGE: f64 = 400.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerKind {
    Mouse,
    Touch,
    Pen,
}

/// One pointer event on the time area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointer {
    pub id: i32,
    pub kind: PointerKind,
    /// Pixels from where time starts.
    pub x: f64,
    /// The main button (a touch, a pen tip, the left mouse button).
    pub main_button: bool,
}

/// One wheel event, as the browser reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wheel {
    pub delta_x: f64,
    pub delta_y: f64,
    /// 0: pixels, 1: lines, 2: pages (`WheelEvent.deltaMode`).
    pub delta_mode: u32,
    /// Ctrl or ⌘ held; trackpad pinches arrive this way too.
    pub zoom_key: bool,
    pub shift_key: bool,
    /// Pixels from where time starts.
    pub x: f64,
}

/// What the view should do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Intent {
    /// Show this window at once: wheels, drags and pinches follow the hand.
    Show(Viewport),
    /// Glide to a zoom by `factor` that keeps the instant `anchor` in place.
    GlideZoom { factor: f64, anchor: Seconds },
}

/// What one pointer event asks of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Response {
    pub intent: Option<Intent>,
    /// Pointers the time area should capture, so a drag or pinch goes on outside it.
    pub capture: [Option<i32>; 2],
}

impl Response {
    fn show(window: Viewport) -> Response {
        Response {
            intent: Some(Intent::Show(window)),
            ..Response::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Idle,
    /// One pointer down; it becomes a drag once it moves past the threshold.
    Press {
        pointer_id: i32,
        start_x: f64,
        start_window: Viewport,
        dragging: bool,
    },
    /// Two touch points: the instant under their midpoint follows the midpoint, and the span
    /// follows the distance between them.
    Pinch {
        first: (i32, f64),
        second: (i32, f64),
        start_distance: f64,
        anchor: Seconds,
        start_span: Seconds,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Tap {
    at_ms: f64,
    x: f64,
}

/// The gesture under way on one time area. `window` is the window shown and `width` the time
/// area's width in pixels, as of the event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gestures {
    phase: Phase,
    last_tap: Option<Tap>,
    /// The click that ends a drag or a pinch is not a click on what lies under it.
    swallow_click: bool,
    last_pointer_was_touch: bool,
}

impl Default for Gestures {
    fn default() -> Gestures {
        Gestures {
            phase: Phase::Idle,
            last_tap: None,
            swallow_click: false,
            last_pointer_was_touch: false,
        }
    }
}

impl Gestures {
    /// A pointer pressed: a press that may become a drag, or with a second finger, a pinch.
    pub fn pointer_down(&mut self, pointer: Pointer, window: Viewport, width: f64) -> Response {
        let is_touch = pointer.kind == PointerKind::Touch;
        self.last_pointer_was_touch = is_touch;
        if !pointer.main_button {
            return Response::default();
        }
        match self.phase {
            Phase::Press {
                pointer_id,
                start_x,
                ..
            } if is_touch && pointer_id != pointer.id => {
                // A second finger: from a drag to a pinch.
                let midpoint = (pointer.x + start_x) / 2.0;
                self.phase = Phase::Pinch {
                    first: (pointer_id, start_x),
                    second: (pointer.id, pointer.x),
                    start_distance: (pointer.x - start_x).abs().max(1.0),
                    anchor: scale(window, width).time(midpoint),
                    start_span: window.span(),
                };
                self.swallow_click = true;
                Response {
                    intent: None,
                    capture: [Some(pointer_id), Some(pointer.id)],
                }
            }
            _ => {
                self.swallow_click = false;
                self.phase = Phase::Press {
                    pointer_id: pointer.id,
                    start_x: pointer.x,
                    start_window: window,
                    dragging: false,
                };
                Response::default()
            }
        }
    }

    /// A pointer moved: a drag pans, a pinch zooms; the window follows from where the gesture began.
    pub fn pointer_move(&mut self, pointer: Pointer, width: f64) -> Response {
        match self.phase {
            Phase::Press {
                pointer_id,
                start_x,
                start_window,
                dragging,
            } if pointer_id == pointer.id => {
                let dx = pointer.x - start_x;
                if !dragging && dx.abs() < DRAG_THRESHOLD {
                    return Response::default();
                }
                self.phase = Phase::Press {
                    pointer_id,
                    start_x,
                    start_window,
                    dragging: true,
                };
                // The time under the pointer stays under it: the drag is measured in the scale
                // the drag started with.
                let seconds = dx / scale(start_window, width).pixels_per_second();
                let mut response = Response::show(start_window.pan_by(-seconds));
                if !dragging {
                    response.capture[0] = Some(pointer_id);
                }
                response
            }
            Phase::Pinch {
                mut first,
                mut second,
                start_distance,
                anchor,
                start_span,
            } => {
                if first.0 == pointer.id {
                    first.1 = pointer.x;
                } else if second.0 == pointer.id {
                    second.1 = pointer.x;
                } else {
                    return Response::default();
                }
                self.phase = Phase::Pinch {
                    first,
                    second,
                    start_distance,
                    anchor,
                    start_span,
                };
                let distance = (first.1 - second.1).abs().max(1.0);
                let midpoint = (first.1 + second.1) / 2.0;
                let fraction = midpoint / width.max(1.0);
                Response::show(Viewport::anchored(
                    anchor,
                    fraction,
                    start_span * start_distance / distance,
                ))
            }
            _ => Response::default(),
        }
    }

    /// A pointer released (or cancelled). A quick second tap near the first zooms in there.
    pub fn pointer_up(
        &mut self,
        pointer: Pointer,
        now_ms: f64,
        window: Viewport,
        width: f64,
    ) -> Response {
        let mut response = Response::default();
        if let Phase::Press {
            dragging, start_x, ..
        } = self.phase
        {
            self.swallow_click = dragging;
            if pointer.kind == PointerKind::Touch && !dragging {
                let double = self.last_tap.is_some_and(|tap| {
                    now_ms - tap.at_ms < DOUBLE_TAP_MS
                        && (tap.x - start_x).abs() < DOUBLE_TAP_DISTANCE
                });
                if double {
                    self.last_tap = None;
                    response.intent = Some(Intent::GlideZoom {
                        factor: ZOOM_STEP,
                        anchor: scale(window, width).time(start_x),
                    });
                } else {
                    self.last_tap = Some(Tap {
                        at_ms: now_ms,
                        x: start_x,
                    });
                }
            }
        }
        self.phase = Phase::Idle;
        response
    }

    /// A double click zooms in where it was; touch screens report double taps here too, and
    /// those were handled when the finger lifted.
    pub fn double_click(&self, x: f64, window: Viewport, width: f64) -> Option<Intent> {
        (!self.last_pointer_was_touch).then(|| Intent::GlideZoom {
            factor: ZOOM_STEP,
            anchor: scale(window, width).time(x),
        })
    }

    /// Whether a click should act: not the one that ends a drag or a pinch. Asking consumes
    /// the answer, so the next click acts again.
    pub fn take_click(&mut self) -> bool {
        !std::mem::take(&mut self.swallow_click)
    }

    /// Ctrl (⌘) + wheel and trackpad pinches zoom at the pointer; sideways or Shift + wheel pans.
    /// A plain vertical wheel gives `None`: the page keeps scrolling.
    pub fn wheel(
        &self,
        wheel: Wheel,
        right_to_left: bool,
        window: Viewport,
        width: f64,
    ) -> Option<Intent> {
        let unit = match wheel.delta_mode {
            1 => PIXELS_PER_LINE,
            2 => PIXELS_PER_PAGE,
            _ => 1.0,
        };
        let (dx, dy) = (wheel.delta_x * unit, wheel.delta_y * unit);
        // Sideways scrolling moves the content the way the fingers go, on screen.
        let dx = if right_to_left { -dx } else { dx };
        let scale = scale(window, width);
        if wheel.zoom_key {
            let factor = (-dy * WHEEL_ZOOM_PER_PIXEL).exp();
            Some(Intent::Show(
                window.zoom_around(factor, scale.time(wheel.x)),
            ))
        } else if wheel.shift_key || dx.abs() > dy.abs() {
            let delta = if dx.abs() > dy.abs() { dx } else { dy };
            Some(Intent::Show(
                window.pan_by(delta / scale.pixels_per_second()),
            ))
        } else {
            None
        }
    }
}

fn scale(window: Viewport, width: f64) -> TimeScale {
    TimeScale::new(window.start, window.end, width.max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400.0;
    const WIDTH: f64 = 1_000.0;

    /// 1,000 days over 1,000 pixels: one pixel is one day.
    fn window() -> Viewport {
        Viewport::new(0.0, 1_000.0 * DAY)
    }

    fn mouse(x: f64) -> Pointer {
        Pointer {
            id: 1,
            kind: PointerKind::Mouse,
            x,
            main_button: true,
        }
    }

    fn finger(id: i32, x: f64) -> Pointer {
        Pointer {
            id,
            kind: PointerKind::Touch,
            x,
            main_button: true,
        }
    }

    fn shown(response: Response) -> Viewport {
        match response.intent {
            Some(Intent::Show(window)) => window,
            other => panic!("expected a window to show, got {other:?}"),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3 * DAY
    }

    #[test]
    fn a_press_becomes_a_drag_only_past_the_threshold_and_then_swallows_its_click() {
        let mut gestures = Gestures::default();
        gestures.pointer_down(mouse(500.0), window(), WIDTH);
        let small = gestures.pointer_move(mouse(500.0 + DRAG_THRESHOLD - 0.5), WIDTH);
        assert_eq!(small, Response::default(), "a jitter is not a drag");
        gestures.pointer_up(mouse(503.0), 0.0, window(), WIDTH);
        assert!(gestures.take_click(), "a press without a drag is a click");

        gestures.pointer_down(mouse(500.0), window(), WIDTH);
        let first = gestures.pointer_move(mouse(510.0), WIDTH);
        assert_eq!(
            first.capture,
            [Some(1), None],
            "the drag captures its pointer"
        );
        // Dragging right by 10 px shows 10 days earlier: the content follows the hand.
        assert!(close(shown(first).start, -10.0 * DAY));
        let second = gestures.pointer_move(mouse(460.0), WIDTH);
        assert_eq!(second.capture, [None, None], "captured once");
        assert!(
            close(shown(second).start, 40.0 * DAY),
            "measured from the press"
        );
        gestures.pointer_up(mouse(460.0), 0.0, shown(second), WIDTH);
        assert!(
            !gestures.take_click(),
            "the click ending a drag is swallowed"
        );
        assert!(gestures.take_click(), "only that one");
    }

    #[test]
    fn other_buttons_and_other_pointers_do_nothing() {
        let mut gestures = Gestures::default();
        let right_button = Pointer {
            main_button: false,
            ..mouse(100.0)
        };
        gestures.pointer_down(right_button, window(), WIDTH);
        assert_eq!(
            gestures.pointer_move(mouse(300.0), WIDTH),
            Response::default()
        );
        gestures.pointer_down(mouse(100.0), window(), WIDTH);
        let stranger = Pointer {
            id: 9,
            ..mouse(300.0)
        };
        assert_eq!(gestures.pointer_move(stranger, WIDTH), Response::default());
    }

    #[test]
    fn a_pinch_keeps_the_instant_between_the_fingers_under_them() {
        let mut gestures = Gestures::default();
        gestures.pointer_down(finger(1, 400.0), window(), WIDTH);
        let pinch = gestures.pointer_down(finger(2, 600.0), window(), WIDTH);
        assert_eq!(pinch.capture, [Some(1), Some(2)]);
        // The fingers spread to twice their distance around the same midpoint: twice the zoom,
        // and day 500 (under the midpoint) stays at pixel 500.
        gestures.pointer_move(finger(1, 300.0), WIDTH);
        let spread = shown(gestures.pointer_move(finger(2, 700.0), WIDTH));
        assert!(close(spread.span(), 500.0 * DAY), "{}", spread.span() / DAY);
        let scale = TimeScale::new(spread.start, spread.end, WIDTH);
        assert!(close(scale.time(500.0), 500.0 * DAY));
        // Moving both fingers right drags the anchor along with them.
        gestures.pointer_move(finger(1, 400.0), WIDTH);
        let moved = shown(gestures.pointer_move(finger(2, 800.0), WIDTH));
        let scale = TimeScale::new(moved.start, moved.end, WIDTH);
        assert!(close(scale.time(600.0), 500.0 * DAY));
        gestures.pointer_up(finger(2, 800.0), 0.0, moved, WIDTH);
        assert!(!gestures.take_click(), "a pinch is no tap");
    }

    #[test]
    fn two_quick_taps_close_together_zoom_in_there() {
        let mut gestures = Gestures::default();
        let tap = |gestures: &mut Gestures, x: f64, at_ms: f64| {
            gestures.pointer_down(finger(1, x), window(), WIDTH);
            gestures.pointer_up(finger(1, x), at_ms, window(), WIDTH)
        };
        assert_eq!(tap(&mut gestures, 250.0, 1_000.0).intent, None);
        match tap(&mut gestures, 260.0, 1_000.0 + DOUBLE_TAP_MS - 20.0).intent {
            Some(Intent::GlideZoom { factor, anchor }) => {
                assert_eq!(factor, ZOOM_STEP);
                assert!(close(anchor, 260.0 * DAY), "at the second tap");
            }
            other => panic!("a double tap zooms in, got {other:?}"),
        }
        assert_eq!(
            tap(&mut gestures, 260.0, 1_400.0).intent,
            None,
            "a third tap starts over"
        );
        assert_eq!(
            tap(&mut gestures, 260.0, 1_400.0 + DOUBLE_TAP_MS + 1.0).intent,
            None,
            "too slow"
        );
        assert_eq!(
            tap(&mut gestures, 260.0 + DOUBLE_TAP_DISTANCE + 1.0, 1_800.0).intent,
            None,
            "too far"
        );
        // The browser's own dblclick after touch taps is not a second zoom.
        assert_eq!(gestures.double_click(260.0, window(), WIDTH), None);
        gestures.pointer_down(mouse(100.0), window(), WIDTH);
        match gestures.double_click(100.0, window(), WIDTH) {
            Some(Intent::GlideZoom { factor, anchor }) => {
                assert_eq!(factor, ZOOM_STEP);
                assert!(close(anchor, 100.0 * DAY));
            }
            other => panic!("a mouse double click zooms in, got {other:?}"),
        }
    }

    #[test]
    fn wheels_zoom_with_the_key_pan_sideways_and_leave_the_page_scrolling_otherwise() {
        let gestures = Gestures::default();
        let wheel = |delta_x: f64, delta_y: f64, zoom_key: bool, shift_key: bool| Wheel {
            delta_x,
            delta_y,
            delta_mode: 0,
            zoom_key,
            shift_key,
            x: 250.0,
        };
        assert_eq!(
            gestures.wheel(wheel(0.0, 100.0, false, false), false, window(), WIDTH),
            None,
            "a plain vertical wheel scrolls the page"
        );
        let Some(Intent::Show(zoomed)) =
            gestures.wheel(wheel(0.0, -100.0, true, false), false, window(), WIDTH)
        else {
            panic!("ctrl + wheel zooms");
        };
        assert!(zoomed.span() < window().span(), "wheel up zooms in");
        let scale = TimeScale::new(zoomed.start, zoomed.end, WIDTH);
        assert!(close(scale.time(250.0), 250.0 * DAY), "at the pointer");

        let pan = |wheel: Wheel, right_to_left: bool| match gestures.wheel(
            wheel,
            right_to_left,
            window(),
            WIDTH,
        ) {
            Some(Intent::Show(window)) => window.start / DAY,
            other => panic!("expected a pan, got {other:?}"),
        };
        assert!((pan(wheel(30.0, 5.0, false, false), false) - 30.0).abs() < 1e-6);
        assert!((pan(wheel(30.0, 5.0, false, false), true) + 30.0).abs() < 1e-6);
        assert!((pan(wheel(0.0, 20.0, false, true), false) - 20.0).abs() < 1e-6);
        let lines = Wheel {
            delta_mode: 1,
            ..wheel(2.0, 0.0, false, false)
        };
        assert!((pan(lines, false) - 2.0 * PIXELS_PER_LINE).abs() < 1e-6);
    }
}
