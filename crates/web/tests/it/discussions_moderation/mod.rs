//! Moderators' pages over HTTP with the demo: a report reaches the
//! queue, a moderator hides the comment, its author appeals, and only
//! another moderator decides the appeal; the word lists; and bad input
//! refused with nothing changed.

mod deciding;
mod from_the_page;
mod screening;
mod statements_queue;
mod tools;
mod words;

pub const GRACE: &str = "grace@brightwater.example";
pub const KARIM: &str = "karim@brightwater.example";
