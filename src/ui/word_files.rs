//! The words of a story's language, fetched where the reader's build carries English's only.
//!
//! The reader's builds (feature `storyline-core/fetched-words`) leave the other languages' word
//! tables out of the code, so an English story does not download them. A story in another
//! language has them fetched from `words/<tag>.txt` beside the code, once per page however many
//! timelines speak it, and asked for as early as the embed's or the page's language says which
//! one it will likely be. Elsewhere (the editor, the Leptos API, tests) every table is built in
//! and nothing here fetches.

use super::download::{fetch_text, web_address, Download};
use crate::core::i18n::Language;
use leptos::prelude::*;
use std::cell::RefCell;
use std::task::{Poll, Waker};
use std::time::Duration;

/// Words that have not arrived by then are given up: the timeline shows English's rather than
/// keep the reader waiting.
const WORDS_TIMEOUT: Duration = Duration::from_secs(5);

/// A language's words, asked for.
enum Fetch {
    /// On their way; the timelines waiting for them.
    Underway(Vec<Waker>),
    /// Loaded, or given up (the language then speaks English).
    Over,
}

thread_local! {
    /// The folder of the word files, as the script loader gives it (its own folder); the iframe
    /// and demo pages leave it unset: their files are beside the page.
    static FOLDER: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Each language asked for, once per page, shared by the timelines that speak it.
    static ASKED: RefCell<Vec<(Language, Fetch)>> = const { RefCell::new(Vec::new()) };
}

/// The language a timeline speaks: the data's, else the embed's, else the page's (its `<html
/// lang>`), else English. Before the data is read, `data` is none: the language it will likely be.
pub(crate) fn reading_language(data: Option<&str>, embed: Option<&str>) -> Language {
    let page = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"));
    Language::choose([data, embed, page.as_deref()])
}

/// Where the word files are, when they are not beside the page (the script loader's folder).
pub(crate) fn set_word_folder(folder: String) {
    FOLDER.with_borrow_mut(|kept| *kept = Some(folder));
}

/// Starts fetching `language`'s words unless they are at hand or were asked for already.
pub(crate) fn ask_for_words(language: Language) {
    let asked = ASKED.with_borrow_mut(|asked| {
        let known = language.has_words() || asked.iter().any(|(other, _)| *other == language);
        if !known {
            asked.push((language, Fetch::Underway(Vec::new())));
        }
        known
    });
    if asked {
        return;
    }
    let folder = FOLDER.with_borrow(|folder| folder.clone());
    let written = format!(
        "{}{}.txt",
        folder.as_deref().unwrap_or("words/"),
        language.tag()
    );
    leptos::task::spawn_local(async move {
        // A failure leaves the language speaking English; the story is shown all the same.
        if let Ok(address) = web_address(&written) {
            let download = Download::start(&address);
            if let Some(download) = &download {
                let controller = download.controller.clone();
                set_timeout(move || controller.abort(), WORDS_TIMEOUT);
            }
            if let Ok(file) = fetch_text(&address, download).await {
                language.load_words(&file);
            }
        }
        let waiting = ASKED.with_borrow_mut(|asked| {
            asked
                .iter_mut()
                .find(|(other, _)| *other == language)
                .map(|(_, fetch)| std::mem::replace(fetch, Fetch::Over))
        });
        if let Some(Fetch::Underway(wakers)) = waiting {
            wakers.into_iter().for_each(Waker::wake);
        }
    });
}

/// Waits until `language`'s words are loaded or given up (at once where they are at hand).
pub(crate) async fn words_for(language: Language) {
    ask_for_words(language);
    std::future::poll_fn(|context| {
        ASKED.with_borrow_mut(|asked| {
            match asked.iter_mut().find(|(other, _)| *other == language) {
                Some((_, Fetch::Underway(wakers))) => {
                    wakers.push(context.waker().clone());
                    Poll::Pending
                }
                _ => Poll::Ready(()),
            }
        })
    })
    .await;
}
