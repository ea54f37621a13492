//! The editor's exports beside the JSON: the preview's view as an SVG or PNG picture, and the
//! story as static HTML for readers without JavaScript (both from the core, as the command line's
//! `storyline render` writes them). The reader's bundle carries none of this.

use super::browser::{copy_to_clipboard, download_svg_as_png, download_typed};
use super::state::EditorState;
use crate::core::i18n::Language;
use crate::core::static_html::{story_html, StaticOptions};
use crate::core::static_svg::{story_svg, PictureOptions};
use leptos::prelude::*;

/// The picture's size: a social card, as `storyline render` draws by default.
const PICTURE: (u32, u32) = (1_200, 630);

/// Three buttons: Download SVG, Download PNG, Copy static HTML. They work on the last story
/// without errors (the one the preview shows) and say so in the editor's status line.
#[component]
pub fn Exports(state: EditorState) -> impl IntoView {
    let status = state.status;
    let picture = move || {
        let story = state.story.get_untracked()?;
        let options = PictureOptions {
            width: PICTURE.0,
            height: PICTURE.1,
            dark: false,
            language: Language::choose([story.language.as_deref()]),
            window: state.preview_window(),
        };
        Some(story_svg(&story, &options))
    };
    let nothing = "There is no timeline without errors to export yet.";
    let download_svg = move |_| match picture() {
        Some(svg) if download_typed("timeline.svg", &svg, "image/svg+xml") => {
            status.set("Downloaded timeline.svg: the preview's view as a picture.".into())
        }
        Some(_) => status.set("The browser did not take the download.".into()),
        None => status.set(nothing.into()),
    };
    let download_png = move |_| match picture() {
        Some(svg) if download_svg_as_png("timeline.png", &svg, PICTURE.0, PICTURE.1) => {
            status.set("Downloading timeline.png: the preview's view, 1200 by 630 pixels.".into())
        }
        Some(_) => status.set("The browser could not draw the picture.".into()),
        None => status.set(nothing.into()),
    };
    let copy_html = move |_| {
        let Some(story) = state.story.get_untracked() else {
            status.set(nothing.into());
            return;
        };
        let options = StaticOptions {
            language: Language::choose([story.language.as_deref()]),
            window: None,
        };
        let html = story_html(&story, &options);
        leptos::task::spawn_local(async move {
            status.set(if copy_to_clipboard(&html).await {
                "The static HTML is copied: paste it inside the embed element (see the README)."
                    .into()
            } else {
                "The browser refused the clipboard: use storyline render --format html.".into()
            });
        });
    };
    view! {
        <button type="button" on:click=download_svg>"Download SVG"</button>
        <button type="button" on:click=download_png>"Download PNG"</button>
        <button type="button" on:click=copy_html>"Copy static HTML"</button>
    }
}
