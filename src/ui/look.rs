//! The component's shared look, a leaf every part may use: lengths in CSS pixels, category colours
//! and their swatch, the colour scheme, and the sizes that must match the stylesheet.

use crate::core::model::Category;
use crate::core::scene::SceneOptions;
use leptos::prelude::*;

/// Height of one lane of events, in pixels (matches `--storyline-row` in the stylesheet).
pub const ROW_HEIGHT: f64 = 30.0;
/// How the scene is drawn (its lanes match `--storyline-lanes-height` in the stylesheet); the room
/// of a cluster's word is the reader's language's, filled in by `TimelineState`.
pub const SCENE: SceneOptions = SceneOptions::STANDARD;

/// Width of one character of a tick label (12px), kept conservative so labels never touch.
pub const TICK_CHAR_WIDTH: f64 = 7.5;

/// A length in CSS pixels to a tenth of a pixel. Written with integers: float formatting would
/// add kilobytes of code to the download for no visible difference.
pub fn px(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}px", tenths / 10, tenths % 10)
}

/// A category's colour, which a host page may override with `--storyline-category-<id>`.
pub fn category_color(category: &Category) -> String {
    format!(
        "var(--storyline-category-{}, {})",
        category.id, category.color
    )
}

/// A small square in a category's colour, beside its name.
#[component]
pub fn Swatch<'a>(category: &'a Category) -> impl IntoView {
    view! { <span class="storyline-swatch" style:background-color=category_color(category)></span> }
}

/// The colour scheme: light, dark, or the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// Reads "light", "dark" or "auto".
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The root's classes, which the stylesheet's colour blocks key on.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Theme::Light => "storyline storyline-theme-light",
            Theme::Dark => "storyline storyline-theme-dark",
            Theme::Auto => "storyline storyline-theme-auto",
        }
    }
}
