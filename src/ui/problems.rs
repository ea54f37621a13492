//! The error panel shown in place of a timeline whose data cannot be read: every problem, located;
//! and the one view of a problem that the panel and the editor's list share.

use crate::core::parse::{Problem, Severity};
use leptos::prelude::*;

/// Lists the errors (and warnings) found in a document, each with its line, column and hint.
#[component]
pub fn ProblemsPanel(problems: Vec<Problem>, #[prop(into)] source: String) -> impl IntoView {
    let errors: Vec<Problem> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .cloned()
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
    view! {
        <div class="storyline-problems" role="alert">
            <h2 class="storyline-problems-title">"This timeline can\u{2019}t be shown yet"</h2>
            <p>{summary} " " <code>{source}</code></p>
            <ol class="storyline-problems-list">
                {errors.into_iter().map(problem_item).collect_view()}
            </ol>
            // The reader's build leaves the validator's hints out (they weigh on every article's
            // download); the editor and the command line give them.
            <p class="storyline-problems-help">
                "The Storyline editor and " <code>"storyline validate"</code> " explain how to fix each one."
            </p>
        </div>
    }
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
        return problem_item(problem).into_any();
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

/// A problem as a plain list item (the reader's panel; the editor's items are buttons). Apart
/// from `ProblemItem`, so the reader's build carries only this shape.
fn problem_item(problem: Problem) -> impl IntoView {
    let (line, column) = (problem.line, problem.column);
    view! {
        <li>
            <span class="storyline-problem-place">{format!("Line {line}, column {column}")}</span>
            {what_is_wrong(&problem)}
            <span class="storyline-problem-hint">{problem.hint}</span>
        </li>
    }
}

/// A short message for data that could not be fetched at all.
#[component]
pub fn LoadFailure(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <div class="storyline-problems" role="alert">
            <h2 class="storyline-problems-title">"This timeline could not be loaded"</h2>
            <p>{message}</p>
        </div>
    }
}
