//! Themes in one question's free-text answers, offline and deterministic.
//!
//! [`discover`] proposes candidate themes: duplicates collapsed, campaigns
//! and content-free replies set aside (counted, not themed), each answer's
//! stance found, then a spherical k-means over TF-IDF vectors of stemmed
//! words and word pairs (started from a group-average agglomeration of
//! the answers, or of a seeded sample of them when there are many) groups
//! them by their words, and a group is split by side only where its for
//! and its against answers are each enough for a theme ([`Grouping`]):
//! a theme takes the side most of its answers take, and may hold a few
//! of the other side too few to be a theme of their own. The
//! theme-set rules hold by construction: at most `max_themes`, each with
//! at least max(`min_answers`, `min_share` of the answers) (smaller
//! clusters are dissolved into their nearest neighbour or left
//! unassigned), no two with the same label (same-stance themes whose
//! labels coincide are merged) and, since every answer is in at most one
//! candidate theme, no two whose answer sets overlap.
//!
//! [`map`] assigns every answer to zero or more confirmed themes (an
//! analyst's list with labels, descriptions and example answers), with a
//! confidence, and sends low-confidence answers to a review list. Each
//! theme's count carries a 95 % Wilson interval.

mod clustering;
mod corpus;
mod discovery;
mod grouping;
mod likeness;
mod mapping;
pub mod stance;
mod vectors;

use serde::{Deserialize, Serialize};

use crate::duplicates;
use crate::proportion::Proportion;
pub use discovery::{
    discover, discover_with_progress, generated_label, Campaign, CandidateTheme, Discovery, Quote,
};
pub use grouping::Grouping;
pub use stance::{stance, stance_with, Cues, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Options {
    pub seed: u64,
    pub max_themes: usize,
    pub min_answers: usize,
    pub min_share: f64,
    /// Answers whose best theme has a lower confidence go to review.
    pub review_below: f32,
    /// An answer joins every theme whose similarity is at least this
    /// share of its best one.
    pub relative: f32,
    pub duplicates: duplicates::Options,
    /// Words the bilingual lexicon knows become its concepts, so that an
    /// English and an Arabic answer saying the same thing share their
    /// terms (ADR 0028). Off reproduces the words-only method of ADR 0011,
    /// kept to measure against.
    pub lexicon: bool,
    /// Which cue words decide an answer's stance.
    pub cues: Cues,
    /// Whether discovery groups answers by words before stance (ADR 0028,
    /// amended) or by stance before words (ADR 0011).
    pub grouping: Grouping,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            seed: 0,
            max_themes: 70,
            min_answers: 5,
            min_share: 0.001,
            review_below: 0.1,
            relative: 0.7,
            duplicates: duplicates::Options::default(),
            lexicon: true,
            // Words first, then a group split by side only where each side
            // is a theme: the extended cues then leave few answers
            // "unclear" without regrouping distinct topics by stance, and
            // themes are stable across seeds (ADR 28, second amendment).
            cues: Cues::Extended,
            grouping: Grouping::WordsFirst,
        }
    }
}

/// A count with its 95 % Wilson interval, as fractions of the base.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Count {
    pub count: u64,
    pub base: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Count {
    fn of(count: usize, base: usize) -> Self {
        let p = Proportion::wilson(count as u64, base as u64);
        Self {
            count: count as u64,
            base: base as u64,
            share: p.map_or(0.0, |p| p.share),
            low: p.map_or(0.0, |p| p.low),
            high: p.map_or(0.0, |p| p.high),
        }
    }
}

/// A theme confirmed by an analyst.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConfirmedTheme {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// Answers the analyst says belong to the theme.
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assigned {
    pub theme: String,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappedAnswer {
    pub id: String,
    pub stance: Stance,
    pub themes: Vec<Assigned>,
    pub review: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeCount {
    pub id: String,
    pub label: String,
    pub count: Count,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    pub answers: Vec<MappedAnswer>,
    pub counts: Vec<ThemeCount>,
    pub review: Vec<String>,
}

/// Map every answer to zero or more of the confirmed `themes`, each with a
/// confidence in 0..=1. Answers are TF-IDF vectors of stemmed words, word
/// pairs and character 4-grams; a theme scores an answer by the cosine to
/// its label, description and the centre of its examples, plus the
/// similarity to its nearest examples, refined twice towards the answers
/// it takes. An answer takes its best theme and every other within
/// `options.relative` of it (at most three), and every theme it is given
/// as an example of. Fallback themes ("None of the above", "Other", "No
/// reason given", by label) only take answers no other theme takes, or
/// content-free replies. Answers whose best confidence is under
/// `options.review_below` are listed for review. Deterministic; reordering
/// the answers changes nothing but floating-point rounding.
pub fn map(
    ids: &[String],
    texts: &[&str],
    themes: &[ConfirmedTheme],
    options: &Options,
) -> Mapping {
    map_with_progress(ids, texts, themes, options, &mut |_, _| {})
}

/// [`map`], telling `progress(done, total)` how far it has got (units of
/// work, not answers; `done == total` at the end).
pub fn map_with_progress(
    ids: &[String],
    texts: &[&str],
    themes: &[ConfirmedTheme],
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Mapping {
    mapping::map_answers(ids, texts, themes, options, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Six answers about a park and six about buses (one of them three
    /// times more), an endorsement and an empty answer: 17 in all.
    pub(super) fn answers() -> (Vec<String>, Vec<String>) {
        let mut texts = Vec::new();
        let parks = [
            "More trees and benches in the park please",
            "The park needs benches and shade trees",
            "Plant trees in the park and add benches",
            "Benches in the park are broken, fix them and plant trees",
            "Shade trees and new benches for the park",
            "The park benches should be replaced and more trees planted",
        ];
        let buses = [
            "Buses should run later in the evening",
            "Evening buses are too rare, run them later",
            "Run the night buses later and more often",
            "Later buses in the evening would help shift workers",
            "The evening bus service stops far too early",
            "More frequent buses late in the evening",
        ];
        for (a, b) in parks.iter().zip(&buses) {
            texts.push(a.to_string());
            texts.push(b.to_string());
        }
        texts.push("agree 100%".into());
        texts.push("".into());
        for _ in 0..3 {
            texts.push("Buses should run later in the evening".into());
        }
        let ids = (0..texts.len()).map(|i| format!("r{i}")).collect();
        (ids, texts)
    }

    #[test]
    fn maps_to_confirmed_themes_with_confidence_and_review() {
        let (ids, texts) = answers();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let confirmed = vec![
            ConfirmedTheme {
                id: "parks".into(),
                label: "Park benches and trees".into(),
                description: String::new(),
                examples: vec![],
            },
            ConfirmedTheme {
                id: "buses".into(),
                label: "Later evening buses".into(),
                description: "Bus service in the evening".into(),
                examples: vec![],
            },
        ];
        let m = map(&ids, &refs, &confirmed, &Options::default());
        assert_eq!(m.answers.len(), 17);
        assert_eq!(m.answers[0].themes[0].theme, "parks");
        assert_eq!(m.answers[1].themes[0].theme, "buses");
        assert!(m.answers[0].themes[0].confidence > 0.1);
        assert!(m.answers[12].themes.is_empty() && !m.answers[12].review);
        assert_eq!(m.counts[0].count.count, 6);
        assert_eq!(m.counts[1].count.count, 9);
        let empty = map(&[], &[], &confirmed, &Options::default());
        assert!(empty.answers.is_empty());
        let odd = map(&["x".into()], &["zzz qqq"], &confirmed, &Options::default());
        assert!(odd.answers[0].review);
    }
}
