//! The language each officer text is shown in, for the `lang` marks of
//! the pages that show translations.

use cohesion_domain::translation::Untranslated;
use cohesion_ui::Shown;

use super::page::PageCtx;

/// Which language a page shows each of a consultation's texts in: the
/// reader's where translated, the original's (the language the
/// consultation is written in, `Consultation::language`) where left as
/// written.
pub struct Langs {
    reader: String,
    original: String,
    untranslated: Untranslated,
    as_written: bool,
}

impl Langs {
    /// For a consultation written in `original`, shown with the texts
    /// under `untranslated` left as written.
    pub fn new(ctx: &PageCtx, original: &str, untranslated: Untranslated) -> Self {
        Langs {
            reader: ctx.locale().tag().to_owned(),
            original: original.to_owned(),
            untranslated,
            as_written: false,
        }
    }

    /// For the staff's pages, which show a consultation as written:
    /// every text of the consultation in the original's language
    /// (`original`), the platform's own in the reader's.
    pub fn as_written(ctx: &PageCtx, original: &str) -> Self {
        Langs {
            as_written: true,
            ..Langs::new(ctx, original, Untranslated::default())
        }
    }

    /// The language of the text under `key`.
    pub fn of(&self, key: &str) -> &str {
        if self.as_written || self.untranslated.contains(key) {
            &self.original
        } else {
            &self.reader
        }
    }

    /// One language for texts shown together (a list of topics): the
    /// original's while any of them is left as written.
    pub fn of_all(&self, keys: impl IntoIterator<Item = String>) -> &str {
        match self.as_written || keys.into_iter().any(|k| self.untranslated.contains(&k)) {
            true => &self.original,
            false => &self.reader,
        }
    }

    /// The text under `key` as shown.
    pub fn shown(&self, key: &str, text: &str) -> Shown {
        Shown::new(text, self.of(key))
    }

    /// A consultation's text as written, in the original's language (the
    /// staff's pages show the consultation so).
    pub fn original(&self, text: impl Into<String>) -> Shown {
        Shown::new(text, self.original.as_str())
    }

    /// A text of the platform's own, in the reader's language.
    pub fn reader(&self, text: impl Into<String>) -> Shown {
        Shown::new(text, self.reader.as_str())
    }
}
