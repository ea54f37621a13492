//! A story that passed validation: the only value the component accepts, so a host cannot hand it
//! a timeline with `javascript:` links or category references that point nowhere.

use super::model::Timeline;
use super::parse::{parse_timeline, ParseOutcome, Problem, ProblemCount};
use std::ops::Deref;
use std::sync::Arc;

/// A validated, sorted and indexed story, cheap to clone. It is made only by [`Story::read`]
/// (through the full validator); it can be read but not changed.
///
/// A timeline assembled by hand is not a story, so it cannot reach the component:
///
/// ```compile_fail,E0277
/// use storyline_core::model::Timeline;
/// let unchecked = Timeline::new("Made up".into(), None, None, Vec::new(), Vec::new());
/// let story: storyline::Story = std::sync::Arc::new(unchecked).into();
/// ```
///
/// ```compile_fail,E0624
/// let forged = storyline_core::story::Story::validated(todo!());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Story(Arc<Timeline>);

/// What reading a document found: the story when it has no errors, and the problems.
#[derive(Debug)]
pub struct StoryOutcome {
    pub story: Option<Story>,
    /// At most [`crate::parse::MAX_PROBLEMS`], errors first, repeats folded into the first.
    pub problems: Vec<Problem>,
    /// Every problem found, including those folded or left off the list.
    pub total: ProblemCount,
}

impl Story {
    /// Reads a Storyline JSON document through the full validator: the only way to make a story.
    pub fn read(text: &str) -> StoryOutcome {
        let ParseOutcome {
            timeline,
            problems,
            total,
        } = parse_timeline(text);
        StoryOutcome {
            story: timeline.map(Story::validated),
            problems,
            total,
        }
    }

    /// Wraps a timeline the validator accepted. Private: nothing else may vouch for one.
    fn validated(timeline: Timeline) -> Story {
        Story(Arc::new(timeline))
    }

    /// The shared timeline, for the component's parts.
    pub fn shared(&self) -> Arc<Timeline> {
        Arc::clone(&self.0)
    }
}

impl Deref for Story {
    type Target = Timeline;

    fn deref(&self) -> &Timeline {
        &self.0
    }
}
