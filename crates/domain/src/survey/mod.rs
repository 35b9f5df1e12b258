//! Surveys: pages of questions, and the routing that shows a question or
//! skips a page depending on earlier answers.

pub mod answers;
pub mod builder;
pub mod model;
pub mod routing;
pub mod tally;

pub use routing::{validate_routing, Condition, RoutingError};

/// A question's place in its survey: (page index, question index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionRef {
    pub page: usize,
    pub question: usize,
}

/// The kinds of question, as far as routing cares: only choices can be
/// routed on, because only they have a fixed set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answers {
    /// Single or multiple choice: how many options it offers.
    Choice { options: usize },
    /// Anything else (scales, numbers, dates, text, …).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub answers: Answers,
    pub required: bool,
    /// Shown only when this holds (always, when `None`).
    pub show_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub questions: Vec<Question>,
    /// Skipped when this holds.
    pub skip_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Survey {
    pub pages: Vec<Page>,
}
