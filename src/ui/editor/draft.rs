//! The editor's drafts in browser storage: one record per tab plus the drafts it replaced, so no
//! tab overwrites another's text and a replaced draft can be restored later.
//!
//! Each record lives under its own key, written only by the tab that owns it: two tabs never
//! read-modify-write one shared value, so neither can lose the other's keystrokes. The storage is
//! reached through [`KeyValue`], so this logic is tested natively with a map in memory.

use serde::{Deserialize, Serialize};

/// Every draft record is stored under this prefix followed by its id.
pub const RECORD_PREFIX: &str = "storyline-editor-drafts/";
/// Where the single draft was kept before there was one per tab (plain text); moved on first use.
pub const LEGACY_KEY: &str = "storyline-editor-draft";
/// At most this many records are kept; the oldest beyond go first.
pub const MAX_RECORDS: usize = 10;
/// Titles in the list of recent drafts are cut to this many characters.
const TITLE_CHARS: usize = 80;
/// A broken draft's title is looked for only this far into its text, so listing stays fast.
const TITLE_SCAN_BYTES: usize = 4096;

/// The text "New" starts from.
pub const NEW_DOCUMENT: &str = r##"{
  "$schema": "https://storyline.example/schema/storyline.schema.json",
  "version": 1,
  "title": "My timeline",
  "language": "en",
  "categories": [
    { "id": "news", "label": "News", "color": "#1d4ed8" }
  ],
  "events": [
    {
      "id": "first-event",
      "start": "2024-01-15",
      "title": "The first event",
      "text": "What happened, in a sentence or two.",
      "categories": ["news"],
      "sources": [
        { "title": "The article", "publisher": "The publisher", "url": "https://example.org/article" }
      ]
    }
  ]
}
"##;

/// One stored draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    pub text: String,
    /// When it last changed, in milliseconds since 1970.
    pub saved_at: f64,
    /// The fingerprint of the text last known to be safe outside this browser (downloaded, or
    /// opened from a file): leaving with any other text asks first.
    #[serde(default)]
    pub safe: Option<String>,
}

/// Why a draft could not be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for this site is used up.
    Full,
    /// Storage is switched off or refused (private modes, policies).
    Unavailable,
}

impl StoreError {
    /// The reason, as the journalist reads it.
    pub fn reason(self) -> &'static str {
        match self {
            StoreError::Full => "storage full",
            StoreError::Unavailable => "storage unavailable",
        }
    }
}

/// The few operations drafts need from a key-value store such as `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

/// A short fingerprint of a text (64-bit FNV-1a and the length), to remember what was
/// downloaded without storing the text twice.
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}-{}", text.len())
}

/// Whether a text holds nothing worth keeping: blank, or the untouched template of "New".
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty() || text == NEW_DOCUMENT
}

/// Reads a stored record; anything unreadable (another script may write the same keys) is `None`.
pub fn decode_record(value: &str) -> Option<DraftRecord> {
    serde_json::from_str(value).ok()
}

pub fn read_record(store: &impl KeyValue, id: &str) -> Option<DraftRecord> {
    decode_record(&store.get(&record_key(id))?)
}

pub fn write_record(
    store: &impl KeyValue,
    id: &str,
    record: &DraftRecord,
) -> Result<(), StoreError> {
    let value = serde_json::to_string(record).map_err(|_| StoreError::Unavailable)?;
    store.set(&record_key(id), &value)
}

pub fn remove_record(store: &impl KeyValue, id: &str) {
    store.remove(&record_key(id));
}

/// Every readable record with its id, newest first.
pub fn all_records(store: &impl KeyValue) -> Vec<(String, DraftRecord)> {
    let mut records: Vec<(String, DraftRecord)> = store
        .keys()
        .into_iter()
        .filter_map(|key| {
            let id = key.strip_prefix(RECORD_PREFIX)?.to_string();
            let record = decode_record(&store.get(&key)?)?;
            Some((id, record))
        })
        .collect();
    records.sort_by(|a, b| b.1.saved_at.total_cmp(&a.1.saved_at));
    records
}

/// Moves a draft kept under the old single key into a record with `id`, as the newest draft.
pub fn migrate_legacy(store: &impl KeyValue, id: &str, now: f64) {
    let Some(text) = store.get(LEGACY_KEY) else {
        return;
    };
    let record = DraftRecord {
        text,
        saved_at: now,
        safe: None,
    };
    if write_record(store, id, &record).is_ok() {
        store.remove(LEGACY_KEY);
    }
}

/// Where a page starts: this tab's own record (a reload), else the newest record (a new tab).
/// Returns the record's id with it, so the caller can move it to the id it uses from now on.
pub fn starting_draft(
    store: &impl KeyValue,
    own_id: Option<&str>,
) -> Option<(String, DraftRecord)> {
    own_id
        .and_then(|id| Some((id.to_string(), read_record(store, id)?)))
        .or_else(|| all_records(store).into_iter().next())
}

/// The drafts that can be restored: every record but the live one, newest first, one per
/// distinct text, leaving out blank ones and the text being edited now.
pub fn recent_drafts(
    store: &impl KeyValue,
    live_id: &str,
    current_text: &str,
) -> Vec<(String, DraftRecord)> {
    let mut seen: Vec<String> = vec![fingerprint(current_text)];
    let mut recent = Vec::new();
    for (id, record) in all_records(store) {
        let print = fingerprint(&record.text);
        if id == live_id || is_blank(&record.text) || seen.contains(&print) {
            continue;
        }
        seen.push(print);
        recent.push((id, record));
    }
    recent
}

/// Removes older copies of the same text and the oldest records beyond [`MAX_RECORDS`]; never
/// the live one. A tab whose record goes while it is open writes it again (see the editor's
/// storage listener), so only drafts of closed tabs are ever dropped.
pub fn prune(store: &impl KeyValue, live_id: &str) {
    let mut seen = Vec::new();
    // The live record always has its place, wherever it sorts.
    let mut kept = 1;
    for (id, record) in all_records(store) {
        if id == live_id {
            continue;
        }
        let print = fingerprint(&record.text);
        if seen.contains(&print) || is_blank(&record.text) || kept >= MAX_RECORDS {
            remove_record(store, &id);
        } else {
            seen.push(print);
            kept += 1;
        }
    }
}

/// A name for a draft in the list: its `title`, else the first words of its text.
pub fn draft_title(text: &str) -> String {
    let from_json = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| value.get("title")?.as_str().map(str::to_owned));
    let title = from_json
        .or_else(|| scanned_title(text))
        .unwrap_or_default();
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return "Untitled draft".into();
    }
    if title.chars().count() > TITLE_CHARS {
        let cut: String = title.chars().take(TITLE_CHARS - 1).collect();
        format!("{cut}\u{2026}")
    } else {
        title
    }
}

/// The first `"title": "..."` in a draft that is not valid JSON (yet).
fn scanned_title(text: &str) -> Option<String> {
    let mut end = text.len().min(TITLE_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let after_key = &head[head.find("\"title\"")? + "\"title\"".len()..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let value = after_colon.strip_prefix('"')?;
    Some(value[..value.find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    /// Storage in memory that can be made to refuse writes, like a full quota.
    #[derive(Default)]
    struct Memory {
        values: RefCell<BTreeMap<String, String>>,
        full: Cell<bool>,
    }

    impl KeyValue for Memory {
        fn get(&self, key: &str) -> Option<String> {
            self.values.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            if self.full.get() {
                return Err(StoreError::Full);
            }
            self.values.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) {
            self.values.borrow_mut().remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.values.borrow().keys().cloned().collect()
        }
    }

    fn record(text: &str, saved_at: f64) -> DraftRecord {
        DraftRecord {
            text: text.into(),
            saved_at,
            safe: None,
        }
    }

    #[test]
    fn a_reload_finds_its_own_draft_and_a_new_tab_the_newest() {
        let store = Memory::default();
        write_record(&store, "a", &record("tab a", 1.0)).unwrap();
        write_record(&store, "b", &record("tab b", 2.0)).unwrap();
        assert_eq!(starting_draft(&store, Some("a")).unwrap().1.text, "tab a");
        assert_eq!(starting_draft(&store, None).unwrap().1.text, "tab b");
        assert_eq!(starting_draft(&store, Some("gone")).unwrap().0, "b");
    }

    #[test]
    fn the_old_single_draft_becomes_a_record() {
        let store = Memory::default();
        store.set(LEGACY_KEY, "old text").unwrap();
        migrate_legacy(&store, "new", 5.0);
        assert_eq!(store.get(LEGACY_KEY), None);
        assert_eq!(
            starting_draft(&store, None).unwrap(),
            ("new".into(), record("old text", 5.0))
        );
    }

    #[test]
    fn a_full_store_keeps_the_old_single_draft_where_it_was() {
        let store = Memory::default();
        store.set(LEGACY_KEY, "old text").unwrap();
        store.full.set(true);
        migrate_legacy(&store, "new", 5.0);
        assert_eq!(store.get(LEGACY_KEY).as_deref(), Some("old text"));
        assert_eq!(
            write_record(&store, "x", &record("y", 1.0)),
            Err(StoreError::Full)
        );
    }

    #[test]
    fn recent_drafts_leave_out_the_live_one_copies_and_the_current_text() {
        let store = Memory::default();
        write_record(&store, "live", &record("now", 9.0)).unwrap();
        write_record(&store, "old", &record("first", 1.0)).unwrap();
        write_record(&store, "copy", &record("first", 2.0)).unwrap();
        write_record(&store, "same", &record("now", 3.0)).unwrap();
        write_record(&store, "blank", &record("  \n", 4.0)).unwrap();
        let recent = recent_drafts(&store, "live", "now");
        let ids: Vec<_> = recent.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["copy"]);
        write_record(&store, "template", &record(NEW_DOCUMENT, 5.0)).unwrap();
        assert_eq!(recent_drafts(&store, "live", "now").len(), 1);
    }

    #[test]
    fn unreadable_records_are_skipped() {
        let store = Memory::default();
        store.set(&record_key("junk"), "{not a record").unwrap();
        store
            .set(&record_key("nan"), r#"{"text":"x","saved_at":null}"#)
            .unwrap();
        write_record(&store, "good", &record("kept", 1.0)).unwrap();
        let ids: Vec<_> = all_records(&store).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["good"]);
    }

    #[test]
    fn pruning_keeps_the_newest_and_never_the_live_one() {
        let store = Memory::default();
        write_record(&store, "live", &record("live text", 0.0)).unwrap();
        for n in 0..MAX_RECORDS + 5 {
            write_record(
                &store,
                &format!("r{n}"),
                &record(&format!("text {n}"), n as f64 + 1.0),
            )
            .unwrap();
        }
        write_record(&store, "dup", &record("text 3", 0.5)).unwrap();
        prune(&store, "live");
        let records = all_records(&store);
        assert_eq!(records.len(), MAX_RECORDS);
        assert!(records.iter().any(|(id, _)| id == "live"));
        assert!(records
            .iter()
            .any(|(id, _)| id == &format!("r{}", MAX_RECORDS + 4)));
        assert!(!records.iter().any(|(id, _)| id == "dup" || id == "r0"));
    }

    #[test]
    fn titles_come_from_the_data_or_its_first_title_and_are_cut_on_characters() {
        assert_eq!(
            draft_title(r#"{"events": [], "title": "Élections  2024"}"#),
            "Élections 2024"
        );
        assert_eq!(
            draft_title("{\n  \"title\": \"Half typed\",\n  \"events\": [ {"),
            "Half typed"
        );
        assert_eq!(draft_title("not json at all"), "Untitled draft");
        let long = format!(r#"{{"title": "{}"}}"#, "ë".repeat(200));
        let title = draft_title(&long);
        assert_eq!(title.chars().count(), TITLE_CHARS);
        assert!(title.ends_with('\u{2026}'));
        // A multi-byte character straddling the scan limit does not break the cut.
        let straddling = format!("x{}\"title\": \"x\"", "é".repeat(TITLE_SCAN_BYTES));
        assert_eq!(draft_title(&straddling), "Untitled draft");
    }

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_eq!(fingerprint("abc"), fingerprint("abc"));
        assert_ne!(fingerprint("abc"), fingerprint("abd"));
        assert_ne!(fingerprint(""), fingerprint(" "));
    }
}
