//! Typo fixes once people have responded: wording changes, in the
//! original or a translation, each recorded in the consultation's history
//! with before and after; structure stays locked; translations of a
//! reworded original need review, those saved before fingerprints too.

use std::collections::BTreeMap;

use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::translation::{self, fingerprint, Texts};
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::history;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::wording_fixes::fix_wording;
use cohesion_services::consultations::{authoring, reading, ConsultationError};
use cohesion_services::ServiceError;
use cohesion_storage::consultations::translations;
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::{input, officer, published, raw, resident, respond, survey, NOW};

fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn wording_errors(e: ServiceError) -> Vec<(String, ErrorCode)> {
    match e {
        ServiceError::Consultation(ConsultationError::InvalidWording(v)) => {
            v.into_iter().map(|e| (e.key, e.code)).collect()
        }
        other => panic!("not invalid wording: {other:?}"),
    }
}

async fn arabic(db: &cohesion_storage::Db, id: Uuid) -> Texts {
    reading::translation(db, id, "ar").await.unwrap()
}

#[tokio::test]
async fn typos_are_fixed_after_responses_and_recorded_in_the_history() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        // An Arabic translation: q1's wording with its original's
        // fingerprint, and an option saved before fingerprints existed.
        let saved = Texts::from([
            ("q1.text".to_owned(), "سؤال ١".to_owned()),
            ("q1.text#from".to_owned(), fingerprint("Question q1")),
            ("q5.option.1".to_owned(), "القطار".to_owned()),
        ]);
        {
            let mut c = db.acquire().await.unwrap();
            let json = serde_json::to_string(&saved).unwrap();
            translations::set_translation(c.conn(), id, "ar", &json, None)
                .await
                .unwrap();
        }
        respond(
            db,
            Respondent::Account(&resident),
            id,
            &[raw(&[("q1", "1"), ("q5", "1")]), raw(&[])],
        )
        .await;

        // Another option is structure: refused, said so.
        let mut more = survey();
        if let QuestionKind::SingleChoice { options } = &mut more.pages[0].questions[0].kind {
            options.push("Sometimes".into());
        }
        match authoring::set_survey(db, &officer, id, &more, None).await {
            Err(ServiceError::Invalid(v)) => assert_eq!(v.code, ErrorCode::SurveyLocked),
            other => panic!("{other:?}"),
        }

        // The wording of page 1: two texts reworded, one left as it was.
        let fixed = texts(&[
            ("q1.text", " Do you feel safe where you live? "),
            ("q5.option.1", "Train or tram"),
            ("q5.option.0", "Bus"),
        ]);
        let n = fix_wording(db, &officer, id, 0, None, &fixed, Some("192.0.2.7"))
            .await
            .unwrap();
        assert_eq!(n, 2);
        let v = reading::view(db, None, id).await.unwrap();
        let q1 = v.survey.question("q1").unwrap();
        assert_eq!(q1.text, "Do you feel safe where you live?");
        assert_eq!(v.survey.pages.len(), 2, "the structure is untouched");
        let mut expected = survey();
        expected.pages[0].questions[0].text = q1.text.clone();
        if let QuestionKind::MultipleChoice { options, .. } =
            &mut expected.pages[0].questions[1].kind
        {
            options[1] = "Train or tram".into();
        }
        assert_eq!(v.survey, expected, "nothing but the two texts changed");

        // The history: who, and what each text said before and after.
        let entries = history::history(db, &officer, id).await.unwrap();
        let reworded: Vec<_> = entries.iter().filter_map(|e| e.reworded.as_ref()).collect();
        assert_eq!(reworded.len(), 2, "{entries:?}");
        let q1_fix = reworded.iter().find(|r| r.key == "q1.text").unwrap();
        assert_eq!(q1_fix.before, "Question q1");
        assert_eq!(q1_fix.after, "Do you feel safe where you live?");
        assert_eq!(q1_fix.language, None);
        assert!(entries
            .iter()
            .filter(|e| e.action == "consultation.wording")
            .all(|e| e.who.as_deref() == Some("Olu Adeyemi")));
        assert!(entries.iter().any(|e| e.action == "consultation.publish"));
        let e = history::history(db, &resident, id).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));

        // Both Arabic texts now need review, the older one included.
        let t = arabic(db, id).await;
        assert!(translation::is_stale(&t, "q1.text", &q1.text));
        assert!(translation::is_stale(&t, "q5.option.1", "Train or tram"));
        let (ar, untranslated) = reading::view_in(db, None, id, "ar").await.unwrap();
        assert_eq!(ar.survey.question("q1").unwrap().text, q1.text);
        assert!(untranslated.contains("q1.text"));

        // Fixed in Arabic too: current again, and recorded in Arabic.
        let n = fix_wording(
            db,
            &officer,
            id,
            0,
            Some("ar"),
            &texts(&[("q1.text", "هل تشعر بالأمان حيث تسكن؟")]),
            None,
        )
        .await
        .unwrap();
        assert_eq!(n, 1);
        let t = arabic(db, id).await;
        assert_eq!(
            translation::current(&t, "q1.text", &q1.text),
            Some("هل تشعر بالأمان حيث تسكن؟")
        );
        let entries = history::history(db, &officer, id).await.unwrap();
        let latest = entries[0].reworded.as_ref().unwrap();
        assert_eq!(latest.language.as_deref(), Some("ar"));
        assert_eq!(latest.before, "سؤال ١");

        // A whole survey sent back with only wording changed is a fix too.
        let mut whole = v.survey.clone();
        whole.pages[0].title = "About you and your street".into();
        authoring::set_survey(db, &officer, id, &whole, None)
            .await
            .unwrap();
        let entries = history::history(db, &officer, id).await.unwrap();
        let title = entries[0].reworded.as_ref().unwrap();
        assert_eq!(
            (title.key.as_str(), title.before.as_str()),
            ("page.0.title", "About you")
        );
    }
}

#[tokio::test]
async fn bad_wording_is_refused_and_nothing_changes() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(db, &officer, &input("Parks", "", NOW, false), &survey()).await;
        let before = reading::view(db, None, id).await.unwrap().survey;
        let count = || async { history::history(db, &officer, id).await.unwrap().len() };
        let logged = count().await;

        let e = fix_wording(
            db,
            &officer,
            id,
            0,
            None,
            &texts(&[
                ("q1.text", "   "),
                ("q1.option.0", "Yes\nand no"),
                ("q2.text", "On the other page"),
                ("q1.required", "no"),
            ]),
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(
            wording_errors(e),
            [
                ("q1.option.0".to_owned(), ErrorCode::BadRequest),
                ("q1.required".to_owned(), ErrorCode::UnknownText),
                ("q1.text".to_owned(), ErrorCode::FieldRequired),
                ("q2.text".to_owned(), ErrorCode::UnknownText),
            ]
        );
        // A translation of a text with no original (q1 has no hint).
        let e = fix_wording(
            db,
            &officer,
            id,
            0,
            Some("ar"),
            &texts(&[("q1.hint", "x")]),
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(
            wording_errors(e),
            [("q1.hint".to_owned(), ErrorCode::UnknownText)]
        );
        let one = texts(&[("q1.text", "Fine")]);
        let e = fix_wording(db, &officer, id, 7, None, &one, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "no page 8");
        let e = fix_wording(db, &officer, Uuid::now_v7(), 0, None, &one, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)));
        let e = fix_wording(db, &resident, id, 0, None, &one, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        // The same words again change nothing and log nothing.
        let same = texts(&[("q1.text", "Question q1")]);
        assert_eq!(
            fix_wording(db, &officer, id, 0, None, &same, None)
                .await
                .unwrap(),
            0
        );
        assert_eq!(reading::view(db, None, id).await.unwrap().survey, before);
        assert_eq!(count().await, logged, "nothing recorded");
        assert!(arabic(db, id).await.is_empty(), "no translation made");
    }
}
