//! Pages any feature shows: a notice, a confirmation with a reference,
//! and an error.

use askama::Template;

use crate::{Chrome, Phrase};

/// A page that says one thing: "check your email", "link used".
#[derive(Template)]
#[template(path = "kit/notice.html")]
pub struct NoticePage<'a> {
    pub ui: Chrome<'a>,
    pub text: String,
    pub link: Option<(String, Phrase)>,
}

/// "Done", with the reference to quote (a response sent).
#[derive(Template)]
#[template(path = "kit/confirmation.html")]
pub struct ConfirmationPage<'a> {
    pub ui: Chrome<'a>,
    pub reference_label: String,
    pub reference: String,
    /// Its dates in `<time>` ("until 4 February 2027 at 5pm").
    pub paragraphs: Vec<Phrase>,
    pub links: Vec<(String, Phrase)>,
    /// `?done=…`: what was just done, as a banner.
    pub done: Option<String>,
    /// A form of one button (action, CSRF token, button, hint above it).
    pub form: Option<OneButton>,
}

/// A form that is one button, with a sentence above it.
pub struct OneButton {
    pub action: String,
    pub csrf: String,
    pub button: String,
    pub hint: Phrase,
}

/// Any error page: the title and text come from `error-<status>-*`
/// messages, the reason (if any) from `reason-<code>`.
#[derive(Template)]
#[template(path = "kit/error.html")]
pub struct ErrorPage<'a> {
    pub ui: Chrome<'a>,
    pub status: u16,
    pub text: String,
    pub reason: Option<String>,
    pub reference: Option<String>,
}
