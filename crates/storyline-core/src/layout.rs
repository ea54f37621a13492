//! Lane layout: places event marks and labels in rows so that no two labels ever overlap.
//!
//! Like vis-timeline's stacking, each item goes into the first lane where it fits, but items are
//! taken by priority (the selected event, then importance, then time order), so when room is
//! short the key events keep their labels. An item that finds no room goes to an extra lane without
//! labels, where the scene gathers such items into counts: no label is ever drawn over another.

use crate::scale::Remap;

/// One thing to place, in pixels on the current scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutItem {
    /// Identifies the item in the result; placements come back sorted by it.
    pub id: u64,
    /// Where the mark starts and ends (equal for an instant).
    pub start_x: f64,
    pub end_x: f64,
    /// The label's width if it is shown.
    pub label_width: f64,
    /// Higher goes first: it gets the upper lanes and keeps its label when room is short.
    pub priority: u8,
    /// The label reads against the layout's direction (an English title in a right-to-left
    /// story, a Hebrew one in a left-to-right story): its text begins at the end of its room, so
    /// it goes before its mark rather than after it.
    pub label_reversed: bool,
}

/// Where an item went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub id: u64,
    pub lane: usize,
    pub show_label: bool,
    /// Where the mark is drawn: a point mark is widened to `point_width`, centred.
    pub mark_start: f64,
    pub mark_end: f64,
    /// The mark is drawn as a point (no wider than `point_width`), not as a range's bar: decided
    /// once here, since `mark_end - mark_start` of a widened point may differ from
    /// `point_width` in its last bits.
    pub point: bool,
    /// Where the label starts; a range's label stays in view when the range starts off screen.
    pub label_x: f64,
    pub label_width: f64,
    /// The label reads against the layout's direction (see [`LayoutItem::label_reversed`]).
    pub label_reversed: bool,
    /// The label's text keeps to the end edge of its room (`label_x + label_width`) rather than
    /// to its start: the edge beside its mark, so that a label shorter than its room still
    /// touches its mark, and a reversed label over a range begins where the range is seen to end.
    pub label_from_end: bool,
}

impl Placement {
    /// The same item moved by `remap`, as it is drawn while a gesture runs and until the scene is
    /// laid out again for the new window: a point's mark keeps its width around its moved centre,
    /// a range's ends move (it stretches and shrinks with the zoom), and the label stays beside
    /// the edge of its mark it was beside (after the mark's end; before its start; on a range's
    /// bar, from its start). Zooming out, the label's room and its distance from the mark shrink
    /// with the zoom (its text is cut short), so labels that did not overlap still do not.
    pub fn remapped(&self, remap: Remap) -> Placement {
        if remap == Remap::IDENTITY {
            return *self;
        }
        let (mark_start, mark_end) = if self.point {
            let half = (self.mark_end - self.mark_start) / 2.0;
            let centre = remap.apply(self.mark_start + half);
            (centre - half, centre + half)
        } else {
            (remap.apply(self.mark_start), remap.apply(self.mark_end))
        };
        let shrink = remap.factor.min(1.0);
        let label_width = self.label_width * shrink;
        let label_x = if self.label_x >= self.mark_end {
            mark_end + (self.label_x - self.mark_end) * shrink
        } else if self.label_x + self.label_width <= self.mark_start {
            mark_start - (self.mark_start - self.label_x - self.label_width) * shrink - label_width
        } else {
            mark_start + (self.label_x - self.mark_start) * shrink
        };
        Placement {
            mark_start,
            mark_end,
            label_x,
            label_width,
            ..*self
        }
    }

    /// The left edge of what the item shows: its mark, and its label when shown.
    pub fn extent_start(&self) -> f64 {
        if self.show_label {
            self.mark_start.min(self.label_x)
        } else {
            self.mark_start
        }
    }

    /// The right edge of what the item shows.
    pub fn extent_end(&self) -> f64 {
        if self.show_label {
            self.mark_end.max(self.label_x + self.label_width)
        } else {
            self.mark_end
        }
    }

    /// Nothing the item draws shows in a time area `width` pixels wide: while a gesture moves
    /// an item that stays out there, it need not be moved (nobody sees where it is).
    pub fn lies_outside(&self, width: f64) -> bool {
        self.extent_end() < -DRAWN_BEYOND_EXTENT
            || self.extent_start() > width + DRAWN_BEYOND_EXTENT
    }
}

/// How far an item's drawing may reach past its extent: the ring around an open event's mark
/// and a focused button's outline.
const DRAWN_BEYOND_EXTENT: f64 = 8.0;

/// A length inside a drawn item: `share` of the item's width, plus `pixels`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InnerLength {
    pub share: f64,
    pub pixels: f64,
}

impl InnerLength {
    /// Shares are kept to this step (a thousandth of a percent), so that one computed again
    /// for the next step of a gesture comes out the same.
    pub const SHARE_STEP: f64 = 1e-5;

    /// The length in an item `width` pixels wide.
    pub fn at(&self, width: f64) -> f64 {
        self.share * width + self.pixels
    }

    /// The length that is `value` in an item `width` wide, and grows by `per_width` with the
    /// item's width.
    fn fitted(value: f64, width: f64, per_width: f64) -> InnerLength {
        let share = (per_width / Self::SHARE_STEP).round() * Self::SHARE_STEP;
        // A part of an item never grows faster than the item: a steeper slope is rounding noise
        // between two equal widths (a point's, zooming in), and pixels alone are exact then.
        let share = if share.abs() <= 1.0 { share } else { 0.0 };
        InnerLength {
            share,
            pixels: value - share * width,
        }
    }
}

/// Where an item's mark and label sit inside it, from the item's start edge (the label's from
/// its end edge instead when [`Placement::label_from_end`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inside {
    pub mark_start: InnerLength,
    pub mark_width: InnerLength,
    pub label_offset: InnerLength,
    pub label_width: InnerLength,
}

impl Placement {
    /// The item as drawn moved by `remap` (see [`Placement::remapped`]), and where its mark and
    /// label sit inside it. Those are exact for this step, and written as lengths that stay the
    /// same while the gesture goes on `zooming_out` or in (zooming in, a range's mark grows
    /// while its label keeps its size; zooming out, everything inside shrinks with the item):
    /// then only the item's own place and width change from step to step, and the browser
    /// restyles one element per item instead of three.
    pub fn drawn(&self, remap: Remap, zooming_out: bool) -> (Placement, Inside) {
        let moved = self.remapped(remap);
        // The same item moved twice as far further in, or further out.
        let further = self.remapped(Remap {
            factor: remap.factor * if zooming_out { 0.5 } else { 2.0 },
            shift: remap.shift,
        });
        let (width, further_width) = (moved.width(), further.width());
        let grown = further_width - width;
        let length = |of: fn(&Placement) -> f64| {
            let value = of(&moved);
            let per_width = if grown.abs() > 1e-9 {
                (of(&further) - value) / grown
            } else {
                0.0
            };
            InnerLength::fitted(value, width, per_width)
        };
        let inside = Inside {
            mark_start: length(|placement| placement.mark_start - placement.extent_start()),
            mark_width: length(|placement| placement.mark_end - placement.mark_start),
            label_offset: length(|placement| {
                if placement.label_from_end {
                    placement.extent_end() - placement.label_x - placement.label_width
                } else {
                    placement.label_x - placement.extent_start()
                }
            }),
            label_width: length(|placement| placement.label_width),
        };
        (moved, inside)
    }

    /// The width of what the item shows.
    pub fn width(&self) -> f64 {
        self.extent_end() - self.extent_start()
    }
}

/// The sizes the layout works with, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    /// Items narrower than this are drawn as a point mark of this width, centred.
    pub point_width: f64,
    /// Space between the mark and its label.
    pub label_offset: f64,
    /// Space kept between two items in one lane.
    pub gap: f64,
    pub max_lanes: usize,
    /// The edges of the view: labels are kept between them where there is room.
    pub view_left: f64,
    pub view_right: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Sorted by id.
    pub placements: Vec<Placement>,
    pub lane_count: usize,
}

impl Layout {
    /// The placement of an item, found by binary search.
    pub fn placement_of(&self, id: u64) -> Option<&Placement> {
        self.placements
            .binary_search_by_key(&id, |placement| placement.id)
            .ok()
            .map(|found| &self.placements[found])
    }
}

impl LayoutItem {
    /// The mark's extent on screen, and whether it is a point: a point mark has a minimum width.
    fn mark(&self, options: &LayoutOptions) -> (f64, f64, bool) {
        let width = self.end_x - self.start_x;
        if width < options.point_width {
            let centre = (self.start_x + self.end_x) / 2.0;
            (
                centre - options.point_width / 2.0,
                centre + options.point_width / 2.0,
                true,
            )
        } else {
            (self.start_x, self.end_x, width <= options.point_width)
        }
    }
}

/// Labels are not shortened below this many pixels to squeeze them into view.
pub const MIN_LABEL_WIDTH: f64 = 72.0;

/// Where a label goes, how wide it may be, and whether it keeps to the end of that room.
///
/// A label begins beside its mark and reads away from it: after a point mark, or from the visible
/// start of a range, when it reads the layout's way; before the mark, or back from the visible end
/// of a range, when it reads the other way (`reversed`). Near the edge of the view a point's label
/// goes to the other side; where neither side has room for all of it, it takes the roomier side
/// and is shortened (it ends in an ellipsis on screen, at its own logical end).
fn label_position(
    (mark_start, mark_end, point): (f64, f64, bool),
    label_width: f64,
    reversed: bool,
    options: &LayoutOptions,
) -> (f64, f64, bool) {
    // A range's label goes back from its other end only when the range is on screen: one beyond
    // the edge keeps the short label it has there rather than take a lane's room for a long one.
    let on_screen = mark_start < options.view_right && mark_end > options.view_left;
    if !point {
        // A range's label begins at the visible end of the range it reads from, shortened to
        // the room the view leaves it there; only where that is less than a short label's room
        // (a range at the edge of the view) does it end at the other end instead, as a point's
        // label changes sides. (Shortening first keeps lanes free on a narrow screen.)
        let visible_start = mark_start.max(options.view_left) + options.label_offset;
        let visible_end = mark_end.min(options.view_right) - options.label_offset;
        let room_forward = options.view_right - visible_start;
        let room_backward = visible_end - options.view_left;
        let (preferred_room, other_room) = if reversed {
            (room_backward, room_forward)
        } else {
            (room_forward, room_backward)
        };
        let backward = if label_width <= preferred_room
            || preferred_room >= MIN_LABEL_WIDTH
            || preferred_room >= other_room
            || !on_screen
        {
            reversed
        } else {
            !reversed
        };
        if backward {
            let width = label_width.min(room_backward.max(MIN_LABEL_WIDTH));
            let end = visible_end.max((options.view_left + width).min(options.view_right));
            (end - width, width, true)
        } else {
            let width = label_width.min(room_forward.max(MIN_LABEL_WIDTH));
            (
                visible_start.min((options.view_right - width).max(options.view_left)),
                width,
                false,
            )
        }
    } else {
        let after = mark_end + options.label_offset;
        let room_after = options.view_right - after;
        let before = mark_start - options.label_offset;
        let room_before = before - options.view_left;
        // Its own side when the whole label fits there or that side is the roomier.
        let goes_after = if reversed {
            label_width > room_before && room_after > room_before
        } else {
            label_width <= room_after || room_after >= room_before
        };
        let room = if goes_after { room_after } else { room_before };
        let width = label_width.min(room.max(MIN_LABEL_WIDTH));
        if goes_after {
            (after, width, false)
        } else {
            (before - width, width, true)
        }
    }
}

/// The intervals already taken in one lane, sorted and apart, each ending `gap` after its item.
#[derive(Default)]
struct Lane {
    taken: Vec<(f64, f64)>,
}

impl Lane {
    fn fits(&self, start: f64, end: f64) -> bool {
        // Taken intervals do not overlap, so their ends are sorted too.
        let after = self
            .taken
            .partition_point(|&(_, taken_end)| taken_end <= start);
        self.taken
            .get(after)
            .is_none_or(|&(taken_start, _)| taken_start >= end)
    }

    fn take(&mut self, start: f64, end: f64) {
        let at = self
            .taken
            .partition_point(|&(taken_start, _)| taken_start < start);
        self.taken.insert(at, (start, end));
    }
}

/// Places items (given in time order, which breaks ties of priority) into lanes.
pub fn layout(items: &[LayoutItem], options: &LayoutOptions) -> Layout {
    let (placements, lane_count) = place(items, options);
    Layout {
        placements: crate::order::sorted(placements, &|a: &Placement, b: &Placement| {
            a.id.cmp(&b.id)
        }),
        lane_count,
    }
}

/// Positions by descending priority, time order (position) breaking ties. Priorities are bytes,
/// so this counts rather than compares: a comparison sort cost a zoom step about a millisecond
/// at 10,000 events.
fn by_priority(items: &[LayoutItem]) -> Vec<usize> {
    let rank = |item: &LayoutItem| usize::from(u8::MAX - item.priority);
    let mut next = [0usize; 257];
    for item in items {
        next[rank(item) + 1] += 1;
    }
    for at in 1..next.len() {
        next[at] += next[at - 1];
    }
    let mut order = vec![0; items.len()];
    for (position, item) in items.iter().enumerate() {
        let slot = &mut next[rank(item)];
        order[*slot] = position;
        *slot += 1;
    }
    order
}

/// [`layout`]'s placements in the order of `items` (one each), and the number of lanes used.
pub fn place(items: &[LayoutItem], options: &LayoutOptions) -> (Vec<Placement>, usize) {
    let order = by_priority(items);
    let mut lanes: Vec<Lane> = Vec::new();
    let mut placements: Vec<Option<Placement>> = vec![None; items.len()];
    let mut overflow_used = false;
    for position in order {
        let item = &items[position];
        let (mark_start, mark_end, point) = item.mark(options);
        let (label_x, label_width, label_from_end) = label_position(
            (mark_start, mark_end, point),
            item.label_width,
            item.label_reversed,
            options,
        );
        let left = mark_start.min(label_x);
        let right = mark_end.max(label_x + label_width) + options.gap;
        let free_lane = |lanes: &[Lane], start: f64, end: f64| {
            lanes.iter().position(|lane| lane.fits(start, end))
        };
        let (lane, show_label) = if let Some(lane) = free_lane(&lanes, left, right) {
            lanes[lane].take(left, right);
            (lane, true)
        } else if lanes.len() < options.max_lanes {
            let mut lane = Lane::default();
            lane.take(left, right);
            lanes.push(lane);
            (lanes.len() - 1, true)
        } else {
            // Items that fit nowhere go to an extra lane below the others, which holds no labels,
            // so a crowded moment never hides a label behind a mark (the scene gathers them).
            overflow_used = true;
            (options.max_lanes, false)
        };
        placements[position] = Some(Placement {
            id: item.id,
            lane,
            show_label,
            mark_start,
            mark_end,
            point,
            label_x,
            label_width,
            label_reversed: item.label_reversed,
            label_from_end,
        });
    }
    let lane_count = if overflow_used {
        options.max_lanes + 1
    } else {
        lanes.len()
    };
    (placements.into_iter().flatten().collect(), lane_count)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTIONS: LayoutOptions = LayoutOptions {
        point_width: 12.0,
        label_offset: 4.0,
        gap: 8.0,
        max_lanes: 4,
        view_left: 0.0,
        view_right: 1_000.0,
    };

    fn point(id: u64, x: f64, label_width: f64) -> LayoutItem {
        LayoutItem {
            id,
            start_x: x,
            end_x: x,
            label_width,
            priority: 3,
            label_reversed: false,
        }
    }

    fn placed(point: bool, mark: (f64, f64), label_x: f64) -> Placement {
        Placement {
            id: 1,
            lane: 2,
            show_label: true,
            mark_start: mark.0,
            mark_end: mark.1,
            point,
            label_x,
            label_width: 80.0,
            label_reversed: false,
            label_from_end: false,
        }
    }

    #[test]
    fn a_remapped_item_moves_its_mark_and_keeps_its_label_beside_it() {
        // Zoomed in twice around x = 500: x ↦ 2x − 500.
        let zoom_in = Remap {
            factor: 2.0,
            shift: -500.0,
        };
        // A point keeps its width around its moved centre; its label after it stays 4 px away,
        // as wide as it was.
        let point = placed(true, (394.0, 406.0), 410.0).remapped(zoom_in);
        assert_eq!((point.mark_start, point.mark_end), (294.0, 306.0));
        assert_eq!((point.label_x, point.label_width), (310.0, 80.0));
        // A range stretches; a label on its bar keeps its place from the start, one after it
        // its place from the end, one before it its place from the start.
        let on_bar = placed(false, (600.0, 700.0), 604.0).remapped(zoom_in);
        assert_eq!((on_bar.mark_start, on_bar.mark_end), (700.0, 900.0));
        assert_eq!(on_bar.label_x, 704.0);
        let after = placed(false, (600.0, 620.0), 624.0).remapped(zoom_in);
        assert_eq!((after.mark_end, after.label_x), (740.0, 744.0));
        let before = placed(false, (600.0, 620.0), 516.0).remapped(zoom_in);
        assert_eq!((before.mark_start, before.label_x), (700.0, 616.0));
        // Everything else is the layout's, unchanged.
        assert_eq!((after.id, after.lane, after.label_width), (1, 2, 80.0));
        let same = placed(false, (600.0, 620.0), 624.0);
        assert_eq!(same.remapped(Remap::IDENTITY), same);
    }

    #[test]
    fn an_item_lies_outside_only_when_nothing_of_its_mark_label_or_ring_shows() {
        let width = 1000.0;
        // Its label reaches in from the left although its mark is off screen.
        let label_in = placed(true, (-100.0, -88.0), -60.0);
        assert!(!label_in.lies_outside(width));
        // Without its label, that item is out; a mark just past the edge still shows its ring.
        assert!(Placement {
            show_label: false,
            ..label_in
        }
        .lies_outside(width));
        let unlabelled = |mark| Placement {
            show_label: false,
            ..placed(true, mark, 0.0)
        };
        assert!(!unlabelled((-16.0, -4.0)).lies_outside(width));
        assert!(!unlabelled((1004.0, 1016.0)).lies_outside(width));
        assert!(unlabelled((1010.0, 1022.0)).lies_outside(width));
        // Past either end, mark and label.
        assert!(placed(true, (-200.0, -188.0), -184.0).lies_outside(width));
        assert!(placed(false, (1010.0, 1100.0), 1012.0).lies_outside(width));
        // A range across the whole area shows, though both ends are outside.
        assert!(!placed(false, (-500.0, 2000.0), -496.0).lies_outside(width));
        // Moved by a zoom, an item near the edge leaves the area.
        let zoom_in = Remap {
            factor: 4.0,
            shift: -1500.0,
        };
        let near_start = placed(true, (94.0, 106.0), 110.0);
        assert!(!near_start.lies_outside(width));
        assert!(near_start.remapped(zoom_in).lies_outside(width));
    }

    /// Items of every shape: a point labelled after and before its mark, ranges labelled after,
    /// before and on their bar, one whose label keeps to its end, and one without its label.
    fn shapes() -> Vec<Placement> {
        vec![
            placed(true, (394.0, 406.0), 410.0),
            placed(true, (394.0, 406.0), 310.0),
            placed(false, (600.0, 620.0), 624.0),
            placed(false, (600.0, 620.0), 516.0),
            placed(false, (300.0, 700.0), 304.0),
            Placement {
                label_from_end: true,
                ..placed(false, (600.0, 620.0), 516.0)
            },
            Placement {
                show_label: false,
                ..placed(false, (200.0, 260.0), 264.0)
            },
        ]
    }

    #[test]
    fn an_items_inside_lengths_are_exact_at_every_step_of_a_gesture() {
        for shape in shapes() {
            for factor in [1.0, 1.1, 1.5, 3.0, 40.0, 0.9, 0.5, 0.2, 0.01] {
                let remap = Remap {
                    factor,
                    shift: 500.0 * (1.0 - factor),
                };
                let (moved, inside) = shape.drawn(remap, factor < 1.0);
                assert_eq!(moved, shape.remapped(remap));
                let width = moved.width();
                let close = |length: InnerLength, expected: f64| {
                    assert!(
                        (length.at(width) - expected).abs() < 1e-6,
                        "{shape:?} at {factor}: {length:?} in {width} is not {expected}"
                    );
                };
                close(inside.mark_start, moved.mark_start - moved.extent_start());
                close(inside.mark_width, moved.mark_end - moved.mark_start);
                close(inside.label_width, moved.label_width);
                close(
                    inside.label_offset,
                    if moved.label_from_end {
                        moved.extent_end() - moved.label_x - moved.label_width
                    } else {
                        moved.label_x - moved.extent_start()
                    },
                );
            }
        }
    }

    #[test]
    fn an_items_inside_lengths_stay_the_same_while_a_gesture_goes_on_one_way() {
        // As drawn: shares to a thousandth of a percent, pixels to a tenth; a hidden label's
        // place is not drawn.
        let written = |inside: Inside, show_label: bool| {
            let label = [inside.label_offset, inside.label_width].map(|length| {
                if show_label {
                    length
                } else {
                    InnerLength {
                        share: 0.0,
                        pixels: 0.0,
                    }
                }
            });
            [inside.mark_start, inside.mark_width, label[0], label[1]].map(|length| {
                (
                    (length.share / InnerLength::SHARE_STEP).round() as i64,
                    (length.pixels * 10.0).round() as i64,
                )
            })
        };
        for shape in shapes() {
            // Each way from a composed scene (a factor of 1), which is drawn the way the last
            // gesture went.
            for (steps, zooming_out) in [
                ([1.0, 1.12, 1.25, 1.4, 1.57, 1.76], false),
                ([1.0, 0.9, 0.8, 0.71, 0.64, 0.57], true),
            ] {
                let drawn: Vec<_> = steps
                    .iter()
                    .map(|&factor| {
                        let (moved, inside) = shape.drawn(
                            Remap {
                                factor,
                                shift: 640.0 * (1.0 - factor),
                            },
                            zooming_out,
                        );
                        written(inside, moved.show_label)
                    })
                    .collect();
                assert!(
                    drawn.windows(2).all(|pair| pair[0] == pair[1]),
                    "{shape:?} along {steps:?}: {drawn:?}"
                );
            }
        }
        // A point zooming in keeps everything, its width too: nothing inside is a share.
        let (_, inside) = placed(true, (394.0, 406.0), 410.0).drawn(
            Remap {
                factor: 1.5,
                shift: 0.0,
            },
            false,
        );
        assert_eq!(inside.mark_width.share, 0.0);
        assert_eq!(inside.label_width.share, 0.0);
    }

    #[test]
    fn zooming_out_a_remapped_label_shrinks_with_its_room_so_labels_never_overlap() {
        // Zoomed out to half around x = 500: x ↦ x / 2 + 250.
        let zoom_out = Remap {
            factor: 0.5,
            shift: 250.0,
        };
        let after = placed(false, (600.0, 620.0), 624.0).remapped(zoom_out);
        assert_eq!(
            (after.mark_end, after.label_x, after.label_width),
            (560.0, 562.0, 40.0)
        );
        let before = placed(false, (600.0, 620.0), 516.0).remapped(zoom_out);
        assert_eq!(
            (before.mark_start, before.label_x, before.label_width),
            (550.0, 508.0, 40.0)
        );
        // Ranges side by side in one lane, each labelled after its bar, laid out 8 px apart:
        // moved, their labels and bars still do not overlap.
        let row: Vec<Placement> = (0..6)
            .map(|i| {
                let start = 100.0 + i as f64 * 124.0;
                placed(false, (start, start + 32.0), start + 36.0)
            })
            .collect();
        for factor in [0.9, 0.6, 0.3, 0.1] {
            let remap = Remap {
                factor,
                shift: 500.0 * (1.0 - factor),
            };
            let moved: Vec<Placement> = row.iter().map(|p| p.remapped(remap)).collect();
            for pair in moved.windows(2) {
                assert!(
                    pair[0].extent_end() <= pair[1].extent_start(),
                    "{factor}: {pair:?}"
                );
            }
        }
    }

    /// The horizontal extent of each shown label, with its lane.
    fn label_boxes(layout: &Layout) -> Vec<(usize, f64, f64)> {
        layout
            .placements
            .iter()
            .filter(|placement| placement.show_label)
            .map(|placement| {
                (
                    placement.lane,
                    placement.label_x,
                    placement.label_x + placement.label_width,
                )
            })
            .collect()
    }

    #[test]
    fn items_are_taken_by_descending_priority_then_in_time_order() {
        let priorities = [3, 5, 3, 0, 5, 255, 3];
        let items: Vec<LayoutItem> = priorities
            .iter()
            .enumerate()
            .map(|(at, &priority)| LayoutItem {
                priority,
                ..point(at as u64, at as f64 * 100.0, 50.0)
            })
            .collect();
        assert_eq!(by_priority(&items), [5, 1, 4, 0, 2, 6, 3]);
        assert!(by_priority(&[]).is_empty());
    }

    #[test]
    fn place_gives_each_item_its_placement_in_the_order_given() {
        let mut seed = 3_u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        // Ids out of order, as a scene's events and clusters come.
        let items: Vec<LayoutItem> = (0..300)
            .map(|at| LayoutItem {
                id: if at % 7 == 0 { 1_000 + at } else { 300 - at },
                start_x: next() * 1_000.0,
                end_x: 0.0,
                label_width: 40.0 + next() * 100.0,
                priority: (next() * 6.0) as u8,
                label_reversed: next() < 0.2,
            })
            .map(|item| LayoutItem {
                end_x: item.start_x + if item.id % 3 == 0 { 80.0 } else { 0.0 },
                ..item
            })
            .collect();
        let (placed, lanes) = place(&items, &OPTIONS);
        let sorted = layout(&items, &OPTIONS);
        assert_eq!(lanes, sorted.lane_count);
        assert_eq!(placed.len(), items.len());
        for (item, placement) in items.iter().zip(&placed) {
            assert_eq!(placement.id, item.id);
            assert_eq!(sorted.placement_of(item.id), Some(placement));
        }
        assert!(sorted
            .placements
            .windows(2)
            .all(|pair| pair[0].id < pair[1].id));
    }

    #[test]
    fn items_far_apart_share_the_first_lane() {
        let items = [
            point(0, 10.0, 50.0),
            point(1, 200.0, 50.0),
            point(2, 400.0, 50.0),
        ];
        let layout = layout(&items, &OPTIONS);
        assert_eq!(layout.lane_count, 1);
        assert!(layout
            .placements
            .iter()
            .all(|p| p.lane == 0 && p.show_label));
    }

    #[test]
    fn close_items_stack_in_order() {
        let items = [
            point(0, 10.0, 100.0),
            point(1, 20.0, 100.0),
            point(2, 30.0, 100.0),
            point(3, 200.0, 10.0),
        ];
        let layout = layout(&items, &OPTIONS);
        let lanes: Vec<_> = layout.placements.iter().map(|p| p.lane).collect();
        assert_eq!(lanes, [0, 1, 2, 0]);
    }

    #[test]
    fn labels_hide_rather_than_overlap_when_lanes_run_out() {
        let items: Vec<_> = (0..10).map(|i| point(i, 10.0 + i as f64, 80.0)).collect();
        let layout = layout(&items, &OPTIONS);
        assert_eq!(
            layout.lane_count,
            OPTIONS.max_lanes + 1,
            "one extra lane of bare marks"
        );
        assert_eq!(layout.placements.iter().filter(|p| p.show_label).count(), 4);
        assert!(layout
            .placements
            .iter()
            .all(|p| p.show_label == (p.lane < OPTIONS.max_lanes)));
        assert_eq!(layout.placements.len(), 10, "every event keeps its mark");
    }

    #[test]
    fn the_more_important_label_wins_the_room() {
        let mut items: Vec<_> = (0..6).map(|i| point(i, 10.0 + i as f64, 80.0)).collect();
        items[5].priority = 5;
        let layout = layout(&items, &OPTIONS);
        let key = layout.placement_of(5).unwrap();
        assert!(key.show_label && key.lane == 0, "{key:?}");
        assert_eq!(layout.placements.iter().filter(|p| p.show_label).count(), 4);
        assert!(
            !layout.placement_of(3).unwrap().show_label,
            "the latest of equals gives way"
        );
        let order: Vec<_> = layout.placements.iter().map(|p| p.id).collect();
        assert_eq!(order, [0, 1, 2, 3, 4, 5], "placements come back by id");
    }

    #[test]
    fn a_range_label_stays_in_view() {
        let items = [LayoutItem {
            id: 0,
            start_x: -500.0,
            end_x: 300.0,
            label_width: 60.0,
            priority: 3,
            label_reversed: false,
        }];
        let layout = layout(&items, &OPTIONS);
        assert_eq!(layout.placements[0].label_x, 4.0);
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_mark() {
        let items = [point(0, 980.0, 100.0)];
        let placement = layout(&items, &OPTIONS).placements[0];
        assert_eq!(placement.label_x, 974.0 - 4.0 - 100.0);
        assert!(placement.extent_end() <= 1_000.0);
        let range = [LayoutItem {
            id: 0,
            start_x: 900.0,
            end_x: 1_200.0,
            label_width: 150.0,
            priority: 3,
            label_reversed: false,
        }];
        let placement = layout(&range, &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (904.0, 96.0, false),
            "shortened, still at its start"
        );
        // A range beyond the edge keeps the short label it has there.
        let beyond = [LayoutItem {
            start_x: 1_100.0,
            end_x: 1_300.0,
            ..range[0]
        }];
        let placement = layout(&beyond, &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (928.0, MIN_LABEL_WIDTH, false)
        );
        // With less room than a short label at its start, it ends where the range leaves the
        // view instead, whole.
        let edge = [LayoutItem {
            start_x: 960.0,
            ..range[0]
        }];
        let placement = layout(&edge, &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (846.0, 150.0, true)
        );
        // A range with room for a short label at its start keeps it there, shortened.
        let wide = [LayoutItem {
            start_x: 700.0,
            end_x: 760.0,
            label_width: 400.0,
            ..range[0]
        }];
        let placement = layout(&wide, &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (704.0, 296.0, false)
        );
    }

    #[test]
    fn a_label_with_no_room_on_either_side_is_shortened_on_the_roomier_side() {
        let narrow = LayoutOptions {
            view_right: 300.0,
            ..OPTIONS
        };
        let placement = layout(&[point(0, 200.0, 250.0)], &narrow).placements[0];
        assert_eq!((placement.label_x, placement.label_width), (0.0, 190.0));
        let placement = layout(&[point(0, 100.0, 250.0)], &narrow).placements[0];
        assert_eq!((placement.label_x, placement.label_width), (110.0, 190.0));
        let tiny = LayoutOptions {
            view_right: 60.0,
            ..OPTIONS
        };
        assert_eq!(
            layout(&[point(0, 30.0, 250.0)], &tiny).placements[0].label_width,
            MIN_LABEL_WIDTH
        );
    }

    #[test]
    fn a_label_that_reads_the_other_way_goes_before_its_mark_and_begins_beside_it() {
        let reversed = |x: f64, width: f64| LayoutItem {
            label_reversed: true,
            ..point(0, x, width)
        };
        // A point at 500: its mark spans 494..506, the label ends 4 px before it.
        let placement = layout(&[reversed(500.0, 100.0)], &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (390.0, 100.0, true)
        );
        assert!(placement.label_reversed);
        // Near the start of the view there is no room before it: after it, keeping to the mark.
        let placement = layout(&[reversed(20.0, 100.0)], &OPTIONS).placements[0];
        assert_eq!((placement.label_x, placement.label_from_end), (30.0, false));
        // Room on neither side: the roomier one, shortened at its far end (its logical end).
        let narrow = LayoutOptions {
            view_right: 300.0,
            ..OPTIONS
        };
        let placement = layout(&[reversed(200.0, 250.0)], &narrow).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (0.0, 190.0, true)
        );
        // A range: the label reads back from where the range is seen to end.
        let range = LayoutItem {
            end_x: 1_400.0,
            ..reversed(600.0, 150.0)
        };
        let placement = layout(&[range], &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (846.0, 150.0, true)
        );
        let early = LayoutItem {
            start_x: -900.0,
            end_x: 40.0,
            ..range
        };
        let placement = layout(&[early], &OPTIONS).placements[0];
        assert_eq!(
            (
                placement.label_x,
                placement.label_width,
                placement.label_from_end
            ),
            (4.0, 150.0, false),
            "no room before its visible end: it begins at the range's visible start instead"
        );
    }

    #[test]
    fn a_label_that_reads_the_layouts_way_keeps_to_its_start_unless_it_went_before_its_mark() {
        let after = layout(&[point(0, 500.0, 100.0)], &OPTIONS).placements[0];
        assert!(!after.label_from_end && !after.label_reversed);
        let before = layout(&[point(0, 980.0, 100.0)], &OPTIONS).placements[0];
        assert!(before.label_from_end);
    }

    #[test]
    fn placements_are_found_by_event() {
        let items = [point(3, 10.0, 10.0), point(7, 100.0, 10.0)];
        let layout = layout(&items, &OPTIONS);
        assert_eq!(layout.placement_of(7).map(|p| p.lane), Some(0));
        assert!(layout.placement_of(4).is_none());
    }

    use crate::model::tests::pseudo_random;

    #[test]
    fn no_two_shown_labels_or_marks_in_a_lane_overlap_for_random_data() {
        let mut seed = 42;
        for round in 0..200 {
            let count = 1 + (pseudo_random(&mut seed) * 60.0) as usize;
            let mut starts: Vec<f64> = (0..count)
                .map(|_| pseudo_random(&mut seed) * 1_200.0 - 100.0)
                .collect();
            starts.sort_by(f64::total_cmp);
            let items: Vec<_> = starts
                .iter()
                .enumerate()
                .map(|(id, &start)| LayoutItem {
                    id: id as u64,
                    start_x: start,
                    end_x: start
                        + if pseudo_random(&mut seed) < 0.2 {
                            pseudo_random(&mut seed) * 300.0
                        } else {
                            0.0
                        },
                    label_width: 20.0 + pseudo_random(&mut seed) * 180.0,
                    priority: (pseudo_random(&mut seed) * 5.0) as u8 + 1,
                    label_reversed: pseudo_random(&mut seed) < 0.3,
                })
                .collect();
            let layout = layout(&items, &OPTIONS);
            assert!(layout.lane_count <= OPTIONS.max_lanes + 1);
            let boxes = label_boxes(&layout);
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let overlap = a.0 == b.0 && a.1 < b.2 && b.1 < a.2;
                    assert!(
                        !overlap,
                        "round {round}: labels {a:?} and {b:?} overlap\n{items:#?}\n{layout:#?}"
                    );
                }
            }
            // A shown label never covers another item's mark in its lane either.
            for (placement, item) in layout.placements.iter().zip(&items) {
                for (other_placement, other) in layout.placements.iter().zip(&items) {
                    if placement.show_label
                        && other_placement.lane == placement.lane
                        && other.id != item.id
                    {
                        let (mark_start, mark_end, _) = other.mark(&OPTIONS);
                        let label_end = placement.label_x + placement.label_width;
                        assert!(
                            !(mark_start < label_end && placement.label_x < mark_end),
                            "round {round}: label of {} covers mark of {}",
                            item.id,
                            other.id
                        );
                    }
                }
            }
        }
    }
}
