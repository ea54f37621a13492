//! The demo page: loads a story's data (the Albania–Iran–Israel story by default) and shows it.

use super::problems::{LoadFailure, ProblemsPanel};
use super::timeline::StoryTimeline;
use crate::core::model::Timeline;
use crate::core::parse::{parse_timeline, Problem, Severity};
use leptos::prelude::*;
use std::sync::Arc;

/// The data shown when the page names none with `?src=`.
pub const DEFAULT_DATA_URL: &str = "data/albania-iran-israel.json";

#[derive(Clone, Debug)]
enum Loaded {
    Loading,
    Ready(Arc<Timeline>),
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

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|_| format!("The data at {url} could not be reached."))?;
    if !response.ok() {
        return Err(format!(
            "The data at {url} could not be loaded (HTTP {} {}).",
            response.status(),
            response.status_text()
        ));
    }
    response
        .text()
        .await
        .map_err(|_| format!("The data at {url} could not be read."))
}

/// Reads a document into what the page shows; warnings go to the console for the editor.
pub fn read_document(text: &str) -> Result<Timeline, Vec<Problem>> {
    let outcome = parse_timeline(text);
    for warning in outcome
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
    {
        leptos::logging::warn!("Storyline data: {warning}");
    }
    outcome.timeline.ok_or(outcome.problems)
}

/// Shows one timeline, or what went wrong, in the same place.
#[component]
pub fn TimelineOrProblems(
    document: Result<Timeline, Vec<Problem>>,
    #[prop(into)] source: String,
) -> impl IntoView {
    match document {
        Ok(timeline) => view! { <StoryTimeline timeline=Arc::new(timeline) /> }.into_any(),
        Err(problems) => view! { <ProblemsPanel problems=problems source=source /> }.into_any(),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let url = data_url();
    let loaded = RwSignal::new(Loaded::Loading);
    {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let state = match fetch_text(&url).await {
                Ok(text) => match read_document(&text) {
                    Ok(timeline) => Loaded::Ready(Arc::new(timeline)),
                    Err(problems) => Loaded::Invalid(problems),
                },
                Err(message) => Loaded::Failed(message),
            };
            loaded.set(state);
        });
    }
    view! {
        <main class="storyline-page">
            {move || match loaded.get() {
                Loaded::Loading => view! {
                    <div class="storyline storyline-skeleton" aria-busy="true" aria-label="Loading the timeline">
                        <div class="storyline-skeleton-bar"></div>
                        <div class="storyline-skeleton-bar storyline-skeleton-short"></div>
                    </div>
                }
                .into_any(),
                Loaded::Ready(timeline) => view! { <StoryTimeline timeline=timeline deep_link=true /> }.into_any(),
                Loaded::Invalid(problems) => view! { <ProblemsPanel problems=problems source=url.clone() /> }.into_any(),
                Loaded::Failed(message) => view! { <LoadFailure message=message /> }.into_any(),
            }}
        </main>
    }
}
