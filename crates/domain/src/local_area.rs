//! The council's local areas (wards, neighbourhoods): what a community
//! tension report happened in and what a community-message subscriber
//! hears about (issue 19).

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// The longest name an area may have, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// A local area with its name in every language it has one in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalArea {
    pub id: Uuid,
    /// Its name as first written, in `language`.
    pub name: String,
    pub language: String,
    /// Its name in other languages: locale to name.
    pub translations: BTreeMap<String, String>,
}

impl LocalArea {
    /// Its name in `locale`, or as first written where it has none.
    pub fn name_in(&self, locale: &str) -> &str {
        self.translations
            .get(locale)
            .filter(|n| !n.trim().is_empty())
            .map_or(self.name.as_str(), String::as_str)
    }

    /// The language `name_in(locale)` is written in, for marking it.
    pub fn language_of_name_in<'a>(&'a self, locale: &'a str) -> &'a str {
        match self.translations.get(locale) {
            Some(n) if !n.trim().is_empty() => locale,
            _ => &self.language,
        }
    }
}

/// An area's name, checked: not blank, one line, not too long.
pub fn parse_name(field: &'static str, raw: &str) -> Result<String, ValidationError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(ValidationError::new(field, ErrorCode::FieldRequired));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.contains(['\n', '\r']) {
        return Err(ValidationError::new(field, ErrorCode::FieldTooLong)
            .with_detail(ErrorDetail::Limit(MAX_NAME_CHARS as u32)));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> LocalArea {
        LocalArea {
            id: Uuid::nil(),
            name: "Harbourside".into(),
            language: "en".into(),
            translations: [("ar".to_owned(), "حي المرفأ".to_owned())].into(),
        }
    }

    #[test]
    fn a_name_falls_back_to_the_original() {
        let a = area();
        assert_eq!(a.name_in("ar"), "حي المرفأ");
        assert_eq!(a.language_of_name_in("ar"), "ar");
        assert_eq!(a.name_in("fr"), "Harbourside");
        assert_eq!(a.language_of_name_in("fr"), "en");
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(parse_name("name", "  Old Town ").unwrap(), "Old Town");
        assert!(parse_name("name", " ").is_err());
        assert!(parse_name("name", &"x".repeat(81)).is_err());
    }
}
