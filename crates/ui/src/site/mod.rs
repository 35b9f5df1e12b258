//! The site's own pages: home, get involved, about, and the
//! accessibility, privacy and cookie notices.

use askama::Template;

use crate::{Chrome, Listing};

/// Text the council wrote, with the language it is written in (which can
/// differ from the page's when a translation is missing).
pub struct ProgrammeBox {
    pub lang: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "site/home.html")]
pub struct HomePage<'a> {
    pub ui: Chrome<'a>,
    pub programme: Option<ProgrammeBox>,
    /// What each feature has open now.
    pub open: Vec<Listing>,
}

#[derive(Template)]
#[template(path = "site/get_involved.html")]
pub struct GetInvolvedPage<'a> {
    pub ui: Chrome<'a>,
    /// Each feature's section: what is open, upcoming and recently closed.
    pub sections: Vec<Listing>,
}

#[derive(Template)]
#[template(path = "site/about.html")]
pub struct AboutPage<'a> {
    pub ui: Chrome<'a>,
    pub programme: Option<ProgrammeBox>,
}

#[derive(Template)]
#[template(path = "site/accessibility.html")]
pub struct AccessibilityPage<'a> {
    pub ui: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "site/privacy.html")]
pub struct PrivacyPage<'a> {
    pub ui: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "site/cookies.html")]
pub struct CookiesPage<'a> {
    pub ui: Chrome<'a>,
    pub language_cookie: &'static str,
}
