//! Fetching a story: the address checked (http and https only), the download the page's own
//! script may have started before the code arrived, and what went wrong said in words.

use crate::core::embed_options::{
    is_web_address, quoted_address, NOT_A_WEB_ADDRESS, UNREADABLE_ADDRESS,
};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A data file that has not arrived by then is reported as failed.
const FETCH_TIMEOUT: Duration = Duration::from_secs(15);

/// The address `written` names, resolved against the page (for the iframe page: against
/// `embed.html`), if it is one the embed may fetch; otherwise the message shown instead.
pub(crate) fn web_address(written: &str) -> Result<String, String> {
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

/// A story's download under way: the response to come, and what stops it.
pub(crate) struct Download {
    /// `fetch`'s promise of a `Response`.
    response: js_sys::Promise,
    pub(crate) controller: web_sys::AbortController,
}

impl Download {
    pub(crate) fn start(url: &str) -> Option<Download> {
        let controller = web_sys::AbortController::new().ok()?;
        let init = web_sys::RequestInit::new();
        init.set_signal(Some(&controller.signal()));
        Some(Download {
            response: window().fetch_with_str_and_init(url, &init),
            controller,
        })
    }
}

/// The name under which the iframe and demo pages' inline script (`embed/page-download.js`)
/// leaves the download it started.
pub(crate) const PAGE_DOWNLOAD: &str = "__storylineDownload";

/// A download of the story that the page's own script started before this code arrived (the
/// script loader when an embed comes near the screen; the inline script of the iframe and demo
/// pages), so that the story travels while the code loads and starts.
pub struct EarlyDownload {
    /// The address it asked for, resolved: it is used only for the very address this code
    /// resolves itself, and stopped otherwise.
    address: String,
    download: Download,
}

impl EarlyDownload {
    /// Reads `{src, response, controller}` as the loader hands it over; anything else (a part
    /// missing or of the wrong kind) is none, and the story is fetched here instead.
    pub fn from_js(value: &JsValue) -> Option<EarlyDownload> {
        let part = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
        Some(EarlyDownload {
            address: part("src")?.as_string()?,
            download: Download {
                response: part("response")?.dyn_into().ok()?,
                controller: part("controller")?.dyn_into().ok()?,
            },
        })
    }

    /// The download the page's inline script started, taken (so it is used once).
    pub fn from_page() -> Option<EarlyDownload> {
        let name = JsValue::from_str(PAGE_DOWNLOAD);
        let value = js_sys::Reflect::get(&window(), &name).ok()?;
        let _ = js_sys::Reflect::delete_property(&window(), &name);
        EarlyDownload::from_js(&value)
    }

    /// This download if it is of `url`; otherwise it is stopped and `url` is fetched now.
    pub(crate) fn of(early: Option<EarlyDownload>, url: &str) -> Option<Download> {
        match early {
            Some(early) if early.address == url => Some(early.download),
            other => {
                stop_unused(other);
                Download::start(url)
            }
        }
    }
}

/// Stops a download nobody will read.
pub(crate) fn stop_unused(early: Option<EarlyDownload>) {
    if let Some(early) = early {
        early.download.controller.abort();
    }
}

/// Reads a download's text, giving up after `FETCH_TIMEOUT` (or when it is stopped because the
/// timeline was taken off the page) or when it is longer than `most_bytes` (checked before it is
/// copied into the module's memory), and says what went wrong in words. The address is shown
/// quoted and cut short, and the server's own status text is left out: both may come from
/// whoever wrote the address, and the message is shown in the publisher's box.
pub(crate) async fn fetch_text(
    url: &str,
    download: Option<Download>,
    most_bytes: u32,
) -> Result<String, String> {
    let shown = quoted_address(url);
    let unreachable = || {
        format!(
            "The data at {shown} could not be reached: the network failed, or its server does not allow this page to read it."
        )
    };
    let Some(Download {
        response,
        controller,
    }) = download
    else {
        return Err(unreachable());
    };
    let timeout = controller.clone();
    set_timeout(move || timeout.abort(), FETCH_TIMEOUT);
    let response = JsFuture::from(response)
        .await
        .ok()
        .and_then(|response| response.dyn_into::<web_sys::Response>().ok())
        .ok_or_else(|| {
            if controller.signal().aborted() {
                format!("The data at {shown} took too long to arrive.")
            } else {
                unreachable()
            }
        })?;
    if !response.ok() {
        return Err(format!(
            "The data at {shown} could not be loaded (HTTP {}).",
            response.status()
        ));
    }
    // Its bytes, copied into the module's memory at once: as text, the browser would decode
    // them to a JavaScript string and the glue encode that back to UTF-8 on its way in (12 ms of
    // a 1,000-event story's first render).
    let bytes = match response.array_buffer() {
        Ok(buffer) => JsFuture::from(buffer).await.ok(),
        Err(_) => None,
    };
    let bytes = bytes
        .map(|buffer| js_sys::Uint8Array::new(&buffer))
        .filter(|bytes| bytes.length() <= most_bytes)
        .map(|bytes| bytes.to_vec())
        .ok_or_else(|| format!("The data at {shown} could not be read."))?;
    // What is not UTF-8 reads as `Response.text()` would read it: as replacement characters.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}
