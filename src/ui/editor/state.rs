//! The editor's reactive state and the operations that change the draft without losing any of
//! it: typing, replacing (New, Open, Import, Restore) with an undo, and sharing storage with
//! other tabs.

use super::browser::{
    local_drafts, new_draft_id, now_ms, remember_session_draft_id, session_draft_id,
};
use super::draft::{self, DraftRecord, StoreError};
use crate::core::date::PartialDate;
use crate::core::parse::{left_off, Problem, ProblemCount};
use crate::core::story::Story;
use crate::core::url_state::InitialView;
use leptos::prelude::*;
use std::time::Duration;

/// The problems and the preview wait for a pause in typing this long.
const CHECK_DELAY: Duration = Duration::from_millis(300);

/// What "Undo" puts back after a replacement.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub message: String,
    previous_id: String,
    previous: DraftRecord,
    previous_disposable: Option<String>,
}

/// A draft another tab wrote under this tab's id, kept until the journalist chooses.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub theirs: DraftRecord,
}

/// The view the preview reported, so a rebuilt preview opens where the journalist was.
#[derive(Clone, Debug, Default)]
struct PreviewPlace {
    /// The view the current preview was built with.
    built_with: InitialView,
    /// Its first report: a later report that differs means the journalist moved.
    first: Option<InitialView>,
    latest: InitialView,
}

/// How a replacing text relates to what is stored elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Can be had again without this browser (the template, the example, a file opened as is):
    /// safe to leave, and dropped rather than listed once replaced unedited.
    Elsewhere,
    /// Made here from a file (an import or a conversion): dropped once replaced unedited, but
    /// leaving before it is downloaded asks first.
    Converted,
    /// A stored draft with what was known about it.
    Stored { safe: bool },
}

#[derive(Clone, Copy)]
pub struct EditorState {
    pub text: RwSignal<String>,
    pub problems: RwSignal<Vec<Problem>>,
    /// Every problem found, including repeats folded into one entry and those left off the list.
    pub problem_total: RwSignal<ProblemCount>,
    /// The story shown in the preview: the last one read without errors. Set only when the
    /// story itself changes, so formatting edits leave the preview alone.
    pub story: RwSignal<Option<Story>>,
    pub status: RwSignal<String>,
    pub import_notes: RwSignal<Vec<String>>,
    pub storage_problem: RwSignal<Option<StoreError>>,
    pub conflict: RwSignal<Option<Conflict>>,
    pub undo: RwSignal<Option<Undo>>,
    /// Changes whenever the stored drafts may have changed, so their list is read again.
    pub stored_drafts_changed: Trigger,
    live_id: StoredValue<String>,
    /// The fingerprint of the text known to be safe outside this browser.
    safe: StoredValue<Option<String>>,
    /// A text that needs no keeping once replaced, as long as it was not edited.
    disposable: StoredValue<Option<String>>,
    typed: StoredValue<bool>,
    generation: StoredValue<u64>,
    preview_place: StoredValue<PreviewPlace>,
}

impl EditorState {
    pub fn new() -> Self {
        // Before any file is read or imported here.
        crate::ui::app::seed_text_hashing();
        EditorState {
            text: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
            problem_total: RwSignal::new(ProblemCount::default()),
            story: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            import_notes: RwSignal::new(Vec::new()),
            storage_problem: RwSignal::new(None),
            conflict: RwSignal::new(None),
            undo: RwSignal::new(None),
            stored_drafts_changed: Trigger::new(),
            live_id: StoredValue::new(new_draft_id()),
            safe: StoredValue::new(None),
            disposable: StoredValue::new(None),
            typed: StoredValue::new(false),
            generation: StoredValue::new(0),
            preview_place: StoredValue::new(PreviewPlace::default()),
        }
    }

    /// Restores this tab's draft (after a reload) or the newest one (a new tab), moving it to a
    /// fresh id so a duplicated tab does not share it. Returns false when there was none.
    pub fn restore_on_start(self) -> bool {
        let store = local_drafts();
        let previous_id = session_draft_id();
        let id = self.live_id.get_value();
        remember_session_draft_id(&id);
        if let Some(store) = &store {
            draft::migrate_legacy(store, &new_draft_id(), now_ms());
        }
        let start = store
            .as_ref()
            .and_then(|store| draft::starting_draft(store, previous_id.as_deref()));
        let restored = match start {
            Some((source_id, record)) => {
                self.safe.set_value(record.safe);
                if self.set_text(record.text, true) {
                    if let Some(store) = &store {
                        draft::remove_record(store, &source_id);
                    }
                }
                self.status.set("Your draft was restored.".into());
                true
            }
            None => false,
        };
        if let Some(store) = &store {
            draft::prune(store, &id);
        }
        restored
    }

    /// Shows the example, unless the journalist has typed meanwhile.
    pub fn example_arrived(self, example: String) {
        if self.typed.get_value() || !draft::is_blank(&self.text.get_untracked()) {
            return;
        }
        self.safe.set_value(Some(draft::fingerprint(&example)));
        self.disposable.set_value(Some(example.clone()));
        self.set_text(example, true);
    }

    /// A keystroke: saved at once, checked after a pause.
    pub fn edit(self, new_text: String) {
        self.typed.set_value(true);
        self.set_text(new_text, false);
    }

    /// Sets the text and saves it; returns whether it is stored.
    fn set_text(self, new_text: String, check_at_once: bool) -> bool {
        self.text.set(new_text);
        let saved = self.save();
        self.generation.update_value(|generation| *generation += 1);
        if check_at_once {
            self.check_now();
        } else {
            let mine = self.generation.get_value();
            set_timeout(
                move || {
                    if self.generation.get_value() == mine {
                        self.check_now();
                    }
                },
                CHECK_DELAY,
            );
        }
        saved
    }

    /// Writes the text to this tab's record; a failure is shown until a later write works.
    pub fn save(self) -> bool {
        let record = DraftRecord {
            text: self.text.get_untracked(),
            saved_at: now_ms(),
            safe: self.safe.get_value(),
        };
        let result = match local_drafts() {
            Some(store) => draft::write_record(&store, &self.live_id.get_value(), &record),
            None => Err(StoreError::Unavailable),
        };
        let problem = result.err();
        if self.storage_problem.get_untracked() != problem {
            self.storage_problem.set(problem);
        }
        problem.is_none()
    }

    /// Checks the text as it is now and updates the problems and, if the story changed, the preview.
    pub fn check_now(self) {
        let outcome = self.text.with_untracked(|text| Story::read(text));
        self.problems.set(outcome.problems);
        self.problem_total.set(outcome.total);
        if let Some(story) = outcome.story {
            if self
                .story
                .with_untracked(|shown| shown.as_ref() != Some(&story))
            {
                self.story.set(Some(story));
            }
        }
    }

    /// Every error found, including repeats and those not listed.
    pub fn error_count(self) -> usize {
        self.problem_total.with(|total| total.errors)
    }

    /// Problems found but not listed (the list keeps a few hundred).
    pub fn problems_left_off(self) -> usize {
        self.problems
            .with(|problems| left_off(problems, self.problem_total.get()))
    }

    /// Whether leaving would lose text that exists nowhere but in this browser.
    pub fn has_unsaved_work(self) -> bool {
        self.text.with_untracked(|text| {
            !draft::is_blank(text)
                && self.safe.get_value().as_deref() != Some(draft::fingerprint(text).as_str())
        })
    }

    pub fn mark_downloaded(self) {
        let print = self.text.with_untracked(|text| draft::fingerprint(text));
        self.safe.set_value(Some(print));
        self.save();
    }

    /// Replaces the whole draft. The replaced one stays stored (listed under Recent drafts)
    /// unless it is blank or could be had again unedited, and "Undo" brings it back at once.
    /// Returns whether the new text is stored.
    pub fn replace(self, new_text: String, origin: Origin, message: String) -> bool {
        let previous = DraftRecord {
            text: self.text.get_untracked(),
            saved_at: now_ms(),
            safe: self.safe.get_value(),
        };
        let previous_id = self.live_id.get_value();
        let previous_disposable = self.disposable.get_value();
        // Listed only if its last keystroke was stored; otherwise only "Undo" has it.
        let listed = self.storage_problem.get_untracked().is_none();
        let keep_previous = self.retire_live_draft() && listed;
        let print = draft::fingerprint(&new_text);
        let (safe, disposable) = match origin {
            Origin::Elsewhere => (Some(print), Some(new_text.clone())),
            Origin::Converted => (None, Some(new_text.clone())),
            Origin::Stored { safe } => (safe.then_some(print), None),
        };
        self.safe.set_value(safe);
        self.disposable.set_value(disposable);
        self.switch_to(new_draft_id());
        self.preview_place.set_value(PreviewPlace::default());
        let saved = self.set_text(new_text, true);
        self.import_notes.set(Vec::new());
        let message = if keep_previous {
            format!("{message} Your previous draft is kept under Recent drafts.")
        } else {
            message
        };
        self.status.set(String::new());
        self.undo.set(Some(Undo {
            message,
            previous_id,
            previous,
            previous_disposable,
        }));
        self.after_drafts_changed();
        saved
    }

    /// Puts back the draft the last replacement replaced, keeping the replacing one if it was edited.
    pub fn undo(self) {
        let Some(undo) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(None);
        let kept = self.retire_live_draft();
        self.safe.set_value(undo.previous.safe);
        self.disposable.set_value(undo.previous_disposable);
        self.switch_to(undo.previous_id);
        self.preview_place.set_value(PreviewPlace::default());
        self.set_text(undo.previous.text, true);
        self.import_notes.set(Vec::new());
        self.status.set(if kept {
            "Your previous draft is back; the one it replaced is under Recent drafts.".into()
        } else {
            "Your previous draft is back.".into()
        });
        self.after_drafts_changed();
    }

    /// Makes a stored draft the one being edited, moving it out of the list.
    pub fn restore(self, id: String) {
        let Some(store) = local_drafts() else {
            return;
        };
        let Some(record) = draft::read_record(&store, &id) else {
            self.status
                .set("That draft is no longer stored in this browser.".into());
            self.stored_drafts_changed.notify();
            return;
        };
        let title = draft::draft_title(&record.text);
        let origin = Origin::Stored {
            safe: record.safe.as_deref() == Some(draft::fingerprint(&record.text).as_str()),
        };
        if self.replace(
            record.text,
            origin,
            format!("Restored \u{201c}{title}\u{201d}."),
        ) {
            draft::remove_record(&store, &id);
            self.stored_drafts_changed.notify();
        }
    }

    /// Another tab wrote to a stored draft: defend this tab's own record, and refresh the list.
    pub fn storage_changed(self, key: Option<String>, new_value: Option<String>) {
        let own_key = draft::record_key(&self.live_id.get_value());
        match key {
            // Everything was cleared elsewhere: this tab's text is still here to write back.
            None => {
                self.save();
            }
            Some(key) if key == own_key => {
                match new_value.as_deref().and_then(draft::decode_record) {
                    Some(theirs) if self.text.with_untracked(|text| *text != theirs.text) => {
                        // Both tabs write one record (a duplicated tab): part ways, keeping both.
                        self.switch_to(new_draft_id());
                        self.save();
                        self.conflict.set(Some(Conflict { theirs }));
                    }
                    Some(_) => {}
                    None => {
                        self.save();
                    }
                }
            }
            Some(key) if !key.starts_with(draft::RECORD_PREFIX) => return,
            Some(_) => {}
        }
        self.stored_drafts_changed.notify();
    }

    pub fn keep_mine(self) {
        self.conflict.set(None);
        self.status
            .set("Kept your text; the other tab's is under Recent drafts.".into());
    }

    pub fn load_theirs(self) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        let origin = Origin::Stored {
            safe: conflict.theirs.safe.as_deref()
                == Some(draft::fingerprint(&conflict.theirs.text).as_str()),
        };
        self.replace(
            conflict.theirs.text,
            origin,
            "Loaded the other tab's text.".into(),
        );
    }

    /// The drafts that can be restored, newest first.
    pub fn recent(self) -> Vec<(String, DraftRecord)> {
        local_drafts()
            .map(|store| {
                self.text.with_untracked(|text| {
                    draft::recent_drafts(&store, &self.live_id.get_value(), text)
                })
            })
            .unwrap_or_default()
    }

    /// Remembers the preview's view as it reports it.
    pub fn report_view(self, view: InitialView) {
        self.preview_place.update_value(|place| {
            if place.first.is_none() {
                place.first = Some(view.clone());
            }
            place.latest = view;
        });
    }

    /// The window the preview shows now, in time (none until it has reported one).
    pub fn preview_window(self) -> Option<(f64, f64)> {
        self.preview_place.with_value(|place| {
            let at = |date: &Option<String>| {
                PartialDate::parse(date.as_deref()?)
                    .ok()
                    .map(|date| date.start_seconds())
            };
            Some((at(&place.latest.from)?, at(&place.latest.to)?))
        })
    }

    /// The view a rebuilt preview starts from: where the journalist left the last one, or what
    /// that one was built with if they never moved (so an untouched preview fits the new story).
    pub fn next_preview_view(self) -> InitialView {
        let mut view = InitialView::default();
        self.preview_place.update_value(|place| {
            view = match &place.first {
                Some(first) if *first != place.latest => place.latest.clone(),
                _ => place.built_with.clone(),
            };
            *place = PreviewPlace {
                built_with: view.clone(),
                ..PreviewPlace::default()
            };
        });
        view
    }

    /// Leaves the live record to the list of recent drafts, or removes it when it holds nothing
    /// worth keeping. Returns whether it was kept.
    fn retire_live_draft(self) -> bool {
        let keep = self.text.with_untracked(|text| {
            !draft::is_blank(text) && self.disposable.get_value().as_deref() != Some(text.as_str())
        });
        if !keep {
            if let Some(store) = local_drafts() {
                draft::remove_record(&store, &self.live_id.get_value());
            }
        }
        keep
    }

    fn switch_to(self, id: String) {
        remember_session_draft_id(&id);
        self.live_id.set_value(id);
    }

    fn after_drafts_changed(self) {
        if let Some(store) = local_drafts() {
            draft::prune(&store, &self.live_id.get_value());
        }
        self.stored_drafts_changed.notify();
    }
}
