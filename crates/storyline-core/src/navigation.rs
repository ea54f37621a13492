//! Moving through the events in time order, as the keyboard does: next, previous, first, last.

use super::model::{CategoryFilter, EventIndex, Timeline};

/// Which way to move the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    First,
    Last,
}

/// The event a step leads to among those the filter shows, from `current` (or from nowhere, when
/// Next starts at the first event and Previous at the last). `None` when nothing is shown or the
/// step would leave the ends.
pub fn step(
    timeline: &Timeline,
    filter: &CategoryFilter,
    current: Option<EventIndex>,
    step: Step,
) -> Option<EventIndex> {
    let shown = |index: &EventIndex| filter.shows_event(&timeline.events[*index]);
    let count = timeline.events.len();
    match (step, current) {
        (Step::First, _) | (Step::Next, None) => (0..count).find(shown),
        (Step::Last, _) | (Step::Previous, None) => (0..count).rev().find(shown),
        (Step::Next, Some(from)) => (from + 1..count).find(shown),
        (Step::Previous, Some(from)) => (0..from.min(count)).rev().find(shown),
    }
}

/// Where an event stands among those the filter shows, in time order: `(n, N)` for "n of N",
/// counting from 1. `None` when the filter hides it.
pub fn position(
    timeline: &Timeline,
    filter: &CategoryFilter,
    index: EventIndex,
) -> Option<(usize, usize)> {
    let event = timeline.events.get(index)?;
    if !filter.shows_event(event) {
        return None;
    }
    let shown_before = timeline.events[..index]
        .iter()
        .filter(|event| filter.shows_event(event))
        .count();
    let shown_after = timeline.events[index + 1..]
        .iter()
        .filter(|event| filter.shows_event(event))
        .count();
    Some((shown_before + 1, shown_before + 1 + shown_after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{event, timeline_of};

    fn timeline() -> Timeline {
        timeline_of(
            &["cyber", "diplomacy"],
            vec![
                event("visit", "2022-10-23", None, vec![1]),
                event("attack", "2022-07-15", None, vec![0]),
                event("severance", "2022-09-07", None, vec![1]),
                event("second-attack", "2022-09-09", None, vec![0]),
            ],
        )
    }

    fn id(timeline: &Timeline, index: Option<usize>) -> Option<&str> {
        index.map(|index| timeline.events[index].id.as_str())
    }

    #[test]
    fn moves_in_time_order_not_the_order_written() {
        let timeline = timeline();
        let all = CategoryFilter::all(2);
        let first = step(&timeline, &all, None, Step::Next);
        assert_eq!(id(&timeline, first), Some("attack"));
        let second = step(&timeline, &all, first, Step::Next);
        assert_eq!(id(&timeline, second), Some("severance"));
        assert_eq!(
            id(&timeline, step(&timeline, &all, second, Step::Previous)),
            Some("attack")
        );
        assert_eq!(
            id(&timeline, step(&timeline, &all, None, Step::Last)),
            Some("visit")
        );
        assert_eq!(
            step(
                &timeline,
                &all,
                step(&timeline, &all, None, Step::Last),
                Step::Next
            ),
            None
        );
        assert_eq!(step(&timeline, &all, first, Step::Previous), None);
    }

    #[test]
    fn skips_events_the_filter_hides() {
        let timeline = timeline();
        let mut diplomacy_only = CategoryFilter::all(2);
        diplomacy_only.toggle(0);
        let first = step(&timeline, &diplomacy_only, None, Step::First);
        assert_eq!(id(&timeline, first), Some("severance"));
        assert_eq!(
            id(
                &timeline,
                step(&timeline, &diplomacy_only, first, Step::Next)
            ),
            Some("visit")
        );
        assert_eq!(
            step(&timeline, &CategoryFilter::none(2), None, Step::First),
            None
        );
    }

    #[test]
    fn positions_count_the_shown_events_in_time_order() {
        let timeline = timeline();
        let all = CategoryFilter::all(2);
        let index_of = |id: &str| {
            timeline
                .events
                .iter()
                .position(|event| event.id == id)
                .unwrap()
        };
        assert_eq!(position(&timeline, &all, index_of("attack")), Some((1, 4)));
        assert_eq!(
            position(&timeline, &all, index_of("second-attack")),
            Some((3, 4))
        );
        assert_eq!(position(&timeline, &all, index_of("visit")), Some((4, 4)));
        let mut cyber = CategoryFilter::all(2);
        cyber.toggle(1);
        assert_eq!(
            position(&timeline, &cyber, index_of("second-attack")),
            Some((2, 2))
        );
        assert_eq!(position(&timeline, &cyber, index_of("visit")), None);
        assert_eq!(position(&timeline, &all, 99), None);
    }
}
