//! How discovery groups the distinct answers before it labels them: by
//! stance and then by words (ADR 0011), or by words and then, only where
//! a group holds enough answers on each side, by side (ADR 0028,
//! amended). Every group kept has at least the minimum weight; the
//! answers of smaller groups join the nearest group they may join, or are
//! left unassigned.

use serde::{Deserialize, Serialize};

use super::clustering::{cluster, AGGLOMERATE_MAX};
use super::likeness::{likeness, View};
use super::vectors::{dot, unit, Sparse};
use super::Stance;
use crate::text::Language;

/// How discovery groups the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    /// Stance first: each stance's answers are clustered by their words
    /// apart (ADR 0011), so a theme is one stance. A topic whose answers
    /// ask (agree) and merely describe (unclear) becomes two themes, and a
    /// stance with too few answers for a theme a topic lumps topics
    /// together; the more answers the stance cues decide, the more that
    /// happens. Kept to measure against.
    StanceFirst,
    /// Words first: all answers are clustered by their words (word groups
    /// whose centres are nearly the same merged, [`SAME_TOPIC`]), then a
    /// word group is split into its for and its against answers (each
    /// unclear answer going with the nearer side) only where each side is
    /// enough for a theme. Otherwise the group is one theme, whose stance
    /// is the side most of its answers that take one take, where at least
    /// half do (else unclear): a side too small for a theme of its own
    /// stays with its words, in a theme of the other side or of unclear
    /// stance.
    WordsFirst,
}

/// The distinct answers grouping reads (indices are the answers').
pub(super) struct Answers<'a> {
    pub vectors: &'a [Sparse],
    /// How many answers each stands for (itself and its copies).
    pub weights: &'a [f32],
    pub stances: &'a [Stance],
    /// The number of terms (the length of a dense centre).
    pub dims: usize,
    /// The language each is written in.
    pub languages: &'a [Language],
    /// Per term, whether answers of any language can have it (the
    /// lexicon's concepts and pairs of them).
    pub neutral: &'a [bool],
}

pub(super) struct Limits {
    /// The least weight of a group kept.
    pub min_size: f32,
    pub max_themes: usize,
    pub seed: u64,
}

pub(super) struct Group {
    pub stance: Stance,
    pub members: Vec<usize>,
    /// Dense, unit length.
    pub centre: Vec<f32>,
}

/// The groups kept (each of at least `limits.min_size`) and the answers
/// left out. `progress` is told the weight clustered so far.
pub(super) fn group(
    a: &Answers,
    grouping: Grouping,
    limits: &Limits,
    progress: &mut dyn FnMut(usize),
) -> (Vec<Group>, Vec<usize>) {
    match grouping {
        Grouping::StanceFirst => {
            let groups = stance_first(a, limits, progress);
            dissolve(a, groups, limits.min_size, false)
        }
        Grouping::WordsFirst => {
            let groups = words_first(a, limits, progress);
            dissolve(a, groups, limits.min_size, true)
        }
    }
}

/// The number of clusters for `weight` answers: about the square root of
/// half of them, at most `budget` and at most one for every `min_size`.
fn clusters_for(weight: f32, budget: usize, min_size: f32) -> usize {
    let by_size = (weight / min_size).floor().max(1.0) as usize;
    ((weight / 2.0).sqrt().round() as usize).clamp(1, budget.max(1).min(by_size))
}

/// The answers `idx` clustered by their words into `k`: each cluster's
/// members (indices into the answers) and centre.
fn by_words(a: &Answers, idx: &[usize], k: usize, seed: u64) -> Vec<(Vec<usize>, Vec<f32>)> {
    let x: Vec<&Sparse> = idx.iter().map(|&i| &a.vectors[i]).collect();
    let w: Vec<f32> = idx.iter().map(|&i| a.weights[i]).collect();
    let (assign, centres) = cluster(&x, &w, a.dims, k, seed, AGGLOMERATE_MAX);
    centres
        .into_iter()
        .enumerate()
        .map(|(c, centre)| {
            let members = (0..idx.len())
                .filter(|&j| assign[j] == c)
                .map(|j| idx[j])
                .collect();
            (members, centre)
        })
        .collect()
}

/// ADR 0011's grouping: per stance, clusters by words, each stance given
/// its share of `max_themes`.
fn stance_first(a: &Answers, limits: &Limits, progress: &mut dyn FnMut(usize)) -> Vec<Group> {
    let content_total: f32 = a.weights.iter().sum();
    let mut clustered = 0usize;
    let mut groups = Vec::new();
    for s in [Stance::Agree, Stance::Disagree, Stance::Unclear] {
        let idx: Vec<usize> = (0..a.vectors.len())
            .filter(|&i| a.stances[i] == s && !a.vectors[i].is_empty())
            .collect();
        if idx.is_empty() {
            continue;
        }
        let weight: f32 = idx.iter().map(|&i| a.weights[i]).sum();
        let budget = (limits.max_themes as f32 * weight / content_total.max(1.0)).floor() as usize;
        let k = clusters_for(weight, budget, limits.min_size);
        let found = by_words(a, &idx, k, limits.seed ^ (s as u64 + 1));
        clustered += weight as usize;
        progress(clustered);
        groups.extend(found.into_iter().map(|(members, centre)| Group {
            stance: s,
            members,
            centre,
        }));
    }
    groups
}

/// Word groups at least this alike ([`likeness`]: the cosine of their
/// centres, across languages on the terms both can have) are one topic
/// cut in parts, and are merged. Discovery makes up to half of
/// `max_themes` word groups (35), more than a large set of answers may
/// have topics: on `bench_themes`' 30,000 synthetic answers (12 topics)
/// each topic was cut in two or three where the seeded sample happened
/// to, so the seed moved many answers (ARI 0.56 between the two least
/// alike of ten seeds). The cuts' centres had cosines of 0.74–0.89 with
/// each other; then came the English and the Arabic park answers (0.51,
/// one topic in two languages through the lexicon's terms, which ADR 0028
/// means to be one theme), and no other two topics above 0.37. Merging at
/// 0.45 made the seeds agree (0.99). Set on those answers, and not
/// changed when the likeness across languages came to be read on the
/// shared terms (BENCHMARKS.md, h9).
pub(super) const SAME_TOPIC: f32 = 0.45;

/// Words first: one clustering of every answer into at most half of
/// `max_themes` word groups (so that each can be split in two), those of
/// one topic merged, then split by side ([`by_side`]).
fn words_first(a: &Answers, limits: &Limits, progress: &mut dyn FnMut(usize)) -> Vec<Group> {
    let idx: Vec<usize> = (0..a.vectors.len())
        .filter(|&i| !a.vectors[i].is_empty())
        .collect();
    if idx.is_empty() {
        return Vec::new();
    }
    let weight: f32 = idx.iter().map(|&i| a.weights[i]).sum();
    let k = clusters_for(weight, limits.max_themes / 2, limits.min_size);
    let found = by_words(a, &idx, k, limits.seed);
    progress(weight as usize);
    by_side(a, one_topic(a, found), limits)
}

/// Word groups (members and centre) with those of one topic merged
/// ([`likeness`] at least [`SAME_TOPIC`]), the most similar pair first;
/// each merged group keeps the place of its first part.
pub(super) fn one_topic(
    a: &Answers,
    mut groups: Vec<(Vec<usize>, Vec<f32>)>,
) -> Vec<(Vec<usize>, Vec<f32>)> {
    let n = groups.len();
    let mut views: Vec<View> = groups.iter().map(|g| View::of(a, g)).collect();
    let mut sim = vec![0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            sim[i * n + j] = likeness(&views[i], &views[j]);
        }
    }
    let mut alive = vec![true; n];
    loop {
        let mut best: Option<(usize, usize)> = None;
        for i in (0..n).filter(|&i| alive[i]) {
            for j in (i + 1..n).filter(|&j| alive[j]) {
                let s = sim[i * n + j];
                if s >= SAME_TOPIC && best.is_none_or(|(p, q)| s > sim[p * n + q]) {
                    best = Some((i, j));
                }
            }
        }
        let Some((i, j)) = best else { break };
        alive[j] = false;
        let members = std::mem::take(&mut groups[j].0);
        groups[i].0.extend(members);
        groups[i].0.sort_unstable();
        groups[i].1 = centre_of(a, &groups[i].0);
        views[i] = View::of(a, &groups[i]);
        for m in (0..n).filter(|&m| alive[m] && m != i) {
            sim[i.min(m) * n + i.max(m)] = likeness(&views[i], &views[m]);
        }
    }
    groups
        .into_iter()
        .zip(alive)
        .filter_map(|(g, alive)| alive.then_some(g))
        .collect()
}

/// Word groups (members and centre) split by side where both sides are
/// enough for a theme (the largest smaller sides first, as long as the
/// groups stay within `max_themes`); any other group stays whole, with
/// the stance its answers take ([`taken`]).
fn by_side(a: &Answers, found: Vec<(Vec<usize>, Vec<f32>)>, limits: &Limits) -> Vec<Group> {
    let weight = |members: &[usize], s: Stance| -> f32 {
        members
            .iter()
            .filter(|&&i| a.stances[i] == s)
            .map(|&i| a.weights[i])
            .sum()
    };
    // (word group, its smaller side's weight)
    let mut splits: Vec<(usize, f32)> = found
        .iter()
        .enumerate()
        .filter_map(|(g, (members, _))| {
            let smaller = weight(members, Stance::Agree).min(weight(members, Stance::Disagree));
            (smaller >= limits.min_size).then_some((g, smaller))
        })
        .collect();
    splits.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    splits.truncate(limits.max_themes.saturating_sub(found.len()));
    let mut groups = Vec::with_capacity(found.len() + splits.len());
    for (g, (members, centre)) in found.into_iter().enumerate() {
        if splits.iter().any(|&(s, _)| s == g) {
            groups.extend(split(a, &members));
            continue;
        }
        let stance = taken(
            weight(&members, Stance::Agree),
            weight(&members, Stance::Disagree),
            weight(&members, Stance::Unclear),
        );
        groups.push(Group {
            stance,
            members,
            centre,
        });
    }
    groups
}

/// The stance of a group with these weights of answers for, against and
/// unclear: a side when at least half its answers take one, the side most
/// of those take; unclear otherwise, and when the sides are even.
fn taken(agree: f32, disagree: f32, unclear: f32) -> Stance {
    if agree + disagree < unclear || agree == disagree {
        Stance::Unclear
    } else if agree > disagree {
        Stance::Agree
    } else {
        Stance::Disagree
    }
}

/// A word group's for and against answers as two groups, each unclear
/// answer with the side whose centre is nearer (on a tie, for).
fn split(a: &Answers, members: &[usize]) -> [Group; 2] {
    let of = |s: Stance| -> Vec<usize> {
        members
            .iter()
            .copied()
            .filter(|&i| a.stances[i] == s)
            .collect()
    };
    let (mut agree, mut disagree) = (of(Stance::Agree), of(Stance::Disagree));
    let (for_centre, against_centre) = (centre_of(a, &agree), centre_of(a, &disagree));
    for i in of(Stance::Unclear) {
        if dot(&a.vectors[i], &against_centre) > dot(&a.vectors[i], &for_centre) {
            disagree.push(i);
        } else {
            agree.push(i);
        }
    }
    agree.sort_unstable();
    disagree.sort_unstable();
    [(Stance::Agree, agree), (Stance::Disagree, disagree)].map(|(stance, members)| Group {
        stance,
        centre: centre_of(a, &members),
        members,
    })
}

/// The weighted centre of `members`, dense and unit length.
pub(super) fn centre_of(a: &Answers, members: &[usize]) -> Vec<f32> {
    let mut c = vec![0f32; a.dims];
    for &i in members {
        a.vectors[i]
            .iter()
            .for_each(|&(j, v)| c[j as usize] += v * a.weights[i]);
    }
    unit(&mut c);
    c
}

/// Groups under `min_size` are dissolved: each of their answers joins the
/// kept group of its stance whose centre is nearest (cosine at least
/// 0.05), or with `any_stance` the nearest kept group whatever its stance
/// (its words decide), else is left out.
fn dissolve(
    a: &Answers,
    groups: Vec<Group>,
    min_size: f32,
    any_stance: bool,
) -> (Vec<Group>, Vec<usize>) {
    let size = |g: &Group| g.members.iter().map(|&i| a.weights[i]).sum::<f32>();
    let (mut keep, small): (Vec<Group>, Vec<Group>) =
        groups.into_iter().partition(|g| size(g) >= min_size);
    let mut unassigned = Vec::new();
    for i in small.into_iter().flat_map(|g| g.members) {
        let best = keep
            .iter()
            .enumerate()
            .filter(|(_, k)| any_stance || k.stance == a.stances[i])
            .map(|(j, k)| (j, dot(&a.vectors[i], &k.centre)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match best {
            Some((j, sim)) if sim >= 0.05 => keep[j].members.push(i),
            _ => unassigned.push(i),
        }
    }
    (keep, unassigned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stance::{Agree, Disagree, Unclear};

    /// Unit vectors of the given terms, equal weights, with their stances.
    fn answers(spec: &[(&[u32], Stance)]) -> (Vec<Sparse>, Vec<f32>, Vec<Stance>) {
        let vectors = spec
            .iter()
            .map(|(terms, _)| {
                let w = 1.0 / (terms.len() as f32).sqrt();
                terms.iter().map(|&t| (t, w)).collect()
            })
            .collect();
        let weights = vec![1.0; spec.len()];
        let stances = spec.iter().map(|&(_, s)| s).collect();
        (vectors, weights, stances)
    }

    fn word_groups(a: &Answers, ranges: &[std::ops::Range<usize>]) -> Vec<(Vec<usize>, Vec<f32>)> {
        ranges
            .iter()
            .map(|r| {
                let members: Vec<usize> = r.clone().collect();
                let centre = centre_of(a, &members);
                (members, centre)
            })
            .collect()
    }

    fn limits(max_themes: usize) -> Limits {
        Limits {
            min_size: 5.0,
            max_themes,
            seed: 0,
        }
    }

    fn summary(groups: &[Group]) -> Vec<(Stance, Vec<usize>)> {
        groups
            .iter()
            .map(|g| (g.stance, g.members.clone()))
            .collect()
    }

    #[test]
    fn a_word_group_is_split_by_side_only_where_both_sides_make_a_theme() {
        let mut spec: Vec<(&[u32], Stance)> = Vec::new();
        // 0..14: six for, six against, and an unclear answer nearer each.
        spec.extend([(&[0, 1][..], Agree); 6]);
        spec.extend([(&[0, 2][..], Disagree); 6]);
        spec.extend([(&[0, 1][..], Unclear), (&[0, 2][..], Unclear)]);
        // 14..24: five for, three unclear, two against.
        spec.extend([(&[3, 4][..], Agree); 5]);
        spec.extend([(&[3, 4][..], Unclear); 3]);
        spec.extend([(&[3, 0][..], Disagree); 2]);
        // 24..30: as many for as against.
        spec.extend([(&[5][..], Agree); 3]);
        spec.extend([(&[5][..], Disagree); 3]);
        // 30..38: two for, six unclear.
        spec.extend([(&[6][..], Agree); 2]);
        spec.extend([(&[6][..], Unclear); 6]);
        let (vectors, weights, stances) = answers(&spec);
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: 7,
            languages: &vec![Language::English; vectors.len()],
            neutral: &[true; 7],
        };
        let found = word_groups(&a, &[0..14, 14..24, 24..30, 30..38]);
        let groups = by_side(&a, found, &limits(10));
        assert_eq!(
            summary(&groups),
            vec![
                (Agree, vec![0, 1, 2, 3, 4, 5, 12]),
                (Disagree, vec![6, 7, 8, 9, 10, 11, 13]),
                // Too few against for a theme: they stay with their words,
                // and most of those who take a side are for.
                (Agree, (14..24).collect()),
                (Unclear, (24..30).collect()),
                // Fewer than half take a side.
                (Unclear, (30..38).collect()),
            ]
        );
    }

    #[test]
    fn the_stance_taken_is_a_side_when_at_least_half_take_one() {
        assert_eq!(taken(3.0, 0.0, 2.0), Agree);
        assert_eq!(taken(1.0, 4.0, 5.0), Disagree);
        assert_eq!(taken(5.0, 3.0, 41.0), Unclear);
        assert_eq!(taken(4.0, 4.0, 0.0), Unclear);
        assert_eq!(taken(0.0, 0.0, 0.0), Unclear);
    }

    #[test]
    fn splits_stay_within_max_themes_the_largest_smaller_side_first() {
        let mut spec: Vec<(&[u32], Stance)> = Vec::new();
        spec.extend([(&[0, 1][..], Agree); 7]);
        spec.extend([(&[0, 2][..], Disagree); 6]);
        spec.extend([(&[3, 4][..], Agree); 8]);
        spec.extend([(&[3, 5][..], Disagree); 7]);
        let (vectors, weights, stances) = answers(&spec);
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: 6,
            languages: &vec![Language::English; vectors.len()],
            neutral: &[true; 6],
        };
        let found = || word_groups(&a, &[0..13, 13..28]);
        let groups = by_side(&a, found(), &limits(3));
        assert_eq!(
            summary(&groups),
            vec![
                (Agree, (0..13).collect()),
                (Agree, (13..21).collect()),
                (Disagree, (21..28).collect()),
            ],
            "one split allowed: the second group's, whose smaller side is larger"
        );
        assert_eq!(by_side(&a, found(), &limits(4)).len(), 4);
    }

    #[test]
    fn word_groups_of_one_topic_are_merged() {
        // Two cuts of one topic (terms 0-3), and another topic (4-5).
        let (vectors, weights, stances) = answers(&[
            (&[0, 1, 2], Agree),
            (&[0, 1, 3], Agree),
            (&[4, 5], Agree),
            (&[0, 2, 3], Unclear),
            (&[1, 2, 3], Unclear),
            (&[4], Agree),
        ]);
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: 6,
            languages: &vec![Language::English; vectors.len()],
            neutral: &[true; 6],
        };
        let found = word_groups(&a, &[0..2, 2..3, 3..5, 5..6]);
        let merged = one_topic(&a, found);
        let members: Vec<Vec<usize>> = merged.iter().map(|g| g.0.clone()).collect();
        assert_eq!(members, vec![vec![0, 1, 3, 4], vec![2, 5]]);
        for (m, centre) in &merged {
            assert_eq!(centre, &centre_of(&a, m));
        }
        // Topics apart stay apart.
        let apart = word_groups(&a, &[0..2, 2..3]);
        assert_eq!(one_topic(&a, apart).len(), 2);
    }

    #[test]
    fn only_words_first_lets_an_answer_join_a_group_of_another_stance() {
        let (vectors, weights, stances) = answers(&[
            (&[0, 1], Agree),
            (&[0, 1], Agree),
            (&[0, 1], Agree),
            (&[0, 1], Agree),
            (&[0, 1], Agree),
            (&[0], Unclear),
            (&[0], Agree),
            (&[0], Disagree),
            (&[2], Disagree),
        ]);
        let a = Answers {
            vectors: &vectors,
            weights: &weights,
            stances: &stances,
            dims: 3,
            languages: &vec![Language::English; vectors.len()],
            neutral: &[true; 3],
        };
        let groups = || {
            [0..5, 5..9]
                .into_iter()
                .map(|r| {
                    let members: Vec<usize> = r.collect();
                    Group {
                        stance: stances[members[0]],
                        centre: centre_of(&a, &members),
                        members,
                    }
                })
                .collect::<Vec<_>>()
        };
        let (kept, unassigned) = dissolve(&a, groups(), 5.0, true);
        assert_eq!(kept[0].members, vec![0, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(unassigned, vec![8], "nothing near");
        let (kept, unassigned) = dissolve(&a, groups(), 5.0, false);
        assert_eq!(kept[0].members, vec![0, 1, 2, 3, 4, 6]);
        assert_eq!(unassigned, vec![5, 7, 8]);
    }
}
