//! The link to a view: where a timeline starts (the page's URL fragment for a deep-linked page,
//! else what the host asked for) and how the view is told back (the fragment, kept current
//! without adding history, and the host's `on_view_change`).

use super::state::TimelineState;
use crate::core::model::Timeline;
use crate::core::url_state::{self, InitialView, ViewState};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Where a timeline opens: the page's fragment when `deep_link` and it has one, else `initial`.
/// What cannot be used is left out and summed up in one console line.
pub fn starting_view(deep_link: bool, initial: &InitialView, story: &Timeline) -> ViewState {
    let fragment = if deep_link {
        read_fragment()
    } else {
        String::new()
    };
    let (start, warnings) = if fragment.is_empty() {
        initial.resolve(story)
    } else {
        url_state::decode(&fragment, story)
    };
    if !warnings.is_empty() {
        leptos::logging::warn!("Storyline start view: {}", warnings.join("; "));
    }
    start
}

/// Tells the view to the page's fragment (with `deep_link`) and to `on_view_change`, whenever it
/// changes. The fragment is written only once the reader changes something, so a page opened
/// without one keeps a clean URL.
pub fn follow_view(
    state: TimelineState,
    deep_link: bool,
    on_view_change: Option<Callback<InitialView>>,
) {
    if !deep_link && on_view_change.is_none() {
        return;
    }
    // A memo, so glide frames that round to the same dates notify nobody.
    let view = Memo::new(move |_| state.written_view());
    if deep_link {
        Effect::new(move |previous: Option<()>| {
            let fragment = view.with(InitialView::to_fragment);
            if previous.is_some() {
                replace_fragment(&fragment);
            }
        });
    }
    if let Some(on_view_change) = on_view_change {
        Effect::new(move |_| on_view_change.run(view.get()));
    }
}

/// The fragment without its `#`, or empty.
fn read_fragment() -> String {
    window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Replaces the fragment in place (`history.replaceState`), so moving around adds no history
/// entries; an empty fragment removes the `#` entirely.
fn replace_fragment(fragment: &str) {
    if fragment == read_fragment() {
        return;
    }
    let location = window().location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
