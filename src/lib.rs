//! Storyline: an interactive, zoomable timeline for news stories (pure core plus a Leptos shell).
//!
//! Pages embed it with the script loader or the iframe page (see the README). Leptos apps use the
//! [`Timeline`] component directly:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use storyline::{Theme, Timeline};
//!
//! const STORY: &str = r##"{
//!   "version": 1,
//!   "title": "Albania and NATO",
//!   "categories": [{"id": "security", "label": "Security", "color": "#047857"}],
//!   "events": [{
//!     "id": "nato-accession", "start": "2009-04-01", "title": "Albania joins NATO",
//!     "categories": ["security"],
//!     "sources": [{"title": "Albania, Croatia officially join NATO", "publisher": "Eurasia.ro",
//!                  "url": "https://eurasia.ro/2009/04/06/albania-croatia-officially-join-nato/"}]
//!   }]
//! }"##;
//!
//! #[component]
//! fn Article() -> impl IntoView {
//!     // `parse` reports every problem with its line and column when the data is wrong.
//!     let story = storyline::parse(STORY).expect("valid story data");
//!     view! {
//!         <Timeline
//!             data=story
//!             initial_window=("2008", "2011")
//!             theme=Theme::Auto
//!             on_select=Callback::new(|id: String| leptos::logging::log!("opened {id}"))
//!         />
//!     }
//! }
//!
//! fn main() {
//!     leptos::mount::mount_to_body(Article);
//! }
//! ```

/// The pure core, a crate of its own (`crates/storyline-core`) so it cannot import a web crate.
pub use storyline_core as core;
pub mod ui;

use leptos::prelude::*;

pub use core::story::Story;
pub use ui::look::Theme;

/// Reads a Storyline JSON document; on failure, every problem found (errors and warnings), each
/// with its line, column, JSON path and hint.
pub fn parse(text: &str) -> Result<Story, Vec<core::parse::Problem>> {
    ui::app::read_document(text)
}

/// The window shown first, as two dates in the data's syntax: `("2022-07", "2022-12")`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitialWindow {
    pub from: String,
    pub to: String,
}

impl<A: Into<String>, B: Into<String>> From<(A, B)> for InitialWindow {
    fn from((from, to): (A, B)) -> InitialWindow {
        InitialWindow {
            from: from.into(),
            to: to.into(),
        }
    }
}

/// The timeline component for Leptos apps.
///
/// - `data`: the story, from [`parse`].
/// - `initial_window`: the stretch of time shown first (default: every event).
/// - `start`: the id of an event to open at first.
/// - `theme`: light (default), dark, or the reader's system setting.
/// - `title_card`: open on the story's title card with its Start button (`Some(true)`), or
///   never (`Some(false)`); by default, as the data's `title_card` says.
/// - `breaks`: draw long empty gaps as short marked breaks (`Some(true)`) or keep one even scale
///   (`Some(false)`); by default, as the data's `breaks` says (on, where it helps).
/// - `on_select`: called with the id of each event the reader opens.
#[component]
pub fn Timeline(
    data: Story,
    #[prop(optional, into)] initial_window: Option<InitialWindow>,
    #[prop(optional, into)] start: Option<String>,
    #[prop(optional)] theme: Theme,
    #[prop(optional, into)] title_card: Option<bool>,
    #[prop(optional, into)] breaks: Option<bool>,
    #[prop(optional, into)] on_select: Option<Callback<String>>,
) -> impl IntoView {
    let (from, to) =
        initial_window.map_or((None, None), |window| (Some(window.from), Some(window.to)));
    let initial = core::url_state::InitialView {
        event: start,
        categories: None,
        from,
        to,
        title_card,
        breaks,
    };
    view! {
        <ui::StoryTimeline timeline=data initial=initial theme=theme on_select=on_select />
    }
}
