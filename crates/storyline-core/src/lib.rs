//! The pure core: data model, parsing, dates, scale, ticks, viewport and layout. No web crates here.

pub mod breaks;
pub mod contrast;
pub mod date;
pub mod embed_options;
pub mod gesture;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod locate;
pub mod media;
pub mod model;
pub mod navigation;
pub mod order;
pub mod overview;
pub mod parse;
pub mod report;
pub mod scale;
pub mod scene;
pub mod schema;
pub mod static_html;
pub mod story;
pub mod text;
pub mod ticks;
pub mod url_state;
pub mod viewport;
pub mod words;
