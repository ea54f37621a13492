//! Imports a spreadsheet saved as CSV in TimelineJS's column layout (Year, Month, Day, Time,
//! End Year, …, Headline, Text, Media, …, Type, Group). Problems name the sheet's row and column.

use super::{assemble, DateParts, Draft, ImportOutcome};
use crate::media::Video;

/// The TimelineJS template's columns, in its order (Alt Text is a later addition).
pub const COLUMNS: [&str; 19] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Alt Text",
];

/// Columns without which rows cannot become events.
const REQUIRED: [&str; 2] = ["Year", "Headline"];

/// "A", "B", …, "Z", "AA": how spreadsheets name columns.
fn column_letter(index: usize) -> String {
    let mut index = index + 1;
    let mut letters = Vec::new();
    while index > 0 {
        let remainder = (index - 1) % 26;
        letters.push((b'A' + remainder as u8) as char);
        index = (index - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One row's cells by column name, with the row's number for messages.
struct Row<'a> {
    number: usize,
    cells: &'a [String],
    positions: &'a [Option<usize>; 19],
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        let index = COLUMNS
            .iter()
            .position(|name| *name == column)
            .expect("a known column");
        self.positions[index]
            .and_then(|position| self.cells.get(position))
            .map_or("", |cell| cell.trim())
    }

    fn place(&self, column: &str) -> String {
        let index = COLUMNS
            .iter()
            .position(|name| *name == column)
            .expect("a known column");
        let letter = self.positions[index].map(column_letter).unwrap_or_default();
        format!("row {}, column {column} ({letter})", self.number)
    }

    /// A whole number, or an error naming the cell.
    fn number(&self, column: &str, errors: &mut Vec<String>) -> Option<i64> {
        let text = self.get(column);
        if text.is_empty() {
            return None;
        }
        match text.parse::<i64>() {
            Ok(number) => Some(number),
            Err(_) => {
                errors.push(format!(
                    "{}: \u{201c}{text}\u{201d} is not a number",
                    self.place(column)
                ));
                None
            }
        }
    }

    fn date(
        &self,
        year: &str,
        month: &str,
        day: &str,
        time: &str,
        errors: &mut Vec<String>,
    ) -> DateParts {
        let small = |value: Option<i64>| value.and_then(|value| u32::try_from(value).ok());
        let (hour, minute, second) = match parse_time(self.get(time)) {
            Ok(parts) => parts,
            Err(()) => {
                errors.push(format!(
                    "{}: \u{201c}{}\u{201d} is not a time (write 14:30 or 2:30 PM)",
                    self.place(time),
                    self.get(time)
                ));
                (None, None, None)
            }
        };
        DateParts {
            year: self.number(year, errors),
            month: small(self.number(month, errors)),
            day: small(self.number(day, errors)),
            hour,
            minute,
            second,
        }
    }
}

/// "14:30", "14:30:05", "2:30 PM" (or empty).
#[allow(clippy::type_complexity)]
fn parse_time(text: &str) -> Result<(Option<u32>, Option<u32>, Option<u32>), ()> {
    if text.is_empty() {
        return Ok((None, None, None));
    }
    let lower = text.to_ascii_lowercase();
    let (clock, offset) = if let Some(clock) = lower.strip_suffix("pm") {
        (clock.trim(), 12)
    } else if let Some(clock) = lower.strip_suffix("am") {
        (clock.trim(), 0)
    } else {
        (lower.as_str(), 0)
    };
    let parts: Vec<u32> = clock
        .split(':')
        .map(|part| part.trim().parse().map_err(|_| ()))
        .collect::<Result<_, _>>()?;
    let (hour, minute, second) = match parts.as_slice() {
        [hour] => (*hour, 0, None),
        [hour, minute] => (*hour, *minute, None),
        [hour, minute, second] => (*hour, *minute, Some(*second)),
        _ => return Err(()),
    };
    let hour = if offset == 12 && hour < 12 {
        hour + 12
    } else if offset == 0 && lower.ends_with("am") && hour == 12 {
        0
    } else {
        hour
    };
    if hour > 23 || minute > 59 || second.is_some_and(|second| second > 59) {
        return Err(());
    }
    Ok((Some(hour), Some(minute), second))
}

/// Reads the sheet: comma-separated as saved by a spreadsheet, or tab-separated as copied from
/// one and pasted.
pub fn import(bytes: &[u8]) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let header_line = bytes
        .split(|&byte| byte == b'\n')
        .next()
        .unwrap_or_default();
    let delimiter = if header_line.contains(&b'\t') && !header_line.contains(&b',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            outcome
                .errors
                .push(format!("the sheet could not be read: {error}"));
            return outcome;
        }
        None => {
            outcome.errors.push("the sheet is empty".into());
            return outcome;
        }
    };
    let names: Vec<String> = header
        .iter()
        .map(|name| String::from_utf8_lossy(name).trim().to_string())
        .collect();
    let mut positions: [Option<usize>; 19] = [None; 19];
    for (index, column) in COLUMNS.iter().enumerate() {
        positions[index] = names
            .iter()
            .position(|name| name.eq_ignore_ascii_case(column));
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .filter(|column| {
            positions[COLUMNS.iter().position(|name| name == *column).unwrap_or(0)].is_none()
        })
        .copied()
        .collect();
    if !missing.is_empty() {
        outcome.errors.push(format!(
            "row 1: the sheet has no {} column{} (the first row must name the columns: {})",
            missing
                .iter()
                .map(|name| format!("\u{201c}{name}\u{201d}"))
                .collect::<Vec<_>>()
                .join(" or "),
            if missing.len() == 1 { "" } else { "s" },
            COLUMNS.join(", ")
        ));
        return outcome;
    }
    for name in &names {
        if !name.is_empty()
            && !COLUMNS
                .iter()
                .any(|column| column.eq_ignore_ascii_case(name))
        {
            outcome.notes.push(format!("row 1: the column \u{201c}{name}\u{201d} is not one Storyline reads; it was left out"));
        }
    }
    let mut title = None;
    let mut has_title_row = false;
    let mut description = None;
    let mut drafts = Vec::new();
    for (offset, record) in records.enumerate() {
        let number = offset + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                outcome.errors.push(format!("row {number}: {error}"));
                continue;
            }
        };
        let mut cells = Vec::with_capacity(record.len());
        let mut readable = true;
        for (index, cell) in record.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(text) => cells.push(text.to_string()),
                Err(_) => {
                    let column = names.get(index).cloned().unwrap_or_default();
                    outcome.errors.push(format!(
                        "row {number}, column {column} ({}): the text is not valid UTF-8 (save the sheet as \u{201c}CSV UTF-8\u{201d})",
                        column_letter(index)
                    ));
                    readable = false;
                    cells.push(String::new());
                }
            }
        }
        if !readable || cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = Row {
            number,
            cells: &cells,
            positions: &positions,
        };
        let kind = row.get("Type").to_ascii_lowercase();
        if kind == "title" {
            has_title_row = true;
            title = Some(super::html::to_words(row.get("Headline"))).filter(|t| !t.is_empty());
            description = Some(super::html::to_words(row.get("Text"))).filter(|t| !t.is_empty());
            continue;
        }
        if !row.get("Background").is_empty() {
            outcome.notes.push(format!(
                "{}: left out (Storyline has no slide backgrounds)",
                row.place("Background")
            ));
        }
        // A video's thumbnail becomes its poster; anything else shows itself.
        let is_video = Video::from_url(row.get("Media").trim()).is_some();
        if !is_video && !row.get("Media Thumbnail").is_empty() {
            outcome.notes.push(format!(
                "{}: left out (the image itself is shown)",
                row.place("Media Thumbnail")
            ));
        }
        let start = row.date("Year", "Month", "Day", "Time", &mut outcome.errors);
        let end = row.date(
            "End Year",
            "End Month",
            "End Day",
            "End Time",
            &mut outcome.errors,
        );
        let optional =
            |column: &str| Some(row.get(column).to_string()).filter(|text| !text.is_empty());
        drafts.push(Draft {
            place: format!("row {number}"),
            id: None,
            start,
            end: Some(end),
            display_date: optional("Display Date"),
            headline: row.get("Headline").to_string(),
            html_text: row.get("Text").to_string(),
            media_url: optional("Media"),
            media_thumbnail: optional("Media Thumbnail").filter(|_| is_video),
            media_alt: optional("Alt Text"),
            media_caption: optional("Media Caption"),
            media_credit: optional("Media Credit"),
            group: optional("Group"),
            is_era: kind == "era",
        });
    }
    let title = title.unwrap_or_else(|| {
        // First, so that it stays in view when the notes about single rows are cut short.
        outcome.notes.insert(0, "no row has Type \u{201c}title\u{201d}; the timeline is called \u{201c}Imported timeline\u{201d}".into());
        "Imported timeline".into()
    });
    assemble(title, description, has_title_row, drafts, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &[u8] = include_bytes!("../../../../tests/fixtures/sheet.csv");

    #[test]
    fn imports_the_realistic_fixture_as_expected() {
        let outcome = import(FIXTURE);
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        let written =
            serde_json::to_string_pretty(&outcome.document.expect("a document")).unwrap() + "\n";
        let expected = include_str!("../../../../tests/fixtures/sheet.expected.json");
        assert!(
            written == expected,
            "tests/fixtures/sheet.expected.json differs; the import now gives:\n{written}"
        );
        let parsed = crate::parse::parse_timeline(&written);
        assert!(parsed.timeline.is_some(), "{:#?}", parsed.problems);
    }

    #[test]
    fn problems_name_the_row_and_column() {
        let sheet = "Year,Month,Day,Headline,Time\n2022,13,1,Bad month,\n2022,x,1,Bad number,\n2022,1,1,Bad time,25:00\n,1,1,No year,\n2022,2,3,Good,2:30 PM\n";
        let outcome = import(sheet.as_bytes());
        let errors = outcome.errors.join("\n");
        assert!(
            errors.contains("row 2: month 13 does not exist"),
            "{errors}"
        );
        assert!(
            errors.contains("row 3, column Month (B): \u{201c}x\u{201d} is not a number"),
            "{errors}"
        );
        assert!(
            errors.contains("row 4, column Time (E): \u{201c}25:00\u{201d} is not a time"),
            "{errors}"
        );
        assert!(errors.contains("row 5: no year"), "{errors}");
        let document = outcome.document.expect("the good rows still import");
        let good = document
            .events
            .iter()
            .find(|event| event.title == "Good")
            .unwrap();
        assert_eq!(good.start, "2022-02-03T14:30");
    }

    #[test]
    fn missing_columns_and_bad_bytes_are_explained() {
        let outcome = import(b"When,What\n2022,Something\n");
        assert!(
            outcome.errors[0].starts_with(
                "row 1: the sheet has no \u{201c}Year\u{201d} or \u{201c}Headline\u{201d} columns"
            ),
            "{:?}",
            outcome.errors
        );
        let outcome = import(b"Year,Headline\n2022,Caf\xe9\n");
        assert_eq!(
            outcome.errors[0],
            "row 2, column Headline (B): the text is not valid UTF-8 (save the sheet as \u{201c}CSV UTF-8\u{201d})"
        );
        assert_eq!(import(b"").errors, ["the sheet is empty"]);
    }

    #[test]
    fn cells_pasted_from_a_spreadsheet_are_tab_separated() {
        let pasted = FIXTURE
            .iter()
            .map(|&byte| if byte == b',' { b'\t' } else { byte })
            .collect::<Vec<_>>();
        // The whole fixture with tabs for commas (quoted cells keep theirs inside the quotes).
        let outcome = import(b"Year\tMonth\tDay\tHeadline\n2009\t4\t1\tAlbania joins NATO\n");
        assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
        assert_eq!(outcome.document.unwrap().events[0].start, "2009-04-01");
        assert!(import(&pasted).document.is_some());
    }

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }
}
