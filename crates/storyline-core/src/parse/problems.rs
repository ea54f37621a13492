//! Collecting problems as the checks find them: repeats folded, the list bounded, each located
//! only once it is kept.

use super::super::locate::{JsonPath, Position, SourceMap};
use super::*;
use crate::text_hash::TextMap;

/// A problem before it is given its line and column.
pub(super) struct Found {
    pub(super) severity: Severity,
    pub(super) path: JsonPath,
    /// Point at the key itself (an unknown field) rather than its value.
    pub(super) at_key: bool,
    pub(super) message: String,
    pub(super) hint: String,
    pub(super) more_like_this: usize,
    /// The order it was found in, kept when errors and warnings are merged into one list.
    pub(super) sequence: usize,
}

impl Found {
    pub(super) fn locate(self, source_map: &SourceMap) -> Problem {
        // A missing field points at the object that lacks it, so walk up until something is found.
        let mut path = self.path.clone();
        let mut position = None;
        loop {
            let here = if self.at_key {
                source_map.key(&path).or_else(|| source_map.value(&path))
            } else {
                source_map.value(&path)
            };
            if here.is_some() || path.0.is_empty() {
                position = position.or(here);
                break;
            }
            path.0.pop();
        }
        let Position { line, column } = position.unwrap_or(Position { line: 1, column: 1 });
        Problem {
            severity: self.severity,
            path: self.path.to_string(),
            line,
            column,
            message: self.message,
            hint: self.hint,
            more_like_this: self.more_like_this,
        }
    }
}

/// Problems of one severity: the first [`MAX_PROBLEMS`] distinct ones kept, repeats counted.
#[derive(Default)]
pub(super) struct Kept {
    pub(super) found: Vec<Found>,
    /// A kept problem's message and the shape of its path (indices left out) to its place in
    /// `found`: the same message in the same kind of place is the same problem again.
    pub(super) by_kind: TextMap<(String, String), usize>,
    pub(super) count: usize,
}

#[derive(Default)]
pub(super) struct Checker {
    pub(super) errors: Kept,
    pub(super) warnings: Kept,
    pub(super) sequence: usize,
}

impl Checker {
    /// Counts a problem, and keeps it unless it repeats a kept one or the list is full. The hint
    /// is only worked out for a problem that is kept (some hints search the document), and never
    /// in the reader's builds (see `hint!`). Returns where in its severity's list the problem is
    /// kept or counted, if it is.
    pub(super) fn report(
        &mut self,
        severity: Severity,
        path: JsonPath,
        at_key: bool,
        message: String,
        hint: impl FnOnce() -> String,
    ) -> Option<usize> {
        let kept = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        kept.count += 1;
        let message = if message.chars().nth(MESSAGE_CHARS).is_some() {
            clip(&message, MESSAGE_CHARS).into_owned()
        } else {
            message
        };
        let kind = (message, path_shape(&path));
        if let Some(&first) = kept.by_kind.get(&kind) {
            kept.found[first].more_like_this += 1;
            return Some(first);
        }
        if kept.found.len() >= MAX_PROBLEMS {
            return None;
        }
        self.sequence += 1;
        let place = kept.found.len();
        kept.by_kind.insert(kind.clone(), place);
        kept.found.push(Found {
            severity,
            path,
            at_key,
            message: kind.0,
            hint: if cfg!(feature = "terse") {
                String::new()
            } else {
                clip(&hint(), MESSAGE_CHARS).into_owned()
            },
            more_like_this: 0,
            sequence: self.sequence,
        });
        Some(place)
    }

    /// Counts another error exactly like one already reported (at `place`, if it was kept),
    /// without building its path and message again.
    pub(super) fn repeat_error(&mut self, place: Option<usize>) {
        self.errors.count += 1;
        if let Some(place) = place {
            self.errors.found[place].more_like_this += 1;
        }
    }

    pub(super) fn error(
        &mut self,
        path: JsonPath,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.plain(Severity::Error, path, message.into(), hint.into());
    }

    pub(super) fn warning(
        &mut self,
        path: JsonPath,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.plain(Severity::Warning, path, message.into(), hint.into());
    }

    /// An error's or warning's one compiled body: `error` and `warning` only convert their words,
    /// so each kind of words they are called with adds a few bytes to the reader, not a copy.
    fn plain(&mut self, severity: Severity, path: JsonPath, message: String, hint: String) {
        self.report(severity, path, false, message, || hint);
    }

    /// The problems to list, errors first when the list is full, in the order found; and the
    /// count of all.
    pub(super) fn finish(self) -> (Vec<Found>, ProblemCount) {
        let total = ProblemCount {
            errors: self.errors.count,
            warnings: self.warnings.count,
        };
        let room = MAX_PROBLEMS.saturating_sub(self.errors.found.len());
        // Each list is already in the order found: merge them rather than sort (a sort is several
        // kilobytes of the reader's download for each type it sorts).
        let mut errors = self.errors.found.into_iter().peekable();
        let mut warnings = self.warnings.found.into_iter().take(room).peekable();
        let mut found = Vec::with_capacity(errors.len() + warnings.len());
        loop {
            let next = match (errors.peek(), warnings.peek()) {
                (Some(error), Some(warning)) if warning.sequence < error.sequence => {
                    warnings.next()
                }
                (Some(_), _) => errors.next(),
                (None, _) => warnings.next(),
            };
            let Some(next) = next else { break };
            found.push(next);
        }
        (found, total)
    }
}
