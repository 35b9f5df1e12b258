//! Where an answer stands on the question asked: agree, disagree or
//! unclear, from cue words and phrases (English and Arabic), the opening
//! sentence counting double. Deliberately cautious: "unclear" is better
//! than a wrong side, because a theme is split by side where each side
//! has enough answers to be a theme of its own.
//!
//! To an open question ("What else should we do?") most answers ask for
//! something; asking is taken as being for it (agree), objecting to
//! something as against (disagree). [`Cues::Extended`] (ADR 0028) reads
//! those: requests ("please", "we need", "should", "would help", an imperative
//! opening a sentence; "من فضلكم", "نحتاج", "يجب", the Arabic plural
//! imperative "أصلحوا", "موّلوا" …) count for, a negated request ("we do not need",
//! "لسنا بحاجة", the prohibitive "لا تركّبوا") and objections ("a waste",
//! "no more", "لا لـ…") count against, and Arabic negation ("لن", "لم",
//! "ليس", "غير") turns a cue round as English "not" does. Requests are
//! weaker cues than "I agree": one decides an opening sentence, not a later
//! one. [`Cues::Original`] is the rule of issue 6, kept to measure against.

use serde::{Deserialize, Serialize};

use crate::text::{normalise, tokenise};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Agree,
    Disagree,
    Unclear,
}

impl Stance {
    /// The stance as stored and as discovery's labels end: `agree`,
    /// `disagree` or `unclear`.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Disagree => "disagree",
            Stance::Unclear => "unclear",
        }
    }
}

/// Which cues decide a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cues {
    /// Agreement and disagreement words only (issue 6).
    Original,
    /// Those, and requests, objections and Arabic negation (ADR 0028).
    Extended,
}

// Words are matched after `normalise` (so "أوافق" is written "اوافق").
const AGREE_WORDS: &[&str] = &[
    "yes",
    "agree",
    "agreed",
    "support",
    "supportive",
    "absolutely",
    "definitely",
    "favour",
    "favor",
    "welcome",
    "overdue",
    "نعم",
    "اوافق",
    "موافق",
    "اؤيد",
    "مؤيد",
    "ضروري",
];
const DISAGREE_WORDS: &[&str] = &[
    "no",
    "disagree",
    "oppose",
    "opposed",
    "against",
    "excessive",
    "unnecessary",
    "overreach",
    "pointless",
    "ridiculous",
    "nanny",
    "unfair",
    "wrong",
    "won't",
    "wouldn't",
    "shouldn't",
    "don't",
    "doesn't",
    "not",
    "never",
    "لا",
    "ارفض",
    "اعارض",
    "معارض",
    "ضد",
];

/// Agreement the original list lacked (Arabic above all).
const MORE_AGREE: &[&str] = &[
    "agrees",
    "supports",
    "نؤيد",
    "نوافق",
    "موافقون",
    "مؤيدون",
    "ادعم",
    "ندعم",
    "اكيد",
    "بالتاكيد",
    "طبعا",
    "ارحب",
    "نرحب",
];
/// Objection the original list lacked.
const MORE_DISAGREE: &[&str] = &[
    "opposes",
    "disagrees",
    "waste",
    "terrible",
    "unacceptable",
    "نرفض",
    "نعارض",
    "معارضون",
    "اهدار",
    "هدر",
    "مضيعه",
    "سيئه",
    "ظلم",
    "مرفوض",
];
/// Requests: weaker than agreement, and turned round by a negation.
const REQUEST_WORDS: &[&str] = &[
    "please",
    "should",
    "need",
    "needs",
    "must",
    "want",
    "more",
    "better",
    "improve",
    "يجب",
    "ينبغي",
    "نحتاج",
    "يحتاج",
    "تحتاج",
    "بحاجه",
    "نريد",
    "اريد",
    "يريد",
    "ارجو",
    "نرجو",
    "رجاء",
    "مزيد",
    "مزيدا",
    "المزيد",
    "سيساعد",
    "ستساعد",
    "سيجمع",
    "سيقرب",
    "سيجعل",
    "ستجعل",
    "افضل",
    "فضلكم",
    "فضلك",
];
/// English verbs that ask for something when they open a sentence.
const IMPERATIVES: &[&str] = &[
    "add", "bring", "build", "clean", "create", "extend", "fix", "fund", "give", "install",
    "invest", "keep", "let", "light", "make", "open", "organise", "organize", "plant", "provide",
    "put", "remove", "reopen", "repair", "run", "stop", "support", "teach", "tell", "train",
    "work",
];
/// Words that turn the cue after them round.
const NEGATORS: &[&str] = &[
    "not", "don't", "never", "no", "لا", "لن", "لم", "ليس", "ليست", "لسنا", "لست", "غير", "ما", "مش",
];
/// Objections made of words that are harmless alone.
const OBJECTIONS: &[&[&str]] = &[
    &["no", "more"],
    &["not", "the", "answer"],
    &["not", "the", "solution"],
    &["will", "not", "solve"],
    &["won't", "solve"],
    &["do", "not", "work"],
    &["don't", "work"],
    &["does", "not", "work"],
    &["doesn't", "work"],
    &["bad", "idea"],
    &["ليست", "الحل"],
    &["ليس", "الحل"],
    &["لا", "ينفع"],
    &["لن", "تحل"],
    &["لن", "يحل"],
];

/// The stance of `answer` relative to the question it answers.
pub fn stance(answer: &str) -> Stance {
    stance_with(answer, Cues::Extended)
}

/// [`stance`] by the chosen set of cues.
pub fn stance_with(answer: &str, cues: Cues) -> Stance {
    let normalised = normalise(answer);
    let (score, threshold) = match cues {
        Cues::Original => (original_score(&normalised), 2),
        Cues::Extended => (extended_score(&normalised), 4),
    };
    match score {
        s if s >= threshold => Stance::Agree,
        s if s <= -threshold => Stance::Disagree,
        _ => Stance::Unclear,
    }
}

/// Issue 6's score: the opening sentence (to the first full stop,
/// question mark or Arabic comma) counts double, the rest once; one cue in
/// the opening sentence decides.
fn original_score(normalised: &str) -> i32 {
    let first_end = normalised
        .find(['.', '!', '?', '\n', '،', '؟'])
        .unwrap_or(normalised.len());
    2 * original(&normalised[..first_end]) + original(&normalised[first_end..])
}

/// The extended score: the first sentence that says anything for or
/// against counts double, so an introduction ("I have lived here for
/// twenty years.") does not push the argument to second place; commas do
/// not end a sentence in either language, so "بصراحة، أصلحوا …" and
/// "Honestly, fix …" open alike. One strong cue anywhere decides, or one
/// request in that first sentence.
fn extended_score(normalised: &str) -> i32 {
    let mut score = 0;
    let mut opened = false;
    for sentence in normalised.split(['.', '!', '?', '\n', '؟', ';', '؛']) {
        let s = extended(sentence);
        if s != 0 && !opened {
            score += 2 * s;
            opened = true;
        } else {
            score += s;
        }
    }
    score
}

/// Issue 6's rule for one sentence: each cue word ±1.
fn original(sentence: &str) -> i32 {
    let tokens = tokenise(sentence);
    let mut score = 0;
    for (j, t) in tokens.iter().enumerate() {
        let negated = j > 0 && matches!(tokens[j - 1], "not" | "don't" | "never" | "لا");
        if AGREE_WORDS.contains(t) {
            score += if negated { -1 } else { 1 };
        } else if DISAGREE_WORDS.contains(t)
            && !(*t == "not" && tokens.get(j + 1).is_some_and(|n| AGREE_WORDS.contains(n)))
        {
            score -= 1;
        }
    }
    score
}

fn is_agree(t: &str) -> bool {
    AGREE_WORDS.contains(&t) || MORE_AGREE.contains(&t)
}

fn is_disagree(t: &str) -> bool {
    (DISAGREE_WORDS.contains(&t) && !NEGATORS.contains(&t)) || MORE_DISAGREE.contains(&t)
}

/// An Arabic plural imperative ("اصلحوا", "مولوا", "ضعوا"): a word of
/// at least four letters ending in "وا" that opens its clause (written
/// after normalisation, so أ and إ are ا). Past-tense plurals end the same
/// way ("كانوا"), which is why only a clause's first word counts.
fn arabic_imperative(t: &str) -> bool {
    t.chars().count() >= 4 && t.ends_with("وا") && !t.starts_with('ي') && !t.starts_with('ت')
}

/// Suggestions made of words that are harmless alone: "would" by itself
/// is as often a prediction against ("a ban would kill grassroots
/// sport") as a proposal.
const SUGGESTIONS: &[&[&str]] = &[
    &["would", "help"],
    &["would", "really", "help"],
    &["would", "be", "good"],
    &["would", "be", "great"],
    &["would", "be", "nice"],
];

/// Agreement made of words that are harmless alone.
const APPROVALS: &[&[&str]] = &[
    &["good", "idea"],
    &["great", "idea"],
    &["فكره", "جيده"],
    &["فكره", "ممتازه"],
];

/// The extended rule for one sentence: strong cues (agreement, objection)
/// ±4, requests ±2, a negator within the three words before a cue turns it
/// round. A sentence with a strong cue is decided by its strong cues alone:
/// in "No more cameras please, spend the money on people" the request is
/// for the alternative, not for the cameras.
fn extended(sentence: &str) -> i32 {
    let tokens = tokenise(sentence);
    let (mut strong, mut weak) = (0, 0);
    let mut j = 0;
    while j < tokens.len() {
        let t = tokens[j];
        let negated = negated(&tokens, j);
        let sign = if negated { -1 } else { 1 };
        if let Some(o) = OBJECTIONS.iter().find(|o| tokens[j..].starts_with(o)) {
            strong -= 4;
            j += o.len();
            continue;
        }
        if let Some(a) = APPROVALS.iter().find(|a| tokens[j..].starts_with(a)) {
            strong += 4 * sign;
            j += a.len();
            continue;
        }
        if let Some(a) = SUGGESTIONS.iter().find(|a| tokens[j..].starts_with(a)) {
            weak += 2 * sign;
            j += a.len();
            continue;
        }
        if j == 0 && refusal(sentence, &tokens) {
            strong -= 4;
            j += 1;
            continue;
        }
        // "لا لـ…" (no to …) and the prohibitive "لا تفعلوا".
        if t == "لا" {
            if let Some(next) = tokens.get(j + 1) {
                if next.starts_with('ل') && next.chars().count() > 3
                    || next.starts_with('ت') && next.ends_with("وا")
                {
                    strong -= 4;
                    j += 2;
                    continue;
                }
            }
        }
        let opens = j == 0 || matches!(tokens[j - 1], "و" | "please" | "فضلكم" | "فضلك");
        if is_agree(t) {
            strong += 4 * sign;
        } else if is_disagree(t) {
            strong -= 4;
        } else if REQUEST_WORDS.contains(&t)
            || opens && (IMPERATIVES.contains(&t) || arabic_imperative(t))
        {
            weak += 2 * sign;
        }
        j += 1;
    }
    if strong != 0 {
        strong
    } else {
        weak
    }
}

/// Whether a negator stands within the three words before `tokens[j]`,
/// with no "but" between ("لن يجعل أحدًا أكثر أمانًا" is three words
/// long).
fn negated(tokens: &[&str], j: usize) -> bool {
    for k in 1..=3.min(j) {
        let t = tokens[j - k];
        if matches!(t, "but" | "لكن" | "بل" | "ولكن") {
            return false;
        }
        if NEGATORS.contains(&t) {
            return true;
        }
    }
    false
}

/// A sentence opening with a refusal: "No." or "لا" alone, "No, …",
/// "No curfew!", "No to …", and the prohibitive "Do not …" / "Don't …".
fn refusal(sentence: &str, tokens: &[&str]) -> bool {
    let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    let comma_after = |word: &str| {
        opening
            .strip_prefix(word)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| matches!(c, ',' | '،' | '!' | ':'))
    };
    match tokens {
        ["no" | "لا"] => true,
        ["no" | "لا", ..] if comma_after(tokens[0]) => true,
        ["no", rest @ ..] => rest.len() <= 2 || rest[0] == "to",
        ["do", "not", ..] | ["don't", _, ..] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_both_languages() {
        for cues in [Cues::Original, Cues::Extended] {
            let s = |a: &str| stance_with(a, cues);
            assert_eq!(s("Yes, absolutely ban them."), Stance::Agree);
            assert_eq!(
                s("A complete ban would be excessive. Adults can choose."),
                Stance::Disagree
            );
            assert_eq!(s("I do not support this at all."), Stance::Disagree);
            assert_eq!(s("نعم أوافق على الحظر"), Stance::Agree);
            assert_eq!(s("لا، أعارض هذا القرار"), Stance::Disagree);
            assert_eq!(s("The buses run every ten minutes."), Stance::Unclear);
            assert_eq!(s(""), Stance::Unclear);
        }
    }

    #[test]
    fn requests_are_for_and_objections_against_in_both_languages() {
        let pairs = [
            (
                "Please fix the street lights on Mill Lane.",
                "من فضلكم أصلحوا إنارة الشوارع في شارع المطحنة.",
                Stance::Agree,
            ),
            (
                "We need youth clubs in the evenings.",
                "نحتاج إلى نوادٍ للشباب في المساء.",
                Stance::Agree,
            ),
            (
                "Fund more community events.",
                "موّلوا فعاليات مجتمعية أكثر.",
                Stance::Agree,
            ),
            (
                "No more cameras, they are a waste of money.",
                "لا لمزيد من الكاميرات، فهي إهدار للمال.",
                Stance::Disagree,
            ),
            (
                "We do not need cameras everywhere.",
                "لسنا بحاجة إلى كاميرات في كل مكان.",
                Stance::Disagree,
            ),
            (
                "Do not install more cameras.",
                "لا تركّبوا المزيد من الكاميرات.",
                Stance::Disagree,
            ),
            (
                "I am against a curfew.",
                "أنا ضد حظر التجول.",
                Stance::Disagree,
            ),
        ];
        for (en, ar, want) in pairs {
            assert_eq!(stance(en), want, "{en}");
            assert_eq!(stance(ar), want, "{ar}");
        }
        // The original cues read none of the requests.
        assert_eq!(
            stance_with("موّلوا فعاليات مجتمعية أكثر.", Cues::Original),
            Stance::Unclear
        );
        // A description asks for nothing.
        assert_eq!(
            stance("The playground is dirty and broken; children cannot use it."),
            Stance::Unclear
        );
        assert_eq!(Stance::Disagree.word(), "disagree");
    }
}
