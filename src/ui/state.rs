//! One view state per timeline: the story, the reader's language, the filter, the open event, the
//! keyboard's place, the window (with its glides) and the width, the scale and scene derived from
//! them, and the intents that change them. `StoryTimeline` builds it once and hands it to every
//! part, as one `Copy` value.

use super::look::SCENE;
use super::motion::Motion;
use crate::core::date::{SECONDS_PER_DAY, SECONDS_PER_MEAN_YEAR};
use crate::core::i18n::{fill, Language};
use crate::core::model::{CategoryFilter, EventIndex, Timeline};
use crate::core::navigation::{self, Step};
use crate::core::scale::TimeScale;
use crate::core::scene::{compose, Scene, SceneOptions};
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
    /// The window shown, and the glide towards another one.
    pub motion: Motion,
    /// The time area's width in CSS pixels.
    pub width: ReadSignal<f64>,
    pub scale: Memo<TimeScale>,
    pub scene: Memo<Scene>,
    /// Whether the events are read as a list instead of on the time area.
    pub list_view: RwSignal<bool>,
    on_select: Option<Callback<String>>,
}

impl TimelineState {
    /// The state of a timeline that starts at `start` (what a link or the host asked for; a
    /// window around the linked event, or every shown event, when it names no window).
    pub fn new(
        story: Arc<Timeline>,
        language: Language,
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
        let window = start
            .window
            .or_else(|| start.event.map(|index| window_around(&story, index)))
            .unwrap_or_else(|| fitted_viewport(&story, &filter));
        let filter = RwSignal::new(filter);
        let selected = RwSignal::new(selected);
        let current = RwSignal::new(None::<EventIndex>);
        let motion = Motion::new(window);
        let viewport = motion.viewport;
        let scale = Memo::new(move |_| {
            let window = viewport.get();
            TimeScale::new(window.start, window.end, width.get().max(1.0))
        });
        let scene = {
            let story = Arc::clone(&story);
            // Clusters are labelled in the reader's words ("12 ngjarje"): lay out that room.
            let options = SceneOptions {
                cluster_word_chars: fill(language.words().cluster_label, &[("count", "")])
                    .chars()
                    .count(),
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
                filter.with(|filter| compose(&story, &scale.get(), filter, &pinned, &options))
            })
        };
        TimelineState {
            story: StoredValue::new(story),
            language,
            id_prefix: StoredValue::new(id_prefix),
            filter,
            selected,
            current,
            motion,
            width,
            scale,
            scene,
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
        let window = self.motion.target();
        if end <= window.start || start >= window.end {
            self.motion.jump(window.centred_on((start + end) / 2.0));
        }
        self.current.set(Some(next));
        if self.selected.get_untracked().is_some() {
            self.select(Some(next));
        }
        Some(next)
    }

    /// Zooms in (`factor` > 1) or out around the middle of the window, gliding there.
    pub fn zoom_at_centre(&self, factor: f64) {
        self.motion
            .glide_by(|window| window.zoom_around(factor, window.centre()));
    }

    /// Glides to the window that shows every shown event.
    pub fn fit_all(&self) {
        let window = self.story.with_value(|story| {
            self.filter
                .with_untracked(|filter| fitted_viewport(story, filter))
        });
        self.motion.glide_to(window);
    }

    /// What a link to this view would restore (tracked: a reactive read).
    pub fn view_state(&self) -> ViewState {
        ViewState {
            event: self.selected.get(),
            filter: Some(self.filter.get()),
            window: Some(self.motion.viewport.get()),
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

/// The window that shows every event shown by `filter` (every event when none is shown).
fn fitted_viewport(timeline: &Timeline, filter: &CategoryFilter) -> Viewport {
    let shown = (0..timeline.events.len())
        .filter(|&index| filter.shows_event(&timeline.events[index]))
        .map(|index| timeline.span(index))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let (first, last) = shown
        .or_else(|| timeline.extent())
        .unwrap_or((0.0, SECONDS_PER_MEAN_YEAR));
    Viewport::fit(first, last, FIT_MARGIN)
}

/// A window around one event, wide enough to show its neighbours.
fn window_around(timeline: &Timeline, index: EventIndex) -> Viewport {
    let (start, end) = timeline.span(index);
    let span = ((end - start) * FOCUS_SPAN_FACTOR).max(FOCUS_MIN_SPAN);
    Viewport::anchored((start + end) / 2.0, 0.5, span)
}

#[cfg(test)]
mod tests {
    //! The intents, natively: Leptos' signals run without a browser, and these intents never
    //! glide (gliding needs the browser's frames; the end-to-end tests cover it).
    use super::*;
    use crate::core::date::PartialDate;
    use crate::core::story::Story;
    use std::sync::Mutex;

    fn demo() -> Arc<Timeline> {
        Story::read(include_str!("../../data/albania-iran-israel.json"))
            .story
            .expect("the demo story is valid")
            .shared()
    }

    fn index(story: &Timeline, id: &str) -> EventIndex {
        story.event_index(id).expect("an event of the demo story")
    }

    fn seconds(date: &str) -> f64 {
        PartialDate::parse(date).expect("a date").start_seconds()
    }

    /// A state at `start`, and the ids the host's `on_select` has been told so far.
    fn state_at(start: ViewState) -> (TimelineState, Arc<Mutex<Vec<String>>>) {
        let told = Arc::new(Mutex::new(Vec::new()));
        let on_select = {
            let told = Arc::clone(&told);
            Callback::new(move |id: String| told.lock().unwrap().push(id))
        };
        let (width, _) = signal(1280.0);
        let state = TimelineState::new(
            demo(),
            Language::English,
            start,
            width,
            "test".into(),
            Some(on_select),
        );
        (state, told)
    }

    fn shown(state: &TimelineState, index: EventIndex) -> bool {
        let (start, end) = state.story().span(index);
        let window = state.motion.viewport.get_untracked();
        start < window.end && end > window.start
    }

    #[test]
    fn selecting_tells_the_host_once_and_closing_tells_nothing() {
        let (state, told) = state_at(ViewState::default());
        let nato = index(&state.story(), "nato-accession");
        state.select(Some(nato));
        state.select(Some(nato));
        state.select(None);
        assert_eq!(state.selected.get_untracked(), None);
        assert_eq!(*told.lock().unwrap(), ["nato-accession"]);
    }

    #[test]
    fn hiding_the_open_events_category_closes_it_and_other_filters_keep_it() {
        let (state, _) = state_at(ViewState::default());
        let story = state.story();
        let nato = index(&story, "nato-accession");
        let security = story.category_index("security").unwrap();
        let cyber = story.category_index("cyber").unwrap();
        state.select(Some(nato));
        state.set_filter(|filter| filter.toggle(cyber));
        assert_eq!(state.selected.get_untracked(), Some(nato));
        state.set_filter(|filter| filter.toggle(security));
        assert_eq!(state.selected.get_untracked(), None);
    }

    #[test]
    fn a_linked_event_in_a_hidden_category_does_not_open() {
        let story = demo();
        let nato = index(&story, "nato-accession");
        let mut filter = CategoryFilter::all(story.categories.len());
        filter.toggle(story.category_index("security").unwrap());
        let (state, told) = state_at(ViewState {
            event: Some(nato),
            filter: Some(filter),
            window: None,
        });
        assert_eq!(state.selected.get_untracked(), None);
        assert!(told.lock().unwrap().is_empty());
    }

    #[test]
    fn stepping_brings_the_event_into_view_and_open_details_follow() {
        // A window on the 1940s, far from the 2022 events.
        let (state, told) = state_at(ViewState {
            window: Some(Viewport::new(seconds("1940"), seconds("1950"))),
            ..ViewState::default()
        });
        let story = state.story();
        let last = state.step(None, Step::Last).expect("the last event");
        assert_eq!(last, story.events.len() - 1);
        assert_eq!(state.current.get_untracked(), Some(last));
        assert!(shown(&state, last), "the window moved to the event");
        // With nothing open, stepping only moves the keyboard's place.
        assert_eq!(state.selected.get_untracked(), None);
        // With the details open, they follow, and the host hears of each.
        state.select(Some(last));
        let previous = state.step(Some(last), Step::Previous).unwrap();
        assert_eq!(previous, last - 1);
        assert_eq!(state.selected.get_untracked(), Some(previous));
        assert_eq!(told.lock().unwrap().len(), 2);
    }

    #[test]
    fn stepping_visits_only_the_events_the_filter_shows() {
        let (state, _) = state_at(ViewState::default());
        let story = state.story();
        let cyber = story.category_index("cyber").unwrap();
        state.set_filter(|filter| {
            *filter = CategoryFilter::none(story.categories.len());
            filter.toggle(cyber);
        });
        let mut visited = Vec::new();
        let mut at = None;
        while let Some(next) = state.step(at, Step::Next) {
            if at == Some(next) {
                break;
            }
            visited.push(next);
            at = Some(next);
        }
        assert!(!visited.is_empty());
        assert!(
            visited.windows(2).all(|pair| pair[0] < pair[1]),
            "in time order"
        );
        assert!(visited
            .iter()
            .all(|&index| story.events[index].categories.contains(&cyber)));
        let all_cyber = (0..story.events.len())
            .filter(|&index| story.events[index].categories.contains(&cyber))
            .count();
        assert_eq!(visited.len(), all_cyber);
    }

    #[test]
    fn the_view_written_back_restores_the_same_state() {
        let (state, _) = state_at(ViewState::default());
        let story = state.story();
        state.select(Some(index(&story, "severs-ties-with-iran")));
        state.set_filter(|filter| filter.toggle(story.category_index("history").unwrap()));
        state
            .motion
            .jump(Viewport::new(seconds("2022-06"), seconds("2022-12")));
        let written = state.written_view();
        let (restored, warnings) = written.resolve(&story);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(restored.event, state.view_state().event);
        assert_eq!(restored.filter, state.view_state().filter);
        let (window, again) = (restored.window.unwrap(), state.view_state().window.unwrap());
        assert!((window.start - again.start).abs() < 86_400.0);
        assert!((window.end - again.end).abs() < 86_400.0);
    }
}
