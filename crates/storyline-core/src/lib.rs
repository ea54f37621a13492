//! The pure core: data model, parsing, dates, scale, ticks, viewport and layout. No web crates here.

/// A hint on how to fix a problem, for the person who can: the CLI and the editor word it; the
/// reader's builds (feature `terse`) leave every hint's text and the searches behind suggestions
/// out of the download, since an article's reader cannot fix the data. The problem keeps its
/// place and message either way. Both branches are type-checked in every build. Defined before
/// the modules, so the parser and the dates share it.
macro_rules! hint {
    ($($words:tt)+) => {
        if cfg!(feature = "terse") {
            String::new()
        } else {
            std::fmt::format(format_args!($($words)+))
        }
    };
}

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
pub mod static_svg;
pub mod story;
pub mod text;
pub mod text_hash;
pub mod ticks;
pub mod url_state;
pub mod viewport;
pub mod words;
