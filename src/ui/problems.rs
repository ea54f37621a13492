//! The error panel shown in place of a timeline whose data cannot be read: every problem, located;
//! and the one view of a problem that the panel and the editor's list share.

use super::built::{Built, Nodes};
use super::media::{append, element, text_element};
use crate::core::parse::{Problem, Severity};
use leptos::prelude::*;
use web_sys::Element;

/// Lists the errors (and warnings) found in a document, each with its line, column and hint.
///
/// Built as nodes (see `Built`): it never changes once shown.
#[component]
pub fn ProblemsPanel(problems: Vec<Problem>, #[prop(into)] source: String) -> impl IntoView {
    Built::new(move || problems_nodes(&problems, &source).map(Nodes::plain))
}

pub(super) fn problems_nodes(problems: &[Problem], source: &str) -> Option<Element> {
    let errors: Vec<&Problem> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .collect();
    // Repeats of a problem are folded into its first place; the count still says how many.
    let summary = match errors
        .iter()
        .map(|problem| 1 + problem.more_like_this)
        .sum::<usize>()
    {
        1 => "The data has 1 problem to fix:".to_string(),
        count => format!("The data has {count} problems to fix:"),
    };
    let panel = alert("This timeline can\u{2019}t be shown yet")?;
    let said = element("p", "", &[])?;
    let _ = said.append_with_str_1(&summary);
    let _ = said.append_with_str_1(" ");
    append(&said, text_element("code", "", source)?);
    append(&panel, said);
    let list = element("ol", "storyline-problems-list", &[])?;
    for problem in errors {
        append(&list, problem_node(problem)?);
    }
    append(&panel, list);
    // The reader's build leaves the validator's hints out (they weigh on every article's
    // download); the editor and the command line give them.
    let help = element("p", "storyline-problems-help", &[])?;
    let _ = help.append_with_str_1("The Storyline editor and ");
    append(&help, text_element("code", "", "storyline validate")?);
    let _ = help.append_with_str_1(" explain how to fix each one.");
    append(&panel, help);
    Some(panel)
}

/// The panel's frame: an alert with its heading.
fn alert(title: &str) -> Option<Element> {
    let panel = element("div", "storyline-problems", &[("role", "alert")])?;
    append(
        &panel,
        text_element("h2", "storyline-problems-title", title)?,
    );
    Some(panel)
}

/// A problem as a plain list item (the reader's panel; the editor's items are buttons): its
/// place, its JSON path, what is wrong (with how many more are like it) and the hint.
fn problem_node(problem: &Problem) -> Option<Element> {
    let (line, column) = (problem.line, problem.column);
    let item = element("li", "", &[])?;
    append(
        &item,
        text_element(
            "span",
            "storyline-problem-place",
            &format!("Line {line}, column {column}"),
        )?,
    );
    let _ = item.append_with_str_1(" \u{2014} ");
    append(&item, text_element("code", "", &problem.path)?);
    for text in [": ", &problem.message, &problem.more_like_this_note()] {
        let _ = item.append_with_str_1(text);
    }
    append(
        &item,
        text_element("span", "storyline-problem-hint", &problem.hint)?,
    );
    Some(item)
}

/// One problem as a list item: its place, its JSON path, what is wrong (with how many more like
/// it) and the hint. With `on_jump` (the editor, which lists warnings too) the item is a button
/// that takes the cursor to the problem's line and column, and names its severity.
#[component]
pub fn ProblemItem(
    problem: Problem,
    #[prop(optional)] on_jump: Option<Callback<(usize, usize)>>,
) -> impl IntoView {
    let Some(jump) = on_jump else {
        return Built::new(move || problem_node(&problem).map(Nodes::plain)).into_any();
    };
    let (line, column) = (problem.line, problem.column);
    let what = what_is_wrong(&problem);
    let (kind, class) = match problem.severity {
        Severity::Error => ("Error", "editor-problem editor-error"),
        Severity::Warning => ("Warning", "editor-problem editor-warning"),
    };
    view! {
        <li class=class>
            <button type="button" on:click=move |_| jump.run((line, column))>
                <strong>{format!("{kind}, line {line}, column {column}")}</strong>
                {what}
                <span class="editor-hint">{problem.hint}</span>
            </button>
        </li>
    }
    .into_any()
}

/// The problem's JSON path, what is wrong, and how many more are like it.
fn what_is_wrong(problem: &Problem) -> impl IntoView {
    (
        " \u{2014} ",
        view! { <code>{problem.path.clone()}</code> },
        ": ",
        problem.message.clone(),
        problem.more_like_this_note(),
    )
}

/// A short message for data that could not be fetched at all.
#[component]
pub fn LoadFailure(#[prop(into)] message: String) -> impl IntoView {
    load_failure(message)
}

/// `LoadFailure` as a value, for places that show one among other `Built` views.
pub(super) fn load_failure(message: String) -> Built {
    Built::new(move || {
        let panel = alert("This timeline could not be loaded")?;
        append(&panel, text_element("p", "", &message)?);
        Some(Nodes::plain(panel))
    })
}
