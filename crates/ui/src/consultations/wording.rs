//! The officers' page that fixes the wording of one survey page after
//! people have responded, in the original or in a translation.

use askama::Template;

use crate::{Chrome, ErrorLink, Phrase, Shown};

/// One text to reword.
pub struct WordingRow {
    /// The field's name: the text's key.
    pub key: String,
    /// What the text is, in words ("Question 2: … — option 1").
    pub heading: Phrase,
    /// In a translation, the original it translates.
    pub original: Option<Shown>,
    pub value: String,
    /// A translation whose original has changed since.
    pub stale: bool,
    pub long: bool,
    pub error: Option<String>,
}

impl WordingRow {
    /// The ids of what describes the field numbered `n` on the page: the
    /// original, the note that it needs review, its error.
    pub fn describedby(&self, n: usize) -> String {
        let mut ids = Vec::new();
        if self.original.is_some() {
            ids.push(format!("w-{n}-original"));
        }
        if self.stale {
            ids.push(format!("w-{n}-stale"));
        }
        if self.error.is_some() {
            ids.push(format!("w-{n}-error"));
        }
        ids.join(" ")
    }
}

#[derive(Template)]
#[template(path = "consultations/wording.html")]
pub struct WordingPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub lead: Vec<Phrase>,
    pub errors: Vec<ErrorLink>,
    pub csrf: String,
    pub action: String,
    /// The language the texts are written in, for `lang` and `dir`.
    pub target_lang: String,
    pub target_dir: String,
    pub original_label: String,
    pub rows: Vec<WordingRow>,
    pub button: String,
    /// "Fix the wording in", naming the list of languages.
    pub languages_label: String,
    /// Each language's form for this page: address, name, whether shown.
    pub languages: Vec<(String, Shown, bool)>,
}
