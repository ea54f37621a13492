//! The Leptos shell: components that read memos over core values and send intents back to them.
//!
//! Only the pages and the whole component are public; the parts take the shared timeline as it
//! is, so they stay inside the crate where every timeline has passed validation.

pub mod app;
pub(crate) mod axis;
pub(crate) mod built;
pub(crate) mod dates;
pub(crate) mod detail;
pub mod download;
pub(crate) mod drawn;
pub mod editor;
pub mod embed;
pub(crate) mod gestures;
pub(crate) mod items;
pub(crate) mod keys;
pub(crate) mod legend;
pub(crate) mod link;
pub(crate) mod list;
pub mod look;
pub(crate) mod measure;
pub(crate) mod media;
pub(crate) mod motion;
pub(crate) mod narrative;
pub(crate) mod overview;
pub mod problems;
pub(crate) mod state;
pub(crate) mod status;
pub mod timeline;
pub(crate) mod toolbar;
pub(crate) mod word_files;

pub use app::App;
pub use problems::ProblemsPanel;
pub use timeline::StoryTimeline;
