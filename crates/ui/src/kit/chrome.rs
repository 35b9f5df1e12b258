//! What every page has around its content: head, header, language
//! switcher, navigation, feedback question and footer.

use cohesion_i18n::{Catalog, Locale};
use fluent_bundle::FluentValue;

use super::components::{self, ComponentTexts};
use super::shown::{unmarked, Phrase, Value};

/// Cache-busted URLs of the compiled stylesheets and script.
#[derive(Debug, Clone)]
pub struct AssetUrls {
    pub stylesheet_ltr: String,
    pub stylesheet_rtl: String,
    pub script: String,
    pub favicon: String,
}

/// An item of the site's navigation: its key (which pages name to be
/// shown as within it), where it leads and the message id of its label.
/// The web layer makes the list from what each feature brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavLink {
    pub key: &'static str,
    pub href: &'static str,
    pub label: &'static str,
}

pub struct LanguageLink<'a> {
    pub tag: &'a str,
    pub name: &'a str,
    pub href: String,
    pub current: bool,
}

/// The "Is this page useful?" box: the page's key, and after an answer
/// the running count of people who found the page useful.
pub struct FeedbackBox {
    pub page_key: &'static str,
    pub thanks_count: Option<u64>,
}

/// The signed-in person as the header shows them.
pub struct UserBox {
    pub name: String,
    pub csrf: String,
    /// Their unread notifications, where the page counted them (pages
    /// served from the cache and error pages do not).
    pub unread: Option<u64>,
    /// Whether the count stopped at its cap: then `unread` is the most
    /// that is said ("99+"), not how many there are.
    pub unread_more: bool,
}

pub struct Chrome<'a> {
    pub locale: &'a Locale,
    /// The page's title, as its heading shows it; the `<title>` has it
    /// without markup or isolation marks.
    pub title: Phrase,
    /// The site's one name in this language (the programme's name, else
    /// the product's): the header, every page's `<title>`, error pages
    /// and emails all give this one.
    pub site_name: String,
    /// The language the site name is written in (it may be a fallback).
    pub site_lang: String,
    /// The key of the navigation item this page belongs to ("" for none).
    pub nav: &'static str,
    /// The navigation, in order, as this reader may see it.
    pub nav_links: Vec<NavLink>,
    pub languages: Vec<LanguageLink<'a>>,
    pub assets: &'a AssetUrls,
    pub feedback: Option<FeedbackBox>,
    pub user: Option<UserBox>,
    /// Where the header's "Get help" link goes: `/help`, with the page's
    /// language on help pages, which set no language cookie (ADR 43).
    pub help_href: String,
}

impl<'a> Chrome<'a> {
    /// `path` is the current page's path, which the language links keep.
    /// `title_id` is the message id of the page's title.
    pub fn new(
        locale: &'a Locale,
        catalog: &'a Catalog,
        path: &str,
        title_id: &str,
        site_name: Option<String>,
        assets: &'a AssetUrls,
    ) -> Self {
        let languages = catalog
            .all()
            .iter()
            .map(|l| LanguageLink {
                tag: l.tag(),
                name: l.name(),
                href: format!("{path}?lang={}", l.tag()),
                current: l.tag() == locale.tag(),
            })
            .collect();
        Chrome {
            locale,
            title: Phrase::plain(locale.t(title_id)),
            site_name: site_name.unwrap_or_else(|| locale.t("product-name").into_owned()),
            site_lang: locale.tag().to_owned(),
            nav: "",
            nav_links: Vec::new(),
            languages,
            assets,
            feedback: None,
            user: None,
            help_href: "/help".to_owned(),
        }
    }

    /// Keeps `query` (encoded, without `lang`) in the language links, so
    /// that switching language keeps what the page was asked to show (the
    /// questions of a crosstab, the margins of a weighting). A later call
    /// replaces what an earlier one kept.
    pub fn keep_query(&mut self, query: &str) {
        for l in &mut self.languages {
            if let Some((path, rest)) = l.href.split_once('?') {
                let lang = rest.rsplit('&').next().unwrap_or(rest);
                l.href = match query {
                    "" => format!("{path}?{lang}"),
                    _ => format!("{path}?{query}&{lang}"),
                };
            }
        }
    }

    /// Marks the site name as written in `lang` (when it fell back).
    pub fn with_site_lang(mut self, lang: &str) -> Self {
        self.site_lang = lang.to_owned();
        self
    }

    pub fn with_user(mut self, user: Option<UserBox>) -> Self {
        self.user = user;
        self
    }

    /// Marks the page as within the navigation item `key`.
    pub fn with_nav(mut self, key: &'static str) -> Self {
        self.nav = key;
        self
    }

    /// The navigation's items, in order.
    pub fn with_nav_links(mut self, links: Vec<NavLink>) -> Self {
        self.nav_links = links;
        self
    }

    pub fn with_feedback(mut self, feedback: FeedbackBox) -> Self {
        self.feedback = Some(feedback);
        self
    }

    pub fn t(&self, id: &str) -> std::borrow::Cow<'a, str> {
        self.locale.t(id)
    }

    /// A message with one text argument.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.locale.t_args(id, &[(name, FluentValue::from(value))])
    }

    /// A message with one value whose language nobody recorded (a
    /// person's name, a reference), placed as markup.
    pub fn p1(&self, id: &str, name: &str, value: &str) -> Phrase {
        self.phrase(id, &[(name, Value::Text(value))])
    }

    /// A message with one value written in `lang`, placed as markup.
    pub fn p1_in(&self, id: &str, name: &str, value: &str, lang: &str) -> Phrase {
        let shown = super::shown::Shown::new(value, lang);
        self.phrase(id, &[(name, Value::Shown(&shown))])
    }

    /// A message with one number argument (plural forms follow it).
    pub fn tn(&self, id: &str, name: &str, value: &u64) -> String {
        self.locale.t_args(id, &[(name, FluentValue::from(*value))])
    }

    pub fn lang(&self) -> &str {
        self.locale.tag()
    }

    /// The page's language asking for Western digits, for the parts a
    /// script numbers in the browser (the character count formats its
    /// count for the nearest `lang`, and plain `ar` would give Arabic-Indic
    /// digits beside the Western ones the rest of the page writes).
    pub fn digits_lang(&self) -> String {
        format!("{}-u-nu-latn", self.locale.tag())
    }

    pub fn dir(&self) -> &str {
        self.locale.direction().as_str()
    }

    /// A message with values placed in it as markup (a heading, a link,
    /// a caption): see [`Phrase`].
    pub fn phrase(&self, id: &str, args: &[(&str, Value<'_>)]) -> Phrase {
        Phrase::message(self.locale, id, args)
    }

    /// The page's `<title>`: the title and the site's name, as text
    /// with no isolation marks (a `<title>` holds no markup, and what
    /// people copy from it, or see in a bookmark, should be only the
    /// words).
    pub fn page_title(&self) -> String {
        unmarked(&self.locale.t_args(
            "page-title",
            &[
                ("page", FluentValue::from(self.title.text())),
                ("site", FluentValue::from(self.site_name.as_str())),
            ],
        ))
    }

    /// The `<title>` of a page showing `errors` problems with what was
    /// sent: "Error: " before it when there are any, so a screen reader
    /// hears at once that the form came back (GOV.UK's pattern).
    pub fn page_title_with_errors(&self, errors: usize) -> String {
        let title = self.page_title();
        if errors == 0 {
            return title;
        }
        format!("{} {title}", self.locale.t("error-prefix"))
    }

    /// The character count's texts in the page's language, as the
    /// `data-i18n.*` attributes GOV.UK Frontend reads.
    pub fn character_count_texts(&self) -> ComponentTexts {
        components::character_count(self.locale)
    }

    pub fn stylesheet(&self) -> &str {
        match self.locale.direction() {
            cohesion_i18n::Direction::Ltr => &self.assets.stylesheet_ltr,
            cohesion_i18n::Direction::Rtl => &self.assets.stylesheet_rtl,
        }
    }

    /// Whether this page belongs to the navigation item `key`.
    pub fn nav_is(&self, key: &str) -> bool {
        !self.nav.is_empty() && self.nav == key
    }
}
