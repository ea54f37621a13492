//! Mounts the Storyline demo page.

// The reader's allocator (Talc): about 0.7 KB smaller in the download than the standard library's
// dlmalloc. Single-threaded WebAssembly only, which is what the pages run on.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// No panic hook here or in the embed, unlike the editor: its message formatting and console
// bindings cost every reader's download, and a panic still stops with an error in the console.
fn main() {
    leptos::mount::mount_to_body(storyline::ui::App);
}
