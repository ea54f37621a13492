//! Loading a story and showing it: the demo page, and the loader every embed shares.

use super::look::Theme;
use super::problems::{LoadFailure, ProblemsPanel};
use super::timeline::StoryTimeline;
use crate::core::embed_options::{
    is_web_address, quoted_address, DataSource, NOT_A_WEB_ADDRESS, UNREADABLE_ADDRESS,
};
use crate::core::i18n::Language;
use crate::core::parse::{Problem, Severity};
use crate::core::story::Story;
use crate::core::url_state::InitialView;
use leptos::prelude::*;
use std::time::Duration;

/// The data shown when the page names none with `?src=`.
pub const DEFAULT_DATA_URL: &str = "data/albania-iran-israel.json";
/// A data file that has not arrived by then is reported as failed.
const FETCH_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone, Debug)]
enum Loaded {
    Loading,
    Ready(Story),
    Invalid(Vec<Problem>),
    Failed(String),
}

/// The address of the data: `?src=` on the page's URL, else the story.
fn data_url() -> String {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("src"))
        .filter(|src| !src.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string())
}

/// The address `written` names, resolved against the page (for the iframe page: against
/// `embed.html`), if it is one the embed may fetch; otherwise the message shown instead.
fn web_address(written: &str) -> Result<String, String> {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .or_else(|| window().location().href().ok())
        .unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(written.trim(), &base) else {
        leptos::logging::warn!(
            "Storyline: the data address {} is not an address; nothing was loaded",
            quoted_address(written)
        );
        return Err(UNREADABLE_ADDRESS.to_string());
    };
    let href = url.href();
    if is_web_address(&href) {
        Ok(href)
    } else {
        leptos::logging::warn!(
            "Storyline: refused the data address {} (only http and https addresses are loaded)",
            quoted_address(&href)
        );
        Err(NOT_A_WEB_ADDRESS.to_string())
    }
}

/// Fetches a data file, giving up after `FETCH_TIMEOUT` (or when `controller` is aborted because
/// the timeline was taken off the page), and says what went wrong in words. The address is shown
/// quoted and cut short, and the server's own status text is left out: both may come from
/// whoever wrote the address, and the message is shown in the publisher's box.
async fn fetch_text(
    url: &str,
    controller: Option<web_sys::AbortController>,
) -> Result<String, String> {
    let shown = quoted_address(url);
    if let Some(controller) = controller.clone() {
        set_timeout(move || controller.abort(), FETCH_TIMEOUT);
    }
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| {
            if signal.as_ref().is_some_and(web_sys::AbortSignal::aborted) {
                format!("The data at {shown} took too long to arrive.")
            } else {
                format!(
                    "The data at {shown} could not be reached: the network failed, or its server does not allow this page to read it."
                )
            }
        })?;
    if !response.ok() {
        return Err(format!(
            "The data at {shown} could not be loaded (HTTP {}).",
            response.status()
        ));
    }
    response
        .text()
        .await
        .map_err(|_| format!("The data at {shown} could not be read."))
}

/// Reads a document into what the page shows; warnings go to the console for the editor.
pub fn read_document(text: &str) -> Result<Story, Vec<Problem>> {
    let outcome = Story::read(text);
    for warning in outcome
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
    {
        leptos::logging::warn!("Storyline data: {warning}");
    }
    outcome.story.ok_or(outcome.problems)
}

/// Shows one timeline, or what went wrong, in the same place.
#[component]
pub fn TimelineOrProblems(
    document: Result<Story, Vec<Problem>>,
    #[prop(into)] source: String,
) -> impl IntoView {
    match document {
        Ok(story) => view! { <StoryTimeline timeline=story /> }.into_any(),
        Err(problems) => view! { <ProblemsPanel problems=problems source=source /> }.into_any(),
    }
}

/// How a loaded story is to be shown.
#[derive(Clone, Debug, Default)]
pub struct Presentation {
    pub initial: InitialView,
    pub deep_link: bool,
    pub theme: Theme,
    pub lang: Option<String>,
}

/// Loads a story from a URL or inline text and shows it: a skeleton meanwhile, then the
/// timeline, or a readable message in its place (never a blank box).
#[component]
pub fn TimelineFromSource(source: DataSource, presentation: Presentation) -> impl IntoView {
    let loaded = RwSignal::new(Loaded::Loading);
    // Before the data is read, only the embed's or the page's language is known.
    let page_language = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"));
    let loading_label = Language::choose([presentation.lang.as_deref(), page_language.as_deref()])
        .words()
        .loading;
    // Only http and https addresses are fetched: a `data:` address would show a story nobody
    // published, under the publisher's name.
    let source = match source {
        DataSource::Url(written) => web_address(&written).map(DataSource::Url),
        inline => Ok(inline),
    };
    let label = match &source {
        Ok(DataSource::Url(url)) => quoted_address(url),
        Ok(DataSource::Inline(_)) | Err(_) => "the data written in the page".to_string(),
    };
    // Taking the timeline off the page stops its download.
    let controller = web_sys::AbortController::new().ok();
    let stop_download = StoredValue::new_local(controller.clone());
    on_cleanup(move || {
        stop_download.try_update_value(|controller| {
            if let Some(controller) = controller.take() {
                controller.abort();
            }
        });
    });
    leptos::task::spawn_local(async move {
        let text = match source {
            Ok(DataSource::Url(url)) => fetch_text(&url, controller).await,
            Ok(DataSource::Inline(text)) => Ok(text),
            Err(refused) => Err(refused),
        };
        loaded.set(match text {
            Ok(text) => match read_document(&text) {
                Ok(story) => Loaded::Ready(story),
                Err(problems) => Loaded::Invalid(problems),
            },
            Err(message) => Loaded::Failed(message),
        });
    });
    move || {
        match loaded.get() {
        Loaded::Loading => view! {
            <div class="storyline storyline-skeleton" role="status" aria-busy="true" aria-label=loading_label>
                <div class="storyline-skeleton-bar"></div>
                <div class="storyline-skeleton-bar storyline-skeleton-short"></div>
            </div>
        }
        .into_any(),
        Loaded::Ready(timeline) => {
            let presentation = presentation.clone();
            view! {
                <StoryTimeline
                    timeline=timeline
                    deep_link=presentation.deep_link
                    initial=presentation.initial
                    theme=presentation.theme
                    lang=presentation.lang
                />
            }
            .into_any()
        }
        Loaded::Invalid(problems) => view! { <ProblemsPanel problems=problems source=label.clone() /> }.into_any(),
        Loaded::Failed(message) => view! { <LoadFailure message=message /> }.into_any(),
    }
    }
}

/// The demo page: the story named by `?src=` (the Albania–Iran–Israel story by default), with
/// shareable links in the URL fragment.
#[component]
pub fn App() -> impl IntoView {
    let presentation = Presentation {
        deep_link: true,
        ..Presentation::default()
    };
    view! {
        <main class="storyline-page">
            <TimelineFromSource source=DataSource::Url(data_url()) presentation=presentation />
        </main>
    }
}
