//! The programme a site runs: its name and introduction in each language.

use crate::error::{ErrorCode, ValidationError};
use crate::text::required;

pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_SUMMARY_CHARS: usize = 2_000;

/// A URL-safe identifier: lowercase ASCII letters, digits and single hyphens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let ok = !raw.is_empty()
            && raw.len() <= 64
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(ValidationError::new("slug", ErrorCode::InvalidSlug))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A programme as the public pages show it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    pub id: uuid::Uuid,
    pub slug: String,
    pub text: ProgrammeText,
}

/// One language's version of a programme's public text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeText {
    pub locale: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
}

impl ProgrammeText {
    pub fn new(
        locale: &str,
        name: &str,
        organisation: &str,
        summary: &str,
    ) -> Result<Self, ValidationError> {
        let name = required("name", name, MAX_NAME_CHARS)?;
        let organisation = required("organisation", organisation, MAX_NAME_CHARS)?;
        let summary = required("summary", summary, MAX_SUMMARY_CHARS)?;
        Ok(Self {
            locale: locale.to_owned(),
            name,
            organisation,
            summary,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("brightwater-together").is_ok());
        for bad in ["", "Caps", "a--b", "-a", "a-", "a b", "a/../b"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn text_fields_are_required_and_bounded() {
        assert!(ProgrammeText::new("en", "N", "O", "S").is_ok());
        let err = ProgrammeText::new("en", " ", "O", "S").unwrap_err();
        assert_eq!(err, ValidationError::new("name", ErrorCode::FieldRequired));
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        let err = ProgrammeText::new("en", &long, "O", "S").unwrap_err();
        assert_eq!(err.code, ErrorCode::FieldTooLong);
    }
}
