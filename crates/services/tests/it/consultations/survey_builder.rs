//! The survey builder's changes, one at a time: made on the survey as
//! stored, so changes sent at once are all kept; refused ones save
//! nothing; page titles' translations follow their pages; and nothing
//! changes once anyone has answered.

use cohesion_domain::survey::builder::QuestionInput;
use cohesion_domain::survey::changes::{Change, RuleHolder};
use cohesion_domain::survey::placement::Place;
use cohesion_domain::translation::Texts;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::consultations::{authoring, builder, reading, translations};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::languages;
use super::{audit_of, input, officer, raw, resident, respond, LONDON, NOW};

fn question(text: &str, place: &str) -> QuestionInput {
    QuestionInput {
        kind: "single_choice".into(),
        text: text.into(),
        options: "Yes\nNo".into(),
        place: place.into(),
        ..Default::default()
    }
}

fn ids(s: &cohesion_domain::survey::model::SurveyDefinition) -> Vec<Vec<String>> {
    s.pages
        .iter()
        .map(|p| p.questions.iter().map(|q| q.id.clone()).collect())
        .collect()
}

#[tokio::test]
async fn changes_sent_at_once_are_all_kept() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let id = authoring::create(
            db,
            &officer,
            &input("Racing", "", NOW, false),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        let inputs: Vec<QuestionInput> = (0..12)
            .map(|i| question(&format!("Question {i}"), "new"))
            .collect();
        let adds = inputs
            .iter()
            .map(|q| builder::change(db, &officer, id, Change::Add(q), None));
        for added in futures_util::future::join_all(adds).await {
            added.unwrap_or_else(|e| panic!("{:?}: {e:?}", t.engine()));
        }
        let v = reading::view(db, Some(&officer), id).await.unwrap();
        assert_eq!(v.survey.pages.len(), 12, "{:?}: none lost", t.engine());
        let mut all: Vec<String> = v.survey.questions().map(|q| q.id.clone()).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 12, "every question its own id");
        assert_eq!(
            audit_of(db, "consultation.survey", officer.user_id)
                .await
                .len(),
            12
        );
    }
}

#[tokio::test]
async fn refused_changes_save_nothing_and_name_what_they_would_break() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = authoring::create(
            db,
            &officer,
            &input("Parks", "", NOW, true),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        let change = |c| builder::change(db, &officer, id, c, None);
        let (visit, when) = (question("Do you visit?", ""), question("When?", "new"));
        change(Change::Add(&visit)).await.unwrap();
        let mut follow = question("Which park?", "new");
        follow.show_if_question = "q1".into();
        follow.show_if_options = "q1:1".into();
        change(Change::Add(&follow)).await.unwrap();
        change(Change::Add(&when)).await.unwrap();
        change(Change::PageTitle(2, "When you go")).await.unwrap();
        let saved = Texts::from([("page.2.title".to_owned(), "متى تذهب".to_owned())]);
        translations::set_translation(db, &officer, id, "ar", &saved, None)
            .await
            .unwrap();
        let before = reading::view(db, Some(&officer), id).await.unwrap().survey;
        assert_eq!(ids(&before), [vec!["q1"], vec!["q2"], vec!["q3"]]);

        let to = Place::After("q2".into());
        match change(Change::Move("q1", &to)).await {
            Err(ServiceError::Consultation(ConsultationError::RuleConflicts(list))) => {
                assert_eq!(list.len(), 1);
                assert_eq!(list[0].holder, RuleHolder::Question("q2".into()));
                assert_eq!(list[0].depends_on, "q1");
            }
            other => panic!("{other:?}"),
        }
        let nowhere = question("", "sideways");
        match change(Change::Add(&nowhere)).await {
            Err(ServiceError::InvalidFields(v)) => {
                let fields: Vec<_> = v.iter().map(|e| (e.field, e.code)).collect();
                assert_eq!(
                    fields,
                    [
                        ("place", ErrorCode::InvalidChoice),
                        ("text", ErrorCode::FieldRequired)
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            change(Change::Remove("q9")).await,
            Err(ServiceError::NotFound)
        ));
        let after = reading::view(db, Some(&officer), id).await.unwrap().survey;
        assert_eq!(after, before, "{:?}: nothing saved", t.engine());

        // q2 joins q3: page 2 goes, and page 3's translated title with
        // its page.
        let before_q3 = Place::Before("q3".into());
        change(Change::Move("q2", &before_q3)).await.unwrap();
        let v = reading::view(db, Some(&officer), id).await.unwrap();
        assert_eq!(ids(&v.survey), [vec!["q1"], vec!["q2", "q3"]]);
        assert_eq!(v.survey.pages[1].title, "When you go");
        let (arabic, untranslated) = reading::view_in(db, Some(&officer), id, "ar")
            .await
            .unwrap();
        assert_eq!(arabic.survey.pages[1].title, "متى تذهب");
        assert!(!untranslated.contains("page.1.title"), "still current");

        // Once anyone has answered, nothing changes.
        publish(db, &officer, id).await;
        respond(
            db,
            Respondent::Account(&resident),
            id,
            &[raw(&[("q1", "0")]), raw(&[("q2", "0"), ("q3", "1")])],
        )
        .await;
        match change(Change::PageTitle(0, "Late")).await {
            Err(ServiceError::Invalid(e)) => assert_eq!(e.code, ErrorCode::SurveyLocked),
            other => panic!("{other:?}"),
        }
    }
}

async fn publish(
    db: &cohesion_storage::Db,
    officer: &cohesion_services::accounts::SignedIn,
    id: uuid::Uuid,
) {
    authoring::set_published(
        db,
        officer,
        id,
        cohesion_domain::consultation::Publication::Consultation,
        true,
        None,
    )
    .await
    .unwrap();
}
