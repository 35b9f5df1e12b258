//! Getting help: the guided choice, a route's page and the
//! administrators' configuration pages (ADR 43). Every help page has
//! the "Exit this page" link and says that Cohesion only signposts.

use askama::Template;

use crate::{Chrome, Phrase, Shown};

/// The "Exit this page" control: a plain link to a neutral site, which
/// the script also follows on Shift pressed three times.
pub struct ExitLink {
    pub href: String,
}

/// A route offered by the guided choice.
pub struct ChoiceView {
    pub key: String,
    pub href: String,
    pub title: Shown,
}

/// A link to another part of the site from the help index.
pub struct OtherLink {
    pub href: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "help/index.html")]
pub struct HelpIndexPage<'a> {
    pub ui: Chrome<'a>,
    pub exit: ExitLink,
    pub choices: Vec<ChoiceView>,
    /// The route chosen when the form came back without one.
    pub unchosen: bool,
    /// `lang` kept in the form, or empty.
    pub lang: String,
    pub others: Vec<OtherLink>,
}

/// One way to reach a service.
pub struct ContactView {
    /// "Phone", "Text relay", "Online", …
    pub kind: String,
    pub value: String,
    /// `tel:`, `sms:` or the web address; none for a place.
    pub href: Option<String>,
    /// The link's accessible name, where it says more than the value.
    pub hours: Option<String>,
    /// "Open now", "Closed now — opens Monday at 9am", "Open 24 hours".
    pub openness: Option<String>,
    pub open: bool,
}

/// A service named by a route.
pub struct ServiceView {
    pub name: Shown,
    pub description: Shown,
    pub languages: Shown,
    pub anonymous: String,
    pub local: bool,
    pub contacts: Vec<ContactView>,
}

#[derive(Template)]
#[template(path = "help/route.html")]
pub struct HelpRoutePage<'a> {
    pub ui: Chrome<'a>,
    pub exit: ExitLink,
    pub intro: Shown,
    pub next: Shown,
    pub services: Vec<ServiceView>,
    pub back_href: String,
}

/// A row of the configuration page.
pub struct ConfigRow {
    pub name: Phrase,
    pub detail: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "help/configure.html")]
pub struct HelpConfigurePage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    pub routes: Vec<ConfigRow>,
    pub services: Vec<ConfigRow>,
    pub exit_url: String,
    pub csrf: String,
    pub errors: Vec<(String, String)>,
}

/// One language's fields of a form.
pub struct LangFields {
    pub tag: String,
    pub name: String,
    pub dir: &'static str,
    /// (field name, label, value, long)
    pub fields: Vec<(String, String, String, bool)>,
}

/// A contact's row of the service form.
pub struct ContactRow {
    pub index: usize,
    pub kind: String,
    pub value: String,
    pub hours: String,
}

#[derive(Template)]
#[template(path = "help/edit.html")]
pub struct HelpEditPage<'a> {
    pub ui: Chrome<'a>,
    pub action: String,
    pub csrf: String,
    pub errors: Vec<(String, String)>,
    pub langs: Vec<LangFields>,
    /// For a service: the routes (key, title, chosen), anonymity choices
    /// (value, label, chosen), kinds (value, label) and contact rows.
    pub service: Option<ServiceFields>,
    pub retire: Option<String>,
}

pub struct ServiceFields {
    pub routes: Vec<(String, String, bool)>,
    pub anonymous: Vec<(String, String, bool)>,
    pub kinds: Vec<(String, String)>,
    pub contacts: Vec<ContactRow>,
}

/// A local area as the areas page lists it, with its names per language.
pub struct AreaRow {
    pub id: String,
    /// (language tag, language name, name in it)
    pub names: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "help/areas.html")]
pub struct HelpAreasPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    pub csrf: String,
    pub errors: Vec<(String, String)>,
    pub areas: Vec<AreaRow>,
    /// The add form's fields: (language tag, language name, typed).
    pub new_names: Vec<(String, String, String)>,
}
