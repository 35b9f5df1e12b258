//! One view struct per page template.

use askama::Template;

use crate::chrome::Chrome;

/// Text the council wrote, with the language it is written in (which can
/// differ from the page's when a translation is missing).
pub struct ProgrammeBox {
    pub lang: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage<'a> {
    pub ui: Chrome<'a>,
    pub programme: Option<ProgrammeBox>,
}

#[derive(Template)]
#[template(path = "get_involved.html")]
pub struct GetInvolvedPage<'a> {
    pub ui: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutPage<'a> {
    pub ui: Chrome<'a>,
    pub programme: Option<ProgrammeBox>,
}

#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityPage<'a> {
    pub ui: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyPage<'a> {
    pub ui: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "cookies.html")]
pub struct CookiesPage<'a> {
    pub ui: Chrome<'a>,
    pub language_cookie: &'static str,
}

/// Any error page: the title and text come from `error-<status>-*`
/// messages, the reason (if any) from `reason-<code>`.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ui: Chrome<'a>,
    pub status: u16,
    pub text: String,
    pub reason: Option<String>,
    pub reference: Option<String>,
}
