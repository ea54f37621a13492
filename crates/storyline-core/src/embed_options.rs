//! Options of an embedded timeline, read from `data-*` attributes or iframe query parameters.

use super::url_state::InitialView;

/// Where an embed's data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    Url(String),
    /// JSON written inside the embed element (`<script type="application/json">`).
    Inline(String),
}

/// Everything an embed can be told, already checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    pub source: Option<DataSource>,
    /// "light", "dark" or "auto"; checked by the UI, which owns themes.
    pub theme: Option<String>,
    /// The starting view, as the options write it (checked against the story once it is read).
    pub initial: InitialView,
    pub deep_link: bool,
    pub lang: Option<String>,
    /// The reserved height in pixels (the loader reserves it before any wasm runs; it is read here
    /// to warn about values it cannot use).
    pub height: Option<u32>,
}

impl EmbedOptions {
    /// Reads name/value pairs (`src`, `height`, `theme`, `start`, `from`, `to`, `categories`,
    /// `deep-link`, `lang`, `title-card`, `breaks`; `inline` carries inline JSON). Returns warnings for unusable values.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (EmbedOptions, Vec<String>) {
        let mut options = EmbedOptions::default();
        let mut warnings = Vec::new();
        let mut inline = None;
        for (name, value) in pairs {
            let value = value.trim();
            match name {
                "src" if !value.is_empty() => options.source = Some(DataSource::Url(value.to_string())),
                "inline" if !value.is_empty() => inline = Some(value.to_string()),
                "height" => match value.trim_end_matches("px").parse::<u32>() {
                    Ok(height) if (120..=4_000).contains(&height) => options.height = Some(height),
                    _ => warnings.push(format!("ignoring height \u{201c}{value}\u{201d}: use a number of pixels from 120 to 4000")),
                },
                "theme" => options.theme = Some(value.to_string()),
                "start" if !value.is_empty() => options.initial.event = Some(value.to_string()),
                "from" if !value.is_empty() => options.initial.from = Some(value.to_string()),
                "to" if !value.is_empty() => options.initial.to = Some(value.to_string()),
                // Present but empty shows no category, as a link's `cats=` does.
                "categories" => {
                    let ids = value.split(',').map(str::trim).filter(|id| !id.is_empty());
                    options.initial.categories = Some(ids.map(str::to_string).collect());
                }
                "deep-link" | "deepLink" => options.deep_link = matches!(value, "" | "true" | "on" | "yes"),
                "lang" if !value.is_empty() => options.lang = Some(value.to_string()),
                "title-card" | "titleCard" => match value {
                    "" | "true" | "on" | "yes" => options.initial.title_card = Some(true),
                    "false" | "off" | "no" => options.initial.title_card = Some(false),
                    _ => warnings.push(format!("ignoring title-card \u{201c}{}\u{201d}: use true or false", clip_value(value))),
                },
                "breaks" => match value {
                    "" | "true" | "on" | "yes" => options.initial.breaks = Some(true),
                    "false" | "off" | "no" => options.initial.breaks = Some(false),
                    _ => warnings.push(format!("ignoring breaks \u{201c}{}\u{201d}: use true or false", clip_value(value))),
                },
                _ => {}
            }
        }
        // Inline data wins over a URL: it is right there and cannot fail to load.
        if let Some(text) = inline {
            options.source = Some(DataSource::Inline(text));
        }
        (options, warnings)
    }
}

/// An option's value as a warning quotes it: at most 40 characters.
fn clip_value(value: &str) -> String {
    let mut chars = value.chars();
    let clipped: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        clipped + "\u{2026}"
    } else {
        clipped
    }
}

/// Shown in place of a timeline whose data address is not http or https (`data:`,
/// `javascript:`, `blob:`, `file:`...). It does not repeat the address: a `data:` address *is* its
/// content, so echoing it would print a stranger's words in the publisher's box.
pub const NOT_A_WEB_ADDRESS: &str = "This timeline\u{2019}s data address is not a web address (http or https), so it was not loaded.";

/// Shown in place of a timeline whose data address cannot be read as an address at all.
pub const UNREADABLE_ADDRESS: &str =
    "This timeline\u{2019}s data address could not be read as a web address, so it was not loaded.";

/// The longest address shown in a message, in characters; longer ones are cut with an ellipsis.
pub const SHOWN_ADDRESS_CHARS: usize = 80;

/// Whether `resolved` (an absolute address as the browser's URL parser writes it) is one the
/// embed may fetch: `http:` or `https:` only.
pub fn is_web_address(resolved: &str) -> bool {
    resolved.split_once(':').is_some_and(|(scheme, _)| {
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    })
}

/// An address as a message may show it: in quotes, without control or direction-changing
/// characters, and cut to `SHOWN_ADDRESS_CHARS` characters, so that an address chosen by someone
/// else reads as an address and not as the publisher's own words.
pub fn quoted_address(address: &str) -> String {
    let is_hidden_or_reordering = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    let mut shown: String = address
        .chars()
        .filter(|c| !is_hidden_or_reordering(*c))
        .take(SHOWN_ADDRESS_CHARS + 1)
        .collect();
    if shown.chars().count() > SHOWN_ADDRESS_CHARS {
        shown = shown.chars().take(SHOWN_ADDRESS_CHARS - 1).collect();
        shown.push('\u{2026}');
    }
    format!("\u{201c}{shown}\u{201d}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let (options, warnings) = EmbedOptions::from_pairs([
            ("src", "/timelines/albania.json"),
            ("height", "480"),
            ("theme", "dark"),
            ("start", "rama-visits-israel"),
            ("from", "2022-07"),
            ("to", "2022-12"),
            ("categories", "cyber, diplomacy"),
            ("deep-link", "true"),
            ("lang", "sq"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(
            options.source,
            Some(DataSource::Url("/timelines/albania.json".into()))
        );
        assert_eq!(options.height, Some(480));
        assert_eq!(options.theme.as_deref(), Some("dark"));
        assert_eq!(
            options.initial,
            InitialView {
                event: Some("rama-visits-israel".into()),
                categories: Some(vec!["cyber".into(), "diplomacy".into()]),
                from: Some("2022-07".into()),
                to: Some("2022-12".into()),
                title_card: None,
                breaks: None,
            }
        );
        assert!(options.deep_link);
        assert_eq!(options.lang.as_deref(), Some("sq"));
    }

    #[test]
    fn the_title_card_option_turns_the_card_on_or_off_and_warns_about_other_values() {
        let (on, warnings) = EmbedOptions::from_pairs([("title-card", "")]);
        assert_eq!((on.initial.title_card, warnings.len()), (Some(true), 0));
        let (off, _) = EmbedOptions::from_pairs([("titleCard", "false")]);
        assert_eq!(off.initial.title_card, Some(false));
        let (odd, warnings) =
            EmbedOptions::from_pairs([("title-card", "\u{5e9}".repeat(100).as_str())]);
        assert_eq!(odd.initial.title_card, None);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].chars().count() < 100, "{}", warnings[0]);
        let (absent, _) = EmbedOptions::from_pairs([("src", "a.json")]);
        assert_eq!(absent.initial.title_card, None);
    }

    #[test]
    fn the_breaks_option_turns_breaks_on_or_off_and_warns_about_other_values() {
        let (off, warnings) = EmbedOptions::from_pairs([("breaks", "off")]);
        assert_eq!((off.initial.breaks, warnings.len()), (Some(false), 0));
        let (on, _) = EmbedOptions::from_pairs([("breaks", "true")]);
        assert_eq!(on.initial.breaks, Some(true));
        let (odd, warnings) = EmbedOptions::from_pairs([("breaks", "sometimes")]);
        assert_eq!((odd.initial.breaks, warnings.len()), (None, 1));
        assert_eq!(
            EmbedOptions::from_pairs([("src", "a.json")])
                .0
                .initial
                .breaks,
            None
        );
    }

    #[test]
    fn an_empty_categories_option_shows_none_and_absent_options_leave_the_view_alone() {
        let (options, _) =
            EmbedOptions::from_pairs([("categories", " "), ("start", ""), ("from", " ")]);
        assert_eq!(
            options.initial,
            InitialView {
                categories: Some(vec![]),
                ..InitialView::default()
            }
        );
        let (options, _) = EmbedOptions::from_pairs([("src", "a.json")]);
        assert_eq!(options.initial, InitialView::default());
    }

    #[test]
    fn deep_links_are_off_unless_asked_for_and_inline_data_wins() {
        let (options, _) =
            EmbedOptions::from_pairs([("src", "a.json"), ("inline", "{\"version\": 1}")]);
        assert!(!options.deep_link);
        assert_eq!(
            options.source,
            Some(DataSource::Inline("{\"version\": 1}".into()))
        );
        let (options, _) = EmbedOptions::from_pairs([("deep-link", "false")]);
        assert!(!options.deep_link);
        assert_eq!(options.source, None);
    }

    #[test]
    fn bad_heights_are_ignored_with_a_warning() {
        for bad in ["tall", "-5", "10", "99999"] {
            let (options, warnings) = EmbedOptions::from_pairs([("height", bad)]);
            assert_eq!(options.height, None, "{bad}");
            assert_eq!(warnings.len(), 1);
        }
        assert_eq!(
            EmbedOptions::from_pairs([("height", "600px")]).0.height,
            Some(600)
        );
    }

    #[test]
    fn only_http_and_https_addresses_are_web_addresses() {
        for good in [
            "http://example.org/a.json",
            "https://example.org/a.json",
            "HTTPS://EXAMPLE.ORG/",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "data:application/json,{}",
            "javascript:alert(1)",
            "blob:https://example.org/0b3c",
            "file:///etc/passwd",
            "ftp://example.org/a.json",
            "httpx://example.org/",
            "/relative/a.json",
            "",
            "\u{e9}t\u{e9}:",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn addresses_are_shown_quoted_cut_and_without_hidden_characters() {
        assert_eq!(
            quoted_address("https://example.org/a.json"),
            "\u{201c}https://example.org/a.json\u{201d}"
        );
        let long = format!("https://example.org/{}", "\u{e9}crit-".repeat(100));
        let shown = quoted_address(&long);
        let inside: Vec<char> = shown.chars().skip(1).collect();
        assert_eq!(inside.len(), SHOWN_ADDRESS_CHARS + 1, "{shown}");
        assert!(shown.ends_with("\u{2026}\u{201d}"));
        assert!(shown.starts_with("\u{201c}https://example.org/\u{e9}crit-"));
        assert_eq!(
            quoted_address("https://x/\u{202e}gpj.exe\n\u{1b}[2J"),
            "\u{201c}https://x/gpj.exe[2J\u{201d}"
        );
        // Exactly at the limit: nothing is cut.
        let exact = "a".repeat(SHOWN_ADDRESS_CHARS);
        assert_eq!(quoted_address(&exact), format!("\u{201c}{exact}\u{201d}"));
    }
}
