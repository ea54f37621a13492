//! House rules, checked as a test: the core stays pure and every module says what it is for.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The core's own dependencies: the compiler keeps it from importing anything else, so a web
/// crate can only get in through this list. Adding one is a decision (see docs/architecture.md).
#[test]
fn core_depends_only_on_pure_crates() {
    const ALLOWED: [&str; 5] = ["serde", "serde_json", "schemars", "csv", "chrono"];
    let manifest = fs::read_to_string(root().join("crates/storyline-core/Cargo.toml"))
        .expect("the core crate's manifest");
    let mut section = "";
    let mut unexpected = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
        } else if section.ends_with("dependencies]") && !section.contains("dev-dependencies") {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim().replace('-', "_");
                if !name.starts_with('#') && !ALLOWED.contains(&name.as_str()) {
                    unexpected.push(name);
                }
            }
        }
    }
    assert!(
        unexpected.is_empty(),
        "the core crate must stay pure; unexpected dependencies: {unexpected:?}"
    );
}

/// A second line behind the manifest check: no web or UI path is even written in the core.
#[test]
fn core_uses_no_web_or_ui_crates() {
    const FORBIDDEN: [&str; 6] = [
        "leptos",
        "web_sys",
        "gloo",
        "wasm_bindgen",
        "js_sys",
        "gloo_net",
    ];
    let mut offences = Vec::new();
    for file in rust_files(&root().join("crates/storyline-core/src")) {
        let text = fs::read_to_string(&file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for name in FORBIDDEN {
                if code.contains(&format!("{name}::"))
                    || code.trim_start().starts_with(&format!("use {name}"))
                {
                    offences.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the core must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_module_opens_with_a_doc_line() {
    let mut files = rust_files(&root().join("src"));
    files.extend(rust_files(&root().join("tests")));
    files.extend(rust_files(&root().join("crates")));
    let missing: Vec<_> = files
        .iter()
        .filter(|file| {
            let text = fs::read_to_string(file).expect("readable source");
            !text.trim_start().starts_with("//!")
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a //! line: {missing:?}"
    );
}

#[test]
fn links_from_data_open_safely() {
    // Every anchor the UI builds with target="_blank" must carry rel="noopener noreferrer".
    for file in rust_files(&root().join("src/ui")) {
        let text = fs::read_to_string(&file).expect("readable source");
        let blank = text.matches("target=\"_blank\"").count();
        let safe = text.matches("rel=\"noopener noreferrer\"").count();
        assert_eq!(
            blank,
            safe,
            "{}: a target=_blank link lacks rel=noopener noreferrer",
            file.display()
        );
        assert!(
            !text.contains("inner_html"),
            "{}: never inject HTML from data",
            file.display()
        );
    }
}

#[test]
fn parts_never_reach_back_into_the_timeline_and_the_look_is_a_leaf() {
    // Only the pages mount the whole component; its parts get what they need handed to them, and
    // shared look comes from `ui/look.rs`, which itself uses no other part of the shell.
    let pages = ["src/ui/app.rs", "src/ui/mod.rs", "src/ui/editor/mod.rs"];
    for file in rust_files(&root().join("src/ui")) {
        let relative = file.strip_prefix(root()).expect("inside the repository");
        let relative = relative.to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(&file).expect("readable source");
        if relative != "src/ui/timeline.rs" && !pages.contains(&relative.as_str()) {
            assert!(
                !text.contains("timeline::"),
                "{relative}: a part of the component imports the timeline module"
            );
        }
        if relative == "src/ui/look.rs" {
            assert!(
                !text.contains("use super::") && !text.contains("crate::ui::"),
                "ui/look.rs must stay a leaf"
            );
        }
    }
}

#[test]
fn no_ui_file_grows_past_a_sitting() {
    // A part of the shell a newcomer can read in one go; past this, it holds more than one thing.
    const MAX_LINES: usize = 450;
    let long: Vec<_> = rust_files(&root().join("src/ui"))
        .into_iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(&file)
                .expect("readable source")
                .lines()
                .count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by concern: {long:?}");
}
