//! The words of a story's language, fetched where the reader's build carries English's only.
//!
//! The reader's builds (feature `storyline-core/fetched-words`) leave the other languages' word
//! tables out of the code, so an English story does not download them. A story in another
//! language has them fetched from `words/<tag>.txt` beside the code, once per page however many
//! timelines speak it, and asked for as early as the embed's or the page's language says which
//! one it will likely be. Elsewhere (the editor, the Leptos API, tests) every table is built in
//! and nothing here fetches.

use super::download::{fetch_text, web_address, Download};
use crate::core::i18n::{Language, MAX_WORD_FILE_BYTES};
use leptos::prelude::*;
use std::cell::RefCell;
use std::task::{Poll, Waker};
use std::time::Duration;

/// Words that have not arrived by then are given up: the timeline shows English's rather than
/// keep the reader waiting.
const WORDS_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the word files are.
enum WordFolder {
    /// `words/` beside the page: the iframe and demo pages, which sit beside the code.
    BesideThePage,
    /// The folder the script loader gives (`words/` in its own).
    Given(String),
    /// Nowhere known: a script loader that gives none is older than the word files, and the
    /// article's own folder must not be asked; such timelines speak English.
    Unknown,
}

/// A language's words, asked for.
enum Fetch {
    /// On their way; the timelines waiting for them.
    Underway(Vec<Waker>),
    /// Loaded.
    Loaded,
}

thread_local! {
    static FOLDER: RefCell<WordFolder> = const { RefCell::new(WordFolder::BesideThePage) };
    /// Each language asked for and not given up, shared by the timelines that speak it.
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

/// Where the script loader's word files are (`None`: it did not say).
pub(crate) fn set_word_folder(folder: Option<String>) {
    FOLDER.with_borrow_mut(|kept| {
        *kept = folder.map_or(WordFolder::Unknown, WordFolder::Given);
    });
}

/// Starts fetching `language`'s words unless they are at hand or on their way.
fn ask_for_words(language: Language) {
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
    let folder = FOLDER.with_borrow(|folder| match folder {
        WordFolder::BesideThePage => Some("words/".to_string()),
        WordFolder::Given(folder) => Some(folder.clone()),
        WordFolder::Unknown => None,
    });
    leptos::task::spawn_local(async move {
        // A failure leaves the language speaking English; the story is shown all the same.
        let mut loaded = false;
        if let Some(address) =
            folder.and_then(|folder| web_address(&format!("{folder}{}.txt", language.tag())).ok())
        {
            let download = Download::start(&address);
            if let Some(download) = &download {
                let controller = download.controller.clone();
                set_timeout(move || controller.abort(), WORDS_TIMEOUT);
            }
            let most_bytes = MAX_WORD_FILE_BYTES as u32;
            if let Ok(file) = fetch_text(&address, download, most_bytes).await {
                loaded = language.load_words(&file);
            }
        }
        // Given up words are forgotten, so a timeline mounted later asks again.
        let waiting = ASKED.with_borrow_mut(|asked| {
            let at = asked.iter().position(|(other, _)| *other == language)?;
            if loaded {
                Some(std::mem::replace(&mut asked[at].1, Fetch::Loaded))
            } else {
                Some(asked.swap_remove(at).1)
            }
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
