//! Where an answer stands on the question asked: agree, disagree or
//! unclear, from cue words and phrases (English and Arabic), the opening
//! sentence counting double. Deliberately cautious: "unclear" is better
//! than a wrong side, because themes are split by stance so that a theme
//! never mixes arguments for and against.

use serde::{Deserialize, Serialize};

use crate::text::{normalise, tokenise};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Agree,
    Disagree,
    Unclear,
}

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

/// The stance of `answer` relative to the question it answers.
pub fn stance(answer: &str) -> Stance {
    let normalised = normalise(answer);
    let first_end = normalised
        .find(['.', '!', '?', '\n', '،', '؟'])
        .unwrap_or(normalised.len());
    let mut score = 0i32;
    for (i, sentence) in [&normalised[..first_end], &normalised[first_end..]]
        .into_iter()
        .enumerate()
    {
        let weight = if i == 0 { 2 } else { 1 };
        let tokens = tokenise(sentence);
        for (j, t) in tokens.iter().enumerate() {
            let negated = j > 0 && matches!(tokens[j - 1], "not" | "don't" | "never" | "لا");
            if AGREE_WORDS.contains(t) {
                score += if negated { -weight } else { weight };
            } else if DISAGREE_WORDS.contains(t)
                && !(*t == "not" && tokens.get(j + 1).is_some_and(|n| AGREE_WORDS.contains(n)))
            {
                score -= weight;
            }
        }
    }
    match score {
        s if s >= 2 => Stance::Agree,
        s if s <= -2 => Stance::Disagree,
        _ => Stance::Unclear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_both_languages() {
        assert_eq!(stance("Yes, absolutely ban them."), Stance::Agree);
        assert_eq!(
            stance("A complete ban would be excessive. Adults can choose."),
            Stance::Disagree
        );
        assert_eq!(stance("I do not support this at all."), Stance::Disagree);
        assert_eq!(stance("نعم أوافق على الحظر"), Stance::Agree);
        assert_eq!(stance("لا، أعارض هذا القرار"), Stance::Disagree);
        assert_eq!(stance("The buses run every ten minutes."), Stance::Unclear);
        assert_eq!(stance(""), Stance::Unclear);
    }
}
