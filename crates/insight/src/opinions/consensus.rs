//! What the conversation agrees on.
//!
//! - Consensus statements: over everyone who voted, smoothed agree (or
//!   disagree) proportion above 1/2 and its one-proportion z-test
//!   significant at 90 %, ranked by proportion × z, top five each way.
//! - Group-aware consensus: the product over opinion groups of each
//!   group's smoothed agree proportion, so a statement scores high only if
//!   every group agrees.
//! - Bridging score: the smoothed agree proportion in the group that
//!   agrees least — unlike the product it does not shrink as the number of
//!   groups grows, so it compares across conversations.

use super::matrix::Prepared;
use super::repness::Counts;
use super::stats::{prop_test, smoothed, z_sig_90};

/// A consensus statement by column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Consensus {
    pub column: usize,
    pub n_success: u32,
    pub n_trials: u32,
    pub p_success: f64,
    pub p_test: f64,
}

/// Counts per column over all rows of the matrix.
pub fn overall_counts(m: &Prepared) -> Vec<Counts> {
    let mut counts = vec![Counts::default(); m.cols()];
    for (&c, &v) in m.column_of.iter().zip(&m.value) {
        counts[c as usize].add(v);
    }
    counts
}

/// Top `pick` agreed and disagreed statements.
pub fn select(counts: &[Counts], pick: usize) -> (Vec<Consensus>, Vec<Consensus>) {
    let side = |agree: bool| {
        let mut list: Vec<(f64, Consensus)> = counts
            .iter()
            .enumerate()
            .filter_map(|(c, n)| {
                let success = if agree { n.agree } else { n.disagree };
                let p = smoothed(success, n.seen);
                let z = prop_test(success, n.seen);
                (p > 0.5 && z_sig_90(z)).then_some((
                    p * z,
                    Consensus {
                        column: c,
                        n_success: success,
                        n_trials: n.seen,
                        p_success: p,
                        p_test: z,
                    },
                ))
            })
            .collect();
        list.sort_by(|a, b| b.0.total_cmp(&a.0));
        list.into_iter().take(pick).map(|(_, c)| c).collect()
    };
    (side(true), side(false))
}

/// Group-aware consensus and bridging score of every column.
pub fn group_aware(group_counts: &[Vec<Counts>]) -> (Vec<f64>, Vec<f64>) {
    let cols = group_counts.first().map_or(0, Vec::len);
    let mut product = vec![1.0; cols];
    let mut least = vec![1.0f64; cols];
    for g in group_counts {
        for (c, n) in g.iter().enumerate() {
            let p = smoothed(n.agree, n.seen);
            product[c] *= p;
            least[c] = least[c].min(p);
        }
    }
    (product, least)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consensus_needs_a_majority_and_significance() {
        let counts = [
            Counts {
                agree: 50,
                disagree: 1,
                seen: 53,
            },
            Counts {
                agree: 2,
                disagree: 1,
                seen: 3,
            },
            Counts {
                agree: 1,
                disagree: 30,
                seen: 31,
            },
        ];
        let (agree, disagree) = select(&counts, 5);
        assert_eq!(agree.iter().map(|c| c.column).collect::<Vec<_>>(), vec![0]);
        assert_eq!(
            disagree.iter().map(|c| c.column).collect::<Vec<_>>(),
            vec![2]
        );
    }

    #[test]
    fn group_aware_consensus_is_a_product() {
        let a = Counts {
            agree: 8,
            disagree: 0,
            seen: 8,
        }; // 0.9
        let b = Counts {
            agree: 3,
            disagree: 3,
            seen: 8,
        }; // 0.4
        let (gac, bridge) = group_aware(&[vec![a], vec![b]]);
        assert!((gac[0] - 0.36).abs() < 1e-12);
        assert!((bridge[0] - 0.4).abs() < 1e-12);
    }
}
