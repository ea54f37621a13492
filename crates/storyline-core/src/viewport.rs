//! The visible time window and the zoom and pan arithmetic on it, as an immutable value.

use super::date::{Seconds, SECONDS_PER_HOUR, SECONDS_PER_MEAN_YEAR};
use super::scale::clamped;

/// The narrowest window a reader can zoom to: one hour.
pub const MIN_SPAN: Seconds = SECONDS_PER_HOUR;
/// The widest window: ten thousand years.
pub const MAX_SPAN: Seconds = 10_000.0 * SECONDS_PER_MEAN_YEAR;
/// The window never leaves these instants (about 100,000 BCE to 100,000 CE).
pub const WORLD_START: Seconds = -100_000.0 * SECONDS_PER_MEAN_YEAR;
pub const WORLD_END: Seconds = 100_000.0 * SECONDS_PER_MEAN_YEAR;

/// The visible window `[start, end)` of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub start: Seconds,
    pub end: Seconds,
}

impl Viewport {
    /// A window over `[start, end)`, clamped to the allowed spans and instants.
    pub fn new(start: Seconds, end: Seconds) -> Viewport {
        let centre = (start + end) / 2.0;
        let span = clamped(end - start, MIN_SPAN, MAX_SPAN);
        Viewport {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
        .kept_in_world()
    }

    /// The window that shows `[first, last)` with a margin of `margin` (a fraction of the span)
    /// on each side, so the first and last events are not cut by the edges.
    pub fn fit(first: Seconds, last: Seconds, margin: f64) -> Viewport {
        let span = (last - first).max(MIN_SPAN);
        Viewport::new(first - span * margin, last + span * margin)
    }

    pub fn span(&self) -> Seconds {
        self.end - self.start
    }

    pub fn centre(&self) -> Seconds {
        (self.start + self.end) / 2.0
    }

    /// Zooms in (`factor` > 1) or out (< 1), keeping `anchor` at the same place on screen.
    pub fn zoom_around(&self, factor: f64, anchor: Seconds) -> Viewport {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let anchor_fraction = clamped((anchor - self.start) / self.span(), 0.0, 1.0);
        Viewport::anchored(anchor, anchor_fraction, self.span() / factor)
    }

    /// The window of `span` (clamped) that puts `anchor` at `fraction` (0 = left edge, 1 = right)
    /// of the width: the shape of every zoom, and of a pinch whose fingers also move.
    pub fn anchored(anchor: Seconds, fraction: f64, span: Seconds) -> Viewport {
        let span = if span.is_finite() {
            clamped(span, MIN_SPAN, MAX_SPAN)
        } else {
            MAX_SPAN
        };
        let start = anchor - span * fraction;
        Viewport {
            start,
            end: start + span,
        }
        .kept_in_world()
    }

    /// Moves the window later in time by `offset` (earlier when negative).
    pub fn pan_by(&self, offset: Seconds) -> Viewport {
        // Clamp the offset, not the result, so a huge offset cannot swallow the span in rounding.
        let offset = clamped(offset, WORLD_START - self.start, WORLD_END - self.end);
        Viewport {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// The same span, centred on `time`.
    pub fn centred_on(&self, time: Seconds) -> Viewport {
        self.pan_by(time - self.centre())
    }

    /// The window a fraction `t` (0 to 1) of the way from `self` to `target`, for smooth zooms:
    /// the centre moves evenly and the span changes by equal ratios, so a zoom feels steady.
    pub fn towards(&self, target: &Viewport, t: f64) -> Viewport {
        let t = clamped(t, 0.0, 1.0);
        let centre = self.centre() + (target.centre() - self.centre()) * t;
        // exp∘ln rather than powf: the reader already carries exp, and libm's pow is 2 KB more.
        let span = self.span() * ((target.span() / self.span()).ln() * t).exp();
        Viewport {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
    }

    fn kept_in_world(self) -> Viewport {
        if self.start < WORLD_START {
            return Viewport {
                start: WORLD_START,
                end: WORLD_START + self.span(),
            };
        }
        if self.end > WORLD_END {
            return Viewport {
                start: WORLD_END - self.span(),
                end: WORLD_END,
            };
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::SECONDS_PER_DAY;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn zoom_keeps_the_anchor_under_the_pointer() {
        let view = Viewport::new(0.0, 1_000.0 * SECONDS_PER_DAY);
        let anchor = 250.0 * SECONDS_PER_DAY;
        let zoomed = view.zoom_around(4.0, anchor);
        assert!(close(zoomed.span(), 250.0 * SECONDS_PER_DAY));
        let before = (anchor - view.start) / view.span();
        let after = (anchor - zoomed.start) / zoomed.span();
        assert!(close(before, after), "{before} {after}");
        let back = zoomed.zoom_around(0.25, anchor);
        assert!(close(back.start, view.start) && close(back.end, view.end));
    }

    #[test]
    fn a_pinch_keeps_the_anchor_under_the_moving_fingers() {
        let anchor = 500.0 * SECONDS_PER_DAY;
        let pinched = Viewport::anchored(anchor, 0.75, 40.0 * SECONDS_PER_DAY);
        assert!(close(pinched.span(), 40.0 * SECONDS_PER_DAY));
        assert!(close((anchor - pinched.start) / pinched.span(), 0.75));
        assert!(close(
            Viewport::anchored(anchor, 0.5, f64::INFINITY).span(),
            MAX_SPAN
        ));
    }

    #[test]
    fn zoom_is_clamped_between_an_hour_and_ten_thousand_years() {
        let view = Viewport::new(0.0, SECONDS_PER_DAY);
        assert!(close(view.zoom_around(1e9, 100.0).span(), MIN_SPAN));
        assert!(close(view.zoom_around(1e-12, 100.0).span(), MAX_SPAN));
        assert!(close(Viewport::new(5.0, 5.0).span(), MIN_SPAN));
        assert_eq!(view.zoom_around(f64::NAN, 0.0), view);
        assert_eq!(view.zoom_around(0.0, 0.0), view);
    }

    #[test]
    fn pan_moves_both_edges_and_stays_in_the_world() {
        let view = Viewport::new(0.0, 100.0 * SECONDS_PER_DAY);
        let panned = view.pan_by(10.0 * SECONDS_PER_DAY);
        assert!(close(panned.start, 10.0 * SECONDS_PER_DAY));
        assert!(close(panned.span(), view.span()));
        let far = view.pan_by(-1e20);
        assert_eq!(far.start, WORLD_START);
        assert!(close(far.span(), view.span()));
        assert!(close(view.centred_on(0.0).centre(), 0.0));
    }

    #[test]
    fn gliding_moves_the_centre_evenly_and_the_span_by_ratios() {
        let from = Viewport::new(0.0, 100.0 * SECONDS_PER_DAY);
        let to = Viewport::new(1_000.0 * SECONDS_PER_DAY, 1_001.0 * SECONDS_PER_DAY);
        assert_eq!(from.towards(&to, 0.0), from);
        let end = from.towards(&to, 1.0);
        assert!(close(end.start, to.start) && close(end.end, to.end));
        let middle = from.towards(&to, 0.5);
        assert!(close(middle.span(), 10.0 * SECONDS_PER_DAY));
        assert!(close(middle.centre(), (from.centre() + to.centre()) / 2.0));
    }

    #[test]
    fn fit_adds_a_margin_on_both_sides() {
        let view = Viewport::fit(0.0, 100.0 * SECONDS_PER_DAY, 0.05);
        assert!(close(view.start, -5.0 * SECONDS_PER_DAY));
        assert!(close(view.end, 105.0 * SECONDS_PER_DAY));
    }
}
