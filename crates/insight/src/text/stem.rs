//! Light stemmers: Snowball (Porter 2) for English through `rust-stemmers`,
//! and Larkey's light10 for Arabic, which strips a few frequent prefixes
//! and suffixes and never tries to find a root: light stems group
//! "المدارس" and "مدارس" without merging words of different meaning.

use std::borrow::Cow;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The English Snowball stem of a lowercase word.
pub fn english(word: &str) -> Cow<'_, str> {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
}

/// Whether a word is written in Arabic letters (first letter decides).
pub fn is_arabic_word(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_arabic_letter)
}

/// Letters of the Arabic blocks (including presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

// Light10 (Larkey, Ballesteros and Connell 2007), written for text that has
// already been through `normalise`: teh marbuta is heh there, so "ية" and
// "يه" are one suffix and "ة" is "ه".
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// Larkey's light10 stem of a normalised Arabic word: "و" (and) removed
/// when three letters remain, then one definite article when two remain,
/// then each suffix in turn (once) when two remain.
pub fn arabic_light10(word: &str) -> &str {
    let mut w = word;
    if let Some(rest) = w.strip_prefix('و') {
        if rest.chars().count() >= 3 {
            w = rest;
        }
    }
    for article in ARTICLES {
        if let Some(rest) = w.strip_prefix(article) {
            if rest.chars().count() >= 2 {
                w = rest;
                break;
            }
        }
    }
    for suffix in SUFFIXES {
        if let Some(rest) = w.strip_suffix(suffix) {
            if rest.chars().count() >= 2 {
                w = rest;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise;

    #[test]
    fn english_snowball() {
        assert_eq!(english("councils"), "council");
        assert_eq!(english("running"), "run");
        assert_eq!(english("consultation"), "consult");
    }

    #[test]
    fn light10_prefixes_and_suffixes() {
        let stem = |w: &str| arabic_light10(&normalise(w)).to_string();
        assert_eq!(stem("والمدارس"), "مدارس");
        assert_eq!(stem("المدرسة"), "مدرس");
        assert_eq!(stem("بالحديقة"), "حديق");
        assert_eq!(stem("للطلاب"), "طلاب");
        assert_eq!(stem("المعلمون"), "معلم");
        assert_eq!(stem("المعلمين"), "معلم");
        assert_eq!(stem("سياراتها"), "سيار");
        // Too short to strip: the word stays.
        assert_eq!(stem("ولد"), "ولد");
    }

    #[test]
    fn script_of_a_word() {
        assert!(is_arabic_word("مدرسه"));
        assert!(is_arabic_word("123مدرسه"));
        assert!(!is_arabic_word("school"));
        assert!(!is_arabic_word("123"));
    }
}
