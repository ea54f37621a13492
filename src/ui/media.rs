//! An event's media in the detail panel: an image, a video, audio or a quote, with its caption
//! and credit. A provider's video player is click-to-load: until the reader presses Play the page
//! makes no request to the provider, and then loads only its privacy-enhanced player.
//!
//! The figure and its contents are built as DOM nodes (text as text, attributes one by one;
//! never HTML) rather than as Leptos views: they never change once shown, and each distinct view
//! shape adds its own copy of the renderer to every reader's download (five kinds of media as
//! views cost about 11 KB gzip; as nodes, about 1 KB).

use super::built::closest_of;
use crate::core::i18n::{fill, Language};
use crate::core::media::Video;
use crate::core::model::{Media, MediaContent};
use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What a provider's player may use: playing (also at once, since the reader pressed Play),
/// protected media, picture-in-picture and full screen; nothing else (no camera, no location).
const PLAYER_ALLOW: &str = "autoplay; encrypted-media; picture-in-picture; fullscreen";
/// The player may run its own scripts on its own origin and open the provider's page in a new
/// tab; it may not navigate the article or open dialogs on it.
const PLAYER_SANDBOX: &str =
    "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox";

/// How wide an image with other files is drawn, so the browser can choose among them before
/// layout: the detail panel's figure (style/storyline.css). Up to 600px wide the component spans
/// the screen less its 12px paddings, and the event keeps 44px for its close button; wider, the
/// event is at most 72ch of its 15px text (0.9375rem; 43rem with a broad sans-serif zero such as
/// DejaVu Sans's or Verdana's, so no font gets a blurry image) less the same 44px. `auto` first:
/// a browser that can, uses the width the image is drawn at, known before it loads only when the
/// image's own size is.
const IMAGE_SIZES: &str = "auto, (max-width: 600px) calc(100vw - 68px), calc(43rem - 44px)";

/// A provider's player, loaded on Play: its address and its accessible name.
pub(super) struct Player {
    address: String,
    title: String,
}

/// The media of the event titled `title`, as a figure, and the player its Play button loads
/// (see `play`; the figure's parent listens for the click).
pub(super) fn media_figure(
    media: Media,
    title: &str,
    language: Language,
) -> Option<(Element, Option<Player>)> {
    let class = match media.content {
        MediaContent::Image { .. } => "storyline-media",
        MediaContent::Video { .. } => "storyline-media storyline-video",
        MediaContent::Audio { .. } => "storyline-media storyline-audio",
        MediaContent::Quote { .. } => "storyline-media storyline-quote",
    };
    let player = match &media.content {
        MediaContent::Video { video, alt, .. } => video.player_address().map(|address| Player {
            address,
            title: format!(
                "{} ({})",
                alt.as_deref().unwrap_or(title),
                video.provider().unwrap_or_default()
            ),
        }),
        _ => None,
    };
    let figure = element("figure", class, &[])?;
    let _ = fill_figure(&figure, media, title, language);
    Some((figure, player))
}

/// Pressing Play swaps the poster for the provider's player and moves keyboard focus into it
/// (the button it replaces is gone).
pub(super) fn play(event: &MouseEvent, player: Option<&Player>) {
    let Some(player) = player else { return };
    let button = closest_of(event.target(), ".storyline-play");
    let Some(frame_holder) = button.and_then(|button| button.parent_element()) else {
        return;
    };
    let Some(frame) = element(
        "iframe",
        "",
        &[
            ("src", &player.address),
            ("title", &player.title),
            ("allow", PLAYER_ALLOW),
            ("allowfullscreen", ""),
            ("sandbox", PLAYER_SANDBOX),
            ("referrerpolicy", "strict-origin-when-cross-origin"),
        ],
    ) else {
        return;
    };
    frame_holder.set_text_content(None);
    let _ = frame_holder.append_child(&frame);
    if let Ok(frame) = frame.dyn_into::<HtmlElement>() {
        let _ = frame.focus();
    }
}

fn fill_figure(figure: &Element, media: Media, title: &str, language: Language) -> Option<()> {
    let Media {
        content,
        caption,
        credit,
    } = media;
    let srcset = content.srcset();
    match content {
        MediaContent::Image {
            url,
            alt,
            width,
            height,
            ..
        } => {
            let size = width
                .zip(height)
                .map(|(width, height)| (width.to_string(), height.to_string()));
            let sizes = match size {
                Some(_) => IMAGE_SIZES,
                None => &IMAGE_SIZES["auto, ".len()..],
            };
            let image = lazy_image(
                "",
                &[
                    ("alt", Some(&alt)),
                    ("width", size.as_ref().map(|size| size.0.as_str())),
                    ("height", size.as_ref().map(|size| size.1.as_str())),
                    ("sizes", srcset.is_some().then_some(sizes)),
                    ("srcset", srcset.as_deref()),
                ],
                &url,
            )?;
            append(figure, image);
        }
        MediaContent::Video { video, poster, alt } => {
            let name = alt.as_deref().unwrap_or(title);
            video_nodes(figure, &video, poster.as_deref(), name, language)?;
        }
        MediaContent::Audio { url, alt } => append(
            figure,
            element(
                "audio",
                "",
                &[
                    ("controls", ""),
                    ("preload", "none"),
                    ("src", &url),
                    ("aria-label", alt.as_deref().unwrap_or(title)),
                ],
            )?,
        ),
        MediaContent::Quote { text } => {
            let quote = element("blockquote", "", &[("dir", "auto")])?;
            append(&quote, text_element("p", "", &text)?);
            append(figure, quote);
        }
    }
    if caption.is_some() || credit.is_some() {
        let figcaption = element("figcaption", "", &[("dir", "auto")])?;
        if let Some(caption) = caption {
            let _ = figcaption.append_with_str_1(&caption);
        }
        if let Some(credit) = credit {
            append(&figcaption, {
                let credit = text_element("span", "storyline-credit", &credit)?;
                credit.set_attribute("dir", "auto").ok()?;
                credit
            });
        }
        append(figure, figcaption);
    }
    Some(())
}

/// A video file plays in the browser's own player, which fetches nothing before Play
/// (`preload="none"`); a provider's video shows the journalist's poster (or a neutral frame with
/// the provider's name, never an image from the provider) and a Play button until pressed.
fn video_nodes(
    figure: &Element,
    video: &Video,
    poster: Option<&str>,
    name: &str,
    language: Language,
) -> Option<()> {
    let Some(provider) = video.provider() else {
        let file = element(
            "video",
            "",
            &[
                ("controls", ""),
                ("preload", "none"),
                ("src", &video.page_address()),
                ("aria-label", name),
            ],
        )?;
        if let Some(poster) = poster {
            file.set_attribute("poster", poster).ok()?;
        }
        append(figure, file);
        return Some(());
    };
    let words = language.words();
    let frame_holder = element("div", "storyline-player", &[])?;
    let still = match poster {
        Some(poster) => lazy_image("storyline-poster", &[("alt", Some(""))], poster)?,
        None => text_element("span", "storyline-poster storyline-poster-blank", provider)?,
    };
    append(&frame_holder, still);
    let play_name = fill(words.play_video, &[("title", name)]);
    let button = element(
        "button",
        "storyline-play",
        &[("type", "button"), ("aria-label", &play_name)],
    )?;
    append(&button, text_element("span", "", "\u{25b6}")?);
    button
        .last_element_child()?
        .set_attribute("aria-hidden", "true")
        .ok()?;
    let _ = button.append_with_str_1(words.play);
    append(&frame_holder, button);
    append(figure, frame_holder);

    let note = text_element(
        "p",
        "storyline-player-note",
        &(fill(words.plays_from, &[("provider", provider)]) + " \u{00b7} "),
    )?;
    let page_link = text_element("a", "", &fill(words.watch_on, &[("provider", provider)]))?;
    for (name, value) in [
        ("href", video.page_address().as_str()),
        ("target", "_blank"),
        ("rel", "noopener noreferrer"),
    ] {
        page_link.set_attribute(name, value).ok()?;
    }
    append(&note, page_link);
    append(figure, note);
    Some(())
}

/// An image that loads when it nears the screen, with the attributes given (those without a
/// value left out). Its address is set last: a browser may start fetching once `src` is set, so
/// lazy loading and the choice among files must be known by then.
fn lazy_image(class: &str, attributes: &[(&str, Option<&str>)], url: &str) -> Option<Element> {
    let image = element("img", class, &[])?;
    let loading = [
        ("loading", Some("lazy")),
        ("decoding", Some("async")),
        ("referrerpolicy", Some("no-referrer")),
        ("src", Some(url)),
    ];
    for (name, value) in attributes.iter().chain(&loading) {
        if let Some(value) = value {
            image.set_attribute(name, value).ok()?;
        }
    }
    Some(image)
}

/// A new element with its class and attributes; attribute values are set as text.
pub(super) fn element(tag: &str, class: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = document().create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

/// A new element holding `text` as text (never read as HTML).
pub(super) fn text_element(tag: &str, class: &str, text: &str) -> Option<Element> {
    let element = element(tag, class, &[])?;
    element.set_text_content(Some(text));
    Some(element)
}

pub(super) fn append(parent: &Element, child: Element) {
    let _ = parent.append_child(&child);
}
