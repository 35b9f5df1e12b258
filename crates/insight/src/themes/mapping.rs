//! Answers mapped to confirmed themes (see [`super::map`]).
//!
//! Each answer becomes one TF-IDF vector of stemmed words, word pairs and
//! character 4-grams inside words (the two halves weighted equally).
//! A theme scores an answer by the cosine to its prototype (label twice,
//! description, and the centre of its example answers) plus, when it has
//! examples, the mean similarity to its three nearest examples. Two
//! rounds move each prototype towards the answers it took, so a theme
//! learns the words its answers actually use. An answer takes its best
//! theme and every other within `relative` of it (at most three); an
//! answer that is verbatim one of a theme's examples always takes that
//! theme, since the analyst said so. Fallback themes ("None of the
//! above", "Other", "No reason given") are known by their label and only
//! take what nothing else does. Design and measurements: ADR 0011.

use std::collections::HashMap;

use super::corpus::pair;
use super::vectors::{dot, normalise_vec, sparse_dot, unit, Sparse};
use super::{
    stance_with, Assigned, ConfirmedTheme, Count, MappedAnswer, Mapping, Options, ThemeCount,
};
use crate::duplicates;
use crate::text::{normalise, stopwords, terms_with, tokenise};

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
struct Space {
    vocab: HashMap<String, u32>,
    is_char: Vec<bool>,
    idf: Vec<f32>,
    char_weight: f32,
    lexicon: bool,
}

impl Space {
    /// `extra` are texts that belong to the themes (labels, descriptions,
    /// examples): they add words to the vocabulary but not to the
    /// document frequencies.
    fn build(
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
    fn vector(&self, normalised: &str) -> Sparse {
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

fn add(dense: &mut [f32], v: &[(u32, f32)], s: f32) {
    v.iter().for_each(|&(i, w)| dense[i as usize] += w * s);
}

/// Which themes an answer takes, from its scores: the best, then every
/// other within `relative` of it, at most `max_themes`.
pub(super) fn choose(scores: &[f32], relative: f32, max_themes: usize) -> Vec<(usize, f32)> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let Some(&first) = order.first() else {
        return Vec::new();
    };
    let best = scores[first];
    if best <= 0.0 {
        return Vec::new();
    }
    order
        .into_iter()
        .take(max_themes.max(1))
        .filter(|&t| scores[t] >= relative * best)
        .map(|t| (t, scores[t]))
        .collect()
}

/// The fixed choices of the method (measured on gambling_XS, see
/// BENCHMARKS.md; only `relative` is an option).
struct Tuning {
    /// Share of the similarity from character n-grams.
    char_weight: f32,
    /// Weight of the nearest-examples score beside the prototype's cosine.
    near_weight: f32,
    /// How many nearest examples are averaged.
    near: usize,
    /// Rounds moving prototypes towards the answers they took.
    rounds: usize,
    /// Weight of the analyst's prototype against the answers taken.
    seed_weight: f32,
    relative: f32,
    max_themes: usize,
}

impl Tuning {
    fn of(options: &Options) -> Self {
        Self {
            char_weight: 0.5,
            near_weight: 1.0,
            near: 3,
            rounds: 2,
            seed_weight: 2.0,
            relative: options.relative,
            max_themes: 3,
        }
    }
}

/// Themes an analyst keeps for answers the others do not take, known by
/// their label (the names consultation tools give them, English and
/// Arabic): never scored on words, only given when nothing else fits.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fallback {
    /// "None of the above", "Other": answers with content that no other
    /// theme took.
    Other,
    /// "No reason given": content-free and empty replies.
    NoReason,
}

fn fallback(label: &str) -> Option<Fallback> {
    const OTHER: &[&str] = &[
        "none of the above",
        "other",
        "others",
        "other reasons",
        "something else",
        "أخرى",
        "غير ذلك",
        "لا شيء مما سبق",
    ];
    const NO_REASON: &[&str] = &[
        "no reason given",
        "no reason",
        "no answer",
        "no substantive answer",
        "لا يوجد سبب",
        "بدون سبب",
    ];
    let label = key(&normalise(label));
    let is = |list: &[&str]| list.iter().any(|l| key(&normalise(l)) == label);
    if is(OTHER) {
        Some(Fallback::Other)
    } else if is(NO_REASON) {
        Some(Fallback::NoReason)
    } else {
        None
    }
}

/// The key an example and an answer share when they are the same text
/// (normalised).
fn key(normalised: &str) -> String {
    tokenise(normalised).join(" ")
}

pub(super) fn map_answers(
    ids: &[String],
    texts: &[&str],
    themes: &[ConfirmedTheme],
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Mapping {
    let tuning = Tuning::of(options);
    let n = texts.len();
    let t_count = themes.len();
    // Work in units of answers: vectors, example scores, each round, and
    // the decisions.
    let steps = (3 + tuning.rounds) * n;
    let mut done = 0;
    let mut step = |progress: &mut dyn FnMut(usize, usize)| {
        done += n;
        progress(done.min(steps), steps);
    };
    let normalised: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
    let own: Vec<&str> = normalised.iter().map(String::as_str).collect();
    let examples_normalised: Vec<Vec<String>> = themes
        .iter()
        .map(|t| t.examples.iter().map(|e| normalise(e)).collect())
        .collect();
    let described: Vec<(String, String)> = themes
        .iter()
        .map(|t| (normalise(&t.label), normalise(&t.description)))
        .collect();
    let mut extra: Vec<&str> = Vec::new();
    for (d, ex) in described.iter().zip(&examples_normalised) {
        extra.push(&d.0);
        extra.push(&d.1);
        extra.extend(ex.iter().map(String::as_str));
    }
    let (space, vectors) = Space::build(&own, &extra, tuning.char_weight, options.lexicon);
    let dims = space.idf.len();
    step(progress);
    let examples: Vec<Vec<Sparse>> = examples_normalised
        .iter()
        .map(|ex| {
            ex.iter()
                .map(|e| space.vector(e))
                .filter(|v| !v.is_empty())
                .collect()
        })
        .collect();
    let mut verbatim: HashMap<String, Vec<usize>> = HashMap::new();
    for (t, ex) in examples_normalised.iter().enumerate() {
        for e in ex {
            let themes_of = verbatim.entry(key(e)).or_default();
            if !themes_of.contains(&t) {
                themes_of.push(t);
            }
        }
    }
    // Each theme's prototype: label and description, then the centre of
    // its examples with the same weight.
    let seeds: Vec<Vec<f32>> = described
        .iter()
        .zip(&examples)
        .map(|((label, description), ex)| {
            let mut dense = vec![0f32; dims];
            add(&mut dense, &space.vector(label), 2.0);
            add(&mut dense, &space.vector(description), 1.0);
            unit(&mut dense);
            if !ex.is_empty() {
                let mut centre = vec![0f32; dims];
                ex.iter().for_each(|e| add(&mut centre, e, 1.0));
                unit(&mut centre);
                dense.iter_mut().zip(&centre).for_each(|(d, c)| *d += c);
                unit(&mut dense);
            }
            dense
        })
        .collect();
    let content_free: Vec<bool> = texts
        .iter()
        .map(|t| duplicates::content_free(t).is_some())
        .collect();
    let skip: Vec<bool> = (0..n)
        .map(|i| content_free[i] || vectors[i].is_empty())
        .collect();
    // Nearest examples: mean of the best `near` similarities to a theme's
    // examples.
    let near: Vec<Vec<f32>> = vectors
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (0..t_count)
                .map(|t| {
                    let ex = &examples[t];
                    if skip[i] || ex.is_empty() {
                        return 0.0;
                    }
                    let mut sims: Vec<f32> = ex.iter().map(|e| sparse_dot(v, e)).collect();
                    sims.sort_by(|a, b| b.total_cmp(a));
                    let k = tuning.near.min(sims.len());
                    sims[..k].iter().sum::<f32>() / k as f32
                })
                .collect()
        })
        .collect();
    step(progress);
    let scale = if examples.iter().any(|e| !e.is_empty()) {
        1.0 + tuning.near_weight
    } else {
        1.0
    };
    let fallbacks: Vec<Option<Fallback>> = themes.iter().map(|t| fallback(&t.label)).collect();
    let mut centres = seeds.clone();
    let mut scores: Vec<Vec<f32>> = vec![vec![0.0; t_count]; n];
    let mut chosen: Vec<Vec<(usize, f32)>> = vec![Vec::new(); n];
    for round in 0..=tuning.rounds {
        for (i, v) in vectors.iter().enumerate() {
            if skip[i] {
                continue;
            }
            for t in 0..t_count {
                // A theme without examples simply lacks that evidence.
                scores[i][t] = if fallbacks[t].is_some() {
                    0.0
                } else {
                    (dot(v, &centres[t]) + tuning.near_weight * near[i][t]) / scale
                };
            }
            chosen[i] = choose(&scores[i], tuning.relative, tuning.max_themes);
        }
        if round == tuning.rounds {
            break;
        }
        let mut dense: Vec<Vec<f32>> = seeds
            .iter()
            .map(|s| s.iter().map(|v| v * tuning.seed_weight).collect())
            .collect();
        let mut took = vec![false; t_count];
        for (i, c) in chosen.iter().enumerate() {
            for &(t, s) in c {
                add(&mut dense[t], &vectors[i], s);
                took[t] = true;
            }
        }
        for (t, d) in dense.into_iter().enumerate() {
            if took[t] {
                centres[t] = d;
                unit(&mut centres[t]);
            }
        }
        step(progress);
    }
    let mut answers = Vec::with_capacity(n);
    let mut review = Vec::new();
    let mut counts = vec![0usize; t_count];
    for i in 0..n {
        let mut picked = chosen[i].clone();
        if let Some(ts) = verbatim.get(&key(&normalised[i])) {
            for &t in ts {
                match picked.iter_mut().find(|p| p.0 == t) {
                    Some(p) => p.1 = 1.0,
                    None => picked.push((t, 1.0)),
                }
            }
        }
        if picked.is_empty() {
            let wanted = if content_free[i] || normalised[i].trim().is_empty() {
                (Fallback::NoReason, 1.0)
            } else {
                // Counted under "other" but still sent to review: the
                // analyst may want a new theme for it.
                (Fallback::Other, 0.0)
            };
            if let Some(t) = fallbacks.iter().position(|f| *f == Some(wanted.0)) {
                picked.push((t, wanted.1));
            }
        }
        let mut assigned: Vec<Assigned> = picked
            .iter()
            .map(|&(t, s)| {
                counts[t] += 1;
                Assigned {
                    theme: themes[t].id.clone(),
                    confidence: (s.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
                }
            })
            .collect();
        assigned.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then(a.theme.cmp(&b.theme))
        });
        let best = assigned.first().map_or(0.0, |a| a.confidence);
        let needs_review = !content_free[i] && best < options.review_below;
        if needs_review {
            review.push(ids[i].clone());
        }
        answers.push(MappedAnswer {
            id: ids[i].clone(),
            stance: stance_with(texts[i], options.cues),
            themes: assigned,
            review: needs_review,
        });
    }
    step(progress);
    Mapping {
        answers,
        counts: themes
            .iter()
            .zip(counts)
            .map(|(t, c)| ThemeCount {
                id: t.id.clone(),
                label: t.label.clone(),
                count: Count::of(c, n),
            })
            .collect(),
        review,
    }
}

#[cfg(test)]
mod tests {
    use super::super::map_with_progress;
    use super::*;

    fn theme(id: &str, label: &str, description: &str, examples: &[&str]) -> ConfirmedTheme {
        ConfirmedTheme {
            id: id.into(),
            label: label.into(),
            description: description.into(),
            examples: examples.iter().map(|e| e.to_string()).collect(),
        }
    }

    fn run(texts: &[&str], themes: &[ConfirmedTheme]) -> Mapping {
        let ids: Vec<String> = (0..texts.len()).map(|i| format!("a{i}")).collect();
        super::super::map(&ids, texts, themes, &Options::default())
    }

    fn themes_of(m: &Mapping, i: usize) -> Vec<&str> {
        m.answers[i]
            .themes
            .iter()
            .map(|t| t.theme.as_str())
            .collect()
    }

    #[test]
    fn choose_takes_the_best_and_those_close_to_it() {
        assert_eq!(
            choose(&[0.2, 0.9, 0.7, 0.1], 0.7, 3),
            vec![(1, 0.9), (2, 0.7)]
        );
        assert_eq!(choose(&[0.5, 0.5, 0.5, 0.5], 0.7, 3).len(), 3);
        assert_eq!(choose(&[0.5, 0.5], 0.7, 1), vec![(0, 0.5)]);
        assert!(choose(&[0.0, -0.1], 0.7, 3).is_empty());
        assert!(choose(&[], 0.7, 3).is_empty());
    }

    #[test]
    fn character_grams_join_spellings_the_stemmer_keeps_apart() {
        // "normalisation" and "normalizes" stem differently; only their
        // character 4-grams ("norm", "orma", "rmal") meet.
        let texts = [
            "Betting normalizes risky habits",
            "Timetable for the evening trains",
            "The trains in the evening are late",
            "Risky habits start young",
        ];
        let themes = [
            theme("norm", "Normalisation", "", &[]),
            theme("trains", "Evening trains", "", &[]),
        ];
        let m = run(&texts, &themes);
        assert_eq!(themes_of(&m, 0), vec!["norm"]);
        assert_eq!(themes_of(&m, 1), vec!["trains"]);
    }

    #[test]
    fn examples_teach_words_the_description_lacks() {
        let texts = [
            "Adults can make their own choices",
            "Let people choose for themselves, adults are not children",
            "The buses stop too early in the evening",
            "Run later buses please",
        ];
        let freedom = theme(
            "freedom",
            "Personal freedom",
            "Liberty, opposing intervention",
            &[],
        );
        let buses = theme("buses", "Later buses", "Evening bus service", &[]);
        let zero = run(&texts, &[freedom.clone(), buses.clone()]);
        assert!(!themes_of(&zero, 0).contains(&"freedom"), "{zero:?}");
        let taught = ConfirmedTheme {
            examples: vec!["Grown adults should make their own choices".into()],
            ..freedom
        };
        let m = run(&texts, &[taught, buses]);
        assert_eq!(themes_of(&m, 0), vec!["freedom"]);
        assert_eq!(themes_of(&m, 2), vec!["buses"]);
    }

    #[test]
    fn an_answer_given_as_an_example_takes_its_theme() {
        // The second answer shares no word or concept with either theme
        // (a lane is a street to the lexicon, which roads are too).
        let texts = [
            "Plant more trees in the park",
            "Longer opening hours at the library",
        ];
        let themes = [
            theme("parks", "Parks", "Trees and green space", &[]),
            theme(
                "roads",
                "Roads",
                "Road surfaces",
                // Written differently (case, punctuation) but the same text.
                &["plant more trees, in the PARK"],
            ),
        ];
        let m = run(&texts, &themes);
        let first = &m.answers[0].themes;
        assert!(
            first
                .iter()
                .any(|t| t.theme == "roads" && t.confidence == 1.0),
            "{first:?}"
        );
        assert_eq!(themes_of(&m, 1), Vec::<&str>::new());
        assert_eq!(m.counts[1].count.count, 1);
    }

    #[test]
    fn the_same_answers_in_another_order_map_the_same() {
        let texts = [
            "More trees in the park",
            "Later buses in the evening",
            "The park needs benches",
            "Buses should run on Sundays",
            "agree",
            "",
        ];
        let themes = [
            theme(
                "parks",
                "Parks",
                "Trees, benches",
                &["shade trees in the park"],
            ),
            theme("buses", "Buses", "Bus service", &[]),
        ];
        let m = run(&texts, &themes);
        let reversed: Vec<&str> = texts.iter().rev().copied().collect();
        let r = run(&reversed, &themes);
        for i in 0..texts.len() {
            let j = texts.len() - 1 - i;
            assert_eq!(m.answers[i].themes, r.answers[j].themes);
        }
        // Content-free and empty answers take no theme and need no review.
        for i in [4, 5] {
            assert!(m.answers[i].themes.is_empty() && !m.answers[i].review);
        }
        assert_eq!(m, run(&texts, &themes));
    }

    #[test]
    fn fallback_themes_only_take_what_nothing_else_does() {
        let texts = [
            "More trees in the park, the park needs trees",
            "agree",
            "",
            "Potholes everywhere on Mill Lane",
            "Trees in the park, and no reason to wait",
        ];
        let themes = [
            theme("parks", "Parks", "Trees in the park", &[]),
            // Its words ("answer", "reason") must not pull answers in.
            theme(
                "none",
                "None of the Above",
                "A topic no other theme covers, no reason",
                &[],
            ),
            theme(
                "noreason",
                "No Reason Given",
                "The answer gives no reason",
                &[],
            ),
        ];
        let m = run(&texts, &themes);
        assert_eq!(themes_of(&m, 0), vec!["parks"]);
        assert_eq!(themes_of(&m, 4), vec!["parks"]);
        assert_eq!(themes_of(&m, 1), vec!["noreason"]);
        assert_eq!(themes_of(&m, 2), vec!["noreason"]);
        assert!(!m.answers[1].review && !m.answers[2].review);
        // Nothing fits: counted as "none of the above", and reviewed.
        assert_eq!(themes_of(&m, 3), vec!["none"]);
        assert!(m.answers[3].review);
        assert_eq!(fallback("لا شيء مما سبق"), Some(Fallback::Other));
        assert_eq!(fallback("Other"), Some(Fallback::Other));
        assert_eq!(fallback("Other transport"), None);
    }

    #[test]
    fn progress_rises_to_its_total() {
        let texts = ["More trees in the park", "Later buses", "Benches"];
        let ids: Vec<String> = (0..3).map(|i| i.to_string()).collect();
        let themes = [theme("parks", "Parks", "Trees", &[])];
        let mut seen: Vec<(usize, usize)> = Vec::new();
        map_with_progress(&ids, &texts, &themes, &Options::default(), &mut |d, t| {
            seen.push((d, t))
        });
        assert!(seen.len() >= 3, "{seen:?}");
        assert!(seen
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 == w[1].1));
        let last = seen.last().unwrap();
        assert_eq!(last.0, last.1);
    }
}
