//! A linear model over hashed n-grams: by default a multinomial logistic
//! regression trained by stochastic gradient descent with AdaGrad step
//! sizes; or one-vs-rest linear SVMs, on naive-Bayes-scaled features or
//! not, solved exactly (see `svm`), with a temperature that turns their
//! margins into softmax probabilities. The order in which either visits
//! the examples comes from a seeded generator, so the same data, options
//! and seed give the same model, bit for bit.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

use super::features::{prepare, vectorise, vectorise_prepared, visit, FeatureConfig, Sparse};
use super::metrics::Evaluation;
use super::svm::{self, stream};

/// How a model is trained.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    pub features: FeatureConfig,
    /// SGD only: passes over the data.
    pub epochs: usize,
    /// SGD only: AdaGrad's base step.
    pub learning_rate: f32,
    /// SGD only: L2 penalty applied to the weights an example touches.
    pub l2: f32,
    /// SGD only: examples of class c weigh (n / (k · n_c))^power: 0
    /// leaves the classes as they are, 1 balances them fully.
    pub class_weight_power: f32,
    pub seed: u64,
    /// Share of the data held out to choose the per-class thresholds
    /// (0 for no thresholds).
    pub holdout: f64,
    /// Choose thresholds and offsets on out-of-fold predictions for all
    /// the training data (1 / holdout folds, each fitted once) rather than
    /// on one held-out part: steadier, at the cost of more fits.
    pub cross_fit: bool,
    /// Precision each class's threshold must reach on the held-out data.
    pub target_precision: f64,
    /// How the weights are fitted. Model files written before this option
    /// existed have no such field and were trained by SGD.
    #[serde(default = "Learner::before_the_option")]
    pub learner: Learner,
    /// Loss weight C of the SVMs, 0.5·|w|² + C·Σ squared hinge (not used
    /// by SGD, whose options are `epochs`, `learning_rate` and `l2`).
    #[serde(default = "default_c")]
    pub c: f32,
}

/// C of the SVMs, chosen by Davidson cross-validation over seeds 0–2 from
/// 0.03, 0.1, 0.2, 0.3 and 1 (macro-F1 0.7515, 0.7592, 0.7603, 0.7593,
/// 0.7535; see BENCHMARKS.md).
fn default_c() -> f32 {
    0.2
}

/// How a model's weights are fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Learner {
    /// One-vs-rest L2-regularised squared-hinge SVMs, solved exactly by
    /// dual coordinate descent, each on the features scaled by their
    /// naive-Bayes log-count ratio for its class (NBSVM).
    NbSvm,
    /// The same SVMs on the unscaled features.
    Svm,
    /// Multinomial logistic regression by SGD with AdaGrad steps for
    /// `epochs` passes. The default.
    Sgd,
}

impl Learner {
    fn before_the_option() -> Self {
        Self::Sgd
    }
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            features: FeatureConfig::default(),
            epochs: 10,
            learning_rate: 0.05,
            l2: 1e-6,
            class_weight_power: 0.0,
            seed: 0,
            // Three folds, each predicted by a model fitted on the other
            // two: the thresholds and offsets come from out-of-fold
            // predictions for all the training data (steadier than one
            // held-out fifth: Davidson and Davidson + MLMA cross-validation
            // rose on 4 of 5 seeds; see BENCHMARKS.md).
            holdout: 1.0 / 3.0,
            cross_fit: true,
            target_precision: 0.9,
            learner: Learner::Sgd,
            c: default_c(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("training needs examples of at least two classes; found {0}")]
    TooFewClasses(usize),
    #[error("{0} texts but {1} labels")]
    LengthMismatch(usize, usize),
    #[error("label {0:?} was not seen in training; the model knows: {1}")]
    UnknownLabel(String, String),
    #[error("not a moderation model file ({0})")]
    BadFile(String),
    #[error("this model file was written by an earlier version of Cohesion whose features differ; train the model again with `cohesion analyse moderation train`")]
    OldFormat,
    #[error("cannot read or write the model: {0}")]
    Io(#[from] std::io::Error),
}

/// A trained classifier.
#[derive(Debug, Clone)]
pub struct Model {
    pub labels: Vec<String>,
    pub options: TrainOptions,
    /// Per class: the probability from which a text is flagged as that
    /// class, chosen on held-out data to reach the target precision;
    /// `None` when no threshold reached it.
    pub thresholds: Vec<Option<f32>>,
    /// Per class: added to the log-probability before the most likely
    /// class is picked, chosen on held-out data to maximise macro-F1 (so a
    /// rare class is not drowned by a frequent one). Zero without holdout.
    pub offsets: Vec<f32>,
    pub training_examples: usize,
    /// bucket-major: weights[bucket * classes + class].
    weights: Vec<f32>,
    bias: Vec<f32>,
}

/// One text's result.
#[derive(Debug, Clone, Serialize)]
pub struct Prediction {
    pub label: usize,
    pub probabilities: Vec<f32>,
}

/// An n-gram and how much it pushed the score of a class (its weight for
/// that class minus its average weight over the classes, times its value).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Contribution {
    pub ngram: String,
    pub weight: f32,
}

/// Label names in a stable order (numerically when every label is an
/// integer) and each example's class index.
pub fn index_labels(labels: &[String]) -> (Vec<String>, Vec<usize>) {
    let mut names: Vec<String> = labels.iter().map(|l| l.trim().to_string()).collect();
    names.sort();
    names.dedup();
    if names.iter().all(|n| n.parse::<i64>().is_ok()) {
        names.sort_by_key(|n| n.parse::<i64>().unwrap_or(0));
    }
    let map: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let y = labels.iter().map(|l| map[l.trim()]).collect();
    (names, y)
}

/// Labelled examples as training and cross-validation take them.
struct Examples {
    /// The class names, in the order of `index_labels`.
    names: Vec<String>,
    /// Each example's class.
    y: Vec<usize>,
    /// Each example's features.
    x: Vec<Sparse>,
}

impl Examples {
    /// Refuses texts and labels of different lengths, and fewer than two
    /// classes; then indexes the labels and vectorises the texts.
    fn checked(
        texts: &[&str],
        labels: &[String],
        features: &FeatureConfig,
    ) -> Result<Examples, ModelError> {
        if texts.len() != labels.len() {
            return Err(ModelError::LengthMismatch(texts.len(), labels.len()));
        }
        let (names, y) = index_labels(labels);
        if names.len() < 2 {
            return Err(ModelError::TooFewClasses(names.len()));
        }
        let x = vectorise_all(texts, features);
        Ok(Examples { names, y, x })
    }
}

/// Vectorise many texts.
pub fn vectorise_all(texts: &[&str], config: &FeatureConfig) -> Vec<Sparse> {
    texts
        .iter()
        .map(|t| {
            let mut v = Vec::new();
            vectorise(t, config, &mut v);
            v
        })
        .collect()
}

/// Split example indices into `folds` stratified folds (each class dealt
/// round-robin after a seeded shuffle).
pub fn stratified_folds(y: &[usize], classes: usize, folds: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut rng = stream(seed);
    let folds = folds.max(1);
    let mut out = vec![Vec::new(); folds];
    let mut next = 0;
    for c in 0..classes {
        let mut members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == c).collect();
        rng.shuffle(&mut members);
        for i in members {
            out[next % folds].push(i);
            next += 1;
        }
    }
    for f in &mut out {
        f.sort_unstable();
    }
    out
}

struct Fitted {
    weights: Vec<f32>,
    bias: Vec<f32>,
}

fn softmax_in_place(z: &mut [f32]) {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

fn logits(weights: &[f32], bias: &[f32], x: &[(u32, f32)], out: &mut [f32]) {
    let k = bias.len();
    out.copy_from_slice(bias);
    for &(b, v) in x {
        let row = &weights[b as usize * k..b as usize * k + k];
        for c in 0..k {
            out[c] += row[c] * v;
        }
    }
}

fn fit(x: &[Sparse], y: &[usize], rows: &[usize], k: usize, o: &TrainOptions) -> Fitted {
    match o.learner {
        Learner::Sgd => fit_sgd(x, y, rows, k, o),
        Learner::Svm | Learner::NbSvm => {
            let settings = svm::Settings {
                bits: o.features.bits,
                c: f64::from(o.c),
                nb_scaling: o.learner == Learner::NbSvm,
                seed: o.seed,
            };
            let (weights, bias) = svm::fit_one_vs_rest(x, y, rows, k, settings);
            Fitted { weights, bias }
        }
    }
}

/// Multinomial logistic regression by SGD with AdaGrad steps.
fn fit_sgd(x: &[Sparse], y: &[usize], rows: &[usize], k: usize, o: &TrainOptions) -> Fitted {
    let buckets = 1usize << o.features.bits;
    // Each bucket's k weights and then their k AdaGrad sums side by side,
    // so that an update touches one cache line rather than two.
    let stride = 2 * k;
    let mut state = vec![0f32; buckets * stride];
    let mut bias = vec![0f32; k];
    let mut bias_g2 = vec![0f32; k];
    let mut counts = vec![0usize; k];
    for &i in rows {
        counts[y[i]] += 1;
    }
    let class_weight: Vec<f32> = counts
        .iter()
        .map(|&n| {
            if n == 0 {
                0.0
            } else {
                (rows.len() as f32 / (k as f32 * n as f32)).powf(o.class_weight_power)
            }
        })
        .collect();
    let mut order = rows.to_vec();
    let mut rng = stream(o.seed);
    let mut z = vec![0f32; k];
    let mut grad = vec![0f32; k];
    const EPS: f32 = 1e-8;
    for _ in 0..o.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let xi = &x[i];
            z.copy_from_slice(&bias);
            for &(b, v) in xi {
                let row = &state[b as usize * stride..b as usize * stride + k];
                for c in 0..k {
                    z[c] += row[c] * v;
                }
            }
            softmax_in_place(&mut z);
            let cw = class_weight[y[i]];
            for c in 0..k {
                grad[c] = cw * (z[c] - f32::from(u8::from(c == y[i])));
                bias_g2[c] += grad[c] * grad[c];
                bias[c] -= o.learning_rate * grad[c] / (bias_g2[c] + EPS).sqrt();
            }
            for &(b, v) in xi {
                let cell = &mut state[b as usize * stride..b as usize * stride + stride];
                let (w, g2) = cell.split_at_mut(k);
                for c in 0..k {
                    let g = grad[c] * v + o.l2 * w[c];
                    g2[c] += g * g;
                    w[c] -= o.learning_rate * g / (g2[c] + EPS).sqrt();
                }
            }
        }
    }
    let mut weights = Vec::with_capacity(buckets * k);
    for cell in state.chunks_exact(stride) {
        weights.extend_from_slice(&cell[..k]);
    }
    Fitted { weights, bias }
}

impl Model {
    /// Train on `texts` with string `labels` (integers are fine: "0", "1").
    pub fn train(
        texts: &[&str],
        labels: &[String],
        options: &TrainOptions,
    ) -> Result<Self, ModelError> {
        let Examples { names, y, x } = Examples::checked(texts, labels, &options.features)?;
        let k = names.len();
        let all: Vec<usize> = (0..y.len()).collect();
        let (fitted, thresholds, offsets) = fit_calibrated(&x, &y, &all, k, options);
        Ok(Self {
            labels: names,
            options: *options,
            thresholds,
            offsets,
            training_examples: texts.len(),
            weights: fitted.weights,
            bias: fitted.bias,
        })
    }

    /// Class probabilities and the most likely class.
    pub fn predict(&self, text: &str) -> Prediction {
        let mut x = Vec::new();
        vectorise(text, &self.options.features, &mut x);
        self.predict_vector(&x)
    }

    fn predict_vector(&self, x: &[(u32, f32)]) -> Prediction {
        let mut z = vec![0f32; self.labels.len()];
        logits(&self.weights, &self.bias, x, &mut z);
        softmax_in_place(&mut z);
        let label = decide(&z, &self.offsets);
        Prediction {
            label,
            probabilities: z,
        }
    }

    /// The labels whose threshold this prediction reaches.
    pub fn flags(&self, prediction: &Prediction) -> Vec<&str> {
        self.thresholds
            .iter()
            .zip(&prediction.probabilities)
            .zip(&self.labels)
            .filter(|((t, &p), _)| t.is_some_and(|t| p >= t))
            .map(|(_, l)| l.as_str())
            .collect()
    }

    /// The `top` n-grams that pushed `text` towards `class` (or away from
    /// it, with a negative weight), strongest first.
    pub fn explain(&self, text: &str, class: usize, top: usize) -> Vec<Contribution> {
        let prepared = prepare(text, &self.options.features);
        let mut x = Vec::new();
        vectorise_prepared(&prepared, &self.options.features, &mut x);
        self.contributions(&prepared, &x, class, top)
    }

    /// [`Model::predict`] and [`Model::explain`] of the predicted class in
    /// one pass over the text.
    pub fn predict_explained(&self, text: &str, top: usize) -> (Prediction, Vec<Contribution>) {
        let prepared = prepare(text, &self.options.features);
        let mut x = Vec::new();
        vectorise_prepared(&prepared, &self.options.features, &mut x);
        let prediction = self.predict_vector(&x);
        let why = self.contributions(&prepared, &x, prediction.label, top);
        (prediction, why)
    }

    fn contributions(
        &self,
        prepared: &str,
        x: &[(u32, f32)],
        class: usize,
        top: usize,
    ) -> Vec<Contribution> {
        let k = self.labels.len();
        // Each bucket's push: its weight for the class minus its mean
        // weight over the classes, times its value.
        let mut pushes: Vec<(u32, f32)> = x
            .iter()
            .map(|&(b, v)| {
                let row = &self.weights[b as usize * k..b as usize * k + k];
                let mean = row.iter().sum::<f32>() / k as f32;
                (b, (row[class] - mean) * v)
            })
            .collect();
        pushes.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        pushes.truncate(top);
        // Name each chosen bucket by the first n-gram of the text in it.
        let mask = (1u64 << self.options.features.bits) - 1;
        let mut names: Vec<Option<String>> = vec![None; pushes.len()];
        visit(prepared, &self.options.features, |h, piece| {
            let b = (h & mask) as u32;
            if let Some(i) = pushes.iter().position(|&(pb, _)| pb == b) {
                if names[i].is_none() {
                    names[i] = Some(piece.describe());
                }
            }
        });
        pushes
            .into_iter()
            .zip(names)
            .map(|((_, weight), name)| Contribution {
                ngram: name.unwrap_or_default(),
                weight,
            })
            .collect()
    }

    /// Compare predictions on `texts` with their true `labels`.
    pub fn evaluate(&self, texts: &[&str], labels: &[String]) -> Result<Evaluation, ModelError> {
        if texts.len() != labels.len() {
            return Err(ModelError::LengthMismatch(texts.len(), labels.len()));
        }
        let mut pairs = Vec::with_capacity(texts.len());
        for (t, l) in texts.iter().zip(labels) {
            let truth = self
                .labels
                .iter()
                .position(|n| n == l.trim())
                .ok_or_else(|| ModelError::UnknownLabel(l.clone(), self.labels.join(", ")))?;
            pairs.push((truth, self.predict(t).label));
        }
        Ok(Evaluation::from_pairs(&self.labels, pairs))
    }

    /// Format 2: features gained spelling clean-up and negation marks, so
    /// the same buckets no longer mean the same n-grams as in format 1.
    const MAGIC: &'static [u8; 16] = b"COHESION-MOD-V2\n";
    const OLD_MAGICS: [&'static [u8; 16]; 1] = [b"COHESION-MOD-V1\n"];

    /// Write the model: a magic line, a JSON header, then the weights as
    /// little-endian f32.
    pub fn save(&self, mut w: impl Write) -> Result<(), ModelError> {
        let header = Header {
            labels: self.labels.clone(),
            options: self.options,
            thresholds: self.thresholds.clone(),
            offsets: self.offsets.clone(),
            training_examples: self.training_examples,
            bias: self.bias.clone(),
        };
        let json = serde_json::to_vec(&header).map_err(|e| ModelError::BadFile(e.to_string()))?;
        w.write_all(Self::MAGIC)?;
        w.write_all(&(json.len() as u64).to_le_bytes())?;
        w.write_all(&json)?;
        let mut buf = Vec::with_capacity(self.weights.len() * 4);
        for v in &self.weights {
            buf.extend_from_slice(&v.to_le_bytes());
        }
        w.write_all(&buf)?;
        Ok(())
    }

    /// Read a model written by [`Model::save`], checking every length.
    pub fn load(mut r: impl Read) -> Result<Self, ModelError> {
        let mut magic = [0u8; 16];
        r.read_exact(&mut magic)
            .map_err(|_| ModelError::BadFile("too short".into()))?;
        if Self::OLD_MAGICS.contains(&&magic) {
            return Err(ModelError::OldFormat);
        }
        if &magic != Self::MAGIC {
            return Err(ModelError::BadFile("wrong magic bytes".into()));
        }
        let mut len = [0u8; 8];
        r.read_exact(&mut len)
            .map_err(|_| ModelError::BadFile("truncated header".into()))?;
        let len = u64::from_le_bytes(len);
        if len > 16 << 20 {
            return Err(ModelError::BadFile("header too large".into()));
        }
        let mut json = vec![0u8; len as usize];
        r.read_exact(&mut json)
            .map_err(|_| ModelError::BadFile("truncated header".into()))?;
        let h: Header =
            serde_json::from_slice(&json).map_err(|e| ModelError::BadFile(e.to_string()))?;
        let k = h.labels.len();
        if k < 2
            || h.bias.len() != k
            || h.thresholds.len() != k
            || h.offsets.len() != k
            || h.options.features.word_max > 8
            || h.options.features.char_max > 16
            || !(1..=28).contains(&h.options.features.bits)
        {
            return Err(ModelError::BadFile("inconsistent header".into()));
        }
        // No allocation from the header's word alone: the buffer grows
        // only as far as the file really goes.
        let expected = (1u64 << h.options.features.bits)
            .checked_mul(k as u64)
            .and_then(|n| n.checked_mul(4))
            .filter(|&b| b <= 1 << 34)
            .ok_or_else(|| ModelError::BadFile("weights too large".into()))?;
        let mut bytes = Vec::new();
        r.take(expected + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != expected {
            return Err(ModelError::BadFile(format!(
                "expected {expected} bytes of weights, found {}",
                bytes.len()
            )));
        }
        let weights = bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Self {
            labels: h.labels,
            options: h.options,
            thresholds: h.thresholds,
            offsets: h.offsets,
            training_examples: h.training_examples,
            weights,
            bias: h.bias,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    labels: Vec<String>,
    options: TrainOptions,
    thresholds: Vec<Option<f32>>,
    offsets: Vec<f32>,
    training_examples: usize,
    bias: Vec<f32>,
}

/// Fit on `rows`; when `holdout` is set, first fit on part of them and
/// choose the thresholds and decision offsets on the rest (for the SVMs,
/// after the temperature that makes their margins probabilities), then
/// refit on all `rows` and keep those.
fn fit_calibrated(
    x: &[Sparse],
    y: &[usize],
    rows: &[usize],
    k: usize,
    o: &TrainOptions,
) -> (Fitted, Vec<Option<f32>>, Vec<f32>) {
    let mut thresholds = vec![None; k];
    let mut offsets = vec![0f32; k];
    let mut scale = 1f32;
    if o.holdout > 0.0 && o.holdout < 1.0 {
        let sub_y: Vec<usize> = rows.iter().map(|&i| y[i]).collect();
        let folds = ((1.0 / o.holdout).round() as usize).max(2);
        let split = stratified_folds(&sub_y, k, folds, o.seed ^ 0x5eed);
        let used = if o.cross_fit { folds } else { 1 };
        let mut probs = Vec::new();
        let mut held = Vec::new();
        let mut z = vec![0f32; k];
        for part in &split[..used] {
            let mut is_held = vec![false; rows.len()];
            for &j in part {
                is_held[j] = true;
            }
            let train: Vec<usize> = (0..rows.len())
                .filter(|&j| !is_held[j])
                .map(|j| rows[j])
                .collect();
            let fitted = fit(x, y, &train, k, o);
            for &j in part {
                let i = rows[j];
                logits(&fitted.weights, &fitted.bias, &x[i], &mut z);
                probs.push(z.clone());
                held.push(i);
            }
        }
        let truth: Vec<usize> = held.iter().map(|&i| y[i]).collect();
        // SVM margins are not log-probabilities: the temperature that
        // makes their softmax fit the held-out labels best turns them
        // into some, and is folded into the final weights below.
        if o.learner != Learner::Sgd {
            scale = svm::temperature(&probs, &truth);
        }
        for p in &mut probs {
            p.iter_mut().for_each(|v| *v *= scale);
            softmax_in_place(p);
        }
        for (c, t) in thresholds.iter_mut().enumerate() {
            *t = threshold_for_precision(&probs, &truth, c, o.target_precision);
        }
        offsets = offsets_for_macro_f1(&probs, &truth, k);
    }
    let mut fitted = fit(x, y, rows, k, o);
    if scale != 1.0 {
        fitted.weights.iter_mut().for_each(|w| *w *= scale);
        fitted.bias.iter_mut().for_each(|b| *b *= scale);
    }
    (fitted, thresholds, offsets)
}

/// The class with the highest log-probability plus its offset.
fn decide(p: &[f32], offsets: &[f32]) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (c, (&pc, &off)) in p.iter().zip(offsets).enumerate() {
        let score = pc.max(1e-30).ln() + off;
        if score > best_score {
            best = c;
            best_score = score;
        }
    }
    best
}

/// Offsets on the log-probabilities that maximise macro-F1 on held-out
/// examples: coordinate ascent over a grid, class 0 fixed at zero,
/// smallest change preferred on ties.
fn offsets_for_macro_f1(probs: &[Vec<f32>], truth: &[usize], k: usize) -> Vec<f32> {
    let macro_f1 = |off: &[f32]| {
        let mut confusion = vec![vec![0u64; k]; k];
        for (p, &t) in probs.iter().zip(truth) {
            confusion[t][decide(p, off)] += 1;
        }
        let mut sum = 0.0;
        for (c, row) in confusion.iter().enumerate() {
            let tp = row[c] as f64;
            let predicted: u64 = confusion.iter().map(|r| r[c]).sum();
            let support: u64 = row.iter().sum();
            if tp > 0.0 {
                sum += 2.0 * tp / (predicted + support) as f64;
            }
        }
        sum / k as f64
    };
    let mut off = vec![0f32; k];
    let mut best = macro_f1(&off);
    for _round in 0..2 {
        for c in 1..k {
            let current = off[c];
            let mut chosen = current;
            for step in -20..=20 {
                let candidate = step as f32 * 0.1;
                off[c] = candidate;
                let f = macro_f1(&off);
                if f > best + 1e-9 || (f >= best - 1e-9 && candidate.abs() < chosen.abs()) {
                    if f > best {
                        best = f;
                    }
                    chosen = candidate;
                }
            }
            off[c] = chosen;
        }
    }
    off
}

/// The lowest probability from which flagging class `c` reaches
/// `target` precision on these examples (needing at least 5 flagged);
/// `None` when no cut-off does.
fn threshold_for_precision(
    probs: &[Vec<f32>],
    truth: &[usize],
    c: usize,
    target: f64,
) -> Option<f32> {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b][c].total_cmp(&probs[a][c]).then(a.cmp(&b)));
    let mut tp = 0usize;
    let mut best = None;
    for (n, &i) in order.iter().enumerate() {
        tp += usize::from(truth[i] == c);
        let flagged = n + 1;
        // Only cut between distinct scores.
        let next_differs = order.get(n + 1).is_none_or(|&j| probs[j][c] < probs[i][c]);
        if flagged >= 5 && next_differs && tp as f64 / flagged as f64 >= target {
            best = Some(probs[i][c]);
        }
    }
    best
}

/// K-fold stratified cross-validation: each fold predicted by a model
/// trained on the others. Returns every fold's evaluation and the pooled
/// one (all out-of-fold predictions together).
pub fn cross_validate(
    texts: &[&str],
    labels: &[String],
    folds: usize,
    options: &TrainOptions,
) -> Result<(Vec<Evaluation>, Evaluation), ModelError> {
    let Examples { names, y, x } = Examples::checked(texts, labels, &options.features)?;
    let k = names.len();
    let split = stratified_folds(&y, k, folds, options.seed);
    let mut per_fold = Vec::new();
    let mut pooled = Vec::new();
    let mut held_mask = vec![false; y.len()];
    for fold in &split {
        held_mask.iter_mut().for_each(|m| *m = false);
        for &i in fold {
            held_mask[i] = true;
        }
        let train: Vec<usize> = (0..y.len()).filter(|&i| !held_mask[i]).collect();
        let (fitted, _, offsets) = fit_calibrated(&x, &y, &train, k, options);
        let mut z = vec![0f32; k];
        let mut pairs = Vec::with_capacity(fold.len());
        for &i in fold {
            logits(&fitted.weights, &fitted.bias, &x[i], &mut z);
            softmax_in_place(&mut z);
            pairs.push((y[i], decide(&z, &offsets)));
        }
        pooled.extend_from_slice(&pairs);
        per_fold.push(Evaluation::from_pairs(&names, pairs));
    }
    Ok((per_fold, Evaluation::from_pairs(&names, pooled)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<&'static str>, Vec<String>) {
        let mut texts = Vec::new();
        let mut labels = Vec::new();
        for _ in 0..10 {
            for t in [
                "you are a horrible idiot",
                "idiot go away",
                "stupid horrible troll",
            ] {
                texts.push(t);
                labels.push("abusive".to_string());
            }
            for t in [
                "thanks for the lovely park",
                "the library opens at nine",
                "great idea, thank you",
            ] {
                texts.push(t);
                labels.push("fine".to_string());
            }
        }
        (texts, labels)
    }

    fn small() -> TrainOptions {
        TrainOptions {
            features: FeatureConfig {
                bits: 12,
                ..FeatureConfig::default()
            },
            ..TrainOptions::default()
        }
    }

    #[test]
    fn learns_separable_classes_and_explains() {
        let (texts, labels) = toy();
        for learner in [Learner::NbSvm, Learner::Svm, Learner::Sgd] {
            let options = TrainOptions { learner, ..small() };
            let model = Model::train(&texts, &labels, &options).unwrap();
            assert_eq!(model.labels, vec!["abusive", "fine"]);
            let p = model.predict("what an idiot");
            assert_eq!(model.labels[p.label], "abusive", "{learner:?}");
            assert!((p.probabilities.iter().sum::<f32>() - 1.0).abs() < 1e-5);
            assert!(p.probabilities[p.label] > 0.5, "{learner:?}: {p:?}");
            assert_eq!(
                model.labels[model.predict("thank you for the park").label],
                "fine",
                "{learner:?}"
            );
            // The strongest push is from "idiot"; only its n-grams push
            // towards "abusive", and every n-gram named is in the text.
            let why = model.explain("what an idiot", p.label, 3);
            assert_eq!(why.len(), 3);
            assert!(
                why[0].ngram.contains("di") && why[0].weight > 0.0,
                "{why:?}"
            );
            for c in &why {
                let piece = c.ngram.trim_matches(|ch| ch == '“' || ch == '”');
                assert!(
                    c.weight <= 0.0 || " idiot ".contains(piece),
                    "{learner:?}: {why:?}"
                );
                assert!(" what an idiot ".contains(piece), "{learner:?}: {why:?}");
            }
            let e = model.evaluate(&texts, &labels).unwrap();
            assert_eq!(e.macro_f1, 1.0, "{learner:?}");
        }
    }

    #[test]
    fn files_from_before_the_learner_option_read_as_sgd() {
        let (texts, labels) = toy();
        let options = TrainOptions {
            learner: Learner::NbSvm,
            ..small()
        };
        let model = Model::train(&texts, &labels, &options).unwrap();
        let mut bytes = Vec::new();
        model.save(&mut bytes).unwrap();
        // Rewrite the header as an earlier version wrote it: no learner,
        // no C.
        let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
        let mut header: serde_json::Value = serde_json::from_slice(&bytes[24..24 + len]).unwrap();
        let options = header["options"].as_object_mut().unwrap();
        assert!(options.remove("learner").is_some() && options.remove("c").is_some());
        let json = serde_json::to_vec(&header).unwrap();
        let mut old = bytes[..16].to_vec();
        old.extend_from_slice(&(json.len() as u64).to_le_bytes());
        old.extend_from_slice(&json);
        old.extend_from_slice(&bytes[24 + len..]);
        let read = Model::load(&old[..]).unwrap();
        assert_eq!(read.options.learner, Learner::Sgd);
        assert_eq!(read.weights, model.weights);
    }

    #[test]
    fn same_seed_same_model_and_round_trip() {
        let (texts, labels) = toy();
        let a = Model::train(&texts, &labels, &small()).unwrap();
        let b = Model::train(&texts, &labels, &small()).unwrap();
        assert_eq!(a.weights, b.weights);
        let mut bytes = Vec::new();
        a.save(&mut bytes).unwrap();
        let mut again = Vec::new();
        b.save(&mut again).unwrap();
        assert!(bytes == again, "same data and seed, same file");
        let c = Model::load(&bytes[..]).unwrap();
        assert_eq!(c.weights, a.weights);
        assert_eq!(c.labels, a.labels);
        assert_eq!(c.thresholds, a.thresholds);
        assert!(Model::load(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::load(&b"nonsense"[..]).is_err());
        // A file of the first format is refused with advice, not misread.
        let mut old = bytes.clone();
        old[..16].copy_from_slice(b"COHESION-MOD-V1\n");
        let err = Model::load(&old[..]).unwrap_err();
        assert!(matches!(err, ModelError::OldFormat), "{err}");
        assert!(err.to_string().contains("train the model again"));
    }

    #[test]
    fn integer_labels_sort_numerically_and_bad_input_errors() {
        let labels: Vec<String> = ["10", "2", "2", "10"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(index_labels(&labels).0, vec!["2", "10"]);
        let one = vec!["a".to_string(); 3];
        assert!(matches!(
            Model::train(&["x", "y", "z"], &one, &small()),
            Err(ModelError::TooFewClasses(1))
        ));
        let (texts, labels) = toy();
        let model = Model::train(&texts, &labels, &small()).unwrap();
        assert!(model.evaluate(&["x"], &["other".to_string()]).is_err());
        // Empty and huge texts score without trouble.
        model.predict("");
        model.predict(&"ab ".repeat(40_000));
    }

    #[test]
    fn thresholds_reach_the_target_on_the_data_they_came_from() {
        let probs: Vec<Vec<f32>> = (0..20)
            .map(|i| vec![i as f32 / 20.0, 1.0 - i as f32 / 20.0])
            .collect();
        let truth: Vec<usize> = (0..20).map(|i| usize::from(i < 12)).collect();
        // Class 0 is the top 8 by probability: threshold at 12/20.
        assert_eq!(threshold_for_precision(&probs, &truth, 0, 1.0), Some(0.6));
        assert_eq!(threshold_for_precision(&probs, &truth, 0, 0.99), Some(0.6));
    }
}
