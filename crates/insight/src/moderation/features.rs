//! Hashed word and character n-grams: the features of the moderation
//! model. No vocabulary is stored: each n-gram is hashed (FNV-1a, 64 bit)
//! into one of 2^k buckets, so the model has a fixed size whatever the
//! training data, and scoring allocates almost nothing.

use serde::{Deserialize, Serialize};

use crate::text::{normalise, tokenise};

/// Which n-grams are extracted and how many buckets they hash into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// 2^bits buckets.
    pub bits: u32,
    /// Word n-grams of length 1..=word_max.
    pub word_max: usize,
    /// Character n-grams of length char_min..=char_max inside each word
    /// padded with spaces; 0 for none.
    pub char_min: usize,
    pub char_max: usize,
    /// Undo common spelling disguises before extracting n-grams: letters
    /// repeated three or more times cut to two, digits and symbols used as
    /// letters inside Latin words read as the letters ("1d10t"), letters
    /// spelt out one by one joined ("i d i o t").
    pub deobfuscate: bool,
    /// Words after a negation ("not", "never", "don't"...) up to the end of
    /// the clause or `NEGATION_SCOPE` words also count as negated words,
    /// a feature of their own.
    pub negation: bool,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        Self {
            bits: 20,
            word_max: 2,
            char_min: 2,
            char_max: 5,
            deobfuscate: true,
            negation: true,
        }
    }
}

/// How many words after a negation are marked as negated, at most.
pub const NEGATION_SCOPE: usize = 4;

/// One n-gram, borrowed from the text, for explanations.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Words(&'a [&'a str]),
    Chars(&'a str),
    Negated(&'a str),
}

impl Piece<'_> {
    pub fn describe(&self) -> String {
        match self {
            Piece::Words(w) => w.join(" "),
            Piece::Chars(c) => format!("“{c}”"),
            Piece::Negated(w) => format!("not … {w}"),
        }
    }
}

const WORD_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const CHAR_SEED: u64 = 0x84222325_cbf29ce4;
const NEGATED_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// Marks the end of a clause in prepared text (never a word: the
/// tokeniser splits punctuation off).
const BOUNDARY: &str = ".";

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Prepare text the way tweets and comments need: normalised, links and
/// @-mentions reduced to one placeholder each, HTML entities dropped,
/// then the words (with `config.deobfuscate`, undisguised) joined by
/// single spaces, with "." where a clause ended.
pub fn prepare(text: &str, config: &FeatureConfig) -> String {
    let normalised = normalise(text);
    let mut cleaned = String::with_capacity(normalised.len());
    let mut plain = String::new();
    for word in normalised.split_whitespace() {
        let w = if word.starts_with("http://")
            || word.starts_with("https://")
            || word.starts_with("www.")
        {
            "xurlx"
        } else if word.starts_with('@') && word.len() > 1 {
            "xuserx"
        } else {
            word
        };
        if !cleaned.is_empty() {
            cleaned.push(' ');
        }
        if config.deobfuscate {
            plain.clear();
            push_without_entities(&mut plain, w);
            push_unleet(&mut cleaned, &plain);
        } else {
            push_without_entities(&mut cleaned, w);
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    let mut last_end = 0;
    let mut pending_single = String::new();
    let mut single_run = 0usize;
    for token in tokenise(&cleaned) {
        let start = token.as_ptr() as usize - cleaned.as_ptr() as usize;
        let gap = &cleaned[last_end..start];
        last_end = start + token.len();
        if gap
            .chars()
            .any(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':'))
        {
            flush_singles(&mut out, &mut pending_single, &mut single_run);
            if !out.is_empty() {
                out.push(' ');
                out.push_str(BOUNDARY);
            }
        }
        if config.deobfuscate && token.len() == 1 && token.as_bytes()[0].is_ascii_alphabetic() {
            pending_single.push_str(token);
            single_run += 1;
            continue;
        }
        flush_singles(&mut out, &mut pending_single, &mut single_run);
        if !out.is_empty() {
            out.push(' ');
        }
        if config.deobfuscate {
            push_unelongated(&mut out, token);
        } else {
            out.push_str(token);
        }
    }
    flush_singles(&mut out, &mut pending_single, &mut single_run);
    out
}

/// Letters spelt out one by one: three or more join into one word, fewer
/// stay separate words.
fn flush_singles(out: &mut String, pending: &mut String, run: &mut usize) {
    if *run == 0 {
        return;
    }
    if *run >= 3 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(pending);
    } else {
        for c in pending.chars() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
        }
    }
    pending.clear();
    *run = 0;
}

/// A letter repeated three or more times kept twice ("sooooo" → "soo").
fn push_unelongated(out: &mut String, word: &str) {
    let mut prev = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == prev {
            run += 1;
        } else {
            prev = Some(c);
            run = 1;
        }
        if run <= 2 || !c.is_alphabetic() {
            out.push(c);
        }
    }
}

/// Inside a word with at least two Latin letters, digits and symbols
/// that stand for letters become those letters ("n00b" → "noob",
/// "b!tch" → "bitch"); "*" standing for a letter is dropped. A symbol at
/// the end of the word is left alone (it is punctuation).
fn push_unleet(out: &mut String, word: &str) {
    let letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
    if letters < 2 || word.bytes().all(|b| b.is_ascii_alphabetic()) {
        out.push_str(word);
        return;
    }
    // Keep trailing punctuation as it is.
    let core_end = word
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut seen_letter = false;
    for c in word[..core_end].chars() {
        let mapped = match c {
            '0' => Some('o'),
            '1' | '!' => Some('i'),
            '3' => Some('e'),
            '4' | '@' => Some('a'),
            '5' | '$' => Some('s'),
            '7' => Some('t'),
            '8' => Some('b'),
            '*' if seen_letter => None,
            c => {
                seen_letter |= c.is_ascii_alphabetic();
                out.push(c);
                continue;
            }
        };
        if let Some(m) = mapped {
            out.push(m);
        }
    }
    out.push_str(&word[core_end..]);
}

fn push_without_entities(out: &mut String, word: &str) {
    let mut rest = word;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(';').filter(|&e| {
            e > 1
                && e <= 9
                && tail[1..e]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'#')
        });
        match end {
            Some(e) => {
                out.push(' ');
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "nothing"
            | "nobody"
            | "none"
            | "nor"
            | "neither"
            | "without"
            | "cannot"
            | "dont"
            | "cant"
            | "wont"
            | "isnt"
            | "arent"
            | "aint"
            | "doesnt"
            | "didnt"
            | "shouldnt"
            | "wouldnt"
            | "couldnt"
    ) || word.ends_with("n't")
        || word.ends_with("n\u{2019}t")
}

/// Call `visit` with the hash of every n-gram of text prepared by
/// [`prepare`] with the same `config`.
pub fn visit(prepared: &str, config: &FeatureConfig, mut visit: impl FnMut(u64, Piece<'_>)) {
    let mut words: Vec<&str> = Vec::new();
    let mut negated: Vec<bool> = Vec::new();
    let mut scope = 0usize;
    for token in prepared.split(' ') {
        if token.is_empty() {
            continue;
        }
        if token == BOUNDARY {
            scope = 0;
            continue;
        }
        words.push(token);
        if config.negation {
            negated.push(scope > 0);
            if is_negation(token) {
                scope = NEGATION_SCOPE;
            } else {
                scope = scope.saturating_sub(1);
            }
        }
    }
    for n in 1..=config.word_max.max(1) {
        if n > words.len() {
            break;
        }
        for window in words.windows(n) {
            let mut h = fnv(WORD_SEED ^ n as u64, window[0].as_bytes());
            for w in &window[1..] {
                h = fnv(fnv(h, b" "), w.as_bytes());
            }
            visit(h, Piece::Words(window));
        }
    }
    for (word, _) in words.iter().zip(&negated).filter(|(_, &n)| n) {
        visit(fnv(NEGATED_SEED, word.as_bytes()), Piece::Negated(word));
    }
    if config.char_max == 0 {
        return;
    }
    let mut padded = String::new();
    let mut bounds: Vec<usize> = Vec::new();
    for word in &words {
        padded.clear();
        padded.push(' ');
        padded.push_str(word);
        padded.push(' ');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        let chars = bounds.len() - 1;
        for n in config.char_min.max(1)..=config.char_max {
            if n > chars {
                break;
            }
            for start in 0..=chars - n {
                let piece = &padded[bounds[start]..bounds[start + n]];
                if piece == " " {
                    continue;
                }
                visit(
                    fnv(CHAR_SEED ^ n as u64, piece.as_bytes()),
                    Piece::Chars(piece),
                );
            }
        }
    }
}

/// A sparse feature vector: (bucket, value) pairs sorted by bucket.
pub(crate) type Sparse = Vec<(u32, f32)>;

/// Sparse feature vector of a text: (bucket, value) sorted by bucket.
/// Values are log-scaled counts; the word n-grams (with negated words)
/// and the character n-grams are each normalised to unit length and
/// given equal shares, so the dozens of character n-grams of a word do
/// not drown its few word n-grams.
pub fn vectorise(text: &str, config: &FeatureConfig, out: &mut Vec<(u32, f32)>) {
    vectorise_prepared(&prepare(text, config), config, out);
}

/// [`vectorise`] for text already through [`prepare`].
pub fn vectorise_prepared(prepared: &str, config: &FeatureConfig, out: &mut Vec<(u32, f32)>) {
    out.clear();
    let mask = (1u64 << config.bits) - 1;
    // Counted as +1 for word n-grams and -1 for character n-grams, so
    // that one pass can count both groups without another buffer.
    visit(prepared, config, |h, piece| {
        let sign = if matches!(piece, Piece::Chars(_)) {
            -1.0
        } else {
            1.0
        };
        out.push(((h & mask) as u32, sign))
    });
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut merged = 0;
    for i in 0..out.len() {
        if merged > 0
            && out[merged - 1].0 == out[i].0
            && out[merged - 1].1.signum() == out[i].1.signum()
        {
            out[merged - 1].1 += out[i].1;
        } else {
            out[merged] = out[i];
            merged += 1;
        }
    }
    out.truncate(merged);
    let (mut words, mut chars) = (0.0f32, 0.0f32);
    for (_, v) in out.iter_mut() {
        let scaled = 1.0 + v.abs().ln();
        if *v > 0.0 {
            words += scaled * scaled;
            *v = scaled;
        } else {
            chars += scaled * scaled;
            *v = -scaled;
        }
    }
    let groups = f32::from(u8::from(words > 0.0) + u8::from(chars > 0.0));
    let share = |norm: f32| {
        if norm > 0.0 {
            (norm * groups).sqrt().recip()
        } else {
            0.0
        }
    };
    let (word_scale, char_scale) = (share(words), share(chars));
    for (_, v) in out.iter_mut() {
        *v = if *v > 0.0 {
            *v * word_scale
        } else {
            -*v * char_scale
        };
    }
    // A word and a character n-gram may share a bucket: add them.
    let mut merged = 0;
    for i in 0..out.len() {
        if merged > 0 && out[merged - 1].0 == out[i].0 {
            out[merged - 1].1 += out[i].1;
        } else {
            out[merged] = out[i];
            merged += 1;
        }
    }
    out.truncate(merged);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> FeatureConfig {
        FeatureConfig {
            deobfuscate: false,
            negation: false,
            ..FeatureConfig::default()
        }
    }

    #[test]
    fn links_mentions_entities_and_clause_ends() {
        assert_eq!(
            prepare(
                "RT @someone: Look &amp; see https://t.co/x &#128514;!",
                &plain()
            ),
            "rt xuserx look see xurlx"
        );
        assert_eq!(prepare("a & b &c", &plain()), "a b c");
        assert_eq!(prepare("", &plain()), "");
    }

    #[test]
    fn disguised_spellings_are_undone() {
        let config = FeatureConfig::default();
        // Elongation, digits and symbols for letters, spelt-out letters.
        assert_eq!(prepare("Sooooo baaad", &config), "soo baad");
        assert_eq!(prepare("you 1d10t, n00b!", &config), "you idiot . noob");
        assert_eq!(prepare("b!tch f*ck $hit", &config), "bitch fck shit");
        assert_eq!(prepare("what an i d i o t", &config), "what an idiot");
        // Two single letters stay words; a clause end splits a run.
        assert_eq!(prepare("u r. a b c", &config), "u r . abc");
        // Numbers, words without letters to read and Arabic are untouched.
        assert_eq!(prepare("open 24/7 in 2026", &config), "open 24 7 in 2026");
        assert_eq!(prepare("مرحبا", &config), "مرحبا");
        // Without the option nothing is rewritten.
        assert_eq!(prepare("n00b sooooo", &plain()), "n00b sooooo");
    }

    #[test]
    fn negation_marks_the_words_after_it_within_the_clause() {
        let config = FeatureConfig {
            word_max: 1,
            char_max: 0,
            ..FeatureConfig::default()
        };
        let mut negated = Vec::new();
        let prepared = prepare("They are not bad people. Bad idea, never again", &config);
        visit(&prepared, &config, |_, p| {
            if let Piece::Negated(w) = p {
                negated.push(w.to_string());
            }
        });
        assert_eq!(negated, vec!["bad", "people", "again"]);
        let mut none = 0;
        visit(&prepared, &plain(), |_, p| {
            none += usize::from(matches!(p, Piece::Negated(_)));
        });
        assert_eq!(none, 0);
    }

    #[test]
    fn vectors_are_unit_length_and_sorted() {
        let config = FeatureConfig::default();
        let mut v = Vec::new();
        vectorise("the park the park", &config, &mut v);
        assert!(v.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = v.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
        vectorise("   ", &config, &mut v);
        assert!(v.is_empty());
    }

    #[test]
    fn words_and_characters_get_equal_shares() {
        let config = FeatureConfig {
            bits: 24,
            negation: false,
            ..FeatureConfig::default()
        };
        let prepared = prepare("a rather long sentence of words", &config);
        let mask = (1u64 << config.bits) - 1;
        let mut char_buckets = Vec::new();
        visit(&prepared, &config, |h, p| {
            if matches!(p, Piece::Chars(_)) {
                char_buckets.push((h & mask) as u32);
            }
        });
        let mut v = Vec::new();
        vectorise_prepared(&prepared, &config, &mut v);
        let (mut words, mut chars) = (0.0f32, 0.0f32);
        for (b, x) in &v {
            if char_buckets.contains(b) {
                chars += x * x;
            } else {
                words += x * x;
            }
        }
        // 2^24 buckets: no collision between the two groups here.
        assert!((words - 0.5).abs() < 1e-4, "{words}");
        assert!((chars - 0.5).abs() < 1e-4, "{chars}");
        // One group alone takes the whole unit length.
        let words_only = FeatureConfig {
            char_max: 0,
            ..config
        };
        vectorise("two words", &words_only, &mut v);
        let norm: f32 = v.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    }

    #[test]
    fn ngrams_visited() {
        let config = FeatureConfig {
            bits: 10,
            word_max: 2,
            char_min: 3,
            char_max: 3,
            ..FeatureConfig::default()
        };
        let mut seen = Vec::new();
        visit("ab cd", &config, |_, p| seen.push(p.describe()));
        assert_eq!(
            seen,
            vec!["ab", "cd", "ab cd", "“ ab”", "“ab ”", "“ cd”", "“cd ”"]
        );
    }
}
