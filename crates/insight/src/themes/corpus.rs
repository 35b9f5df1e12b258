//! The terms of the distinct answers discovery groups: stemmed words (or
//! the lexicon's concepts) and adjacent pairs, weighted by TF-IDF, with
//! the words written behind each term for readable labels.

use std::collections::HashMap;

use super::vectors::{normalise_vec, Sparse};
use crate::text::lexicon::{self, MARK};
use crate::text::{normalise, terms_with, tokenise};

/// Stemmed words (or the lexicon's concepts) and adjacent pairs, with the
/// surface words behind each for readable labels.
pub(super) struct Corpus {
    vocab: HashMap<String, u32>,
    names: Vec<String>,
    idf: Vec<f32>,
    surface: Vec<HashMap<String, u32>>,
}

/// Two adjacent terms as one feature. Two concepts are put in a fixed
/// order, since English and Arabic put a noun and its modifier the other
/// way round ("street lighting", "إنارة الشوارع").
pub(super) fn pair(a: &str, b: &str) -> String {
    if a.starts_with(MARK) && b.starts_with(MARK) && b < a {
        format!("{b} {a}")
    } else {
        format!("{a} {b}")
    }
}

fn features(text: &str, lexicon: bool) -> Vec<String> {
    let t = terms_with(&normalise(text), lexicon);
    let mut out = t.clone();
    out.extend(t.windows(2).map(|w| pair(&w[0], &w[1])));
    out
}

impl Corpus {
    /// How many terms there are: the length of a dense centre.
    pub(super) fn dims(&self) -> usize {
        self.names.len()
    }

    /// Per term, whether answers in any language can have it: the
    /// lexicon's concepts and pairs of them. Every other term is a word
    /// (or has one) of the language it was written in.
    pub(super) fn language_neutral(&self) -> Vec<bool> {
        self.names
            .iter()
            .map(|name| name.split(' ').all(|t| t.starts_with(MARK)))
            .collect()
    }

    /// A centre's strongest terms, readable, for a theme's label: at most
    /// six, none inside another, and no pair with a concept in it.
    pub(super) fn top_terms(&self, centre: &[f32]) -> Vec<String> {
        let mut order: Vec<usize> = (0..centre.len()).filter(|&i| centre[i] > 0.0).collect();
        order.sort_by(|&a, &b| centre[b].total_cmp(&centre[a]).then(a.cmp(&b)));
        let mut out: Vec<String> = Vec::new();
        for i in order {
            if self.pair_with_concept(i as u32) {
                continue;
            }
            let d = self.display(i as u32);
            if !out.iter().any(|o| o.contains(&d) || d.contains(o.as_str())) {
                out.push(d);
            }
            if out.len() == 6 {
                break;
            }
        }
        out
    }

    pub(super) fn build(texts: &[&str], lexicon: bool) -> (Self, Vec<Sparse>) {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut names = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(texts.len());
        for text in texts {
            let mut counts: HashMap<u32, f32> = HashMap::new();
            for f in features(text, lexicon) {
                let id = *vocab.entry(f.clone()).or_insert_with(|| {
                    names.push(f);
                    df.push(0);
                    (names.len() - 1) as u32
                });
                *counts.entry(id).or_default() += 1.0;
            }
            for &id in counts.keys() {
                df[id as usize] += 1;
            }
            let mut v: Vec<(u32, f32)> = counts.into_iter().collect();
            v.sort_unstable_by_key(|&(i, _)| i);
            raw.push(v);
        }
        let n = texts.len().max(1) as f32;
        // Terms in one answer only cannot relate two answers.
        let min_df = if texts.len() >= 20 { 2 } else { 1 };
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| {
                if d < min_df {
                    0.0
                } else {
                    (n / d as f32).ln() + 1.0
                }
            })
            .collect();
        let mut surface = vec![HashMap::new(); names.len()];
        for text in texts {
            // Surface forms as written (lowercased), so labels keep teh
            // marbuta and hamza even though matching ignores them.
            for word in tokenise(&text.to_lowercase()) {
                let stemmed = terms_with(&normalise(word), lexicon);
                if let Some(s) = stemmed.first() {
                    if let Some(&id) = vocab.get(s) {
                        *surface[id as usize].entry(word.to_string()).or_insert(0) += 1;
                    }
                }
            }
        }
        let corpus = Self {
            vocab,
            names,
            idf,
            surface,
        };
        let vectors = raw.into_iter().map(|v| corpus.weigh(v)).collect();
        (corpus, vectors)
    }

    fn weigh(&self, counts: Vec<(u32, f32)>) -> Sparse {
        let mut v: Sparse = counts
            .into_iter()
            .map(|(i, c)| (i, (1.0 + c.ln()) * self.idf[i as usize]))
            .filter(|&(_, w)| w > 0.0)
            .collect();
        normalise_vec(&mut v);
        v
    }

    /// The readable form of a term: its most frequent surface word(s); a
    /// concept by its name in the language most of its words were
    /// written in.
    fn display(&self, id: u32) -> String {
        let name = &self.names[id as usize];
        let word = |term: &str| -> String {
            let Some(&i) = self.vocab.get(term) else {
                return term.to_string();
            };
            let seen = &self.surface[i as usize];
            if let Some(concept) = term
                .strip_prefix(MARK)
                .and_then(|_| lexicon::concept_named(term))
            {
                let (arabic, other) = seen.iter().fold((0, 0), |(a, o), (w, n)| {
                    if crate::text::stem::is_arabic_word(w) {
                        (a + n, o)
                    } else {
                        (a, o + n)
                    }
                });
                return concept
                    .name(if arabic > other { "ar" } else { "en" })
                    .to_string();
            }
            seen.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(w, _)| w.clone())
                .unwrap_or_else(|| term.to_string())
        };
        name.split(' ').map(word).collect::<Vec<_>>().join(" ")
    }

    /// Whether a term is a pair with one of the lexicon's concepts in it.
    /// Labels leave these out (each concept is a term of its own): two
    /// concepts' order is not the writer's, and a concept shown by its
    /// name beside a written word glues words nobody wrote together
    /// ("alone for an hour" gave "loneliness hour").
    fn pair_with_concept(&self, id: u32) -> bool {
        let name = &self.names[id as usize];
        name.contains(' ') && name.split(' ').any(|t| t.starts_with(MARK))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A label names a concept on its own, never glued to a word it
    /// happened to stand beside.
    #[test]
    fn labels_glue_no_concept_to_a_word() {
        let texts = [
            "Waiting alone for an hour",
            "Alone for an hour at the stop",
            "An hour alone is too long",
            "Alone in the park",
            "Alone on the bus",
            "Alone walking home",
            "The bus comes every hour",
            "An hour late again",
            "One bus an hour",
        ];
        let (corpus, vectors) = Corpus::build(&texts, true);
        let mut centre = vec![0.0; corpus.dims()];
        for (i, w) in &vectors[1] {
            centre[*i as usize] = *w;
        }
        let terms = corpus.top_terms(&centre);
        assert!(terms.iter().any(|t| t == "loneliness"), "{terms:?}");
        assert!(
            terms
                .iter()
                .all(|t| t.split(' ').count() == 1 || !t.contains("loneliness")),
            "{terms:?}"
        );
    }
}
