//! A story that passed validation: the only value the component accepts, so a host cannot hand it
//! a timeline with `javascript:` links or category references that point nowhere.

use super::model::Timeline;
use std::ops::Deref;
use std::sync::Arc;

/// A validated, sorted and indexed story, cheap to clone. Outside this crate it is made only by
/// [`crate::parse`] (through the full validator); it can be read but not changed.
///
/// A timeline assembled by hand is not a story, so it cannot reach the component:
///
/// ```compile_fail,E0277
/// use storyline::core::model::Timeline;
/// let unchecked = Timeline::new("Made up".into(), None, None, Vec::new(), Vec::new());
/// let story: storyline::Story = std::sync::Arc::new(unchecked).into();
/// ```
///
/// ```compile_fail,E0624
/// let forged = storyline::Story::validated(todo!());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Story(Arc<Timeline>);

impl Story {
    /// Wraps a timeline the validator accepted. Crate-private: nothing else may vouch for one.
    pub(crate) fn validated(timeline: Timeline) -> Story {
        Story(Arc::new(timeline))
    }

    /// The shared timeline, for the component's parts.
    pub(crate) fn shared(&self) -> Arc<Timeline> {
        Arc::clone(&self.0)
    }
}

impl Deref for Story {
    type Target = Timeline;

    fn deref(&self) -> &Timeline {
        &self.0
    }
}
