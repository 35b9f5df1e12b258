//! One-vs-rest linear SVMs over the hashed n-grams, solved exactly:
//! L2-regularised squared hinge loss by dual coordinate descent (Hsieh et
//! al. 2008, the method of liblinear), optionally on features scaled by
//! their naive-Bayes log-count ratio for the class (NBSVM, Wang & Manning
//! 2012). On Davidson this learner beat every variant of the SGD-trained
//! logistic regression by more than the spread between seeds (see ADR
//! 0009): SGD for a fixed number of epochs stops short of the optimum of
//! its objective, and the naive-Bayes scaling tells the SVM beforehand
//! which n-grams lean towards a class, which the few hate-speech examples
//! cannot teach it alone. It generalised worse to HateCheck's templated
//! sentences than SGD did (BENCHMARKS.md), which is why SGD stays the
//! default.
//!
//! Scores are margins, not probabilities: [`temperature`] fits the one
//! scale that makes their softmax probabilities on held-out examples, so
//! thresholds for a target precision and offsets on log-probabilities
//! keep their meaning.

use super::features::Sparse;
use crate::random::{SplitMix64, GAMMA};

/// The stream that orders examples (for folds and training) for `seed`.
pub(crate) fn stream(seed: u64) -> SplitMix64 {
    SplitMix64::new(seed ^ GAMMA)
}

/// Stopping tolerance on the spread of the projected gradient, liblinear's
/// default for its dual solvers: tightening it to 0.01 changed Davidson's
/// cross-validated macro-F1 by less than 0.001.
pub(crate) const TOLERANCE: f64 = 0.1;

/// A cap on passes over the data (liblinear's); the solver normally stops
/// well before, by [`TOLERANCE`].
const MAX_PASSES: usize = 1000;

/// How [`fit_one_vs_rest`] fits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// 2^bits buckets.
    pub bits: u32,
    /// Loss weight C.
    pub c: f64,
    /// Scale the features by their naive-Bayes log-count ratio (NBSVM).
    pub nb_scaling: bool,
    /// Seeds the order in which the rows are visited.
    pub seed: u64,
}

/// One linear SVM per class (that class against the rest), fitted on
/// `rows` of `x`, with loss weight C. With NB scaling, each class's
/// SVM sees every feature multiplied by its naive-Bayes log-count ratio
/// for that class, and the ratio is folded back into the weights, so the
/// result is an ordinary linear model over the unscaled features.
///
/// Returns bucket-major weights (`weights[bucket * k + class]`, zero for
/// buckets no training row uses) and the k biases. The visiting order of
/// the coordinate descent comes from the seed, so the result is the same
/// bit for bit for the same data and seed.
pub(crate) fn fit_one_vs_rest(
    x: &[Sparse],
    y: &[usize],
    rows: &[usize],
    k: usize,
    settings: Settings,
) -> (Vec<f32>, Vec<f32>) {
    let Settings {
        bits,
        c,
        nb_scaling,
        seed,
    } = settings;
    let (buckets, compact_rows) = compact(x, rows, bits);
    let dim = buckets.len();
    let mut weights = vec![0f32; (1usize << bits) * k];
    let mut bias = vec![0f32; k];
    let mut rng = stream(seed);
    for class in 0..k {
        let positive: Vec<bool> = rows.iter().map(|&i| y[i] == class).collect();
        let sign: Vec<f64> = positive
            .iter()
            .map(|&p| if p { 1.0 } else { -1.0 })
            .collect();
        let ratio = if nb_scaling {
            nb_log_ratio(&compact_rows, &positive, dim, 1.0)
        } else {
            vec![1.0; dim]
        };
        let scaled: Vec<Sparse> = compact_rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|&(j, v)| (j, (f64::from(v) * ratio[j as usize]) as f32))
                    .collect()
            })
            .collect();
        let (w, b) = dual_coordinate_descent(&scaled, &sign, dim, c, TOLERANCE, &mut rng);
        for (j, &bucket) in buckets.iter().enumerate() {
            weights[bucket as usize * k + class] = (w[j] * ratio[j]) as f32;
        }
        bias[class] = b as f32;
    }
    (weights, bias)
}

/// The buckets the rows use, renumbered 0..dim in order of first use, and
/// the rows rewritten with those numbers: the solver's vectors then cover
/// only the features the data has, not all 2^bits buckets.
fn compact(x: &[Sparse], rows: &[usize], bits: u32) -> (Vec<u32>, Vec<Sparse>) {
    let mut map = vec![u32::MAX; 1usize << bits];
    let mut buckets = Vec::new();
    let out = rows
        .iter()
        .map(|&i| {
            x[i].iter()
                .map(|&(b, v)| {
                    let m = &mut map[b as usize];
                    if *m == u32::MAX {
                        *m = buckets.len() as u32;
                        buckets.push(b);
                    }
                    (*m, v)
                })
                .collect()
        })
        .collect();
    (buckets, out)
}

/// Naive-Bayes log-count ratio of each feature for the positive rows
/// against the others: ln((α + p_j) / |α + p|₁) − ln((α + q_j) / |α + q|₁),
/// where p_j and q_j count the positive and negative rows having feature
/// j. Counts are of presence, as in Wang & Manning: the feature values
/// are already log-scaled and normalised per text.
fn nb_log_ratio(rows: &[Sparse], positive: &[bool], dim: usize, alpha: f64) -> Vec<f64> {
    let mut p = vec![alpha; dim];
    let mut q = vec![alpha; dim];
    for (r, &pos) in rows.iter().zip(positive) {
        let counts = if pos { &mut p } else { &mut q };
        for &(j, v) in r {
            if v != 0.0 {
                counts[j as usize] += 1.0;
            }
        }
    }
    let (sp, sq) = (p.iter().sum::<f64>(), q.iter().sum::<f64>());
    p.iter()
        .zip(&q)
        .map(|(a, b)| (a / sp).ln() - (b / sq).ln())
        .collect()
}

/// Binary SVM, min ½(|w|² + b²) + C Σ max(0, 1 − yᵢ(w·xᵢ + b))², by
/// coordinate descent on its dual with shrinking (liblinear's solver for
/// this loss; the bias is an extra feature of value 1, penalised like the
/// others). `sign` holds ±1 per row. Returns w over 0..dim and b.
fn dual_coordinate_descent(
    rows: &[Sparse],
    sign: &[f64],
    dim: usize,
    c: f64,
    tolerance: f64,
    rng: &mut SplitMix64,
) -> (Vec<f64>, f64) {
    let l = rows.len();
    // The squared hinge's dual has no upper bound on α, and 1/(2C) on the
    // diagonal.
    let diag = 0.5 / c;
    let mut w = vec![0f64; dim];
    let mut b = 0f64;
    let mut alpha = vec![0f64; l];
    let q_diag: Vec<f64> = rows
        .iter()
        .map(|r| {
            diag + 1.0
                + r.iter()
                    .map(|&(_, v)| f64::from(v) * f64::from(v))
                    .sum::<f64>()
        })
        .collect();
    let mut index: Vec<usize> = (0..l).collect();
    let mut active = l;
    // Rows at α = 0 whose gradient exceeds the last pass's largest
    // projected gradient are set aside (shrinking) until the end.
    let mut shrink_above = f64::INFINITY;
    for _ in 0..MAX_PASSES {
        let mut pg_max = f64::NEG_INFINITY;
        let mut pg_min = f64::INFINITY;
        rng.shuffle(&mut index[..active]);
        let mut s = 0;
        while s < active {
            let i = index[s];
            let xi = &rows[i];
            let margin = b + xi
                .iter()
                .map(|&(j, v)| w[j as usize] * f64::from(v))
                .sum::<f64>();
            let g = margin * sign[i] - 1.0 + alpha[i] * diag;
            let pg = if alpha[i] == 0.0 {
                if g > shrink_above {
                    active -= 1;
                    index.swap(s, active);
                    continue;
                }
                g.min(0.0)
            } else {
                g
            };
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let old = alpha[i];
                alpha[i] = (old - g / q_diag[i]).max(0.0);
                let step = (alpha[i] - old) * sign[i];
                for &(j, v) in xi {
                    w[j as usize] += step * f64::from(v);
                }
                b += step;
            }
            s += 1;
        }
        if pg_max - pg_min <= tolerance {
            if active == l {
                break;
            }
            // Converged on the active rows: check all of them once more.
            active = l;
            shrink_above = f64::INFINITY;
            continue;
        }
        shrink_above = if pg_max <= 0.0 { f64::INFINITY } else { pg_max };
    }
    (w, b)
}

/// The scale s that minimises the log-loss of softmax(s · scores) on
/// these examples (temperature scaling), by golden-section search on
/// ln s over [10⁻³, 10³]; the loss is convex in s.
pub(crate) fn temperature(scores: &[Vec<f32>], truth: &[usize]) -> f32 {
    let loss = |ln_s: f64| -> f64 {
        let s = ln_s.exp();
        scores
            .iter()
            .zip(truth)
            .map(|(z, &t)| {
                let max = z
                    .iter()
                    .map(|&v| s * f64::from(v))
                    .fold(f64::NEG_INFINITY, f64::max);
                let sum: f64 = z.iter().map(|&v| (s * f64::from(v) - max).exp()).sum();
                sum.ln() + max - s * f64::from(z[t])
            })
            .sum()
    };
    let (mut lo, mut hi) = ((1e-3f64).ln(), (1e3f64).ln());
    let phi = (5f64.sqrt() - 1.0) / 2.0;
    let mut a = hi - phi * (hi - lo);
    let mut b = lo + phi * (hi - lo);
    let (mut fa, mut fb) = (loss(a), loss(b));
    for _ in 0..80 {
        if fa < fb {
            hi = b;
            b = a;
            fb = fa;
            a = hi - phi * (hi - lo);
            fa = loss(a);
        } else {
            lo = a;
            a = b;
            fa = fb;
            b = lo + phi * (hi - lo);
            fb = loss(b);
        }
    }
    ((lo + hi) / 2.0).exp() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dual_solution_matches_the_primal_optimum() {
        // x = +1 labelled +1 and x = −1 labelled −1: by symmetry b = 0 and
        // the primal ½w² + 2C(1 − w)² is least at w = 4C / (1 + 4C).
        let rows = vec![vec![(0, 1.0)], vec![(0, -1.0)]];
        for c in [0.1, 1.0, 10.0] {
            let (w, b) = dual_coordinate_descent(&rows, &[1.0, -1.0], 1, c, 1e-9, &mut stream(0));
            assert!(
                (w[0] - 4.0 * c / (1.0 + 4.0 * c)).abs() < 1e-6,
                "C {c}: w {w:?}"
            );
            assert!(b.abs() < 1e-6, "C {c}: b {b}");
        }
    }

    #[test]
    fn separable_rows_end_on_the_right_side_of_the_margin() {
        // Feature 0 marks the positives, 1 the negatives, 2 is noise in both.
        let rows: Vec<Sparse> = (0..40)
            .map(|i| vec![(u32::from(i % 2 == 1), 0.8), (2, 0.6)])
            .collect();
        let sign: Vec<f64> = (0..40)
            .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let (w, b) = dual_coordinate_descent(&rows, &sign, 3, 100.0, 1e-6, &mut stream(3));
        for (r, s) in rows.iter().zip(&sign) {
            let margin = b + r
                .iter()
                .map(|&(j, v)| w[j as usize] * f64::from(v))
                .sum::<f64>();
            assert!(margin * s > 0.95, "margin {margin}, sign {s}, w {w:?}");
        }
        assert!(w[0] > 0.0 && w[1] < 0.0, "{w:?}");
    }

    #[test]
    fn nb_ratio_by_hand() {
        // Positives have features {0, 1} and {0}; negatives {1} and {2}.
        let rows = vec![
            vec![(0, 0.5), (1, 0.5)],
            vec![(0, 1.0)],
            vec![(1, 1.0)],
            vec![(2, 1.0)],
        ];
        let r = nb_log_ratio(&rows, &[true, true, false, false], 3, 1.0);
        // p = 1 + (2, 1, 0) = (3, 2, 1), sum 6; q = 1 + (0, 1, 1), sum 5.
        let expected = [(2.5f64).ln(), (5.0f64 / 6.0).ln(), (5.0f64 / 12.0).ln()];
        for (got, want) in r.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{r:?}");
        }
    }

    #[test]
    fn one_vs_rest_weights_land_in_their_buckets() {
        let x: Vec<Sparse> = vec![
            vec![(7, 1.0)],
            vec![(9, 1.0)],
            vec![(7, 1.0)],
            vec![(9, 1.0)],
        ];
        let y = [0, 1, 0, 1];
        for nb in [false, true] {
            let settings = Settings {
                bits: 4,
                c: 1.0,
                nb_scaling: nb,
                seed: 0,
            };
            let (w, b) = fit_one_vs_rest(&x, &y, &[0, 1, 2, 3], 2, settings);
            assert_eq!(w.len(), 16 * 2);
            assert!(w[7 * 2] > 0.0 && w[7 * 2 + 1] < 0.0, "nb {nb}: {w:?}");
            assert!(w[9 * 2] < 0.0 && w[9 * 2 + 1] > 0.0, "nb {nb}: {w:?}");
            // Unused buckets stay zero.
            assert!(w
                .iter()
                .enumerate()
                .all(|(i, &v)| v == 0.0 || i / 2 == 7 || i / 2 == 9));
            assert_eq!(b.len(), 2);
        }
    }

    #[test]
    fn temperature_recovers_the_scale_that_made_the_labels() {
        // Scores (0, 1) everywhere and class 1 true 88 times in 100: the
        // best softmax gives it 0.88, so s = ln(0.88 / 0.12).
        let scores = vec![vec![0.0, 1.0]; 100];
        let truth: Vec<usize> = (0..100).map(|i| usize::from(i < 88)).collect();
        let s = temperature(&scores, &truth);
        assert!((f64::from(s) - (0.88f64 / 0.12).ln()).abs() < 1e-4, "{s}");
    }
}
