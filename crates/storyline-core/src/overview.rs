//! The overview strip (focus + context): the whole story's span, its event density, and the
//! visible window as a brush that can be dragged, resized or clicked.

use super::breaks::Breaks;
use super::date::Seconds;
use super::model::{CategoryFilter, Timeline};
use super::scale::{clamped, TimeScale};
use super::viewport::Viewport;

/// Maps the story's whole span (with a margin) onto the strip's width.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub scale: TimeScale,
}

/// The brush's edges on the strip, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Brush {
    pub left: f64,
    pub right: f64,
}

impl Overview {
    /// The strip for a story spanning `[first, last)`, with `margin` (a fraction) on each side,
    /// drawn with the story's breaks like the time area.
    pub fn new(first: Seconds, last: Seconds, margin: f64, width: f64, breaks: Breaks) -> Overview {
        let padded = Viewport::fit(breaks.to_axis(first), breaks.to_axis(last), margin);
        Overview {
            scale: TimeScale::with_breaks(padded.start, padded.end, width.max(1.0), breaks),
        }
    }

    /// The place on the axis at `x` pixels along the strip.
    fn axis_at(&self, x: f64) -> Seconds {
        self.scale.axis_start + x / self.scale.pixels_per_second()
    }

    /// Where the visible window sits on the strip, clamped to it so the brush stays visible
    /// (at least `min_width` pixels wide) even when the window is far outside the story.
    pub fn brush(&self, window: &Viewport, min_width: f64) -> Brush {
        let width = self.scale.width;
        let left = clamped(self.scale.axis_x(window.start), 0.0, width);
        let right = clamped(self.scale.axis_x(window.end), 0.0, width);
        if right - left >= min_width {
            return Brush { left, right };
        }
        let centre = clamped(
            (left + right) / 2.0,
            min_width / 2.0,
            (width - min_width / 2.0).max(min_width / 2.0),
        );
        Brush {
            left: centre - min_width / 2.0,
            right: centre + min_width / 2.0,
        }
    }

    /// The window a brush between `left` and `right` pixels stands for.
    pub fn window(&self, left: f64, right: f64) -> Viewport {
        let (left, right) = if left <= right {
            (left, right)
        } else {
            (right, left)
        };
        Viewport::new(self.axis_at(left), self.axis_at(right))
    }

    /// The window moved so that its centre is at `x` on the strip (a click on the strip).
    pub fn jump(&self, window: &Viewport, x: f64) -> Viewport {
        window.centred_on(self.axis_at(x))
    }

    /// The window panned by a brush drag of `dx` pixels.
    pub fn drag(&self, window: &Viewport, dx: f64) -> Viewport {
        window.pan_by(dx / self.scale.pixels_per_second())
    }

    /// How many shown events touch each of `bins` equal slices of the strip.
    pub fn density(&self, timeline: &Timeline, filter: &CategoryFilter, bins: usize) -> Vec<u32> {
        let mut counts = vec![0u32; bins];
        if bins == 0 {
            return counts;
        }
        let bin_width = self.scale.width / bins as f64;
        let bin_of = |x: f64| ((x / bin_width).floor().max(0.0) as usize).min(bins - 1);
        for event in timeline
            .events
            .iter()
            .filter(|event| filter.shows_event(event))
        {
            let (start, end) = event.span();
            let (first, last) = (bin_of(self.scale.x(start)), bin_of(self.scale.x(end)));
            for count in &mut counts[first..=last.max(first)] {
                *count += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::SECONDS_PER_DAY;
    use crate::model::tests::{event, timeline_of};

    const DAY: f64 = SECONDS_PER_DAY;

    fn overview() -> Overview {
        // 1000 days over 1000 pixels, no margin: one pixel per day.
        Overview::new(0.0, 1_000.0 * DAY, 0.0, 1_000.0, Breaks::none())
    }

    #[test]
    fn brush_and_window_map_both_ways() {
        let overview = overview();
        let window = Viewport::new(100.0 * DAY, 300.0 * DAY);
        let brush = overview.brush(&window, 8.0);
        assert!((brush.left - 100.0).abs() < 1e-9 && (brush.right - 300.0).abs() < 1e-9);
        let back = overview.window(brush.left, brush.right);
        assert!((back.start - window.start).abs() < 1.0 && (back.end - window.end).abs() < 1.0);
        assert_eq!(
            overview.window(300.0, 100.0),
            back,
            "edges dragged past each other"
        );
    }

    #[test]
    fn a_tiny_window_keeps_a_visible_brush() {
        let overview = overview();
        let brush = overview.brush(&Viewport::new(500.0 * DAY, 500.0 * DAY + 3_600.0), 8.0);
        assert!((brush.right - brush.left - 8.0).abs() < 1e-9);
        assert!((brush.left + brush.right) / 2.0 - 500.0 < 1.0);
        let edge = overview.brush(&Viewport::new(-50.0 * DAY, -40.0 * DAY), 8.0);
        assert_eq!((edge.left, edge.right), (0.0, 8.0));
    }

    #[test]
    fn clicking_centres_the_window_and_dragging_pans_it() {
        let overview = overview();
        let window = Viewport::new(0.0, 100.0 * DAY);
        let jumped = overview.jump(&window, 600.0);
        assert!((jumped.centre() - 600.0 * DAY).abs() < 1.0);
        assert!((jumped.span() - window.span()).abs() < 1.0);
        let dragged = overview.drag(&window, 25.0);
        assert!((dragged.start - 25.0 * DAY).abs() < 1.0);
    }

    #[test]
    fn density_counts_shown_events_per_slice() {
        let timeline = timeline_of(
            &["a", "b"],
            vec![
                event("one", "2000-01-01", None, vec![0]),
                event("two", "2000-01-02", None, vec![1]),
                event("long", "2000", Some("2009"), vec![0]),
            ],
        );
        let (first, last) = timeline.extent().unwrap();
        let overview = Overview::new(first, last, 0.0, 100.0, Breaks::none());
        let density = overview.density(&timeline, &CategoryFilter::all(2), 10);
        assert_eq!(density[0], 3);
        assert!(density[1..].iter().all(|&count| count == 1), "{density:?}");
        let mut only_b = CategoryFilter::all(2);
        only_b.toggle(0);
        assert_eq!(
            overview.density(&timeline, &only_b, 10).iter().sum::<u32>(),
            1
        );
    }
}
