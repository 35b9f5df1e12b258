//! The small statistics Pol.is uses, with its Laplace smoothing.

/// One-sided 90 % critical value of the standard normal, as Pol.is uses it.
pub const Z_90: f64 = 1.2816;

pub fn z_sig_90(z: f64) -> bool {
    z > Z_90
}

/// Smoothed proportion (successes + 1) / (trials + 2).
pub fn smoothed(successes: u32, trials: u32) -> f64 {
    (f64::from(successes) + 1.0) / (f64::from(trials) + 2.0)
}

/// Pol.is's one-proportion test against 1/2, on counts each raised by one.
pub fn prop_test(successes: u32, trials: u32) -> f64 {
    let s = f64::from(successes) + 1.0;
    let n = f64::from(trials) + 1.0;
    2.0 * n.sqrt() * (s / n - 0.5)
}

/// Pol.is's two-proportion test (in-group against the rest), on counts each
/// raised by one. Zero when the pooled proportion is 1 (the limit).
pub fn two_prop_test(succ_in: u32, succ_out: u32, n_in: u32, n_out: u32) -> f64 {
    let s1 = f64::from(succ_in) + 1.0;
    let s2 = f64::from(succ_out) + 1.0;
    let n1 = f64::from(n_in) + 1.0;
    let n2 = f64::from(n_out) + 1.0;
    let pi1 = s1 / n1;
    let pi2 = s2 / n2;
    let pooled = (s1 + s2) / (n1 + n2);
    let variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if variance <= 0.0 {
        return 0.0;
    }
    (pi1 - pi2) / variance.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_polis_figures() {
        // Consensus statement 0 of the 150-participant golden case:
        // 50 agrees in 53 votes, p-success 0.92727…, p-test 6.5319…
        assert!((smoothed(50, 53) - 0.927_272_727_272_727_2).abs() < 1e-12);
        assert!((prop_test(50, 53) - 6.531_972_647_421_808).abs() < 1e-9);
        assert_eq!(two_prop_test(3, 3, 3, 3), 0.0);
    }
}
