//! Adjusted Rand index: agreement of two partitions of the same items,
//! 1 for identical partitions (up to renaming), about 0 for chance.

use std::collections::HashMap;
use std::hash::Hash;

/// ARI of two labelings of the same items (`a[i]` and `b[i]` label item
/// `i`; extra items in the longer one are ignored). Two single-cluster
/// labelings count as identical (1); fewer than two items give NaN.
pub fn adjusted_rand_index<A: Eq + Hash, B: Eq + Hash>(a: &[A], b: &[B]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    let mut cells: HashMap<(&A, &B), f64> = HashMap::new();
    let mut rows: HashMap<&A, f64> = HashMap::new();
    let mut cols: HashMap<&B, f64> = HashMap::new();
    for (x, y) in a.iter().zip(b) {
        *cells.entry((x, y)).or_default() += 1.0;
        *rows.entry(x).or_default() += 1.0;
        *cols.entry(y).or_default() += 1.0;
    }
    let pairs = |v: f64| v * (v - 1.0) / 2.0;
    let index: f64 = cells.values().map(|&v| pairs(v)).sum();
    let sum_a: f64 = rows.values().map(|&v| pairs(v)).sum();
    let sum_b: f64 = cols.values().map(|&v| pairs(v)).sum();
    let total = pairs(n);
    if total == 0.0 {
        return f64::NAN;
    }
    let expected = sum_a * sum_b / total;
    let max = (sum_a + sum_b) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 7, 7]), 1.0);
        assert!(adjusted_rand_index::<u8, u8>(&[], &[]).is_nan());
        // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714
        let v = adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 1, 2]);
        assert!((v - 0.571_428_571_428_571_4).abs() < 1e-12, "{v}");
        // sklearn: adjusted_rand_score([0,0,1,1],[0,1,0,1]) = -0.5
        assert!((adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) + 0.5).abs() < 1e-12);
    }
}
