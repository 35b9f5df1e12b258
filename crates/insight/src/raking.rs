//! Weighting respondents to known population margins by raking
//! (iterative proportional fitting): each variable's weighted shares are
//! matched to the population's in turn, round after round, until all of
//! them hold at once. Weights are trimmed to a band around the mean so
//! that no handful of respondents speaks for a crowd, and the report says
//! how far the result can be trusted (the effective sample size).

/// One weighting variable: the population share of each category.
#[derive(Debug, Clone, PartialEq)]
pub struct Margin {
    pub name: String,
    pub targets: Vec<f64>,
}

/// How raking is run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RakingSettings {
    pub max_iterations: usize,
    /// Stop when every weighted share is within this of its target.
    pub tolerance: f64,
    /// Weights are kept within [min_ratio, max_ratio] × the mean weight.
    pub min_ratio: f64,
    pub max_ratio: f64,
}

impl Default for RakingSettings {
    fn default() -> Self {
        Self {
            max_iterations: 100,
            tolerance: 1e-6,
            min_ratio: 0.2,
            max_ratio: 5.0,
        }
    }
}

/// The weights and how they were reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Raked {
    pub weights: Vec<f64>,
    pub iterations: usize,
    pub converged: bool,
    /// The largest gap between a weighted share and its target at the end.
    pub max_error: f64,
    /// Kish's effective sample size: (Σw)² / Σw².
    pub effective_sample_size: f64,
    pub min_weight: f64,
    pub max_weight: f64,
    /// How many weights the last round trimmed.
    pub trimmed: usize,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RakingError {
    #[error("no respondents")]
    NoRespondents,
    #[error("respondent {0} does not have one category per margin")]
    WrongShape(usize),
    #[error("the targets of {0} do not add up to 1")]
    TargetsNotWhole(String),
    #[error("category {category} of {margin} has a target but no respondents")]
    EmptyCategory { margin: String, category: usize },
}

/// Rakes `respondents` (each a category index per margin) to `margins`.
pub fn rake(
    respondents: &[Vec<usize>],
    margins: &[Margin],
    settings: RakingSettings,
) -> Result<Raked, RakingError> {
    check(respondents, margins)?;
    let n = respondents.len();
    let mut weights = vec![1.0; n];
    let mut iterations = 0;
    let mut trimmed = 0;
    let mut max_error = error(respondents, margins, &weights);
    while iterations < settings.max_iterations && max_error > settings.tolerance {
        iterations += 1;
        for (m, margin) in margins.iter().enumerate() {
            let total: f64 = weights.iter().sum();
            let mut sums = vec![0.0; margin.targets.len()];
            for (r, w) in respondents.iter().zip(&weights) {
                sums[r[m]] += w;
            }
            for (r, w) in respondents.iter().zip(weights.iter_mut()) {
                let c = r[m];
                if sums[c] > 0.0 {
                    *w *= margin.targets[c] * total / sums[c];
                }
            }
        }
        trimmed = trim(&mut weights, settings);
        max_error = error(respondents, margins, &weights);
    }
    let sum: f64 = weights.iter().sum();
    let sum_sq: f64 = weights.iter().map(|w| w * w).sum();
    Ok(Raked {
        iterations,
        converged: max_error <= settings.tolerance,
        max_error,
        effective_sample_size: sum * sum / sum_sq,
        min_weight: weights.iter().copied().fold(f64::INFINITY, f64::min),
        max_weight: weights.iter().copied().fold(0.0, f64::max),
        trimmed,
        weights,
    })
}

fn check(respondents: &[Vec<usize>], margins: &[Margin]) -> Result<(), RakingError> {
    if respondents.is_empty() {
        return Err(RakingError::NoRespondents);
    }
    for (i, r) in respondents.iter().enumerate() {
        let fits =
            r.len() == margins.len() && r.iter().zip(margins).all(|(&c, m)| c < m.targets.len());
        if !fits {
            return Err(RakingError::WrongShape(i));
        }
    }
    for (m, margin) in margins.iter().enumerate() {
        let whole: f64 = margin.targets.iter().sum();
        if (whole - 1.0).abs() > 1e-6 || margin.targets.iter().any(|t| *t < 0.0) {
            return Err(RakingError::TargetsNotWhole(margin.name.clone()));
        }
        for (c, t) in margin.targets.iter().enumerate() {
            if *t > 0.0 && !respondents.iter().any(|r| r[m] == c) {
                return Err(RakingError::EmptyCategory {
                    margin: margin.name.clone(),
                    category: c,
                });
            }
        }
    }
    Ok(())
}

/// Keeps weights within the band around their mean; returns how many moved.
fn trim(weights: &mut [f64], s: RakingSettings) -> usize {
    let mean = weights.iter().sum::<f64>() / weights.len() as f64;
    let (low, high) = (s.min_ratio * mean, s.max_ratio * mean);
    let mut moved = 0;
    for w in weights.iter_mut() {
        let clamped = w.clamp(low, high);
        if clamped != *w {
            *w = clamped;
            moved += 1;
        }
    }
    moved
}

/// The largest gap between a weighted share and its target.
fn error(respondents: &[Vec<usize>], margins: &[Margin], weights: &[f64]) -> f64 {
    let total: f64 = weights.iter().sum();
    let mut worst: f64 = 0.0;
    for (m, margin) in margins.iter().enumerate() {
        let mut sums = vec![0.0; margin.targets.len()];
        for (r, w) in respondents.iter().zip(weights) {
            sums[r[m]] += w;
        }
        for (s, t) in sums.iter().zip(&margin.targets) {
            worst = worst.max((s / total - t).abs());
        }
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;

    fn margin(name: &str, targets: &[f64]) -> Margin {
        Margin {
            name: name.into(),
            targets: targets.to_vec(),
        }
    }

    /// Worked by hand: three men and one woman, weighted to half and half.
    /// Men get 0.5 × 4 / 3 = 2/3 each, the woman 0.5 × 4 / 1 = 2; the
    /// effective sample size is 4² / (3 × 4/9 + 4) = 3.
    #[test]
    fn one_margin_worked_example() {
        let people = vec![vec![0], vec![0], vec![0], vec![1]];
        let r = rake(
            &people,
            &[margin("sex", &[0.5, 0.5])],
            RakingSettings::default(),
        )
        .unwrap();
        assert!(r.converged);
        for w in &r.weights[..3] {
            assert!((w - 2.0 / 3.0).abs() < 1e-9);
        }
        assert!((r.weights[3] - 2.0).abs() < 1e-9);
        assert!((r.effective_sample_size - 3.0).abs() < 1e-9);
    }

    #[test]
    fn two_margins_are_met_at_once() {
        // Age band × area, with the sample leaning young and central.
        let people: Vec<Vec<usize>> = [
            (0, 0, 30),
            (0, 1, 10),
            (1, 0, 15),
            (1, 1, 5),
            (2, 0, 8),
            (2, 1, 12),
        ]
        .iter()
        .flat_map(|&(a, b, n)| std::iter::repeat_n(vec![a, b], n))
        .collect();
        let margins = [margin("age", &[0.3, 0.4, 0.3]), margin("area", &[0.5, 0.5])];
        let r = rake(&people, &margins, RakingSettings::default()).unwrap();
        assert!(r.converged, "{r:?}");
        assert!(r.max_error <= 1e-6);
        assert!(r.iterations < 50);
        assert!(r.effective_sample_size < people.len() as f64);
        assert!(r.effective_sample_size > 0.5 * people.len() as f64);
    }

    #[test]
    fn trimming_bounds_the_weights_and_says_it_did() {
        // One respondent stands for a category that is 40 % of the town.
        let mut people = vec![vec![0]; 99];
        people.push(vec![1]);
        let settings = RakingSettings::default();
        let r = rake(&people, &[margin("area", &[0.6, 0.4])], settings).unwrap();
        let mean = r.weights.iter().sum::<f64>() / r.weights.len() as f64;
        assert!(r.max_weight <= settings.max_ratio * mean + 1e-9);
        assert!(r.trimmed > 0);
        assert!(!r.converged, "the targets cannot be met within the band");
    }

    #[test]
    fn impossible_inputs_are_refused() {
        let m = [margin("sex", &[0.5, 0.5])];
        assert_eq!(
            rake(&[], &m, Default::default()),
            Err(RakingError::NoRespondents)
        );
        assert_eq!(
            rake(&[vec![0], vec![0]], &m, Default::default()),
            Err(RakingError::EmptyCategory {
                margin: "sex".into(),
                category: 1
            })
        );
        assert_eq!(
            rake(&[vec![2]], &m, Default::default()),
            Err(RakingError::WrongShape(0))
        );
        assert_eq!(
            rake(&[vec![0]], &[margin("x", &[0.5, 0.6])], Default::default()),
            Err(RakingError::TargetsNotWhole("x".into()))
        );
    }
}
