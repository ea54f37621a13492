//! The Leptos shell: components that read memos over core values and send intents back to them.

pub mod app;
pub mod axis;
pub mod dates;
pub mod detail;
pub mod editor;
pub mod embed;
pub mod hash;
pub mod legend;
pub mod list;
pub mod measure;
pub mod motion;
pub mod overview;
pub mod problems;
pub mod timeline;

pub use app::App;
pub use problems::ProblemsPanel;
pub use timeline::StoryTimeline;
