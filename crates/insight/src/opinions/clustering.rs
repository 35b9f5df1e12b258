//! Opinion groups in two steps, as Pol.is does: participants' projections
//! are grouped into up to 100 base clusters by k-means, then the base
//! clusters (weighted by their sizes) into k opinion groups for each k
//! from 2 to at most 5; the k with the best silhouette wins, and any k
//! that leaves a group of one participant is rejected.
//!
//! k-means starts from k-means++ seeds drawn from a SplitMix64 stream
//! seeded by the caller, so runs are reproducible.

use super::Seeding;
use crate::random::SplitMix64;

/// The stream k-means++ draws its seeds from, for the caller's `seed`.
pub fn stream(seed: u64) -> SplitMix64 {
    SplitMix64::new(seed ^ 0x6a09_e667_f3bc_c909)
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    dx * dx + dy * dy
}

/// A k-means result: each point's cluster, the centres, and the weighted
/// sum of squared distances to them.
#[derive(Clone, Debug, PartialEq)]
pub struct KMeans {
    pub assignment: Vec<usize>,
    pub centers: Vec<[f64; 2]>,
    pub inertia: f64,
}

fn pick(rng: &mut SplitMix64, mass: &[f64]) -> Option<usize> {
    let total: f64 = mass.iter().sum();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let target = rng.next_f64() * total;
    let mut acc = 0.0;
    let mut last = None;
    for (i, &m) in mass.iter().enumerate() {
        if m > 0.0 {
            acc += m;
            last = Some(i);
            if acc > target {
                return Some(i);
            }
        }
    }
    last
}

/// k-means++ seeds: the first drawn by weight, each next one with
/// probability proportional to weight × squared distance to the nearest
/// seed so far. Fewer than `k` when there are fewer distinct points.
pub fn plus_plus_seeds(
    points: &[[f64; 2]],
    weights: &[f64],
    k: usize,
    rng: &mut SplitMix64,
) -> Vec<[f64; 2]> {
    let mut centers: Vec<[f64; 2]> = Vec::with_capacity(k);
    if points.is_empty() || k == 0 {
        return centers;
    }
    let first = pick(rng, weights).unwrap_or(0);
    centers.push(points[first]);
    let mut nearest: Vec<f64> = points.iter().map(|&p| dist2(p, points[first])).collect();
    while centers.len() < k {
        let mass: Vec<f64> = nearest.iter().zip(weights).map(|(d, w)| d * w).collect();
        let Some(next) = pick(rng, &mass) else { break };
        let c = points[next];
        centers.push(c);
        for (d, &p) in nearest.iter_mut().zip(points) {
            *d = d.min(dist2(p, c));
        }
    }
    centers
}

/// Pol.is's seeds for a fresh clustering: the first `k` distinct points,
/// in order.
pub fn first_distinct_seeds(points: &[[f64; 2]], k: usize) -> Vec<[f64; 2]> {
    let mut centers: Vec<[f64; 2]> = Vec::with_capacity(k);
    for &p in points {
        if centers.len() == k {
            break;
        }
        if !centers.contains(&p) {
            centers.push(p);
        }
    }
    centers
}

/// Weighted k-means (Lloyd) from k-means++ seeds. Returns fewer than `k`
/// clusters when there are fewer distinct points; clusters are numbered
/// by their first point, so the numbering does not depend on the seeds.
pub fn kmeans(
    points: &[[f64; 2]],
    weights: &[f64],
    k: usize,
    rng: &mut SplitMix64,
    max_iter: usize,
) -> KMeans {
    let seeds = plus_plus_seeds(points, weights, k, rng);
    lloyd(points, weights, seeds, max_iter)
}

/// Lloyd iterations from the given centres until no point changes
/// cluster (or `max_iter`); empty clusters are dropped and clusters are
/// numbered by their first point.
pub fn lloyd(
    points: &[[f64; 2]],
    weights: &[f64],
    mut centers: Vec<[f64; 2]>,
    max_iter: usize,
) -> KMeans {
    let n = points.len();
    if n == 0 || centers.is_empty() {
        return KMeans {
            assignment: vec![0; n],
            centers: Vec::new(),
            inertia: 0.0,
        };
    }
    let mut assignment = vec![usize::MAX; n];
    for _ in 0..max_iter.max(1) {
        let mut changed = false;
        for (i, &p) in points.iter().enumerate() {
            let mut best = 0;
            let mut best_d = f64::INFINITY;
            for (j, &c) in centers.iter().enumerate() {
                let d = dist2(p, c);
                if d < best_d {
                    best_d = d;
                    best = j;
                }
            }
            if assignment[i] != best {
                assignment[i] = best;
                changed = true;
            }
        }
        let mut sum = vec![[0.0f64; 2]; centers.len()];
        let mut mass = vec![0.0f64; centers.len()];
        for ((&p, &w), &a) in points.iter().zip(weights).zip(&assignment) {
            sum[a][0] += w * p[0];
            sum[a][1] += w * p[1];
            mass[a] += w;
        }
        for j in 0..centers.len() {
            if mass[j] > 0.0 {
                centers[j] = [sum[j][0] / mass[j], sum[j][1] / mass[j]];
            }
        }
        if !changed {
            break;
        }
    }
    // Renumber by first point; drop empty clusters.
    let mut renumber = vec![usize::MAX; centers.len()];
    let mut new_centers = Vec::new();
    for &a in &assignment {
        if renumber[a] == usize::MAX {
            renumber[a] = new_centers.len();
            new_centers.push(centers[a]);
        }
    }
    let assignment: Vec<usize> = assignment.iter().map(|&a| renumber[a]).collect();
    let inertia = points
        .iter()
        .zip(weights)
        .zip(&assignment)
        .map(|((&p, &w), &a)| w * dist2(p, new_centers[a]))
        .sum();
    KMeans {
        assignment,
        centers: new_centers,
        inertia,
    }
}

/// Mean silhouette over points (unweighted, as Pol.is computes it over
/// base clusters). A point alone in its cluster scores 0.
pub fn silhouette(points: &[[f64; 2]], assignment: &[usize], k: usize) -> f64 {
    let n = points.len();
    if n == 0 || k < 2 {
        return 0.0;
    }
    let mut sizes = vec![0usize; k];
    for &a in assignment {
        sizes[a] += 1;
    }
    let mut total = 0.0;
    let mut sums = vec![0.0f64; k];
    for i in 0..n {
        sums.iter_mut().for_each(|s| *s = 0.0);
        for j in 0..n {
            if i != j {
                sums[assignment[j]] += dist2(points[i], points[j]).sqrt();
            }
        }
        let own = assignment[i];
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let m = a.max(b);
        if m > 0.0 && b.is_finite() {
            total += (b - a) / m;
        }
    }
    total / n as f64
}

/// The two-level clustering of the participants in the conversation.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    /// Base cluster of each point.
    pub base: Vec<usize>,
    pub base_centers: Vec<[f64; 2]>,
    /// Opinion group of each point (groups numbered by first point), or
    /// `None` when no k could be accepted.
    pub groups: Option<Vec<usize>>,
    pub k: usize,
    /// Silhouette of every k tried (None: rejected, a group of one).
    pub silhouettes: Vec<(usize, Option<f64>)>,
}

pub const BASE_K: usize = 100;
const BASE_ITERATIONS: usize = 50;
const GROUP_ITERATIONS: usize = 100;
const GROUP_RESTARTS: usize = 10;

/// Clusters the projected participants. Needs at least 4 points (two
/// groups of two); fewer, or a single distinct position, gives no groups.
pub fn group(points: &[[f64; 2]], seed: u64, seeding: Seeding) -> Grouping {
    let mut rng = stream(seed);
    let ones = vec![1.0; points.len()];
    let base_k = BASE_K.min(points.len());
    let base = match seeding {
        Seeding::KMeansPlusPlus => kmeans(points, &ones, base_k, &mut rng, BASE_ITERATIONS),
        Seeding::FirstDistinct => lloyd(
            points,
            &ones,
            first_distinct_seeds(points, base_k),
            BASE_ITERATIONS,
        ),
    };
    let nb = base.centers.len();
    let mut size = vec![0.0f64; nb];
    for &a in &base.assignment {
        size[a] += 1.0;
    }
    // Pol.is's cap: at most 2 + ⌊base clusters / 12⌋ groups, and 5.
    let max_k = 5.min(2 + nb / 12).min(nb);
    let mut silhouettes = Vec::new();
    let mut best: Option<(f64, usize, Vec<usize>)> = None;
    for k in 2..=max_k {
        let mut chosen: Option<KMeans> = None;
        let restarts = match seeding {
            Seeding::KMeansPlusPlus => GROUP_RESTARTS,
            Seeding::FirstDistinct => {
                let run = lloyd(
                    &base.centers,
                    &size,
                    first_distinct_seeds(&base.centers, k),
                    GROUP_ITERATIONS,
                );
                if run.centers.len() == k {
                    chosen = Some(run);
                }
                0
            }
        };
        for _ in 0..restarts {
            let run = kmeans(&base.centers, &size, k, &mut rng, GROUP_ITERATIONS);
            if run.centers.len() == k && chosen.as_ref().is_none_or(|c| run.inertia < c.inertia) {
                chosen = Some(run);
            }
        }
        let Some(run) = chosen else {
            silhouettes.push((k, None));
            continue;
        };
        let mut members = vec![0.0f64; k];
        for (b, &g) in run.assignment.iter().enumerate() {
            members[g] += size[b];
        }
        if members.iter().any(|&m| m < 2.0) {
            silhouettes.push((k, None));
            continue;
        }
        let s = silhouette(&base.centers, &run.assignment, k);
        silhouettes.push((k, Some(s)));
        if best.as_ref().is_none_or(|(bs, _, _)| s > *bs) {
            best = Some((s, k, run.assignment));
        }
    }
    match best {
        Some((_, k, base_to_group)) => {
            // Number groups by their first participant.
            let mut renumber = vec![usize::MAX; k];
            let mut next = 0;
            let groups: Vec<usize> = base
                .assignment
                .iter()
                .map(|&b| {
                    let g = base_to_group[b];
                    if renumber[g] == usize::MAX {
                        renumber[g] = next;
                        next += 1;
                    }
                    renumber[g]
                })
                .collect();
            Grouping {
                base: base.assignment,
                base_centers: base.centers,
                groups: Some(groups),
                k,
                silhouettes,
            }
        }
        None => Grouping {
            base: base.assignment,
            base_centers: base.centers,
            groups: None,
            k: 0,
            silhouettes,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_clear_blobs_make_two_groups() {
        let mut points = Vec::new();
        for i in 0..20 {
            let d = f64::from(i) * 0.01;
            points.push([-5.0 + d, d]);
            points.push([5.0 - d, -d]);
        }
        let g = group(&points, 7, Seeding::KMeansPlusPlus);
        let groups = g.groups.unwrap();
        assert_eq!(g.k, 2);
        for (i, &gid) in groups.iter().enumerate() {
            assert_eq!(gid, i % 2);
        }
    }

    #[test]
    fn identical_points_make_no_groups() {
        let g = group(&[[1.0, 1.0]; 10], 0, Seeding::FirstDistinct);
        assert!(g.groups.is_none());
    }

    #[test]
    fn singleton_groups_are_rejected() {
        // One far outlier: k = 2 would isolate it.
        let mut points: Vec<[f64; 2]> = (0..10).map(|i| [f64::from(i) * 0.1, 0.0]).collect();
        points.push([100.0, 0.0]);
        let g = group(&points, 1, Seeding::KMeansPlusPlus);
        if let Some(groups) = g.groups {
            let mut counts = vec![0; g.k];
            for gid in groups {
                counts[gid] += 1;
            }
            assert!(counts.iter().all(|&c| c >= 2), "{counts:?}");
        }
    }
}
