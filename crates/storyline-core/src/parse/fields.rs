//! Reading one field of an object: required or optional text, dates, flags, slugs, web addresses,
//! objects and arrays, and fields the format does not know.

use super::super::date::PartialDate;
use super::super::locate::JsonPath;
use super::super::text::is_web_url;
use super::*;
use serde_json::{Map, Value};

impl Checker {
    pub(super) fn slug(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        what: &str,
    ) -> Option<String> {
        let id = self.required_text(object, path, "id", &format!("the {what}'s id"))?;
        if is_slug(&id) {
            Some(id)
        } else {
            self.error(
                path.key("id"),
                format!("{} is not a valid {what} id", quote(&id)),
                hint!(
                    "Use lowercase letters, digits and hyphens, for example {}.",
                    quote(&suggest_slug(&id))
                ),
            );
            None
        }
    }

    pub(super) fn web_url(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<String> {
        let url = self.required_text(object, path, key, "a web address")?;
        if is_web_url(&url) {
            Some(url)
        } else {
            self.error(
                path.key(key),
                format!("{} is not a web address", quote(&url)),
                hint!("Addresses must start with https:// or http://."),
            );
            None
        }
    }

    pub(super) fn required_date(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<PartialDate> {
        if object.get(key).is_none() {
            self.error(
                path.clone(),
                format!("the event has no \"{key}\" date"),
                hint!("Add \"{key}\": \"2022-09-07\" (or just the year or month if that is all you know)."),
            );
            return None;
        }
        self.optional_date(object, path, key)
    }

    pub(super) fn optional_date(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<PartialDate> {
        let value = object.get(key)?;
        let text = match value {
            // A bare year such as 2009 is a common slip; read it, as a spreadsheet would.
            Value::Number(number) if number.is_i64() => number_text(number),
            _ => self.text(value, || path.key(key))?,
        };
        match PartialDate::parse(&text) {
            Ok(date) => Some(date),
            Err(error) => {
                self.error(path.key(key), error.message, error.hint);
                None
            }
        }
    }

    pub(super) fn optional_bool(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<bool> {
        match object.get(key) {
            None => None,
            Some(Value::Bool(flag)) => Some(*flag),
            Some(other) => {
                self.error(
                    path.key(key),
                    format!("expected true or false, found {}", describe(other)),
                    hint!("Write \"{key}\": true or false, or leave it out."),
                );
                None
            }
        }
    }

    pub(super) fn required_text(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
        what: &str,
    ) -> Option<String> {
        match object.get(key) {
            None => {
                self.error(
                    path.clone(),
                    format!("\"{key}\" is missing"),
                    hint!("Add \"{key}\" with {what}."),
                );
                None
            }
            Some(value) => {
                let text = self.text(value, || path.key(key))?;
                if text.trim().is_empty() {
                    self.error(
                        path.key(key),
                        format!("\"{key}\" is empty"),
                        hint!("Write {what}."),
                    );
                    return None;
                }
                Some(text.trim().to_string())
            }
        }
    }

    pub(super) fn optional_text(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        key: &str,
    ) -> Option<String> {
        let text = self.text(object.get(key)?, || path.key(key))?;
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }

    /// The value as text; `path` is only built when the value is not text (paths allocate, and
    /// this runs for nearly every field of every event).
    pub(super) fn text(
        &mut self,
        value: &Value,
        path: impl FnOnce() -> JsonPath,
    ) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.error(
                    path(),
                    format!("expected text in double quotes, found {}", describe(other)),
                    hint!("Put the value in double quotes, for example \"2022\"."),
                );
                None
            }
        }
    }

    pub(super) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(object) => Some(object),
            other => {
                self.error(
                    path.clone(),
                    format!("expected {what} in {{ braces }}, found {}", describe(other)),
                    hint!("See docs/data-format.md for the shape of each part."),
                );
                None
            }
        }
    }

    pub(super) fn array<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
        what: &str,
    ) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.error(
                    path.clone(),
                    format!("expected {what} in [ brackets ], found {}", describe(other)),
                    hint!("Wrap the items in [ and ], separated by commas."),
                );
                None
            }
        }
    }

    pub(super) fn unknown_fields(
        &mut self,
        object: &Map<String, Value>,
        path: &JsonPath,
        known: &[&str],
    ) {
        for key in object.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let hint = || match closest(key, known) {
                Some(suggestion) => {
                    format!("Did you mean \"{suggestion}\"? Unknown fields are ignored.")
                }
                None => format!(
                    "Known fields here: {}. Unknown fields are ignored.",
                    known.join(", ")
                ),
            };
            self.report(
                Severity::Warning,
                path.key(key),
                true,
                format!("unknown field \"{}\"", clip(key, QUOTED_CHARS)),
                hint,
            );
        }
    }
}
