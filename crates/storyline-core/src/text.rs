//! Event text as journalists write it: plain paragraphs with `[label](https://...)` links, never HTML.

/// A piece of a paragraph: plain text, or a link whose address is known to be http(s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Link { label: String, url: String },
}

pub type Paragraph = Vec<Inline>;

/// A link in the text whose address is not allowed (it is shown as plain text instead).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedLink {
    pub label: String,
    pub url: String,
}

/// True for absolute `http://` or `https://` addresses with a host and no user part, spaces or
/// control characters; everything else (`javascript:`, `data:`, relative paths) is refused.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_length = if lower.starts_with("https://") {
        8
    } else if lower.starts_with("http://") {
        7
    } else {
        return false;
    };
    let rest = url.get(scheme_length..).unwrap_or_default();
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // No user part: `https://apnews.com@evil.example` reads as AP but goes to evil.example.
    !host.is_empty()
        && !host.contains('@')
        && !host.starts_with(['.', ':'])
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Which way a piece of text reads, decided as `dir="auto"` decides it: by its first strong
/// character. `Some(true)` is right to left (Hebrew, Arabic, Persian, Syriac, Thaana, N'Ko...),
/// `Some(false)` left to right, and `None` when it has no letter at all (digits, punctuation,
/// emoji), where the text takes the direction around it. Characters inside a directional isolate
/// are skipped, as the Unicode bidirectional algorithm skips them.
pub fn reads_right_to_left(text: &str) -> Option<bool> {
    let mut isolates = 0_usize;
    for character in text.chars() {
        match character {
            // LRI, RLI and FSI open an isolate; PDI closes one.
            '\u{2066}'..='\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ if isolates > 0 => {}
            _ => {
                if let Some(right_to_left) = strong_direction(character) {
                    return Some(right_to_left);
                }
            }
        }
    }
    None
}

/// The direction a character imposes, if it is a strong one: letters and the explicit marks.
///
/// The letters are told by script blocks rather than by Unicode's full tables, which would weigh
/// more in the reader's download than the rest of this module: a block's digits and marks count as
/// its letters, which only matters for a title that begins with one.
fn strong_direction(character: char) -> Option<bool> {
    match u32::from(character) {
        0x41..=0x5A | 0x61..=0x7A | 0x200E => Some(false),
        // RLM and ALM.
        0x200F | 0x061C => Some(true),
        // Inside the right-to-left blocks, digits, number signs, the Arabic comma and percent,
        // and the combining marks (Hebrew points, Arabic harakat) are not strong.
        0x0591..=0x05BD
        | 0x05BF
        | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5
        | 0x05C7
        | 0x0600..=0x0605
        | 0x060C
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0660..=0x066C
        | 0x0670
        | 0x06D6..=0x06E4
        | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED
        | 0x06F0..=0x06F9 => None,
        // Hebrew to Arabic Extended-A, the Hebrew and Arabic presentation forms, and the
        // right-to-left blocks beyond the basic plane.
        0x0591..=0x08FF
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFC
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF => Some(true),
        // Latin-1 letters (not × and ÷), Latin Extended to Greek, Cyrillic and Armenian; the
        // Indic to Georgian and Ethiopic blocks; Cherokee to Mongolian; Georgian Mtavruli; Latin
        // Extended Additional and Greek Extended; Glagolitic and Latin Extended-C; Georgian
        // Supplement and Tifinagh; kana, CJK, Yi and Hangul; Cyrillic Extended-B, Latin
        // Extended-D and -E; the Latin ligatures; full-width Latin; mathematical letters.
        0xC0..=0xD6
        | 0xD8..=0xF6
        | 0xF8..=0x02AF
        | 0x0370..=0x058F
        | 0x0900..=0x137F
        | 0x13A0..=0x18AF
        | 0x1C90..=0x1CBF
        | 0x1E00..=0x1FFF
        | 0x2C00..=0x2C7F
        | 0x2D00..=0x2D7F
        | 0x3040..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA640..=0xA69F
        | 0xA722..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0xAC00..=0xD7AF
        | 0xFB00..=0xFB06
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A
        | 0x1D400..=0x1D7CB => Some(false),
        _ => None,
    }
}

/// Splits text into paragraphs at blank lines and finds the links in each. Single line breaks
/// inside a paragraph become spaces, so text pasted from a narrow editor reads as one paragraph.
pub fn parse_text(text: &str) -> (Vec<Paragraph>, Vec<RefusedLink>) {
    let mut paragraphs = Vec::new();
    let mut refused = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                let joined = current.join(" ");
                paragraphs.push(parse_inlines(&joined, &mut refused));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    (paragraphs, refused)
}

fn parse_inlines(paragraph: &str, refused: &mut Vec<RefusedLink>) -> Paragraph {
    let mut inlines = Vec::new();
    let mut plain = String::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('[') {
        let (label, url, consumed) = match link_at(&rest[open..]) {
            LinkAt::Link(label, url, consumed) => (label, url, consumed),
            LinkAt::NotBefore(skip) => {
                plain.push_str(&rest[..open + skip]);
                rest = &rest[open + skip..];
                continue;
            }
            LinkAt::NoMore => break,
        };
        plain.push_str(&rest[..open]);
        if is_web_url(url) {
            if !plain.is_empty() {
                inlines.push(Inline::Text(std::mem::take(&mut plain)));
            }
            inlines.push(Inline::Link {
                label: label.to_string(),
                url: url.to_string(),
            });
        } else {
            refused.push(RefusedLink {
                label: label.to_string(),
                url: url.to_string(),
            });
            plain.push_str(label);
        }
        rest = &rest[open + consumed..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        inlines.push(Inline::Text(plain));
    }
    inlines
}

/// What `link_at` found at a `[`.
enum LinkAt<'a> {
    /// A link: its label, its address and the bytes it takes.
    Link(&'a str, &'a str, usize),
    /// No link starts before this many bytes: every `[` in between would find the same `](`
    /// and fail the same way, so the search resumes there (which keeps it linear in the text).
    NotBefore(usize),
    /// No link can start here or later: there is no `](` ahead, or no `)` after it.
    NoMore,
}

/// Reads `[label](url)` at the start of `text`.
fn link_at(text: &str) -> LinkAt<'_> {
    let Some(close_label) = text.find("](") else {
        return LinkAt::NoMore;
    };
    let label = &text[1..close_label];
    if let Some(inner) = label.rfind('[') {
        // A later `[` nearer the `](` may still open a link; this one cannot.
        return LinkAt::NotBefore(1 + inner);
    }
    if label.is_empty() || label.contains(']') {
        return LinkAt::NotBefore(close_label.max(1));
    }
    let after = &text[close_label + 2..];
    let Some(close_url) = after.find(')') else {
        return LinkAt::NoMore;
    };
    let url = after[..close_url].trim();
    if url.is_empty() {
        return LinkAt::NotBefore(close_label);
    }
    LinkAt::Link(label, url, close_label + 2 + close_url + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_reads_the_way_of_its_first_letter() {
        for (text, expected) in [
            ("NATO accession", Some(false)),
            ("ההתקפה הקיברנטית", Some(true)),
            ("الهجوم الإلكتروني", Some(true)),
            ("حمله سایبری", Some(true)),
            ("ܫܠܡܐ", Some(true)),
            // Digits, punctuation and emoji are weak or neutral: the first letter decides.
            ("2022: ההתקפה", Some(true)),
            ("«15 July» attack", Some(false)),
            ("🙂 — 12. Ökonomie", Some(false)),
            ("٢٠٢٢ Albania", Some(false)),
            ("Ελλάδα", Some(false)),
            // Letters of scripts further afield, and the Latin ligatures.
            ("ខ្មែរ", Some(false)),
            ("ᏣᎳᎩ", Some(false)),
            ("ꆈꌠ", Some(false)),
            ("ⵜⴰⵎⴰⵣⵉⵖⵜ", Some(false)),
            ("\u{FB01}le", Some(false)),
            ("𝐀𝐁", Some(false)),
            // Arabic number signs, comma and percent, and a leading Hebrew point, are not letters.
            ("\u{0600}٪، NATO", Some(false)),
            ("\u{05B0}שלום", Some(true)),
            ("東京", Some(false)),
            ("\u{200F}2022", Some(true)),
            ("\u{200E}٢٠٢٢", Some(false)),
            // What an isolate holds does not decide: the letter after it does.
            ("\u{2067}עברית\u{2069} in English", Some(false)),
            ("\u{2066}NATO\u{2069}", None),
            ("2022 — 12:00", None),
            ("", None),
        ] {
            assert_eq!(reads_right_to_left(text), expected, "{text:?}");
        }
    }

    fn text(value: &str) -> Inline {
        Inline::Text(value.to_string())
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let (paragraphs, refused) = parse_text("First line\ncontinues.\n\n  \nSecond.");
        assert_eq!(
            paragraphs,
            vec![vec![text("First line continues.")], vec![text("Second.")]]
        );
        assert!(refused.is_empty());
    }

    #[test]
    fn finds_web_links_and_refuses_others() {
        let (paragraphs, refused) =
            parse_text("See [AP](https://apnews.com/x) and [bad](javascript:alert(1)) or [x] y.");
        assert_eq!(
            paragraphs[0],
            vec![
                text("See "),
                Inline::Link {
                    label: "AP".into(),
                    url: "https://apnews.com/x".into()
                },
                text(" and bad) or [x] y."),
            ]
        );
        assert_eq!(
            refused,
            vec![RefusedLink {
                label: "bad".into(),
                url: "javascript:alert(1".into()
            }]
        );
    }

    #[test]
    fn html_stays_text() {
        let (paragraphs, _) = parse_text("<script>alert(1)</script>");
        assert_eq!(paragraphs[0], vec![text("<script>alert(1)</script>")]);
    }

    #[test]
    fn only_http_and_https_addresses_are_web_urls() {
        assert!(is_web_url("https://www.timesofisrael.com/a/"));
        assert!(is_web_url("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "ftp://example.org",
            "//example.org",
            "/relative",
            "https://",
            "https://exa mple.org",
            "https:///path",
            "https://apnews.com@evil.example/story",
            "https://user:pass@example.org",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn brackets_that_open_no_link_stay_text_and_cost_linear_time() {
        let (paragraphs, _) =
            parse_text("[[a](https://a.example) [b]c](https://b.example) [](x) [d](");
        assert_eq!(
            paragraphs,
            [vec![
                text("["),
                Inline::Link {
                    label: "a".into(),
                    url: "https://a.example".into()
                },
                text(" [b]c](https://b.example) [](x) [d]("),
            ]]
        );
        // A megabyte of `[` before one `](`, or of `[x](` with no `)`: each `[` used to search
        // to the end of the text again (minutes); now the text is read about once.
        let started = std::time::Instant::now();
        for hostile in [
            format!("{}](https://example.org)", "[".repeat(1 << 20)),
            "[x](".repeat(1 << 18),
            "[x]]".repeat(1 << 18) + "(",
        ] {
            let (paragraphs, _) = parse_text(&hostile);
            let shown: usize = paragraphs
                .iter()
                .flatten()
                .map(|inline| match inline {
                    Inline::Text(text) => text.len(),
                    Inline::Link { label, url } => label.len() + url.len(),
                })
                .sum();
            assert!(shown <= hostile.len());
        }
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
}
