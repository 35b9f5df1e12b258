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
//! - [`lexicon`]: a bilingual lexicon that names English and Arabic
//!   words of the same meaning as one concept (ADR 0028).
//!
//! [`terms`] chains them: the content words of one answer, stemmed;
//! [`terms_with`] can put the lexicon's concepts in place of the words it
//! knows.

pub mod language;
pub mod lexicon;
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
    terms_with(&normalise(text), false)
}

/// [`terms`] of text already normalised; with `concepts`, a word the
/// bilingual lexicon knows becomes its concept's term
/// ([`lexicon::Concept::term`]) instead of its stem, so "lighting" and
/// "الإنارة" are one term.
pub fn terms_with(normalised: &str, concepts: bool) -> Vec<String> {
    let language = detect_language(normalised);
    tokenise(normalised)
        .into_iter()
        .filter(|t| t.chars().count() > 1 && !t.chars().all(|c| c.is_numeric()))
        .filter(|t| !stopwords::is_stop_word(t))
        .map(|t| {
            if let Some(c) = concepts.then(|| lexicon::concept_of(t)).flatten() {
                c.term()
            } else if stem::is_arabic_word(t) {
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
    fn the_lexicon_gives_both_languages_one_term() {
        let en = terms_with(&normalise("Fix the street lights"), true);
        let ar = terms_with(&normalise("أصلحوا إنارة الشوارع"), true);
        assert_eq!(en.len(), 3);
        assert_eq!(en[1..], [ar[2].clone(), ar[1].clone()]);
        assert_eq!(en[0], ar[0], "{en:?} {ar:?}");
        // Without it, nothing is shared.
        let en = terms("Fix the street lights");
        let ar = terms("أصلحوا إنارة الشوارع");
        assert!(en.iter().all(|t| !ar.contains(t)));
    }

    #[test]
    fn arabizi_words_are_not_english_stemmed() {
        assert_eq!(terms("yalla 7abibi ma3a"), vec!["yalla", "7abibi", "ma3a"]);
    }
}
