//! Compressed empty gaps: the stretches of a story where nothing happens, cut down to short
//! marked breaks so a long backstory stays visible and the dense present gets the width.
//!
//! The cut is a fixed, monotonic map from time to *axis time*, built once per story: before the
//! first break axis time equals time, inside a break it runs slower (the break's whole length
//! becomes its short axis length), and after it runs at the normal rate again. Every window,
//! zoom, pan and glide works on axis time with plain linear arithmetic, so they stay anchored and
//! smooth across a break, and a break widens on screen like everything else as the reader zooms
//! in; only what is placed by date (marks, ticks, deep links) goes through the map.
//!
//! The rule ([`BreakRule::STANDARD`]), decided on the story's instants (every event's start and
//! end, whatever the filter, so the axis never moves when categories are turned on and off): the
//! median gap between neighbouring instants is the story's *typical spacing*. A gap at least four
//! typical spacings long becomes a break (the 64 longest at most), drawn a quarter of a typical
//! spacing wide, plus a quarter for every four doublings of its length, so longer gaps look longer.
//! Breaks are kept only when together they shorten the axis by 40% or more: a story whose events
//! are spread evenly keeps one even scale.

use super::date::Seconds;
use std::sync::Arc;

/// One compressed stretch: `[start, end)` in time, drawn over `[axis_start, axis_end)` of axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    pub start: Seconds,
    pub end: Seconds,
    pub axis_start: Seconds,
    pub axis_end: Seconds,
}

impl Break {
    /// How long the stretch really is.
    pub fn duration(&self) -> Seconds {
        self.end - self.start
    }

    /// How many times shorter it is drawn.
    fn ratio(&self) -> f64 {
        (self.axis_end - self.axis_start) / self.duration()
    }
}

/// The map between time and axis time: the story's breaks, in time order, apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Breaks {
    list: Arc<[Break]>,
}

impl Breaks {
    /// No breaks: axis time is time.
    pub fn none() -> Breaks {
        Breaks::default()
    }

    pub fn list(&self) -> &[Break] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Where an instant lies on the axis.
    pub fn to_axis(&self, time: Seconds) -> Seconds {
        let after = self.list.partition_point(|cut| cut.start <= time);
        let Some(cut) = after.checked_sub(1).map(|index| &self.list[index]) else {
            return time;
        };
        if time < cut.end {
            cut.axis_start + (time - cut.start) * cut.ratio()
        } else {
            cut.axis_end + (time - cut.end)
        }
    }

    /// The instant at a place on the axis (the inverse of [`Breaks::to_axis`]).
    pub fn to_time(&self, axis: Seconds) -> Seconds {
        let after = self.list.partition_point(|cut| cut.axis_start <= axis);
        let Some(cut) = after.checked_sub(1).map(|index| &self.list[index]) else {
            return axis;
        };
        if axis < cut.axis_end {
            cut.start + (axis - cut.axis_start) / cut.ratio()
        } else {
            cut.end + (axis - cut.axis_end)
        }
    }

    /// The break an instant falls strictly inside, if any.
    pub fn containing(&self, time: Seconds) -> Option<&Break> {
        let after = self.list.partition_point(|cut| cut.start < time);
        after
            .checked_sub(1)
            .map(|index| &self.list[index])
            .filter(|cut| time < cut.end)
    }

    /// The breaks that overlap `[from, to)` (in time).
    pub fn overlapping(&self, from: Seconds, to: Seconds) -> &[Break] {
        let first = self.list.partition_point(|cut| cut.end <= from);
        let last = self.list.partition_point(|cut| cut.start < to);
        &self.list[first..last.max(first)]
    }

    /// Breaks for these quiet stretches (each `(start, end, axis_length)`, in time order and
    /// apart), laid end to end on the axis.
    fn from_stretches(stretches: impl IntoIterator<Item = (Seconds, Seconds, Seconds)>) -> Breaks {
        let mut removed = 0.0;
        let list: Vec<Break> = stretches
            .into_iter()
            .map(|(start, end, axis_length)| {
                let axis_start = start - removed;
                removed += (end - start) - axis_length;
                Break {
                    start,
                    end,
                    axis_start,
                    axis_end: axis_start + axis_length,
                }
            })
            .collect();
        Breaks { list: list.into() }
    }
}

/// The rule's knobs (see the module's documentation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakRule {
    /// The typical spacing is the gap between neighbouring instants that this share of the gaps
    /// do not exceed.
    pub typical_quantile: f64,
    /// A quiet stretch this many typical spacings long, or longer, becomes a break.
    pub quiet_factor: f64,
    /// A break is drawn this many typical spacings long.
    pub drawn_factor: f64,
    /// Breaks are made only when they shorten the whole axis to this share of its length or less:
    /// a story without long quiet stretches keeps its plain scale.
    pub worth_it: f64,
    /// A break is drawn wider the longer it is: by one more `drawn_factor` for each `growth`
    /// doublings of its length beyond `quiet_factor`, so a 45-year gap looks longer than a
    /// 6-month one and has room to say so.
    pub growth: f64,
    /// At most this many breaks, the longest stretches: however the story is written, the axis
    /// stays a handful of pieces.
    pub most: usize,
}

impl BreakRule {
    pub const STANDARD: BreakRule = BreakRule {
        typical_quantile: 0.5,
        quiet_factor: 4.0,
        drawn_factor: 0.25,
        worth_it: 0.6,
        growth: 4.0,
        most: 64,
    };

    /// The breaks for events spanning these `(start, end)` instants, in any order.
    pub fn breaks(&self, spans: impl IntoIterator<Item = (Seconds, Seconds)>) -> Breaks {
        let instants: Vec<Seconds> = spans
            .into_iter()
            .flat_map(|(start, end)| [start, end])
            .filter(|time| time.is_finite())
            .collect();
        let mut instants = crate::order::sorted(instants, &|a, b| a.total_cmp(b));
        instants.dedup();
        let gaps: Vec<Seconds> = instants.windows(2).map(|pair| pair[1] - pair[0]).collect();
        if gaps.len() < 2 {
            return Breaks::none();
        }
        let by_length = crate::order::sorted(gaps.clone(), &|a, b| a.total_cmp(b));
        let at = ((by_length.len() - 1) as f64 * self.typical_quantile) as usize;
        let typical = by_length[at.min(by_length.len() - 1)];
        let quiet = typical * self.quiet_factor;
        let drawn = typical * self.drawn_factor;
        if drawn.is_nan() || drawn <= 0.0 {
            return Breaks::none();
        }
        let quiet_enough =
            (by_length.len() - by_length.partition_point(|&gap| gap < quiet)).min(self.most);
        // The `most` longest stretches are the last in `by_length`; of those as long as the
        // shortest of them, the first in time are taken.
        let shortest_kept = by_length
            .len()
            .checked_sub(quiet_enough)
            .and_then(|at| by_length.get(at))
            .copied()
            .unwrap_or(f64::INFINITY)
            .max(quiet);
        let longer = by_length.len() - by_length.partition_point(|&gap| gap <= shortest_kept);
        let mut ties_left = quiet_enough.saturating_sub(longer);
        let stretches: Vec<(Seconds, Seconds, Seconds)> = instants
            .windows(2)
            .filter(|pair| {
                let gap = pair[1] - pair[0];
                if gap > shortest_kept {
                    return true;
                }
                let tie = gap == shortest_kept && ties_left > 0;
                ties_left -= usize::from(tie);
                tie
            })
            .map(|pair| {
                let longer = ((pair[1] - pair[0]) / quiet).log2().max(0.0);
                (pair[0], pair[1], drawn * (1.0 + longer / self.growth))
            })
            .collect();
        let extent = instants[instants.len() - 1] - instants[0];
        let saved: Seconds = stretches
            .iter()
            .map(|(start, end, drawn)| end - start - drawn)
            .sum();
        if extent - saved > extent * self.worth_it {
            return Breaks::none();
        }
        Breaks::from_stretches(stretches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{PartialDate, SECONDS_PER_DAY, SECONDS_PER_MEAN_YEAR};
    use crate::model::tests::{pseudo_random, random_timeline};
    use crate::model::{CategoryFilter, Timeline};
    use crate::scale::TimeScale;
    use crate::scene::{compose, SceneMark, SceneOptions};
    use crate::viewport::Viewport;

    const YEAR: f64 = SECONDS_PER_MEAN_YEAR;
    const DAY: f64 = SECONDS_PER_DAY;

    fn demo() -> Timeline {
        crate::parse::parse_timeline(include_str!("../../../data/albania-iran-israel.json"))
            .timeline
            .expect("the demo story is valid")
    }

    fn seconds(date: &str) -> Seconds {
        PartialDate::parse(date).expect("a date").start_seconds()
    }

    fn demo_breaks() -> Breaks {
        BreakRule::STANDARD.breaks(demo().spans())
    }

    /// Instants before, inside, between and after every break, and far outside.
    fn probes(breaks: &Breaks) -> Vec<Seconds> {
        let mut probes = vec![-1e12, 0.0, 1e12];
        for cut in breaks.list() {
            for fraction in [-0.5, 0.0, 0.001, 0.25, 0.5, 0.999, 1.0, 1.5] {
                probes.push(cut.start + cut.duration() * fraction);
            }
        }
        crate::order::sorted(probes, &|a, b| a.total_cmp(b))
    }

    #[test]
    fn time_to_axis_and_back_is_the_identity_and_never_runs_backwards() {
        let breaks = demo_breaks();
        assert!(!breaks.is_empty());
        let probes = probes(&breaks);
        for &time in &probes {
            let back = breaks.to_time(breaks.to_axis(time));
            // To a millisecond (axis arithmetic on instants near 2 × 10⁹ s rounds at ~10⁻⁷ s).
            assert!(
                (back - time).abs() <= 1e-3 + 1e-12 * time.abs(),
                "{time} -> {back}"
            );
        }
        for pair in probes.windows(2) {
            if pair[0] < pair[1] {
                assert!(
                    breaks.to_axis(pair[0]) < breaks.to_axis(pair[1]),
                    "{pair:?}"
                );
            }
        }
        // Before the first break axis time is time; a break is drawn much shorter than it lasts.
        let first = breaks.list()[0];
        assert_eq!(breaks.to_axis(first.start - YEAR), first.start - YEAR);
        assert!(first.axis_end - first.axis_start < first.duration() / 10.0);
        // Without breaks nothing moves.
        assert_eq!(Breaks::none().to_axis(123.0), 123.0);
        assert_eq!(Breaks::none().to_time(123.0), 123.0);
    }

    #[test]
    fn zoom_and_pan_across_a_break_keep_the_instant_under_the_pointer() {
        let breaks = demo_breaks();
        let (first, last) = demo().extent().unwrap();
        let fitted = Viewport::fit(breaks.to_axis(first), breaks.to_axis(last), 0.04);
        let width = 1280.0;
        let scale = |window: Viewport| {
            TimeScale::with_breaks(window.start, window.end, width, breaks.clone())
        };
        let before = scale(fitted);
        // Pointers on each side of a break, and on the break itself.
        for cut in breaks.list() {
            for time in [cut.start - DAY, (cut.start + cut.end) / 2.0, cut.end + DAY] {
                let x = before.x(time);
                if !(0.0..=width).contains(&x) {
                    continue;
                }
                for factor in [1.5, 8.0, 0.5] {
                    let zoomed = fitted.zoom_around(factor, breaks.to_axis(time));
                    let after = scale(zoomed);
                    assert!((after.x(time) - x).abs() < 1e-6, "zoom {factor} at {time}");
                    let under = after.time(x);
                    assert!((under - time).abs() <= 1e-6 * time.abs().max(1.0));
                }
            }
        }
        // A pan by some pixels moves every instant (both sides of a break) by those pixels.
        let panned = scale(fitted.pan_by(100.0 / before.pixels_per_second()));
        for time in probes(&breaks) {
            let moved = before.x(time) - panned.x(time);
            assert!((moved - 100.0).abs() < 1e-6, "{time}: {moved}");
        }
    }

    #[test]
    fn the_demo_story_breaks_its_empty_decades_and_keeps_its_events_out_of_them() {
        let story = demo();
        let breaks = BreakRule::STANDARD.breaks(story.spans());
        let cut_between = |from: &str, to: &str| {
            breaks
                .list()
                .iter()
                .any(|cut| cut.start <= seconds(from) && cut.end >= seconds(to))
        };
        assert!(cut_between("1946", "1989"), "{:?}", breaks.list());
        assert!(cut_between("1993-06", "2008"));
        for index in 0..story.events.len() {
            let (start, end) = story.span(index);
            for time in [start, end] {
                assert!(breaks.containing(time).is_none(), "event {index}");
            }
        }
        // The key events stay far apart enough to be told apart: the attack and the break with
        // Iran, seven weeks apart, are more than a label apart at the first view on a phone.
        let (first, last) = story.extent().unwrap();
        let axis_span = breaks.to_axis(last) - breaks.to_axis(first);
        let attack_to_break =
            breaks.to_axis(seconds("2022-09-07")) - breaks.to_axis(seconds("2022-07-15"));
        assert!(attack_to_break / axis_span * 360.0 > 40.0);
    }

    #[test]
    fn evenly_spread_and_random_stories_keep_one_even_scale() {
        let even: Vec<(Seconds, Seconds)> = (0..500)
            .map(|i| (i as f64 * 30.0 * DAY, i as f64 * 30.0 * DAY))
            .collect();
        assert!(BreakRule::STANDARD.breaks(even).is_empty());
        for seed in [3, 5, 8] {
            let mut seed = seed;
            let story = random_timeline(5_000, &mut seed);
            assert!(
                BreakRule::STANDARD.breaks(story.spans()).is_empty(),
                "seed {seed}"
            );
        }
        // Too little to decide on.
        assert!(BreakRule::STANDARD.breaks([(0.0, 0.0)]).is_empty());
        assert!(BreakRule::STANDARD
            .breaks([(0.0, 0.0), (YEAR, YEAR)])
            .is_empty());
        assert!(BreakRule::STANDARD.breaks([]).is_empty());
    }

    #[test]
    fn two_bursts_far_apart_get_one_break_between_them_and_a_longer_gap_draws_wider() {
        let burst =
            |from: Seconds| (0..20).map(move |i| (from + i as f64 * DAY, from + i as f64 * DAY));
        let drawn = |gap: Seconds| {
            let breaks = BreakRule::STANDARD.breaks(burst(0.0).chain(burst(gap)));
            assert_eq!(breaks.list().len(), 1);
            let cut = breaks.list()[0];
            assert_eq!((cut.start, cut.end), (19.0 * DAY, gap));
            cut.axis_end - cut.axis_start
        };
        let (short, long) = (drawn(YEAR), drawn(30.0 * YEAR));
        // A quarter of the typical day, and one more quarter per four doublings past four days.
        let expected =
            |gap: Seconds| 0.25 * DAY * (1.0 + ((gap - 19.0 * DAY) / (4.0 * DAY)).log2() / 4.0);
        assert!((short - expected(YEAR)).abs() < 1.0, "{short}");
        assert!((long - expected(30.0 * YEAR)).abs() < 1.0, "{long}");
        assert!(long > short && long < 2.0 * DAY);
    }

    #[test]
    fn hostile_instants_never_panic_and_breaks_stay_few() {
        let mut seed = 99;
        // A hundred bursts with ever longer quiet stretches between them: the `most` longest
        // become breaks, no more.
        let mut at = 0.0;
        let spans: Vec<(Seconds, Seconds)> = (0..1_000)
            .map(|i| {
                if i % 10 == 0 {
                    at += 1.1f64.powi(i / 10) * YEAR;
                }
                at += DAY + pseudo_random(&mut seed);
                (at, at)
            })
            .collect();
        let breaks = BreakRule::STANDARD.breaks(spans);
        assert_eq!(breaks.list().len(), BreakRule::STANDARD.most);
        assert!(breaks
            .list()
            .windows(2)
            .all(|pair| pair[0].end <= pair[1].start));
        for odd in [
            vec![
                (f64::NAN, 1.0),
                (f64::INFINITY, f64::NEG_INFINITY),
                (0.0, 0.0),
            ],
            vec![(1e300, -1e300), (-1e300, 1e300), (0.0, 1e-300)],
            vec![(5.0, 5.0); 1_000],
        ] {
            let breaks = BreakRule::STANDARD.breaks(odd);
            for time in [-1e300, 0.0, 1.0, 1e300] {
                let axis = breaks.to_axis(time);
                assert!(!axis.is_nan());
                assert!(!breaks.to_time(axis).is_nan());
            }
        }
    }

    /// The events drawn one by one (with their own mark, labelled or not) in the first view.
    fn shown_one_by_one(story: &Timeline, breaks: Breaks, width: f64) -> (usize, Vec<usize>) {
        let (first, last) = story.extent().unwrap();
        let window = Viewport::fit(breaks.to_axis(first), breaks.to_axis(last), 0.04);
        let scale = TimeScale::with_breaks(window.start, window.end, width, breaks);
        let filter = CategoryFilter::all(story.categories.len());
        let scene = compose(story, &scale, &filter, &[], &SceneOptions::STANDARD);
        let events: Vec<usize> = scene
            .items
            .iter()
            .filter_map(|item| match item.mark {
                SceneMark::Event(index) => Some(index),
                SceneMark::Cluster(_) => None,
            })
            .collect();
        (events.len(), events)
    }

    #[test]
    fn the_demo_first_view_shows_most_events_one_by_one_with_breaks() {
        let story = demo();
        let key = [
            "nato-accession",
            "cyberattack-july-2022",
            "severs-ties-with-iran",
            "rama-visits-israel",
        ];
        // The time area's widths on the demo page at 1280×720 and on a 390×844 phone.
        for (width, at_least, without) in [(1046.0, 16, 10), (366.0, 12, 9)] {
            let (count, events) = shown_one_by_one(&story, demo_breaks(), width);
            assert!(count >= at_least, "{count} at {width}px");
            for id in key {
                let index = story.event_index(id).unwrap_or_else(|| panic!("{id}"));
                assert!(events.contains(&index), "{id} at {width}px");
            }
            // What the even scale showed, for the record: breaks are what makes the difference.
            // (10 at 1046 px since the last event's label, at the right edge, is drawn whole back
            // from its end rather than cut to a few letters: it takes one event's room in 2022.)
            assert_eq!(shown_one_by_one(&story, Breaks::none(), width).0, without);
        }
    }
}
