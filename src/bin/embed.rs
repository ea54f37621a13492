//! The embed build: the script loader calls its exported `mount_embed`; on the iframe page
//! (marked by `<meta name="storyline-page" content="iframe">`) it mounts the page itself.

fn main() {
    console_error_panic_hook::set_once();
    let is_iframe_page = leptos::prelude::document()
        .query_selector("meta[name=storyline-page][content=iframe]")
        .ok()
        .flatten()
        .is_some();
    if is_iframe_page {
        storyline::ui::embed::mount_iframe_page();
    }
}
