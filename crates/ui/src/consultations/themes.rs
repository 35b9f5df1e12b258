//! Views for the theme analysis of a long-text question: the themes with
//! their quotes and counts, the forms to edit them, and the review list.

use askama::Template;

use crate::{Chrome, FieldError, Phrase, SummaryRow};

/// An answer quoted as an example, linking to its response.
pub struct QuoteLink {
    pub text: String,
    pub href: String,
    pub reference: String,
}

pub struct ThemeRow {
    /// Marked with the language its letters are in, where known.
    pub label: Phrase,
    pub description: String,
    pub stance: String,
    /// The strongest terms, each marked with its language.
    pub terms: Phrase,
    pub quotes: Vec<QuoteLink>,
    /// Discovery's count, with share and interval.
    pub count: Phrase,
    /// The mapped count, once answers are mapped.
    pub mapped: Option<Phrase>,
    pub status: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "consultations/themes.html")]
pub struct ThemesPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub done: Option<String>,
    pub errors: Vec<FieldError>,
    pub csrf: String,
    pub action: String,
    pub lead: Vec<String>,
    pub rows: Vec<SummaryRow>,
    pub seed: String,
    pub has_run: bool,
    pub themes: Vec<ThemeRow>,
    /// The answers in no theme, as the table's last row: discovery's
    /// count and, once mapped, the mapped one.
    pub no_theme: Option<(Phrase, Option<Phrase>)>,
    /// Campaign texts (masked) with a link, and their count.
    pub campaigns: Vec<(QuoteLink, String)>,
    /// Answers counted but never themed: (what, count).
    pub set_aside: Vec<(String, Phrase)>,
    pub confirmed: bool,
    pub mapped: bool,
    pub add_label: String,
    pub add_description: String,
    pub add_examples: String,
    pub review: Option<(String, String)>,
    /// Deleted and merged themes: (label, what happened).
    pub retired: Vec<(Phrase, Phrase)>,
}

/// An answer a theme holds, offered when splitting it.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub href: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "consultations/theme_edit.html")]
pub struct ThemeEditPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub errors: Vec<FieldError>,
    pub csrf: String,
    pub action: String,
    pub theme: String,
    pub label: String,
    pub description: String,
    pub quotes: Vec<QuoteLink>,
    pub merge_into: Vec<(String, String)>,
    pub split_label: String,
    pub split_description: String,
    pub split: Vec<Choice>,
}

pub struct ReviewItemView {
    pub response: String,
    pub reference: String,
    pub href: String,
    pub text: String,
    pub detail: String,
    pub themes: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "consultations/theme_review.html")]
pub struct ThemeReviewPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub done: Option<String>,
    pub errors: Vec<FieldError>,
    pub csrf: String,
    pub action: String,
    pub lead: Vec<String>,
    pub items: Vec<ReviewItemView>,
    pub next: Option<String>,
}

/// The message of the first error on `field`, for the field to show
/// beside it (the summary lists them all).
fn error_on<'e>(errors: &'e [FieldError], field: &str) -> Option<&'e str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

impl ThemesPage<'_> {
    pub fn error_of(&self, field: &str) -> Option<&str> {
        error_on(&self.errors, field)
    }
}

impl ThemeEditPage<'_> {
    pub fn error_of(&self, field: &str) -> Option<&str> {
        error_on(&self.errors, field)
    }

    /// The error on the split form's own `field` (`split-label`, …).
    pub fn split_error(&self, field: &str) -> Option<&str> {
        error_on(&self.errors, &format!("split-{field}"))
    }
}
