//! Mounting from plain HTML pages: the script embed's entry point (each instance in the shadow
//! root its loader made) and the iframe page, which reports its height to the host.

use super::app::{Presentation, TimelineFromSource};
use super::timeline::Theme;
use crate::core::embed_options::{DataSource, EmbedOptions};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The names of the options an embed may carry, as `data-*` attributes or query parameters.
const OPTION_NAMES: [&str; 10] = [
    "src",
    "inline",
    "height",
    "theme",
    "start",
    "from",
    "to",
    "categories",
    "deep-link",
    "lang",
];

/// The message a host page may send an iframe embed, and the one it receives.
pub const REQUEST_HEIGHT_MESSAGE: &str = "storyline:request-height";
pub const HEIGHT_MESSAGE: &str = "storyline:height";

fn presentation(options: &EmbedOptions) -> Presentation {
    let theme = options.theme.as_deref().and_then(|text| {
        let theme = Theme::parse(text);
        if theme.is_none() {
            leptos::logging::warn!(
                "Storyline embed: ignoring theme \u{201c}{text}\u{201d}: use light, dark or auto"
            );
        }
        theme
    });
    Presentation {
        view: options.view.clone(),
        deep_link: options.deep_link,
        theme: theme.unwrap_or_default(),
        lang: options.lang.clone(),
    }
}

fn read_options(get: impl Fn(&str) -> Option<String>) -> EmbedOptions {
    let values: Vec<(&str, String)> = OPTION_NAMES
        .iter()
        .filter_map(|name| get(name).map(|value| (*name, value)))
        .collect();
    let (options, warnings) =
        EmbedOptions::from_pairs(values.iter().map(|(name, value)| (*name, value.as_str())));
    for warning in warnings {
        leptos::logging::warn!("Storyline embed: {warning}");
    }
    options
}

fn missing_source_message() -> impl IntoView {
    view! {
        <super::problems::LoadFailure message="This embed names no data: give it data-src=\"/path/to/story.json\" or a <script type=\"application/json\"> inside." />
    }
}

/// Mounts one timeline into `mount_point` (inside the shadow root the loader attached to the
/// embed element). `options` is a plain object of the element's `data-*` values, plus `inline`
/// for JSON written inside the element.
#[wasm_bindgen]
pub fn mount_embed(mount_point: web_sys::HtmlElement, options: js_sys::Object) {
    let options = read_options(|name| {
        js_sys::Reflect::get(&options, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    });
    let presentation = presentation(&options);
    mount_point.set_inner_text("");
    let handle = leptos::mount::mount_to(mount_point, move || match options.source {
        Some(source) => {
            view! { <TimelineFromSource source=source presentation=presentation /> }.into_any()
        }
        None => missing_source_message().into_any(),
    });
    // The instance lives as long as the page.
    handle.forget();
}

/// The iframe page (`embed.html?src=…`): one full-bleed timeline from the query parameters, which
/// tells its host page how tall it is whenever that changes.
pub fn mount_iframe_page() {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let options = read_options(|name| params.as_ref().and_then(|params| params.get(name)));
    let presentation = presentation(&options);
    leptos::mount::mount_to_body(move || {
        view! {
            <main class="storyline-iframe">
                {match options.source {
                    Some(DataSource::Url(url)) => view! {
                        <TimelineFromSource source=DataSource::Url(url) presentation=presentation />
                    }
                    .into_any(),
                    _ => missing_source_message().into_any(),
                }}
            </main>
        }
    });
    report_height_to_host();
}

/// Posts `{type: "storyline:height", height}` to the parent whenever the page's height changes,
/// and again when the parent asks with `{type: "storyline:request-height"}`. Other messages are
/// ignored.
fn report_height_to_host() {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let post = move || {
        let height = document()
            .document_element()
            .map_or(0, |root| root.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    };
    let on_resize = Closure::<dyn FnMut()>::new(post.clone());
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    on_resize.forget();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let kind = js_sys::Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|kind| kind.as_string());
            if kind.as_deref() == Some(REQUEST_HEIGHT_MESSAGE) {
                post();
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
