//! Community messages' own part of a page: a message's body, rendered
//! from the site's safe Markdown and marked with its language.

use askama::Template;

/// A message's body as a section of a report page.
#[derive(Template)]
#[template(path = "messaging/prose.html")]
pub struct Prose {
    /// Sanitised HTML (`kit::markdown::render`).
    pub html: String,
    pub lang: String,
    /// A level-2 heading above it, if any (the preview's language).
    pub heading: Option<String>,
}

impl Prose {
    pub fn new(body: &str, lang: &str, heading: Option<String>) -> Self {
        Self {
            html: crate::kit::markdown::render(body),
            lang: lang.to_owned(),
            heading,
        }
    }
}
