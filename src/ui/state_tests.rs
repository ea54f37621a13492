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
        true,
        start,
        width,
        "test".into(),
        Some(on_select),
    );
    (state, told)
}

/// Whether the event is in the window, on the axis (breaks or not).
fn shown(state: &TimelineState, index: EventIndex) -> bool {
    let (start, end) = state.story().span(index);
    let window = state.motion.viewport.get_untracked();
    state.axis_of(start) < window.end && state.axis_of(end) > window.start
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
fn with_breaks_a_window_given_in_dates_shows_those_dates_and_is_written_back_as_them() {
    let asked = Viewport::new(seconds("1950"), seconds("2022-10"));
    let (state, _) = state_at(ViewState {
        window: Some(asked),
        ..ViewState::default()
    });
    assert!(!state.breaks().is_empty(), "the demo story has breaks");
    let on_axis = state.motion.viewport.get_untracked();
    assert!(
        on_axis.span() < asked.span() / 3.0,
        "the cut axis is shorter"
    );
    let in_dates = state.time_window();
    assert!((in_dates.start - asked.start).abs() < 1.0);
    assert!((in_dates.end - asked.end).abs() < 1.0);
    assert_eq!(state.view_state().window, Some(in_dates));
    // Stepping to an event far away brings it into view on the cut axis too.
    let nato = index(&state.story(), "nato-accession");
    state.motion.jump(Viewport::new(
        state.axis_of(seconds("2022-07")),
        state.axis_of(seconds("2022-08")),
    ));
    state.step(Some(nato + 1), Step::Previous);
    assert!(shown(&state, nato));
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
