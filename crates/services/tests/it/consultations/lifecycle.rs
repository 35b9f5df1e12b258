//! Around publishing: a consultation needs questions to be published,
//! its results need responses (and the consultation published) first,
//! its stages follow their dates unless an officer sets them, and its
//! withdrawal says when and by whom.

use cohesion_domain::consultation::{Publication, StageInput, StageState};
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::results::publication;
use cohesion_services::consultations::{authoring, history, reading};
use cohesion_services::ServiceError;
use cohesion_storage::consultations::catalogue::Shortlist;
use cohesion_testkit as testkit;
use time::macros::date;

use super::languages;
use super::{
    audit_of, input, officer, published, raw, record, resident, respond, survey, LONDON, NOW, PAST,
};
use crate::support::code;

#[tokio::test]
async fn publishing_needs_questions_and_results_need_responses() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = authoring::create(
            db,
            &officer,
            &input("Empty", "", NOW, false),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();

        // No question: refused, nothing published, nothing logged.
        let e = authoring::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Conflict(_)), "{e:?}");
        assert_eq!(code(e), ErrorCode::NoQuestions);
        assert!(record(db, id).await.published_at.is_none());
        assert!(audit_of(db, "consultation.publish", officer.user_id)
            .await
            .is_empty());
        // A resident is refused for who they are, not for the survey.
        let e = authoring::set_published(db, &resident, id, Publication::Consultation, true, None)
            .await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));

        // The results of a draft: there are none to publish.
        let results =
            |id| authoring::set_published(db, &officer, id, Publication::Results, true, None);
        assert_eq!(
            code(results(id).await.unwrap_err()),
            ErrorCode::ConsultationDraft
        );
        let e = publication::publication_choice(db, &officer, id).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationDraft);

        authoring::set_survey(db, &officer, id, &survey(), None)
            .await
            .unwrap();
        authoring::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();
        // Published, but nobody has answered yet.
        assert_eq!(code(results(id).await.unwrap_err()), ErrorCode::NoResponses);
        let e = publication::publication_choice(db, &officer, id).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::NoResponses);
        assert!(record(db, id).await.results_published_at.is_none());

        respond(
            db,
            Respondent::Account(&resident),
            id,
            &[raw(&[("q1", "1")]), raw(&[])],
        )
        .await;
        results(id).await.unwrap();
        assert!(record(db, id).await.results_published_at.is_some());
    }
}

#[tokio::test]
async fn closed_consultations_nobody_answered_have_no_results_to_publish() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let unanswered = published(db, &officer, &input("Quiet", "", PAST, false), &survey()).await;
        let lists = reading::shortlists(db, Some(&officer), &[Shortlist::ResultsToPublish], 10)
            .await
            .unwrap();
        assert!(
            lists[0].iter().all(|c| c.id != unanswered),
            "nothing to publish"
        );
    }
}

#[tokio::test]
async fn stages_follow_their_dates_unless_set_and_withdrawal_says_who() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(db, &officer, &input("Timeline", "", NOW, false), &survey()).await;
        let stage = |name: &str, date: &str, state: &str| StageInput {
            name: name.into(),
            date: date.into(),
            state: state.into(),
            ..Default::default()
        };
        let stages = [
            stage("Evidence", "2026-10-01", ""),
            stage("Survey", "2026-11-01", "automatic"),
            stage("Report", "2027-02-01", ""),
            stage("Events", "", "current"),
        ];
        authoring::set_stages(db, &officer, id, &stages, None)
            .await
            .unwrap();
        let v = reading::view(db, None, id).await.unwrap();
        let set: Vec<StageState> = v.stages.iter().map(|s| s.state).collect();
        use StageState::{Automatic, Current, Happened, ToCome};
        assert_eq!(set, [Automatic, Automatic, Automatic, Current]);
        let on = |day| cohesion_domain::timeline::states(&v.stages, day);
        assert_eq!(
            on(date!(2026 - 11 - 15)),
            [Happened, Current, ToCome, Current]
        );
        assert_eq!(
            on(date!(2027 - 03 - 01)),
            [Happened, Happened, Current, Current]
        );

        // Withdrawn: staff learn when and by whom; nobody else does.
        authoring::set_published(db, &officer, id, Publication::Consultation, false, None)
            .await
            .unwrap();
        let entry = history::withdrawal(db, Some(&officer), id)
            .await
            .unwrap()
            .expect("withdrawn");
        assert_eq!(entry.who.as_deref(), Some("Olu Adeyemi"));
        assert!(record(db, id).await.withdrawn_at.is_some());
        assert!(history::withdrawal(db, Some(&resident), id)
            .await
            .unwrap()
            .is_none());
        assert!(history::withdrawal(db, None, id).await.unwrap().is_none());
    }
}
