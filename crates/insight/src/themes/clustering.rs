//! Clusters of unit vectors: a group-average agglomeration, exact and
//! without randomness, gives the starting centres of a weighted spherical
//! k-means over every point.

use super::vectors::{dot, unit, Sparse};
use crate::random::{mix, GAMMA};

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
/// cut one topic ([`super::grouping::SAME_TOPIC`]), which is what keeps
/// it stable. The cost is the agglomeration's n × n matrix: 256 MB and
/// about 1.5 s at 8,000 on the 2-core benchmark machine, once (once a
/// stance when stance comes first).
pub(super) const AGGLOMERATE_MAX: usize = 8_000;

/// Clusters of unit vectors: group-average agglomeration (on all points,
/// or on a seeded sample of `sample_max` of larger inputs) gives the
/// starting centres, then weighted spherical k-means refines them on every
/// point. Returns each point's cluster and the centroids (dense, unit
/// length).
pub(super) fn cluster(
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

#[cfg(test)]
mod tests {
    use super::super::vectors::{normalise_vec, sparse_dot};
    use super::*;

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
}
