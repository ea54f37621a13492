//! One view state per timeline: the story, the reader's language, the filter, the open event, the
//! keyboard's place, the window (with its glides) and the width, the scale and scene derived from
//! them, and the intents that change them. `StoryTimeline` builds it once and hands it to every
//! part, as one `Copy` value.

use super::look::SCENE;
use super::motion::Motion;
use crate::core::breaks::{BreakRule, Breaks};
use crate::core::date::{Seconds, SECONDS_PER_DAY, SECONDS_PER_MEAN_YEAR};
use crate::core::i18n::{fill, Language};
use crate::core::model::{CategoryFilter, EventIndex, Timeline};
use crate::core::navigation::{self, Step};
use crate::core::scale::{Remap, TimeScale};
use crate::core::scene::{compose, ComposePace, Pace, Scene, SceneOptions};
use crate::core::url_state::{InitialView, ViewState};
use crate::core::viewport::Viewport;
use leptos::prelude::*;
use std::sync::Arc;

/// Space left around the events when fitting them all into view, as a fraction of their span.
const FIT_MARGIN: f64 = 0.04;
/// An event opened from a link is shown in a window at least this wide, and this many times
/// its own span, so its neighbours give it context.
const FOCUS_MIN_SPAN: f64 = 120.0 * SECONDS_PER_DAY;
const FOCUS_SPAN_FACTOR: f64 = 3.0;

#[derive(Clone, Copy)]
pub struct TimelineState {
    story: StoredValue<Arc<Timeline>>,
    pub language: Language,
    /// Prefix for element ids, unique to this timeline on the page.
    id_prefix: StoredValue<String>,
    /// Which categories are shown; changed through [`TimelineState::set_filter`].
    pub filter: RwSignal<CategoryFilter>,
    /// The event whose details are open; changed through [`TimelineState::select`].
    pub selected: RwSignal<Option<EventIndex>>,
    /// The keyboard's place among the events (pinned like the open event, so it is drawn).
    pub current: RwSignal<Option<EventIndex>>,
    /// The story's compressed empty gaps: windows, glides and gestures are in axis time.
    breaks: StoredValue<Breaks>,
    /// The window shown (in axis time), and the glide towards another one.
    pub motion: Motion,
    /// The time area's width in CSS pixels.
    pub width: ReadSignal<f64>,
    /// The scale of the window shown.
    pub scale: Memo<TimeScale>,
    /// What is drawn, composed for the window shown or, while the window moves, for one shown a
    /// moment ago (see `ComposePace`), at this scale; `remap` moves it to the window shown.
    pub scene: Memo<Scene>,
    composed_scale: Memo<TimeScale>,
    /// Paces composing the scene while the window moves; `compose` asks for it at once.
    pace: StoredValue<ComposePace>,
    compose: RwSignal<u32>,
    /// Whether the events are read as a list instead of on the time area.
    pub list_view: RwSignal<bool>,
    on_select: Option<Callback<String>>,
}

impl TimelineState {
    /// The state of a timeline that starts at `start` (what a link or the host asked for; a
    /// window around the linked event, or every shown event, when it names no window). With
    /// `with_breaks`, the story's long empty gaps are drawn as short breaks.
    pub fn new(
        story: Arc<Timeline>,
        language: Language,
        with_breaks: bool,
        start: ViewState,
        width: ReadSignal<f64>,
        id_prefix: String,
        on_select: Option<Callback<String>>,
    ) -> TimelineState {
        let filter = start
            .filter
            .unwrap_or_else(|| CategoryFilter::all(story.categories.len()));
        // A linked event in a hidden category does not open.
        let selected = start
            .event
            .filter(|&index| filter.shows_event(&story.events[index]));
        // Breaks come from every event, whatever the filter: the axis stays put as categories
        // are turned on and off.
        let breaks = if with_breaks {
            BreakRule::STANDARD.breaks(story.spans())
        } else {
            Breaks::none()
        };
        let window = start
            .window
            .map(|window| on_axis(&breaks, window))
            .or_else(|| {
                start
                    .event
                    .map(|index| window_around(&story, &breaks, index))
            })
            .unwrap_or_else(|| fitted_viewport(&story, &breaks, &filter));
        let filter = RwSignal::new(filter);
        let selected = RwSignal::new(selected);
        let current = RwSignal::new(None::<EventIndex>);
        let motion = Motion::new(window);
        let viewport = motion.viewport;
        let scale_of = {
            let breaks = breaks.clone();
            move |window: Viewport| {
                TimeScale::with_breaks(
                    window.start,
                    window.end,
                    width.get().max(1.0),
                    breaks.clone(),
                )
            }
        };
        let scale = {
            let scale_of = scale_of.clone();
            Memo::new(move |_| scale_of(viewport.get()))
        };
        // The scale the scene is composed for: the window shown's, unless the window is moving
        // faster than the scene is worth composing again (then the last one, at the current width).
        // A memo, not an effect writing a signal: the scene and the items' remap read the same
        // composed scale in the same run, so a step never draws a scene against a stale map.
        let pace = StoredValue::new(ComposePace::default());
        let compose_signal = RwSignal::new(0_u32);
        let composed_scale = Memo::new(move |composed: Option<&TimeScale>| {
            let window = viewport.get();
            compose_signal.track();
            let kept = |composed: &TimeScale| Viewport {
                start: composed.axis_start,
                end: composed.axis_end,
            };
            match pace.try_update_value(|pace| pace.changed(js_sys::Date::now())) {
                Some(Pace::Now) | None => scale_of(window),
                Some(Pace::After(delay_ms)) => {
                    set_timeout(
                        move || {
                            if pace.try_update_value(ComposePace::due).is_some() {
                                compose_signal.try_update(|count| *count += 1);
                            }
                        },
                        std::time::Duration::from_millis(delay_ms.ceil().max(0.0) as u64),
                    );
                    scale_of(composed.map_or(window, kept))
                }
                Some(Pace::Waiting) => scale_of(composed.map_or(window, kept)),
            }
        });
        let scene = {
            let story = Arc::clone(&story);
            // Clusters are labelled in the reader's words ("12 ngjarje"): lay out that room.
            let options = SceneOptions {
                cluster_word_chars: fill(language.words().cluster_label, &[("count", "")])
                    .chars()
                    .count(),
                right_to_left: language.is_right_to_left(),
                ..SCENE
            };
            Memo::new(move |_| {
                // Until the time area is measured (right after it is mounted, before the first
                // frame), nothing is laid out: a scene for no width would be built and thrown away.
                if width.get() <= 0.0 {
                    return Scene::default();
                }
                let pinned: Vec<EventIndex> = [selected.get(), current.get()]
                    .into_iter()
                    .flatten()
                    .collect();
                filter.with(|filter| {
                    compose(&story, &composed_scale.get(), filter, &pinned, &options)
                })
            })
        };
        TimelineState {
            story: StoredValue::new(story),
            language,
            id_prefix: StoredValue::new(id_prefix),
            breaks: StoredValue::new(breaks),
            filter,
            selected,
            current,
            motion,
            width,
            scale,
            scene,
            composed_scale,
            pace,
            compose: compose_signal,
            list_view: RwSignal::new(false),
            on_select,
        }
    }

    /// The story shown (shared, not copied).
    pub fn story(&self) -> Arc<Timeline> {
        self.story.get_value()
    }

    pub fn id_prefix(&self) -> String {
        self.id_prefix.get_value()
    }

    /// The story's breaks (shared, not copied).
    pub fn breaks(&self) -> Breaks {
        self.breaks.get_value()
    }

    /// Where an instant lies on the axis that windows are measured on.
    pub fn axis_of(&self, time: Seconds) -> Seconds {
        self.breaks.with_value(|breaks| breaks.to_axis(time))
    }

    /// The window shown, in time rather than on the axis (tracked).
    pub fn time_window(&self) -> Viewport {
        let window = self.motion.viewport.get();
        self.breaks.with_value(|breaks| in_time(breaks, window))
    }

    /// The window that shows `[start, end)` with `margin` (a fraction) on each side.
    pub fn window_showing(&self, start: Seconds, end: Seconds, margin: f64) -> Viewport {
        Viewport::fit(self.axis_of(start), self.axis_of(end), margin)
    }

    /// Opens an event's details (or closes them with `None`), telling the host's `on_select`.
    pub fn select(&self, index: Option<EventIndex>) {
        if self.selected.get_untracked() == index {
            return;
        }
        self.selected.set(index);
        if let (Some(on_select), Some(index)) = (self.on_select, index) {
            on_select.run(
                self.story
                    .with_value(|story| story.events[index].id.clone()),
            );
        }
    }

    /// Changes which categories are shown; an open event that is now hidden closes.
    pub fn set_filter(&self, change: impl FnOnce(&mut CategoryFilter)) {
        self.filter.update(change);
        if let Some(index) = self.selected.get_untracked() {
            let shown = self.filter.with_untracked(|filter| {
                self.story
                    .with_value(|story| filter.shows_event(&story.events[index]))
            });
            if !shown {
                self.select(None);
            }
        }
    }

    /// Moves the keyboard's place to the next, previous, first or last shown event, bringing it
    /// into view; with the details open they follow, like a slideshow. Returns where it went.
    pub fn step(&self, from: Option<EventIndex>, step: Step) -> Option<EventIndex> {
        let next = self.story.with_value(|story| {
            self.filter
                .with_untracked(|filter| navigation::step(story, filter, from, step))
        })?;
        let (start, end) = self.story.with_value(|story| story.span(next));
        let (start, end) = (self.axis_of(start), self.axis_of(end));
        let window = self.motion.target();
        if end <= window.start || start >= window.end {
            self.motion.jump(window.centred_on((start + end) / 2.0));
            // The event stepped to is focused next: it must be drawn where it is, now.
            self.compose_now();
        }
        self.current.set(Some(next));
        if self.selected.get_untracked().is_some() {
            self.select(Some(next));
        }
        Some(next)
    }

    /// How to move what the scene placed to the window shown (tracked).
    pub fn remap(&self) -> Remap {
        self.composed_scale
            .with(|composed| self.scale.with(|shown| Remap::between(composed, shown)))
    }

    /// Composes the scene for the window shown at once, however recently it was composed.
    pub fn compose_now(&self) {
        self.pace.update_value(ComposePace::due);
        self.compose.update(|count| *count += 1);
    }

    /// Zooms in (`factor` > 1) or out around the middle of the window, gliding there.
    pub fn zoom_at_centre(&self, factor: f64) {
        self.motion
            .glide_by(|window| window.zoom_around(factor, window.centre()));
    }

    /// Glides to the window that shows every shown event.
    pub fn fit_all(&self) {
        let window = self.story.with_value(|story| {
            self.breaks.with_value(|breaks| {
                self.filter
                    .with_untracked(|filter| fitted_viewport(story, breaks, filter))
            })
        });
        self.motion.glide_to(window);
    }

    /// What a link to this view would restore (tracked: a reactive read).
    pub fn view_state(&self) -> ViewState {
        ViewState {
            event: self.selected.get(),
            filter: Some(self.filter.get()),
            window: Some(self.time_window()),
        }
    }

    /// The view written with the story's ids and dates, as a link or the editor keeps it
    /// (tracked).
    pub fn written_view(&self) -> InitialView {
        let state = self.view_state();
        self.story
            .with_value(|story| InitialView::of(&state, story))
    }
}

/// A window in time, placed on the axis.
fn on_axis(breaks: &Breaks, window: Viewport) -> Viewport {
    Viewport::new(breaks.to_axis(window.start), breaks.to_axis(window.end))
}

/// A window on the axis, in time (as links and hosts write it).
fn in_time(breaks: &Breaks, window: Viewport) -> Viewport {
    Viewport {
        start: breaks.to_time(window.start),
        end: breaks.to_time(window.end),
    }
}

/// The window that shows every event shown by `filter` (every event when none is shown).
fn fitted_viewport(timeline: &Timeline, breaks: &Breaks, filter: &CategoryFilter) -> Viewport {
    let shown = (0..timeline.events.len())
        .filter(|&index| filter.shows_event(&timeline.events[index]))
        .map(|index| timeline.span(index))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let (first, last) = shown
        .or_else(|| timeline.extent())
        .unwrap_or((0.0, SECONDS_PER_MEAN_YEAR));
    Viewport::fit(breaks.to_axis(first), breaks.to_axis(last), FIT_MARGIN)
}

/// A window around one event, wide enough to show its neighbours.
fn window_around(timeline: &Timeline, breaks: &Breaks, index: EventIndex) -> Viewport {
    let (start, end) = timeline.span(index);
    let (start, end) = (breaks.to_axis(start), breaks.to_axis(end));
    let span = ((end - start) * FOCUS_SPAN_FACTOR).max(FOCUS_MIN_SPAN);
    Viewport::anchored((start + end) / 2.0, 0.5, span)
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
