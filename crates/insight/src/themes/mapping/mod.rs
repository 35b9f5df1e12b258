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

mod fallback;
mod space;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use super::vectors::{dot, sparse_dot, unit, Sparse};
use super::{
    stance_with, Assigned, ConfirmedTheme, Count, MappedAnswer, Mapping, Options, ThemeCount,
};
use crate::duplicates;
use crate::text::normalise;
use fallback::{fallback, key, Fallback};
use space::{add, Space};

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

/// See [`super::map`].
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
