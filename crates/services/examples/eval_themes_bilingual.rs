//! Themes across English and Arabic, measured (ADR 0028): the share of
//! pairs of answers with the same meaning, one in each language, that land
//! in one theme, theme purity, and the share of "unclear" stances, before
//! and after the bilingual lexicon, the extended stance cues and grouping
//! by words before stance, in one run, on:
//!
//! - the bilingual sample `crates/insight/tests/data/bilingual_pairs.tsv`
//!   (part 1, what the lexicon and cues were tuned on; part 2, held out);
//! - the demo's written answers (its open and closed consultations'
//!   generated answers, exactly as `demo::load` submits them), where a
//!   pair is any English and Arabic answer generated on the same topic.
//!
//! Discovery runs with seed 0 on each set alone. "Together" counts a
//! pair when discovery puts both answers in one candidate theme; "mapped
//! together" when, with the candidate themes confirmed as they are (label
//! and three example answers each), mapping gives both the same first
//! theme. Purity: each theme's most common topic, summed over themes, as a
//! share of the answers in themes. Stance: the share of answers judged
//! unclear, the share of answers in candidate themes whose stance is
//! unclear, and of decided answers the share on the wrong side of the
//! sample's own judgement (demo: every topic is asked for except the
//! cameras).
//!
//! cargo run --release -p cohesion-services --example eval_themes_bilingual

use std::collections::{HashMap, HashSet};

use cohesion_insight::themes::{
    discover, map, stance_with, ConfirmedTheme, Cues, Discovery, Grouping, Options, Stance,
};
use cohesion_services::consultations::demo;

struct Answer {
    topic: String,
    lang: &'static str,
    stance: Stance,
    text: String,
}

struct Set {
    name: String,
    answers: Vec<Answer>,
    /// Indices of answers with the same meaning, English first.
    pairs: Vec<(usize, usize)>,
}

fn stance_of(word: &str) -> Stance {
    match word {
        "agree" => Stance::Agree,
        "disagree" => Stance::Disagree,
        _ => Stance::Unclear,
    }
}

fn sample(part: &str) -> Set {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../insight/tests/data/bilingual_pairs.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the bilingual sample");
    let mut set = Set {
        name: format!("sample part {part}"),
        answers: Vec::new(),
        pairs: Vec::new(),
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] != part {
            continue;
        }
        let n = set.answers.len();
        for (lang, text) in [("en", f[3]), ("ar", f[4])] {
            set.answers.push(Answer {
                topic: f[1].to_owned(),
                lang,
                stance: stance_of(f[2]),
                text: text.to_owned(),
            });
        }
        set.pairs.push((n, n + 1));
    }
    set
}

fn demo_set() -> Set {
    let mut answers = Vec::new();
    // The open and closed consultations' draws (demo/mod.rs).
    for (count, seed) in [(300, 11), (120, 23)] {
        for a in demo::written_answers(count, seed) {
            answers.push(Answer {
                topic: a.topic.to_owned(),
                lang: a.lang,
                stance: if a.topic == "cctv" {
                    Stance::Disagree
                } else {
                    Stance::Agree
                },
                text: a.text,
            });
        }
    }
    let topical = |a: &Answer| !matches!(a.topic.as_str(), "campaign" | "endorsement");
    let mut pairs = Vec::new();
    for (i, a) in answers.iter().enumerate() {
        for (j, b) in answers.iter().enumerate() {
            if topical(a) && a.topic == b.topic && a.lang == "en" && b.lang == "ar" {
                pairs.push((i, j));
            }
        }
    }
    Set {
        name: "demo".into(),
        answers,
        pairs,
    }
}

struct Figures {
    themes: usize,
    themed: f64,
    together: f64,
    mapped_together: f64,
    purity: f64,
    unclear: f64,
    unclear_themes: f64,
    wrong_side: f64,
    pairs_same_stance: f64,
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

fn measure(set: &Set, options: &Options) -> Figures {
    let ids: Vec<String> = (0..set.answers.len()).map(|i| i.to_string()).collect();
    let texts: Vec<&str> = set.answers.iter().map(|a| a.text.as_str()).collect();
    let d: Discovery = discover(&ids, &texts, options);
    let topical: Vec<usize> = (0..set.answers.len())
        .filter(|&i| !matches!(set.answers[i].topic.as_str(), "campaign" | "endorsement"))
        .collect();
    let together = set
        .pairs
        .iter()
        .filter(|&&(a, b)| d.assignment[a].is_some() && d.assignment[a] == d.assignment[b])
        .count();
    let mut purity_sum = 0;
    let mut in_themes = 0;
    for t in &d.themes {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for id in &t.answer_ids {
            let a = &set.answers[id.parse::<usize>().expect("an index")];
            *counts.entry(a.topic.as_str()).or_default() += 1;
            in_themes += 1;
        }
        purity_sum += counts.values().max().copied().unwrap_or(0);
    }
    // The candidates confirmed as they stand, then every answer mapped.
    let confirmed: Vec<ConfirmedTheme> = d
        .themes
        .iter()
        .map(|t| ConfirmedTheme {
            id: t.id.clone(),
            label: t.label.clone(),
            description: String::new(),
            examples: t
                .quotes
                .iter()
                .map(|q| texts[q.id.parse::<usize>().expect("an index")].to_owned())
                .collect(),
        })
        .collect();
    let m = map(&ids, &texts, &confirmed, options);
    let first = |i: usize| m.answers[i].themes.first().map(|t| t.theme.clone());
    let mapped_together = set
        .pairs
        .iter()
        .filter(|&&(a, b)| first(a).is_some() && first(a) == first(b))
        .count();
    let stances: Vec<Stance> = texts.iter().map(|t| stance_with(t, options.cues)).collect();
    let unclear = topical
        .iter()
        .filter(|&&i| stances[i] == Stance::Unclear)
        .count();
    let decided: Vec<usize> = topical
        .iter()
        .copied()
        .filter(|&i| stances[i] != Stance::Unclear && set.answers[i].stance != Stance::Unclear)
        .collect();
    let wrong = decided
        .iter()
        .filter(|&&i| stances[i] != set.answers[i].stance)
        .count();
    let same = set
        .pairs
        .iter()
        .filter(|&&(a, b)| stances[a] == stances[b])
        .count();
    Figures {
        themes: d.themes.len(),
        themed: share(
            topical
                .iter()
                .filter(|&&i| d.assignment[i].is_some())
                .count(),
            topical.len(),
        ),
        together: share(together, set.pairs.len()),
        mapped_together: share(mapped_together, set.pairs.len()),
        purity: share(purity_sum, in_themes),
        unclear: share(unclear, topical.len()),
        unclear_themes: share(
            topical
                .iter()
                .filter(|&&i| {
                    d.assignment[i].is_some_and(|t| d.themes[t].stance == Stance::Unclear)
                })
                .count(),
            topical.len(),
        ),
        wrong_side: share(wrong, decided.len()),
        pairs_same_stance: share(same, set.pairs.len()),
    }
}

fn main() {
    let sets = [sample("1"), sample("2"), demo_set()];
    let method = |lexicon, cues, grouping| Options {
        lexicon,
        cues,
        grouping,
        ..Options::default()
    };
    let methods = [
        (
            "before (words, original cues, stance first)",
            method(false, Cues::Original, Grouping::StanceFirst),
        ),
        (
            "lexicon only (original cues, stance first: the defaults before)",
            method(true, Cues::Original, Grouping::StanceFirst),
        ),
        (
            "extended cues only (stance first)",
            method(false, Cues::Extended, Grouping::StanceFirst),
        ),
        (
            "lexicon, extended cues, stance first",
            method(true, Cues::Extended, Grouping::StanceFirst),
        ),
        (
            "lexicon, original cues, words first",
            method(true, Cues::Original, Grouping::WordsFirst),
        ),
        (
            "lexicon, extended cues, words first (the defaults)",
            Options::default(),
        ),
    ];
    println!(
        "| set | method | themes | topical answers in a theme | pairs together (discovery) | pairs together (mapping) | purity | unclear stance | in unclear themes | wrong side of decided | pairs with one stance |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for set in &sets {
        let langs: HashSet<&str> = set.answers.iter().map(|a| a.lang).collect();
        let name = format!(
            "{} ({} answers, {} pairs, {} languages)",
            set.name,
            set.answers.len(),
            set.pairs.len(),
            langs.len()
        );
        for (method, options) in &methods {
            let f = measure(set, options);
            println!(
                "| {name} | {method} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |",
                f.themes,
                f.themed,
                f.together,
                f.mapped_together,
                f.purity,
                f.unclear,
                f.unclear_themes,
                f.wrong_side,
                f.pairs_same_stance
            );
        }
    }
}
