//! The story as static, semantic HTML: what search engines, link previews, readers without
//! JavaScript and the print edition get (`storyline render --format html`).
//!
//! A fragment, no script and no style: the title and description, then every event in time order
//! as an ordered list (heading, `<time datetime>`, categories, text with its links, media as a
//! linked image or a link, sources as links). Every value is escaped; a link is written only to an
//! `http`/`https` address, with `rel="noopener noreferrer"`. Class names (all `storyline-static…`)
//! are documented in the README so a site can style the fragment.

use crate::date::{PartialDate, Precision, Seconds};
use crate::i18n::{fill, Language};
use crate::model::{Event, Media, MediaContent, Timeline};
use crate::text::{is_web_url, Inline};
use crate::words::{DateWords, WrittenDates};

/// What to render: the interface language (for the few words the fragment has, and dates) and an
/// optional window; events overlapping `[from, to)` are listed (all of them without one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StaticOptions {
    pub language: Language,
    pub window: Option<(Seconds, Seconds)>,
}

/// Escapes text for an element's content or a quoted attribute value, in HTML and in SVG alike;
/// control characters that XML cannot carry at all are left out.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            character if (character as u32) < 0x20 && !matches!(character, '\t' | '\n' | '\r') => {}
            other => out.push(other),
        }
    }
}

/// `<tag class="…">text</tag>`, the text escaped.
fn push_element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    push_escaped(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// A link to a web address, opening apart from the page; any other address is written as text.
fn push_link(out: &mut String, class: &str, url: &str, text: &str) {
    if !is_web_url(url) {
        push_escaped(out, text);
        return;
    }
    out.push_str("<a");
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push_str(" href=\"");
    push_escaped(out, url);
    out.push_str("\" rel=\"noopener noreferrer\" dir=\"auto\">");
    push_escaped(out, text);
    out.push_str("</a>");
}

/// A date as the `datetime` attribute writes it ("2022", "2022-09", "2022-09-07",
/// "2022-09-07T14:30"); none for years HTML cannot write (before 1 or after 9999).
fn machine_date(date: &PartialDate) -> Option<String> {
    let year = date.year();
    if !(1..=9_999).contains(&year) {
        return None;
    }
    let at = date.calendar();
    Some(match date.precision() {
        Precision::Year => format!("{year:04}"),
        Precision::Month => format!("{year:04}-{:02}", at.month),
        Precision::Day => format!("{year:04}-{:02}-{:02}", at.month, at.day),
        Precision::Minute | Precision::Second => format!(
            "{year:04}-{:02}-{:02}T{:02}:{:02}",
            at.month, at.day, at.hour, at.minute
        ),
    })
}

/// `<time datetime="…">words</time>`, or the words alone when no machine date can be written.
fn push_time(out: &mut String, date: &PartialDate, words: &str) {
    match machine_date(date) {
        Some(machine) => {
            out.push_str("<time datetime=\"");
            out.push_str(&machine);
            out.push_str("\">");
            push_escaped(out, words);
            out.push_str("</time>");
        }
        None => push_escaped(out, words),
    }
}

/// The story as an HTML fragment (see the module's documentation).
pub fn story_html(timeline: &Timeline, options: &StaticOptions) -> String {
    let language = options.language;
    let words = language.words();
    let mut out = String::with_capacity(512 + timeline.events.len() * 512);
    out.push_str("<article class=\"storyline-static\" lang=\"");
    out.push_str(language.tag());
    out.push_str("\" dir=\"");
    out.push_str(if language.is_right_to_left() {
        "rtl"
    } else {
        "ltr"
    });
    out.push_str("\">");
    out.push_str("<h2 class=\"storyline-static-title\" dir=\"auto\">");
    push_escaped(&mut out, &timeline.title);
    out.push_str("</h2>");
    if let Some(description) = &timeline.description {
        out.push_str("<p class=\"storyline-static-description\" dir=\"auto\">");
        push_escaped(&mut out, description);
        out.push_str("</p>");
    }
    out.push_str("<ol class=\"storyline-static-events\" aria-label=\"");
    push_escaped(&mut out, words.events);
    out.push_str("\">");
    for (index, event) in timeline.events.iter().enumerate() {
        let (start, end) = timeline.span(index);
        let shown = options
            .window
            .is_none_or(|(from, to)| start < to && end > from);
        if shown {
            push_event(&mut out, timeline, event, language);
        }
    }
    out.push_str("</ol></article>\n");
    out
}

fn push_event(out: &mut String, timeline: &Timeline, event: &Event, language: Language) {
    let words = language.words();
    let dates = WrittenDates(language);
    out.push_str("<li class=\"storyline-static-event\" id=\"storyline-event-");
    push_escaped(out, &event.id);
    out.push_str("\"><h3 class=\"storyline-static-event-title\" dir=\"auto\">");
    push_escaped(out, &event.title);
    out.push_str("</h3><p class=\"storyline-static-date\">");
    match (&event.display_date, &event.end) {
        // The journalist's own words, with the start as the machine's date.
        (Some(_), _) | (None, None) => push_time(out, &event.start, &dates.event_date(event)),
        (None, Some(end)) if end == &event.start => {
            push_time(out, &event.start, &dates.event_date(event))
        }
        // A range: the words as a reader says them ("23–25 October 2022"), on a `<time>` of
        // its start that names its end in `data-end` (HTML's `datetime` holds one date).
        (None, Some(end)) => {
            let spoken = dates.event_date(event);
            match (machine_date(&event.start), machine_date(end)) {
                (Some(from), Some(to)) => {
                    out.push_str("<time datetime=\"");
                    out.push_str(&from);
                    out.push_str("\" data-end=\"");
                    out.push_str(&to);
                    out.push_str("\">");
                    push_escaped(out, &spoken);
                    out.push_str("</time>");
                }
                _ => push_escaped(out, &spoken),
            }
        }
    }
    out.push_str("</p>");
    if !event.categories.is_empty() {
        out.push_str("<p class=\"storyline-static-categories\">");
        push_escaped(out, words.categories);
        out.push_str(": ");
        for (at, &category) in event.categories.iter().enumerate() {
            if at > 0 {
                out.push_str(", ");
            }
            push_element(
                out,
                "bdi",
                "storyline-static-category",
                &timeline.categories[category].label,
            );
        }
        out.push_str("</p>");
    }
    let paragraphs = event.paragraphs();
    if !paragraphs.is_empty() {
        out.push_str("<div class=\"storyline-static-text\" dir=\"auto\">");
        for paragraph in paragraphs {
            out.push_str("<p>");
            for piece in paragraph {
                match piece {
                    Inline::Text(text) => push_escaped(out, &text),
                    Inline::Link { label, url } => push_link(out, "", &url, &label),
                }
            }
            out.push_str("</p>");
        }
        out.push_str("</div>");
    }
    if let Some(media) = &event.media {
        push_media(out, media, &event.title, language);
    }
    if !event.sources.is_empty() {
        out.push_str("<h4 class=\"storyline-static-sources-title\">");
        push_escaped(out, words.sources);
        out.push_str("</h4><ul class=\"storyline-static-sources\">");
        for source in &event.sources {
            out.push_str("<li>");
            push_link(
                out,
                "storyline-static-source",
                &source.url,
                &source.link_text(),
            );
            if let Some(date) = &source.date {
                out.push_str(" <span class=\"storyline-static-source-date\">");
                push_time(out, date, &dates.date(date));
                out.push_str("</span>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

/// Media as a static page can show it: an image (linked to its file), a link to a video or a
/// recording (never a player: nothing is loaded from a provider), or the quoted words.
fn push_media(out: &mut String, media: &Media, title: &str, language: Language) {
    let words = language.words();
    out.push_str("<figure class=\"storyline-static-media\">");
    match &media.content {
        MediaContent::Image { url, alt, .. } if is_web_url(url) => {
            out.push_str("<a href=\"");
            push_escaped(out, url);
            out.push_str("\" rel=\"noopener noreferrer\"><img src=\"");
            push_escaped(out, url);
            out.push_str("\" alt=\"");
            push_escaped(out, alt);
            out.push_str(
                "\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\"></a>",
            );
        }
        MediaContent::Image { alt, .. } => push_escaped(out, alt),
        MediaContent::Video { video, alt, .. } => {
            let name = alt.as_deref().unwrap_or(title);
            let text = match video.provider() {
                Some(provider) => fill(words.watch_on, &[("provider", provider)]),
                None => name.to_string(),
            };
            push_link(out, "storyline-static-video", &video.page_address(), &text);
        }
        MediaContent::Audio { url, alt } => push_link(
            out,
            "storyline-static-audio",
            url,
            alt.as_deref().unwrap_or(title),
        ),
        MediaContent::Quote { text } => push_element(out, "blockquote", "", text),
    }
    let caption = [media.caption.as_deref(), media.credit.as_deref()];
    if caption.iter().any(Option::is_some) {
        out.push_str("<figcaption dir=\"auto\">");
        let mut first = true;
        for part in caption.into_iter().flatten() {
            if !first {
                out.push_str(" \u{2014} ");
            }
            push_escaped(out, part);
            first = false;
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{pseudo_random, random_timeline};
    use crate::story::Story;

    const DEMO: &str = include_str!("../../../data/albania-iran-israel.json");

    fn english() -> StaticOptions {
        StaticOptions {
            language: Language::English,
            window: None,
        }
    }

    /// The text as the fragment writes it.
    fn escaped(text: &str) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text);
        out
    }

    #[test]
    fn the_demo_story_lists_every_title_date_and_source_link_in_time_order() {
        let story = Story::read(DEMO).story.unwrap();
        let html = story_html(&story, &english());
        let mut last_at = 0;
        for event in &story.events {
            let at = html
                .find(&escaped(&event.title))
                .unwrap_or_else(|| panic!("{}", event.title));
            assert!(at >= last_at, "{} out of order", event.title);
            last_at = at;
            assert!(
                html.contains(&escaped(&english_date(event))),
                "{}",
                event.id
            );
            for source in &event.sources {
                let link = format!(
                    "href=\"{}\" rel=\"noopener noreferrer\" dir=\"auto\">{}</a>",
                    escaped(&source.url),
                    escaped(&source.link_text())
                );
                assert!(html.contains(&link), "{link}");
            }
        }
        assert!(html.contains("<time datetime=\"2022-09-07\">7 September 2022</time>"));
        assert!(html.contains(&escaped(&story.title)));
        assert_eq!(
            html.matches("<li class=\"storyline-static-event\"").count(),
            19
        );
        assert!(!html.to_lowercase().contains("<script"));
        assert!(!html.contains(" style="));
    }

    fn english_date(event: &Event) -> String {
        crate::words::ENGLISH_DATES.event_date(event)
    }

    #[test]
    fn hostile_text_is_escaped_everywhere_and_only_web_addresses_are_linked() {
        let attack = r#"<script>alert(\"x\")</script><img src=x onerror=alert(1)>'&"#;
        let json = format!(
            r##"{{"version": 1, "title": "{attack}", "description": "{attack}",
            "categories": [{{"id": "c", "label": "{attack}", "color": "#1d4ed8"}}],
            "events": [{{"id": "e", "start": "2022-07-15", "title": "{attack}", "categories": ["c"],
              "text": "{attack} and [a real one](https://example.org/?a=1&b=2'x)",
              "media": {{"url": "https://example.org/p.jpg", "alt": "{attack}", "caption": "{attack}", "credit": "{attack}"}},
              "sources": [{{"title": "{attack}", "publisher": "{attack}", "url": "https://example.org/s?q=a&b=c"}}]}}]}}"##
        );
        let outcome = Story::read(&json);
        let Some(story) = outcome.story else {
            panic!("{:#?}", outcome.problems);
        };
        let html = story_html(&story, &english());
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assert!(
            html.contains("href=\"https://example.org/?a=1&amp;b=2&#39;x\""),
            "{html}"
        );
        // The validator refuses other addresses; the renderer writes them as text all the same.
        let mut out = String::new();
        push_link(&mut out, "", "javascript:alert(1)", "<b>click</b>");
        assert_eq!(out, "&lt;b&gt;click&lt;/b&gt;");
        // Every tag in the output is one the fragment writes.
        let allowed = [
            "article",
            "h2",
            "p",
            "ol",
            "li",
            "h3",
            "time",
            "bdi",
            "span",
            "div",
            "a",
            "figure",
            "img",
            "figcaption",
            "h4",
            "ul",
            "blockquote",
        ];
        for tag in html.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(allowed.contains(&name.as_str()), "<{name} in {html}");
            // Attribute names, outside their quoted values, are the fragment's own.
            let inside = tag.split('>').next().unwrap_or_default();
            let unquoted: String = inside.split('"').step_by(2).collect::<Vec<_>>().join(" ");
            for name in unquoted
                .split([' ', '='])
                .skip(1)
                .filter(|name| !name.is_empty())
            {
                let attributes = [
                    "class",
                    "href",
                    "rel",
                    "src",
                    "alt",
                    "loading",
                    "decoding",
                    "referrerpolicy",
                    "datetime",
                    "data-end",
                    "id",
                    "lang",
                    "dir",
                    "aria-label",
                ];
                assert!(attributes.contains(&name), "attribute {name} in <{inside}>");
            }
        }
    }

    #[test]
    fn a_window_lists_only_the_events_in_it_and_rendering_is_deterministic() {
        crate::i18n::load_every_language();
        let story = Story::read(DEMO).story.unwrap();
        let seconds = |date: &str| PartialDate::parse(date).unwrap().start_seconds();
        let options = StaticOptions {
            language: Language::English,
            window: Some((seconds("2022-09"), seconds("2022-10"))),
        };
        let html = story_html(&story, &options);
        assert!(html.contains("severs diplomatic ties"));
        assert!(!html.contains("joins NATO"));
        assert!(!html.contains("visits Israel"));
        assert_eq!(story_html(&story, &options), html);
        // Another language: its words and month names, and its direction.
        let hebrew = story_html(
            &story,
            &StaticOptions {
                language: Language::Hebrew,
                window: None,
            },
        );
        assert!(hebrew.starts_with("<article class=\"storyline-static\" lang=\"he\" dir=\"rtl\">"));
        assert!(hebrew.contains(Language::Hebrew.words().sources));
        let persian = story_html(
            &story,
            &StaticOptions {
                language: Language::Persian,
                window: None,
            },
        );
        assert!(persian.starts_with("<article class=\"storyline-static\" lang=\"fa\" dir=\"rtl\">"));
        assert!(persian.contains("۷ سپتامبر ۲۰۲۲"));
    }

    #[test]
    fn generated_stories_with_multi_byte_text_never_panic_and_stay_balanced() {
        let mut seed = 7;
        let mut story = random_timeline(300, &mut seed);
        let pieces = [
            "ש",
            "é",
            "🙂",
            "<",
            "&",
            "\"",
            "[x](https://e.org/ש)",
            "\n\n",
            "a",
        ];
        for event in &mut story.events {
            let length = (pseudo_random(&mut seed) * 12.0) as usize;
            event.title = (0..length)
                .map(|_| pieces[(pseudo_random(&mut seed) * pieces.len() as f64) as usize])
                .collect();
            event.text = event.title.repeat(3);
        }
        let html = story_html(&story, &english());
        for tag in ["li", "p", "ol", "h3", "div", "a", "time"] {
            let open = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
        }
        assert_eq!(
            html.matches("<li class=\"storyline-static-event\"").count(),
            300
        );
    }
}
