//! The rules of an analyst's theme set for one long-text question:
//! labels are required, short and unique within the set (ignoring case
//! and spacing), a theme cannot be merged into itself, and a split or a
//! new theme needs example answers.

use crate::error::{ErrorCode, ValidationError};
use crate::text::{optional, required_line};

pub const MAX_LABEL_CHARS: usize = 100;
pub const MAX_DESCRIPTION_CHARS: usize = 1_000;
/// Example answers one theme may list.
pub const MAX_EXAMPLES: usize = 50;

/// How labels compare: case, spacing and width ignored.
pub fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A label that is present, short enough and not already used by one of
/// `others` (the labels of the set's other live themes).
pub fn label(raw: &str, others: &[&str]) -> Result<String, ValidationError> {
    let label = required_line("label", raw, MAX_LABEL_CHARS)?;
    let key = label_key(&label);
    if others.iter().any(|o| label_key(o) == key) {
        return Err(ValidationError::new("label", ErrorCode::DuplicateLabel));
    }
    Ok(label)
}

pub fn description(raw: &str) -> Result<String, ValidationError> {
    Ok(optional("description", raw, MAX_DESCRIPTION_CHARS)?.unwrap_or_default())
}

/// A merge of `theme` into `into`.
pub fn merge(theme: &str, into: &str) -> Result<(), ValidationError> {
    if theme == into {
        return Err(ValidationError::new("into", ErrorCode::SameTheme));
    }
    Ok(())
}

/// The example answers chosen for a new or split theme: at least one, at
/// most [`MAX_EXAMPLES`], each named once.
pub fn examples<T: Clone + PartialEq>(chosen: &[T]) -> Result<Vec<T>, ValidationError> {
    let mut out: Vec<T> = Vec::new();
    for c in chosen {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    if out.is_empty() {
        return Err(ValidationError::new("examples", ErrorCode::FieldRequired));
    }
    if out.len() > MAX_EXAMPLES {
        return Err(ValidationError::new("examples", ErrorCode::TooManyChoices));
    }
    Ok(out)
}

/// The seed of a discovery run: a whole number, 0 when left empty.
pub fn seed(raw: &str) -> Result<i64, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(0);
    }
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or(ValidationError::new("seed", ErrorCode::OutOfRange))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_required_and_unique_ignoring_case_and_spacing() {
        assert_eq!(
            label("  Better  lighting ", &[]).unwrap(),
            "Better  lighting"
        );
        assert_eq!(label(" ", &[]).unwrap_err().code, ErrorCode::FieldRequired);
        assert_eq!(
            label("better LIGHTING", &["Better  lighting"])
                .unwrap_err()
                .code,
            ErrorCode::DuplicateLabel
        );
        assert_eq!(
            label(&"x".repeat(101), &[]).unwrap_err().code,
            ErrorCode::FieldTooLong
        );
    }

    #[test]
    fn merges_splits_and_seeds_are_checked() {
        assert_eq!(merge("a", "a").unwrap_err().code, ErrorCode::SameTheme);
        assert!(merge("a", "b").is_ok());
        assert_eq!(examples::<u8>(&[]).unwrap_err().field, "examples");
        assert_eq!(examples(&[1, 1, 2]).unwrap(), vec![1, 2]);
        assert_eq!(seed("").unwrap(), 0);
        assert_eq!(seed("42").unwrap(), 42);
        assert!(seed("-1").is_err() && seed("x").is_err());
    }
}
