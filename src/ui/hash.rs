//! Reads and rewrites the page's URL fragment for shareable view state, without adding history.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The fragment without its `#`, or empty.
pub fn read_fragment() -> String {
    window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Replaces the fragment in place (`history.replaceState`), so moving around adds no history
/// entries; an empty fragment removes the `#` entirely.
pub fn replace_fragment(fragment: &str) {
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
