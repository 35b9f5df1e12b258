//! How the Arabic texts address the reader: one person, politely, in
//! the singular ("أكّد بريدك"), or in neutral passive and verbal-noun
//! forms ("تم الحفظ"), never "you" in the plural ("أخبرونا", "قلتم").
//! Checked over every Arabic message and over the demo's Arabic texts,
//! which the council writes to its residents the same way.

use std::path::Path;

/// Words that end as a plural "you" form would but are not one.
const NOT_PLURAL: &[&str] = &[
    "كم",
    "حكم",
    "تحكم",
    "محكم",
    "تراكم",
    "تم",
    "يتم",
    "ختم",
    "يهتم",
    "اهتم",
];

/// The plural imperatives found and fixed: an imperative in ـوا cannot
/// be told from a past tense in ـوا ("اختاروا", they chose) by its
/// letters, so these are named.
const PLURAL_IMPERATIVES: &[&str] = &["رتبوا", "أخبرونا"];

/// The plural "you" forms in `text`, each with why it is one.
fn plural_you(text: &str) -> Vec<(String, &'static str)> {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .collect();
    let mut found = Vec::new();
    for imperative in PLURAL_IMPERATIVES {
        if plain.contains(imperative) {
            found.push(((*imperative).to_owned(), "a plural imperative"));
        }
    }
    let words = plain.split(|c: char| !('\u{0621}'..='\u{064A}').contains(&c));
    for word in words.filter(|w| !w.is_empty() && !NOT_PLURAL.contains(w)) {
        let n = word.chars().count();
        let why = if word == "أنتم" || word == "انتم" {
            Some("the pronoun أنتم")
        } else if word.ends_with("كم") && n > 2 {
            Some("the suffix ـكم (your, you)")
        } else if word.ends_with("تم") || word.ends_with("تموه") || word.ends_with("تموها")
        {
            Some("a plural past (you did)")
        } else if n > 4
            && word.ends_with("ون")
            && ["ت", "وت", "فت", "لت"].iter().any(|p| word.starts_with(p))
        {
            Some("a plural present (you do)")
        } else {
            None
        };
        found.extend(why.map(|why| (word.to_owned(), why)));
    }
    found
}

#[test]
fn the_checker_knows_the_plural_forms_from_the_singular() {
    for plural in [
        "رتّبوا هذه الأفكار",
        "أخبرونا كيف",
        "ما قلتموه لنا",
        "سألنا، قلتم، فعلنا",
        "إجاباتكم",
        "استجابةً لكم",
        "كيف تستمعون",
        "إلى أيّ حد توافقون",
        "هل رأيتم",
        "أنتم",
    ] {
        assert!(!plural_you(plural).is_empty(), "{plural}");
    }
    for singular in [
        "رتّب هذه الأفكار",
        "أخبرنا كيف",
        "ما قاله لنا الناس",
        "إجاباتك",
        "كيف تستمع",
        "هل رأيت",
        "تم حفظ لغتك",
        "كم خيارًا يُسمح به",
        "يسجّلون الدخول أولًا",
        "من أجابوا عن السؤال",
        "التمويل",
    ] {
        assert_eq!(plural_you(singular), vec![], "{singular}");
    }
}

#[test]
fn arabic_speaks_to_one_reader() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(root.join("locales/ar"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // The demo's consultation in Arabic, written as a council would.
    files.push(root.join("../services/src/consultations/demo/arabic.rs"));
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for (word, why) in plural_you(line) {
                let name = file.file_name().unwrap().to_string_lossy();
                found.push(format!("{name}:{}: {word} ({why})", n + 1));
            }
        }
    }
    assert!(files.len() > 6, "{files:?}");
    assert!(
        found.is_empty(),
        "plural address to the reader:\n{}",
        found.join("\n")
    );
}
