//! The same text posted twice, organised template responses and
//! content-free replies, found before themes are counted.
//!
//! 1. Content-free replies ("agree 100%", "yes", "👍", "لا") are set aside
//!    as endorsements or rejections: they count, but carry no theme.
//! 2. Exact duplicates: identical once normalised (case, Arabic forms,
//!    punctuation and spacing ignored).
//! 3. Near duplicates: MinHash signatures of character 4-grams, banded
//!    for locality-sensitive hashing; a candidate joins a group when the
//!    signatures estimate a Jaccard similarity of at least the threshold.
//!    Within one band bucket each member is compared with the bucket's
//!    first member only, so a template sent 50,000 times costs 50,000
//!    comparisons, not a billion; the other bands catch what one misses.
//! 4. A group of at least `campaign_min` answers is a campaign: reported
//!    once, with its count, rather than as a theme of its own.
//!
//! Every group carries all its members' indices, so each count can be
//! traced back to the answers behind it.

use std::collections::HashMap;

use serde::Serialize;

use crate::random::{mix, SplitMix64};
use crate::text::{normalise, stopwords::is_stop_word, tokenise};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Options {
    /// Estimated Jaccard similarity of 4-gram sets from which two answers
    /// are near duplicates.
    pub threshold: f64,
    /// Members from which a group is a campaign.
    pub campaign_min: usize,
    /// Bands × rows = number of MinHash functions.
    pub bands: usize,
    pub rows: usize,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            threshold: 0.8,
            campaign_min: 10,
            bands: 16,
            rows: 4,
            seed: 0,
        }
    }
}

/// What a content-free reply says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentFree {
    Agree,
    Disagree,
    /// No words at all (empty, punctuation, numbers).
    Empty,
}

/// Answers that are one item: the same or nearly the same text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The member shown for the group (the first in input order).
    pub representative: usize,
    /// Every member, in input order (the representative included).
    pub members: Vec<usize>,
    /// All members are identical once normalised.
    pub exact: bool,
    /// At least `campaign_min` members.
    pub campaign: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Deduplicated {
    /// Groups of answers with content, singletons included, ordered by
    /// their representative: every such answer is in exactly one group.
    pub groups: Vec<Group>,
    pub agree: Vec<usize>,
    pub disagree: Vec<usize>,
    pub empty: Vec<usize>,
}

impl Deduplicated {
    pub fn campaigns(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().filter(|g| g.campaign)
    }
}

const AGREE: &str = "agree agreed absolutely totally completely fully strongly yes yeah yep yup \
support supported supporting seconded second same ditto exactly definitely indeed true correct \
right good great fine ok okay sure hear well said please do it this 100 100% +1 plus one \
اوافق موافق موافقه نعم اؤيد مؤيد اويد صحيح تماما بالتاكيد اكيد طبعا اجل صح ممتاز جدا";
const DISAGREE: &str = "disagree disagreed no nope nah not never against oppose opposed object \
objection reject rejected wrong bad لا ارفض رافض اعترض معارض غير خطا";

fn word_class(token: &str) -> Option<ContentFree> {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    static SETS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    let (agree, disagree) = SETS.get_or_init(|| {
        (
            AGREE.split_whitespace().map(normalise).collect(),
            DISAGREE.split_whitespace().map(normalise).collect(),
        )
    });
    if disagree.contains(token) {
        Some(ContentFree::Disagree)
    } else if agree.contains(token) {
        Some(ContentFree::Agree)
    } else {
        None
    }
}

/// Whether a reply says nothing but yes or no, and which.
pub fn content_free(text: &str) -> Option<ContentFree> {
    let normalised = normalise(text);
    let tokens = tokenise(&normalised);
    let thumbs_up = normalised.contains(['👍', '✅', '✔', '💯', '☑']) || normalised.contains("+1");
    let thumbs_down = normalised.contains(['👎', '❌', '✖']);
    let (mut agree, mut disagree) = (usize::from(thumbs_up), usize::from(thumbs_down));
    for t in &tokens {
        match word_class(t) {
            Some(ContentFree::Disagree) => disagree += 1,
            Some(_) => agree += 1,
            None if t.chars().all(char::is_numeric) || is_stop_word(t) => {}
            None => return None,
        }
    }
    match (agree, disagree) {
        (0, 0) if !normalised.chars().any(char::is_alphabetic) => Some(ContentFree::Empty),
        (0, 0) => None,
        // "not agree", "no, I don't support": any no word makes it a no.
        (_, d) if d > 0 => Some(ContentFree::Disagree),
        _ => Some(ContentFree::Agree),
    }
}

/// The normalised words joined by single spaces: the exact-duplicate key
/// and the text the 4-grams come from.
fn canonical(text: &str) -> String {
    tokenise(&normalise(text)).join(" ")
}

/// MinHash signature (`n` values) of the character 4-grams of `text`.
fn signature(text: &str, coefficients: &[(u64, u64)], out: &mut [u64], grams: &mut Vec<u64>) {
    grams.clear();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 4 {
        grams.push(mix(text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })));
    } else {
        for w in chars.windows(4) {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for &c in w {
                h = (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3);
            }
            grams.push(mix(h));
        }
    }
    grams.sort_unstable();
    grams.dedup();
    for (slot, &(a, b)) in out.iter_mut().zip(coefficients) {
        let mut min = u64::MAX;
        for &g in grams.iter() {
            min = min.min(mix(g ^ a).wrapping_add(b));
        }
        *slot = min;
    }
}

/// The `n` (a, b) pairs of the MinHash functions for `seed`.
fn coefficients(seed: u64, n: usize) -> Vec<(u64, u64)> {
    let mut stream = SplitMix64::new(seed ^ 0x243f_6a88_85a3_08d3);
    (0..n)
        .map(|_| {
            let a = stream.next_u64() | 1;
            (a, stream.next_u64())
        })
        .collect()
}

/// The bucket of one band (`rows` values of a signature).
fn band_key(band: usize, rows: &[u64]) -> u64 {
    rows.iter()
        .fold(band as u64, |h, &v| mix(h ^ v).wrapping_add(v))
}

/// Signatures made one text at a time, for a store that keeps them and
/// looks candidates up by band (screening as comments arrive), with the
/// same normalisation, 4-grams, hash functions and bands as
/// [`deduplicate`] under the same options.
#[derive(Debug, Clone)]
pub struct Signer {
    options: Options,
    coefficients: Vec<(u64, u64)>,
}

impl Signer {
    pub fn new(options: &Options) -> Self {
        Self {
            options: *options,
            coefficients: coefficients(options.seed, (options.bands * options.rows).max(1)),
        }
    }

    /// The MinHash signature of `text` once normalised.
    pub fn sign(&self, text: &str) -> Vec<u64> {
        let mut out = vec![0u64; self.coefficients.len()];
        signature(
            &canonical(text),
            &self.coefficients,
            &mut out,
            &mut Vec::new(),
        );
        out
    }

    /// One key per band: two texts that share a key are candidates to
    /// compare, and those whose similarity reaches the threshold share
    /// one with high probability.
    pub fn band_keys(&self, signature: &[u64]) -> Vec<u64> {
        (0..self.options.bands)
            .filter_map(|band| {
                signature
                    .get(band * self.options.rows..(band + 1) * self.options.rows)
                    .map(|rows| band_key(band, rows))
            })
            .collect()
    }

    /// The estimated Jaccard similarity of two signatures' 4-gram sets.
    pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
        if a.is_empty() || a.len() != b.len() {
            return 0.0;
        }
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
    }

    /// Whether two signatures are near duplicates under the options.
    pub fn near(&self, a: &[u64], b: &[u64]) -> bool {
        let needed = (self.options.threshold * a.len() as f64).ceil() as usize;
        a.len() == b.len() && a.iter().zip(b).filter(|(x, y)| x == y).count() >= needed
    }
}

struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            let parent = self.0[x as usize];
            self.0[x as usize] = self.0[parent as usize];
            x = parent;
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays the root: groups are led by their
            // first member.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi as usize] = lo;
        }
    }
}

/// Group `texts` (indices into the slice are the answers' identities).
/// The same input and options give the same output.
pub fn deduplicate(texts: &[&str], options: &Options) -> Deduplicated {
    let mut result = Deduplicated::default();
    // Threads only pay for themselves on large inputs.
    let threads = if texts.len() < 20_000 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
    };
    let chunk = texts.len().div_ceil(threads).max(1);

    // Canonical forms and content-free classes, in parallel.
    let mut canon: Vec<(String, Option<ContentFree>)> = Vec::with_capacity(texts.len());
    let classify = |t: &&str| (canonical(t), content_free(t));
    if threads == 1 {
        canon.extend(texts.iter().map(classify));
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .chunks(chunk)
                .map(|part| s.spawn(move || part.iter().map(classify).collect::<Vec<_>>()))
                .collect();
            for h in handles {
                canon.extend(h.join().expect("worker threads do not panic"));
            }
        });
    }

    // Exact duplicates: the first answer with a canonical form leads.
    let mut leader_of: HashMap<&str, u32> = HashMap::with_capacity(texts.len());
    let mut uf = UnionFind((0..texts.len() as u32).collect());
    let mut leaders: Vec<u32> = Vec::new();
    for (i, (c, free)) in canon.iter().enumerate() {
        match free {
            Some(ContentFree::Agree) => result.agree.push(i),
            Some(ContentFree::Disagree) => result.disagree.push(i),
            Some(ContentFree::Empty) => result.empty.push(i),
            None => match leader_of.get(c.as_str()) {
                Some(&l) => uf.union(l, i as u32),
                None => {
                    leader_of.insert(c, i as u32);
                    leaders.push(i as u32);
                }
            },
        }
    }
    drop(leader_of);

    // MinHash signatures of the distinct texts, in parallel.
    let n_hashes = (options.bands * options.rows).max(1);
    let coefficients = coefficients(options.seed, n_hashes);
    let mut signatures = vec![0u64; leaders.len() * n_hashes];
    let leader_chunk = leaders.len().div_ceil(threads).max(1);
    if threads == 1 {
        let mut grams = Vec::new();
        for (&i, out) in leaders.iter().zip(signatures.chunks_mut(n_hashes)) {
            signature(&canon[i as usize].0, &coefficients, out, &mut grams);
        }
    } else {
        std::thread::scope(|s| {
            for (ids, sigs) in leaders
                .chunks(leader_chunk)
                .zip(signatures.chunks_mut(leader_chunk * n_hashes))
            {
                let canon = &canon;
                let coefficients = &coefficients;
                s.spawn(move || {
                    let mut grams = Vec::new();
                    for (&i, out) in ids.iter().zip(sigs.chunks_mut(n_hashes)) {
                        signature(&canon[i as usize].0, coefficients, out, &mut grams);
                    }
                });
            }
        });
    }

    // Bands: sort (band hash, leader position) and join runs.
    let needed = (options.threshold * n_hashes as f64).ceil() as usize;
    let similar = |a: usize, b: usize| {
        let sa = &signatures[a * n_hashes..(a + 1) * n_hashes];
        let sb = &signatures[b * n_hashes..(b + 1) * n_hashes];
        sa.iter().zip(sb).filter(|(x, y)| x == y).count() >= needed
    };
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(leaders.len());
    for band in 0..options.bands {
        keys.clear();
        for pos in 0..leaders.len() {
            let sig = &signatures[pos * n_hashes + band * options.rows..][..options.rows];
            keys.push((band_key(band, sig), pos as u32));
        }
        keys.sort_unstable();
        let mut start = 0;
        while start < keys.len() {
            let mut end = start + 1;
            while end < keys.len() && keys[end].0 == keys[start].0 {
                end += 1;
            }
            let first = keys[start].1 as usize;
            for &(_, other) in &keys[start + 1..end] {
                if similar(first, other as usize) {
                    uf.union(leaders[first], leaders[other as usize]);
                }
            }
            start = end;
        }
    }

    // Collect groups of answers with content.
    let mut members: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, (_, free)) in canon.iter().enumerate() {
        if free.is_none() {
            members.entry(uf.find(i as u32)).or_default().push(i);
        }
    }
    let mut groups: Vec<Group> = members
        .into_values()
        .map(|m| {
            let exact = m.iter().all(|&i| canon[i].0 == canon[m[0]].0);
            Group {
                representative: m[0],
                campaign: m.len() >= options.campaign_min,
                exact,
                members: m,
            }
        })
        .collect();
    groups.sort_unstable_by_key(|g| g.representative);
    result.groups = groups;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_free_replies() {
        for t in [
            "Agree 100%",
            "I totally agree!",
            "yes",
            "+1",
            "👍",
            "أوافق تماما",
            "same",
        ] {
            assert_eq!(content_free(t), Some(ContentFree::Agree), "{t}");
        }
        for t in ["Disagree", "no", "I do not agree", "لا"] {
            assert_eq!(content_free(t), Some(ContentFree::Disagree), "{t}");
        }
        for t in ["", "   ", "...", "2024"] {
            assert_eq!(content_free(t), Some(ContentFree::Empty), "{t:?}");
        }
        for t in [
            "I agree the park should close at dusk",
            "More buses please",
            "الحديقة جميلة",
        ] {
            assert_eq!(content_free(t), None, "{t}");
        }
    }

    #[test]
    fn exact_near_and_campaign() {
        let template = "I object to the new car park on Mill Lane because it will destroy the meadow and increase traffic on our residential streets";
        let mut texts: Vec<String> = vec![
            "Please add more benches in the park".into(),
            "please add MORE benches in the park!!".into(),
            "The library should open on Sundays".into(),
            "agree 100%".into(),
        ];
        for i in 0..12 {
            // The template with a name and a small edit.
            texts.push(format!("{template}. Regards, resident {i}"));
        }
        texts.push("Something else entirely about the bus routes".into());
        texts.push("".into());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let d = deduplicate(&refs, &Options::default());
        assert_eq!(d.agree, vec![3]);
        assert_eq!(d.empty, vec![17]);
        let g0 = &d.groups[0];
        assert_eq!(g0.members, vec![0, 1]);
        assert!(g0.exact && !g0.campaign);
        assert_eq!(d.groups[1].members, vec![2]);
        let campaigns: Vec<&Group> = d.campaigns().collect();
        assert_eq!(campaigns.len(), 1);
        assert_eq!(campaigns[0].members, (4..16).collect::<Vec<_>>());
        assert!(!campaigns[0].exact);
        assert_eq!(d.groups.len(), 4);
        // Every answer is accounted for exactly once.
        let total: usize = d.groups.iter().map(|g| g.members.len()).sum::<usize>()
            + d.agree.len()
            + d.disagree.len()
            + d.empty.len();
        assert_eq!(total, texts.len());
    }

    #[test]
    fn one_at_a_time_signatures_find_what_deduplicate_groups() {
        let options = Options::default();
        let signer = Signer::new(&options);
        let a = signer.sign("I object to the new car park on Mill Lane because it will destroy the meadow. Regards, resident 1");
        let b = signer.sign("I object to the new car park on Mill Lane because it will destroy the meadow. Regards, resident 2");
        let c = signer.sign("The library should open on Sundays and late on Thursdays");
        assert!(signer.near(&a, &b));
        assert!(!signer.near(&a, &c));
        assert!(Signer::similarity(&a, &b) >= options.threshold);
        let (ka, kb) = (signer.band_keys(&a), signer.band_keys(&b));
        assert_eq!(ka.len(), options.bands);
        assert!(ka.iter().zip(&kb).any(|(x, y)| x == y), "they share a band");
    }

    #[test]
    fn different_texts_stay_apart_and_output_is_deterministic() {
        let texts = [
            "The park needs more trees",
            "The park needs more bins",
            "Buses should run later at night",
            "نريد حافلات أكثر في المساء",
            "نريد حافلات اكثر في المساء",
        ];
        let a = deduplicate(&texts, &Options::default());
        let b = deduplicate(&texts, &Options::default());
        assert_eq!(a, b);
        // The two Arabic spellings are the same once normalised.
        assert!(a.groups.iter().any(|g| g.members == vec![3, 4] && g.exact));
        assert!(a.groups.iter().any(|g| g.members == vec![0]));
        assert!(a.groups.iter().any(|g| g.members == vec![1]));
        assert!(deduplicate(&[], &Options::default()).groups.is_empty());
    }
}
