//! Themes in one question's free-text answers, offline and deterministic.
//!
//! [`discover`] proposes candidate themes: duplicates collapsed, campaigns
//! and content-free replies set aside (counted, not themed), each answer's
//! stance found, then a spherical k-means over TF-IDF vectors of stemmed
//! words and word pairs (started from a group-average agglomeration of
//! the answers, or of a seeded sample of them when there are many) groups
//! them by their words, and a group is split by side only where its for
//! and its against answers are each enough for a theme ([`Grouping`]):
//! a theme takes the side most of its answers take, and may hold a few
//! of the other side too few to be a theme of their own. The
//! theme-set rules hold by construction: at most `max_themes`, each with
//! at least max(`min_answers`, `min_share` of the answers) (smaller
//! clusters are dissolved into their nearest neighbour or left
//! unassigned), no two with the same label (same-stance themes whose
//! labels coincide are merged) and, since every answer is in at most one
//! candidate theme, no two whose answer sets overlap.
//!
//! [`map`] assigns every answer to zero or more confirmed themes (an
//! analyst's list with labels, descriptions and example answers), with a
//! confidence, and sends low-confidence answers to a review list. Each
//! theme's count carries a 95 % Wilson interval.

mod grouping;
mod mapping;
pub mod stance;

use std::collections::HashMap;
#[cfg(test)]
use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::duplicates::{self, deduplicate};
use crate::proportion::Proportion;
use crate::random::{mix, GAMMA};
use crate::text::lexicon::{self, MARK};
use crate::text::{normalise, pii, terms_with, tokenise};
pub use grouping::Grouping;
pub use stance::{stance, stance_with, Cues, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Options {
    pub seed: u64,
    pub max_themes: usize,
    pub min_answers: usize,
    pub min_share: f64,
    /// Answers whose best theme has a lower confidence go to review.
    pub review_below: f32,
    /// An answer joins every theme whose similarity is at least this
    /// share of its best one.
    pub relative: f32,
    pub duplicates: duplicates::Options,
    /// Words the bilingual lexicon knows become its concepts, so that an
    /// English and an Arabic answer saying the same thing share their
    /// terms (ADR 0028). Off reproduces the words-only method of ADR 0011,
    /// kept to measure against.
    pub lexicon: bool,
    /// Which cue words decide an answer's stance.
    pub cues: Cues,
    /// Whether discovery groups answers by words before stance (ADR 0028,
    /// amended) or by stance before words (ADR 0011).
    pub grouping: Grouping,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seed: 0,
            max_themes: 70,
            min_answers: 5,
            min_share: 0.001,
            review_below: 0.1,
            relative: 0.7,
            duplicates: duplicates::Options::default(),
            lexicon: true,
            // Words first, then a group split by side only where each side
            // is a theme: the extended cues then leave few answers
            // "unclear" without regrouping distinct topics by stance, and
            // themes are stable across seeds (ADR 28, second amendment).
            cues: Cues::Extended,
            grouping: Grouping::WordsFirst,
        }
    }
}

/// A count with its 95 % Wilson interval, as fractions of the base.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Count {
    pub count: u64,
    pub base: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Count {
    fn of(count: usize, base: usize) -> Self {
        let p = Proportion::wilson(count as u64, base as u64);
        Self {
            count: count as u64,
            base: base as u64,
            share: p.map_or(0.0, |p| p.share),
            low: p.map_or(0.0, |p| p.low),
            high: p.map_or(0.0, |p| p.high),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub id: String,
    /// Verbatim, with personal data masked.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateTheme {
    pub id: String,
    pub label: String,
    pub stance: Stance,
    pub top_terms: Vec<String>,
    pub quotes: Vec<Quote>,
    pub answer_ids: Vec<String>,
    pub count: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Campaign {
    pub quote: Quote,
    pub count: Count,
    pub answer_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discovery {
    pub answers: usize,
    pub themes: Vec<CandidateTheme>,
    pub campaigns: Vec<Campaign>,
    /// Content-free replies: counted, never themed.
    pub endorsements: Count,
    pub rejections: Count,
    pub empty: Count,
    pub stances: HashMap<Stance, u64>,
    /// Answers with content that no theme took.
    pub unassigned: Vec<String>,
    /// Per answer (input order): index into `themes`, if any.
    #[serde(skip)]
    pub assignment: Vec<Option<usize>>,
}

/// A theme confirmed by an analyst.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmedTheme {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// Answers the analyst says belong to the theme.
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assigned {
    pub theme: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappedAnswer {
    pub id: String,
    pub stance: Stance,
    pub themes: Vec<Assigned>,
    pub review: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeCount {
    pub id: String,
    pub label: String,
    pub count: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    pub answers: Vec<MappedAnswer>,
    pub counts: Vec<ThemeCount>,
    pub review: Vec<String>,
}

type Sparse = Vec<(u32, f32)>;

/// Stemmed words (or the lexicon's concepts) and adjacent pairs, with the
/// surface words behind each for readable labels.
struct Corpus {
    vocab: HashMap<String, u32>,
    names: Vec<String>,
    idf: Vec<f32>,
    surface: Vec<HashMap<String, u32>>,
}

/// Two adjacent terms as one feature. Two concepts are put in a fixed
/// order, since English and Arabic put a noun and its modifier the other
/// way round ("street lighting", "إنارة الشوارع").
pub(crate) fn pair(a: &str, b: &str) -> String {
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
    fn build(texts: &[&str], lexicon: bool) -> (Self, Vec<Sparse>) {
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

    /// Whether a term is two of the lexicon's concepts side by side: their
    /// order is not the writer's, so labels leave them out (each concept
    /// is a term of its own).
    fn concept_pair(&self, id: u32) -> bool {
        let name = &self.names[id as usize];
        name.contains(' ') && name.split(' ').all(|t| t.starts_with(MARK))
    }
}

/// The label discovery gives a theme: its three strongest terms and its
/// stance (`agree`, `disagree`, `unclear`). A label still equal to this
/// was not renamed by an analyst, so pages may show it in the reader's
/// language ([`lexicon::translate`]).
pub fn generated_label<S: AsRef<str>>(terms: &[S], stance: &str) -> String {
    let terms: Vec<&str> = terms.iter().take(3).map(AsRef::as_ref).collect();
    format!("{} ({stance})", terms.join(", "))
}

fn normalise_vec(v: &mut [(u32, f32)]) {
    let norm: f32 = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

fn dot(a: &[(u32, f32)], dense: &[f32]) -> f32 {
    a.iter().map(|&(i, w)| w * dense[i as usize]).sum()
}

/// Sparse dot product of two sorted vectors.
fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Merges cluster `j` into `i` (i < j) in the n × n similarity matrix:
/// group average, so the merged cluster's similarity to each other active
/// one is the size-weighted mean of its parts' (Lance–Williams).
fn merge_into(
    sim: &mut [f32],
    n: usize,
    active: &mut [bool],
    size: &mut [f32],
    i: usize,
    j: usize,
) {
    let (si, sj) = (size[i], size[j]);
    for m in 0..n {
        if active[m] && m != i && m != j {
            let v = (si * sim[i * n + m] + sj * sim[j * n + m]) / (si + sj);
            sim[i * n + m] = v;
            sim[m * n + i] = v;
        }
    }
    active[j] = false;
    size[i] += sj;
}

/// Group-average agglomerative clustering (cosine, weighted) down to `k`
/// clusters: no randomness at all, so the same points always give the
/// same clusters (numbered by their first point).
///
/// The nearest-neighbour chain finds the same hierarchy as merging the
/// most similar pair each time, because group average is reducible (a
/// merge never brings the merged cluster closer to a third than the nearer
/// of its parts was), but in O(n^2) time instead of up to O(n^3): about five
/// times faster at 2,000 points, which is what lets discovery agglomerate
/// a larger sample (see [`AGGLOMERATE_MAX`]). Quadratic memory (a full
/// n × n matrix of `f32`): for a few thousand points.
fn agglomerate(x: &[&Sparse], w: &[f32], k: usize) -> Vec<usize> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    // A full square matrix, not a triangle: every scan below reads one
    // row in order; a triangle halves the memory but reads columns out of
    // order, which measured several times slower at 6,000 points.
    let mut sim = vec![0f32; n * n];
    // Row by row through an inverted index (each term's points), so only
    // pairs that share a term cost anything, and every write goes to the
    // row at hand. Each entry adds its products in term order from zero,
    // as `sparse_dot` does, so the values are the same to the bit and the
    // matrix is exactly symmetric. (The diagonal is never read.)
    let dims = x
        .iter()
        .flat_map(|v| v.iter().map(|&(j, _)| j as usize + 1))
        .max()
        .unwrap_or(0);
    let mut start = vec![0usize; dims + 1];
    x.iter()
        .flat_map(|v| v.iter())
        .for_each(|&(t, _)| start[t as usize + 1] += 1);
    for t in 0..dims {
        start[t + 1] += start[t];
    }
    let mut fill = start.clone();
    let mut postings = vec![(0u32, 0f32); start[dims]];
    for (i, v) in x.iter().enumerate() {
        for &(t, value) in v.iter() {
            postings[fill[t as usize]] = (i as u32, value);
            fill[t as usize] += 1;
        }
    }
    drop(fill);
    for (i, v) in x.iter().enumerate() {
        let row = &mut sim[i * n..(i + 1) * n];
        for &(t, value) in v.iter() {
            for &(j, u) in &postings[start[t as usize]..start[t as usize + 1]] {
                row[j as usize] += value * u;
            }
        }
    }
    drop(postings);
    let mut active = vec![true; n];
    let mut size: Vec<f32> = w.to_vec();
    // The similarity at which each cluster was formed (points: none).
    let mut formed = vec![f32::INFINITY; n];
    // (similarity, lower index, higher index), in the order found.
    let mut merges: Vec<(f32, usize, usize)> = Vec::with_capacity(n - 1);
    let mut chain: Vec<usize> = Vec::new();
    let mut first = 0;
    while merges.len() + 1 < n {
        if chain.is_empty() {
            while !active[first] {
                first += 1;
            }
            chain.push(first);
        }
        let a = chain[chain.len() - 1];
        let prev = chain.len().checked_sub(2).map(|p| chain[p]);
        // The most similar active cluster to the chain's end; on a tie the
        // previous link wins (so the chain always ends), then the lower index.
        let row = &sim[a * n..(a + 1) * n];
        let mut best: Option<(usize, f32)> = prev.map(|p| (p, row[p]));
        for (j, &s) in row.iter().enumerate() {
            if j != a && active[j] && best.is_none_or(|(_, bs)| s > bs) {
                best = Some((j, s));
            }
        }
        let Some((b, s)) = best else { break };
        if Some(b) != prev {
            chain.push(b);
            continue;
        }
        chain.truncate(chain.len() - 2);
        let (i, j) = (a.min(b), a.max(b));
        merge_into(&mut sim, n, &mut active, &mut size, i, j);
        // Never above the merges that formed its parts: true in exact
        // arithmetic, and kept so when rounding would break it by a hair,
        // so that sorting below puts every part before its whole.
        let s = s.min(formed[i]).min(formed[j]);
        formed[i] = s;
        merges.push((s, i, j));
    }
    drop(sim);
    // The chain finds merges out of order: the n - k most similar make
    // the k clusters. The sort is stable, so of two equally similar merges
    // the one found first (a part is always merged before its whole)
    // stays first, and any n - k first merges are a cut of the hierarchy.
    merges.sort_by(|a, b| b.0.total_cmp(&a.0));
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..n).collect();
    for &(_, i, j) in merges.iter().take(n - k.clamp(1, n)) {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        // The lower index stays the root.
        parent[ri.max(rj)] = ri.min(rj);
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut parent, i)).collect();
    numbered(&roots)
}

/// Each point's cluster numbered 0.. in the order of the clusters' roots
/// (each root is its cluster's lowest point), from the points' roots.
fn numbered(roots: &[usize]) -> Vec<usize> {
    let mut ids: Vec<usize> = roots.to_vec();
    ids.sort_unstable();
    ids.dedup();
    roots
        .iter()
        .map(|r| ids.binary_search(r).unwrap_or(0))
        .collect()
}

/// Points agglomerated directly, at most; above this a seeded sample of
/// this many is agglomerated to start k-means on all points.
///
/// The sample is where the seed enters discovery, and its size is what
/// decides stability across seeds when stance comes first: on
/// `bench_themes`' 30,000 synthetic answers (about 9,000 distinct a
/// stance) the adjusted Rand index between seeds was 0.85 on average with
/// 2,000 (lowest pair 0.80), 0.89 with 4,000, 0.92 with 6,000 and 0.96
/// with 8,000 (lowest 0.92). Drawing several samples and keeping the best
/// k-means objective, pooling their centres, or running k-means to
/// convergence did not help (BENCHMARKS.md). Words first samples 8,000 of
/// all the answers (about 27,000 there), and merges the word groups that
/// cut one topic ([`grouping::SAME_TOPIC`]), which is what keeps it stable.
/// The cost is the agglomeration's n × n matrix: 256 MB and about 1.5 s
/// at 8,000 on the 2-core benchmark machine, once (once a stance when
/// stance comes first).
const AGGLOMERATE_MAX: usize = 8_000;

/// Clusters of unit vectors: group-average agglomeration (on all points,
/// or on a seeded sample of `sample_max` of larger inputs) gives the
/// starting centres, then weighted spherical k-means refines them on every
/// point. Returns each point's cluster and the centroids (dense, unit
/// length).
fn cluster(
    x: &[&Sparse],
    w: &[f32],
    dims: usize,
    k: usize,
    seed: u64,
    sample_max: usize,
) -> (Vec<usize>, Vec<Vec<f32>>) {
    let n = x.len();
    let k = k.min(n).max(1);
    let sample: Vec<usize> = if n <= sample_max {
        (0..n).collect()
    } else {
        let mut all: Vec<usize> = (0..n).collect();
        let mut state = seed;
        for i in 0..sample_max {
            state = mix(state.wrapping_add(GAMMA));
            let j = i + (state % (n - i) as u64) as usize;
            all.swap(i, j);
        }
        let mut s = all[..sample_max].to_vec();
        s.sort_unstable();
        s
    };
    let xs: Vec<&Sparse> = sample.iter().map(|&i| x[i]).collect();
    let ws: Vec<f32> = sample.iter().map(|&i| w[i]).collect();
    let start = agglomerate(&xs, &ws, k);
    let kk = start.iter().copied().max().map_or(1, |m| m + 1);
    let mut centres = vec![vec![0f32; dims]; kk];
    for (p, &c) in start.iter().enumerate() {
        xs[p]
            .iter()
            .for_each(|&(j, v)| centres[c][j as usize] += v * ws[p]);
    }
    centres.iter_mut().for_each(|c| unit(c));
    let mut assign = vec![usize::MAX; n];
    for _iter in 0..30 {
        let mut changed = false;
        for (i, p) in x.iter().enumerate() {
            let (mut bc, mut bs) = (0, f32::NEG_INFINITY);
            for (c, centre) in centres.iter().enumerate() {
                let s = dot(p, centre);
                if s > bs {
                    bs = s;
                    bc = c;
                }
            }
            if assign[i] != bc {
                assign[i] = bc;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        for c in centres.iter_mut() {
            c.iter_mut().for_each(|v| *v = 0.0);
        }
        for (i, p) in x.iter().enumerate() {
            let c = &mut centres[assign[i]];
            p.iter().for_each(|&(j, v)| c[j as usize] += v * w[i]);
        }
        centres.iter_mut().for_each(|c| unit(c));
    }
    (assign, centres)
}

/// Candidate themes for the answers `texts` (with their `ids`).
pub fn discover(ids: &[String], texts: &[&str], options: &Options) -> Discovery {
    discover_with_progress(ids, texts, options, &mut |_, _| {})
}

/// [`discover`], telling `progress(done, total)` how far it has got (units
/// of work, not answers: duplicates, vectors, then the clustering (each
/// stance's by its share of the answers, when stance comes first);
/// `done == total` at the end).
pub fn discover_with_progress(
    ids: &[String],
    texts: &[&str],
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Discovery {
    let n = texts.len();
    let total = 3 * n;
    let dedup = deduplicate(texts, &options.duplicates);
    progress(n, total);
    let mask = |i: usize| Quote {
        id: ids[i].clone(),
        text: pii::mask(texts[i]).into_owned(),
    };
    let ids_of = |m: &[usize]| m.iter().map(|&i| ids[i].clone()).collect::<Vec<_>>();
    let mut campaigns = Vec::new();
    let mut reps: Vec<(usize, f32, Vec<usize>)> = Vec::new();
    for g in &dedup.groups {
        if g.campaign {
            campaigns.push(Campaign {
                quote: mask(g.representative),
                count: Count::of(g.members.len(), n),
                answer_ids: ids_of(&g.members),
            });
        } else {
            reps.push((g.representative, g.members.len() as f32, g.members.clone()));
        }
    }
    let rep_texts: Vec<&str> = reps.iter().map(|r| texts[r.0]).collect();
    let (corpus, vectors) = Corpus::build(&rep_texts, options.lexicon);
    progress(2 * n, total);
    let dims = corpus.names.len();
    let stances: Vec<Stance> = rep_texts
        .iter()
        .map(|t| stance_with(t, options.cues))
        .collect();
    let weights: Vec<f32> = reps.iter().map(|r| r.1).collect();
    let answers = grouping::Answers {
        vectors: &vectors,
        weights: &weights,
        stances: &stances,
        dims,
    };
    let limits = grouping::Limits {
        min_size: options
            .min_answers
            .max((options.min_share * n as f64).ceil() as usize) as f32,
        max_themes: options.max_themes,
        seed: options.seed,
    };
    let (keep, unassigned) =
        grouping::group(&answers, options.grouping, &limits, &mut |clustered| {
            progress((2 * n + clustered).min(total - usize::from(n > 0)), total)
        });
    // Labels from the centre's strongest terms; same-stance clusters with
    // the same label are merged.
    let top_terms = |centre: &[f32]| -> Vec<String> {
        let mut order: Vec<usize> = (0..centre.len()).filter(|&i| centre[i] > 0.0).collect();
        order.sort_by(|&a, &b| centre[b].total_cmp(&centre[a]).then(a.cmp(&b)));
        let mut out: Vec<String> = Vec::new();
        for i in order {
            if corpus.concept_pair(i as u32) {
                continue;
            }
            let d = corpus.display(i as u32);
            if !out.iter().any(|o| o.contains(&d) || d.contains(o.as_str())) {
                out.push(d);
            }
            if out.len() == 6 {
                break;
            }
        }
        out
    };
    // (stance, top terms, members, centre)
    type Draft = (Stance, Vec<String>, Vec<usize>, Vec<f32>);
    let mut themes: Vec<Draft> = Vec::new();
    for c in keep {
        let terms = top_terms(&c.centre);
        let key: Vec<String> = {
            let mut k = terms.iter().take(2).cloned().collect::<Vec<_>>();
            k.sort();
            k
        };
        if let Some(t) = themes.iter_mut().find(|t| {
            t.0 == c.stance && {
                let mut k = t.1.iter().take(2).cloned().collect::<Vec<_>>();
                k.sort();
                k == key
            }
        }) {
            t.2.extend(c.members);
        } else {
            themes.push((c.stance, terms, c.members, c.centre));
        }
    }
    let mut assignment = vec![None; n];
    let mut out_themes: Vec<CandidateTheme> = Vec::new();
    let mut order: Vec<usize> = (0..themes.len()).collect();
    let weight_of = |m: &[usize]| m.iter().map(|&i| reps[i].2.len()).sum::<usize>();
    order.sort_by(|&a, &b| {
        weight_of(&themes[b].2)
            .cmp(&weight_of(&themes[a].2))
            .then(themes[a].1.cmp(&themes[b].1))
    });
    for (rank, &t) in order.iter().enumerate() {
        let (s, terms, members, centre) = &themes[t];
        let mut by_sim: Vec<(usize, f32)> = members
            .iter()
            .map(|&i| (i, dot(&vectors[i], centre)))
            .collect();
        by_sim.sort_by(|a, b| b.1.total_cmp(&a.1).then(reps[a.0].0.cmp(&reps[b.0].0)));
        let quotes = by_sim
            .iter()
            .take(3)
            .map(|&(i, _)| mask(reps[i].0))
            .collect();
        let mut answers: Vec<usize> = members
            .iter()
            .flat_map(|&i| reps[i].2.iter().copied())
            .collect();
        answers.sort_unstable();
        for &a in &answers {
            assignment[a] = Some(rank);
        }
        out_themes.push(CandidateTheme {
            id: format!("T{}", rank + 1),
            label: generated_label(terms, s.word()),
            stance: *s,
            top_terms: terms.clone(),
            quotes,
            count: Count::of(answers.len(), n),
            answer_ids: ids_of(&answers),
        });
    }
    let mut unassigned_ids: Vec<usize> = unassigned
        .iter()
        .flat_map(|&i| reps[i].2.iter().copied())
        .collect();
    // Answers whose words all fell out of the vocabulary.
    for (i, r) in reps.iter().enumerate() {
        if vectors[i].is_empty() {
            unassigned_ids.extend(r.2.iter().copied());
        }
    }
    unassigned_ids.sort_unstable();
    let mut stance_counts = HashMap::new();
    for (i, r) in reps.iter().enumerate() {
        *stance_counts.entry(stances[i]).or_insert(0) += r.2.len() as u64;
    }
    progress(total, total);
    Discovery {
        answers: n,
        themes: out_themes,
        campaigns,
        endorsements: Count::of(dedup.agree.len(), n),
        rejections: Count::of(dedup.disagree.len(), n),
        empty: Count::of(dedup.empty.len(), n),
        stances: stance_counts,
        unassigned: ids_of(&unassigned_ids),
        assignment,
    }
}

/// Map every answer to zero or more of the confirmed `themes`, each with a
/// confidence in 0..=1. Answers are TF-IDF vectors of stemmed words, word
/// pairs and character 4-grams; a theme scores an answer by the cosine to
/// its label, description and the centre of its examples, plus the
/// similarity to its nearest examples, refined twice towards the answers
/// it takes. An answer takes its best theme and every other within
/// `options.relative` of it (at most three), and every theme it is given
/// as an example of. Fallback themes ("None of the above", "Other", "No
/// reason given", by label) only take answers no other theme takes, or
/// content-free replies. Answers whose best confidence is under
/// `options.review_below` are listed for review. Deterministic; reordering
/// the answers changes nothing but floating-point rounding.
pub fn map(
    ids: &[String],
    texts: &[&str],
    themes: &[ConfirmedTheme],
    options: &Options,
) -> Mapping {
    map_with_progress(ids, texts, themes, options, &mut |_, _| {})
}

/// [`map`], telling `progress(done, total)` how far it has got (units of
/// work, not answers; `done == total` at the end).
pub fn map_with_progress(
    ids: &[String],
    texts: &[&str],
    themes: &[ConfirmedTheme],
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Mapping {
    mapping::map_answers(ids, texts, themes, options, progress)
}

fn unit(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> (Vec<String>, Vec<String>) {
        let mut texts = Vec::new();
        let parks = [
            "More trees and benches in the park please",
            "The park needs benches and shade trees",
            "Plant trees in the park and add benches",
            "Benches in the park are broken, fix them and plant trees",
            "Shade trees and new benches for the park",
            "The park benches should be replaced and more trees planted",
        ];
        let buses = [
            "Buses should run later in the evening",
            "Evening buses are too rare, run them later",
            "Run the night buses later and more often",
            "Later buses in the evening would help shift workers",
            "The evening bus service stops far too early",
            "More frequent buses late in the evening",
        ];
        for (a, b) in parks.iter().zip(&buses) {
            texts.push(a.to_string());
            texts.push(b.to_string());
        }
        texts.push("agree 100%".into());
        texts.push("".into());
        for _ in 0..3 {
            texts.push("Buses should run later in the evening".into());
        }
        let ids = (0..texts.len()).map(|i| format!("r{i}")).collect();
        (ids, texts)
    }

    /// The previous agglomeration, kept as the reference: merge the most
    /// similar pair each time, O(n^3) at worst.
    fn agglomerate_pairwise(x: &[&Sparse], w: &[f32], k: usize) -> Vec<usize> {
        let n = x.len();
        let mut sim = vec![0f32; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let s = sparse_dot(x[i], x[j]);
                sim[i * n + j] = s;
                sim[j * n + i] = s;
            }
        }
        let mut active = vec![true; n];
        let mut size: Vec<f32> = w.to_vec();
        let mut parent: Vec<usize> = (0..n).collect();
        let best_of = |i: usize, sim: &[f32], active: &[bool]| -> Option<usize> {
            let mut best: Option<usize> = None;
            for j in 0..n {
                if j != i && active[j] && best.is_none_or(|b| sim[i * n + j] > sim[i * n + b]) {
                    best = Some(j);
                }
            }
            best
        };
        let mut best: Vec<Option<usize>> = (0..n).map(|i| best_of(i, &sim, &active)).collect();
        let mut clusters = n;
        while clusters > k.max(1) {
            let mut pick: Option<(usize, usize)> = None;
            for i in 0..n {
                if let (true, Some(j)) = (active[i], best[i]) {
                    if pick.is_none_or(|(a, b)| sim[i * n + j] > sim[a * n + b]) {
                        pick = Some((i, j));
                    }
                }
            }
            let Some((a, b)) = pick else { break };
            let (i, j) = (a.min(b), a.max(b));
            merge_into(&mut sim, n, &mut active, &mut size, i, j);
            parent[j] = i;
            clusters -= 1;
            for m in 0..n {
                if !active[m] {
                    continue;
                }
                if m == i || best[m] == Some(i) || best[m] == Some(j) {
                    best[m] = best_of(m, &sim, &active);
                } else if let Some(bm) = best[m] {
                    if sim[m * n + i] > sim[m * n + bm] {
                        best[m] = Some(i);
                    }
                }
            }
        }
        let root = |mut i: usize| {
            while parent[i] != i {
                i = parent[i];
            }
            i
        };
        let roots: Vec<usize> = (0..n).map(root).collect();
        numbered(&roots)
    }

    /// Made-up unit vectors: `groups` topics of `dims_per` terms each, every
    /// point taking 3–6 terms of its topic (and now and then one of
    /// another) with pseudo-random weights, so similarities rarely tie.
    fn points(
        n: usize,
        groups: usize,
        dims_per: u32,
        seed: u64,
    ) -> (Vec<Sparse>, Vec<f32>, Vec<usize>) {
        let mut state = seed;
        let mut next = move || {
            state = mix(state.wrapping_add(GAMMA));
            state
        };
        let (mut x, mut w, mut truth) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..n {
            let g = i % groups;
            let mut v: Vec<(u32, f32)> = Vec::new();
            for _ in 0..3 + next() % 4 {
                let topic = if next() % 10 == 0 {
                    next() as usize % groups
                } else {
                    g
                };
                let term = topic as u32 * dims_per + (next() % dims_per as u64) as u32;
                let weight = 0.2 + (next() % 1000) as f32 / 1000.0;
                match v.iter_mut().find(|(t, _)| *t == term) {
                    Some(e) => e.1 += weight,
                    None => v.push((term, weight)),
                }
            }
            v.sort_unstable_by_key(|&(t, _)| t);
            normalise_vec(&mut v);
            x.push(v);
            w.push(1.0 + (next() % 3) as f32);
            truth.push(g);
        }
        (x, w, truth)
    }

    #[test]
    fn chain_agglomeration_equals_merging_the_most_similar_pair() {
        for (n, groups, seed) in [(60, 3, 1), (250, 5, 2), (400, 8, 3)] {
            let (x, w, _) = points(n, groups, 12, seed);
            let refs: Vec<&Sparse> = x.iter().collect();
            for k in [1, 2, groups, 2 * groups, n / 3, n - 1, n] {
                assert_eq!(
                    agglomerate(&refs, &w, k),
                    agglomerate_pairwise(&refs, &w, k),
                    "n {n}, k {k}"
                );
            }
        }
        assert!(agglomerate(&[], &[], 3).is_empty());
        let one = vec![(0u32, 1f32)];
        assert_eq!(agglomerate(&[&one], &[1.0], 3), vec![0]);
    }

    #[test]
    fn a_sampled_start_is_deterministic_and_finds_the_groups() {
        // 1,200 points in 4 topics, a sample of 150 starting the clustering:
        // most points were never agglomerated and k-means still has to put
        // them with their topic.
        let (x, w, truth) = points(1_200, 4, 10, 7);
        let refs: Vec<&Sparse> = x.iter().collect();
        let run = |seed| cluster(&refs, &w, 40, 4, seed, 150);
        let (a, centres) = run(11);
        assert_eq!(centres.len(), 4);
        assert_eq!((a.clone(), centres), run(11), "same seed, same clusters");
        // Each topic is (almost all) one cluster and no two topics share one.
        let mut major = Vec::new();
        for g in 0..4 {
            let mut count = [0usize; 4];
            (0..x.len())
                .filter(|&i| truth[i] == g)
                .for_each(|i| count[a[i]] += 1);
            let (c, m) = (0..4).map(|c| (c, count[c])).max_by_key(|p| p.1).unwrap();
            assert!(m as f64 >= 0.9 * 300.0, "topic {g}: {count:?}");
            major.push(c);
        }
        major.sort_unstable();
        major.dedup();
        assert_eq!(major.len(), 4);
        // Another seed draws another sample, and finds the same groups.
        let (b, _) = run(12);
        let ari = crate::opinions::ari::adjusted_rand_index(&a, &b);
        assert!(ari > 0.9, "{ari}");
    }

    #[test]
    fn discovers_two_themes_and_keeps_the_rules() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        // The extended cues read some answers of each topic as requests
        // ("please", "needs") and others not: grouping by words first
        // keeps each topic whole. Stance first, as before, with the
        // original cues (which decide none of them).
        let before = Options {
            cues: Cues::Original,
            grouping: Grouping::StanceFirst,
            ..Options::default()
        };
        let after = Options {
            cues: Cues::Extended,
            grouping: Grouping::WordsFirst,
            ..Options::default()
        };
        for options in [after, before] {
            let d = discover(&ids, &refs, &options);
            assert_eq!(d.answers, 17);
            assert_eq!(d.endorsements.count, 1);
            assert_eq!(d.empty.count, 1);
            assert_eq!(d.themes.len(), 2, "{:#?}", d.themes);
            let bus = d
                .themes
                .iter()
                .find(|t| t.top_terms.iter().any(|w| w.contains("bus")))
                .unwrap();
            let park = d
                .themes
                .iter()
                .find(|t| t.top_terms.iter().any(|w| w.contains("park")))
                .unwrap();
            // The three copies count, and carry their ids.
            assert_eq!(bus.count.count, 9, "{:#?} {:?}", d.themes, d.unassigned);
            assert!(bus.answer_ids.contains(&"r16".to_string()));
            assert_eq!(park.count.count, 6);
            assert!(bus.count.low < bus.count.share && bus.count.share < bus.count.high);
            for t in &d.themes {
                assert!(t.count.count >= 5);
                assert_eq!(t.quotes.len(), 3);
            }
            assert_ne!(d.themes[0].label, d.themes[1].label);
            // Each theme takes the side its answers take: asking is for.
            let side = match options.cues {
                Cues::Extended => Stance::Agree,
                Cues::Original => Stance::Unclear,
            };
            assert!(d.themes.iter().all(|t| t.stance == side), "{:#?}", d.themes);
            // Every answer is in one theme, a campaign, the content-free
            // counts or the unassigned list.
            let themed: usize = d.themes.iter().map(|t| t.answer_ids.len()).sum();
            let campaigned: usize = d.campaigns.iter().map(|c| c.answer_ids.len()).sum();
            assert_eq!(
                themed + campaigned + d.unassigned.len() + 2,
                17,
                "{:?}",
                d.unassigned
            );
            // Deterministic.
            assert_eq!(d, discover(&ids, &refs, &options));
        }
    }

    #[test]
    fn tiny_and_empty_inputs() {
        let o = Options::default();
        let d = discover(&[], &[], &o);
        assert!(d.themes.is_empty() && d.answers == 0);
        let ids: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let d = discover(&ids, &["", "   ", "one lonely answer"], &o);
        assert!(d.themes.is_empty());
        assert_eq!(d.empty.count, 2);
        assert_eq!(d.unassigned, vec!["c"]);
        let long = "word ".repeat(20_000);
        let d = discover(&ids[..1], &[long.as_str()], &o);
        assert_eq!(d.unassigned.len(), 1);
    }

    /// For and against on one topic, each enough for a theme: two themes,
    /// neither holding the other side.
    #[test]
    fn for_and_against_are_two_themes_where_each_is_enough() {
        let mut texts = Vec::new();
        for i in 0..6 {
            texts.push(format!(
                "Yes, I agree: close the road to cars on Sundays ({i})"
            ));
            texts.push(format!(
                "No, I disagree: closing the road to cars on Sundays is wrong ({i})"
            ));
        }
        let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let d = discover(&ids, &refs, &Options::default());
        assert_eq!(d.themes.len(), 2, "{:#?}", d.themes);
        for t in &d.themes {
            let stances: HashSet<Stance> = t
                .answer_ids
                .iter()
                .map(|id| stance(refs[id.parse::<usize>().unwrap()]))
                .collect();
            assert_eq!(stances.len(), 1);
        }
    }

    #[test]
    fn discovery_reports_progress_up_to_its_total() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let d = discover_with_progress(&ids, &refs, &Options::default(), &mut |d, t| {
            seen.push((d, t))
        });
        assert_eq!(d, discover(&ids, &refs, &Options::default()));
        assert!(seen.len() >= 4, "{seen:?}");
        assert!(seen
            .windows(2)
            .all(|w| w[0].0 <= w[1].0 && w[0].1 == w[1].1));
        assert_eq!(seen.last(), Some(&(3 * 17, 3 * 17)));
    }

    #[test]
    fn maps_to_confirmed_themes_with_confidence_and_review() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let confirmed = vec![
            ConfirmedTheme {
                id: "parks".into(),
                label: "Park benches and trees".into(),
                description: String::new(),
                examples: vec![],
            },
            ConfirmedTheme {
                id: "buses".into(),
                label: "Later evening buses".into(),
                description: "Bus service in the evening".into(),
                examples: vec![],
            },
        ];
        let m = map(&ids, &refs, &confirmed, &Options::default());
        assert_eq!(m.answers.len(), 17);
        assert_eq!(m.answers[0].themes[0].theme, "parks");
        assert_eq!(m.answers[1].themes[0].theme, "buses");
        assert!(m.answers[0].themes[0].confidence > 0.1);
        assert!(m.answers[12].themes.is_empty() && !m.answers[12].review);
        assert_eq!(m.counts[0].count.count, 6);
        assert_eq!(m.counts[1].count.count, 9);
        let empty = map(&[], &[], &confirmed, &Options::default());
        assert!(empty.answers.is_empty());
        let odd = map(&["x".into()], &["zzz qqq"], &confirmed, &Options::default());
        assert!(odd.answers[0].review);
    }
}
