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

/// The fewest letters (folded) an entry's prefix may have before its
/// trailing `*`: a shorter one would hold most comments, so it is read
/// as a whole word instead.
pub const PREFIX_MIN_CHARS: usize = 3;

/// One entry of a word list, folded: `folded` starts with a space and,
/// for a whole word or phrase, ends with one; a prefix (`invad*`) ends
/// without it, so that it matches the start of a word.
#[derive(Debug, Clone)]
struct Entry {
    folded: String,
    written: String,
}

/// A moderators' list of words and phrases to hold a comment for, folded
/// once when the list is loaded. How an entry matches, as the word list
/// page tells moderators: entry and comment are both [`fold`]ed, then an
/// entry matches whole words only ("vermin" not in "vermintide"), a
/// phrase its words one after another, and an entry ending in `*` any
/// word that starts with it ("invad*": "invade", "invaders"), its last
/// word only for a phrase ("send them back*"), when that prefix has at
/// least [`PREFIX_MIN_CHARS`] letters. A `*` anywhere else separates
/// words, as any symbol does.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    entries: Vec<Entry>,
}

impl WordList {
    /// The list from its entries as moderators wrote them; blank entries
    /// and repeats (as folded) are dropped.
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> Self {
        let mut list = Self::default();
        for entry in entries {
            let written = entry.trim();
            let mut folded = fold(written);
            if folded.trim().is_empty() {
                continue;
            }
            if let Some(stem) = written.strip_suffix('*') {
                let last = fold(stem);
                let last = last.split_whitespace().last().unwrap_or("");
                if !stem.ends_with(char::is_whitespace) && last.chars().count() >= PREFIX_MIN_CHARS
                {
                    folded.pop();
                }
            }
            if list.entries.iter().any(|e| e.folded == folded) {
                continue;
            }
            list.entries.push(Entry {
                folded,
                written: written.to_owned(),
            });
        }
        list
    }

    /// The entries, as their moderators wrote them, that `text` contains
    /// once both are folded (whole words, or a word's start for a
    /// prefix): the reasons a moderator is shown for a held comment.
    pub fn matches(&self, text: &str) -> Vec<&str> {
        let folded = fold(text);
        self.entries
            .iter()
            .filter(|e| folded.contains(e.folded.as_str()))
            .map(|e| e.written.as_str())
            .collect()
    }
}

/// The kinds of reason screening holds a comment for, in the order the
/// quality page lists them.
pub const KINDS: [&str; 7] = [
    "words",
    "repeat",
    "near-repeat",
    "campaign",
    "links",
    "rate",
    "classifier",
];

/// A new comment is a near repeat of an earlier one posted within this
/// many days in the same discussion.
pub const NEAR_REPEAT_DAYS: i64 = 30;

/// A campaign: the same or nearly the same text from at least this many
/// different accounts within [`CAMPAIGN_HOURS`].
pub const CAMPAIGN_ACCOUNTS: usize = 3;
pub const CAMPAIGN_HOURS: i64 = 24;

/// The posting rate that holds: an account that already posted this many
/// comments in the last [`RATE_MINUTES`] minutes. The throttle lets 30
/// through in ten minutes so that a lively exchange is never refused;
/// few people write twenty considered comments in that time.
pub const RATE_COMMENTS: i64 = 20;
pub const RATE_MINUTES: i64 = 10;

/// Below this many, a share is not worth showing: "too few decisions".
pub const FEWEST_FOR_A_FIGURE: i64 = 5;

/// `part / whole`, or `None` when `whole` is too small to mean anything.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole >= FEWEST_FOR_A_FIGURE).then(|| part as f64 / whole as f64)
}

/// One screening reason as stored in the queue, read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason<'a> {
    /// An entry of the word lists, as its moderator wrote it.
    Word(&'a str),
    /// The same text, once folded, as the comment named (empty in
    /// reasons stored before repeats named theirs).
    Repeat(&'a str),
    /// Nearly the same as the comment named.
    NearRepeat(&'a str),
    /// Part of a campaign led by the comment named.
    Campaign(&'a str),
    Links,
    Rate,
    /// The classifier's version, its score and the n-grams that weighed
    /// most towards hiding.
    Classifier {
        version: &'a str,
        score: &'a str,
        ngrams: Vec<&'a str>,
    },
    /// Pre-moderation and anything this version does not know.
    Other(&'a str),
}

impl<'a> Reason<'a> {
    pub fn parse(reason: &'a str) -> Self {
        let (head, rest) = reason.split_once(':').unwrap_or((reason, ""));
        match head {
            "word" => Self::Word(rest),
            "repeat" => Self::Repeat(rest),
            "near-repeat" => Self::NearRepeat(rest),
            "campaign" => Self::Campaign(rest),
            "links" => Self::Links,
            "rate" => Self::Rate,
            "classifier" => {
                let mut parts = rest.splitn(3, ':');
                let version = parts.next().unwrap_or("");
                let score = parts.next().unwrap_or("");
                let ngrams = parts
                    .next()
                    .unwrap_or("")
                    .split('\t')
                    .filter(|n| !n.trim().is_empty())
                    .collect();
                Self::Classifier {
                    version,
                    score,
                    ngrams,
                }
            }
            _ => Self::Other(reason),
        }
    }

    /// Its kind, one of [`KINDS`], or `None` for pre-moderation.
    pub fn kind(&self) -> Option<&'static str> {
        match self {
            Self::Word(_) => Some("words"),
            Self::Repeat(_) => Some("repeat"),
            Self::NearRepeat(_) => Some("near-repeat"),
            Self::Campaign(_) => Some("campaign"),
            Self::Links => Some("links"),
            Self::Rate => Some("rate"),
            Self::Classifier { .. } => Some("classifier"),
            Self::Other(_) => None,
        }
    }
}

/// The reason stored for a classifier's hold: `classifier:VERSION:SCORE:`
/// then the n-grams, tab-separated (an n-gram never holds a tab or a line
/// break: it is made of words).
pub fn classifier_reason(version: i64, score: f64, ngrams: &[&str]) -> String {
    let ngrams: Vec<String> = ngrams
        .iter()
        .map(|n| n.replace(['\t', '\n', '\r'], " "))
        .collect();
    format!("classifier:{version}:{score:.2}:{}", ngrams.join("\t"))
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
    fn an_entry_ending_in_a_star_matches_the_start_of_a_word() {
        let l = WordList::new(["invad*", "send them back*", "go*", "in vad *"]);
        assert_eq!(l.matches("They invade us"), ["invad*"]);
        assert_eq!(l.matches("INVADERS, all of them"), ["invad*"]);
        assert_eq!(
            l.matches("An invad3r"),
            ["invad*"],
            "disguises read through"
        );
        assert_eq!(
            l.matches("invad"),
            ["invad*"],
            "the prefix alone is a word too"
        );
        assert!(l.matches("reinvade").is_empty(), "only a word's start");
        assert!(l.matches("inva").is_empty());
        // A phrase: its words in a row, the last one's start.
        assert_eq!(l.matches("Send them backwards"), ["send them back*"]);
        assert!(l.matches("send them a backpack").is_empty());
        // Too short a prefix is a whole word; a star after a space is
        // only a separator.
        assert_eq!(l.matches("go away"), ["go*"]);
        assert!(l.matches("going away").is_empty());
        assert_eq!(l.matches("in vad line"), ["in vad *"]);
        assert!(l.matches("in vader").is_empty());
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
    fn reasons_read_back_with_their_kinds() {
        let stored = classifier_reason(3, 0.934, &["scum", "go back"]);
        assert_eq!(stored, "classifier:3:0.93:scum\tgo back");
        assert_eq!(
            Reason::parse(&stored),
            Reason::Classifier {
                version: "3",
                score: "0.93",
                ngrams: vec!["scum", "go back"]
            }
        );
        assert_eq!(Reason::parse("word:a:b"), Reason::Word("a:b"));
        assert_eq!(Reason::parse("near-repeat:x").kind(), Some("near-repeat"));
        assert_eq!(Reason::parse("repeat:x"), Reason::Repeat("x"));
        assert_eq!(Reason::parse("repeat"), Reason::Repeat(""));
        assert_eq!(Reason::parse("repeat:x").kind(), Some("repeat"));
        assert_eq!(Reason::parse("first_comments").kind(), None);
        assert_eq!(share(2, 4), None);
        assert_eq!(share(3, 6), Some(0.5));
    }

    #[test]
    fn numbers_stay_numbers_and_short_words_stay_apart() {
        assert_eq!(fold("On 5 May 2026"), " on 5 may 2026 ");
        assert_eq!(fold("I am a resident"), " i am a resident ");
        assert_eq!(fold("h a t e them"), " hate them ");
    }
}
