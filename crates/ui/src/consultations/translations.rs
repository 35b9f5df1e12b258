//! The staff page that translates a consultation's texts into another
//! language.

use askama::Template;

use crate::{Chrome, ErrorLink, Phrase};

/// One text to translate: its key, the original and the translation.
pub struct TranslationRow {
    /// What the text is, in words (its label); the key names the field.
    pub heading: Phrase,
    pub key: String,
    pub original: String,
    pub value: String,
    pub missing: bool,
    /// Translated from an original that has since changed.
    pub stale: bool,
    pub long: bool,
}

#[derive(Template)]
#[template(path = "consultations/translations.html")]
pub struct TranslationPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub done: Option<String>,
    pub lead: String,
    pub missing: String,
    pub errors: Vec<ErrorLink>,
    pub csrf: String,
    pub action: String,
    /// The language being translated into, for `lang` and `dir`.
    pub target_lang: String,
    pub target_dir: String,
    /// The language the originals are written in, for their `lang`.
    pub original_lang: String,
    pub original_label: String,
    pub rows: Vec<TranslationRow>,
    pub button: String,
}
