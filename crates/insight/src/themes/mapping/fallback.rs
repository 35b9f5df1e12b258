//! Fallback themes ("None of the above", "Other", "No reason given"),
//! known by their label, and the key that finds an answer given as an
//! example.

use crate::text::{normalise, tokenise};

/// Themes an analyst keeps for answers the others do not take, known by
/// their label (the names consultation tools give them, English and
/// Arabic): never scored on words, only given when nothing else fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Fallback {
    /// "None of the above", "Other": answers with content that no other
    /// theme took.
    Other,
    /// "No reason given": content-free and empty replies.
    NoReason,
}

pub(super) fn fallback(label: &str) -> Option<Fallback> {
    const OTHER: &[&str] = &[
        "none of the above",
        "other",
        "others",
        "other reasons",
        "something else",
        "أخرى",
        "غير ذلك",
        "لا شيء مما سبق",
    ];
    const NO_REASON: &[&str] = &[
        "no reason given",
        "no reason",
        "no answer",
        "no substantive answer",
        "لا يوجد سبب",
        "بدون سبب",
    ];
    let label = key(&normalise(label));
    let is = |list: &[&str]| list.iter().any(|l| key(&normalise(l)) == label);
    if is(OTHER) {
        Some(Fallback::Other)
    } else if is(NO_REASON) {
        Some(Fallback::NoReason)
    } else {
        None
    }
}

/// The key an example and an answer share when they are the same text
/// (normalised).
pub(super) fn key(normalised: &str) -> String {
    tokenise(normalised).join(" ")
}
