//! The error panel shown in place of a timeline whose data cannot be read: every problem, located.

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
                {errors
                    .into_iter()
                    .map(|problem| {
                        let more_like_this = problem.more_like_this_note();
                        view! {
                            <li>
                                <span class="storyline-problem-place">
                                    {format!("Line {}, column {}", problem.line, problem.column)}
                                </span>
                                " \u{2014} "
                                <code>{problem.path}</code>
                                ": "
                                {problem.message}
                                {more_like_this}
                                <span class="storyline-problem-hint">{problem.hint}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </div>
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
