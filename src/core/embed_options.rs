//! Options of an embedded timeline, read from `data-*` attributes or iframe query parameters.

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
    /// The starting view in the syntax of a shareable link's fragment.
    pub view: String,
    pub deep_link: bool,
    pub lang: Option<String>,
    /// The reserved height in pixels (the loader reserves it before any wasm runs; it is read here
    /// to warn about values it cannot use).
    pub height: Option<u32>,
}

impl EmbedOptions {
    /// Reads name/value pairs (`src`, `height`, `theme`, `start`, `from`, `to`, `categories`,
    /// `deep-link`, `lang`; `inline` carries inline JSON). Returns warnings for unusable values.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (EmbedOptions, Vec<String>) {
        let mut options = EmbedOptions::default();
        let mut warnings = Vec::new();
        let mut view = Vec::new();
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
                "start" if !value.is_empty() => view.push(format!("event={value}")),
                "from" if !value.is_empty() => view.push(format!("from={value}")),
                "to" if !value.is_empty() => view.push(format!("to={value}")),
                "categories" => view.push(format!("cats={}", value.replace(' ', ""))),
                "deep-link" | "deepLink" => options.deep_link = matches!(value, "" | "true" | "on" | "yes"),
                "lang" if !value.is_empty() => options.lang = Some(value.to_string()),
                _ => {}
            }
        }
        // Inline data wins over a URL: it is right there and cannot fail to load.
        if let Some(text) = inline {
            options.source = Some(DataSource::Inline(text));
        }
        options.view = view.join("&");
        (options, warnings)
    }
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
            options.view,
            "event=rama-visits-israel&from=2022-07&to=2022-12&cats=cyber,diplomacy"
        );
        assert!(options.deep_link);
        assert_eq!(options.lang.as_deref(), Some("sq"));
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
}
