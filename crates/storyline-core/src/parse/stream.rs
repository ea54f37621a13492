//! The streaming reader: the document's top level as serde visits it, each event checked as it
//! arrives so that a large file never sits in memory twice.

use super::super::locate::JsonPath;
use super::super::model::Event;
use super::*;
use crate::text_hash::TextSet;
use serde_json::{Map, Value};
use std::fmt;

/// The top level of a document as read: its small fields as JSON values, its events already
/// checked one by one.
pub(super) struct Document {
    pub(super) top: Map<String, Value>,
    pub(super) events: EventsField,
}

pub(super) enum EventsField {
    Missing,
    NotAList(String),
    List(Vec<PendingEvent>),
}

/// An event checked on its own; its category ids are matched once every category is known
/// (a document may list its categories after its events).
pub(super) struct PendingEvent {
    /// `None` when the event had errors; its category ids are still checked.
    pub(super) event: Option<Event>,
    pub(super) position: usize,
    pub(super) category_ids: Vec<(usize, String)>,
}

pub(super) struct DocumentVisitor<'c> {
    pub(super) checker: &'c mut Checker,
}

impl<'de> serde::de::Visitor<'de> for DocumentVisitor<'_> {
    type Value = Document;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a Storyline document")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut top = Map::new();
        let mut events = EventsField::Missing;
        // Keys read as values (always text in JSON): a typed `String` would bring serde's wording
        // of type mistakes into the reader.
        while let Some(key) = map.next_key::<Value>()? {
            let Value::String(key) = key else {
                map.next_value::<serde::de::IgnoredAny>()?;
                continue;
            };
            if key == "events" {
                events = map.next_value_seed(EventsSeed {
                    checker: &mut *self.checker,
                })?;
            } else {
                let value: Value = map.next_value()?;
                top.insert(key, value);
            }
        }
        Ok(Document { top, events })
    }

    // The document is read only when it starts with `{`, so none of these happen; answering them
    // here keeps serde's wording of type mistakes out of the reader.
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Document, E> {
        Err(not_an_object())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Document, A::Error> {
        Err(not_an_object())
    }
}

fn not_an_object<E: serde::de::Error>() -> E {
    E::custom("the document is not an object")
}

pub(super) struct EventsSeed<'c> {
    pub(super) checker: &'c mut Checker,
}

impl<'de> serde::de::DeserializeSeed<'de> for EventsSeed<'_> {
    type Value = EventsField;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<EventsField, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EventsSeed<'_> {
    type Value = EventsField;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of events")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<EventsField, A::Error> {
        let mut events = Vec::new();
        let mut seen_ids = TextSet::default();
        let list = JsonPath::root().key("events");
        let mut position = 0;
        while let Some(value) = seq.next_element::<Value>()? {
            if let Some(event) = self.checker.event(&value, &list, position, &mut seen_ids) {
                events.push(event);
            }
            position += 1;
        }
        if position == 0 {
            self.checker.error(
                list,
                "the timeline has no events",
                hint!("Add at least one event; see docs/data-format.md for an example."),
            );
        }
        Ok(EventsField::List(events))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<EventsField, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(EventsField::NotAList("an object".into()))
    }

    fn visit_bool<E>(self, value: bool) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::Bool(value))))
    }

    fn visit_i64<E>(self, value: i64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_u64<E>(self, value: u64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_f64<E>(self, value: f64) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_str<E>(self, value: &str) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::from(value))))
    }

    fn visit_unit<E>(self) -> Result<EventsField, E> {
        Ok(EventsField::NotAList(describe(&Value::Null)))
    }
}
