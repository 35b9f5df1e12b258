//! The site, its demo content and page feedback.

mod content;
mod feedback;
