//! Officers build, publish and translate consultations; everyone else
//! reads what is published; a survey with responses is locked.

use cohesion_domain::consultation::{Consultation, ListFilter, Publication};
use cohesion_domain::consultation::{ConsultationInput, StageInput, StageLink, StageState, Status};
use cohesion_domain::survey::model::Rule;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::languages;
use super::{
    audit_of, input, officer, published, raw, record, resident, survey, FUTURE, LONDON, NOW, PAST,
};

fn titles(list: &(Vec<Consultation>, i64)) -> Vec<&str> {
    list.0.iter().map(|c| c.title.as_str()).collect()
}

#[tokio::test]
async fn officers_build_and_publish_consultations_and_others_only_read_them() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let safer = input("Safer streets", "Community safety, Hate crime", NOW, false);

        let e = authoring::create(db, &resident, &safer, &LONDON, &languages(), None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let untitled = ConsultationInput {
            title: " ".into(),
            ..safer.clone()
        };
        match authoring::create(db, &officer, &untitled, &LONDON, &languages(), None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!((v[0].field, v[0].code), ("title", ErrorCode::FieldRequired))
            }
            other => panic!("{other:?}"),
        }

        let id = authoring::create(
            db,
            &officer,
            &safer,
            &LONDON,
            &languages(),
            Some("192.0.2.10"),
        )
        .await
        .unwrap();
        for viewer in [None, Some(&resident)] {
            assert!(
                matches!(
                    reading::view(db, viewer, id).await,
                    Err(ServiceError::NotFound)
                ),
                "a draft does not exist for {viewer:?}"
            );
        }
        let draft = reading::view(db, Some(&officer), id).await.unwrap();
        assert!(draft.consultation.published_at.is_none());
        assert!(draft.survey.pages.is_empty(), "a new draft has no survey");
        assert_eq!(
            draft.consultation.topics,
            ["Community safety", "Hate crime"]
        );
        assert!(!draft.consultation.allow_anonymous);

        let e = authoring::set_survey(db, &resident, id, &survey(), None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        authoring::set_survey(db, &officer, id, &survey(), None)
            .await
            .unwrap();
        let e = authoring::set_survey(db, &officer, Uuid::now_v7(), &survey(), None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)));

        let stages = [
            StageInput {
                name: "Evidence gathering".into(),
                date: "2026-10-01".into(),
                state: "happened".into(),
                ..Default::default()
            },
            StageInput {
                name: "Survey".into(),
                description: "Tell us what you think".into(),
                state: "current".into(),
                link: "survey".into(),
                ..Default::default()
            },
            StageInput {
                name: "Report".into(),
                state: "to_come".into(),
                link: "findings".into(),
                ..Default::default()
            },
        ];
        let bad = [StageInput {
            name: "Later".into(),
            state: "soon".into(),
            ..Default::default()
        }];
        match authoring::set_stages(db, &officer, id, &bad, None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!((v[0].field, v[0].code), ("state", ErrorCode::InvalidChoice))
            }
            other => panic!("{other:?}"),
        }
        let e = authoring::set_stages(db, &resident, id, &stages, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        authoring::set_stages(db, &officer, id, &stages, None)
            .await
            .unwrap();

        let e = authoring::set_published(db, &resident, id, Publication::Consultation, true, None)
            .await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        let e = authoring::set_published(
            db,
            &officer,
            Uuid::now_v7(),
            Publication::Consultation,
            true,
            None,
        )
        .await;
        assert!(matches!(e, Err(ServiceError::NotFound)));
        authoring::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();

        for viewer in [None, Some(&resident)] {
            let v = reading::view(db, viewer, id).await.unwrap();
            assert!(v.consultation.published_at.is_some());
            assert_eq!(v.survey, survey(), "the survey round-trips whole");
            let q3 = v.survey.question("q3").unwrap();
            assert!(q3.kind.is_special_category());
            assert_eq!(q3.purpose, "To check we hear from every faith community");
            assert_eq!(
                v.survey.question("q2").unwrap().show_if,
                Some(Rule {
                    question: "q1".into(),
                    any_of: vec![0]
                })
            );
            let got: Vec<_> = v
                .stages
                .iter()
                .map(|s| (s.name.as_str(), s.state, s.link))
                .collect();
            assert_eq!(
                got,
                [
                    ("Evidence gathering", StageState::Happened, StageLink::None),
                    ("Survey", StageState::Current, StageLink::Survey),
                    ("Report", StageState::ToCome, StageLink::Findings),
                ]
            );
            assert_eq!(
                v.stages[0]
                    .date
                    .map(cohesion_domain::consultation::format_date),
                Some("2026-10-01".to_owned())
            );
            assert_eq!(
                v.consultation
                    .status(cohesion_domain::timestamp::Timestamp::now()),
                Status::Open
            );
        }

        let renamed = input(
            "Safer streets for all",
            "Community safety, Hate crime",
            NOW,
            false,
        );
        let e = authoring::update(db, &resident, id, &renamed, &LONDON, &languages(), None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        let e = authoring::update(
            db,
            &officer,
            Uuid::now_v7(),
            &renamed,
            &LONDON,
            &languages(),
            None,
        )
        .await;
        assert!(matches!(e, Err(ServiceError::NotFound)));
        let backwards = ConsultationInput {
            closes_at: "2019-01-01T09:00".into(),
            ..renamed.clone()
        };
        match authoring::update(db, &officer, id, &backwards, &LONDON, &languages(), None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!(v[0].code, ErrorCode::ClosesBeforeOpens)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(record(db, id).await.title, "Safer streets", "nothing saved");
        authoring::update(db, &officer, id, &renamed, &LONDON, &languages(), None)
            .await
            .unwrap();
        let v = reading::view(db, None, id).await.unwrap();
        assert_eq!(v.consultation.title, "Safer streets for all");
        assert_eq!(v.survey, survey(), "an update keeps the survey");
        assert_eq!(v.stages.len(), 3, "and the timeline");

        // Withdrawn, it is gone for the public (ADR 22), and saying so
        // again is refused: there is nothing left to withdraw.
        authoring::set_published(db, &officer, id, Publication::Consultation, false, None)
            .await
            .unwrap();
        assert!(matches!(
            reading::view(db, None, id).await,
            Err(ServiceError::Consultation(
                cohesion_services::consultations::ConsultationError::Withdrawn { .. }
            ))
        ));
        assert!(matches!(
            authoring::set_published(db, &officer, id, Publication::Consultation, false, None)
                .await,
            Err(ServiceError::Conflict(e)) if e.code == cohesion_domain::ErrorCode::NotPublished
        ));
        authoring::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();

        for action in [
            "consultation.create",
            "consultation.survey",
            "consultation.stages",
            "consultation.publish",
            "consultation.unpublish",
            "consultation.update",
        ] {
            let log = audit_of(db, action, officer.user_id).await;
            assert!(
                log.iter().any(|e| e.subject_id == Some(id)),
                "{action} logged"
            );
        }
        let created = audit_of(db, "consultation.create", officer.user_id).await;
        assert_eq!(created[0].client.as_deref(), Some("192.0.2.10"));
        assert!(
            audit_of(db, "consultation.create", resident.user_id)
                .await
                .is_empty(),
            "refused attempts change nothing"
        );

        // The list: open first, then upcoming, then closed.
        published(
            db,
            &officer,
            &input("Library opening hours", "Libraries", FUTURE, false),
            &survey(),
        )
        .await;
        published(
            db,
            &officer,
            &input("Park lighting", "community SAFETY", PAST, false),
            &survey(),
        )
        .await;
        authoring::create(
            db,
            &officer,
            &input("Budget draft", "Budget, Community safety", NOW, false),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        let all = |drafts: bool| ListFilter {
            drafts,
            ..Default::default()
        };
        let everyone = reading::list(db, None, all(false), 1).await.unwrap();
        assert_eq!(
            titles(&everyone),
            [
                "Safer streets for all",
                "Library opening hours",
                "Park lighting"
            ]
        );
        assert_eq!(everyone.1, 3);
        for viewer in [None, Some(&resident)] {
            let l = reading::list(db, viewer, all(true), 1).await.unwrap();
            assert_eq!(l.1, 3, "no drafts for {viewer:?}");
        }
        let staff = reading::list(db, Some(&officer), all(true), 1)
            .await
            .unwrap();
        assert_eq!(staff.1, 4);
        assert!(titles(&staff).contains(&"Budget draft"));
        let staff = reading::list(db, Some(&officer), all(false), 1)
            .await
            .unwrap();
        assert_eq!(staff.1, 3, "drafts only when asked for");

        for (status, expected) in [
            (Status::Open, "Safer streets for all"),
            (Status::Upcoming, "Library opening hours"),
            (Status::Closed, "Park lighting"),
        ] {
            let q = ListFilter {
                status: Some(status),
                ..Default::default()
            };
            let l = reading::list(db, None, q, 1).await.unwrap();
            assert_eq!((titles(&l), l.1), (vec![expected], 1), "{status:?}");
        }
        let q = ListFilter {
            status: Some(Status::Open),
            drafts: true,
            ..Default::default()
        };
        let l = reading::list(db, Some(&officer), q, 1).await.unwrap();
        assert_eq!(l.1, 2, "{:?}", titles(&l));

        let q = ListFilter {
            topic: Some("COMMUNITY SAFETY"),
            ..Default::default()
        };
        let l = reading::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Safer streets for all", "Park lighting"]);
        let q = ListFilter {
            topic: Some("libraries"),
            ..Default::default()
        };
        let l = reading::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Library opening hours"]);
        let q = ListFilter {
            topic: Some("budget"),
            ..Default::default()
        };
        assert_eq!(reading::list(db, None, q, 1).await.unwrap().1, 0);

        let q = ListFilter {
            search: Some("LIGHTING"),
            ..Default::default()
        };
        let l = reading::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Park lighting"]);
        let q = ListFilter {
            search: Some("tell us about library"),
            ..Default::default()
        };
        let l = reading::list(db, None, q, 1).await.unwrap();
        assert_eq!(
            titles(&l),
            ["Library opening hours"],
            "the summary is searched"
        );
        for wild in ["%", "_"] {
            let q = ListFilter {
                search: Some(wild),
                ..Default::default()
            };
            assert_eq!(
                reading::list(db, None, q, 1).await.unwrap().1,
                0,
                "{wild} is literal"
            );
        }
        let l = reading::list(db, None, all(false), 2).await.unwrap();
        assert!(l.0.is_empty(), "page 2 of 3");
        assert_eq!(l.1, 3);
    }
}

#[tokio::test]
async fn a_bad_survey_saves_nothing_and_a_survey_with_responses_is_locked() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = authoring::create(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        authoring::set_survey(db, &officer, id, &survey(), None)
            .await
            .unwrap();

        // A rule on page 1 that looks at a question on page 2.
        let mut forward = survey();
        forward.pages[0].questions[0].show_if = Some(Rule {
            question: "q2".into(),
            any_of: vec![0],
        });
        forward.pages[1].questions[0].show_if = None;
        match authoring::set_survey(db, &officer, id, &forward, None).await {
            Err(ServiceError::Consultation(ConsultationError::InvalidSurvey(errors))) => {
                let got: Vec<_> = errors.iter().map(|e| (e.at.as_str(), e.code)).collect();
                assert!(got.contains(&("q1", ErrorCode::InvalidSurvey)), "{got:?}");
            }
            other => panic!("{other:?}"),
        }
        let mut no_purpose = survey();
        no_purpose.pages[1].questions[1].purpose = "  ".into();
        match authoring::set_survey(db, &officer, id, &no_purpose, None).await {
            Err(ServiceError::Consultation(ConsultationError::InvalidSurvey(errors))) => {
                assert_eq!(errors[0].at, "q3");
                assert_eq!(errors[0].code, ErrorCode::PurposeRequired);
            }
            other => panic!("{other:?}"),
        }
        let v = reading::view(db, Some(&officer), id).await.unwrap();
        assert_eq!(v.survey, survey(), "the stored survey is unchanged");
        assert_eq!(
            audit_of(db, "consultation.survey", officer.user_id)
                .await
                .len(),
            1,
            "refused surveys are not logged as saved"
        );

        // Before anyone answers, the survey may still change.
        let mut shorter = survey();
        shorter.pages[0].questions.pop();
        authoring::set_survey(db, &officer, id, &shorter, None)
            .await
            .unwrap();
        authoring::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();
        // A first page saved is enough: the draft names questions.
        writes::save_page(
            db,
            Respondent::Account(&resident),
            id,
            0,
            &raw(&[("q1", "0")]),
        )
        .await
        .unwrap();
        let e = authoring::set_survey(db, &officer, id, &survey(), None).await;
        match e {
            Err(ServiceError::Invalid(v)) => {
                assert_eq!((v.field, v.code), ("survey", ErrorCode::SurveyLocked))
            }
            other => panic!("{other:?}"),
        }
        let v = reading::view(db, None, id).await.unwrap();
        assert_eq!(v.survey, shorter, "the locked survey is unchanged");
    }
}
