//! Pages any feature shows: a notice, the question before a far-reaching
//! action, a confirmation with a reference, and an error.

use askama::Template;

use crate::{Chrome, Phrase};

/// A page that says one thing: "check your email", "link used".
#[derive(Template)]
#[template(path = "kit/notice.html")]
pub struct NoticePage<'a> {
    pub ui: Chrome<'a>,
    /// May hold a date in `<time>` ("withdrawn on 4 February 2027").
    pub text: Phrase,
    pub link: Option<(String, Phrase)>,
}

/// "Are you sure?" before a far-reaching action: what will happen, a
/// button that does it ("Yes, …") and a way back that does nothing. The
/// form carries the token, what to do (`hidden`) and `confirm=yes`.
#[derive(Template)]
#[template(path = "kit/confirm.html")]
pub struct ConfirmPage<'a> {
    pub ui: Chrome<'a>,
    /// What will happen, a paragraph each.
    pub lead: Vec<Phrase>,
    /// What it gives or takes away, as a list (what an administrator can
    /// do); empty for none.
    pub points: Vec<Phrase>,
    /// Said after the list, a paragraph each.
    pub after: Vec<Phrase>,
    /// Said last, beside a warning sign: what cannot be undone.
    pub warning: Option<String>,
    /// What is worth knowing before saying yes, though it does not stop
    /// the action (texts not yet translated), each with the way to see
    /// to it; set apart from the question.
    pub notes: Vec<ConfirmNote>,
    pub csrf: String,
    pub action: String,
    pub hidden: Vec<(&'static str, String)>,
    pub button: String,
    /// A red button, for taking away.
    pub danger: bool,
    /// Where "Cancel" goes, and its label.
    pub cancel: (String, String),
}

/// A paragraph of a confirmation page's notes, with a link to act on it
/// if there is one.
pub struct ConfirmNote {
    pub text: Phrase,
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
    /// What the reader can do about it, in words (who to ask), when the
    /// error has such advice.
    pub help: Option<String>,
    /// Where to go from here, besides the home page: (address, words).
    pub links: Vec<(String, String)>,
    pub reference: Option<String>,
}
