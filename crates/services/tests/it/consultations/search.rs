//! Searching the list, Arabic included.

use cohesion_domain::consultation::ListFilter;
use cohesion_domain::identity::Role;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::translations;
use cohesion_testkit as testkit;

use super::{input, person, published, survey, NOW};

/// Search is Arabic-aware: the query and the stored text are normalised
/// alike, so vowel marks, tatweel and hamza forms do not matter, and a
/// consultation is found by its translated title too.
#[tokio::test]
async fn search_finds_arabic_whatever_the_spelling_and_translations_too() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "huda@council.example",
            "Huda K",
            Some(Role::Officer),
        )
        .await;
        let arabic = input("الأمان في الأحياء", "", NOW, false);
        let a = published(db, &officer, &arabic, &survey()).await;
        let english = input("Safer parks", "", NOW, false);
        let b = published(db, &officer, &english, &survey()).await;
        let search = |q: &'static str| ListFilter {
            search: Some(q),
            ..Default::default()
        };
        for q in ["الامان", "الأمـــان", "الأَمان"] {
            let l = reading::list(db, None, search(q), 1).await.unwrap();
            assert_eq!(l.0.iter().map(|c| c.id).collect::<Vec<_>>(), [a], "{q}");
        }
        assert_eq!(
            reading::list(db, None, search("حدائق"), 1).await.unwrap().1,
            0
        );
        let mut texts = cohesion_domain::translation::Texts::new();
        texts.insert("title".into(), "حدائق أكثر أمانًا".into());
        translations::set_translation(db, &officer, b, "ar", &texts, None)
            .await
            .unwrap();
        let l = reading::list(db, None, search("حدائق"), 1).await.unwrap();
        assert_eq!(l.0.iter().map(|c| c.id).collect::<Vec<_>>(), [b]);
        // The translation shows in Arabic and the original stays in English.
        let (v, untranslated) = reading::view_in(db, None, b, "ar").await.unwrap();
        assert_eq!(v.consultation.title, "حدائق أكثر أمانًا");
        assert!(!untranslated.contains("title"));
        let (v, untranslated) = reading::view_in(db, None, b, "en").await.unwrap();
        assert_eq!(v.consultation.title, "Safer parks");
        assert!(untranslated.contains("title"), "the original, as written");
        // Keys the consultation does not have are refused, nothing saved.
        texts.insert("q99.text".into(), "x".into());
        assert!(
            translations::set_translation(db, &officer, b, "ar", &texts, None)
                .await
                .is_err()
        );
    }
}
