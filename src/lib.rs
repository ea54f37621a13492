//! Storyline: an interactive, zoomable timeline for news stories (pure core plus a Leptos shell).

pub mod core;
pub mod ui;
