//! Leptos components over the pure core.
