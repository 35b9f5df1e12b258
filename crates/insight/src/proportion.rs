//! A share of respondents with its uncertainty.
//!
//! The Wilson score interval is used rather than the textbook
//! "p ± 1.96·√(p(1−p)/n)": that one collapses to zero width at 0 % and
//! 100 % and strays outside [0, 1] on small bases, which is exactly where
//! community surveys live. Wilson stays inside [0, 1] and keeps close to
//! its stated coverage for small n (Newcombe, 1998).

/// The two-sided 95 % normal quantile.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// `count` of `base` with a confidence interval, all as fractions of 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proportion {
    pub count: u64,
    pub base: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Proportion {
    /// The 95 % Wilson score interval of `count` out of `base`. `None` for
    /// an empty base or a count larger than it.
    pub fn wilson(count: u64, base: u64) -> Option<Self> {
        Self::wilson_with(count, base, Z_95)
    }

    /// The Wilson interval for any normal quantile `z`.
    pub fn wilson_with(count: u64, base: u64, z: f64) -> Option<Self> {
        if base == 0 || count > base {
            return None;
        }
        let n = base as f64;
        let p = count as f64 / n;
        let z2 = z * z;
        let denominator = 1.0 + z2 / n;
        let centre = (p + z2 / (2.0 * n)) / denominator;
        let half = z / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        Some(Self {
            count,
            base,
            share: p,
            // Exact at the ends, whatever rounding does.
            low: if count == 0 {
                0.0
            } else {
                (centre - half).max(0.0)
            },
            high: if count == base {
                1.0
            } else {
                (centre + half).min(1.0)
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Newcombe (1998), "Two-sided confidence intervals for the single
    /// proportion: comparison of seven methods", Statistics in Medicine
    /// 17, table II, method 3 (score interval without continuity
    /// correction), published to four decimal places.
    #[test]
    fn matches_published_reference_values() {
        let cases = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0000, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ];
        for (x, n, low, high) in cases {
            let p = Proportion::wilson(x, n).unwrap();
            assert!((p.low - low).abs() < 0.00005, "{x}/{n}: low {}", p.low);
            assert!((p.high - high).abs() < 0.00005, "{x}/{n}: high {}", p.high);
        }
    }

    #[test]
    fn stays_within_zero_and_one_and_contains_the_share() {
        for n in 1..60u64 {
            for x in 0..=n {
                let p = Proportion::wilson(x, n).unwrap();
                assert!(0.0 <= p.low && p.low <= p.share && p.share <= p.high && p.high <= 1.0);
            }
        }
        let all = Proportion::wilson(7, 7).unwrap();
        assert_eq!((all.share, all.high), (1.0, 1.0));
        assert!(
            all.low > 0.6,
            "seven out of seven is not certain: {}",
            all.low
        );
    }

    #[test]
    fn symmetric_counts_give_mirrored_intervals() {
        let a = Proportion::wilson(3, 40).unwrap();
        let b = Proportion::wilson(37, 40).unwrap();
        assert!((a.low - (1.0 - b.high)).abs() < 1e-12);
        assert!((a.high - (1.0 - b.low)).abs() < 1e-12);
    }

    #[test]
    fn empty_or_impossible_bases_have_no_interval() {
        assert_eq!(Proportion::wilson(0, 0), None);
        assert_eq!(Proportion::wilson(5, 4), None);
    }
}
