//! The vector space answers and themes are compared in: TF-IDF over
//! stemmed words (or the lexicon's concepts), word pairs and character
//! 4-grams inside words, the two halves weighted equally.

use std::collections::HashMap;

use super::super::corpus::pair;
use super::super::vectors::{normalise_vec, Sparse};
use crate::text::{stopwords, terms_with, tokenise};

/// Character n-grams carry what stemming misses ("normalisation",
/// "normalizes"; Arabic affixes light10 leaves on).
const CHAR_N: usize = 4;

/// Marks a character n-gram, so that it never meets a word of the same
/// letters.
const CHAR_MARK: char = '\u{1}';

/// Words (or the lexicon's concepts, with `lexicon`), adjacent word pairs
/// and character 4-grams inside words (marked with [`CHAR_MARK`]) of
/// normalised text.
fn features(normalised: &str, lexicon: bool) -> Vec<String> {
    let t = terms_with(normalised, lexicon);
    let mut out = Vec::with_capacity(t.len() * 8);
    out.extend(t.windows(2).map(|w| pair(&w[0], &w[1])));
    out.extend(t);
    for token in tokenise(normalised) {
        if token.chars().count() < 3
            || token.chars().all(char::is_numeric)
            || stopwords::is_stop_word(token)
        {
            continue;
        }
        let padded: Vec<char> = std::iter::once('^')
            .chain(token.chars())
            .chain(std::iter::once('$'))
            .collect();
        for w in padded.windows(CHAR_N.min(padded.len())) {
            let mut gram = String::with_capacity(4 * (CHAR_N + 1));
            gram.push(CHAR_MARK);
            gram.extend(w);
            out.push(gram);
        }
    }
    out
}

/// One TF-IDF space over the answers: word features and character
/// features each weighted, scaled to unit length, then joined so that
/// the dot product of two vectors is a weighted sum of the two cosines.
pub(super) struct Space {
    vocab: HashMap<String, u32>,
    is_char: Vec<bool>,
    pub(super) idf: Vec<f32>,
    char_weight: f32,
    lexicon: bool,
}

impl Space {
    /// `extra` are texts that belong to the themes (labels, descriptions,
    /// examples): they add words to the vocabulary but not to the
    /// document frequencies.
    pub(super) fn build(
        texts: &[&str],
        extra: &[&str],
        char_weight: f32,
        lexicon: bool,
    ) -> (Self, Vec<Sparse>) {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut is_char: Vec<bool> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut seen_extra: Vec<u32> = Vec::new();
        let mut counted: Vec<Vec<(u32, f32)>> = Vec::with_capacity(texts.len());
        for (k, text) in texts.iter().chain(extra).enumerate() {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for f in features(text, lexicon) {
                let next = vocab.len() as u32;
                let id = match vocab.get(&f) {
                    Some(&id) => id,
                    None => {
                        is_char.push(f.starts_with(CHAR_MARK));
                        df.push(0);
                        seen_extra.push(0);
                        vocab.insert(f, next);
                        next
                    }
                };
                *counts.entry(id).or_default() += 1.0;
            }
            if k < texts.len() {
                for &id in counts.keys() {
                    df[id as usize] += 1;
                }
                let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
                v.sort_unstable_by_key(|&(i, _)| i);
                counted.push(v);
            } else {
                for &id in counts.keys() {
                    seen_extra[id as usize] += 1;
                }
            }
        }
        let n = texts.len() as f32;
        // A term in one text only cannot relate two texts.
        let min_seen = if texts.len() >= 20 { 2 } else { 1 };
        let idf = df
            .iter()
            .zip(&seen_extra)
            .map(|(&d, &e)| {
                if d + e < min_seen || d == 0 && e == 0 {
                    0.0
                } else {
                    ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0
                }
            })
            .collect();
        let space = Self {
            vocab,
            is_char,
            idf,
            char_weight,
            lexicon,
        };
        let vectors = counted.into_iter().map(|c| space.weigh(c)).collect();
        (space, vectors)
    }

    fn weigh(&self, counts: Vec<(u32, f32)>) -> Sparse {
        let mut words: Sparse = Vec::new();
        let mut chars: Sparse = Vec::new();
        for (i, c) in counts {
            let w = (1.0 + c.ln()) * self.idf[i as usize];
            if w > 0.0 {
                if self.is_char[i as usize] {
                    chars.push((i, w));
                } else {
                    words.push((i, w));
                }
            }
        }
        let scale = |v: &mut Sparse, s: f32| {
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w *= s / norm);
            }
        };
        let cw = if chars.is_empty() {
            0.0
        } else {
            self.char_weight
        };
        let ww = if words.is_empty() { 0.0 } else { 1.0 - cw };
        scale(&mut words, ww.sqrt());
        scale(&mut chars, cw.sqrt());
        words.extend(chars);
        words.sort_unstable_by_key(|&(i, _)| i);
        normalise_vec(&mut words);
        words
    }

    /// The vector of a normalised text outside the answers.
    pub(super) fn vector(&self, normalised: &str) -> Sparse {
        let mut counts: HashMap<u32, f32> = HashMap::new();
        for f in features(normalised, self.lexicon) {
            if let Some(&id) = self.vocab.get(&f) {
                *counts.entry(id).or_default() += 1.0;
            }
        }
        let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
        v.sort_unstable_by_key(|&(i, _)| i);
        self.weigh(v)
    }
}

pub(super) fn add(dense: &mut [f32], v: &[(u32, f32)], s: f32) {
    v.iter().for_each(|&(i, w)| dense[i as usize] += w * s);
}
