//! Free-text fields: trimmed, bounded, and free of control characters, so
//! that what a person typed is what others see.

/// The most characters a value in a page address (a search, a filter, a
/// return-to path) may have: the server refuses longer ones before any
/// query runs, and search fields do not take more.
pub const MAX_QUERY_VALUE_CHARS: usize = 1000;

use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// A required one-line or multi-line text of at most `max` characters.
pub fn required(field: &'static str, value: &str, max: usize) -> Result<String, ValidationError> {
    match optional(field, value, max)? {
        Some(v) => Ok(v),
        None => Err(ValidationError::new(field, ErrorCode::FieldRequired)),
    }
}

/// A required field on one line (names, numbers): no line breaks.
pub fn required_line(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<String, ValidationError> {
    let v = required(field, value, max)?;
    one_line(field, v)
}

/// Like [`required_line`], but an empty field is `None`.
pub fn optional_line(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<Option<String>, ValidationError> {
    optional(field, value, max)?
        .map(|v| one_line(field, v))
        .transpose()
}

fn one_line(field: &'static str, v: String) -> Result<String, ValidationError> {
    if v.contains(['\n', '\r', '\t']) {
        Err(ValidationError::new(field, ErrorCode::BadRequest))
    } else {
        Ok(v)
    }
}

/// Like [`required`], but an empty field is `None`.
pub fn optional(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<Option<String>, ValidationError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max {
        return Err(too_long(field, max));
    }
    // Line breaks are fine in an address; other control characters are not.
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(ValidationError::new(field, ErrorCode::BadRequest));
    }
    Ok(Some(value.to_owned()))
}

/// `field` is longer than the `max` characters it takes: the error
/// carries the limit for the message to give.
pub fn too_long(field: &'static str, max: usize) -> ValidationError {
    let max = u32::try_from(max).unwrap_or(u32::MAX);
    ValidationError::new(field, ErrorCode::FieldTooLong).with_detail(ErrorDetail::Limit(max))
}

/// The first item of `list` that repeats an earlier one as people would
/// read them: ignoring case, and spaces around and within. Blank items
/// are no repeat (they are a problem of their own).
pub fn repeated(list: &[String]) -> Option<usize> {
    let mut seen = std::collections::HashSet::new();
    list.iter().position(|item| {
        let read = item
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        !read.is_empty() && !seen.insert(read)
    })
}

/// Whether `path` is a path on this site and can lead nowhere else:
/// it starts with one `/` and holds no backslash, whitespace or control
/// character. Browsers read `\` as `/` and drop tabs and line breaks in
/// addresses, so `/\evil.example`, `/\/evil.example` or `/<tab>/evil.example`
/// would each become `//evil.example`, another site.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_never_lead_off_the_site() {
        for ok in ["/", "/about", "/consultations?q=a%20b#x", "/a/b//c"] {
            assert!(is_local_path(ok), "{ok:?}");
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "/x\\y",
            "/\t/evil.example",
            "/\n/evil.example",
            "https://evil.example",
            "evil.example",
            "",
            " /about",
        ] {
            assert!(!is_local_path(bad), "{bad:?}");
        }
    }

    #[test]
    fn repeats_are_found_as_people_read_them() {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(repeated(&list(&["Yes", "No"])), None);
        assert_eq!(repeated(&list(&["Yes", "No", " yes "])), Some(2));
        assert_eq!(repeated(&list(&["Not  sure", "x", "not sure"])), Some(2));
        assert_eq!(repeated(&list(&["", "a", " "])), None);
    }

    #[test]
    fn trimmed_bounded_and_clean() {
        assert_eq!(required("f", "  hi ", 5).unwrap(), "hi");
        assert_eq!(
            required("f", "   ", 5).unwrap_err().code,
            ErrorCode::FieldRequired
        );
        let long = required("f", "abcdef", 5).unwrap_err();
        assert_eq!(long.code, ErrorCode::FieldTooLong);
        assert_eq!(
            long.detail,
            Some(ErrorDetail::Limit(5)),
            "the limit is said"
        );
        assert_eq!(optional("f", "", 5).unwrap(), None);
        assert!(required_line("f", "two\nlines", 50).is_err());
        assert_eq!(optional_line("f", " ", 5).unwrap(), None);
        assert!(optional("f", "a\u{0}b", 5).is_err());
        assert_eq!(
            optional("f", "1 High St\nTown", 50).unwrap().as_deref(),
            Some("1 High St\nTown")
        );
    }
}
