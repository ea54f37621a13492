//! Mounting from plain HTML pages: the script embed's entry point (each instance in the shadow
//! root its loader made) and the iframe page, which reports its height to the host.

use super::app::{Presentation, TimelineFromSource};
use super::download::EarlyDownload;
use super::look::Theme;
use super::word_files::set_word_folder;
use crate::core::embed_options::{DataSource, EmbedOptions};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The names of the options an embed may carry, as `data-*` attributes or query parameters.
const OPTION_NAMES: [&str; 12] = [
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
    "title-card",
    "breaks",
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
        initial: options.initial.clone(),
        deep_link: options.deep_link,
        theme: theme.unwrap_or_default(),
        lang: options.lang.clone(),
    }
}

/// Not generic over `get`: the script embed and the iframe page share one copy of the option
/// reading (a generic one would be compiled once for each).
fn read_options(get: &dyn Fn(&str) -> Option<String>) -> EmbedOptions {
    let values: Vec<(&str, String)> = OPTION_NAMES
        .iter()
        .filter_map(|name| get(name).map(|value| (*name, value)))
        .collect();
    let (options, warnings) =
        EmbedOptions::from_pairs(values.iter().map(|(name, value)| (*name, value.as_str())));
    if !warnings.is_empty() {
        leptos::logging::warn!("Storyline embed: {}", warnings.join("; "));
    }
    options
}

thread_local! {
    /// Every timeline the script loader mounted, with the element it lives in, so that one can be
    /// taken off the page again (`unmount_embed`) and its cleanups run. Each entry is a Leptos
    /// `UnmountHandle`, whose drop removes the view and disposes of its reactive owner.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts one timeline into `mount_point` (inside the shadow root the loader attached to the
/// embed element), replacing any timeline already there. `options` is a plain object of the
/// element's `data-*` values, plus `inline` for JSON written inside the element; `early` is the
/// loader's download of `src`, started while this code loaded (`{src, response, controller}`);
/// `word_folder` is where the loader finds the word files of languages other than English (its
/// own folder's `words/`), which the reader's build fetches for a story in one of them; a loader
/// that gives none is older than the word files, and its timelines speak English.
#[wasm_bindgen]
pub fn mount_embed(
    mount_point: web_sys::HtmlElement,
    options: js_sys::Object,
    early: JsValue,
    word_folder: JsValue,
) {
    unmount_embed(mount_point.clone());
    set_word_folder(word_folder.as_string());
    let options = read_options(&|name| {
        js_sys::Reflect::get(&options, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
    });
    let presentation = presentation(&options);
    let early = EarlyDownload::from_js(&early);
    mount_point.set_inner_text("");
    let handle = mount_loader(&mount_point, options.source, presentation, early, false);
    MOUNTED.with_borrow_mut(|mounted| mounted.push((mount_point, handle)));
}

/// Mounts the loader for `source` into `parent`, in a reactive owner of its own that lives as
/// long as the returned handle (dropping it unmounts the timeline and runs its cleanups). The
/// iframe page tells its host its height (`in_frame`). Both embeds mount through here: one copy
/// of Leptos' mounting code.
fn mount_loader(
    parent: &web_sys::HtmlElement,
    source: Option<DataSource>,
    presentation: Presentation,
    early: Option<EarlyDownload>,
    in_frame: bool,
) -> Box<dyn Any> {
    Box::new(leptos::mount::mount_to(parent.clone(), move || {
        if in_frame {
            report_height_to_host();
        }
        view! { <TimelineFromSource source=source presentation=presentation early=early /> }
    }))
}

/// Takes the timeline mounted into `mount_point` off the page: its nodes are removed and its
/// cleanups run (observers disconnected, listeners removed, a download in flight stopped).
/// Returns whether there was one.
#[wasm_bindgen]
pub fn unmount_embed(mount_point: web_sys::HtmlElement) -> bool {
    let handle = MOUNTED.with_borrow_mut(|mounted| {
        let index = mounted
            .iter()
            .position(|(element, _)| *element == mount_point)?;
        Some(mounted.swap_remove(index).1)
    });
    // Dropped outside the registry's borrow: cleanups may run any code.
    let found = handle.is_some();
    drop(handle);
    found
}

/// The iframe page (`embed.html?src=…`): one full-bleed timeline from the query parameters, which
/// tells its host page how tall it is whenever that changes.
pub fn mount_iframe_page() {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let options = read_options(&|name| params.as_ref().and_then(|params| params.get(name)));
    let presentation = presentation(&options);
    let early = EarlyDownload::from_page();
    let main = document()
        .create_element("main")
        .ok()
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
    let (Some(main), Some(body)) = (main, document().body()) else {
        return;
    };
    main.set_class_name("storyline-iframe");
    let _ = body.append_child(&main);
    // Only an address: the page has no element to write a story in. The timeline stays as long
    // as the page.
    std::mem::forget(mount_loader(
        &main,
        options
            .source
            .filter(|source| matches!(source, DataSource::Url(_))),
        presentation,
        early,
        true,
    ));
}

/// The parent page's origin as far as this page can tell before the parent says anything:
/// `location.ancestorOrigins` (Chromium, Safari), else the referrer's origin. Neither is known
/// when the host hides it (`referrerpolicy="no-referrer"`), nor for an opaque origin.
fn parent_origin_from_page() -> Option<String> {
    let usable = |origin: String| (!origin.is_empty() && origin != "null").then_some(origin);
    let ancestor = js_sys::Reflect::get(&window().location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined() && !list.is_null())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|origin| origin.as_string());
    if let Some(origin) = ancestor {
        return usable(origin);
    }
    let referrer = document().referrer();
    web_sys::Url::new(&referrer)
        .ok()
        .and_then(|url| usable(url.origin()))
}

/// The iframe page's link to its host page; dropping it stops the reporting.
struct HeightReporter {
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
    on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        let _ = window().remove_event_listener_with_callback(
            "message",
            self.on_message.as_ref().unchecked_ref(),
        );
    }
}

/// Posts `{type: "storyline:height", height}` to the parent window whenever the content's height
/// changes (smaller as well as larger), and again when the parent asks with
/// `{type: "storyline:request-height"}`.
///
/// Only the parent window is listened to: messages from any other window (a sibling frame, a
/// popup) are ignored. Replies go to the origin the request came from. Unasked posts go to the
/// parent's origin when the page knows it (`parent_origin_from_page`, or learnt from the parent's
/// first request); until then nothing is posted, so the height never goes to `"*"`, with one
/// exception: a parent with an opaque origin (a sandboxed page) cannot be named, so its own
/// requests are answered with `"*"` (to that parent window, and only the height).
fn report_height_to_host() {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if JsValue::from(&parent) == JsValue::from(window()) {
        // A page of its own, not in a frame: there is no host to tell.
        return;
    }
    let parent_origin = Rc::new(RefCell::new(parent_origin_from_page()));
    let post = {
        let parent = parent.clone();
        move |target_origin: &str| {
            let Some(body) = document().body() else {
                return;
            };
            // The body's height, not the root's: the root is never shorter than the frame, so it
            // could only ever grow.
            let height = body.scroll_height();
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, target_origin);
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new({
        let post = post.clone();
        let parent_origin = Rc::clone(&parent_origin);
        move || {
            let known = parent_origin.borrow().clone();
            if let Some(origin) = known {
                post(&origin);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())
        .ok()
        .zip(document().body())
        .map(|(observer, body)| {
            observer.observe(&body);
            observer
        });
    let parent_window = JsValue::from(parent);
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|source| JsValue::from(source) == parent_window);
            let kind = js_sys::Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|kind| kind.as_string());
            if !from_parent || kind.as_deref() != Some(REQUEST_HEIGHT_MESSAGE) {
                return;
            }
            let origin = event.origin();
            if origin == "null" || origin.is_empty() {
                post("*");
            } else {
                // The parent's own word on its origin wins over the page's guess.
                *parent_origin.borrow_mut() = Some(origin.clone());
                post(&origin);
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let reporter = StoredValue::new_local(Some(HeightReporter {
        observer,
        _on_resize: on_resize,
        on_message,
    }));
    on_cleanup(move || {
        reporter.try_update_value(|reporter| *reporter = None);
    });
}
