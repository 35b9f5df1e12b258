//! Arithmetic on the answers' vectors: sparse ones, (term, weight) pairs
//! in term order, and dense centres indexed by term.

pub(super) type Sparse = Vec<(u32, f32)>;

/// Scales a sparse vector to unit length (one of zeros stays as it is).
pub(super) fn normalise_vec(v: &mut [(u32, f32)]) {
    let norm: f32 = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// A sparse vector's dot product with a dense one.
pub(super) fn dot(a: &[(u32, f32)], dense: &[f32]) -> f32 {
    a.iter().map(|&(i, w)| w * dense[i as usize]).sum()
}

/// Sparse dot product of two sorted vectors.
pub(super) fn sparse_dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
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

/// Scales a dense vector to unit length (one of zeros stays as it is).
pub(super) fn unit(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}
