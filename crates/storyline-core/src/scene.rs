//! The scene: what to draw for one window, bounded by the screen rather than the data.
//!
//! Events in and near the window are found through the index; where more events crowd one slice
//! of the screen than can be told apart, they merge into a cluster with a count (clicking it zooms
//! to them). The rest are laid out in lanes; whatever finds no lane is gathered, slice by slice,
//! into counts in the bottom lane. So the number of things drawn depends on the width of the
//! screen, never on the size of the story.

use super::date::Seconds;
use super::layout::{place, LayoutItem, LayoutOptions, Placement};
use super::model::{CategoryFilter, EventIndex, Timeline};
use super::scale::TimeScale;
use super::text::reads_right_to_left;

/// A group of events drawn as one mark with a count.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub count: usize,
    /// From the start of the first member to the end of the last.
    pub start: Seconds,
    pub end: Seconds,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SceneMark {
    Event(EventIndex),
    Cluster(Cluster),
}

/// One thing to draw, with a key that stays the same while it stays on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneItem {
    pub key: u64,
    pub mark: SceneMark,
    pub placement: Placement,
}

/// Everything drawn for a window. Items are sorted by key: events first, in time order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub items: Vec<SceneItem>,
    pub lane_count: usize,
}

impl Scene {
    pub fn item(&self, key: u64) -> Option<&SceneItem> {
        self.items
            .binary_search_by_key(&key, |item| item.key)
            .ok()
            .map(|found| &self.items[found])
    }

    pub fn keys(&self) -> Vec<u64> {
        self.items.iter().map(|item| item.key).collect()
    }
}

/// The sizes the scene works with, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SceneOptions {
    pub label_char_width: f64,
    pub label_padding: f64,
    pub max_label_width: f64,
    pub point_width: f64,
    pub label_offset: f64,
    pub gap: f64,
    /// Lanes that carry labels; one more below holds the gathered counts.
    pub lanes: usize,
    /// The slice of screen within which events may merge (rounded to a power of two of seconds,
    /// so slices stay put while the reader pans and change only every doubling of zoom).
    pub slice_width: f64,
    /// A slice with more events than this shows them as one cluster...
    pub max_per_slice: usize,
    /// ...but only when the window holds more events than this; below it every event is laid
    /// out on its own and only those that find no lane are gathered into counts.
    pub cluster_above: usize,
    /// The characters a cluster's label adds to its count in the reader's language (" events"
    /// in English), so the layout reserves the room of the label actually shown.
    pub cluster_word_chars: usize,
    /// The component reads right to left (time runs leftwards and x is measured from the right
    /// edge): a title reads the layout's way when it reads this way too.
    pub right_to_left: bool,
}

impl SceneOptions {
    /// The sizes the component draws with. Character widths are conservative for the 13px label
    /// font; labels are clipped to the width reserved for them, so an underestimate can cut text
    /// but never make labels overlap.
    pub const STANDARD: SceneOptions = SceneOptions {
        label_char_width: 7.0,
        label_padding: 8.0,
        max_label_width: 240.0,
        point_width: 14.0,
        label_offset: 4.0,
        gap: 10.0,
        lanes: 7,
        slice_width: 32.0,
        max_per_slice: 3,
        cluster_above: 100,
        cluster_word_chars: " events".len(),
        right_to_left: false,
    };
}

/// Keys: an event's key is its index; clusters have the top bit set, then whether they were
/// gathered from the bottom lane, then their first event's index. A cluster that keeps its first
/// event keeps its key from one zoom step to the next (even when the slices' size changes), so
/// it is drawn as the same item, moved; members of clusters never share events, so no two
/// clusters share a key.
const CLUSTER_BIT: u64 = 1 << 63;
const GATHERED_BIT: u64 = 1 << 62;

fn cluster_key(gathered: bool, first_event: EventIndex) -> u64 {
    CLUSTER_BIT | if gathered { GATHERED_BIT } else { 0 } | first_event as u64
}

/// The first event of an item: the event itself, or a cluster's first.
fn first_event_of(key: u64) -> EventIndex {
    (key & !(CLUSTER_BIT | GATHERED_BIT)) as EventIndex
}

pub fn is_cluster_key(key: u64) -> bool {
    key & CLUSTER_BIT != 0
}

/// The duration of one slice: a power of two of seconds near `slice_width` pixels.
fn slice_duration(scale: &TimeScale, slice_width: f64) -> Seconds {
    let level = (slice_width / scale.pixels_per_second()).log2().ceil() as i32;
    2f64.powi(level)
}

/// What goes into the layout before it is placed.
struct Candidate {
    key: u64,
    mark: SceneMark,
    start: Seconds,
    end: Seconds,
    label_chars: usize,
    /// The label reads against the component (see `LayoutItem::label_reversed`).
    label_reversed: bool,
    priority: u8,
}

/// Builds the scene for a window. `pinned` events (the open one, the one with keyboard focus)
/// are never merged into a cluster and get the first pick of lanes.
pub fn compose(
    timeline: &Timeline,
    scale: &TimeScale,
    filter: &CategoryFilter,
    pinned: &[EventIndex],
    options: &SceneOptions,
) -> Scene {
    let slice = slice_duration(scale, options.slice_width);

    let mut candidates = Vec::new();
    // Narrow events come in start order, so the members of a slice arrive together.
    let mut slice_members: Vec<EventIndex> = Vec::new();
    let mut current_slice = i64::MIN;
    let flush = |members: &mut Vec<EventIndex>, candidates: &mut Vec<Candidate>| {
        if members.len() > options.max_per_slice {
            candidates.push(cluster_candidate(timeline, members, options));
        } else {
            candidates.extend(
                members
                    .iter()
                    .map(|&index| event_candidate(timeline, index, pinned, options)),
            );
        }
        members.clear();
    };
    let shown: Vec<EventIndex> = timeline
        // Points a label's width outside the view can still show their label inside it.
        .events_overlapping(
            scale.time(-options.max_label_width),
            scale.time(scale.width + options.max_label_width),
        )
        .into_iter()
        .filter(|&index| filter.shows_event(&timeline.events[index]))
        .collect();
    let crowded = shown.len() > options.cluster_above;
    for index in shown {
        let (start, end) = timeline.span(index);
        if !crowded
            || scale.x(end) - scale.x(start) >= options.point_width
            || pinned.contains(&index)
        {
            candidates.push(event_candidate(timeline, index, pinned, options));
            continue;
        }
        // Slices are cut on the axis, so a break is no wider in slices than on screen.
        let slice_number = (scale.breaks.to_axis(start) / slice).floor() as i64;
        if slice_number != current_slice {
            flush(&mut slice_members, &mut candidates);
            current_slice = slice_number;
        }
        slice_members.push(index);
    }
    flush(&mut slice_members, &mut candidates);

    let items: Vec<LayoutItem> = candidates
        .iter()
        .map(|candidate| LayoutItem {
            id: candidate.key,
            start_x: scale.x(candidate.start).max(-options.max_label_width),
            end_x: scale
                .x(candidate.end)
                .min(scale.width + options.max_label_width),
            label_width: (candidate.label_chars as f64 * options.label_char_width
                + options.label_padding)
                .min(options.max_label_width),
            priority: candidate.priority,
            label_reversed: candidate.label_reversed,
        })
        .collect();
    let (placements, laid_out_lanes) = place(
        &items,
        &LayoutOptions {
            point_width: options.point_width,
            label_offset: options.label_offset,
            gap: options.gap,
            max_lanes: options.lanes,
            view_left: 0.0,
            view_right: scale.width,
        },
    );

    let mut scene_items = Vec::with_capacity(candidates.len());
    let mut left_over: Vec<&Candidate> = Vec::new();
    for (candidate, placement) in candidates.iter().zip(placements) {
        if placement.lane < options.lanes {
            scene_items.push(SceneItem {
                key: candidate.key,
                mark: candidate.mark.clone(),
                placement,
            });
        } else {
            left_over.push(candidate);
        }
    }
    let gathered = gather(left_over, scale, slice, options);
    let lane_count = if gathered.is_empty() {
        laid_out_lanes.min(options.lanes)
    } else {
        options.lanes + 1
    };
    scene_items.extend(gathered);
    // Events come in time order, which is key order; clusters come among them: ordering them
    // apart and putting them after the events leaves the events' (long) part unsorted.
    let by_key = |a: &SceneItem, b: &SceneItem| a.key.cmp(&b.key);
    let (events, clusters): (Vec<SceneItem>, Vec<SceneItem>) = scene_items
        .into_iter()
        .partition(|item| !is_cluster_key(item.key));
    let mut scene_items = crate::order::sorted(events, &by_key);
    scene_items.extend(crate::order::sorted(clusters, &by_key));
    Scene {
        items: scene_items,
        lane_count,
    }
}

fn event_candidate(
    timeline: &Timeline,
    index: EventIndex,
    pinned: &[EventIndex],
    options: &SceneOptions,
) -> Candidate {
    let event = &timeline.events[index];
    let (start, end) = timeline.span(index);
    Candidate {
        key: index as u64,
        mark: SceneMark::Event(index),
        start,
        end,
        label_chars: event.title.chars().count(),
        // As `dir="auto"` would read it; a title without letters reads the component's way.
        label_reversed: reads_right_to_left(&event.title)
            .is_some_and(|right_to_left| right_to_left != options.right_to_left),
        priority: if pinned.contains(&index) {
            u8::MAX
        } else {
            event.importance
        },
    }
}

fn cluster_candidate(
    timeline: &Timeline,
    members: &[EventIndex],
    options: &SceneOptions,
) -> Candidate {
    let (start, end) = members
        .iter()
        .map(|&index| timeline.span(index))
        .fold((f64::MAX, f64::MIN), |(a, b), (start, end)| {
            (a.min(start), b.max(end))
        });
    Candidate {
        key: cluster_key(false, members.iter().copied().min().unwrap_or_default()),
        mark: SceneMark::Cluster(Cluster {
            count: members.len(),
            start,
            end,
        }),
        start,
        end,
        label_chars: members.len().to_string().len() + options.cluster_word_chars,
        // Worded in the reader's language, which reads the component's way.
        label_reversed: false,
        // A cluster stands for several events: it deserves a label more than most single ones.
        priority: 4,
    }
}

/// A count as short as a badge needs: 7, 999, 1.2k, 45k.
pub fn short_count(count: usize) -> String {
    match count {
        0..=999 => count.to_string(),
        1_000..=9_999 => match (count % 1_000) / 100 {
            0 => format!("{}k", count / 1_000),
            tenths => format!("{}.{tenths}k", count / 1_000),
        },
        _ => format!("{}k", count / 1_000),
    }
}

/// Gathers what found no lane into the bottom lane: one mark per slice of screen, a bare mark for
/// a lone event and a count for several.
fn gather(
    left_over: Vec<&Candidate>,
    scale: &TimeScale,
    slice: Seconds,
    options: &SceneOptions,
) -> Vec<SceneItem> {
    let mut by_slice: Vec<(i64, Vec<&Candidate>)> = Vec::new();
    for candidate in left_over {
        // Long events are gathered where they are seen: at the middle of their visible part.
        let visible_start = scale.breaks.to_axis(candidate.start).max(scale.axis_start);
        let visible_end = scale
            .breaks
            .to_axis(candidate.end)
            .min(scale.axis_end)
            .max(visible_start);
        let slice_number = (((visible_start + visible_end) / 2.0) / slice).floor() as i64;
        match by_slice
            .iter_mut()
            .find(|(number, _)| *number == slice_number)
        {
            Some((_, members)) => members.push(candidate),
            None => by_slice.push((slice_number, vec![candidate])),
        }
    }
    let lane = options.lanes;
    by_slice
        .into_iter()
        .map(|(slice_number, members)| {
            let slice_start = scale.axis_x(slice_number as f64 * slice);
            let slice_end = scale.axis_x((slice_number + 1) as f64 * slice);
            if let [single] = members.as_slice() {
                if let SceneMark::Event(_) = single.mark {
                    let centre = (scale.x(single.start) + scale.x(single.end)) / 2.0;
                    let half = options.point_width / 2.0;
                    let point = scale.x(single.end) - scale.x(single.start) <= options.point_width;
                    let (mark_start, mark_end) = if point {
                        (centre - half, centre + half)
                    } else {
                        (
                            scale.x(single.start).max(-half),
                            scale.x(single.end).min(scale.width + half),
                        )
                    };
                    return SceneItem {
                        key: single.key,
                        mark: single.mark.clone(),
                        placement: bare_placement(single.key, lane, mark_start, mark_end, point),
                    };
                }
            }
            let count = members
                .iter()
                .map(|member| match &member.mark {
                    SceneMark::Cluster(cluster) => cluster.count,
                    SceneMark::Event(_) => 1,
                })
                .sum();
            let start = members.iter().map(|m| m.start).fold(f64::MAX, f64::min);
            let end = members.iter().map(|m| m.end).fold(f64::MIN, f64::max);
            let first_event = members
                .iter()
                .map(|member| first_event_of(member.key))
                .min()
                .unwrap_or_default();
            let key = cluster_key(true, first_event);
            SceneItem {
                key,
                mark: SceneMark::Cluster(Cluster { count, start, end }),
                // The badge fills its slice, less a little air, so neighbouring badges never touch.
                placement: bare_placement(key, lane, slice_start + 1.0, slice_end - 1.0, false),
            }
        })
        .collect()
}

fn bare_placement(id: u64, lane: usize, mark_start: f64, mark_end: f64, point: bool) -> Placement {
    Placement {
        id,
        lane,
        show_label: false,
        mark_start,
        mark_end,
        point,
        label_x: mark_end,
        label_width: 0.0,
        label_reversed: false,
        label_from_end: false,
    }
}

/// While the window moves (a wheel, a pinch, a drag, a glide), the scene is composed again at
/// most once in this many milliseconds; in between, what was composed is moved to the window
/// shown (`Placement::remapped`). Composing re-forms clusters and relabels what it draws, which
/// costs a frame's budget at every step; moving only restyles the items already drawn.
pub const RECOMPOSE_MS: f64 = 100.0;

/// Whether a window that has just changed is composed now or later.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pace {
    /// Compose the scene for it now.
    Now,
    /// Keep the scene composed last, moved; compose again after this many milliseconds (the
    /// caller sets a timer and then calls [`ComposePace::due`]).
    After(f64),
    /// Keep the scene composed last, moved: a later composition is already due.
    Waiting,
}

/// Paces composing while the window moves (see [`RECOMPOSE_MS`]): the first change after a
/// pause is composed at once, so a single step (a key, a click) is never late; changes that come
/// faster are moved, and composed together when the interval has passed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ComposePace {
    last_composed_ms: Option<f64>,
    waiting: bool,
    due: bool,
}

impl ComposePace {
    /// The window changed at `now_ms` (any clock that only goes forward).
    pub fn changed(&mut self, now_ms: f64) -> Pace {
        let rested = self
            .last_composed_ms
            .is_none_or(|last| now_ms - last >= RECOMPOSE_MS);
        if self.due || rested {
            *self = ComposePace {
                last_composed_ms: Some(now_ms),
                waiting: false,
                due: false,
            };
            return Pace::Now;
        }
        if self.waiting {
            return Pace::Waiting;
        }
        self.waiting = true;
        let since = self.last_composed_ms.map_or(0.0, |last| now_ms - last);
        Pace::After(RECOMPOSE_MS - since)
    }

    /// The next change composes whatever the time: the timer `Pace::After` asked for fired, or
    /// the window was moved by a step that must show its result at once.
    pub fn due(&mut self) {
        self.due = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{pseudo_random, random_timeline};
    use crate::parse::parse_timeline;
    use crate::viewport::Viewport;

    const OPTIONS: SceneOptions = SceneOptions::STANDARD;

    fn story() -> Timeline {
        parse_timeline(include_str!("../../../data/albania-iran-israel.json"))
            .timeline
            .expect("the story is valid")
    }

    fn counted(scene: &Scene) -> usize {
        scene
            .items
            .iter()
            .map(|item| match &item.mark {
                SceneMark::Event(_) => 1,
                SceneMark::Cluster(cluster) => cluster.count,
            })
            .sum()
    }

    fn scale_for(timeline: &Timeline, zoom: f64, centre_fraction: f64, width: f64) -> TimeScale {
        let (first, last) = timeline.extent().unwrap();
        let fitted = Viewport::fit(first, last, 0.0);
        let centre = first + (last - first) * centre_fraction;
        let window = fitted.centred_on(centre).zoom_around(zoom, centre);
        TimeScale::new(window.start, window.end, width)
    }

    #[test]
    fn composing_while_the_window_moves_is_paced() {
        let mut pace = ComposePace::default();
        // The first change, and the first after a pause, compose at once.
        assert_eq!(pace.changed(1_000.0), Pace::Now);
        assert_eq!(pace.changed(1_150.0), Pace::Now);
        // Faster changes wait for the rest of the interval, with one timer.
        assert_eq!(pace.changed(1_170.0), Pace::After(80.0));
        assert_eq!(pace.changed(1_190.0), Pace::Waiting);
        assert_eq!(pace.changed(1_230.0), Pace::Waiting);
        // When the timer fires, the window then shown is composed.
        pace.due();
        assert_eq!(pace.changed(1_250.0), Pace::Now);
        assert_eq!(pace.changed(1_260.0), Pace::After(90.0));
        // A change at the end of the interval composes even before its timer fires.
        assert_eq!(pace.changed(1_350.0), Pace::Now);
        // A step that must show its result composes at once.
        pace.due();
        assert_eq!(pace.changed(1_351.0), Pace::Now);
    }

    #[test]
    fn the_story_at_full_view_draws_every_event() {
        let timeline = story();
        let scale = scale_for(&timeline, 1.0, 0.5, 1280.0);
        let scene = compose(&timeline, &scale, &CategoryFilter::all(5), &[], &OPTIONS);
        assert_eq!(counted(&scene), timeline.events.len());
    }

    #[test]
    fn clusters_conserve_counts_and_the_scene_stays_bounded_at_any_zoom() {
        let mut seed = 11;
        let timeline = random_timeline(20_000, &mut seed);
        let all = CategoryFilter::all(5);
        for zoom in [1.0, 3.0, 10.0, 100.0, 1_000.0, 30_000.0] {
            for width in [390.0, 1280.0] {
                let scale = scale_for(&timeline, zoom, pseudo_random(&mut seed), width);
                let scene = compose(&timeline, &scale, &all, &[], &OPTIONS);
                // Count what lies in the window the scene covers, exactly as the scene sees it.
                let expected = timeline
                    .events_overlapping(
                        scale.time(-OPTIONS.max_label_width),
                        scale.time(scale.width + OPTIONS.max_label_width),
                    )
                    .len();
                assert_eq!(counted(&scene), expected, "zoom {zoom}, width {width}");
                let bound = (width / 24.0) as usize * (OPTIONS.lanes + 1)
                    + (width / OPTIONS.slice_width) as usize
                    + 20;
                assert!(
                    scene.items.len() <= bound,
                    "{} items at zoom {zoom}",
                    scene.items.len()
                );
            }
        }
    }

    #[test]
    fn cluster_labels_get_the_room_of_the_callers_words() {
        let mut seed = 11;
        let timeline = random_timeline(20_000, &mut seed);
        // " acontecimientos" is the Spanish label's word, longer than English " events".
        for word_chars in [" events".len(), " acontecimientos".chars().count()] {
            let options = SceneOptions {
                cluster_word_chars: word_chars,
                ..OPTIONS
            };
            let mut labelled = 0;
            for zoom in [3.0, 10.0, 100.0] {
                let scale = scale_for(&timeline, zoom, 0.5, 1280.0);
                let scene = compose(&timeline, &scale, &CategoryFilter::all(5), &[], &options);
                for item in &scene.items {
                    let SceneMark::Cluster(cluster) = &item.mark else {
                        continue;
                    };
                    let chars = cluster.count.to_string().len() + word_chars;
                    let needed = chars as f64 * options.label_char_width + options.label_padding;
                    assert!(item.placement.label_width <= needed + 1e-9);
                    if item.placement.show_label && item.placement.label_width >= needed - 1e-9 {
                        labelled += 1;
                    }
                }
            }
            assert!(
                labelled > 0,
                "no cluster label had its full room ({word_chars})"
            );
        }
    }

    #[test]
    fn mixed_direction_titles_begin_beside_their_marks_and_never_cover_one() {
        let timeline = parse_timeline(include_str!(
            "../../../tests/e2e/fixtures/mixed-directions.json"
        ))
        .timeline
        .expect("the mixed story is valid");
        let all = CategoryFilter::all(timeline.categories.len());
        let mut reversed_seen = [0_usize; 2];
        for right_to_left in [false, true] {
            let options = SceneOptions {
                right_to_left,
                ..OPTIONS
            };
            for width in [366.0, 1046.0] {
                for zoom in [0.8, 1.0, 2.0, 4.0, 8.0, 16.0] {
                    for centre in [0.1, 0.35, 0.6, 0.9] {
                        let scale = scale_for(&timeline, zoom, centre, width);
                        let scene = compose(&timeline, &scale, &all, &[], &options);
                        let at = format!("rtl {right_to_left}, {width} px, zoom {zoom}, {centre}");
                        for item in &scene.items {
                            let SceneMark::Event(index) = item.mark else {
                                continue;
                            };
                            let placement = item.placement;
                            if !placement.show_label {
                                continue;
                            }
                            let title = &timeline.events[index].title;
                            // Which way the label reads, against the component's way.
                            let reads_rtl = reads_right_to_left(title).unwrap_or(right_to_left);
                            assert_eq!(placement.label_reversed, reads_rtl != right_to_left);
                            reversed_seen[usize::from(placement.label_reversed)] += 1;
                            let (label_start, label_end) =
                                (placement.label_x, placement.label_x + placement.label_width);
                            // No label covers a mark in its lane, its own point mark included
                            // (a range's label runs above its own bar).
                            for other in &scene.items {
                                let own_bar = other.key == item.key && !placement.point;
                                if other.placement.lane == placement.lane && !own_bar {
                                    assert!(
                                        label_end <= other.placement.mark_start
                                            || other.placement.mark_end <= label_start,
                                        "{at}: the label of {title:?} covers a mark"
                                    );
                                }
                            }
                            let full = (title.chars().count() as f64 * options.label_char_width
                                + options.label_padding)
                                .min(options.max_label_width);
                            // Where the label's reading begins, and the room on that side.
                            let begins = if placement.label_reversed {
                                label_end
                            } else {
                                label_start
                            };
                            if placement.point {
                                let (beside, room) = if placement.label_reversed {
                                    let beside = placement.mark_start - options.label_offset;
                                    (beside, beside)
                                } else {
                                    let beside = placement.mark_end + options.label_offset;
                                    (beside, width - beside)
                                };
                                if full <= room {
                                    // Whole, on its own side: it begins beside its mark...
                                    assert!(
                                        (begins - beside).abs() < 1e-9,
                                        "{at}: {title:?} begins at {begins}, its mark at {beside}"
                                    );
                                    assert_eq!(placement.label_width, full);
                                }
                                if placement.label_width < full && (begins - beside).abs() < 1e-9 {
                                    // ...and when cut on that side, the cut falls at its far end,
                                    // the text's logical end: the side it keeps to is its start.
                                    assert_eq!(
                                        placement.label_from_end, placement.label_reversed,
                                        "{at}: {title:?}"
                                    );
                                }
                                // Its text keeps to the edge beside its mark.
                                let kept = if placement.label_from_end {
                                    label_end
                                } else {
                                    label_start
                                };
                                assert!(
                                    (kept - (placement.mark_start - options.label_offset)).abs()
                                        < 1e-9
                                        || (kept - (placement.mark_end + options.label_offset))
                                            .abs()
                                            < 1e-9,
                                    "{at}: {title:?} keeps to {kept}, away from its mark"
                                );
                            } else {
                                // A range's label keeps to where it begins reading: the
                                // visible start of the range, or its visible end when reversed,
                                // wherever the view leaves it room there.
                                let visible_start = placement.mark_start.max(0.0);
                                let visible_end = placement.mark_end.min(width);
                                let beside = if placement.label_reversed {
                                    visible_end - options.label_offset
                                } else {
                                    visible_start + options.label_offset
                                };
                                let room = if placement.label_reversed {
                                    beside
                                } else {
                                    width - beside
                                };
                                if full <= room {
                                    assert_eq!(placement.label_from_end, placement.label_reversed);
                                    assert!(
                                        (begins - beside).abs() < 1e-9,
                                        "{at}: {title:?} begins at {begins}, not at {beside}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            reversed_seen.iter().all(|&seen| seen > 20),
            "labels of both kinds were laid out: {reversed_seen:?}"
        );
    }

    #[test]
    fn no_two_labels_overlap_and_keys_are_unique() {
        let mut seed = 5;
        let timeline = random_timeline(5_000, &mut seed);
        for zoom in [1.0, 20.0, 400.0, 5_000.0] {
            let scale = scale_for(&timeline, zoom, 0.4, 1280.0);
            let scene = compose(&timeline, &scale, &CategoryFilter::all(5), &[], &OPTIONS);
            let keys = scene.keys();
            assert!(
                keys.windows(2).all(|pair| pair[0] < pair[1]),
                "keys sorted and unique"
            );
            let labels: Vec<_> = scene
                .items
                .iter()
                .filter(|item| item.placement.show_label)
                .map(|item| {
                    (
                        item.placement.lane,
                        item.placement.label_x,
                        item.placement.label_x + item.placement.label_width,
                    )
                })
                .collect();
            for (i, a) in labels.iter().enumerate() {
                for b in &labels[i + 1..] {
                    assert!(
                        !(a.0 == b.0 && a.1 < b.2 && b.1 < a.2),
                        "labels {a:?} and {b:?} overlap at zoom {zoom}"
                    );
                }
            }
            // Gathered badges in the bottom lane do not overlap each other either.
            let mut bottom: Vec<_> = scene
                .items
                .iter()
                .filter(|item| item.placement.lane == OPTIONS.lanes && is_cluster_key(item.key))
                .map(|item| (item.placement.mark_start, item.placement.mark_end))
                .collect();
            bottom.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(
                bottom.windows(2).all(|pair| pair[0].1 <= pair[1].0 + 1e-9),
                "{bottom:?}"
            );
        }
    }

    #[test]
    fn a_cluster_keeps_its_key_while_it_keeps_its_first_event_even_as_slices_change_size() {
        let mut seed = 11;
        let timeline = random_timeline(5_000, &mut seed);
        let filter = CategoryFilter::all(5);
        let clusters = |zoom: f64| {
            let scale = scale_for(&timeline, zoom, 0.4, 1280.0);
            let scene = compose(&timeline, &scale, &filter, &[], &OPTIONS);
            let slice = slice_duration(&scale, OPTIONS.slice_width);
            let clusters: Vec<(u64, Cluster)> = scene
                .items
                .into_iter()
                .filter_map(|item| match item.mark {
                    SceneMark::Cluster(cluster) => Some((item.key, cluster)),
                    SceneMark::Event(_) => None,
                })
                .collect();
            (slice, clusters)
        };
        let mut compared = 0;
        let mut zoom = 2.0;
        while zoom < 200.0 {
            // One wheel step further in.
            let next = zoom * 1.197;
            let (slice, before) = clusters(zoom);
            let (next_slice, after) = clusters(next);
            for (key, cluster) in &before {
                // A cluster starts where its first event starts (events come in time order).
                assert_eq!(cluster.start, timeline.span(first_event_of(*key)).0);
                let first = first_event_of(*key);
                if let Some((kept, _)) = after
                    .iter()
                    .find(|(other, _)| first_event_of(*other) == first && is_cluster_key(*other))
                {
                    if (kept & GATHERED_BIT) == (key & GATHERED_BIT) {
                        assert_eq!(kept, key, "same first event, same kind: same key");
                        compared += usize::from(slice != next_slice);
                    }
                }
            }
            zoom = next;
        }
        assert!(
            compared > 10,
            "clusters kept their keys across steps that changed the slices' size: {compared}"
        );
    }

    #[test]
    fn a_small_story_is_not_merged_until_lanes_run_out() {
        let timeline = story();
        let scale = scale_for(&timeline, 1.0, 0.5, 1280.0);
        let scene = compose(&timeline, &scale, &CategoryFilter::all(5), &[], &OPTIONS);
        let clusters: Vec<_> = scene
            .items
            .iter()
            .filter(|item| is_cluster_key(item.key))
            .collect();
        assert!(
            clusters
                .iter()
                .all(|item| item.placement.lane == OPTIONS.lanes),
            "only gathered counts"
        );
        // The key events keep their labels even at the widest view.
        for id in [
            "nato-accession",
            "cyberattack-july-2022",
            "severs-ties-with-iran",
            "rama-visits-israel",
        ] {
            let index = timeline.event_index(id).unwrap();
            let item = scene
                .item(index as u64)
                .unwrap_or_else(|| panic!("{id} is drawn"));
            assert!(item.placement.show_label, "{id} is labelled");
        }
    }

    #[test]
    fn pinned_events_are_never_merged_and_keep_their_label() {
        let mut seed = 3;
        let timeline = random_timeline(20_000, &mut seed);
        let scale = scale_for(&timeline, 1.0, 0.5, 1280.0);
        let pinned = 12_345;
        let scene = compose(
            &timeline,
            &scale,
            &CategoryFilter::all(5),
            &[pinned],
            &OPTIONS,
        );
        let item = scene
            .item(pinned as u64)
            .expect("the pinned event is drawn on its own");
        assert!(item.placement.show_label && item.placement.lane == 0);
    }

    #[test]
    fn the_filter_applies_before_clustering() {
        let mut seed = 9;
        let timeline = random_timeline(2_000, &mut seed);
        let scale = scale_for(&timeline, 1.0, 0.5, 1280.0);
        let mut only_first = CategoryFilter::none(5);
        only_first.toggle(0);
        let scene = compose(&timeline, &scale, &only_first, &[], &OPTIONS);
        let shown = timeline
            .events
            .iter()
            .filter(|event| only_first.shows_event(event))
            .count();
        assert_eq!(counted(&scene), shown);
        for item in &scene.items {
            if let SceneMark::Event(index) = item.mark {
                assert!(only_first.shows_event(&timeline.events[index]));
            }
        }
    }

    #[test]
    fn counts_are_short() {
        assert_eq!(short_count(7), "7");
        assert_eq!(short_count(999), "999");
        assert_eq!(short_count(1_000), "1k");
        assert_eq!(short_count(1_234), "1.2k");
        assert_eq!(short_count(45_678), "45k");
    }
}
