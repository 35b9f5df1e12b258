//! Surveys: pages of questions ([`model::SurveyDefinition`], the one
//! survey type), the routing that shows a question or skips a page
//! depending on earlier answers, the answers themselves, how they are
//! counted, the builder (its question form, where questions go, and
//! each change it makes), what changed between two versions, and where
//! in a survey's JSON each problem lies.

pub mod answers;
pub mod builder;
pub mod changes;
pub mod diff;
pub mod model;
pub mod placement;
pub mod pointers;
pub mod progress;
pub mod routing;
pub mod rule_form;
pub mod tally;
mod validation;
pub mod wording;
