//! HTML from other formats to Storyline text: paragraphs and `[label](url)` links, nothing else.
//!
//! Imported text is never passed through as HTML. This reads just enough of it to keep what a
//! reader needs (paragraph breaks, web links, the words) and drops the rest, including scripts.
//! The HTML is hostile input: every index here is a byte offset found by searching for an ASCII
//! byte, so every slice falls on a character boundary, and every loop moves forward, so the work
//! is linear in the input.

use crate::text::{is_web_url, Inline};

/// Converts HTML to Storyline event text: paragraphs separated by blank lines, with links in
/// Storyline's `[label](url)` syntax. Links whose address is not http(s) keep their words and
/// are listed in `refused`.
pub fn to_plain_text(html: &str, refused: &mut Vec<String>) -> String {
    let read = read(html);
    let mut writer = Writer {
        addresses: read.hrefs.iter().map(|href| web_address(href)).collect(),
        hrefs: read.hrefs,
        refused,
        // Repeating a link's address (in each paragraph it spans, beside each bracket in its
        // label) is the only way output can grow faster than input; the extra is capped at the
        // input's size, after which the words stay plain.
        budget: html.len(),
        last_linked: None,
        last_refused: None,
    };
    let written: Vec<String> = read
        .paragraphs
        .into_iter()
        .map(|paragraph| writer.paragraph(paragraph))
        .filter(|text| !text.is_empty())
        .collect();
    written.join("\n\n")
}

/// Converts HTML to plain words on one line, for titles, captions and credits, which show no
/// links: a link keeps its words only.
pub fn to_words(html: &str) -> String {
    let mut words = String::new();
    for paragraph in read(html).paragraphs {
        let text = paragraph.words.trim();
        if text.is_empty() {
            continue;
        }
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(text);
    }
    words
}

/// HTML as read: its paragraphs, and the address of each `<a>` (kept once, however many
/// paragraphs the link spans).
struct Read {
    paragraphs: Vec<ReadParagraph>,
    hrefs: Vec<String>,
}

/// A paragraph's words as a reader sees them, and which stretches of them are links.
#[derive(Default)]
struct ReadParagraph {
    words: String,
    /// Byte ranges of `words`, in order and not overlapping, each with the index of its `<a>`
    /// in `Read::hrefs`.
    links: Vec<(usize, usize, usize)>,
}

/// An `<a>` whose end has not been seen: its index and where its words start.
struct OpenLink {
    index: usize,
    start: usize,
}

/// Elements a browser shows on lines of their own: their tags end a paragraph.
const BLOCKS: [&str; 28] = [
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "tr",
    "hr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "dl",
    "dt",
    "dd",
    "aside",
    "address",
];

/// Elements whose content a browser does not show; their content is not even read as HTML.
const HIDDEN: [&str; 8] = [
    "script", "style", "template", "noscript", "iframe", "noembed", "noframes", "title",
];

/// Reads HTML into paragraphs of words and link stretches.
fn read(html: &str) -> Read {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut paragraphs = Vec::new();
    let mut current = ReadParagraph::default();
    let mut link: Option<OpenLink> = None;
    let mut hrefs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'<' {
            let end = find_byte(bytes, at, b'<').unwrap_or(bytes.len());
            push_text(&mut current.words, &decode_entities(&html[at..end]));
            at = end;
            continue;
        }
        let next = bytes.get(at + 1).copied();
        let after_slash = bytes.get(at + 2).copied();
        match next {
            Some(b'!') if lower[at..].starts_with("<!--") => {
                // A comment runs to `-->`, or to the end when it is never closed (as in a browser).
                at = lower[at + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |end| at + 4 + end + 3);
            }
            Some(b'!' | b'?') => at = after_byte(bytes, at, b'>'),
            Some(b'/') if !after_slash.is_some_and(|b| b.is_ascii_alphabetic()) => {
                at = after_byte(bytes, at, b'>');
            }
            Some(letter) if letter.is_ascii_alphabetic() || letter == b'/' => {
                let Some(tag) = read_tag(html, &lower, at) else {
                    // A tag cut off by the end of the text shows nothing, as in a browser.
                    break;
                };
                at = tag.end;
                if tag.closing {
                    if tag.name == "a" {
                        if let Some(open) = link.take() {
                            close_link(&mut current, open);
                        }
                    } else if BLOCKS.contains(&tag.name) {
                        break_paragraph(&mut paragraphs, &mut current, &mut link);
                    }
                    continue;
                }
                if HIDDEN.contains(&tag.name) {
                    // Skip to the matching end tag; a hidden element never closed hides the rest.
                    let end_tag = format!("</{}", tag.name);
                    at = lower[at..]
                        .find(&end_tag)
                        .map_or(bytes.len(), |end| at + end);
                } else if tag.name == "a" {
                    // A browser closes an open link before it starts another.
                    if let Some(open) = link.take() {
                        close_link(&mut current, open);
                    }
                    link = tag.href.map(|href| {
                        hrefs.push(href);
                        OpenLink {
                            index: hrefs.len() - 1,
                            start: current.words.len(),
                        }
                    });
                } else if BLOCKS.contains(&tag.name) {
                    break_paragraph(&mut paragraphs, &mut current, &mut link);
                } else if tag.name == "td" || tag.name == "th" {
                    push_text(&mut current.words, " ");
                }
            }
            // A '<' that starts no tag is text.
            _ => {
                push_text(&mut current.words, "<");
                at += 1;
            }
        }
    }
    if let Some(open) = link.take() {
        close_link(&mut current, open);
    }
    paragraphs.push(current);
    Read { paragraphs, hrefs }
}

/// Ends the paragraph; a link still open carries on into the next one with its words there.
fn break_paragraph(
    paragraphs: &mut Vec<ReadParagraph>,
    current: &mut ReadParagraph,
    link: &mut Option<OpenLink>,
) {
    if let Some(open) = link.as_mut() {
        current
            .links
            .push((open.start, current.words.len(), open.index));
        open.start = 0;
    }
    paragraphs.push(std::mem::take(current));
}

fn close_link(current: &mut ReadParagraph, open: OpenLink) {
    current
        .links
        .push((open.start, current.words.len(), open.index));
}

/// Writes paragraphs in Storyline's text syntax, remembering which links it has written.
struct Writer<'r> {
    hrefs: Vec<String>,
    /// Each `<a>`'s address as written in Storyline text, or `None` when it is refused.
    addresses: Vec<Option<String>>,
    refused: &'r mut Vec<String>,
    budget: usize,
    /// The index of the last `<a>` written as a link, and of the last one refused.
    last_linked: Option<usize>,
    last_refused: Option<usize>,
}

impl Writer<'_> {
    fn paragraph(&mut self, paragraph: ReadParagraph) -> String {
        let words = paragraph.words.as_str();
        let mut inlines: Vec<Inline> = Vec::new();
        let mut written_up_to = 0;
        for (start, end, number) in paragraph.links {
            push_plain(&mut inlines, &words[written_up_to..start]);
            written_up_to = end;
            let stretch = &words[start..end];
            let Some(url) = &self.addresses[number] else {
                let href = &self.hrefs[number];
                if self.last_refused != Some(number) && !href.trim().is_empty() {
                    self.refused.push(href.clone());
                }
                self.last_refused = Some(number);
                push_plain(&mut inlines, stretch);
                continue;
            };
            // Storyline's link syntax cannot hold brackets in a label: the words between
            // brackets are linked and the brackets stay beside them as text.
            let mut pieces = stretch.split(['[', ']']).peekable();
            let mut bracket_at = 0;
            while let Some(piece) = pieces.next() {
                bracket_at += piece.len();
                let label = piece.trim();
                let repeated = self.last_linked == Some(number);
                if label.is_empty() || (repeated && self.budget < url.len()) {
                    push_plain(&mut inlines, piece);
                } else {
                    if repeated {
                        self.budget -= url.len();
                    }
                    self.last_linked = Some(number);
                    push_plain(
                        &mut inlines,
                        &piece[..piece.len() - piece.trim_start().len()],
                    );
                    inlines.push(Inline::Link {
                        label: label.to_string(),
                        url: url.clone(),
                    });
                    push_plain(&mut inlines, &piece[piece.trim_end().len()..]);
                }
                if pieces.peek().is_some() {
                    push_plain(&mut inlines, &stretch[bracket_at..bracket_at + 1]);
                    bracket_at += 1;
                }
            }
        }
        push_plain(&mut inlines, &words[written_up_to..]);
        let mut text = String::new();
        for inline in inlines {
            match inline {
                // Text that happens to read as Storyline's link syntax (`[x](y)`) must stay
                // text: an invisible word joiner between `]` and `(` keeps it from being a link.
                Inline::Text(plain) => text.push_str(&plain.replace("](", "]\u{2060}(")),
                Inline::Link { label, url } => {
                    text.push('[');
                    text.push_str(&label);
                    text.push_str("](");
                    text.push_str(&url);
                    text.push(')');
                }
            }
        }
        text.trim().to_string()
    }
}

fn push_plain(inlines: &mut Vec<Inline>, text: &str) {
    match inlines.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(text),
        _ => inlines.push(Inline::Text(text.to_string())),
    }
}

/// The address as it can stand in `[label](url)`: http(s) only, with the characters Storyline's
/// link syntax or its address check cannot hold percent-encoded (as a browser sends them), or
/// `None` when it is not a web address.
fn web_address(href: &str) -> Option<String> {
    // Browsers drop tabs and line breaks anywhere in an address and spaces around it.
    let href: String = href
        .trim_matches(|c: char| c == ' ' || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme_end = href.find("://")? + 3;
    let host_end = href[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(href.len(), |end| scheme_end + end);
    let (origin, path) = href.split_at(host_end);
    if origin[scheme_end..].contains(|c: char| needs_encoding(c) || c.is_whitespace()) {
        return None;
    }
    let mut url = origin.to_string();
    for c in path.chars() {
        if needs_encoding(c) || c.is_whitespace() {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                url.push_str(&format!("%{byte:02X}"));
            }
        } else {
            url.push(c);
        }
    }
    is_web_url(&url).then_some(url)
}

fn needs_encoding(c: char) -> bool {
    c.is_control() || matches!(c, '(' | ')' | '"' | '<' | '>' | '[' | ']')
}

/// A start or end tag: its lowercase name, whether it closes, an `<a>`'s `href` and where the
/// tag ends (just after its `>`).
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    href: Option<String>,
    end: usize,
}

/// Reads the tag starting at `<` at byte `at`, attribute by attribute as a browser does (so a `>`
/// inside a quoted value does not end it, and `href` is only ever an attribute's name). `None`
/// when the text ends inside the tag.
fn read_tag<'a>(html: &str, lower: &'a str, at: usize) -> Option<Tag<'a>> {
    let bytes = lower.as_bytes();
    let closing = bytes.get(at + 1) == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let mut position = name_start;
    while position < bytes.len() && !is_tag_break(bytes[position]) {
        position += 1;
    }
    let name = &lower[name_start..position];
    let mut href = None;
    loop {
        while position < bytes.len()
            && (bytes[position].is_ascii_whitespace() || bytes[position] == b'/')
        {
            position += 1;
        }
        if *bytes.get(position)? == b'>' {
            break;
        }
        // An attribute's name runs to white space, `/`, `>` or `=` (a leading `=` belongs to it).
        let attribute_start = position;
        position += 1;
        while position < bytes.len() && !is_tag_break(bytes[position]) && bytes[position] != b'=' {
            position += 1;
        }
        let attribute = &lower[attribute_start..position];
        while position < bytes.len() && bytes[position].is_ascii_whitespace() {
            position += 1;
        }
        if bytes.get(position) != Some(&b'=') {
            continue;
        }
        position += 1;
        while position < bytes.len() && bytes[position].is_ascii_whitespace() {
            position += 1;
        }
        let (value_start, value_end) = match bytes.get(position)? {
            quote @ (b'"' | b'\'') => {
                let end = find_byte(bytes, position + 1, *quote)?;
                let range = (position + 1, end);
                position = end + 1;
                range
            }
            _ => {
                let start = position;
                while position < bytes.len()
                    && !bytes[position].is_ascii_whitespace()
                    && bytes[position] != b'>'
                {
                    position += 1;
                }
                (start, position)
            }
        };
        // A browser keeps the first of repeated attributes.
        if attribute == "href" && href.is_none() && name == "a" && !closing {
            href = Some(decode_entities(&html[value_start..value_end]));
        }
    }
    Some(Tag {
        name,
        closing,
        href,
        end: position + 1,
    })
}

fn is_tag_break(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == b'/' || byte == b'>'
}

fn find_byte(bytes: &[u8], from: usize, wanted: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&byte| byte == wanted)
        .map(|offset| from + offset)
}

/// Just past the next `wanted` byte from `from`, or the end of the text.
fn after_byte(bytes: &[u8], from: usize, wanted: u8) -> usize {
    find_byte(bytes, from, wanted).map_or(bytes.len(), |at| at + 1)
}

/// Adds text with runs of white space folded to one space, as a browser shows HTML, leaving
/// out control characters, which a browser does not show either.
fn push_text(current: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !current.is_empty() && !current.ends_with(' ') {
                current.push(' ');
            }
        } else if !c.is_control() {
            current.push(c);
        }
    }
}

/// Named character references a browser knows, beyond the Latin-1 ones in [`LATIN_1`].
const NAMED: [(&str, char); 38] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("minus", '\u{2212}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("OElig", '\u{0152}'),
    ("oelig", '\u{0153}'),
    ("Scaron", '\u{0160}'),
    ("scaron", '\u{0161}'),
    ("Yuml", '\u{0178}'),
    ("fnof", '\u{0192}'),
];

/// The names of U+00A0 to U+00FF, in order.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// What a browser shows for `&#128;` to `&#159;`: the Windows-1252 characters old editors meant.
const WINDOWS_1252: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{0192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02c6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8d}', '\u{017d}', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02dc}', '\u{2122}', '\u{0161}', '\u{203a}', '\u{0153}', '\u{9d}', '\u{017e}', '\u{0178}',
];

/// Decodes character references (`&amp;`, `&#8217;`, `&#x41;`) as a browser does; anything else
/// after `&` (as in `AT&T`) stays as written.
fn decode_entities(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = String::with_capacity(text.len());
    let mut copied_up_to = 0;
    let mut at = 0;
    while let Some(ampersand) = find_byte(bytes, at, b'&') {
        at = ampersand + 1;
        let Some((character, end)) = reference_at(text, ampersand) else {
            continue;
        };
        decoded.push_str(&text[copied_up_to..ampersand]);
        decoded.push(character);
        copied_up_to = end;
        at = end;
    }
    decoded.push_str(&text[copied_up_to..]);
    decoded
}

/// The character a reference starting at the `&` at byte `at` stands for, and where it ends.
fn reference_at(text: &str, at: usize) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    let start = at + 1;
    if bytes.get(start) == Some(&b'#') {
        let hex = matches!(bytes.get(start + 1), Some(b'x' | b'X'));
        let digits_start = start + 1 + usize::from(hex);
        let radix = if hex { 16 } else { 10 };
        let mut end = digits_start;
        let mut value: u32 = 0;
        while let Some(digit) = bytes.get(end).and_then(|&b| (b as char).to_digit(radix)) {
            // Past the last code point the value only needs to stay out of range.
            value = value
                .saturating_mul(radix)
                .saturating_add(digit)
                .min(0x11_0000);
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        // The semicolon is optional for numbers.
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        let character = match value {
            0 => '\u{fffd}',
            0x80..=0x9f => WINDOWS_1252[(value - 0x80) as usize],
            _ => char::from_u32(value).unwrap_or('\u{fffd}'),
        };
        return Some((character, end));
    }
    let name_length = bytes
        .get(start..)?
        .iter()
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let end = start + name_length;
    if name_length == 0 || bytes.get(end) != Some(&b';') {
        return None;
    }
    let name = &text[start..end];
    let character = NAMED
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, character)| *character)
        .or_else(|| {
            LATIN_1
                .iter()
                .position(|known| *known == name)
                .and_then(|offset| char::from_u32(0xa0 + offset as u32))
        })?;
    Some((character, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse_text;

    fn convert(html: &str) -> (String, Vec<String>) {
        let mut refused = Vec::new();
        (to_plain_text(html, &mut refused), refused)
    }

    /// What a reader of the imported text sees: each paragraph's words, links as `label<url>`.
    fn rendered(text: &str) -> Vec<String> {
        let (paragraphs, refused) = parse_text(text);
        assert!(refused.is_empty(), "{refused:?}");
        paragraphs
            .into_iter()
            .map(|paragraph| {
                paragraph
                    .into_iter()
                    .map(|inline| match inline {
                        Inline::Text(text) => text.replace('\u{2060}', ""),
                        Inline::Link { label, url } => format!("{label}<{url}>"),
                    })
                    .collect()
            })
            .collect()
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
        assert_eq!(convert("a <3 b > c").0, "a <3 b > c");
        assert_eq!(
            convert("Caf&eacute; &#146;s &#0; &#xD800; &#99999999999; &#65 &copy;").0,
            "Caf\u{e9} \u{2019}s \u{fffd} \u{fffd} \u{fffd} A \u{a9}"
        );
    }

    #[test]
    fn multi_byte_text_next_to_entities_and_tags_is_kept_whole() {
        assert_eq!(
            convert("AT&T Mobility\u{2019}s outage").0,
            "AT&T Mobility\u{2019}s outage"
        );
        assert_eq!(
            convert("&ab\u{e9}\u{e9}\u{e9}\u{e9}\u{e9};").0,
            "&ab\u{e9}\u{e9}\u{e9}\u{e9}\u{e9};"
        );
        assert_eq!(convert("&\u{1f600};&amp;\u{5d0}").0, "&\u{1f600};&\u{5d0}");
        assert_eq!(convert("<\u{e9}>\u{4e2d}<").0, "<\u{e9}>\u{4e2d}<");
        assert_eq!(to_words("<p>\u{627}&amp;</p><p>b</p>"), "\u{627}& b");
    }

    #[test]
    fn a_link_spanning_paragraphs_links_its_words_in_each() {
        let (text, refused) = convert(
            "<p><a href=\"https://example.org/a\">Read <br>the <p>whole</p> report</a> now</p>",
        );
        assert!(refused.is_empty());
        assert_eq!(
            rendered(&text),
            [
                "Read<https://example.org/a>",
                "the<https://example.org/a>",
                "whole<https://example.org/a>",
                "report<https://example.org/a> now",
            ]
        );
        // A link never closed runs to the end; a second link closes the first.
        let (text, _) = convert("<a href=https://a.org>one <a href=https://b.org>two");
        assert_eq!(rendered(&text), ["one<https://a.org> two<https://b.org>"]);
        // A refused link spanning paragraphs is reported once.
        let (text, refused) = convert("<a href=\"javascript:x\">a<br>b</a>");
        assert_eq!(rendered(&text), ["a", "b"]);
        assert_eq!(refused, ["javascript:x"]);
    }

    #[test]
    fn brackets_in_labels_and_parentheses_in_addresses_keep_the_link_whole() {
        let (text, _) = convert(
            "See <a href=\"https://en.wikipedia.org/wiki/Mercury_(planet)\">Mercury [planet]</a> (or [x](y)).",
        );
        assert_eq!(
            rendered(&text),
            ["See Mercury<https://en.wikipedia.org/wiki/Mercury_%28planet%29> [planet<https://en.wikipedia.org/wiki/Mercury_%28planet%29>] (or [x](y))."]
        );
        let (text, _) = convert("<a href='https://x.org/a b\"c'>]](</a>");
        assert_eq!(rendered(&text), ["]](<https://x.org/a%20b%22c>"]);
        // Many brackets in one label cannot multiply a long address without bound.
        let url = format!("https://example.org/{}", "x".repeat(1_000));
        let html = format!("<a href=\"{url}\">{}</a>", "[w]".repeat(2_000));
        let (text, _) = convert(&html);
        assert!(text.len() <= 3 * html.len(), "{}", text.len());
        let words = rendered(&text)[0].replace(&format!("<{url}>"), "");
        assert_eq!(words, "[w]".repeat(2_000));
        let (text, _) = convert("<a href='https://x.org/q?a=1&amp;b=[2]'>a</a>");
        assert_eq!(rendered(&text), ["a<https://x.org/q?a=1&b=%5B2%5D>"]);
    }

    #[test]
    fn href_is_read_only_as_an_attribute_name() {
        let (text, refused) = convert(
            "<a data-href=\"https://evil.example\" title='href=https://evil.example' href=\"https://good.example\" href=\"https://second.example\">x</a>",
        );
        assert_eq!(rendered(&text), ["x<https://good.example>"]);
        assert!(refused.is_empty());
        let (text, _) = convert("<a data-href=\"https://evil.example\">x</a>");
        assert_eq!(text, "x");
        let (text, _) = convert("<a title=\"a > b\" href = 'https://ok.example' >x</a>");
        assert_eq!(rendered(&text), ["x<https://ok.example>"]);
    }

    #[test]
    fn hidden_and_unfinished_markup_shows_nothing() {
        assert_eq!(convert("a<script>x<p>y</p></SCRIPT >b").0, "ab");
        assert_eq!(convert("a<!-- <p>hidden --> b").0, "a b");
        assert_eq!(convert("a<style>").0, "a");
        assert_eq!(convert("a<a href=\"https://x.org").0, "a");
        assert_eq!(convert("a</ b>c<!doctype html>d").0, "acd");
    }

    #[test]
    fn a_link_over_many_paragraphs_cannot_blow_up_the_text() {
        let url = format!("https://example.org/{}", "x".repeat(1_000));
        let html = format!("<a href=\"{url}\">{}</a>", "w<br>".repeat(2_000));
        let (text, _) = convert(&html);
        assert!(text.len() <= 3 * html.len(), "{}", text.len());
        assert_eq!(rendered(&text).len(), 2_000);
    }
}
