//! Words for messages and hints: values described and quoted, counts written out, and the
//! suggestions for a misspelt id, field or slug.

use super::super::import::slugify;
use super::super::locate::{JsonPath, PathSegment};
use super::super::model::Category;
use super::*;
use serde_json::Value;
use std::borrow::Cow;

pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => format!("{flag}"),
        Value::Number(number) => format!("the number {}", number_text(number)),
        Value::String(text) => format!("the text {}", quote(text)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A value quoted in a message as JSON writes it, clipped to [`QUOTED_CHARS`]. Written here rather
/// than by `serde_json`, whose writer (with its float formatting) would otherwise weigh on every
/// reader's download for the sake of a message.
pub(super) fn written(value: &Value) -> String {
    let mut json = String::new();
    write_json(value, &mut json);
    clip(&json, QUOTED_CHARS).into_owned()
}

fn write_json(value: &Value, json: &mut String) {
    // Bounded: whatever goes past what a message shows is clipped anyway.
    if json.len() > 4 * QUOTED_CHARS {
        return;
    }
    match value {
        Value::Null => json.push_str("null"),
        Value::Bool(flag) => json.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => json.push_str(&number_text(number)),
        Value::String(text) => write_json_text(text, json),
        Value::Array(items) => {
            json.push('[');
            for (at, item) in items.iter().enumerate() {
                if at > 0 {
                    json.push(',');
                }
                write_json(item, json);
            }
            json.push(']');
        }
        Value::Object(fields) => {
            json.push('{');
            for (at, (key, item)) in fields.iter().enumerate() {
                if at > 0 {
                    json.push(',');
                }
                write_json_text(key, json);
                json.push(':');
                write_json(item, json);
            }
            json.push('}');
        }
    }
}

fn write_json_text(text: &str, json: &mut String) {
    json.push('"');
    for character in text.chars() {
        match character {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            control if control < ' ' => {
                json.push_str("\\u00");
                json.push(char::from(
                    b"0123456789abcdef"[usize::from(control as u8 >> 4)],
                ));
                json.push(char::from(
                    b"0123456789abcdef"[usize::from(control as u8 & 15)],
                ));
            }
            other => json.push(other),
        }
    }
    json.push('"');
}

/// A number as the data wrote it, near enough: whole numbers exactly, others to six significant
/// decimals, and very large or small ones with an exponent (1.5e-7, 1e20).
pub(super) fn number_text(number: &serde_json::Number) -> String {
    if let Some(whole) = number.as_i64() {
        return whole.to_string();
    }
    if let Some(whole) = number.as_u64() {
        return whole.to_string();
    }
    let value = number.as_f64().unwrap_or(0.0);
    let sign = if value < 0.0 { "-" } else { "" };
    let mut magnitude = value.abs();
    if magnitude == 0.0 || (1e-6..1e12).contains(&magnitude) {
        return format!("{sign}{}", fixed(magnitude));
    }
    // JSON numbers are finite, so either loop ends (within about 330 steps).
    let mut exponent = 0i32;
    while magnitude >= 10.0 {
        magnitude /= 10.0;
        exponent += 1;
    }
    while magnitude < 1.0 {
        magnitude *= 10.0;
        exponent -= 1;
    }
    format!("{sign}{}e{exponent}", fixed(magnitude))
}

/// A magnitude under 10^12 with at most six decimals, trailing zeros left out.
fn fixed(magnitude: f64) -> String {
    const MILLIONTHS: u64 = 1_000_000;
    let units = (magnitude * MILLIONTHS as f64).round() as u64;
    let (whole, millionths) = (units / MILLIONTHS, units % MILLIONTHS);
    if millionths == 0 {
        return whole.to_string();
    }
    let mut decimals = (MILLIONTHS + millionths).to_string();
    decimals.remove(0);
    format!("{whole}.{}", decimals.trim_end_matches('0'))
}

/// Data quoted in a message: in curly quotes, clipped to [`QUOTED_CHARS`].
pub(super) fn quote(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", clip(text, QUOTED_CHARS))
}

/// The text cut to `max_chars` characters (on a character boundary), with "…" when cut.
pub(super) fn clip(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}\u{2026}", &text[..end])),
    }
}

/// 199999 as "199,999".
pub(super) fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A path with its list positions left out (`events[].categories[]`): problems with the same
/// message at paths of the same shape are repeats of one problem.
pub(super) fn path_shape(path: &JsonPath) -> String {
    let mut shape = String::new();
    for segment in &path.0 {
        match segment {
            PathSegment::Key(key) => {
                shape.push('.');
                shape.push_str(&clip(key, QUOTED_CHARS));
            }
            PathSegment::Index(_) => shape.push_str("[]"),
        }
    }
    shape
}

/// The hint for an unknown category id: all the ids when there are a few, else the three
/// closest, so that the hint stays short however many categories a document defines.
pub(super) fn known_categories_hint(id: &str, categories: &[Category]) -> String {
    const NAMED: usize = 3;
    let ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    if ids.is_empty() {
        return "Define categories in the top-level \"categories\" list first.".to_string();
    }
    let named: Vec<String> = if ids.len() <= NAMED {
        ids.iter()
            .map(|id| clip(id, QUOTED_CHARS).into_owned())
            .collect()
    } else {
        closest_ids(id, &ids, NAMED)
            .into_iter()
            .map(|id| clip(id, QUOTED_CHARS).into_owned())
            .collect()
    };
    if ids.len() <= NAMED {
        format!("Known categories: {}.", named.join(", "))
    } else {
        format!(
            "Closest of the {} known categories: {}.",
            thousands(ids.len()),
            named.join(", ")
        )
    }
}

/// The `count` ids nearest to a misspelt one: those it begins or that begin with it first, then
/// by edit distance, then in the order defined.
pub(super) fn closest_ids<'i>(wanted: &str, ids: &[&'i str], count: usize) -> Vec<&'i str> {
    // A hint, not a search: long ids are compared by their start, and only the first many ids.
    const COMPARED_CHARS: usize = 32;
    const COMPARED_IDS: usize = 1_000;
    let wanted = clip(wanted, COMPARED_CHARS).to_lowercase();
    let mut ranked: Vec<(bool, usize, usize, &str)> = ids
        .iter()
        .take(COMPARED_IDS)
        .enumerate()
        .map(|(order, id)| {
            let compared = clip(id, COMPARED_CHARS);
            let prefix = !wanted.is_empty()
                && (compared.starts_with(wanted.as_str()) || wanted.starts_with(compared.as_ref()));
            (!prefix, edit_distance(&wanted, &compared), order, *id)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().take(count).map(|(.., id)| id).collect()
}

pub(super) fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An id made from text that is not one, as the importers make them.
pub(super) fn suggest_slug(text: &str) -> String {
    let slug = slugify(text);
    if slug.is_empty() {
        "event-1".into()
    } else {
        slug
    }
}

pub(super) fn is_hex_color(text: &str) -> bool {
    let Some(digits) = text.strip_prefix('#') else {
        return false;
    };
    matches!(digits.len(), 3 | 6) && digits.bytes().all(|b| b.is_ascii_hexdigit())
}

pub(super) fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The known name nearest to a misspelt one, if it is near enough to be a likely slip.
pub(super) fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    // Known names are short: a key much longer than all of them is no slip of the pen.
    let longest = known.iter().map(|name| name.len()).max().unwrap_or(0);
    if key.chars().nth(longest + longest / 4 + 2).is_some() {
        return None;
    }
    let key = key.to_lowercase();
    known
        .iter()
        .map(|candidate| (edit_distance(&key, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
