//! Principal components of the vote matrix with column-mean imputation,
//! and Pol.is's sparsity-aware projection.
//!
//! Imputing a missing vote with its column's mean and then centring makes
//! every missing cell exactly zero, so the centred matrix `X` is as sparse
//! as the votes. The two leading eigenvectors of `XᵀX` are found by
//! Lanczos iteration with full reorthogonalisation, touching only the
//! votes: memory and time grow with the number of votes, not with
//! participants × statements.

use super::matrix::Prepared;
use super::Projection;
use crate::random::{SplitMix64, GAMMA};

#[derive(Clone, Debug, PartialEq)]
pub struct Pca {
    /// Column means (the imputed value of an unseen statement).
    pub center: Vec<f64>,
    /// Two unit-length components over the active columns; the second is
    /// all zeros when the votes have only one dimension of variation.
    pub components: [Vec<f64>; 2],
    /// Variance along each component (eigenvalues of XᵀX / rows).
    pub variance: [f64; 2],
}

/// Column means over the votes cast (agree 1, disagree -1, pass 0).
pub fn column_means(m: &Prepared) -> Vec<f64> {
    let mut sum = vec![0.0f64; m.cols()];
    let mut count = vec![0u32; m.cols()];
    for (&c, &v) in m.column_of.iter().zip(&m.value) {
        sum[c as usize] += f64::from(v);
        count[c as usize] += 1;
    }
    sum.iter()
        .zip(&count)
        .map(|(&s, &n)| if n == 0 { 0.0 } else { s / f64::from(n) })
        .collect()
}

/// Fits the components; `None` when there is no variation at all (no
/// votes, or every participant voted identically everywhere).
pub fn fit(m: &Prepared) -> Option<Pca> {
    let p = m.cols();
    if p == 0 || m.rows() == 0 {
        return None;
    }
    let center = column_means(m);
    let centred: Vec<f64> = m
        .column_of
        .iter()
        .zip(&m.value)
        .map(|(&c, &v)| f64::from(v) - center[c as usize])
        .collect();
    let apply = |x: &[f64], y: &mut [f64]| {
        y.iter_mut().for_each(|v| *v = 0.0);
        for r in 0..m.rows() {
            let range = m.row_start[r]..m.row_start[r + 1];
            let cols = &m.column_of[range.clone()];
            let vals = &centred[range];
            let mut s = 0.0;
            for (&c, &v) in cols.iter().zip(vals) {
                s += v * x[c as usize];
            }
            if s != 0.0 {
                for (&c, &v) in cols.iter().zip(vals) {
                    y[c as usize] += v * s;
                }
            }
        }
    };
    let trace: f64 = centred.iter().map(|v| v * v).sum();
    if trace <= 1e-12 {
        return None;
    }
    let (values, vectors) = top_two_eigen(p, trace, apply);
    if values[0] <= 1e-12 * trace {
        return None;
    }
    let n = m.rows() as f64;
    let [v0, v1] = vectors;
    let second_real = values[1] > 1e-10 * values[0];
    Some(Pca {
        center,
        components: [v0, if second_real { v1 } else { vec![0.0; p] }],
        variance: [values[0] / n, if second_real { values[1] / n } else { 0.0 }],
    })
}

/// Projects each row from the votes it cast, scaled by
/// √(active statements / votes cast) so light voters are not pulled to
/// the centre. Rows with no vote on an active statement sit at the origin.
///
/// With [`Projection::PolisCompatible`], moderated-out statements that
/// received votes count both as statements and as votes cast by everyone,
/// as in Pol.is (which zeroes their columns instead of removing them).
pub fn project_rows(m: &Prepared, pca: &Pca, projection: Projection) -> Vec<[f64; 2]> {
    let extra = match projection {
        Projection::VotesCast => 0.0,
        Projection::PolisCompatible => m.moderated_voted as f64,
    };
    let p = m.cols() as f64 + extra;
    (0..m.rows())
        .map(|r| {
            let mut xy = [0.0f64; 2];
            let mut n = 0u32;
            for (c, v) in m.row(r) {
                let x = f64::from(v) - pca.center[c];
                xy[0] += x * pca.components[0][c];
                xy[1] += x * pca.components[1][c];
                n += 1;
            }
            if n == 0 {
                return [0.0, 0.0];
            }
            let scale = (p / (f64::from(n) + extra)).sqrt();
            [xy[0] * scale, xy[1] * scale]
        })
        .collect()
}

/// Where a participant who agreed with this one statement only, and saw
/// nothing else, would be projected.
pub fn project_columns(pca: &Pca) -> Vec<[f64; 2]> {
    let p = pca.center.len() as f64;
    let scale = p.sqrt();
    (0..pca.center.len())
        .map(|c| {
            let x = 1.0 - pca.center[c];
            [
                x * pca.components[0][c] * scale,
                x * pca.components[1][c] * scale,
            ]
        })
        .collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalise(v: &mut [f64]) -> f64 {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
    n
}

/// The two largest eigenpairs of the symmetric positive semi-definite
/// operator `apply` on R^p. Lanczos with full reorthogonalisation from a
/// fixed start; the Krylov space grows until the Ritz residuals are tiny.
fn top_two_eigen(
    p: usize,
    trace: f64,
    apply: impl Fn(&[f64], &mut [f64]),
) -> ([f64; 2], [Vec<f64>; 2]) {
    // A fixed, dense start vector (SplitMix64 stream), so that no
    // eigenvector is orthogonal to it by accident of structure.
    let mut stream = SplitMix64::new(GAMMA);
    let mut start: Vec<f64> = (0..p).map(|_| 0.5 + stream.next_f64()).collect();
    normalise(&mut start);
    let max_steps = p.min(400);
    let mut steps = p.min(24);
    loop {
        let mut basis: Vec<Vec<f64>> = vec![start.clone()];
        let mut alpha = Vec::new();
        let mut beta: Vec<f64> = Vec::new();
        let mut w = vec![0.0; p];
        let mut exhausted = false;
        let mut last_beta = 0.0;
        for j in 0..steps {
            apply(&basis[j], &mut w);
            let a = dot(&basis[j], &w);
            alpha.push(a);
            for _ in 0..2 {
                for q in &basis {
                    let h = dot(q, &w);
                    w.iter_mut().zip(q).for_each(|(x, y)| *x -= h * y);
                }
            }
            let b = dot(&w, &w).sqrt();
            last_beta = b;
            // An invariant subspace, or the whole space: exact.
            if b <= 1e-13 * trace.max(1e-300) || j + 1 == p {
                exhausted = true;
                break;
            }
            if j + 1 < steps {
                beta.push(b);
                basis.push(w.iter().map(|x| x / b).collect());
            }
        }
        let m = alpha.len();
        let mut t = vec![vec![0.0; m]; m];
        for i in 0..m {
            t[i][i] = alpha[i];
            if i + 1 < m {
                t[i][i + 1] = beta[i];
                t[i + 1][i] = beta[i];
            }
        }
        let (values, vectors) = jacobi_eigen(t);
        let mut order: Vec<usize> = (0..m).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
        let top = order[0];
        let second = order.get(1).copied();
        let residual = |k: usize| (last_beta * vectors[m - 1][k]).abs();
        let converged = exhausted
            || steps >= max_steps
            || (residual(top) <= 1e-10 * values[top].abs().max(1e-300)
                && second.is_none_or(|s| residual(s) <= 1e-8 * values[top].abs().max(1e-300)));
        if converged {
            let ritz = |k: usize| {
                let mut v = vec![0.0; p];
                for (i, q) in basis.iter().enumerate().take(m) {
                    let y = vectors[i][k];
                    v.iter_mut().zip(q).for_each(|(x, qv)| *x += y * qv);
                }
                normalise(&mut v);
                fix_sign(&mut v);
                v
            };
            let first = ritz(top);
            let (second_value, second_vector) = match second {
                Some(s) => (values[s].max(0.0), ritz(s)),
                None => (0.0, vec![0.0; p]),
            };
            return ([values[top].max(0.0), second_value], [first, second_vector]);
        }
        steps = (steps * 2).min(max_steps);
    }
}

/// Eigenvectors have no sign; fix one: the entry of largest magnitude is
/// positive (the first such entry on a tie).
fn fix_sign(v: &mut [f64]) {
    let mut best = 0usize;
    for i in 1..v.len() {
        if v[i].abs() > v[best].abs() {
            best = i;
        }
    }
    if v.get(best).is_some_and(|&x| x < 0.0) {
        v.iter_mut().for_each(|x| *x = -*x);
    }
}

/// Cyclic Jacobi for a small symmetric matrix: eigenvalues and the matrix
/// whose columns are the eigenvectors.
fn jacobi_eigen(mut a: Vec<Vec<f64>>) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = a.len();
    let mut v = vec![vec![0.0; n]; n];
    for (i, row) in v.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        let diag: f64 = (0..n).map(|i| a[i][i] * a[i][i]).sum();
        if off <= 1e-30 * diag.max(1e-300) {
            break;
        }
        for p in 0..n {
            for q in (p + 1)..n {
                if a[p][q].abs() <= 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for row in a.iter_mut() {
                    let akp = row[p];
                    let akq = row[q];
                    row[p] = c * akp - s * akq;
                    row[q] = s * akp + c * akq;
                }
                let (head, tail) = a.split_at_mut(q);
                let (row_p, row_q) = (&mut head[p], &mut tail[0]);
                for (apk, aqk) in row_p.iter_mut().zip(row_q.iter_mut()) {
                    let (x, y) = (*apk, *aqk);
                    *apk = c * x - s * y;
                    *aqk = s * x + c * y;
                }
                for row in v.iter_mut() {
                    let vkp = row[p];
                    let vkq = row[q];
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i][i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_finds_known_eigenvalues() {
        let (values, _) = jacobi_eigen(vec![vec![2.0, 1.0], vec![1.0, 2.0]]);
        let mut values = values;
        values.sort_by(f64::total_cmp);
        assert!((values[0] - 1.0).abs() < 1e-12 && (values[1] - 3.0).abs() < 1e-12);
    }

    #[test]
    fn lanczos_agrees_with_a_dense_answer() {
        // diag(5, 3, 1, 0.5) rotated is still diag in this basis.
        let d = [5.0, 3.0, 1.0, 0.5];
        let (values, vectors) = top_two_eigen(4, 9.5, |x, y| {
            for i in 0..4 {
                y[i] = d[i] * x[i];
            }
        });
        assert!((values[0] - 5.0).abs() < 1e-9 && (values[1] - 3.0).abs() < 1e-9);
        assert!((vectors[0][0].abs() - 1.0).abs() < 1e-9);
        assert!((vectors[1][1].abs() - 1.0).abs() < 1e-9);
    }
}
