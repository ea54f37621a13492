//! The editor page: JSON on the left, the real timeline on the right, problems listed and
//! clickable, imports, downloads, and drafts that are never lost: kept per tab, recoverable after
//! a replacement, and reported when the browser cannot store them.

mod browser;
mod draft;
mod exports;
mod notices;
mod state;

use super::problems::ProblemItem;
use super::timeline::StoryTimeline;
use crate::core::import::{detect, sheet, timelinejs, ImportOutcome, SourceFormat};
use crate::core::locate::utf16_offset;
use crate::core::url_state::InitialView;
use browser::{chosen_file, copy_to_clipboard, download};
use draft::NEW_DOCUMENT;
use exports::Exports;
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use notices::{DraftNotices, RecentDrafts};
use state::{EditorState, Origin};
use wasm_bindgen::JsCast;

/// The example a new editor starts from.
const EXAMPLE_URL: &str = "data/albania-iran-israel.json";
/// The file names of a download, without errors and with.
const DOWNLOAD_NAME: &str = "timeline.json";
const DRAFT_DOWNLOAD_NAME: &str = "timeline-draft.json";

#[component]
pub fn EditorPage() -> impl IntoView {
    let state = EditorState::new();
    let text = state.text;
    let status = state.status;
    let import_notes = state.import_notes;
    let editor = NodeRef::<Textarea>::new();
    let open_input = NodeRef::<Input>::new();
    let import_input = NodeRef::<Input>::new();

    // Start from this tab's draft (or the newest one), else from the example story.
    if !state.restore_on_start() {
        leptos::task::spawn_local(async move {
            let example = match gloo_net::http::Request::get(EXAMPLE_URL).send().await {
                Ok(response) if response.ok() => response
                    .text()
                    .await
                    .unwrap_or_else(|_| NEW_DOCUMENT.into()),
                _ => NEW_DOCUMENT.into(),
            };
            state.example_arrived(example);
        });
    }

    // Leaving with text that exists only in this browser asks first; another tab's writes are
    // watched so this tab's draft is never silently replaced. Both listeners go with the page.
    let before_unload = window_event_listener_untyped("beforeunload", move |event| {
        if state.has_unsaved_work() {
            let event: web_sys::BeforeUnloadEvent = event.unchecked_into();
            event.prevent_default();
            event.set_return_value("You have changes that are not downloaded yet.");
        }
    });
    let storage_listener = window_event_listener(leptos::ev::storage, move |event| {
        state.storage_changed(event.key(), event.new_value());
    });
    on_cleanup(move || {
        before_unload.remove();
        storage_listener.remove();
    });

    let jump_to = move |line: usize, column: usize| {
        let Some(area) = editor.get_untracked() else {
            return;
        };
        let offset = utf16_offset(&text.get_untracked(), line, column) as u32;
        let _ = area.focus();
        let _ = area.set_selection_range(offset, offset);
    };
    let open_file = move |_| {
        let Some(input) = open_input.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = chosen_file(&input).await else {
                return;
            };
            input.set_value("");
            let opened = String::from_utf8_lossy(&bytes);
            let opened = opened
                .strip_prefix('\u{feff}')
                .unwrap_or(&opened)
                .to_string();
            state.replace(opened, Origin::Elsewhere, format!("Opened {name}."));
        });
    };
    // An import replaces the draft only when it worked; a failed one leaves the draft alone.
    let apply_import = move |name: String, outcome: ImportOutcome| match outcome.document {
        Some(document) if outcome.errors.is_empty() => {
            let json = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
            state.replace(
                json,
                Origin::Converted,
                format!("Imported {name}. Check the notes below, then download the JSON."),
            );
            import_notes.set(outcome.notes);
        }
        _ => {
            status.set(format!(
                "{name} could not be imported; your draft is unchanged."
            ));
            import_notes.set(outcome.errors.into_iter().chain(outcome.notes).collect());
        }
    };
    let import_file = move |_| {
        let Some(input) = import_input.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = chosen_file(&input).await else {
                return;
            };
            input.set_value("");
            let is_sheet = name.to_ascii_lowercase().ends_with(".csv");
            let outcome = if is_sheet {
                sheet::import(&bytes)
            } else {
                timelinejs::import(&String::from_utf8_lossy(&bytes))
            };
            apply_import(name, outcome);
        });
    };
    // Pasted TimelineJS JSON or spreadsheet rows are recognised and can be converted in place.
    let pasted_format = Memo::new(move |_| text.with(|text| detect(text)));
    let convert_pasted = move |_| {
        let current = text.get_untracked();
        match pasted_format.get_untracked() {
            Some(SourceFormat::TimelineJs) => apply_import(
                "the pasted TimelineJS data".into(),
                timelinejs::import(&current),
            ),
            Some(SourceFormat::Sheet) => apply_import(
                "the pasted spreadsheet rows".into(),
                sheet::import(current.as_bytes()),
            ),
            None => {}
        }
    };
    // A draft with errors is still offered as a file, under a name that says what it is: losing
    // it would be worse than publishing nothing.
    let download_as_is = move || {
        state.check_now();
        let errors = state.error_count();
        let name = if errors == 0 {
            DOWNLOAD_NAME
        } else {
            DRAFT_DOWNLOAD_NAME
        };
        if download(name, &text.get_untracked()) {
            state.mark_downloaded();
            status.set(match errors {
                0 => format!("Downloaded {name}."),
                1 => format!("Downloaded {name}, with 1 error still to fix."),
                errors => format!("Downloaded {name}, with {errors} errors still to fix."),
            });
        }
    };
    let download_json = move |_| {
        // Judge the text as it is now, not as the preview last saw it a moment ago.
        state.check_now();
        match state.error_count() {
            0 => download_as_is(),
            errors => status.set(format!(
                "This draft has {errors} error(s): fix them before publishing, or keep a copy with \u{201c}Download draft (with errors)\u{201d}."
            )),
        }
    };
    let snippet = "<script src=\"/storyline/storyline.js\"></script>\n<div class=\"storyline-embed\" data-src=\"/timelines/timeline.json\" data-height=\"560\"></div>";
    let copy_snippet = move |_| {
        leptos::task::spawn_local(async move {
            let copied = copy_to_clipboard(snippet).await;
            status.set(if copied {
                "The embed snippet is copied: paste it into your article.".into()
            } else {
                "Copy the embed snippet from the box below.".into()
            });
        });
    };

    let on_jump = Callback::new(move |(line, column)| jump_to(line, column));
    let problem_list = move || {
        state.problems.with(|problems| {
            problems
                .iter()
                .map(|problem| view! { <ProblemItem problem=problem.clone() on_jump=on_jump /> })
                .collect_view()
        })
    };
    // The list keeps a few hundred problems; the rest are counted, not shown.
    let left_off_note = move || {
        let count = state.problems_left_off();
        (count > 0).then(|| {
            view! { <li class="editor-problem">{format!("\u{2026} and {count} more problems not listed: fix these first.")}</li> }
        })
    };
    let summary = move || {
        let errors = state.error_count();
        let warnings = state.problem_total.with(|total| total.warnings);
        {
            match (errors, warnings) {
                (0, 0) => "No problems: ready to publish.".to_string(),
                (0, warnings) => format!("No errors, {warnings} warning(s) worth a look."),
                (errors, _) => {
                    format!("{errors} error(s): the preview shows the last version without errors.")
                }
            }
        }
    };
    // Rebuilt only when the story changes, opening where the journalist left the last one.
    let preview = move || {
        state.story.get().map(|timeline| {
            let view = state.next_preview_view();
            let on_view_change = Callback::new(move |view: InitialView| state.report_view(view));
            view! { <StoryTimeline timeline=timeline initial=view on_view_change=Some(on_view_change) draw_in_first_frame=true /> }
        })
    };

    view! {
        <div class="editor">
            <header class="editor-header">
                <h1>"Storyline editor"</h1>
                <div class="editor-actions" role="toolbar" aria-label="File">
                    <button type="button" on:click=move |_| {
                        state.replace(NEW_DOCUMENT.to_string(), Origin::Elsewhere, "Started a new timeline.".into());
                    }>"New"</button>
                    <label class="editor-file-button">
                        "Open file"
                        <input type="file" accept=".json,application/json" node_ref=open_input on:change=open_file />
                    </label>
                    <label class="editor-file-button">
                        "Import TimelineJS/CSV"
                        <input type="file" accept=".json,.csv,text/csv" node_ref=import_input on:change=import_file />
                    </label>
                    <button type="button" on:click=download_json>"Download JSON"</button>
                    <Show when=move || { state.error_count() > 0 }>
                        <button type="button" on:click=move |_| download_as_is()>"Download draft (with errors)"</button>
                    </Show>
                    <button type="button" on:click=copy_snippet>"Copy embed snippet"</button>
                    <Exports state=state />
                </div>
                <p class="editor-status" role="status">{move || status.get()}</p>
                <DraftNotices state=state download_draft=Callback::new(move |()| download_as_is()) />
                <RecentDrafts state=state />
            </header>
            <div class="editor-panes">
                <section class="editor-source" aria-label="Timeline data">
                    <label for="editor-text" class="editor-label">"Timeline data (JSON)"</label>
                    <textarea
                        id="editor-text"
                        node_ref=editor
                        spellcheck="false"
                        wrap="off"
                        autocomplete="off"
                        prop:value=move || text.get()
                        placeholder="Type or paste timeline JSON here."
                        on:input=move |event| state.edit(event_target_value(&event))
                    ></textarea>
                    <Show when=move || pasted_format.get().is_some()>
                        <div class="editor-convert" role="status">
                            {move || match pasted_format.get() {
                                Some(SourceFormat::Sheet) => "This looks like rows of a TimelineJS-style spreadsheet.",
                                _ => "This looks like a TimelineJS file.",
                            }}
                            " "
                            <button type="button" on:click=convert_pasted>"Convert to Storyline JSON"</button>
                        </div>
                    </Show>
                    <p class="editor-summary" aria-live="polite">{summary}</p>
                    <ol class="editor-problems" aria-label="Problems">{problem_list}{left_off_note}</ol>
                    <Show when=move || import_notes.with(|notes| !notes.is_empty())>
                        <h2 class="editor-notes-title">"Import notes"</h2>
                        <ul class="editor-notes">
                            {move || import_notes.get().into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
                        </ul>
                    </Show>
                    <label class="editor-label" for="editor-snippet">"Embed snippet"</label>
                    <textarea id="editor-snippet" class="editor-snippet" readonly rows="3">{snippet}</textarea>
                </section>
                <section class="editor-preview" aria-label="Preview">{preview}</section>
            </div>
        </div>
    }
}
