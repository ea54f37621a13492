//! The embed build: the script loader calls its exported `mount_embed`; on the iframe page
//! (marked by `<meta name="storyline-page" content="iframe">`) it mounts the page itself.

// The reader's allocator (Talc): about 0.7 KB smaller in the download than the standard library's
// dlmalloc. Single-threaded WebAssembly only, which is what the pages run on.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
