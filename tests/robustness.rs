//! Bad input never crashes: thousands of mangled variants of real files go through every parser
//! (Storyline JSON, TimelineJS JSON, spreadsheet CSV), which must answer with problems, not panics.

use storyline::core::import::{sheet, timelinejs};
use storyline::core::parse::parse_timeline;

/// A small deterministic generator: the same mangled inputs on every run.
struct Random(u64);

impl Random {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// Flips, drops, repeats and inserts bytes (some of them structural: quotes, brackets, commas).
fn mangle(input: &[u8], random: &mut Random) -> Vec<u8> {
    const SPICE: &[u8] = b"{}[]\",:-0123456789\\\n\xff\xc3 TtZ";
    let mut bytes = input.to_vec();
    for _ in 0..1 + random.next(8) {
        if bytes.is_empty() {
            bytes.push(SPICE[random.next(SPICE.len())]);
            continue;
        }
        let at = random.next(bytes.len());
        match random.next(5) {
            0 => bytes[at] = SPICE[random.next(SPICE.len())],
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, SPICE[random.next(SPICE.len())]),
            3 => bytes.truncate(at),
            _ => {
                let end = (at + random.next(64)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

#[test]
fn no_mangled_story_makes_the_validator_panic() {
    let story = include_bytes!("../data/albania-iran-israel.json");
    let mut random = Random(1);
    for _ in 0..3_000 {
        let bytes = mangle(story, &mut random);
        let outcome = parse_timeline(&String::from_utf8_lossy(&bytes));
        // Every outcome is either a timeline or at least one located problem.
        assert!(
            outcome.timeline.is_some()
                || outcome
                    .problems
                    .iter()
                    .all(|p| p.line >= 1 && p.column >= 1)
        );
        assert!(outcome.timeline.is_some() || !outcome.problems.is_empty());
    }
}

#[test]
fn no_mangled_timelinejs_file_makes_the_importer_panic() {
    let file = include_bytes!("fixtures/timelinejs.json");
    let mut random = Random(2);
    for _ in 0..3_000 {
        let outcome = timelinejs::import(&String::from_utf8_lossy(&mangle(file, &mut random)));
        assert!(outcome.document.is_some() || !outcome.errors.is_empty());
    }
}

#[test]
fn no_mangled_sheet_makes_the_importer_panic() {
    let file = include_bytes!("fixtures/sheet.csv");
    let mut random = Random(3);
    for _ in 0..3_000 {
        let outcome = sheet::import(&mangle(file, &mut random));
        assert!(outcome.document.is_some() || !outcome.errors.is_empty());
    }
}
