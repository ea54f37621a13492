//! What the editor tells the journalist about their draft: storage failures, a change from
//! another tab, an undo after a replacement, and the list of recent drafts to restore.

use super::browser::local_time;
use super::draft::draft_title;
use super::state::EditorState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The notices, in one polite live region that is always in the page (so additions are announced).
#[component]
pub fn DraftNotices(state: EditorState, download_draft: Callback<()>) -> impl IntoView {
    let storage_notice = move || {
        state.storage_problem.get().map(|problem| {
            view! {
                <div class="editor-notice editor-notice-warning">
                    <p>
                        {format!(
                            "Your draft could not be saved in this browser ({}). Download it to keep it.",
                            problem.reason(),
                        )}
                    </p>
                    <button type="button" on:click=move |_| download_draft.run(())>
                        "Download draft"
                    </button>
                </div>
            }
        })
    };
    let conflict_notice = move || {
        state.conflict.with(Option::is_some).then(|| {
            view! {
                <div class="editor-notice editor-notice-warning">
                    <p>
                        "This draft was changed in another tab. Both versions are kept: choose which one to edit here."
                    </p>
                    <button type="button" on:click=move |_| state.keep_mine()>"Keep mine"</button>
                    <button type="button" on:click=move |_| state.load_theirs()>"Load theirs"</button>
                </div>
            }
        })
    };
    let undo_notice = move || {
        state
            .undo
            .with(|undo| undo.as_ref().map(|undo| undo.message.clone()))
            .map(|message| {
                view! {
                    <div class="editor-notice">
                        <p>{message}</p>
                        <button type="button" on:click=move |_| state.undo()>"Undo"</button>
                    </div>
                }
            })
    };
    view! {
        <div class="editor-notices" aria-live="polite">
            {storage_notice}
            {conflict_notice}
            {undo_notice}
        </div>
    }
}

/// Drafts replaced here or kept by other tabs, newest first, each restorable. Read from storage
/// only while the list is open.
#[component]
pub fn RecentDrafts(state: EditorState) -> impl IntoView {
    let open = RwSignal::new(false);
    let on_toggle = move |event: leptos::ev::Event| {
        let is_open = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|details| details.has_attribute("open"));
        open.set(is_open);
    };
    let drafts = move || {
        state.stored_drafts_changed.track();
        if !open.get() {
            return Vec::new();
        }
        state.recent()
    };
    let list = move || {
        let drafts = drafts();
        if drafts.is_empty() {
            return view! { <p class="editor-recent-empty">"No other drafts are kept in this browser."</p> }
                .into_any();
        }
        let items = drafts
            .into_iter()
            .map(|(id, record)| {
                let title = draft_title(&record.text);
                let when = local_time(record.saved_at);
                let label = format!("Restore \u{201c}{title}\u{201d}, saved {when}");
                view! {
                    <li class="editor-recent-item">
                        <span class="editor-recent-title" dir="auto">{title}</span>
                        <span class="editor-recent-time">{format!("saved {when}")}</span>
                        <button type="button" aria-label=label on:click=move |_| state.restore(id.clone())>
                            "Restore"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="editor-recent-list">{items}</ul> }.into_any()
    };
    view! {
        <details class="editor-recent" on:toggle=on_toggle>
            <summary>"Recent drafts"</summary>
            <p class="editor-recent-hint">
                "Drafts you replaced with New, Open, Import or Restore, and those of your other tabs."
            </p>
            {list}
        </details>
    }
}
