//! The labels discovery gives themes in the demo's Arabic answers (the
//! open and the closed consultation's, as `demo::load` submits them, each
//! set alone and both languages together): none of their words is a
//! function word, with or without the letters Arabic joins to it
//! ("لمزيد", "إنها", "وهذا"), so a theme is named by what it is about.

use cohesion_insight::text::normalise;
use cohesion_insight::text::stem::is_arabic_word;
use cohesion_insight::text::stopwords::is_stop_word;
use cohesion_insight::themes::{discover, Options};
use cohesion_services::consultations::demo;

/// Function words a reader would never take for what a theme is about,
/// written out here rather than taken from the list under test.
const FILLERS: &[&str] = &[
    "لمزيد",
    "مزيد",
    "مزيدا",
    "المزيد",
    "إنها",
    "انها",
    "إنه",
    "لأن",
    "لأنها",
    "وهذا",
    "هذا",
    "هذه",
    "التي",
    "الذي",
    "والتي",
    "ولكن",
    "لكن",
    "أيضا",
    "جدا",
    "فقط",
    "يجب",
    "أكثر",
    "كل",
    "نحن",
    "أنا",
    "هناك",
    "لا",
    "لم",
    "من",
    "في",
    "على",
    "إلى",
    "عن",
    "مع",
    "ضد",
    "حول",
];

fn label_words(texts: &[&str]) -> Vec<String> {
    let ids: Vec<String> = (0..texts.len()).map(|i| i.to_string()).collect();
    let found = discover(&ids, texts, &Options::default());
    assert!(!found.themes.is_empty());
    found
        .themes
        .iter()
        .flat_map(|t| t.top_terms.iter())
        .flat_map(|term| {
            term.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        // Arabic words: an English concept's name ("places of worship")
        // is a name, not words picked from answers.
        .filter(|w| is_arabic_word(w))
        .collect()
}

#[test]
fn no_word_of_a_discovered_themes_label_is_a_function_word() {
    let fillers: Vec<String> = FILLERS.iter().map(|w| normalise(w)).collect();
    for (count, seed) in [(300, 11), (120, 23)] {
        let answers = demo::written_answers(count, seed);
        let arabic: Vec<&str> = answers
            .iter()
            .filter(|a| a.lang == "ar")
            .map(|a| a.text.as_str())
            .collect();
        let both: Vec<&str> = answers.iter().map(|a| a.text.as_str()).collect();
        for texts in [arabic, both] {
            for word in label_words(&texts) {
                let w = normalise(&word);
                assert!(
                    !fillers.contains(&w) && !is_stop_word(&w),
                    "“{word}” names a theme of the demo's answers ({count}, seed {seed})"
                );
            }
        }
    }
}
