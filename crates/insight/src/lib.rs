//! The analysis engine: numbers computed from what people answered, with
//! no database and no web server, so that every figure a page shows can be
//! checked by a unit test.
//!
//! - [`proportion`]: shares with 95 % confidence intervals (Wilson).
//! - [`disclosure`]: small counts and totals suppressed so that nobody
//!   can be picked out, with secondary suppression so that no hidden
//!   figure can be worked out from the totals and the figures shown.
//! - [`weighted`]: shares of weighted respondents, with intervals on the
//!   effective base.
//! - [`raking`]: weights to population margins, trimmed, with a
//!   convergence report and the effective sample size.
//! - [`themes`]: candidate themes for one question's answers, split by
//!   stance, and the mapping of answers to confirmed themes.
//! - [`text`]: the text pipeline (normalisation, language, words, stems,
//!   stop words, personal data masked) for English, Arabic and Arabizi.
//! - [`opinions`]: opinion groups from agree / disagree / pass votes
//!   (Pol.is-class): projection, groups, representative and consensus
//!   statements, group-aware consensus, for whole or live conversations.
//! - [`duplicates`]: exact and near-duplicate answers (MinHash with LSH),
//!   campaigns and content-free endorsements.
//! - [`discussion`]: a discussion thread's duplicates, endorsements,
//!   screening reasons and themes, by comment id.
//! - [`import`]: answers and labelled examples read from CSV and JSON Lines.
//! - [`moderation`]: a linear classifier over hashed n-grams, trained from
//!   labelled examples, with per-class metrics, thresholds and explanations.
//! - [`random`]: the one seeded generator (SplitMix64) behind every random
//!   draw, so that results repeat bit for bit.

pub mod disclosure;
pub mod discussion;
pub mod duplicates;
pub mod import;
pub mod moderation;
pub mod opinions;
pub mod proportion;
pub mod raking;
pub mod random;
pub mod text;
pub mod themes;
pub mod weighted;
