//! HTML from other formats to Storyline text: paragraphs and `[label](url)` links, nothing else.
//!
//! Imported text is never passed through as HTML. This reads just enough of it to keep what a
//! reader needs (paragraph breaks, web links, the words) and drops the rest, including scripts.

use crate::core::text::is_web_url;

/// Converts HTML to Storyline text. Links whose address is not http(s) keep their words and
/// are listed in `refused`.
pub fn to_plain_text(html: &str, refused: &mut Vec<String>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // An open link: its address and where its words start in `current`.
    let mut link: Option<(String, usize)> = None;
    let mut skipping: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let Some(end) = after.find('>') else {
                // A lone '<' is text.
                push_text(&mut current, "<");
                rest = after;
                continue;
            };
            let tag = &after[..end];
            rest = &after[end + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(skipped) = &skipping {
                if closing && &name == skipped {
                    skipping = None;
                }
                continue;
            }
            match name.as_str() {
                "script" | "style" | "template" if !closing => skipping = Some(name),
                "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "blockquote" | "ul" | "ol" | "tr" => {
                    end_paragraph(&mut paragraphs, &mut current);
                }
                "a" if !closing => {
                    link =
                        attribute(tag, "href").map(|href| (decode_entities(&href), current.len()));
                }
                "a" => {
                    if let Some((href, start)) = link.take() {
                        let label = current[start..].trim().to_string();
                        current.truncate(start);
                        if is_web_url(&href) && !label.is_empty() {
                            current.push_str(&format!("[{label}]({href})"));
                        } else {
                            if !href.is_empty() {
                                refused.push(href);
                            }
                            current.push_str(&label);
                        }
                    }
                }
                _ => {}
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if skipping.is_none() {
                push_text(&mut current, &decode_entities(&rest[..end]));
            }
            rest = &rest[end..];
        }
    }
    end_paragraph(&mut paragraphs, &mut current);
    paragraphs.join("\n\n")
}

/// Adds text with runs of white space folded to one space, as a browser shows HTML.
fn push_text(current: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
        } else {
            current.push(c);
        }
    }
}

fn end_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    let text = current.trim();
    if !text.is_empty() {
        paragraphs.push(text.to_string());
    }
    current.clear();
}

/// The value of `name="..."` (or single-quoted) in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let (quote, value) = match value.chars().next()? {
        quote @ ('"' | '\'') => (Some(quote), &value[1..]),
        _ => (None, value),
    };
    let end = match quote {
        Some(quote) => value.find(quote)?,
        None => value.find(char::is_whitespace).unwrap_or(value.len()),
    };
    Some(value[..end].trim().to_string())
}

fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            decoded.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let character = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('\u{2013}'),
            "mdash" => Some('\u{2014}'),
            "rsquo" => Some('\u{2019}'),
            "lsquo" => Some('\u{2018}'),
            "ldquo" => Some('\u{201c}'),
            "rdquo" => Some('\u{201d}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| {
                    entity
                        .strip_prefix('#')
                        .and_then(|decimal| decimal.parse().ok())
                })
                .and_then(char::from_u32),
        };
        match character {
            Some(character) => {
                decoded.push(character);
                rest = &rest[end + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(html: &str) -> (String, Vec<String>) {
        let mut refused = Vec::new();
        (to_plain_text(html, &mut refused), refused)
    }

    #[test]
    fn paragraphs_and_links_survive_the_rest_does_not() {
        let (text, refused) = convert(
            "<p>Albania <b>cut</b> ties.</p><p>See <a href=\"https://apnews.com/x\" target=_blank>AP</a> &amp; \
             <a href='javascript:alert(1)'>this</a>.<br>Next</p><script>alert(1)</script><img src=x onerror=alert(1)>",
        );
        assert_eq!(
            text,
            "Albania cut ties.\n\nSee [AP](https://apnews.com/x) & this.\n\nNext"
        );
        assert_eq!(refused, ["javascript:alert(1)"]);
    }

    #[test]
    fn entities_and_white_space_read_as_a_browser_shows_them() {
        let (text, _) = convert("  Rama&#8217;s   visit&nbsp;&ndash; 3&lt;4 &unknown; &#x41;\n");
        assert_eq!(text, "Rama\u{2019}s visit \u{2013} 3<4 &unknown; A");
        assert_eq!(convert("a < b").0, "a < b");
    }
}
