//! Discovery on the demo's written answers (the open and the closed
//! consultation's, as `demo::load` submits them): every theme holds
//! answers of both languages, so no topic is found twice, once in English
//! and once in Arabic. The events topic once was: its English and its
//! Arabic answers share the lexicon's concepts (neighbours, meeting,
//! event) but few of their words, and discovery had a word group to
//! spare for them.

use std::collections::BTreeMap;

use cohesion_insight::themes::{discover, Options};
use cohesion_services::consultations::demo;

#[test]
fn every_theme_of_the_demo_holds_answers_in_both_languages() {
    let mut answers = Vec::new();
    for (count, seed) in [(300, 11), (120, 23)] {
        answers.extend(demo::written_answers(count, seed));
    }
    let texts: Vec<&str> = answers.iter().map(|a| a.text.as_str()).collect();
    let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
    let found = discover(&ids, &texts, &Options::default());
    assert!(found.themes.len() >= 5, "{:?}", found.themes);
    for theme in &found.themes {
        // (language, topic) → answers
        let mut held: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for id in &theme.answer_ids {
            let a = &answers[id.parse::<usize>().unwrap()];
            *held.entry((a.lang, a.topic)).or_default() += 1;
        }
        for lang in ["en", "ar"] {
            assert!(
                held.keys().any(|(l, _)| *l == lang),
                "“{}” has no answer in {lang}: {held:?}",
                theme.label
            );
        }
    }
}
