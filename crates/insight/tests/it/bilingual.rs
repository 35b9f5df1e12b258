//! Themes across English and Arabic on the bilingual sample's held-out
//! part (`tests/data/bilingual_pairs.tsv`, part 2: never tuned on): pairs
//! of answers with the same meaning land in one theme with the lexicon
//! far more often than without, themes stay about one topic, and fewer
//! answers are left with an unclear stance, without taking wrong sides.

use std::collections::HashMap;

use cohesion_insight::themes::{discover, stance_with, Cues, Options, Stance};

struct Pair {
    topic: String,
    stance: Stance,
    english: String,
    arabic: String,
}

fn held_out() -> Vec<Pair> {
    let text = include_str!("../data/bilingual_pairs.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == "2")
        .map(|f| Pair {
            topic: f[1].to_owned(),
            stance: match f[2] {
                "agree" => Stance::Agree,
                "disagree" => Stance::Disagree,
                _ => Stance::Unclear,
            },
            english: f[3].to_owned(),
            arabic: f[4].to_owned(),
        })
        .collect()
}

/// (share of pairs in one theme, purity of the themes).
fn together_and_purity(pairs: &[Pair], options: &Options) -> (f64, f64) {
    let texts: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.english.as_str(), p.arabic.as_str()])
        .collect();
    let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
    let d = discover(&ids, &texts, options);
    let together = (0..pairs.len())
        .filter(|&i| {
            d.assignment[2 * i].is_some() && d.assignment[2 * i] == d.assignment[2 * i + 1]
        })
        .count();
    let (mut majority, mut themed) = (0, 0);
    for t in &d.themes {
        let mut topics: HashMap<&str, usize> = HashMap::new();
        for id in &t.answer_ids {
            let i: usize = id.parse().unwrap();
            *topics.entry(pairs[i / 2].topic.as_str()).or_default() += 1;
        }
        majority += topics.values().max().copied().unwrap_or(0);
        themed += t.answer_ids.len();
    }
    (
        together as f64 / pairs.len() as f64,
        majority as f64 / themed.max(1) as f64,
    )
}

#[test]
fn pairs_with_one_meaning_land_in_one_theme_with_the_lexicon() {
    let pairs = held_out();
    assert_eq!(pairs.len(), 44);
    let words_only = Options {
        lexicon: false,
        cues: Cues::Original,
        ..Options::default()
    };
    let (before, purity_before) = together_and_purity(&pairs, &words_only);
    let (after, purity_after) = together_and_purity(&pairs, &Options::default());
    assert!(before <= 0.2, "without the lexicon {before}");
    assert!(after >= 0.5, "with the lexicon {after} (before {before})");
    assert!(after >= before + 0.3);
    assert!(
        purity_after >= 0.6,
        "{purity_after} (before {purity_before})"
    );
    // Deterministic.
    assert_eq!(
        together_and_purity(&pairs, &Options::default()),
        (after, purity_after)
    );
}

#[test]
fn fewer_unclear_stances_and_no_more_wrong_sides() {
    let pairs = held_out();
    let count = |cues: Cues| {
        let (mut unclear, mut wrong, mut same) = (0, 0, 0);
        for p in &pairs {
            let (en, ar) = (stance_with(&p.english, cues), stance_with(&p.arabic, cues));
            for s in [en, ar] {
                if s == Stance::Unclear {
                    unclear += 1;
                } else if p.stance != Stance::Unclear && s != p.stance {
                    wrong += 1;
                }
            }
            same += usize::from(en == ar);
        }
        (unclear, wrong, same)
    };
    let (unclear_before, wrong_before, same_before) = count(Cues::Original);
    let (unclear_after, wrong_after, same_after) = count(Cues::Extended);
    let answers = 2 * pairs.len();
    assert!(
        unclear_after * 2 <= unclear_before,
        "unclear {unclear_after} of {answers}, before {unclear_before}"
    );
    assert!(
        wrong_after <= wrong_before.max(2),
        "wrong side {wrong_after}, before {wrong_before}"
    );
    assert!(
        same_after > same_before,
        "pairs with one stance {same_after}, before {same_before}"
    );
}

/// The Arabic answers of the whole sample (both parts) and the
/// sample as written, in both languages: no word of a discovered theme's
/// label is a function word, however Arabic joins letters to it.
#[test]
fn arabic_theme_labels_are_no_function_words() {
    use cohesion_insight::text::normalise;
    use cohesion_insight::text::stem::is_arabic_word;
    use cohesion_insight::text::stopwords::is_stop_word;
    // Written out here, not taken from the list under test.
    const FILLERS: &[&str] = &[
        "لمزيد",
        "مزيد",
        "المزيد",
        "إنها",
        "لأن",
        "لأنها",
        "وهذا",
        "هذا",
        "هذه",
        "التي",
        "الذي",
        "لكن",
        "ولكن",
        "أيضا",
        "جدا",
        "يجب",
        "أكثر",
        "كل",
        "نحن",
        "هناك",
        "من",
        "في",
        "على",
        "إلى",
        "عن",
        "مع",
        "حتى",
        "بعد",
        "لا",
        "لم",
    ];
    let fillers: Vec<String> = FILLERS.iter().map(|w| normalise(w)).collect();
    let text = include_str!("../data/bilingual_pairs.tsv");
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    let arabic: Vec<&str> = rows.iter().map(|f| f[4]).collect();
    let both: Vec<&str> = rows.iter().flat_map(|f| [f[3], f[4]]).collect();
    for texts in [arabic, both] {
        let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
        let d = discover(&ids, &texts, &Options::default());
        assert!(!d.themes.is_empty());
        for t in &d.themes {
            // Arabic words: an English concept's name ("places of
            // worship") is a name, not words picked from answers.
            let words = t.top_terms.iter().flat_map(|t| t.split_whitespace());
            for word in words.filter(|w| is_arabic_word(w)) {
                let w = normalise(word);
                assert!(
                    !fillers.contains(&w) && !is_stop_word(&w),
                    "“{word}” in the label of {}",
                    t.label
                );
            }
        }
    }
}
