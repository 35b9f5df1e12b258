//! Page templates and their views.
//!
//! Views are plain structs filled by the web handlers; templates only read
//! them. All text comes from the locale's messages, except what people or
//! the council wrote, which is escaped and marked with its own language.

mod chrome;
mod pages;

pub use askama::Template;
pub use chrome::{AssetUrls, Chrome, FeedbackBox, LanguageLink, Nav};
pub use pages::*;
