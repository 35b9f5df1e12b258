//! Screening reads a comment as a moderator would, through the disguises
//! people use to slip words past a list: letters from other scripts that
//! look Latin, digits and symbols for letters, letters spaced or dotted
//! apart, zero-width and bidi characters, Arabic diacritics, tatweel and
//! letter variants. It only ever holds or flags a comment for a person to
//! decide; it never deletes (ADR 33).

use super::comment::is_format_character;
use crate::text::normalise;

/// Letters of other scripts that readers take for Latin ones: Cyrillic
/// and Greek look-alikes, folded to the Latin letter they imitate.
const LOOK_ALIKES: [(char, char); 20] = [
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('к', 'k'),
    ('м', 'm'),
    ('т', 't'),
    ('н', 'h'),
    ('в', 'b'),
    ('α', 'a'),
    ('ο', 'o'),
    ('ι', 'i'),
    ('ε', 'e'),
    ('ν', 'v'),
];

/// Digits and symbols written for Latin letters inside a word.
const STAND_INS: [(char, char); 9] = [
    ('0', 'o'),
    ('1', 'i'),
    ('3', 'e'),
    ('4', 'a'),
    ('5', 's'),
    ('7', 't'),
    ('@', 'a'),
    ('$', 's'),
    ('!', 'i'),
];

/// Text folded for screening: [`normalise`]d (NFKC, case, Arabic marks
/// and letter variants), format characters removed, look-alike letters
/// folded, digits and symbols read as letters where they sit among
/// letters, runs of single letters split by spaces, dots or dashes
/// joined ("h a t e", "h.a.t.e"), and every other separator made one
/// space. The result is words separated by single spaces, with a space
/// at each end so that a phrase can be matched as whole words.
pub fn fold(text: &str) -> String {
    let plain: String = normalise(text)
        .chars()
        .filter(|c| !is_format_character(*c))
        .map(|c| look_alike(c).unwrap_or(c))
        .collect();
    let tokens: Vec<String> = plain
        .split(|c: char| !(c.is_alphanumeric() || STAND_INS.iter().any(|(s, _)| *s == c)))
        .filter(|t| !t.is_empty())
        .map(read_stand_ins)
        .collect();
    let mut out = String::from(" ");
    let mut i = 0;
    while i < tokens.len() {
        // Three or more one-letter tokens in a row are one spaced-out word.
        let run = tokens[i..]
            .iter()
            .take_while(|t| t.chars().count() == 1)
            .count();
        if run >= 3 {
            tokens[i..i + run].iter().for_each(|t| out.push_str(t));
            i += run;
        } else {
            out.push_str(&tokens[i]);
            i += 1;
        }
        out.push(' ');
    }
    out
}

fn look_alike(c: char) -> Option<char> {
    LOOK_ALIKES
        .iter()
        .find(|(from, _)| *from == c)
        .map(|(_, to)| *to)
}

/// A token with its stand-ins read as letters when it holds a letter
/// (so "h4te" is "hate" but "2026" and "1" stay numbers).
fn read_stand_ins(token: &str) -> String {
    if !token.chars().any(char::is_alphabetic) {
        return token.to_owned();
    }
    token
        .chars()
        .map(|c| {
            STAND_INS
                .iter()
                .find(|(s, _)| *s == c)
                .map_or(c, |(_, l)| *l)
        })
        .collect()
}

/// Texts shorter than this (folded) are not compared for repeats: two
/// people may well both write "Agree 100%".
pub const REPEAT_MIN_CHARS: usize = 40;

/// What a comment is compared with others by to find it repeated: its
/// folded words joined by single spaces, or `None` when it is too short
/// for a repeat to mean anything.
pub fn repeat_key(text: &str) -> Option<String> {
    let key = fold(text).split_whitespace().collect::<Vec<_>>().join(" ");
    (key.chars().count() >= REPEAT_MIN_CHARS).then_some(key)
}

/// How many links a comment may carry before screening holds it.
pub const MAX_LINKS: usize = 3;

/// A moderators' list of words and phrases to hold a comment for, folded
/// once when the list is loaded.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    entries: Vec<(String, String)>,
}

impl WordList {
    /// The list from its entries as moderators wrote them; blank entries
    /// and repeats (as folded) are dropped.
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Self {
        let mut list = Self::default();
        for entry in entries {
            let folded = fold(entry);
            let written = entry.trim();
            if folded.trim().is_empty() || list.entries.iter().any(|(f, _)| *f == folded) {
                continue;
            }
            list.entries.push((folded, written.to_owned()));
        }
        list
    }

    /// The entries, as their moderators wrote them, that `text` contains
    /// as whole words once both are folded: the reasons a moderator is
    /// shown for a held comment.
    pub fn matches(&self, text: &str) -> Vec<&str> {
        let folded = fold(text);
        self.entries
            .iter()
            .filter(|(f, _)| folded.contains(f.as_str()))
            .map(|(_, written)| written.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> WordList {
        WordList::new(["vermin", "send them back", "حثالة", "  ", "VERMIN"])
    }

    #[test]
    fn plain_words_and_phrases_are_found_as_whole_words() {
        let l = list();
        assert_eq!(l.matches("They are vermin."), ["vermin"]);
        assert_eq!(l.matches("Send them BACK, all of them"), ["send them back"]);
        assert!(
            l.matches("Vermintide is a game").is_empty(),
            "not inside a word"
        );
        assert!(l.matches("send them a letter back").is_empty());
    }

    #[test]
    fn disguises_are_read_through() {
        let l = list();
        for disguised in [
            "v e r m i n",
            "v.e.r.m.i.n",
            "v-e-r-m-i-n",
            "verm1n",
            "v3rm!n",
            "ver\u{200B}min",
            "ver\u{202E}min",
            "vеrmіn", // Cyrillic е and і
            "ＶＥＲＭＩＮ",
        ] {
            assert_eq!(l.matches(disguised), ["vermin"], "{disguised:?}");
        }
    }

    #[test]
    fn arabic_is_read_through_marks_tatweel_and_letter_variants() {
        let l = list();
        for disguised in ["حُثَالَةٌ", "حثـــالة", "حثاله", "ح\u{200C}ثالة"]
        {
            assert_eq!(l.matches(disguised), ["حثالة"], "{disguised:?}");
        }
        assert!(l.matches("حثالات").is_empty(), "another word");
    }

    #[test]
    fn numbers_stay_numbers_and_short_words_stay_apart() {
        assert_eq!(fold("On 5 May 2026"), " on 5 may 2026 ");
        assert_eq!(fold("I am a resident"), " i am a resident ");
        assert_eq!(fold("h a t e them"), " hate them ");
    }
}
