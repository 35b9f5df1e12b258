//! Moderation classifiers trained from labelled examples the user
//! supplies (no third-party data is built in): a linear model over hashed
//! word and character n-grams, with per-class precision, recall and F1,
//! thresholds chosen on held-out data for a target precision, and an
//! explanation of every score (the n-grams that drove it).

pub mod features;
pub mod metrics;
pub mod model;
mod svm;

pub use features::FeatureConfig;
pub use metrics::{ClassMetrics, Evaluation};
pub use model::{
    cross_validate, Contribution, Learner, Model, ModelError, Prediction, TrainOptions,
};
