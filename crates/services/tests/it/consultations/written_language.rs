//! The language a consultation is written in (ADR 16): chosen among the
//! site's, kept when a save names none, changed only while no
//! translation translates anything, never translated into itself, and
//! each change in the history.

use cohesion_domain::consultation::ConsultationInput;
use cohesion_domain::consultation_changes::{Detail, DetailChanges};
use cohesion_domain::translation::Texts;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::{authoring, translations};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::{audit_of, input, languages, officer, record, LONDON, NOW};

fn in_language(language: &str) -> ConsultationInput {
    ConsultationInput {
        language: language.into(),
        ..input("Safer streets", "", NOW, false)
    }
}

fn refused_on_language(e: Result<(), ServiceError>, code: ErrorCode) {
    match e {
        Err(ServiceError::InvalidFields(v)) => {
            assert_eq!((v[0].field, v[0].code), ("language", code))
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_language_is_the_sites_and_locked_by_translations() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let site = languages();
        let e = authoring::create(db, &officer, &in_language("fr"), &LONDON, &site, None).await;
        match e {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!(
                    (v[0].field, v[0].code),
                    ("language", ErrorCode::UnknownLocale)
                )
            }
            other => panic!("{other:?}"),
        }
        let unsaid = authoring::create(db, &officer, &in_language(""), &LONDON, &site, None)
            .await
            .unwrap();
        assert_eq!(record(db, unsaid).await.language, "en", "the site's first");
        let id = authoring::create(db, &officer, &in_language("ar"), &LONDON, &site, None)
            .await
            .unwrap();
        assert_eq!(record(db, id).await.language, "ar");

        // Saved without a language, it keeps its own.
        authoring::update(db, &officer, id, &in_language(""), &LONDON, &site, None)
            .await
            .unwrap();
        assert_eq!(record(db, id).await.language, "ar");

        // Never translated into itself.
        let texts = Texts::from([("title".to_owned(), "شوارع أكثر أمانًا".to_owned())]);
        let e = translations::set_translation(db, &officer, id, "ar", &texts, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");

        // Translated, it cannot change; emptied, it can, and the emptied
        // translation goes.
        let english = Texts::from([("title".to_owned(), "Safer streets".to_owned())]);
        translations::set_translation(db, &officer, id, "en", &english, None)
            .await
            .unwrap();
        assert!(translations::language_locked(db, id).await.unwrap());
        let e = authoring::update(db, &officer, id, &in_language("en"), &LONDON, &site, None).await;
        refused_on_language(e, ErrorCode::LanguageHasTranslations);
        assert_eq!(record(db, id).await.language, "ar", "nothing saved");
        translations::set_translation(db, &officer, id, "en", &Texts::new(), None)
            .await
            .unwrap();
        assert!(!translations::language_locked(db, id).await.unwrap());
        authoring::update(db, &officer, id, &in_language("en"), &LONDON, &site, None)
            .await
            .unwrap();
        assert_eq!(record(db, id).await.language, "en");
        let e = translations::set_translation(db, &officer, id, "ar", &english, None).await;
        assert!(e.is_ok(), "Arabic is now a translation: {e:?}");

        // The history has the change, before and after.
        let saves = audit_of(db, "consultation.update", officer.user_id).await;
        let changes: Vec<DetailChanges> = saves
            .iter()
            .filter_map(|e| serde_json::from_str(&e.detail).ok())
            .collect();
        let language: Vec<(&str, &str)> = changes
            .iter()
            .flat_map(|c| &c.details)
            .filter(|d| d.detail == Detail::Language)
            .map(|d| (d.before.as_str(), d.after.as_str()))
            .collect();
        assert_eq!(language, [("ar", "en")]);
    }
}
