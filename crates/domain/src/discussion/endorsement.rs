//! Comments that only agree with what they answer ("Agree 100%", "Well
//! said", "+1", "أوافق تمامًا"). They add a voice but no content, so the
//! analysis of a thread counts them as endorsements of their parent
//! rather than as comments of their own.

use crate::text::normalise;

/// Words that carry the agreement itself; a comment needs one of them
/// ("+1" is read as "plusone"; Arabic as search folds it: bare alef, teh
/// marbuta as heh).
const AGREEING: &[&str] = &[
    "agree",
    "agreed",
    "plusone",
    "exactly",
    "true",
    "said",
    "yes",
    "correct",
    "absolutely",
    "spot",
    "seconded",
    "ditto",
    "hear",
    "اوافق",
    "موافق",
    "اتفق",
    "متفق",
    "صحيح",
    "صح",
    "بالضبط",
    "نعم",
    "احسنت",
    "صدقت",
    "حق",
];

/// Words that may stand beside them without adding content.
const FILLER: &[&str] = &[
    "i",
    "totally",
    "completely",
    "fully",
    "100",
    "so",
    "very",
    "well",
    "on",
    "more",
    "couldn",
    "t",
    "couldnt",
    "could",
    "not",
    "with",
    "you",
    "this",
    "that",
    "is",
    "it",
    "a",
    "the",
    "here",
    "what",
    "he",
    "she",
    "they",
    "mate",
    "all",
    "way",
    "too",
    "also",
    "really",
    "تماما",
    "جدا",
    "معك",
    "كلام",
    "مليون",
    "١٠٠",
    "انا",
    "والله",
    "اخي",
    "اختي",
    "كل",
    "الكلام",
    "هذا",
];

/// The most words an endorsement has: longer comments say something.
const MAX_WORDS: usize = 8;

/// Whether `text` only agrees: a few words (read as search reads them,
/// punctuation and emoji aside), at least one of them an agreement, the
/// rest filler.
pub fn is_endorsement(text: &str) -> bool {
    let read = normalise(&text.replace("+1", " plusone "));
    let words: Vec<&str> = read
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return false;
    }
    let agrees = |w: &&str| AGREEING.contains(w);
    words.iter().any(agrees) && words.iter().all(|w| agrees(w) || FILLER.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_agreements_are_endorsements() {
        for text in [
            "Agree 100%",
            "agree!!",
            "+1",
            "Well said.",
            "Couldn't agree more",
            "So true",
            "Exactly this 👍",
            "Hear hear",
            "أوافق",
            "أوافق تمامًا",
            "كلام صحيح ١٠٠٪",
            "معك حق",
        ] {
            assert!(is_endorsement(text), "{text:?}");
        }
    }

    #[test]
    fn comments_that_say_something_are_not() {
        for text in [
            "I agree, but the lighting on Mill Lane is the real problem",
            "I don't agree at all",
            "Thanks",
            "This is why people feel unsafe",
            "أوافق لكن الإضاءة في الشارع سيئة جدًا",
            "",
            "100%",
        ] {
            assert!(!is_endorsement(text), "{text:?}");
        }
    }
}
