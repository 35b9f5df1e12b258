//! Accounts: signing up and in, and the account overview. The other
//! account, organisation and administration pages are the kit's form and
//! report pages.

use askama::Template;

use crate::{Chrome, Field, FieldError, Phrase, SummaryRow, When};

#[derive(Template)]
#[template(path = "accounts/sign_up.html")]
pub struct SignUpPage<'a> {
    pub ui: Chrome<'a>,
    pub csrf: String,
    pub fields: Vec<Field>,
    pub errors: Vec<FieldError>,
}

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
pub struct SignInPage<'a> {
    pub ui: Chrome<'a>,
    pub csrf: String,
    /// Where to go once signed in (a checked local path), or empty.
    pub next: String,
    pub fields: Vec<Field>,
    pub errors: Vec<FieldError>,
}

/// One of the person's sessions in their list.
pub struct SessionRow {
    pub id: Option<String>,
    pub device: String,
    pub last_seen: When,
    pub current: bool,
}

/// A response the person sent, on their account page.
pub struct YourResponse {
    /// The consultation's page; none once it is withdrawn.
    pub href: Option<String>,
    pub title: crate::Shown,
    /// What they quote to the council, as the confirmation page gave it.
    pub reference: String,
    pub sent: When,
    /// "You can change it until …" or "Closed".
    pub status: String,
    pub open: bool,
    /// The page that reads their answers back; none once the
    /// consultation is withdrawn (its pages answer 410).
    pub answers: Option<String>,
    /// Why the links are gone, for a withdrawn consultation.
    pub note: Option<String>,
    /// A copy of the answers by email, for a confirmed address only.
    pub copy: Option<AnswersCopy>,
}

/// A copy of a response's answers by email, in its row of the list.
pub struct AnswersCopy {
    /// Where the copy last asked for stands ("Sent on …"), if any.
    pub status: Option<Phrase>,
    /// The button asking for one, when one may be asked for now.
    pub button: Option<String>,
    pub action: String,
}

/// A notification banner: a success, or something important that is no
/// success (a copy kept because the site cannot send email).
pub struct Notification {
    pub success: bool,
    pub text: Phrase,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
pub struct AccountPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    pub csrf: String,
    pub verified: bool,
    pub details: Vec<SummaryRow>,
    pub language: Field,
    pub organisations: Vec<(String, String)>,
    pub sessions: Vec<SessionRow>,
    pub responses: Vec<YourResponse>,
    /// Where a copy of answers just asked for stands.
    pub copy_notice: Option<Notification>,
    pub admin_links: Vec<(String, String)>,
}
