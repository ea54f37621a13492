//! The editor page: JSON on the left, the real timeline on the right, problems listed and
//! clickable, imports, downloads, and a draft that survives reloads.

use super::timeline::StoryTimeline;
use crate::core::import::{detect, sheet, timelinejs, ImportOutcome, SourceFormat};
use crate::core::locate::utf16_offset;
use crate::core::model::Timeline;
use crate::core::parse::{parse_timeline, Problem, Severity};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the draft is kept between visits.
const DRAFT_KEY: &str = "storyline-editor-draft";
/// The preview waits for a pause in typing this long before it redraws.
const PREVIEW_DELAY: Duration = Duration::from_millis(300);
/// The example a new editor starts from.
const EXAMPLE_URL: &str = "data/albania-iran-israel.json";

const NEW_DOCUMENT: &str = r##"{
  "$schema": "https://storyline.example/schema/storyline.schema.json",
  "version": 1,
  "title": "My timeline",
  "language": "en",
  "categories": [
    { "id": "news", "label": "News", "color": "#1d4ed8" }
  ],
  "events": [
    {
      "id": "first-event",
      "start": "2024-01-15",
      "title": "The first event",
      "text": "What happened, in a sentence or two.",
      "categories": ["news"],
      "sources": [
        { "title": "The article", "publisher": "The publisher", "url": "https://example.org/article" }
      ]
    }
  ]
}
"##;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Offers `text` as a file download named `name`.
fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text with the asynchronous clipboard API, reporting success.
async fn copy_to_clipboard(text: &str) -> bool {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok();
    let write = clipboard
        .as_ref()
        .and_then(|clipboard| js_sys::Reflect::get(clipboard, &"writeText".into()).ok())
        .and_then(|write| write.dyn_into::<js_sys::Function>().ok());
    let (Some(clipboard), Some(write)) = (clipboard, write) else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &JsValue::from_str(text)) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .is_ok()
}

/// The first file chosen in a file input, as bytes.
async fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// What the problems list shows, and the last story that read without errors.
#[derive(Clone, Default)]
struct Checked {
    problems: Vec<Problem>,
    last_valid: Option<Arc<Timeline>>,
}

#[component]
pub fn EditorPage() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let checked = RwSignal::new(Checked::default());
    // What was last opened or downloaded: leaving with other text asks first.
    let saved_text = StoredValue::new(String::new());
    let status = RwSignal::new(String::new());
    let import_notes = RwSignal::new(Vec::<String>::new());
    let editor = NodeRef::<Textarea>::new();
    let open_input = NodeRef::<Input>::new();
    let import_input = NodeRef::<Input>::new();
    let generation = StoredValue::new(0u64);

    let check_now = move |source: &str| {
        let outcome = parse_timeline(source);
        checked.update(|checked| {
            checked.problems = outcome.problems;
            if let Some(timeline) = outcome.timeline {
                checked.last_valid = Some(Arc::new(timeline));
            }
        });
    };
    // Every change is saved at once (nothing is lost to a reload); the preview follows after a
    // pause in typing.
    let set_text = move |new_text: String, immediately: bool| {
        if let Some(storage) = storage() {
            let _ = storage.set_item(DRAFT_KEY, &new_text);
        }
        text.set(new_text.clone());
        generation.update_value(|generation| *generation += 1);
        if immediately {
            check_now(&new_text);
        } else {
            let mine = generation.get_value();
            set_timeout(
                move || {
                    if generation.get_value() == mine {
                        check_now(&text.get_untracked());
                    }
                },
                PREVIEW_DELAY,
            );
        }
    };

    // Start from the saved draft, else from the example story.
    match storage().and_then(|storage| storage.get_item(DRAFT_KEY).ok().flatten()) {
        Some(draft) => {
            saved_text.set_value(draft.clone());
            set_text(draft, true);
            status.set("Your draft was restored.".into());
        }
        None => leptos::task::spawn_local(async move {
            let example = match gloo_net::http::Request::get(EXAMPLE_URL).send().await {
                Ok(response) if response.ok() => response
                    .text()
                    .await
                    .unwrap_or_else(|_| NEW_DOCUMENT.into()),
                _ => NEW_DOCUMENT.into(),
            };
            saved_text.set_value(example.clone());
            set_text(example, true);
        }),
    }

    // Leaving with changes that were neither opened nor downloaded asks first.
    let before_unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            if text.get_untracked() != saved_text.get_value() {
                event.prevent_default();
                event.set_return_value("You have changes that are not downloaded yet.");
            }
        },
    );
    let _ = window()
        .add_event_listener_with_callback("beforeunload", before_unload.as_ref().unchecked_ref());
    before_unload.forget();

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
            let opened = String::from_utf8_lossy(&bytes).into_owned();
            saved_text.set_value(opened.clone());
            set_text(opened, true);
            import_notes.set(Vec::new());
            status.set(format!("Opened {name}."));
        });
    };
    // An import replaces the draft only when it worked; a failed one leaves the draft alone.
    let apply_import = move |name: String, outcome: ImportOutcome| match outcome.document {
        Some(document) if outcome.errors.is_empty() => {
            let json = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
            set_text(json, true);
            status.set(format!(
                "Imported {name}. Check the notes below, then download the JSON."
            ));
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
    let has_errors = move || {
        checked.with(|checked| {
            checked
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error)
        })
    };
    let download_json = move |_| {
        // Judge the text as it is now, not as the preview last saw it a moment ago.
        check_now(&text.get_untracked());
        if has_errors() {
            status.set("Fix the errors first: a file with errors is never downloaded.".into());
            return;
        }
        let current = text.get_untracked();
        download("timeline.json", &current);
        saved_text.set_value(current);
        status.set("Downloaded timeline.json.".into());
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

    let problem_list = move || {
        checked.with(|checked| {
            checked
                .problems
                .iter()
                .map(|problem| {
                    let (line, column) = (problem.line, problem.column);
                    let kind = if problem.severity == Severity::Error { "Error" } else { "Warning" };
                    view! {
                        <li class=if problem.severity == Severity::Error { "editor-problem editor-error" } else { "editor-problem editor-warning" }>
                            <button type="button" on:click=move |_| jump_to(line, column)>
                                <strong>{format!("{kind}, line {line}, column {column}")}</strong>
                                " \u{2014} "
                                <code>{problem.path.clone()}</code>
                                ": "
                                {problem.message.clone()}
                                {problem.more_like_this_note()}
                                <span class="editor-hint">{problem.hint.clone()}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let summary = move || {
        checked.with(|checked| {
            let errors = checked
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count();
            let warnings = checked.problems.len() - errors;
            match (errors, warnings) {
                (0, 0) => "No problems: ready to publish.".to_string(),
                (0, warnings) => format!("No errors, {warnings} warning(s) worth a look."),
                (errors, _) => {
                    format!("{errors} error(s): the preview shows the last version without errors.")
                }
            }
        })
    };
    let preview = move || {
        checked
            .with(|checked| checked.last_valid.clone())
            .map(|timeline| {
                view! { <StoryTimeline timeline=timeline /> }
            })
    };

    view! {
        <div class="editor">
            <header class="editor-header">
                <h1>"Storyline editor"</h1>
                <div class="editor-actions" role="toolbar" aria-label="File">
                    <button type="button" on:click=move |_| {
                        set_text(NEW_DOCUMENT.to_string(), true);
                        import_notes.set(Vec::new());
                        status.set("Started a new timeline.".into());
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
                    <button type="button" on:click=copy_snippet>"Copy embed snippet"</button>
                </div>
                <p class="editor-status" role="status">{move || status.get()}</p>
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
                        on:input=move |event| set_text(event_target_value(&event), false)
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
                    <ol class="editor-problems" aria-label="Problems">{problem_list}</ol>
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
