//! Finds where a JSON path (`events[3].start`) is written in the source text, as line and column.
//!
//! serde_json's values forget their positions, so once a document is known to be valid JSON this
//! scanner walks it again and records where every key and value begins. It only runs when there are
//! problems to report, so it favours simplicity over speed.

use crate::text_hash::{TextMap, TextSet};
use serde_json::Value;
use std::fmt;

/// Keys longer than this are cut when a path is shown.
pub const MAX_KEY_CHARS: usize = 60;

/// One step of a path into a JSON document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, shown as `events[3].sources[0].url`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsonPath(pub Vec<PathSegment>);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Key(key.to_string()));
        JsonPath(segments)
    }

    pub fn index(&self, index: usize) -> JsonPath {
        let mut segments = self.0.clone();
        segments.push(PathSegment::Index(index));
        JsonPath(segments)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return formatter.write_str("(top level)");
        }
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                // An empty key would vanish from the path.
                PathSegment::Key(key) if key.is_empty() => formatter.write_str("[\"\"]")?,
                PathSegment::Key(key) => {
                    if position > 0 {
                        formatter.write_str(".")?;
                    }
                    // Keys come from the data: a huge one must not make a huge message.
                    match key.char_indices().nth(MAX_KEY_CHARS) {
                        Some((end, _)) => write!(formatter, "{}\u{2026}", &key[..end])?,
                        None => formatter.write_str(key)?,
                    }
                }
                PathSegment::Index(index) => write!(formatter, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A place in the text, both counted from 1; columns count characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where the wanted keys and values of a valid JSON document begin.
#[derive(Debug, Default)]
pub struct SourceMap {
    values: TextMap<JsonPath, Position>,
    keys: TextMap<JsonPath, Position>,
}

impl SourceMap {
    /// Scans `text`, which must already be known to parse as JSON, recording where the `wanted`
    /// paths and all their ancestors begin (a missing field is reported at its parent).
    pub fn new(text: &str, wanted: &[JsonPath]) -> SourceMap {
        let mut wanted_paths: TextSet<Vec<PathSegment>> = TextSet::default();
        for path in wanted {
            for length in 0..=path.0.len() {
                wanted_paths.insert(path.0[..length].to_vec());
            }
        }
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            offset: 0,
            values: TextMap::default(),
            keys: TextMap::default(),
            wanted: wanted_paths,
        };
        let mut path = Vec::new();
        scanner.value(&mut path);
        // Lines and columns are counted once, at the end, for the few places recorded.
        let mut offsets: Vec<usize> = scanner
            .values
            .values()
            .chain(scanner.keys.values())
            .copied()
            .collect();
        crate::order::sort_by(&mut offsets, &|a, b| a.cmp(&b));
        offsets.dedup();
        let positions = positions_of(text.as_bytes(), &offsets);
        let place = |offset: &usize| positions.get(offset).copied();
        SourceMap {
            values: scanner
                .values
                .into_iter()
                .filter_map(|(path, offset)| Some((path, place(&offset)?)))
                .collect(),
            keys: scanner
                .keys
                .into_iter()
                .filter_map(|(path, offset)| Some((path, place(&offset)?)))
                .collect(),
        }
    }

    /// Where the value at `path` begins.
    pub fn value(&self, path: &JsonPath) -> Option<Position> {
        self.values.get(path).copied()
    }

    /// Where the key naming `path` begins, for problems with the key itself.
    pub fn key(&self, path: &JsonPath) -> Option<Position> {
        self.keys.get(path).copied()
    }
}

/// The line and column of each byte offset (sorted), in one pass over the text.
fn positions_of(bytes: &[u8], sorted_offsets: &[usize]) -> TextMap<usize, Position> {
    let mut positions = TextMap::with_capacity_and_hasher(sorted_offsets.len(), Default::default());
    let (mut line, mut column, mut at) = (1, 1, 0);
    for &offset in sorted_offsets {
        let offset = offset.min(bytes.len());
        for &byte in &bytes[at.min(offset)..offset] {
            if byte == b'\n' {
                line += 1;
                column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Count characters: continuation bytes of UTF-8 do not start a new column.
                column += 1;
            }
        }
        at = offset;
        positions.insert(offset, Position { line, column });
    }
    positions
}

/// Walks the text recording the byte offsets where wanted keys and values begin.
struct Scanner<'a> {
    bytes: &'a [u8],
    offset: usize,
    values: TextMap<JsonPath, usize>,
    keys: TextMap<JsonPath, usize>,
    wanted: TextSet<Vec<PathSegment>>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    fn advance(&mut self) {
        self.offset = (self.offset + 1).min(self.bytes.len());
    }

    fn position(&self) -> usize {
        self.offset
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.advance();
        }
    }

    fn value(&mut self, path: &mut Vec<PathSegment>) {
        self.skip_whitespace();
        // Every prefix of a wanted path is wanted too, so nothing under this value is.
        if !self.wanted.contains(path.as_slice()) {
            self.skip_value();
            return;
        }
        self.values.insert(JsonPath(path.clone()), self.position());
        match self.peek() {
            Some(b'{') => self.object(path),
            Some(b'[') => self.array(path),
            Some(b'"') => self.skip_string(),
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    fn object(&mut self, path: &mut Vec<PathSegment>) {
        self.advance();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {
                    let key_position = self.position();
                    let key = self.string();
                    path.push(PathSegment::Key(key));
                    if self.wanted.contains(path.as_slice()) {
                        self.keys.insert(JsonPath(path.clone()), key_position);
                    }
                    self.skip_whitespace();
                    if self.peek() == Some(b':') {
                        self.advance();
                    }
                    self.value(path);
                    path.pop();
                    self.skip_whitespace();
                    if self.peek() == Some(b',') {
                        self.advance();
                    }
                }
                Some(b'}') => {
                    self.advance();
                    return;
                }
                _ => return,
            }
        }
    }

    fn array(&mut self, path: &mut Vec<PathSegment>) {
        self.advance();
        let mut index = 0;
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b']') => {
                    self.advance();
                    return;
                }
                None => return,
                Some(_) => {
                    path.push(PathSegment::Index(index));
                    self.value(path);
                    path.pop();
                    index += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b',') {
                        self.advance();
                    }
                }
            }
        }
    }

    /// Passes over a value and all it holds.
    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(byte) = self.peek() {
                    match byte {
                        b'"' => {
                            self.skip_string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    self.advance();
                    if depth == 0 {
                        return;
                    }
                }
            }
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    /// Passes over a number, true, false or null.
    fn skip_scalar(&mut self) {
        while let Some(byte) = self.peek() {
            if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.advance();
        }
    }

    /// Passes over a string literal (a value: only keys need decoding).
    fn skip_string(&mut self) {
        self.advance();
        while let Some(found) = self.bytes[self.offset..]
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\')
        {
            self.offset += found;
            let escape = self.bytes[self.offset] == b'\\';
            self.advance();
            if !escape {
                return;
            }
            self.advance();
        }
        self.offset = self.bytes.len();
    }

    /// Reads a string literal and returns its decoded text.
    fn string(&mut self) -> String {
        let start = self.offset;
        self.skip_string();
        let literal = std::str::from_utf8(&self.bytes[start..self.offset]).unwrap_or("\"\"");
        // Read as a value, not as a `String`: serde's typed reading would bring its wording of type
        // mistakes into the reader, for a literal that is always text.
        match serde_json::from_str(literal) {
            Ok(Value::String(text)) => text,
            _ => String::new(),
        }
    }
}

/// Where a line and column (both from 1, columns in characters) fall in `text`, counted in
/// UTF-16 code units as browsers' text fields count them. Past the end, the end.
pub fn utf16_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (index, line_text) in text.split('\n').enumerate() {
        if index + 1 == line {
            let chars = line_text.chars().take(column.saturating_sub(1));
            return offset + chars.map(char::len_utf16).sum::<usize>();
        }
        offset += line_text.encode_utf16().count() + 1;
    }
    text.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let path = JsonPath::root()
            .key("events")
            .index(3)
            .key("sources")
            .index(0)
            .key("url");
        assert_eq!(path.to_string(), "events[3].sources[0].url");
        assert_eq!(JsonPath::root().to_string(), "(top level)");
        assert_eq!(JsonPath::root().key("").key("a").to_string(), "[\"\"].a");
        let long = JsonPath::root().key(&"é".repeat(100)).to_string();
        assert_eq!(long, format!("{}\u{2026}", "é".repeat(MAX_KEY_CHARS)));
    }

    #[test]
    fn finds_keys_and_values_by_line_and_character_column() {
        let text = "{\n  \"title\": \"Shqipëria\",\n  \"events\": [\n    {\"id\": \"a\", \"start\": \"2022-13-45\"}\n  ]\n}";
        let start = JsonPath::root().key("events").index(0).key("start");
        let map = SourceMap::new(text, std::slice::from_ref(&start));
        assert_eq!(
            map.value(&start),
            Some(Position {
                line: 4,
                column: 26
            })
        );
        assert_eq!(
            map.key(&start),
            Some(Position {
                line: 4,
                column: 17
            })
        );
        assert_eq!(
            map.value(&JsonPath::root().key("events").index(0)),
            Some(Position { line: 4, column: 5 })
        );
        assert_eq!(
            map.value(&JsonPath::root()),
            Some(Position { line: 1, column: 1 })
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"ë\": \"ë\", \"x\": 1}";
        let map = SourceMap::new(text, &[JsonPath::root().key("x")]);
        assert_eq!(
            map.value(&JsonPath::root().key("x")),
            Some(Position {
                line: 1,
                column: 17
            })
        );
    }

    #[test]
    fn line_and_column_become_a_text_field_offset() {
        let text = "{\n  \"ë\": \"😀x\"\n}";
        assert_eq!(utf16_offset(text, 1, 1), 0);
        assert_eq!(utf16_offset(text, 2, 3), 4);
        // The emoji takes two UTF-16 units: "x" is at column 10 of line 2.
        assert_eq!(utf16_offset(text, 2, 10), 2 + 8 + 2);
        assert_eq!(utf16_offset(text, 9, 1), text.encode_utf16().count());
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = r#"{"a": "say \"hi\"", "b": [1, {"c": true}]}"#;
        let c = JsonPath::root().key("b").index(1).key("c");
        let map = SourceMap::new(text, std::slice::from_ref(&c));
        assert_eq!(
            map.value(&c),
            Some(Position {
                line: 1,
                column: 36
            })
        );
    }

    #[test]
    fn a_key_written_many_times_is_located_where_it_is_last_written() {
        // serde_json keeps the last of a repeated key, so the problem is with that one.
        let mut text = String::from("{");
        for _ in 0..500 {
            text.push_str("\"x\": 1, \"y\": 2, ");
        }
        text.push_str("\"x\": 3}");
        let x = JsonPath::root().key("x");
        let map = SourceMap::new(&text, std::slice::from_ref(&x));
        let last_key = text.rfind("\"x\"").unwrap() + 1;
        assert_eq!(
            map.key(&x),
            Some(Position {
                line: 1,
                column: last_key
            })
        );
        assert_eq!(
            map.value(&x),
            Some(Position {
                line: 1,
                column: last_key + 5
            })
        );
        assert_eq!(map.value(&JsonPath::root().key("y")), None);
    }
}
