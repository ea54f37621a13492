//! Mounts the Storyline demo page.

// No panic hook here or in the embed, unlike the editor: its message formatting and console
// bindings cost every reader's download, and a panic still stops with an error in the console.
fn main() {
    leptos::mount::mount_to_body(storyline::ui::App);
}
