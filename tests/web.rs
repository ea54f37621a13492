//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): mount, click, read.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use storyline::ui::app::{read_document, TimelineOrProblems};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = include_str!("../data/albania-iran-israel.json");

/// Mounts a document into a fresh container and returns the container.
async fn mount(text: &'static str) -> HtmlElement {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.style().set_property("width", "1000px").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <TimelineOrProblems document=read_document(text) source="test.json" /> }
    });
    handle.forget();
    settle().await;
    container
}

/// Lets Leptos apply pending DOM updates and the ResizeObserver report the width.
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .request_animation_frame(&resolve)
                .expect("animation frame");
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    leptos::task::tick().await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

#[wasm_bindgen_test]
async fn renders_the_story_events_and_legend() {
    let root = mount(STORY).await;
    let section = one(&root, "section.storyline");
    assert_eq!(section.get_attribute("role").as_deref(), Some("region"));
    assert!(section
        .get_attribute("aria-label")
        .unwrap()
        .contains("Albania"));
    let ids: Vec<_> = all(&root, "[data-event-id]")
        .iter()
        .map(|e| e.get_attribute("data-event-id").unwrap())
        .collect();
    for id in [
        "nato-accession",
        "cyberattack-july-2022",
        "severs-ties-with-iran",
        "rama-visits-israel",
    ] {
        assert!(
            ids.iter().any(|found| found == id),
            "{id} missing from {ids:?}"
        );
    }
    let clustered: usize = all(&root, "[data-cluster-count]")
        .iter()
        .map(|e| {
            e.get_attribute("data-cluster-count")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        ids.len() + clustered,
        19,
        "fit-all shows every event, alone or counted"
    );
    let chips = all(&root, "button[data-category]");
    assert_eq!(chips.len(), 5);
    assert!(chips
        .iter()
        .all(|chip| chip.get_attribute("aria-pressed").as_deref() == Some("true")));
    let cyber = one(&root, "button[data-category=cyber]");
    assert!(cyber.text_content().unwrap().contains("Cyber"));
    // The axis names the stretches between its breaks, from the backstory to 2022.
    let ticks = one(&root, ".storyline-axis").text_content().unwrap();
    let backstory = ["1939", "1945", "1990", "1993"];
    assert!(
        ticks.contains("2022") && backstory.iter().any(|year| ticks.contains(year)),
        "{ticks}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_an_event_opens_its_detail_with_source_links() {
    let root = mount(STORY).await;
    let button: HtmlElement =
        one(&root, "[data-event-id=severs-ties-with-iran] button").unchecked_into();
    button.click();
    settle().await;
    let detail = one(&root, ".storyline-detail");
    let text = detail.text_content().unwrap();
    assert!(text.contains("7 September 2022"), "{text}");
    let links = all(&detail, "a.storyline-source");
    let hrefs: Vec<_> = links
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://keyt.com/news/2022/09/07/albania-cuts-diplomatic-ties-with-iran-over-july-cyberattack/",
            "https://tass.com/world/1504445",
            "https://www.jpost.com/breaking-news/article-716539",
        ]
    );
    for link in &links {
        assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
        assert_eq!(
            link.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
    assert!(links[1]
        .text_content()
        .unwrap()
        .starts_with("TASS \u{2014} "));
    // Closing returns the panel to its invitation.
    let close: HtmlElement = one(&detail, "button.storyline-close").unchecked_into();
    close.click();
    settle().await;
    assert!(all(&root, "a.storyline-source").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_category_toggle_hides_its_events() {
    let root = mount(STORY).await;
    let cyber: HtmlElement = one(&root, "button[data-category=cyber]").unchecked_into();
    cyber.click();
    settle().await;
    assert_eq!(
        cyber.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(all(&root, "[data-event-id=cyberattack-july-2022]").is_empty());
    assert!(!all(&root, "[data-event-id=severs-ties-with-iran]").is_empty());
    assert!(
        cyber.text_content().unwrap().contains('5'),
        "the count stays shown"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn invalid_data_shows_the_problems_not_a_blank_box() {
    const BROKEN: &str = r#"{"version": 1, "title": "T", "categories": [],
  "events": [{"id": "a", "start": "2022-13-45", "title": "A", "categories": ["x"]}]}"#;
    let root = mount(BROKEN).await;
    assert!(all(&root, "section.storyline").is_empty());
    let alert = one(&root, "[role=alert]");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Line 2, column 35"), "{text}");
    assert!(text.contains("month 13 does not exist"), "{text}");
    assert!(
        text.contains("there is no category \u{201c}x\u{201d}"),
        "{text}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_leptos_api_takes_typed_props_and_reports_selection() {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let opened = RwSignal::new(Vec::<String>::new());
    let story = storyline::parse(STORY).expect("valid story");
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <storyline::Timeline
                data=story
                initial_window=("2022-07", "2022-12")
                theme=storyline::Theme::Dark
                on_select=Callback::new(move |id: String| opened.update(|ids| ids.push(id)))
            />
        }
    });
    handle.forget();
    settle().await;
    let root = one(&container, "section.storyline");
    assert!(root.class_name().contains("storyline-theme-dark"));
    // The window starts in the second half of 2022: 2009 is out of view.
    assert!(all(&container, "[data-event-id=nato-accession]").is_empty());
    let button: HtmlElement =
        one(&container, "[data-event-id=severs-ties-with-iran] button").unchecked_into();
    button.click();
    settle().await;
    assert_eq!(opened.get_untracked(), ["severs-ties-with-iran"]);
    container.remove();
}

/// Counts `ResizeObserver.observe` and `disconnect` calls made from now on, page-wide.
fn count_resize_observers() -> js_sys::Function {
    js_sys::Function::new_no_args(
        "const proto = ResizeObserver.prototype;
         if (!proto.__storylineCounted) {
           proto.__storylineCounted = true;
           const observe = proto.observe, disconnect = proto.disconnect;
           proto.observe = function (...args) { this.__watching = true; window.__observing = (window.__observing || 0) + 1; return observe.apply(this, args); };
           proto.disconnect = function () { if (this.__watching) { this.__watching = false; window.__observing -= 1; } return disconnect.apply(this); };
         }
         window.__observing = 0;",
    )
}

fn observers_watching() -> f64 {
    js_sys::Reflect::get(&window(), &"__observing".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
async fn unmounting_releases_observers_even_in_the_middle_of_a_glide() {
    count_resize_observers().call0(&window().into()).unwrap();
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.style().set_property("width", "900px").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let story = storyline::parse(STORY).expect("valid story");
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <storyline::Timeline data=story /> }
    });
    settle().await;
    assert!(
        observers_watching() >= 2.0,
        "the time area and the overview are watched while mounted"
    );
    // Start a glide, then unmount before it ends: its next frames must find nothing to do.
    let zoom_in: HtmlElement = one(&container, ".storyline-zoom button").unchecked_into();
    zoom_in.click();
    drop(handle);
    settle().await;
    settle().await;
    assert_eq!(container.child_element_count(), 0, "the component is gone");
    assert_eq!(
        observers_watching(),
        0.0,
        "no observer outlives the component"
    );
    // Resizing what was watched reaches no callback of the unmounted component.
    container.style().set_property("width", "400px").unwrap();
    settle().await;
    container.remove();
}

/// A story of `count` events, one a year from 1901, alternating between two categories; each
/// has a second paragraph with a link and one dated source.
fn many_events(count: usize) -> &'static str {
    let events: Vec<String> = (0..count)
        .map(|i| {
            let category = ["politics", "sport"][i % 2];
            format!(
                r#"{{"id": "event-{i}", "start": "{year}", "title": "Event {i}", "categories": ["{category}"],
                "text": "First paragraph.\n\nRead [the report](https://example.org/{i}) now.",
                "sources": [{{"title": "Report {i}", "publisher": "Gazette", "url": "https://example.org/{i}", "date": "{year}-05-01"}}]}}"#,
                year = 1901 + i
            )
        })
        .collect();
    let story = format!(
        r##"{{"version": 1, "title": "Many events", "language": "en",
        "categories": [{{"id": "politics", "label": "Politics", "color": "#1d4ed8"}}, {{"id": "sport", "label": "Sport", "color": "#047857"}}],
        "events": [{}]}}"##,
        events.join(",")
    );
    String::leak(story)
}

fn button_named(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|button| button.text_content().unwrap().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_list_view_pages_its_events_and_show_more_keeps_focus() {
    let root = mount(many_events(120)).await;
    button_named(&root, "List").click();
    settle().await;
    let list = one(&root, "section.storyline-list");
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some("Events as a list")
    );
    let summary = one(&list, ".storyline-list-summary")
        .text_content()
        .unwrap();
    assert!(
        summary.starts_with("120 events from ") && summary.ends_with(", in time order."),
        "{summary}"
    );
    let listed = |list: &Element| all(list, "ol.storyline-list-items > li[data-list-event-id]");
    assert_eq!(listed(&list).len(), 50);

    // Each entry is an article named by its heading, with its date, category, text and sources.
    let first = one(&list, "[data-list-event-id=event-0]");
    let article = one(&first, "article");
    let heading = one(&article, "h3.storyline-list-title");
    assert_eq!(heading.text_content().as_deref(), Some("Event 0"));
    assert_eq!(heading.get_attribute("dir").as_deref(), Some("auto"));
    assert_eq!(
        article.get_attribute("aria-labelledby"),
        heading.get_attribute("id")
    );
    assert_eq!(
        one(&article, ".storyline-list-meta")
            .text_content()
            .as_deref(),
        Some("1901 \u{b7} Politics")
    );
    let text = one(&article, ".storyline-detail-text");
    assert_eq!(text.get_attribute("dir").as_deref(), Some("auto"));
    assert_eq!(all(&text, "p").len(), 2);
    let link = one(&text, "p:last-child a");
    assert_eq!(link.text_content().as_deref(), Some("the report"));
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/0")
    );
    assert_eq!(
        text.text_content().as_deref(),
        Some("First paragraph.Read the report now.")
    );
    let sources = one(&article, "ul.storyline-sources");
    assert_eq!(
        sources.get_attribute("aria-label").as_deref(),
        Some("Sources")
    );
    let source = one(&sources, "a.storyline-source");
    assert_eq!(
        source.text_content().as_deref(),
        Some("Gazette \u{2014} Report 0")
    );
    assert_eq!(
        source.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(one(&sources, ".storyline-source-date")
        .text_content()
        .unwrap()
        .contains("1901"));

    // "Show more" adds a page and keeps focus; it leaves when every event is listed.
    let more = button_named(&list, "Show 50 more");
    more.focus().unwrap();
    more.click();
    settle().await;
    assert_eq!(listed(&list).len(), 100);
    assert_eq!(more.text_content().as_deref(), Some("Show 20 more"));
    assert_eq!(document().active_element(), Some(more.clone().into()));
    more.click();
    settle().await;
    assert_eq!(listed(&list).len(), 120);
    assert!(all(&list, "button").is_empty());

    // A filter lists its events anew, from the first page.
    one(&root, "button[data-category=sport]")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    let summary = one(&list, ".storyline-list-summary")
        .text_content()
        .unwrap();
    assert!(summary.starts_with("60 events from"), "{summary}");
    assert_eq!(listed(&list).len(), 50);
    assert!(all(&list, "[data-list-event-id=event-1]").is_empty());
    assert_eq!(button_named(&list, "Show 10 more").tag_name(), "BUTTON");

    // Back to the time area: the list and its entries are gone.
    button_named(&root, "List").click();
    settle().await;
    assert!(all(&root, ".storyline-list, [data-list-event-id]").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_open_event_reads_in_order_with_its_categories_media_and_sources() {
    const ONE_EVENT: &str = r##"{"version": 1, "title": "One event", "language": "en",
        "categories": [{"id": "politics", "label": "Politics", "color": "#1d4ed8"}, {"id": "sport", "label": "Sport", "color": "#047857"}],
        "events": [{"id": "the-event", "start": "2020-03-01", "title": "The event", "categories": ["politics", "sport"],
            "text": "It happened.\n\nSee [the report](https://example.org/report).",
            "media": {"kind": "quote", "text": "We will not be intimidated.", "credit": "Edi Rama"},
            "sources": [{"title": "Report", "publisher": "Gazette", "url": "https://example.org/report"}]}]}"##;
    let root = mount(ONE_EVENT).await;
    one(&root, "[data-event-id=the-event] button")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    let article = one(&root, ".storyline-detail article.storyline-detail-event");
    let parts: Vec<_> = all(&article, ":scope > *")
        .iter()
        .map(|part| part.tag_name())
        .collect();
    assert_eq!(
        parts,
        ["BUTTON", "P", "H3", "UL", "DIV", "FIGURE", "H4", "UL"]
    );
    let close = one(&article, ":scope > button.storyline-close");
    assert_eq!(
        close.get_attribute("aria-label").as_deref(),
        Some("Close details")
    );
    assert_eq!(close.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        one(&article, ".storyline-detail-date")
            .text_content()
            .as_deref(),
        Some("1 March 2020")
    );
    let heading = one(&article, "h3.storyline-detail-title");
    assert_eq!(heading.text_content().as_deref(), Some("The event"));
    assert_eq!(heading.get_attribute("dir").as_deref(), Some("auto"));
    assert_eq!(
        article.get_attribute("aria-labelledby"),
        heading.get_attribute("id")
    );
    let tags = one(&article, "ul.storyline-tags");
    assert_eq!(
        tags.get_attribute("aria-label").as_deref(),
        Some("Categories")
    );
    assert_eq!(tags.text_content().as_deref(), Some("PoliticsSport"));
    let swatch: HtmlElement =
        one(&tags, "li.storyline-tag > span.storyline-swatch").unchecked_into();
    assert_eq!(
        swatch
            .style()
            .get_property_value("background-color")
            .unwrap(),
        "var(--storyline-category-politics, #1d4ed8)"
    );
    let text = one(&article, ".storyline-detail-text");
    assert_eq!(text.get_attribute("dir").as_deref(), Some("auto"));
    assert_eq!(
        text.text_content().as_deref(),
        Some("It happened.See the report.")
    );
    assert_eq!(
        one(&text, "a").get_attribute("href").as_deref(),
        Some("https://example.org/report")
    );
    assert!(one(&article, "figure blockquote")
        .text_content()
        .unwrap()
        .contains("intimidated"));
    assert_eq!(
        one(&article, "h4.storyline-sources-title")
            .text_content()
            .as_deref(),
        Some("Sources")
    );
    assert_eq!(
        one(&article, "ul.storyline-sources a.storyline-source")
            .text_content()
            .as_deref(),
        Some("Gazette \u{2014} Report")
    );
    close.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(all(&root, "article.storyline-detail-event").is_empty());
    root.remove();
}

/// Resolves in a ResizeObserver callback for `element`'s first layout. Observers report in the
/// order they were made, so one made after the component's reports after it, in the same frame,
/// once the component's callback and the updates it queued have run.
async fn first_layout_of(element: &Element) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let report = wasm_bindgen::closure::Closure::once_into_js(
            move |_entries: js_sys::Array, observer: web_sys::ResizeObserver| {
                observer.disconnect();
                resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
            },
        );
        web_sys::ResizeObserver::new(report.unchecked_ref())
            .unwrap()
            .observe(element);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts a story of `count` events as the Leptos API does, and returns the events drawn in the
/// frame that first lays it out, and those drawn once everything has settled.
async fn drawn_in_first_frame_and_after(count: usize, draw_in_first_frame: bool) -> (usize, usize) {
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.style().set_property("width", "1000px").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    let story = storyline::parse(many_events(count)).expect("valid story");
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <storyline::ui::timeline::StoryTimeline
                timeline=story
                draw_in_first_frame=draw_in_first_frame
            />
        }
    });
    // The component's observer is made by an effect, which runs in this task.
    leptos::task::tick().await;
    first_layout_of(&one(&container, ".storyline-stage")).await;
    let drawn = || all(&container, "[data-event-id], [data-cluster-count]").len();
    let in_first_frame = drawn();
    settle().await;
    let after = drawn();
    drop(handle);
    container.remove();
    (in_first_frame, after)
}

#[wasm_bindgen_test]
async fn a_long_story_is_drawn_after_its_first_frame_unless_asked_to_draw_in_it() {
    // A story this long gets its first frame to itself: the page is not held for one long task.
    let (in_first_frame, after) = drawn_in_first_frame_and_after(600, false).await;
    assert_eq!(
        in_first_frame, 0,
        "drawn in the frame that laid the shell out"
    );
    assert!(after > 0, "never drawn");
    // The editor's preview, rebuilt in place, draws in its first frame (no frame without events).
    let (in_first_frame, after) = drawn_in_first_frame_and_after(600, true).await;
    assert!(in_first_frame > 0, "not drawn in its first frame");
    assert_eq!(in_first_frame, after);
    // A short story is always drawn in its first frame.
    let (in_first_frame, _) = drawn_in_first_frame_and_after(40, false).await;
    assert!(
        in_first_frame > 0,
        "a short story waited for a task of its own"
    );
}

/// The standard library's hash keys are the same on every load here, so reading a story first
/// seeds the maps that hold its text from the page's random numbers (`core::text_hash`).
#[wasm_bindgen_test]
fn reading_a_story_seeds_the_maps_of_its_text() {
    assert!(read_document(STORY).is_ok());
    assert!(storyline::core::text_hash::text_hashing_is_seeded());
}
