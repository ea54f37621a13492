//! The time scale: a linear map between instants and pixels, as a plain value tested both ways.

use super::breaks::Breaks;
use super::date::Seconds;

/// `value` held within `[low, high]`, as `f64::clamp` does (a NaN stays NaN), but never panicking:
/// `f64::clamp` asserts `low <= high` with a message that formats both with `Debug`, which alone
/// brings float formatting into the reader (about 9 KB of wasm). When `low > high`, `low` wins
/// below it and `high` above.
pub fn clamped(value: f64, low: f64, high: f64) -> f64 {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

/// Maps the visible window onto `[0, width)` pixels. The window is in axis time (see
/// [`crate::breaks`]): where the story has no breaks, axis time is time.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeScale {
    /// The window's edges on the axis.
    pub axis_start: Seconds,
    pub axis_end: Seconds,
    pub width: f64,
    pub breaks: Breaks,
}

impl TimeScale {
    /// A plain linear scale from `start` to `end`.
    pub fn new(start: Seconds, end: Seconds, width: f64) -> TimeScale {
        TimeScale::with_breaks(start, end, width, Breaks::none())
    }

    /// A scale over the axis window `[axis_start, axis_end)`, with the story's breaks.
    pub fn with_breaks(
        axis_start: Seconds,
        axis_end: Seconds,
        width: f64,
        breaks: Breaks,
    ) -> TimeScale {
        TimeScale {
            axis_start,
            axis_end,
            width,
            breaks,
        }
    }

    /// Pixels per second outside breaks.
    pub fn pixels_per_second(&self) -> f64 {
        self.width / (self.axis_end - self.axis_start)
    }

    /// The horizontal position of an instant.
    pub fn x(&self, time: Seconds) -> f64 {
        self.axis_x(self.breaks.to_axis(time))
    }

    /// The horizontal position of a place on the axis.
    pub fn axis_x(&self, axis: Seconds) -> f64 {
        (axis - self.axis_start) * self.pixels_per_second()
    }

    /// The instant at a horizontal position.
    pub fn time(&self, x: f64) -> Seconds {
        self.breaks
            .to_time(self.axis_start + x / self.pixels_per_second())
    }

    /// The instant at the left edge.
    pub fn first_time(&self) -> Seconds {
        self.breaks.to_time(self.axis_start)
    }

    /// The instant at the right edge.
    pub fn last_time(&self) -> Seconds {
        self.breaks.to_time(self.axis_end)
    }

    /// A duration outside breaks, in pixels.
    pub fn length(&self, duration: Seconds) -> f64 {
        duration * self.pixels_per_second()
    }
}

/// Where a position drawn at one scale lies at another scale of the same width:
/// `x ↦ x × factor + shift`. Between two windows of one axis the map is linear (breaks are fixed
/// on the axis), so what was laid out for one window can be moved to the next without laying it
/// out again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Remap {
    pub factor: f64,
    pub shift: f64,
}

impl Remap {
    /// Positions stay where they are.
    pub const IDENTITY: Remap = Remap {
        factor: 1.0,
        shift: 0.0,
    };

    /// From positions at `from` to positions at `to`.
    pub fn between(from: &TimeScale, to: &TimeScale) -> Remap {
        let pixels_per_second = to.pixels_per_second();
        Remap {
            factor: pixels_per_second / from.pixels_per_second(),
            shift: (from.axis_start - to.axis_start) * pixels_per_second,
        }
    }

    pub fn apply(&self, x: f64) -> f64 {
        x * self.factor + self.shift
    }

    /// Whether it zooms out (`Some(true)`) or in; `None` when it only pans, or keeps still.
    pub fn zooms_out(&self) -> Option<bool> {
        (self.factor != 1.0).then_some(self.factor < 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamped_holds_values_within_bounds_like_clamp_and_never_panics() {
        assert_eq!(clamped(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(clamped(0.25, 0.0, 1.0), 0.25);
        assert_eq!(clamped(7.0, 0.0, 1.0), 1.0);
        assert!(clamped(f64::NAN, 0.0, 1.0).is_nan());
        // Bounds the wrong way round (a window wider than the world): no panic, `low` below it.
        assert_eq!(clamped(-5.0, 2.0, 1.0), 2.0);
        assert_eq!(clamped(5.0, 2.0, 1.0), 1.0);
    }

    #[test]
    fn a_remap_puts_what_was_drawn_at_one_window_where_the_next_window_draws_it() {
        use crate::breaks::BreakRule;
        let spans = [
            (0.0, 1.0),
            (1.0e9, 1.0e9 + 1.0),
            (1.0e9 + 5.0e6, 1.0e9 + 6.0e6),
        ];
        let breaks = BreakRule::STANDARD.breaks(spans);
        let from = TimeScale::with_breaks(2.0e8, 8.0e8, 1_000.0, breaks.clone());
        for (start, end) in [
            (3.0e8, 5.0e8),
            (1.0e8, 9.5e8),
            (2.5e8, 8.5e8),
            (-4.0e8, 1.2e9),
        ] {
            let to = TimeScale::with_breaks(start, end, 1_000.0, breaks.clone());
            let remap = Remap::between(&from, &to);
            for time in [0.0, 2.0e8, 4.4e8, 1.0e9 + 5.5e6, -3.0e7] {
                let (drawn, wanted) = (from.x(time), to.x(time));
                assert!(
                    (remap.apply(drawn) - wanted).abs() < 1e-6,
                    "{time}: {drawn} → {wanted}"
                );
            }
        }
        assert_eq!(Remap::between(&from, &from), Remap::IDENTITY);
        // A narrower window zooms in, a wider one out; the same width moved only pans.
        let zooms_out = |start: f64, end: f64| {
            Remap::between(
                &from,
                &TimeScale::with_breaks(start, end, 1_000.0, breaks.clone()),
            )
            .zooms_out()
        };
        assert_eq!(zooms_out(3.0e8, 5.0e8), Some(false));
        assert_eq!(zooms_out(1.0e8, 9.5e8), Some(true));
        assert_eq!(zooms_out(2.5e8, 8.5e8), None);
    }

    #[test]
    fn maps_the_window_onto_the_width() {
        let scale = TimeScale::new(1_000.0, 2_000.0, 500.0);
        assert_eq!(scale.x(1_000.0), 0.0);
        assert_eq!(scale.x(2_000.0), 500.0);
        assert_eq!(scale.x(1_500.0), 250.0);
        assert_eq!(scale.x(500.0), -250.0);
        assert_eq!(scale.length(100.0), 50.0);
    }

    #[test]
    fn round_trips_both_ways() {
        let scale = TimeScale::new(-62_135_596_800.0, 1_700_000_000.0, 1_280.0);
        for x in [0.0, 1.0, 333.3, 1_279.0, -40.0, 2_000.0] {
            assert!((scale.x(scale.time(x)) - x).abs() < 1e-6, "{x}");
        }
        for time in [0.0, 1_662_508_800.0, -1_000_000_000.0] {
            let back = scale.time(scale.x(time));
            assert!((back - time).abs() < 1.0, "{time} -> {back}");
        }
    }
}
