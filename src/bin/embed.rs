//! The embed build: the script loader calls its exported `mount_embed`; on the iframe page
//! (marked by `<meta name="storyline-page" content="iframe">`) it mounts the page itself.

// No panic hook (the editor keeps one): its message formatting and console bindings would be in
// every reader's download; a panic still stops with an error in the console.
fn main() {
    let is_iframe_page = leptos::prelude::document()
        .query_selector("meta[name=storyline-page][content=iframe]")
        .ok()
        .flatten()
        .is_some();
    if is_iframe_page {
        storyline::ui::embed::mount_iframe_page();
    }
}
