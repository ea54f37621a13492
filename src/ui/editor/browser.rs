//! Browser plumbing for the editor: local and session storage, downloads, the clipboard, chosen
//! files and clock readings. Nothing here knows what a draft means.

use super::draft::{KeyValue, StoreError};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where this tab remembers the id of its draft across reloads (session storage is per tab).
const TAB_KEY: &str = "storyline-editor-tab";

/// `localStorage`, with write failures told apart.
pub struct BrowserStorage(web_sys::Storage);

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|error| {
            let full = error
                .dyn_ref::<web_sys::DomException>()
                .is_some_and(|exception| {
                    exception.name() == "QuotaExceededError"
                        || exception.code() == web_sys::DomException::QUOTA_EXCEEDED_ERR
                });
            if full {
                StoreError::Full
            } else {
                StoreError::Unavailable
            }
        })
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count)
            .filter_map(|index| self.0.key(index).ok().flatten())
            .collect()
    }
}

/// The page's `localStorage`, when the browser allows it.
pub fn local_drafts() -> Option<BrowserStorage> {
    window().local_storage().ok().flatten().map(BrowserStorage)
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The id of the draft this tab used before a reload.
pub fn session_draft_id() -> Option<String> {
    session()?.get_item(TAB_KEY).ok().flatten()
}

pub fn remember_session_draft_id(id: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(TAB_KEY, id);
    }
}

/// A fresh id for a draft record: the time and a random part, so tabs opened in the same
/// millisecond still differ.
pub fn new_draft_id() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{:x}-{random:x}", js_sys::Date::now() as u64)
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A moment as the reader's browser writes dates and times.
pub fn local_time(ms: f64) -> String {
    js_sys::Date::new(&JsValue::from_f64(ms))
        .to_locale_string("en-GB", &JsValue::UNDEFINED)
        .into()
}

/// Offers `text` as a file download named `name`; reports whether the browser took it.
pub fn download(name: &str, text: &str) -> bool {
    download_typed(name, text, "application/json")
}

/// `text` as an object address of this type (revoke it when done).
fn object_url(text: &str, kind: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Clicks a download link to `url`, named `name`.
fn offer(name: &str, url: &str) -> bool {
    match document().create_element("a") {
        Ok(link) => {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(url);
            link.set_download(name);
            link.click();
            true
        }
        Err(_) => false,
    }
}

/// Offers `text` of this media type as a file download named `name`.
pub fn download_typed(name: &str, text: &str, kind: &str) -> bool {
    let Some(url) = object_url(text, kind) else {
        return false;
    };
    let started = offer(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    started
}

/// Draws an SVG picture onto a canvas of its size and offers it as a PNG download named `name`
/// (once the browser has read the picture; the fonts are the browser's).
pub fn download_svg_as_png(name: &str, svg: &str, width: u32, height: u32) -> bool {
    let Some(url) = object_url(svg, "image/svg+xml") else {
        return false;
    };
    let Ok(image) = web_sys::HtmlImageElement::new_with_width_and_height(width, height) else {
        return false;
    };
    let (name, drawn, address) = (name.to_string(), image.clone(), url.clone());
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let canvas: Option<web_sys::HtmlCanvasElement> = document()
            .create_element("canvas")
            .ok()
            .map(JsCast::unchecked_into);
        if let Some(canvas) = canvas {
            canvas.set_width(width);
            canvas.set_height(height);
            let context = canvas.get_context("2d").ok().flatten();
            if let Some(context) = context {
                let context: web_sys::CanvasRenderingContext2d = context.unchecked_into();
                let _ = context.draw_image_with_html_image_element(&drawn, 0.0, 0.0);
                if let Ok(png) = canvas.to_data_url_with_type("image/png") {
                    offer(&name, &png);
                }
            }
        }
        let _ = web_sys::Url::revoke_object_url(&address);
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
    true
}

/// Copies text with the asynchronous clipboard API, reporting success.
pub async fn copy_to_clipboard(text: &str) -> bool {
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
pub async fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}
