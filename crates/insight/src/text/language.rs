//! Which language an answer is written in, from its own letters and words:
//! no model file, no network, the same answer always gets the same label.
//!
//! Arabic script is recognised by its letters. Latin-script text is
//! Arabizi (Arabic written in Latin letters, with digits for the sounds
//! Latin lacks: 3 for ع, 7 for ح, 2 for ء …) when it has such digit-words
//! or several common Arabizi words and fewer English function words;
//! otherwise it is English.

use serde::Serialize;

use super::stem::is_arabic_letter;
use super::stopwords::is_stop_word;
use super::tokenise;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    English,
    Arabic,
    /// Arabic written in Latin letters and digits.
    Arabizi,
    /// Letters of another script (Cyrillic, Chinese …) dominate.
    Other,
    /// No letters at all: empty, numbers, punctuation or emoji.
    Unknown,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Arabic => "ar",
            Language::Arabizi => "ar-Latn",
            Language::Other => "und",
            Language::Unknown => "zxx",
        }
    }
}

const ARABIZI_WORDS: &[&str] = &[
    "inshallah",
    "inshalla",
    "insha'allah",
    "mashallah",
    "mashalla",
    "wallah",
    "wallahi",
    "walla",
    "yalla",
    "yallah",
    "habibi",
    "habibti",
    "7abibi",
    "shukran",
    "shokran",
    "khalas",
    "5alas",
    "alhamdulillah",
    "hamdulillah",
    "ahlan",
    "marhaba",
    "salam",
    "salaam",
    "tayeb",
    "tayyeb",
    "kteer",
    "ktir",
    "kter",
    "kaman",
    "kamaan",
    "mesh",
    "mish",
    "msh",
    "mafi",
    "mafeesh",
    "mafish",
    "keef",
    "kif",
    "kifak",
    "shu",
    "shou",
    "ezay",
    "izzay",
    "ezzay",
    "leh",
    "lesh",
    "leish",
    "bukra",
    "bokra",
    "akeed",
    "akid",
    "ya3ni",
    "yani",
    "ana",
    "enta",
    "enti",
    "inta",
    "inti",
    "howa",
    "heya",
    "e7na",
    "ehna",
    "ente",
    "bas",
    "3ala",
    "ma3",
    "ma3a",
    "la2",
    "aywa",
    "aiwa",
    "tamam",
    "sa7",
    "ahla",
    "bedi",
    "baddi",
    "bidi",
    "3ayez",
    "3awez",
    "fein",
    "feen",
    "wain",
    "wein",
    "hayda",
    "hayde",
    "haida",
    "hal2",
    "halla2",
    "hala2",
    "kol",
    "kul",
    "2awi",
    "awi",
    "zay",
    "bta3",
    "beta3",
];

/// The language of `text` (normalised or not).
pub fn detect_language(text: &str) -> Language {
    let (mut arabic, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
            latin += 1;
        } else {
            other += 1;
        }
    }
    if arabic + latin + other == 0 {
        return Language::Unknown;
    }
    if arabic >= latin && arabic >= other {
        return Language::Arabic;
    }
    if other > latin {
        return Language::Other;
    }
    let lower = text.to_lowercase();
    let (mut digit_words, mut arabizi_words, mut english_words) = (0usize, 0usize, 0usize);
    for token in tokenise(&lower) {
        if !token.is_ascii() {
            continue;
        }
        if ARABIZI_WORDS.contains(&token) {
            arabizi_words += 1;
        } else if is_stop_word(token) {
            english_words += 1;
        }
        if is_arabizi_digit_word(token) {
            digit_words += 1;
        }
    }
    let evidence = digit_words + arabizi_words;
    if (digit_words >= 1 && evidence > english_words)
        || (arabizi_words >= 2 && arabizi_words > english_words)
    {
        Language::Arabizi
    } else {
        Language::English
    }
}

/// A word mixing Latin letters with the digits Arabizi uses for letters
/// (2 3 5 6 7 8 9), such as "3ala", "7abibi" or "sa7", but not English
/// shorthand like "2nd", "5th", "10am", "b4" or "gr8".
fn is_arabizi_digit_word(token: &str) -> bool {
    let letters = token.bytes().filter(u8::is_ascii_alphabetic).count();
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    if letters < 2 || digits == 0 || digits > letters {
        return false;
    }
    if !token
        .bytes()
        .any(|b| matches!(b, b'2' | b'3' | b'5' | b'6' | b'7' | b'8' | b'9'))
    {
        return false;
    }
    let alpha_tail: String = token
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .to_string();
    let leading_number = alpha_tail.len() < token.len();
    let english_suffix = [
        "st", "nd", "rd", "th", "s", "am", "pm", "k", "m", "km", "kg", "mb", "gb", "min", "hrs",
        "h", "x", "d", "day", "ever", "night", "morrow",
    ];
    if leading_number && english_suffix.contains(&alpha_tail.as_str()) {
        return false;
    }
    !matches!(
        token,
        "gr8"
            | "l8r"
            | "m8"
            | "h8"
            | "sk8"
            | "w8"
            | "str8"
            | "2nite"
            | "2day"
            | "mp3"
            | "h2o"
            | "covid19"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_arabizi() {
        assert_eq!(
            detect_language("The park should stay open."),
            Language::English
        );
        assert_eq!(
            detect_language("يجب أن تبقى الحديقة مفتوحة"),
            Language::Arabic
        );
        assert_eq!(
            detect_language("ana 3ayez el 7adi2a tefdal maftou7a"),
            Language::Arabizi
        );
        assert_eq!(
            detect_language("yalla habibi, inshallah bukra"),
            Language::Arabizi
        );
        assert_eq!(
            detect_language("Парк должен остаться открытым"),
            Language::Other
        );
        assert_eq!(detect_language(""), Language::Unknown);
        assert_eq!(detect_language("123 !!! 👍"), Language::Unknown);
    }

    #[test]
    fn english_shorthand_is_not_arabizi() {
        assert_eq!(
            detect_language("see you on the 2nd at 10am, gr8"),
            Language::English
        );
        assert_eq!(detect_language("I love it habibi"), Language::English);
        assert_eq!(detect_language("Open 24/7 please"), Language::English);
    }

    #[test]
    fn mixed_scripts_follow_the_majority() {
        assert_eq!(detect_language("الحديقة park"), Language::Arabic);
        assert_eq!(
            detect_language("I like the park الحديقة"),
            Language::English
        );
    }
}
