//! The languages a consultation may be written in (ADR 16): the site's,
//! as its catalogue of messages offers them. The domain knows no
//! catalogue; the web layer builds this list from it.

use crate::error::{ErrorCode, ValidationError};

/// The languages a consultation may be written in: the site's, as its
/// catalogue of messages offers them, its first language first (the one
/// a consultation is written in unless it says otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    tags: Vec<String>,
    first: String,
}

impl Languages {
    /// `first` and then the others (`first` is not repeated if listed).
    pub fn new(first: &str, others: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let mut tags = vec![first.to_owned()];
        for t in others {
            let t = t.into();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        Languages {
            tags,
            first: first.to_owned(),
        }
    }

    /// The site's first language.
    pub fn first(&self) -> &str {
        &self.first
    }

    pub fn all(&self) -> &[String] {
        &self.tags
    }

    /// The site's tag for `raw` (compared without regard to case, as
    /// language tags are), or `None` for a language it does not have.
    pub fn find(&self, raw: &str) -> Option<&str> {
        let raw = raw.trim();
        self.tags
            .iter()
            .find(|t| t.eq_ignore_ascii_case(raw))
            .map(String::as_str)
    }

    /// The language a form or request names: the site's first when it
    /// names none, `unknown_locale` when the site does not have it.
    pub(crate) fn parse(&self, raw: &str) -> Result<String, ValidationError> {
        if raw.trim().is_empty() {
            return Ok(self.first.clone());
        }
        self.find(raw)
            .map(str::to_owned)
            .ok_or(ValidationError::new("language", ErrorCode::UnknownLocale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_the_sites_first_one_first() {
        let site = Languages::new("en", ["ar", "en"]);
        assert_eq!(site.all(), ["en", "ar"]);
        assert_eq!(site.first(), "en");
        assert_eq!(site.find(" AR "), Some("ar"));
        assert_eq!(site.find("fr"), None);
        assert_eq!(site.parse("").unwrap(), "en", "unsaid, the first");
        let e = site.parse("fr").unwrap_err();
        assert_eq!((e.field, e.code), ("language", ErrorCode::UnknownLocale));
    }
}
