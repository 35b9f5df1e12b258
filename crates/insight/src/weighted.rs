//! Weighted shares: once respondents carry weights (from [`crate::raking`]),
//! each option's share is the weight of those who picked it over the
//! weight of those who answered, and its uncertainty uses Kish's
//! effective base, (Σw)² / Σw², in place of the head count: weighting
//! corrects who answered, but it cannot add information.

use crate::proportion::Z_95;

/// One option's weighted share.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WeightedShare {
    /// How many respondents picked it, unweighted (for small-count rules).
    pub count: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

/// One question's weighted results.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WeightedTally {
    /// Respondents who answered, unweighted.
    pub base: u64,
    /// The effective base of those who answered.
    pub effective_base: f64,
    pub options: Vec<WeightedShare>,
}

/// The Wilson interval around a share `p` on an effective base `n`.
pub fn interval(p: f64, n: f64) -> (f64, f64) {
    if n <= 0.0 {
        return (0.0, 1.0);
    }
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z_95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Tallies one question: `answers[r]` holds the options respondent `r`
/// picked (empty when they did not answer); `weights[r]` their weight.
pub fn tally(weights: &[f64], answers: &[Vec<usize>], options: usize) -> WeightedTally {
    let mut total = 0.0;
    let mut total_sq = 0.0;
    let mut base = 0u64;
    let mut picked = vec![0.0; options];
    let mut counts = vec![0u64; options];
    for (w, a) in weights.iter().zip(answers) {
        if a.is_empty() {
            continue;
        }
        base += 1;
        total += w;
        total_sq += w * w;
        for &o in a {
            if o < options {
                picked[o] += w;
                counts[o] += 1;
            }
        }
    }
    let effective_base = if total_sq > 0.0 {
        total * total / total_sq
    } else {
        0.0
    };
    let options = picked
        .iter()
        .zip(&counts)
        .map(|(p, c)| {
            let share = if total > 0.0 { p / total } else { 0.0 };
            let (low, high) = interval(share, effective_base);
            WeightedShare {
                count: *c,
                share,
                low,
                high,
            }
        })
        .collect();
    WeightedTally {
        base,
        effective_base,
        options,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proportion::Proportion;

    #[test]
    fn equal_weights_give_the_unweighted_figures() {
        let answers = vec![vec![0], vec![1], vec![1], vec![], vec![0, 1]];
        let t = tally(&[1.0; 5], &answers, 2);
        assert_eq!(t.base, 4);
        assert!((t.effective_base - 4.0).abs() < 1e-12);
        let p = Proportion::wilson(3, 4).unwrap();
        assert!((t.options[1].share - 0.75).abs() < 1e-12);
        assert!(
            (t.options[1].low - p.low).abs() < 1e-12 && (t.options[1].high - p.high).abs() < 1e-12
        );
    }

    #[test]
    fn weights_move_shares_and_shrink_the_effective_base() {
        // The worked example of the raking tests: weights 2/3 and 2.
        let weights = [2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 2.0];
        let answers = vec![vec![0], vec![0], vec![0], vec![1]];
        let t = tally(&weights, &answers, 2);
        assert!((t.options[1].share - 0.5).abs() < 1e-12);
        assert!((t.effective_base - 3.0).abs() < 1e-12);
        assert_eq!(t.options[1].count, 1);
        let (low, high) = interval(0.5, 3.0);
        assert!(low < 0.5 && 0.5 < high);
    }
}
