//! Translating a discussion: officers save a language's texts, readers
//! of that language see them (the original where a translation is
//! missing or was made from an older wording), search finds the
//! discussion by translated words, and a translated discussion's
//! language is locked.

use cohesion_domain::consultation::Languages;
use cohesion_domain::discussion::texts::source_texts;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::translation::{fingerprint, Texts, FROM};
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{authoring, reading, translations, ListQuery};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::{input, opened};
use crate::consultations::{officer, resident};
use crate::support::code;

fn texts(pairs: &[(&str, &str)]) -> Texts {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn readers_see_current_translations_and_search_finds_them() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let id = opened(db, &officer, "Feeling safe", -1, "off").await;

        let texts = texts(&[
            ("title", "الشعور بالأمان"),
            ("question.0", "ماذا حدث؟"),
            ("question.1", "ما الذي سيساعد؟"),
        ]);
        let n = translations::set_translation(db, &officer, id, "ar", &texts, None)
            .await
            .unwrap();
        assert_eq!(n, 3);
        // The second question reworded: its translation was made from a
        // wording it no longer has, and is not shown.
        let mut reworded = input("Feeling safe", -1, "off");
        reworded.questions = "What happened?\nWhat would help most?".into();
        let (zone, languages) = (SiteZone::utc(), Languages::new("en", ["ar"]));
        authoring::update(db, &officer, id, &reworded, &zone, &languages, None)
            .await
            .unwrap();

        let d = reading::discussion(db, None, id).await.unwrap();
        let (ar, left) = translations::in_language(db, d.clone(), "ar")
            .await
            .unwrap();
        assert_eq!(ar.title, "الشعور بالأمان");
        assert_eq!(ar.questions, ["ماذا حدث؟", "What would help most?"]);
        assert!(left.contains("question.1") && left.contains("body"));
        assert!(!left.contains("title"));
        let (en, left) = translations::in_language(db, d.clone(), "en")
            .await
            .unwrap();
        assert_eq!(en.title, "Feeling safe", "its own language as written");
        assert!(!left.contains("title"));

        // Lists translate in one go, and search finds the Arabic words
        // whatever their marks.
        let q = ListQuery {
            search: Some("الامان"),
            limit: 10,
            ..ListQuery::default()
        };
        let (found, total) = reading::list(db, None, q).await.unwrap();
        assert_eq!((total, found.len()), (1, 1));
        let listed = translations::list_in_language(db, found, "ar")
            .await
            .unwrap();
        assert_eq!(listed[0].0.title, "الشعور بالأمان");

        // Only officers translate; unknown keys and the original's own
        // language are refused, and nothing is saved.
        let refused = translations::set_translation(db, &rita, id, "ar", &texts, None).await;
        assert!(
            matches!(refused, Err(ServiceError::Forbidden)),
            "{refused:?}"
        );
        let mut bad = texts.clone();
        bad.insert("question.9".into(), "؟".into());
        let refused = translations::set_translation(db, &officer, id, "ar", &bad, None).await;
        assert_eq!(code(refused.unwrap_err()), ErrorCode::UnknownText);
        let refused = translations::set_translation(db, &officer, id, "en", &texts, None).await;
        assert!(
            matches!(refused, Err(ServiceError::NotFound)),
            "{refused:?}"
        );
        let saved = translations::translation(db, id, "ar").await.unwrap();
        assert_eq!(saved.get("question.0").unwrap(), "ماذا حدث؟");
        assert_eq!(
            saved.get(&format!("question.0{FROM}")).unwrap(),
            &fingerprint("What happened?")
        );

        // Translated, its language is locked.
        let mut changed = reworded.clone();
        changed.language = "ar".into();
        let refused = authoring::update(db, &officer, id, &changed, &zone, &languages, None).await;
        assert_eq!(
            code(refused.unwrap_err()),
            ErrorCode::LanguageHasTranslations
        );

        let (_, all) = translations::texts_of(db, &officer, id).await.unwrap();
        assert_eq!(all, source_texts(&d));
        // Title and first question translated, the second to review, the
        // introduction and topic missing.
        let coverage = translations::coverage(db, &d).await.unwrap();
        let ar = coverage["ar"];
        assert_eq!((ar.all, ar.missing, ar.stale), (5, 2, 1));
    }
}
