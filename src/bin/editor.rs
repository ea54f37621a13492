//! The editor page (`editor.html`): its own bundle, so readers never download editor code.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(storyline::ui::editor::EditorPage);
}
