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
}

impl Default for FeatureConfig {
    fn default() -> Self {
        Self {
            bits: 20,
            word_max: 2,
            char_min: 2,
            char_max: 5,
        }
    }
}

/// One n-gram, borrowed from the text, for explanations.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Words(&'a [&'a str]),
    Chars(&'a str),
}

impl Piece<'_> {
    pub fn describe(&self) -> String {
        match self {
            Piece::Words(w) => w.join(" "),
            Piece::Chars(c) => format!("“{c}”"),
        }
    }
}

const WORD_SEED: u64 = 0xcbf2_9ce4_8422_2325;
const CHAR_SEED: u64 = 0x84222325_cbf29ce4;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Prepare text the way tweets and comments need: normalised, links and
/// @-mentions reduced to one placeholder each, HTML entities dropped.
pub fn prepare(text: &str) -> String {
    let normalised = normalise(text);
    let mut out = String::with_capacity(normalised.len());
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
        if !out.is_empty() {
            out.push(' ');
        }
        push_without_entities(&mut out, w);
    }
    out
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

/// Call `visit` with the hash of every n-gram of prepared text.
pub fn visit(prepared: &str, config: &FeatureConfig, mut visit: impl FnMut(u64, Piece<'_>)) {
    let words = tokenise(prepared);
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

/// Sparse feature vector of a text: (bucket, value) sorted by bucket,
/// values log-scaled counts normalised to unit length.
pub fn vectorise(text: &str, config: &FeatureConfig, out: &mut Vec<(u32, f32)>) {
    vectorise_prepared(&prepare(text), config, out);
}

/// [`vectorise`] for text already through [`prepare`].
pub fn vectorise_prepared(prepared: &str, config: &FeatureConfig, out: &mut Vec<(u32, f32)>) {
    out.clear();
    let mask = (1u64 << config.bits) - 1;
    visit(prepared, config, |h, _| out.push(((h & mask) as u32, 1.0)));
    out.sort_unstable_by_key(|&(b, _)| b);
    let mut merged = 0;
    for i in 0..out.len() {
        if merged > 0 && out[merged - 1].0 == out[i].0 {
            out[merged - 1].1 += 1.0;
        } else {
            out[merged] = out[i];
            merged += 1;
        }
    }
    out.truncate(merged);
    let mut norm = 0.0f32;
    for (_, v) in out.iter_mut() {
        *v = 1.0 + v.ln();
        norm += *v * *v;
    }
    if norm > 0.0 {
        let inv = norm.sqrt().recip();
        for (_, v) in out.iter_mut() {
            *v *= inv;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_mentions_and_entities() {
        assert_eq!(
            prepare("RT @someone: Look &amp; see https://t.co/x &#128514;!"),
            "rt xuserx look   see xurlx  !"
        );
        assert_eq!(prepare("a & b &c"), "a & b &c");
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
    fn ngrams_visited() {
        let config = FeatureConfig {
            bits: 10,
            word_max: 2,
            char_min: 3,
            char_max: 3,
        };
        let mut seen = Vec::new();
        visit("ab cd", &config, |_, p| seen.push(p.describe()));
        assert_eq!(
            seen,
            vec!["ab", "cd", "ab cd", "“ ab”", "“ab ”", "“ cd”", "“cd ”"]
        );
    }
}
