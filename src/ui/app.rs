//! Loading a story and showing it: the demo page, and the loader every embed shares.

use super::built::{Built, Nodes};
use super::download::{fetch_text, stop_unused, web_address, EarlyDownload};
use super::look::Theme;
use super::media::{append, element};
use super::problems::{load_failure, problems_nodes, ProblemsPanel};
use super::timeline::StoryTimeline;
use super::word_files::{reading_language, words_for};
use crate::core::embed_options::{quoted_address, DataSource};
use crate::core::parse::{Problem, ProblemCount, Severity};
use crate::core::story::Story;
use crate::core::text_hash::text_hashing_is_seeded;
use crate::core::url_state::InitialView;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// The data shown when the page names none with `?src=`.
pub const DEFAULT_DATA_URL: &str = "data/albania-iran-israel.json";

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

/// A frame at 60 Hz, in milliseconds: reading a story for longer than that holds the page.
const FRAME_MS: f64 = 16.0;

/// Lets the browser run what is waiting (input, a frame) before going on.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// How many warnings the console line names one by one; the rest are counted.
const WARNINGS_NAMED: usize = 3;

/// One console line for all of a document's warnings, however many: how many of each kind, and
/// where the first few are. `None` when there are none.
pub fn warnings_line(problems: &[Problem], total: ProblemCount) -> Option<String> {
    let warnings: Vec<&Problem> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Warning)
        .collect();
    let count = total.warnings.max(warnings.len());
    if count == 0 {
        return None;
    }
    // Kinds in the order first found; a folded problem counts with its repeats.
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for warning in &warnings {
        let times = 1 + warning.more_like_this;
        match kinds
            .iter_mut()
            .find(|(message, _)| *message == warning.message)
        {
            Some((_, seen)) => *seen += times,
            None => kinds.push((&warning.message, times)),
        }
    }
    let mut line = format!(
        "Storyline data: {count} warning{}",
        if count == 1 { "" } else { "s" }
    );
    let named: Vec<String> = kinds
        .iter()
        .take(WARNINGS_NAMED)
        .map(|(message, times)| format!("{times} \u{d7} {message}"))
        .collect();
    line.push_str(&format!(" ({}", named.join("; ")));
    let named_count: usize = kinds
        .iter()
        .take(WARNINGS_NAMED)
        .map(|(_, times)| times)
        .sum();
    if count > named_count {
        line.push_str(&format!("; {} of other kinds", count - named_count));
    }
    line.push_str("). First: ");
    let first: Vec<String> = warnings
        .iter()
        .take(WARNINGS_NAMED)
        .map(|warning| warning.to_string())
        .collect();
    line.push_str(&first.join(" | "));
    Some(line)
}

/// Gives the core's maps of text from a file a seed from the page's random numbers, once: the
/// standard library has no random data on the web's target (see `core::text_hash`); natively (the
/// CLI, tests) its keys are random already.
pub(crate) fn seed_text_hashing() {
    if cfg!(target_family = "wasm") && !text_hashing_is_seeded() {
        let half = |random: f64| (random * 4_294_967_296.0) as u64;
        let seed = half(js_sys::Math::random()) << 32 | half(js_sys::Math::random());
        crate::core::text_hash::seed_text_hashing(seed | 1);
    }
}

/// Reads a document into what the page shows; its warnings go to the console, in one line, for
/// whoever maintains the data.
pub fn read_document(text: &str) -> Result<Story, Vec<Problem>> {
    seed_text_hashing();
    let outcome = Story::read(text);
    if let Some(line) = warnings_line(&outcome.problems, outcome.total) {
        leptos::logging::warn!("{line}");
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

/// What an embed without data says in its place.
const NO_SOURCE: &str = "This embed names no data: give it data-src=\"/path/to/story.json\" or a <script type=\"application/json\"> inside.";

/// Loads a story from a URL or inline text and shows it: a skeleton meanwhile, then the
/// timeline, or a readable message in its place (never a blank box), also when there is no
/// `source`. `early` is the download the page's script may have started already.
#[component]
pub fn TimelineFromSource(
    source: Option<DataSource>,
    presentation: Presentation,
    #[prop(optional_no_strip)] early: Option<EarlyDownload>,
) -> impl IntoView {
    let loaded = RwSignal::new(Loaded::Loading);
    // Before the data is read, only the embed's or the page's language is known.
    let likely_language = reading_language(None, presentation.lang.as_deref());
    let loading_label = RwSignal::new(likely_language.words().loading);
    // The words of the language the timeline will likely speak travel with the story, and the
    // skeleton says it is loading in them once they are here. Asked for once: if they were
    // given up, the story does not wait for them a second time.
    let likely_asked = Rc::new(Cell::new(false));
    if !likely_language.has_words() {
        let asked = Rc::clone(&likely_asked);
        leptos::task::spawn_local(async move {
            words_for(likely_language).await;
            asked.set(true);
            loading_label.try_set(likely_language.words().loading);
        });
    }
    // Only http and https addresses are fetched: a `data:` address would show a story nobody
    // published, under the publisher's name.
    let source = match source {
        Some(DataSource::Url(written)) => web_address(&written).map(DataSource::Url),
        Some(inline) => Ok(inline),
        None => Err(NO_SOURCE.to_string()),
    };
    let label = match &source {
        Ok(DataSource::Url(url)) => quoted_address(url),
        Ok(DataSource::Inline(_)) | Err(_) => "the data written in the page".to_string(),
    };
    let download = match &source {
        Ok(DataSource::Url(url)) => EarlyDownload::of(early, url),
        _ => {
            stop_unused(early);
            None
        }
    };
    // Taking the timeline off the page stops its download.
    let stop_download = StoredValue::new_local(
        download
            .as_ref()
            .map(|download| download.controller.clone()),
    );
    on_cleanup(move || {
        stop_download.try_update_value(|controller| {
            if let Some(controller) = controller.take() {
                controller.abort();
            }
        });
    });
    let embed_language = presentation.lang.clone();
    leptos::task::spawn_local(async move {
        let text = match source {
            Ok(DataSource::Url(url)) => fetch_text(&url, download, u32::MAX).await,
            Ok(DataSource::Inline(text)) => Ok(text),
            Err(refused) => Err(refused),
        };
        let reading = js_sys::Date::now();
        let next = match text {
            Ok(text) => match read_document(&text) {
                Ok(story) => Loaded::Ready(story),
                Err(problems) => Loaded::Invalid(problems),
            },
            Err(message) => Loaded::Failed(message),
        };
        // A long read and the building of the timeline in one go would hold the page for both:
        // between them, the browser gets its turn (input, a frame).
        if js_sys::Date::now() - reading > FRAME_MS {
            yield_to_browser().await;
        }
        // Shown in its language's words, where the build fetches them.
        if let Loaded::Ready(story) = &next {
            let data_language = story.shared().language.clone();
            let language = reading_language(data_language.as_deref(), embed_language.as_deref());
            if !(language == likely_language && likely_asked.get()) {
                words_for(language).await;
            }
        }
        loaded.try_set(next);
    });
    // Each state is shown once, as nodes of one type that a new state replaces whole (see
    // `Built`).
    move || match loaded.get() {
        Loaded::Loading => skeleton(loading_label.get()),
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
            .into_inner()
        }
        Loaded::Invalid(problems) => {
            let source = label.clone();
            Built::new(move || problems_nodes(&problems, &source).map(Nodes::plain))
        }
        Loaded::Failed(message) => load_failure(message),
    }
}

/// The grey bars shown while the story loads, named for screen readers.
fn skeleton(label: &'static str) -> Built {
    Built::new(move || {
        let skeleton = element(
            "div",
            "storyline storyline-skeleton",
            &[
                ("role", "status"),
                ("aria-busy", "true"),
                ("aria-label", label),
            ],
        )?;
        append(&skeleton, element("div", "storyline-skeleton-bar", &[])?);
        append(
            &skeleton,
            element(
                "div",
                "storyline-skeleton-bar storyline-skeleton-short",
                &[],
            )?,
        );
        Some(Nodes::plain(skeleton))
    })
}

/// The demo page: the story named by `?src=` (the Albania–Iran–Israel story by default), with
/// shareable links in the URL fragment.
#[component]
pub fn App() -> impl IntoView {
    let presentation = Presentation {
        deep_link: true,
        ..Presentation::default()
    };
    let source = data_url();
    // The page carries the default story as text for print; another story must not print it.
    if source != DEFAULT_DATA_URL {
        if let Ok(Some(copy)) = document().query_selector(".storyline-print-copy") {
            copy.remove();
        }
    }
    view! {
        <main class="storyline-page">
            <TimelineFromSource
                source=Some(DataSource::Url(source))
                presentation=presentation
                early=EarlyDownload::from_page()
            />
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story of `count` events, each with what `event` adds to it.
    fn story(count: usize, event: impl Fn(usize) -> String) -> String {
        let events: Vec<String> = (0..count)
            .map(|i| {
                format!(
                    r#"{{"id": "e{i}", "start": "2020-01-01", "title": "Event {i}", "categories": ["c"]{}}}"#,
                    event(i)
                )
            })
            .collect();
        format!(
            r##"{{"version": 1, "title": "T", "categories": [{{"id": "c", "label": "C", "color": "#1d4ed8"}}], "events": [{}]}}"##,
            events.join(",")
        )
    }

    fn warnings_of(text: &str) -> Option<String> {
        let outcome = Story::read(text);
        assert!(
            outcome.story.is_some(),
            "{} problems",
            outcome.problems.len()
        );
        warnings_line(&outcome.problems, outcome.total)
    }

    #[test]
    fn a_thousand_warnings_of_one_kind_are_one_line_that_counts_them() {
        let line = warnings_of(&story(1_000, |_| String::new())).expect("warnings");
        assert!(!line.contains('\n'));
        assert!(
            line.starts_with(
                "Storyline data: 1000 warnings (1000 \u{d7} the event has no sources)"
            ),
            "{line}"
        );
        // Located: the first one, where an editor would go.
        assert!(line.contains("First: line 1, column "), "{line}");
        assert!(line.contains("events[0]"), "{line}");
    }

    #[test]
    fn many_kinds_of_warnings_name_a_few_and_count_the_rest() {
        // Each event's text has its own length, so each warning's message is its own.
        let source =
            r#", "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]"#;
        let text = story(300, |i| {
            format!(r#", "text": "{}"{source}"#, "a".repeat(LONG_TEXT + i))
        });
        let line = warnings_of(&text).expect("warnings");
        assert!(line.starts_with("Storyline data: 300 warnings ("), "{line}");
        assert_eq!(
            line.matches("the text is long").count(),
            2 * WARNINGS_NAMED,
            "{line}"
        );
        assert!(
            line.contains(&format!("; {} of other kinds)", 300 - WARNINGS_NAMED)),
            "{line}"
        );
        assert!(line.chars().count() < 1_000 + 3 * 400, "{}", line.len());
    }

    #[test]
    fn a_story_without_warnings_logs_nothing() {
        let source =
            r#", "sources": [{"title": "S", "publisher": "P", "url": "https://example.org/"}]"#;
        assert_eq!(warnings_of(&story(3, |_| source.to_string())), None);
    }

    #[test]
    fn the_pages_download_the_same_default_story_as_the_demo() {
        let script = include_str!("../../embed/page-download.js");
        assert!(script.contains(&format!("\"{DEFAULT_DATA_URL}\"")));
        assert!(script.contains(super::super::download::PAGE_DOWNLOAD));
    }

    const LONG_TEXT: usize = crate::core::parse::LONG_TEXT_CHARS + 1;
}
