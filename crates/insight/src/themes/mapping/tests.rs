//! Mapping's unit tests.

use super::super::map_with_progress;
use super::*;

fn theme(id: &str, label: &str, description: &str, examples: &[&str]) -> ConfirmedTheme {
    ConfirmedTheme {
        id: id.into(),
        label: label.into(),
        description: description.into(),
        examples: examples.iter().map(|e| e.to_string()).collect(),
    }
}

fn run(texts: &[&str], themes: &[ConfirmedTheme]) -> Mapping {
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("a{i}")).collect();
    super::super::map(&ids, texts, themes, &Options::default())
}

fn themes_of(m: &Mapping, i: usize) -> Vec<&str> {
    m.answers[i]
        .themes
        .iter()
        .map(|t| t.theme.as_str())
        .collect()
}

#[test]
fn choose_takes_the_best_and_those_close_to_it() {
    assert_eq!(
        choose(&[0.2, 0.9, 0.7, 0.1], 0.7, 3),
        vec![(1, 0.9), (2, 0.7)]
    );
    assert_eq!(choose(&[0.5, 0.5, 0.5, 0.5], 0.7, 3).len(), 3);
    assert_eq!(choose(&[0.5, 0.5], 0.7, 1), vec![(0, 0.5)]);
    assert!(choose(&[0.0, -0.1], 0.7, 3).is_empty());
    assert!(choose(&[], 0.7, 3).is_empty());
}

#[test]
fn character_grams_join_spellings_the_stemmer_keeps_apart() {
    // "normalisation" and "normalizes" stem differently; only their
    // character 4-grams ("norm", "orma", "rmal") meet.
    let texts = [
        "Betting normalizes risky habits",
        "Timetable for the evening trains",
        "The trains in the evening are late",
        "Risky habits start young",
    ];
    let themes = [
        theme("norm", "Normalisation", "", &[]),
        theme("trains", "Evening trains", "", &[]),
    ];
    let m = run(&texts, &themes);
    assert_eq!(themes_of(&m, 0), vec!["norm"]);
    assert_eq!(themes_of(&m, 1), vec!["trains"]);
}

#[test]
fn examples_teach_words_the_description_lacks() {
    let texts = [
        "Adults can make their own choices",
        "Let people choose for themselves, adults are not children",
        "The buses stop too early in the evening",
        "Run later buses please",
    ];
    let freedom = theme(
        "freedom",
        "Personal freedom",
        "Liberty, opposing intervention",
        &[],
    );
    let buses = theme("buses", "Later buses", "Evening bus service", &[]);
    let zero = run(&texts, &[freedom.clone(), buses.clone()]);
    assert!(!themes_of(&zero, 0).contains(&"freedom"), "{zero:?}");
    let taught = ConfirmedTheme {
        examples: vec!["Grown adults should make their own choices".into()],
        ..freedom
    };
    let m = run(&texts, &[taught, buses]);
    assert_eq!(themes_of(&m, 0), vec!["freedom"]);
    assert_eq!(themes_of(&m, 2), vec!["buses"]);
}

#[test]
fn an_answer_given_as_an_example_takes_its_theme() {
    // The second answer shares no word or concept with either theme
    // (a lane is a street to the lexicon, which roads are too).
    let texts = [
        "Plant more trees in the park",
        "Longer opening hours at the library",
    ];
    let themes = [
        theme("parks", "Parks", "Trees and green space", &[]),
        theme(
            "roads",
            "Roads",
            "Road surfaces",
            // Written differently (case, punctuation) but the same text.
            &["plant more trees, in the PARK"],
        ),
    ];
    let m = run(&texts, &themes);
    let first = &m.answers[0].themes;
    assert!(
        first
            .iter()
            .any(|t| t.theme == "roads" && t.confidence == 1.0),
        "{first:?}"
    );
    assert_eq!(themes_of(&m, 1), Vec::<&str>::new());
    assert_eq!(m.counts[1].count.count, 1);
}

#[test]
fn the_same_answers_in_another_order_map_the_same() {
    let texts = [
        "More trees in the park",
        "Later buses in the evening",
        "The park needs benches",
        "Buses should run on Sundays",
        "agree",
        "",
    ];
    let themes = [
        theme(
            "parks",
            "Parks",
            "Trees, benches",
            &["shade trees in the park"],
        ),
        theme("buses", "Buses", "Bus service", &[]),
    ];
    let m = run(&texts, &themes);
    let reversed: Vec<&str> = texts.iter().rev().copied().collect();
    let r = run(&reversed, &themes);
    for i in 0..texts.len() {
        let j = texts.len() - 1 - i;
        assert_eq!(m.answers[i].themes, r.answers[j].themes);
    }
    // Content-free and empty answers take no theme and need no review.
    for i in [4, 5] {
        assert!(m.answers[i].themes.is_empty() && !m.answers[i].review);
    }
    assert_eq!(m, run(&texts, &themes));
}

#[test]
fn fallback_themes_only_take_what_nothing_else_does() {
    let texts = [
        "More trees in the park, the park needs trees",
        "agree",
        "",
        "Potholes everywhere on Mill Lane",
        "Trees in the park, and no reason to wait",
    ];
    let themes = [
        theme("parks", "Parks", "Trees in the park", &[]),
        // Its words ("answer", "reason") must not pull answers in.
        theme(
            "none",
            "None of the Above",
            "A topic no other theme covers, no reason",
            &[],
        ),
        theme(
            "noreason",
            "No Reason Given",
            "The answer gives no reason",
            &[],
        ),
    ];
    let m = run(&texts, &themes);
    assert_eq!(themes_of(&m, 0), vec!["parks"]);
    assert_eq!(themes_of(&m, 4), vec!["parks"]);
    assert_eq!(themes_of(&m, 1), vec!["noreason"]);
    assert_eq!(themes_of(&m, 2), vec!["noreason"]);
    assert!(!m.answers[1].review && !m.answers[2].review);
    // Nothing fits: counted as "none of the above", and reviewed.
    assert_eq!(themes_of(&m, 3), vec!["none"]);
    assert!(m.answers[3].review);
    assert_eq!(fallback("لا شيء مما سبق"), Some(Fallback::Other));
    assert_eq!(fallback("Other"), Some(Fallback::Other));
    assert_eq!(fallback("Other transport"), None);
}

#[test]
fn progress_rises_to_its_total() {
    let texts = ["More trees in the park", "Later buses", "Benches"];
    let ids: Vec<String> = (0..3).map(|i| i.to_string()).collect();
    let themes = [theme("parks", "Parks", "Trees", &[])];
    let mut seen: Vec<(usize, usize)> = Vec::new();
    map_with_progress(&ids, &texts, &themes, &Options::default(), &mut |d, t| {
        seen.push((d, t))
    });
    assert!(seen.len() >= 3, "{seen:?}");
    assert!(seen
        .windows(2)
        .all(|w| w[0].0 <= w[1].0 && w[0].1 == w[1].1));
    let last = seen.last().unwrap();
    assert_eq!(last.0, last.1);
}
