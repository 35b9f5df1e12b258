//! Free-text fields: trimmed, bounded, and free of control characters, so
//! that what a person typed is what others see.

/// The most characters a value in a page address (a search, a filter, a
/// return-to path) may have: the server refuses longer ones before any
/// query runs, and search fields do not take more.
pub const MAX_QUERY_VALUE_CHARS: usize = 1000;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// Arabic letters that matching reads as another: the alef forms (أ إ آ)
/// as bare alef, alef maqsura (ى) as yeh, teh marbuta (ة) as heh, as
/// people spell them either way.
pub const ARABIC_FOLDS: [(char, char); 5] = [
    ('\u{0623}', '\u{0627}'),
    ('\u{0625}', '\u{0627}'),
    ('\u{0622}', '\u{0627}'),
    ('\u{0649}', '\u{064A}'),
    ('\u{0629}', '\u{0647}'),
];

/// Marks that matching ignores: the harakat (U+064B–U+0652), superscript
/// alef (U+0670) and tatweel (U+0640), which lengthens a word on the page
/// but changes nothing in it.
pub fn is_ignored_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}')
}

/// Every mark [`is_ignored_mark`] accepts, for a query that must strip
/// them in SQL.
pub fn ignored_marks() -> impl Iterator<Item = char> {
    ('\u{064B}'..='\u{0652}').chain(['\u{0670}', '\u{0640}'])
}

/// Text as search and analysis compare it: NFKC; the marks of
/// [`is_ignored_mark`] removed; the letters of [`ARABIC_FOLDS`] folded;
/// lowercase. So "مدرسه" finds "مدرسة", "اسلام" finds "إسلام", and
/// "Council" finds "council". The result is a fixed point: normalising
/// it again changes nothing.
pub fn normalise(text: &str) -> String {
    let mut out = normalise_pass(text);
    // Lowercasing can, rarely, produce text that NFKC would change again;
    // repeat until nothing moves (in practice at most once more).
    for _ in 0..4 {
        if is_nfkc_quick(out.chars()) == IsNormalized::Yes {
            let again = normalise_pass(&out);
            if again == out {
                break;
            }
            out = again;
        } else {
            out = normalise_pass(&out);
        }
    }
    out
}

fn normalise_pass(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc() {
        if is_ignored_mark(c) {
            continue;
        }
        match ARABIC_FOLDS.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push(*to),
            None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

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
    // Browsers send a text area's line breaks as CRLF (the HTML form
    // rules): stored as sent, a form saved unchanged differed from what
    // it showed, and every translation of it went stale.
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
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

/// The separators of a list typed on one line: the comma and the Arabic
/// comma (، U+060C), which an Arabic keyboard types in its place, so
/// "التماسك المجتمعي، المكتبات" is two items as "a, b" is.
pub const LIST_SEPARATORS: [char; 2] = [',', '\u{060C}'];

/// The items of a list typed on one line, split at either comma and
/// trimmed; blank items are kept for the caller to skip or refuse.
pub fn list_items(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(LIST_SEPARATORS).map(str::trim)
}

/// What stands between words for search, besides spaces: line breaks,
/// tabs and punctuation of English and Arabic. Search reads each as a
/// space, in Rust for the query and in SQL for the answers
/// (`storage::words_sql`), so "council's" holds the word "council" and
/// "well-lit" the word "lit".
pub const WORD_SEPARATORS: [char; 30] = [
    '\n', '\r', '\t', '.', ',', '\u{060C}', ';', '\u{061B}', ':', '!', '?', '\u{061F}', '"', '\'',
    '(', ')', '[', ']', '-', '\u{2013}', '\u{2014}', '/', '\u{00AB}', '\u{00BB}', '\u{201C}',
    '\u{201D}', '\u{2018}', '\u{2019}', '\u{2026}', '*',
];

/// The Arabic words written joined to the next that search lets stand
/// before the first word typed: و and ف (and), ب ل ك (with, for, like),
/// the article ال and their usual combinations. So "مدرسة" finds
/// "المدرسة" and "للمدرسة", as a whole word with them.
pub const ARABIC_PROCLITICS: [&str; 12] = [
    "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل",
];

/// A search of written answers, as it matches: whole words. "art" finds
/// "art" and "Art." but not "party" nor "arts", and "امّا" does not find
/// "أمانًا": a search inside words finds far more than was meant, above
/// all in Arabic, whose short words begin many longer ones. A search
/// ending in `*` finds words that start so ("art*" finds "arts" and
/// "artist"), and an Arabic search finds its first word with any of
/// [`ARABIC_PROCLITICS`] joined before it. Several words are found
/// side by side, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSearch {
    /// The words, normalised, one space between each.
    pub words: String,
    /// Whether the last word may go on (the search ended in `*`).
    pub word_start: bool,
    /// What may stand joined before the first word ("" first).
    pub prefixes: Vec<&'static str>,
}

impl WordSearch {
    /// The search typed, or `None` when it has no word to look for.
    pub fn new(typed: &str) -> Option<WordSearch> {
        let normalised = normalise(typed.trim());
        let word_start = normalised.ends_with('*');
        let words = search_words(&normalised);
        let first = words.chars().next()?;
        let mut prefixes = vec![""];
        if is_arabic_letter(first) {
            prefixes.extend(ARABIC_PROCLITICS);
        }
        Some(WordSearch {
            words,
            word_start,
            prefixes,
        })
    }

    /// Whether `text` (as written) holds the words, by the rule above:
    /// the rule the SQL of `storage` follows, kept here to be read and
    /// tested.
    pub fn finds(&self, text: &str) -> bool {
        let text = format!(" {} ", search_words(&normalise(text)));
        self.prefixes.iter().any(|prefix| {
            let wanted = format!(" {prefix}{}", self.words);
            text.match_indices(&wanted).any(|(at, _)| {
                let after = &text[at + wanted.len()..];
                self.word_start || after.starts_with(' ')
            })
        })
    }
}

/// `text` with every [`WORD_SEPARATORS`] read as a space, and one space
/// between words.
pub fn search_words(text: &str) -> String {
    text.split(|c: char| c == ' ' || WORD_SEPARATORS.contains(&c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
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
    fn arabic_is_normalised_as_people_spell_it() {
        // Harakat and tatweel go.
        assert_eq!(normalise("مُحَمَّد"), "محمد");
        assert_eq!(normalise("جـــميل"), "جميل");
        assert_eq!(normalise("رحمٰن"), "رحمن");
        // Alef forms, alef maqsura and teh marbuta.
        assert_eq!(normalise("أحمد إسلام آمن"), "احمد اسلام امن");
        assert_eq!(normalise("على مدرسة"), "علي مدرسه");
        assert_eq!(normalise("مدرسه"), normalise("مَدْرَسَـة"));
        // Alef with hamza written as two code points is still unified.
        assert_eq!(normalise("\u{0627}\u{0654}\u{0645}"), "ام");
    }

    #[test]
    fn nfkc_and_lowercase() {
        assert_eq!(normalise("ＣＯＵＮＣＩＬ"), "council");
        assert_eq!(normalise("ﬁne"), "fine");
        assert_eq!(
            normalise("\u{FEE1}\u{FEAE}\u{FEA3}\u{FE92}\u{FE8E}"),
            "مرحبا"
        );
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for s in ["İstanbul ǅ ẞ", "ﷺ ﷲ", "Ａ\u{0301}", "\u{0345}Σ", "مُدَرِّسَةٌ"]
        {
            let once = normalise(s);
            assert_eq!(normalise(&once), once, "{s:?}");
        }
        assert_eq!(ignored_marks().count(), 10);
        assert!(ignored_marks().all(is_ignored_mark));
    }

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
    fn search_finds_whole_words() {
        let finds = |q: &str, text: &str| WordSearch::new(q).unwrap().finds(text);
        // Not inside a word, in either language.
        assert!(!finds("art", "A party in the park"));
        assert!(!finds("art", "More arts"));
        assert!(finds("art", "Public art, please."));
        assert!(finds("ART", "(art)"));
        assert!(!finds("امّا", "أريد أن أشعر بالأمان، أمانًا حقيقيًا"));
        assert!(finds("امّا", "أمّا الشارع فمظلم"));
        // A star: words that start so.
        assert!(finds("art*", "More arts"));
        assert!(!finds("art*", "A party"));
        // Arabic words joined to the one typed.
        assert!(finds("مدرسة", "قرب المدرسة"));
        assert!(finds("مدرسه", "وللمدرسة باب"));
        assert!(!finds("مدرسة", "مدرستنا"));
        // Several words, side by side across punctuation.
        assert!(finds("street lights", "Street, lights!"));
        assert!(!finds("street lights", "lights street"));
        assert!(finds("council", "The council's plan"));
        // Nothing to look for.
        assert_eq!(WordSearch::new(" ?! "), None);
        assert_eq!(search_words("a,\tb  c"), "a b c");
    }

    #[test]
    fn lists_split_at_either_comma() {
        let items: Vec<&str> = list_items("التماسك المجتمعي، المكتبات, parks").collect();
        assert_eq!(items, ["التماسك المجتمعي", "المكتبات", "parks"]);
        assert_eq!(list_items("one").collect::<Vec<_>>(), ["one"]);
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
