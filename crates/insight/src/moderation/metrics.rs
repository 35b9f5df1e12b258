//! Precision, recall and F1 per class, macro-F1 and the confusion matrix.

use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClassMetrics {
    pub label: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Examples whose true label is this class.
    pub support: u64,
}

/// How predictions compare with the truth.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evaluation {
    pub examples: u64,
    pub accuracy: f64,
    /// Unweighted mean of the per-class F1.
    pub macro_f1: f64,
    pub per_class: Vec<ClassMetrics>,
    pub labels: Vec<String>,
    /// `confusion[truth][predicted]`, in the order of `labels`.
    pub confusion: Vec<Vec<u64>>,
}

impl Evaluation {
    /// From (truth, predicted) class indices into `labels`. A class with
    /// no predictions has precision 0; with no support, recall 0.
    pub fn from_pairs(labels: &[String], pairs: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let k = labels.len();
        let mut confusion = vec![vec![0u64; k]; k];
        for (t, p) in pairs {
            if t < k && p < k {
                confusion[t][p] += 1;
            }
        }
        Self::from_confusion(labels, confusion)
    }

    pub fn from_confusion(labels: &[String], confusion: Vec<Vec<u64>>) -> Self {
        let k = labels.len();
        let examples: u64 = confusion.iter().flatten().sum();
        let correct: u64 = (0..k).map(|i| confusion[i][i]).sum();
        let per_class: Vec<ClassMetrics> = (0..k)
            .map(|c| {
                let tp = confusion[c][c] as f64;
                let predicted: u64 = (0..k).map(|t| confusion[t][c]).sum();
                let support: u64 = confusion[c].iter().sum();
                let precision = ratio(tp, predicted as f64);
                let recall = ratio(tp, support as f64);
                let f1 = ratio(2.0 * precision * recall, precision + recall);
                ClassMetrics {
                    label: labels[c].clone(),
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect();
        let macro_f1 = if k == 0 {
            0.0
        } else {
            per_class.iter().map(|m| m.f1).sum::<f64>() / k as f64
        };
        Self {
            examples,
            accuracy: ratio(correct as f64, examples as f64),
            macro_f1,
            per_class,
            labels: labels.to_vec(),
            confusion,
        }
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_example() {
        let labels = vec!["spam".to_string(), "ham".to_string()];
        // 3 spam: 2 caught, 1 missed; 2 ham: 1 wrongly flagged.
        let e = Evaluation::from_pairs(&labels, [(0, 0), (0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(e.confusion, vec![vec![2, 1], vec![1, 1]]);
        assert!((e.per_class[0].precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((e.per_class[0].recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((e.per_class[1].f1 - 0.5).abs() < 1e-12);
        assert!((e.macro_f1 - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-12);
        assert!((e.accuracy - 0.6).abs() < 1e-12);
    }

    #[test]
    fn empty_and_never_predicted_classes_score_zero() {
        let labels = vec!["a".to_string(), "b".to_string()];
        let e = Evaluation::from_pairs(&labels, [(0, 0), (0, 0)]);
        assert_eq!(e.per_class[1].f1, 0.0);
        assert_eq!(e.per_class[0].f1, 1.0);
        let e = Evaluation::from_pairs(&labels, []);
        assert_eq!(e.macro_f1, 0.0);
    }
}
