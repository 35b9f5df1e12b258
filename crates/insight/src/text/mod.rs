//! The text pipeline shared by themes, duplicates and moderation: the same
//! answer always becomes the same terms, in English and in Arabic.
//!
//! - [`normalise()`]: NFKC, Arabic normalisation (harakat and tatweel
//!   removed, alef forms, alef maqsura and teh marbuta unified) and
//!   lowercase, as the architecture guide fixes for search.
//! - [`language`]: English, Arabic, Arabizi (Arabic in Latin letters with
//!   digits) or something else, from the letters and words themselves.
//! - [`tokenise()`], [`stem`] and [`stopwords`]: words, their light stems
//!   (Snowball for English, Larkey's light10 for Arabic) and the function
//!   words left out of themes.
//! - [`pii`]: e-mail addresses, phone numbers and UK postcodes masked
//!   before any answer is shown.
//!
//! [`terms`] chains them: the content words of one answer, stemmed.

pub mod language;
mod normalise;
pub mod pii;
pub mod stem;
pub mod stopwords;
mod tokenise;

pub use language::{detect_language, Language};
pub use normalise::normalise;
pub use tokenise::tokenise;

/// The content terms of `text`: normalised, tokenised, without stop words,
/// numbers or one-letter tokens, each stemmed by the rules of its script.
/// Latin-script words in an answer identified as Arabizi are kept as they
/// are: an English stemmer would only damage them.
pub fn terms(text: &str) -> Vec<String> {
    let normalised = normalise(text);
    let language = detect_language(&normalised);
    tokenise(&normalised)
        .into_iter()
        .filter(|t| t.chars().count() > 1 && !t.chars().all(|c| c.is_numeric()))
        .filter(|t| !stopwords::is_stop_word(t))
        .map(|t| {
            if stem::is_arabic_word(t) {
                stem::arabic_light10(t).to_string()
            } else if language == Language::Arabizi {
                t.to_string()
            } else {
                stem::english(t).into_owned()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_function_words_and_stem() {
        assert_eq!(
            terms("The parks were closing, and the parking is expensive!"),
            vec!["park", "close", "park", "expens"]
        );
        // "in the schools" / "the teachers": article and preposition go.
        assert_eq!(terms("في المدارس والمعلمين"), vec!["مدارس", "معلم"]);
    }

    #[test]
    fn terms_of_nothing_are_empty() {
        assert!(terms("").is_empty());
        assert!(terms("   \n\t ").is_empty());
        assert!(terms("!!! 123 ...").is_empty());
    }

    #[test]
    fn arabizi_words_are_not_english_stemmed() {
        assert_eq!(terms("yalla 7abibi ma3a"), vec!["yalla", "7abibi", "ma3a"]);
    }
}
