//! A text someone wrote, with the language it is shown in.

use std::fmt;

/// What an officer wrote, as a page shows it: translated into the
/// reader's language, or as written when it has no translation yet. The
/// template puts `lang` on the element around it (WCAG 3.1.2, language
/// of parts), so a screen reader reads an untranslated English text in
/// an Arabic page with an English voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// A language tag ("en", "ar").
    pub lang: String,
}

impl Shown {
    pub fn new(text: impl Into<String>, lang: impl Into<String>) -> Self {
        Shown {
            text: text.into(),
            lang: lang.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// The text alone: templates escape it like any other value.
impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
