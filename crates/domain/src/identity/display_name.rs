//! Display names: what others see beside a person's words.
//!
//! Staff are badged by their roles, never by their names, so a name that
//! reads as a staff title ("Moderator", "City Hall", "مشرف") is refused,
//! including when disguised with look-alike letters from other scripts,
//! accents, spacing or invisible direction marks.

use unicode_normalization::UnicodeNormalization;
use unicode_security::skeleton;

use crate::error::{ErrorCode, ValidationError};

pub const MIN_CHARS: usize = 2;
pub const MAX_CHARS: usize = 50;

/// Words and titles only staff roles may carry, in each language we ship.
/// Compared after folding, so "M0derat0r", "Ｍｏｄｅｒａｔｏｒ" and "Μoderator"
/// (Greek capital M) all match.
const RESERVED: &[&str] = &[
    "official",
    "representative",
    "moderator",
    "moderation",
    "officer",
    "analyst",
    "assessor",
    "elected member",
    "admin",
    "administrator",
    "city hall",
    "cityhall",
    "town hall",
    "council",
    "councillor",
    "mayor",
    "staff",
    "cohesion",
    "system",
    "مشرف",
    "موظف",
    "المشرف",
    "مسؤول",
    "رسمي",
    "الإدارة",
    "ادارة",
    "مجلس",
    "البلدية",
    "بلدية",
    "العمدة",
    "عمدة",
    "ممثل",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let field = "display_name";
        if raw.chars().any(is_invisible_or_control) {
            return Err(ValidationError::new(
                field,
                ErrorCode::DisplayNameInvisibleCharacters,
            ));
        }
        // NFC keeps what the person typed (Arabic and accented letters
        // intact) while making equal-looking names equal.
        let value: String = raw.trim().nfc().collect();
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let chars = value.chars().count();
        if chars == 0 {
            return Err(ValidationError::new(field, ErrorCode::FieldRequired));
        }
        if chars < MIN_CHARS {
            return Err(ValidationError::new(field, ErrorCode::DisplayNameTooShort));
        }
        if chars > MAX_CHARS {
            return Err(crate::text::too_long(field, MAX_CHARS));
        }
        if imitates_staff(&value) {
            return Err(ValidationError::new(field, ErrorCode::DisplayNameReserved));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Direction overrides and isolates, zero-width characters and other
/// format or control characters have no place in a name and are the tools
/// of spoofing.
fn is_invisible_or_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' |
            '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' |
            '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{FE00}'..='\u{FE0F}')
}

/// Folds a string for comparison: compatibility forms (full-width,
/// ligatures), marks (accents, Arabic harakat) and tatweel removed, digits
/// that pass for letters mapped, the UTS #39 confusable skeleton, and
/// lowercase. Whatever is not a letter is left as a separator.
fn fold(s: &str) -> String {
    let plain: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c) && *c != '\u{0640}')
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '@' => 'a',
            '$' => 's',
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            other => other,
        })
        .collect();
    // Skeleton, lowercase, skeleton again: capitals of other scripts map
    // to Latin capitals, whose lowercase forms may be confusable in turn.
    let once = skeleton(&plain).collect::<String>().to_lowercase();
    skeleton(&once).collect()
}

/// The words of a folded name, and what they spell run together: each
/// word, each two or three neighbours joined ("city hall"), and each run
/// of single letters joined ("c i t y h a l l").
fn candidates(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for n in 1..=3 {
        out.extend(words.windows(n).map(|w| w.concat()));
    }
    let mut run = String::new();
    for w in words.iter().chain(std::iter::once(&"")) {
        if w.chars().count() == 1 {
            run.push_str(w);
        } else if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
    }
    out
}

/// Whole words only, so "Badminton" and "Mayorga" are fine while "Admin",
/// "Moderators" and "the Mayor's office" are not.
fn imitates_staff(name: &str) -> bool {
    let found = candidates(&fold(name));
    RESERVED.iter().any(|word| {
        let reserved: String = fold(word).chars().filter(|c| c.is_alphabetic()).collect();
        found.iter().any(|c| {
            c == &reserved
                || c.strip_prefix(reserved.as_str())
                    .is_some_and(|rest| rest == "s" || rest == "es")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDetail;

    #[test]
    fn ordinary_names_in_any_script_are_kept_as_typed() {
        for name in [
            "Amina K",
            "Seán Ó Briain",
            "محمد العلي",
            "Zoë",
            "李华",
            "Jo",
        ] {
            assert_eq!(DisplayName::parse(name).unwrap().as_str(), name, "{name}");
        }
        assert_eq!(
            DisplayName::parse("  Amina   K ").unwrap().as_str(),
            "Amina K"
        );
    }

    #[test]
    fn staff_titles_are_refused_however_disguised() {
        for name in [
            "Official representative",
            "Moderator",
            "M0derat0r",
            "ＭＯＤＥＲＡＴＯＲ",
            "\u{039C}oderator", // Greek capital mu
            "Mоderatоr",        // Cyrillic o
            "City Hall",
            "CityHall team",
            "c i t y h a l l",
            "Admin",
            "Moderators",
            "The Mayor's office",
            "مشرف",
            "المُشرِف", // with harakat
            "مـشـرف", // with tatweel
            "مجلس المدينة",
        ] {
            assert_eq!(
                DisplayName::parse(name).unwrap_err().code,
                ErrorCode::DisplayNameReserved,
                "{name:?} should be refused"
            );
        }
    }

    #[test]
    fn words_that_merely_contain_a_title_are_fine() {
        for name in [
            "Badminton fan",
            "Mayorga",
            "Staffordshire Sam",
            "Adminah",
            "Systematic Sue",
        ] {
            assert!(
                DisplayName::parse(name).is_ok(),
                "{name:?} should be allowed"
            );
        }
    }

    #[test]
    fn invisible_and_direction_characters_are_refused() {
        for name in [
            "Amina\u{202E}K",
            "Mod\u{200B}erator",
            "\u{2067}Amina\u{2069}",
            "a\u{0007}b",
        ] {
            assert_eq!(
                DisplayName::parse(name).unwrap_err().code,
                ErrorCode::DisplayNameInvisibleCharacters,
                "{name:?}"
            );
        }
    }

    #[test]
    fn length_limits() {
        assert_eq!(
            DisplayName::parse("A").unwrap_err().code,
            ErrorCode::DisplayNameTooShort
        );
        assert_eq!(
            DisplayName::parse(" ").unwrap_err().code,
            ErrorCode::FieldRequired
        );
        let long = "a".repeat(MAX_CHARS + 1);
        let e = DisplayName::parse(&long).unwrap_err();
        assert_eq!(e.code, ErrorCode::FieldTooLong);
        assert_eq!(
            e.detail,
            Some(ErrorDetail::Limit(50)),
            "the message gives it"
        );
    }
}
