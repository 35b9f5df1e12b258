//! The site itself: the programme's text on every page (kept a moment by
//! each server), "is this page useful?", and the demonstration programme.

pub mod areas;
pub mod content;
pub mod demo;
pub mod feedback;
