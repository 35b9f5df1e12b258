//! Consultations, surveys, responses and results, on every engine:
//! officers build and publish, residents (and, where allowed, anonymous
//! visitors) answer page by page, results come from running totals that
//! always agree with a recount, and account deletion takes answers along.

use std::collections::BTreeMap;

use cohesion_domain::consultation::{ConsultationInput, StageInput, StageLink, StageState, Status};
use cohesion_domain::identity::Role;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::{
    Demographic, PageDef, QuestionDef, QuestionKind, Rule, SurveyDefinition,
};
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_insight::proportion::Proportion;
use cohesion_services::accounts::your_data::{self, Contributions};
use cohesion_services::accounts::{
    self, Letter, LetterKind, Letters, Origin, Passwords, SignUp, SignedIn,
};
use cohesion_services::responding::{self, Next, Respondent};
use cohesion_services::results::{self, QuestionResult, Results};
use cohesion_services::ServiceError;
use cohesion_services::{consultations, exports};
use cohesion_storage::accounts::users;
use cohesion_storage::audit::{self, AuditEntry, AuditQuery};
use cohesion_storage::consultations::catalogue::{ConsultationRecord, ListQuery, Publication};
use cohesion_storage::consultations::responses::{Owner, ResponseRecord};
use cohesion_storage::consultations::{answers, export_pages, responses, totals};
use cohesion_storage::{outbox, schema, Db};
use cohesion_testkit as testkit;
use uuid::Uuid;

struct Plain;

impl Letters for Plain {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter {
        Letter {
            subject: format!("[{locale}] {kind:?}"),
            body: format!("Open {link}"),
        }
    }
}

const BASE: &str = "https://engage.example";
const PASSWORD: &str = "a long river of quiet words";

/// Signs up, confirms and signs in `email`, with `role` granted if any.
async fn person(db: &Db, pw: &Passwords, email: &str, name: &str, role: Option<Role>) -> SignedIn {
    let input = SignUp {
        email,
        display_name: name,
        password: PASSWORD,
        locale: "en",
    };
    accounts::sign_up(db, pw, &Plain, BASE, input, Origin::default())
        .await
        .unwrap();
    let token = {
        let mut c = db.acquire().await.unwrap();
        let mail = outbox::to_address(c.conn(), email, 1).await.unwrap();
        mail[0]
            .body
            .split("token=")
            .nth(1)
            .unwrap()
            .trim()
            .to_owned()
    };
    accounts::verify_email(db, &token, Origin::default())
        .await
        .unwrap();
    // The device names the person, so that the erasure check sees it too.
    let agent = format!("Firefox for {email}");
    let t = accounts::sign_in(db, pw, email, PASSWORD, Some(&agent), None)
        .await
        .unwrap();
    if let Some(role) = role {
        let me = accounts::session(db, &t.cookie).await.unwrap().unwrap();
        let mut c = db.acquire().await.unwrap();
        users::grant_role(c.conn(), me.user_id, role, None)
            .await
            .unwrap();
    }
    accounts::session(db, &t.cookie).await.unwrap().unwrap()
}

fn code(e: ServiceError) -> ErrorCode {
    match e {
        ServiceError::Invalid(v) => v.code,
        ServiceError::InvalidFields(v) => v[0].code,
        other => panic!("not a validation error: {other:?}"),
    }
}

fn answer_errors(e: ServiceError) -> Vec<(String, ErrorCode)> {
    match e {
        ServiceError::InvalidAnswers(v) => v.into_iter().map(|e| (e.question, e.code)).collect(),
        other => panic!("not invalid answers: {other:?}"),
    }
}

fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
    let mut out = RawAnswers::new();
    for (k, v) in pairs {
        out.entry(k.to_string()).or_default().push(v.to_string());
    }
    out
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn question(id: &str, kind: QuestionKind) -> QuestionDef {
    QuestionDef {
        id: id.into(),
        text: format!("Question {id}"),
        hint: String::new(),
        required: false,
        kind,
        show_if: None,
        purpose: String::new(),
    }
}

fn single(options: &[&str]) -> QuestionKind {
    QuestionKind::SingleChoice {
        options: strings(options),
    }
}

fn religion() -> QuestionDef {
    let mut q = question(
        "q3",
        QuestionKind::Demographic {
            of: Demographic::Religion,
            areas: vec![],
        },
    );
    q.purpose = "To check we hear from every faith community".into();
    q
}

/// Page 1: do you feel safe (required) and how you travel (two at most);
/// page 2: why (only after "Yes") and religion (special category).
fn survey() -> SurveyDefinition {
    let mut safe = question("q1", single(&["Yes", "No", "Not sure"]));
    safe.required = true;
    let travel = question(
        "q5",
        QuestionKind::MultipleChoice {
            options: strings(&["Bus", "Train", "Bicycle", "On foot"]),
            max: Some(2),
        },
    );
    let mut why = question("q2", QuestionKind::LongText { max_chars: 100 });
    why.show_if = Some(Rule {
        question: "q1".into(),
        any_of: vec![0],
    });
    SurveyDefinition {
        pages: vec![
            PageDef {
                title: "About you".into(),
                skip_if: None,
                questions: vec![safe, travel],
            },
            PageDef {
                title: "More".into(),
                skip_if: None,
                questions: vec![why, religion()],
            },
        ],
    }
}

/// The zone officers' dates are read in.
static LONDON: std::sync::LazyLock<SiteZone> = std::sync::LazyLock::new(SiteZone::default);

const PAST: (&str, &str) = ("2020-01-01T09:00", "2020-02-01T17:00");
const NOW: (&str, &str) = ("2020-01-01T09:00", "2099-01-01T17:00");
const FUTURE: (&str, &str) = ("2099-01-01T09:00", "2099-02-01T17:00");

fn input(title: &str, topics: &str, dates: (&str, &str), anonymous: bool) -> ConsultationInput {
    ConsultationInput {
        title: title.into(),
        summary: format!("Tell us about {}", title.to_lowercase()),
        body: "Some *markdown*".into(),
        topics: topics.into(),
        area: String::new(),
        opens_at: dates.0.into(),
        closes_at: dates.1.into(),
        allow_anonymous: if anonymous { "yes" } else { "no" }.into(),
        strands: String::new(),
        documents: String::new(),
    }
}

/// A published consultation with `survey`.
async fn published(
    db: &Db,
    officer: &SignedIn,
    input: &ConsultationInput,
    survey: &SurveyDefinition,
) -> Uuid {
    let id = consultations::create(db, officer, input, &LONDON, None)
        .await
        .unwrap();
    consultations::set_survey(db, officer, id, survey, None)
        .await
        .unwrap();
    consultations::set_published(db, officer, id, Publication::Consultation, true, None)
        .await
        .unwrap();
    id
}

/// "Safer streets" and "Parks", published, of [`survey`], open to
/// anonymous responses as `anonymous` says.
async fn two_consultations(db: &Db, officer: &SignedIn, anonymous: [bool; 2]) -> [Uuid; 2] {
    [
        published(
            db,
            officer,
            &input("Safer streets", "", NOW, anonymous[0]),
            &survey(),
        )
        .await,
        published(
            db,
            officer,
            &input("Parks", "", NOW, anonymous[1]),
            &survey(),
        )
        .await,
    ]
}

async fn record(db: &Db, id: Uuid) -> ConsultationRecord {
    let mut c = db.acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::find(c.conn(), id)
        .await
        .unwrap()
        .unwrap()
}

async fn response_of(db: &Db, id: Uuid, user: Uuid) -> ResponseRecord {
    let mut c = db.acquire().await.unwrap();
    responses::find_for(c.conn(), id, Owner::Account(user))
        .await
        .unwrap()
        .expect("a response")
}

/// Every stored answer row of a response, ordinary and special.
async fn stored_answers(db: &Db, response: Uuid) -> usize {
    let mut c = db.acquire().await.unwrap();
    let plain = answers::answers(c.conn(), response, false).await.unwrap();
    let special = answers::answers(c.conn(), response, true).await.unwrap();
    plain.len() + special.len()
}

/// The running totals, by (question, item, choice).
async fn totals(db: &Db, id: Uuid) -> BTreeMap<(String, i64, i64), i64> {
    let mut c = db.acquire().await.unwrap();
    totals::counts(c.conn(), id)
        .await
        .unwrap()
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect()
}

async fn audit_of(db: &Db, action: &str, actor: Uuid) -> Vec<AuditEntry> {
    let mut c = db.acquire().await.unwrap();
    let q = AuditQuery {
        action: Some(action),
        actor: Some(actor),
        limit: 100,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap()
}

/// Answers page by page, then submits; the reference.
async fn respond(db: &Db, who: Respondent<'_>, id: Uuid, pages: &[RawAnswers]) -> String {
    for (p, answers) in pages.iter().enumerate() {
        responding::save_page(db, who, id, p, answers)
            .await
            .unwrap_or_else(|e| panic!("page {p}: {e:?}"));
    }
    responding::submit(db, who, id).await.unwrap()
}

/// Every count shown, nothing suppressed.
const ALL: SmallBaseRules = SmallBaseRules {
    min_count: 0,
    min_base_for_percent: 0,
};

fn find<'a>(r: &'a Results, id: &str) -> Option<&'a QuestionResult> {
    r.questions.iter().find(|q| q.question.id == id)
}

fn counts(r: &Results, id: &str) -> Vec<Option<u64>> {
    let q = find(r, id).unwrap_or_else(|| panic!("{id} in the results"));
    q.lines[0].cells.iter().map(|c| c.count).collect()
}

fn titles(list: &(Vec<ConsultationRecord>, i64)) -> Vec<&str> {
    list.0.iter().map(|c| c.title.as_str()).collect()
}

#[tokio::test]
async fn officers_build_and_publish_consultations_and_others_only_read_them() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let safer = input("Safer streets", "Community safety, Hate crime", NOW, false);

        let e = consultations::create(db, &resident, &safer, &LONDON, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let untitled = ConsultationInput {
            title: " ".into(),
            ..safer.clone()
        };
        match consultations::create(db, &officer, &untitled, &LONDON, None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!((v[0].field, v[0].code), ("title", ErrorCode::FieldRequired))
            }
            other => panic!("{other:?}"),
        }

        let id = consultations::create(db, &officer, &safer, &LONDON, Some("192.0.2.10"))
            .await
            .unwrap();
        for viewer in [None, Some(&resident)] {
            assert!(
                matches!(
                    consultations::view(db, viewer, id).await,
                    Err(ServiceError::NotFound)
                ),
                "a draft does not exist for {viewer:?}"
            );
        }
        let draft = consultations::view(db, Some(&officer), id).await.unwrap();
        assert!(draft.record.published_at.is_none());
        assert!(draft.survey.pages.is_empty(), "a new draft has no survey");
        assert_eq!(draft.record.topics, ["Community safety", "Hate crime"]);
        assert!(!draft.record.allow_anonymous);

        let e = consultations::set_survey(db, &resident, id, &survey(), None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        consultations::set_survey(db, &officer, id, &survey(), None)
            .await
            .unwrap();
        let e = consultations::set_survey(db, &officer, Uuid::now_v7(), &survey(), None).await;
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
        match consultations::set_stages(db, &officer, id, &bad, None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!((v[0].field, v[0].code), ("state", ErrorCode::InvalidChoice))
            }
            other => panic!("{other:?}"),
        }
        let e = consultations::set_stages(db, &resident, id, &stages, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        consultations::set_stages(db, &officer, id, &stages, None)
            .await
            .unwrap();

        let e =
            consultations::set_published(db, &resident, id, Publication::Consultation, true, None)
                .await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        let e = consultations::set_published(
            db,
            &officer,
            Uuid::now_v7(),
            Publication::Consultation,
            true,
            None,
        )
        .await;
        assert!(matches!(e, Err(ServiceError::NotFound)));
        consultations::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();

        for viewer in [None, Some(&resident)] {
            let v = consultations::view(db, viewer, id).await.unwrap();
            assert!(v.record.published_at.is_some());
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
                v.record.status(cohesion_storage::Timestamp::now()),
                Status::Open
            );
        }

        let renamed = input(
            "Safer streets for all",
            "Community safety, Hate crime",
            NOW,
            false,
        );
        let e = consultations::update(db, &resident, id, &renamed, &LONDON, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        let e = consultations::update(db, &officer, Uuid::now_v7(), &renamed, &LONDON, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)));
        let backwards = ConsultationInput {
            closes_at: "2019-01-01T09:00".into(),
            ..renamed.clone()
        };
        match consultations::update(db, &officer, id, &backwards, &LONDON, None).await {
            Err(ServiceError::InvalidFields(v)) => {
                assert_eq!(v[0].code, ErrorCode::ClosesBeforeOpens)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(record(db, id).await.title, "Safer streets", "nothing saved");
        consultations::update(db, &officer, id, &renamed, &LONDON, None)
            .await
            .unwrap();
        let v = consultations::view(db, None, id).await.unwrap();
        assert_eq!(v.record.title, "Safer streets for all");
        assert_eq!(v.survey, survey(), "an update keeps the survey");
        assert_eq!(v.stages.len(), 3, "and the timeline");

        // Withdrawn, it is a draft again for the public.
        consultations::set_published(db, &officer, id, Publication::Consultation, false, None)
            .await
            .unwrap();
        assert!(matches!(
            consultations::view(db, None, id).await,
            Err(ServiceError::NotFound)
        ));
        consultations::set_published(db, &officer, id, Publication::Consultation, true, None)
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
        consultations::create(
            db,
            &officer,
            &input("Budget draft", "Budget, Community safety", NOW, false),
            &LONDON,
            None,
        )
        .await
        .unwrap();
        let all = |drafts: bool| ListQuery {
            drafts,
            ..Default::default()
        };
        let everyone = consultations::list(db, None, all(false), 1).await.unwrap();
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
            let l = consultations::list(db, viewer, all(true), 1).await.unwrap();
            assert_eq!(l.1, 3, "no drafts for {viewer:?}");
        }
        let staff = consultations::list(db, Some(&officer), all(true), 1)
            .await
            .unwrap();
        assert_eq!(staff.1, 4);
        assert!(titles(&staff).contains(&"Budget draft"));
        let staff = consultations::list(db, Some(&officer), all(false), 1)
            .await
            .unwrap();
        assert_eq!(staff.1, 3, "drafts only when asked for");

        for (status, expected) in [
            (Status::Open, "Safer streets for all"),
            (Status::Upcoming, "Library opening hours"),
            (Status::Closed, "Park lighting"),
        ] {
            let q = ListQuery {
                status: Some(status),
                ..Default::default()
            };
            let l = consultations::list(db, None, q, 1).await.unwrap();
            assert_eq!((titles(&l), l.1), (vec![expected], 1), "{status:?}");
        }
        let q = ListQuery {
            status: Some(Status::Open),
            drafts: true,
            ..Default::default()
        };
        let l = consultations::list(db, Some(&officer), q, 1).await.unwrap();
        assert_eq!(l.1, 2, "{:?}", titles(&l));

        let q = ListQuery {
            topic: Some("COMMUNITY SAFETY"),
            ..Default::default()
        };
        let l = consultations::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Safer streets for all", "Park lighting"]);
        let q = ListQuery {
            topic: Some("libraries"),
            ..Default::default()
        };
        let l = consultations::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Library opening hours"]);
        let q = ListQuery {
            topic: Some("budget"),
            ..Default::default()
        };
        assert_eq!(consultations::list(db, None, q, 1).await.unwrap().1, 0);

        let q = ListQuery {
            search: Some("LIGHTING"),
            ..Default::default()
        };
        let l = consultations::list(db, None, q, 1).await.unwrap();
        assert_eq!(titles(&l), ["Park lighting"]);
        let q = ListQuery {
            search: Some("tell us about library"),
            ..Default::default()
        };
        let l = consultations::list(db, None, q, 1).await.unwrap();
        assert_eq!(
            titles(&l),
            ["Library opening hours"],
            "the summary is searched"
        );
        for wild in ["%", "_"] {
            let q = ListQuery {
                search: Some(wild),
                ..Default::default()
            };
            assert_eq!(
                consultations::list(db, None, q, 1).await.unwrap().1,
                0,
                "{wild} is literal"
            );
        }
        let l = consultations::list(db, None, all(false), 2).await.unwrap();
        assert!(l.0.is_empty(), "page 2 of 3");
        assert_eq!(l.1, 3);
    }
}

#[tokio::test]
async fn a_bad_survey_saves_nothing_and_a_survey_with_responses_is_locked() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let id = consultations::create(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &LONDON,
            None,
        )
        .await
        .unwrap();
        consultations::set_survey(db, &officer, id, &survey(), None)
            .await
            .unwrap();

        // A rule on page 1 that looks at a question on page 2.
        let mut forward = survey();
        forward.pages[0].questions[0].show_if = Some(Rule {
            question: "q2".into(),
            any_of: vec![0],
        });
        forward.pages[1].questions[0].show_if = None;
        match consultations::set_survey(db, &officer, id, &forward, None).await {
            Err(ServiceError::InvalidSurvey(errors)) => {
                let got: Vec<_> = errors.iter().map(|e| (e.at.as_str(), e.code)).collect();
                assert!(got.contains(&("q1", ErrorCode::InvalidSurvey)), "{got:?}");
            }
            other => panic!("{other:?}"),
        }
        let mut no_purpose = survey();
        no_purpose.pages[1].questions[1].purpose = "  ".into();
        match consultations::set_survey(db, &officer, id, &no_purpose, None).await {
            Err(ServiceError::InvalidSurvey(errors)) => {
                assert_eq!(errors[0].at, "q3");
                assert_eq!(errors[0].code, ErrorCode::PurposeRequired);
            }
            other => panic!("{other:?}"),
        }
        let v = consultations::view(db, Some(&officer), id).await.unwrap();
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
        consultations::set_survey(db, &officer, id, &shorter, None)
            .await
            .unwrap();
        consultations::set_published(db, &officer, id, Publication::Consultation, true, None)
            .await
            .unwrap();
        // A first page saved is enough: the draft names questions.
        responding::save_page(
            db,
            Respondent::Account(&resident),
            id,
            0,
            &raw(&[("q1", "0")]),
        )
        .await
        .unwrap();
        let e = consultations::set_survey(db, &officer, id, &survey(), None).await;
        match e {
            Err(ServiceError::Invalid(v)) => {
                assert_eq!((v.field, v.code), ("survey", ErrorCode::SurveyLocked))
            }
            other => panic!("{other:?}"),
        }
        let v = consultations::view(db, None, id).await.unwrap();
        assert_eq!(v.survey, shorter, "the locked survey is unchanged");
    }
}

#[tokio::test]
async fn answers_are_checked_page_by_page_and_bad_ones_change_nothing() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        let me = Respondent::Account(&resident);

        let p = responding::progress(db, me, id).await.unwrap();
        assert!(p.response.is_none() && p.draft.is_empty());
        assert_eq!(p.pages, [0, 1]);

        // A bad first page does not even start a response.
        let e = responding::save_page(db, me, id, 0, &raw(&[("q1", "7")])).await;
        assert_eq!(
            answer_errors(e.unwrap_err()),
            [("q1".to_string(), ErrorCode::InvalidChoice)]
        );
        assert!(responding::progress(db, me, id)
            .await
            .unwrap()
            .response
            .is_none());

        // "No" hides the follow-up question.
        let next = responding::save_page(db, me, id, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        assert_eq!(next, Next::Page(1));
        let saved = responding::progress(db, me, id).await.unwrap().draft;
        assert_eq!(saved, raw(&[("q1", "1")]));

        let bad_pages = [
            (
                1,
                raw(&[("q2", "sneaky"), ("q3", "2")]),
                ("q2", ErrorCode::HiddenQuestion),
            ),
            (
                0,
                raw(&[("q1", "0"), ("zz", "1")]),
                ("zz", ErrorCode::UnknownQuestion),
            ),
            // A question of another page is unknown on this one.
            (
                0,
                raw(&[("q1", "0"), ("q3", "2")]),
                ("q3", ErrorCode::UnknownQuestion),
            ),
            (0, raw(&[("q1", "3")]), ("q1", ErrorCode::InvalidChoice)),
            (0, raw(&[("q1", "-1")]), ("q1", ErrorCode::InvalidChoice)),
            (
                0,
                raw(&[("q1", "0"), ("q1", "1")]),
                ("q1", ErrorCode::TooManyChoices),
            ),
            (
                0,
                raw(&[("q1", "0"), ("q5", "0"), ("q5", "1"), ("q5", "3")]),
                ("q5", ErrorCode::TooManyChoices),
            ),
            (0, raw(&[("q5", "0")]), ("q1", ErrorCode::FieldRequired)),
            (1, raw(&[("q3", "9")]), ("q3", ErrorCode::InvalidChoice)),
        ];
        for (page, answers, expected) in bad_pages {
            let e = responding::save_page(db, me, id, page, &answers).await;
            let got = answer_errors(e.unwrap_err());
            assert_eq!(
                got,
                [(expected.0.to_owned(), expected.1)],
                "page {page} with {answers:?}"
            );
            assert_eq!(
                responding::progress(db, me, id).await.unwrap().draft,
                saved,
                "{answers:?} left the draft alone"
            );
        }

        // "Yes" shows it, but not at any length.
        responding::save_page(
            db,
            me,
            id,
            0,
            &raw(&[("q1", "0"), ("q5", "2"), ("q5", "0")]),
        )
        .await
        .unwrap();
        let saved = responding::progress(db, me, id).await.unwrap().draft;
        assert_eq!(saved, raw(&[("q1", "0"), ("q5", "2"), ("q5", "0")]));
        let long = "x".repeat(101);
        let e = responding::save_page(db, me, id, 1, &raw(&[("q2", &long)])).await;
        assert_eq!(
            answer_errors(e.unwrap_err()),
            [("q2".to_string(), ErrorCode::FieldTooLong)]
        );
        assert_eq!(responding::progress(db, me, id).await.unwrap().draft, saved);
        let e = responding::save_page(db, me, id, 2, &raw(&[])).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        let fits = "x".repeat(100);
        let next = responding::save_page(db, me, id, 1, &raw(&[("q2", &fits)]))
            .await
            .unwrap();
        assert_eq!(next, Next::CheckAnswers);
        let p = responding::progress(db, me, id).await.unwrap();
        assert_eq!(p.draft["q2"], [fits]);
        assert!(!p.is_submitted());
        assert_eq!(
            record(db, id).await.response_count,
            0,
            "a draft is not a response yet"
        );
        assert!(totals(db, id).await.is_empty(), "nor counted");
    }
}

#[tokio::test]
async fn a_response_is_submitted_changed_and_counted_once() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let analyst = person(
            db,
            &pw,
            "ana@council.example",
            "Ana Petrova",
            Some(Role::Analyst),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let neighbour = person(db, &pw, "nick@example.org", "Nick N", None).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        let me = Respondent::Account(&resident);

        let e = responding::submit(db, me, id).await;
        assert_eq!(
            code(e.unwrap_err()),
            ErrorCode::FieldRequired,
            "nothing to submit"
        );
        let next = responding::save_page(
            db,
            me,
            id,
            0,
            &raw(&[("q1", "0"), ("q5", "0"), ("q5", "2")]),
        )
        .await
        .unwrap();
        assert_eq!(next, Next::Page(1));
        let next = responding::save_page(
            db,
            me,
            id,
            1,
            &raw(&[("q2", "More lamps by the canal"), ("q3", "5")]),
        )
        .await
        .unwrap();
        assert_eq!(next, Next::CheckAnswers);
        let reference = responding::submit(db, me, id).await.unwrap();
        assert_eq!(reference.len(), 9);
        assert_eq!(reference.chars().nth(4), Some('-'));
        let p = responding::progress(db, me, id).await.unwrap();
        assert!(p.is_submitted());
        assert_eq!(p.response.as_ref().unwrap().reference, reference);
        assert_eq!(record(db, id).await.response_count, 1);

        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(1), Some(0), Some(0)]);
        assert_eq!(counts(&r, "q5"), [Some(1), Some(0), Some(1), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 1);
        assert_eq!(
            find(&r, "q2").unwrap().answered,
            1,
            "free text counts as answered"
        );
        let q3 = find(&r, "q3").unwrap();
        assert!(
            q3.withheld && q3.lines.is_empty(),
            "officers do not see religion"
        );
        let r = results::results(db, Some(&analyst), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(
            counts(&r, "q3"),
            [0u64, 0, 0, 0, 0, 1, 0, 0, 0].map(Some),
            "analysts do"
        );

        // A change of mind: "No" drops the follow-up answer.
        let next = responding::save_page(db, me, id, 0, &raw(&[("q1", "1"), ("q5", "1")]))
            .await
            .unwrap();
        assert_eq!(next, Next::Page(1), "religion is still asked");
        let p = responding::progress(db, me, id).await.unwrap();
        assert!(
            !p.draft.contains_key("q2"),
            "no stale answer: {:?}",
            p.draft
        );
        assert_eq!(p.draft["q3"], ["5"]);
        assert!(
            p.is_submitted(),
            "the first submission stands until resubmitted"
        );
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(
            counts(&r, "q1"),
            [Some(1), Some(0), Some(0)],
            "not yet counted"
        );

        let again = responding::submit(db, me, id).await.unwrap();
        assert_eq!(again, reference, "the same response");
        assert_eq!(record(db, id).await.response_count, 1);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(1), Some(0)]);
        assert_eq!(counts(&r, "q5"), [Some(0), Some(1), Some(0), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 1);
        assert_eq!(find(&r, "q2").unwrap().answered, 0);
        assert_eq!(find(&r, "q3").unwrap().answered, 1);
        let response = response_of(db, id, resident.user_id).await;
        assert_eq!(stored_answers(db, response.id).await, 3, "q1, q5 and q3");
        assert!(results::verify_totals(db, id).await.unwrap().is_empty());

        respond(
            db,
            Respondent::Account(&neighbour),
            id,
            &[raw(&[("q1", "0")]), raw(&[("q3", "8")])],
        )
        .await;
        assert_eq!(record(db, id).await.response_count, 2);
        let r = results::results(db, Some(&analyst), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(1), Some(1), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 2);
        assert_eq!(counts(&r, "q3")[5], Some(1));
        assert_eq!(counts(&r, "q3")[8], Some(1));
        assert!(results::verify_totals(db, id).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn responses_are_taken_only_while_open_and_anonymously_only_when_allowed() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let me = Respondent::Account(&resident);
        let page = raw(&[("q1", "1")]);

        for dates in [PAST, FUTURE] {
            let id = published(db, &officer, &input("Not now", "", dates, true), &survey()).await;
            for who in [me, Respondent::Anonymous("visitor-1")] {
                let e = responding::save_page(db, who, id, 0, &page).await;
                assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
                let e = responding::submit(db, who, id).await;
                assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
            }
            assert_eq!(record(db, id).await.response_count, 0);
        }
        let draft =
            consultations::create(db, &officer, &input("Draft", "", NOW, true), &LONDON, None)
                .await
                .unwrap();
        consultations::set_survey(db, &officer, draft, &survey(), None)
            .await
            .unwrap();
        let e = responding::save_page(db, me, draft, 0, &page).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        assert!(matches!(
            responding::progress(db, me, draft).await,
            Err(ServiceError::NotFound)
        ));

        // Sign-in only.
        let members = published(db, &officer, &input("Members", "", NOW, false), &survey()).await;
        let visitor = Respondent::Anonymous("visitor-1");
        let e = responding::save_page(db, visitor, members, 0, &page).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::SignInRequired);
        let e = responding::submit(db, visitor, members).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::SignInRequired);
        assert!(responding::progress(db, visitor, members)
            .await
            .unwrap()
            .response
            .is_none());

        // Anonymous allowed: each browser's secret is its own respondent.
        let open = published(db, &officer, &input("Everyone", "", NOW, true), &survey()).await;
        let a = Respondent::Anonymous("secret-of-browser-a");
        let b = Respondent::Anonymous("secret-of-browser-b");
        let ref_a = respond(
            db,
            a,
            open,
            &[raw(&[("q1", "0")]), raw(&[("q2", "Lights")])],
        )
        .await;
        let ref_b = respond(db, b, open, &[raw(&[("q1", "1")]), raw(&[])]).await;
        assert_ne!(ref_a, ref_b);
        assert_eq!(record(db, open).await.response_count, 2);
        let p = responding::progress(db, a, open).await.unwrap();
        assert!(p.is_submitted());
        assert_eq!(p.response.unwrap().reference, ref_a);
        assert_eq!(p.draft["q2"], ["Lights"]);
        for stranger in ["", "secret-of-browser-c"] {
            let p = responding::progress(db, Respondent::Anonymous(stranger), open)
                .await
                .unwrap();
            assert!(p.response.is_none() && p.draft.is_empty(), "{stranger:?}");
        }
        // A resubmission by the same browser replaces its answers.
        responding::save_page(db, a, open, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        assert_eq!(responding::submit(db, a, open).await.unwrap(), ref_a);
        assert_eq!(record(db, open).await.response_count, 2);
        let r = results::results(db, Some(&officer), open, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(2), Some(0)]);
        // The same secret elsewhere is someone new there.
        let other = published(db, &officer, &input("Elsewhere", "", NOW, true), &survey()).await;
        assert!(responding::progress(db, a, other)
            .await
            .unwrap()
            .response
            .is_none());

        // A response can be changed until the consultation closes.
        respond(db, me, open, &[raw(&[("q1", "2")]), raw(&[])]).await;
        assert_eq!(record(db, open).await.response_count, 3);
        consultations::update(
            db,
            &officer,
            open,
            &input("Everyone", "", PAST, true),
            &LONDON,
            None,
        )
        .await
        .unwrap();
        let e = responding::save_page(db, me, open, 0, &raw(&[("q1", "0")])).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
        let e = responding::submit(db, me, open).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
        let r = results::results(db, Some(&officer), open, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(2), Some(1)]);
        assert_eq!(record(db, open).await.response_count, 3);
    }
}

/// One page: q1 (A/B/C), q4 (W/X/Y/Z), q5 (P/Q, optional), q6 (M/N,
/// optional) and religion.
fn big_survey() -> SurveyDefinition {
    let mut q1 = question("q1", single(&["A", "B", "C"]));
    q1.required = true;
    SurveyDefinition {
        pages: vec![PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![
                q1,
                question("q4", single(&["W", "X", "Y", "Z"])),
                question("q5", single(&["P", "Q"])),
                question("q6", single(&["M", "N"])),
                religion(),
            ],
        }],
    }
}

/// Respondent `i` of 40: q1 25/10/5, q4 20/12/3/5, q5 10/10 (20 answer),
/// q6 6/0 (6 answer), religion 20 Christian (even) / 20 Muslim (odd).
fn answers_of(i: usize) -> RawAnswers {
    let q1 = match i {
        0..=24 => "0",
        25..=34 => "1",
        _ => "2",
    };
    let q4 = match i {
        0..=19 => "0",
        20..=31 => "1",
        32..=34 => "2",
        _ => "3",
    };
    let religion = if i.is_multiple_of(2) { "2" } else { "5" };
    let mut out = raw(&[("q1", q1), ("q4", q4), ("q3", religion)]);
    if i < 20 {
        out.insert("q5".into(), vec![if i < 10 { "0" } else { "1" }.into()]);
    }
    if i < 6 {
        out.insert("q6".into(), vec!["0".into()]);
    }
    out
}

#[tokio::test]
async fn results_hide_small_counts_and_guard_special_categories() {
    let pw = Passwords::new(2);
    let rules = SmallBaseRules::default();
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let analyst = person(
            db,
            &pw,
            "ana@council.example",
            "Ana Petrova",
            Some(Role::Analyst),
        )
        .await;
        let resident = person(db, &pw, "rita@example.org", "Rita R", None).await;
        let id = published(
            db,
            &officer,
            &input("Big survey", "", NOW, true),
            &big_survey(),
        )
        .await;
        for i in 0..40 {
            let secret = format!("visitor-{i}");
            respond(db, Respondent::Anonymous(&secret), id, &[answers_of(i)]).await;
        }
        assert_eq!(record(db, id).await.response_count, 40);
        assert!(results::verify_totals(db, id).await.unwrap().is_empty());

        let r = results::results(db, Some(&officer), id, rules, Some("192.0.2.20"))
            .await
            .unwrap();
        let q1 = find(&r, "q1").unwrap();
        assert_eq!((q1.answered, q1.lines[0].base), (40, 40));
        assert!(!q1.lines[0].base_hidden);
        // 5 is under 10; with the total published, 10 must go too.
        assert_eq!(counts(&r, "q1"), [Some(25), None, None]);
        let share = q1.lines[0].cells[0].share.expect("a share of 40");
        assert_eq!(Some(share), Proportion::wilson(25, 40));
        assert!(share.low < 0.625 && 0.625 < share.high, "{share:?}");
        assert!((share.share - 0.625).abs() < 1e-9);
        assert!(q1.lines[0].cells[1].share.is_none() && q1.lines[0].cells[2].share.is_none());
        // Two small cells protect each other.
        assert_eq!(counts(&r, "q4"), [Some(20), Some(12), None, None]);
        let q4 = find(&r, "q4").unwrap();
        assert_eq!(q4.lines[0].cells[1].share, Proportion::wilson(12, 40));
        // 20 answered: counts of 10 shown, percentages not.
        let q5 = find(&r, "q5").unwrap();
        assert_eq!(counts(&r, "q5"), [Some(10), Some(10)]);
        assert_eq!(q5.lines[0].base, 20);
        assert!(q5.lines[0].cells.iter().all(|c| c.share.is_none()));
        // 6 answered: nothing at all.
        let q6 = find(&r, "q6").unwrap();
        assert!(q6.lines[0].base_hidden);
        assert_eq!(counts(&r, "q6"), [None, None]);
        let q3 = find(&r, "q3").unwrap();
        assert!(q3.withheld && q3.lines.is_empty());
        assert!(
            audit_of(db, "special_category.view", officer.user_id)
                .await
                .is_empty(),
            "nothing special was shown"
        );

        // The public waits for the officer.
        for viewer in [None, Some(&resident)] {
            let e = results::results(db, viewer, id, rules, None).await;
            assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        }
        let e =
            consultations::set_published(db, &resident, id, Publication::Results, true, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        consultations::set_published(db, &officer, id, Publication::Results, true, None)
            .await
            .unwrap();
        for viewer in [None, Some(&resident)] {
            let public = results::results(db, viewer, id, rules, None).await.unwrap();
            assert!(find(&public, "q3").is_none(), "no religion in public");
            assert_eq!(counts(&public, "q1"), [Some(25), None, None]);
            assert_eq!(counts(&public, "q4"), [Some(20), Some(12), None, None]);
            assert_eq!(public.questions.len(), 4);
        }
        assert!(audit_of(db, "special_category.view", resident.user_id)
            .await
            .is_empty());
        consultations::set_published(db, &officer, id, Publication::Results, false, None)
            .await
            .unwrap();
        assert!(matches!(
            results::results(db, None, id, rules, None).await,
            Err(ServiceError::NotFound)
        ));

        // Analysts see religion, under audit.
        let r = results::results(db, Some(&analyst), id, rules, Some("192.0.2.30"))
            .await
            .unwrap();
        let q3 = find(&r, "q3").unwrap();
        assert!(!q3.withheld);
        assert_eq!(q3.answered, 40);
        let mut expected = vec![None; 9];
        expected[2] = Some(20);
        expected[5] = Some(20);
        assert_eq!(counts(&r, "q3"), expected);
        let log = audit_of(db, "special_category.view", analyst.user_id).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].subject_id, Some(id));
        assert_eq!(log[0].client.as_deref(), Some("192.0.2.30"));

        // Crosstabs by religion: analysts only, and logged.
        let e = results::crosstab(db, &officer, id, "q1", "q3", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = results::crosstab(db, &officer, id, "q3", "q1", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = results::crosstab(db, &resident, id, "q1", "q4", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = results::crosstab(db, &officer, id, "q1", "nope", rules, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::UnknownQuestion);
        let plain = results::crosstab(db, &officer, id, "q1", "q4", rules, None)
            .await
            .unwrap();
        // q1 A (0..25) by q4 W (0..20) and X (20..25).
        assert_eq!(plain.cells[0][0], Some(20));
        assert_eq!(plain.row_totals, [Some(25), Some(10), None]);
        assert_eq!(
            audit_of(db, "special_category.view", officer.user_id)
                .await
                .len(),
            0
        );

        let x = results::crosstab(db, &analyst, id, "q1", "q3", rules, None)
            .await
            .unwrap();
        assert_eq!(x.rows_by.id, "q1");
        assert_eq!(x.columns_by.id, "q3");
        // A: 13 Christian, 12 Muslim; B: 5 and 5; C: 2 and 3.
        assert_eq!(x.cells[0][2], Some(13));
        assert_eq!(x.cells[0][5], Some(12));
        assert_eq!(x.cells[1][2], None);
        assert_eq!(x.cells[2][5], None);
        assert_eq!(x.row_totals, [Some(25), Some(10), None]);
        assert_eq!(x.column_totals[2], Some(20));
        assert_eq!(x.column_totals[5], Some(20));
        assert_eq!(x.column_totals[0], None);
        assert!(
            x.shares.iter().flatten().all(Option::is_none),
            "columns of 20 are too small for percentages"
        );
        let log = audit_of(db, "special_category.view", analyst.user_id).await;
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].detail, "crosstab q1 by q3");
        assert_eq!(log[0].subject_id, Some(id));
    }
}

/// Two tabs (or a double click) submitting the same response at once.
#[tokio::test]
async fn a_response_submitted_twice_at_once_counts_once() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let id = published(db, &officer, &input("Everyone", "", NOW, true), &survey()).await;
        for i in 0..8 {
            let secret = format!("double-clicker-{i}");
            let who = Respondent::Anonymous(&secret);
            responding::save_page(db, who, id, 0, &raw(&[("q1", "0")]))
                .await
                .unwrap();
            responding::save_page(db, who, id, 1, &raw(&[("q2", "Both tabs"), ("q3", "1")]))
                .await
                .unwrap();
            let (a, b) = tokio::join!(
                responding::submit(db, who, id),
                responding::submit(db, who, id)
            );
            assert_eq!(a.unwrap(), b.unwrap());
        }
        assert_eq!(record(db, id).await.response_count, 8);
        assert_eq!(
            results::verify_totals(db, id).await.unwrap(),
            [],
            "{:?}",
            t.engine()
        );
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(8), Some(0), Some(0)]);
        assert_eq!(find(&r, "q2").unwrap().answered, 8);
    }
}

#[tokio::test]
async fn running_totals_match_a_recount_through_changes_and_account_deletions() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let stayer = person(db, &pw, "stay@example.org", "Stay S", None).await;
        let leaver = person(db, &pw, "leave@example.org", "Leave L", None).await;
        let keeper = person(db, &pw, "keep@example.org", "Keep K", None).await;
        let [a, b] = two_consultations(db, &officer, [true, false]).await;

        let stay = Respondent::Account(&stayer);
        respond(
            db,
            stay,
            a,
            &[
                raw(&[("q1", "0"), ("q5", "0"), ("q5", "1")]),
                raw(&[("q2", "Brighter lamps"), ("q3", "2")]),
            ],
        )
        .await;
        responding::save_page(db, stay, a, 0, &raw(&[("q1", "2"), ("q5", "3")]))
            .await
            .unwrap();
        responding::submit(db, stay, a).await.unwrap();

        let leave = Respondent::Account(&leaver);
        respond(
            db,
            leave,
            a,
            &[
                raw(&[("q1", "0"), ("q5", "2")]),
                raw(&[("q2", "Fewer cars"), ("q3", "5")]),
            ],
        )
        .await;
        responding::save_page(db, leave, a, 1, &raw(&[("q2", "Fewer cars"), ("q3", "8")]))
            .await
            .unwrap();
        responding::submit(db, leave, a).await.unwrap();
        responding::save_page(db, leave, b, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();

        let keep = Respondent::Account(&keeper);
        respond(db, keep, a, &[raw(&[("q1", "1")]), raw(&[("q3", "3")])]).await;
        responding::save_page(db, keep, b, 0, &raw(&[("q1", "0"), ("q5", "1")]))
            .await
            .unwrap();
        responding::save_page(db, keep, b, 1, &raw(&[("q2", "Unsent thoughts")]))
            .await
            .unwrap();

        for (i, q1) in ["0", "1"].into_iter().enumerate() {
            let secret = format!("anonymous-{i}");
            respond(
                db,
                Respondent::Anonymous(&secret),
                a,
                &[raw(&[("q1", q1)]), raw(&[])],
            )
            .await;
        }
        assert_eq!(record(db, a).await.response_count, 5);
        assert_eq!(results::verify_totals(db, a).await.unwrap(), []);
        let before = totals(db, a).await;
        let key = |q: &str, i: i64, c: i64| (q.to_owned(), i, c);
        assert_eq!(before[&key("q1", -1, -1)], 5);
        assert_eq!(
            before[&key("q1", 0, 0)],
            2,
            "the leaver's and one anonymous"
        );
        assert_eq!(before[&key("q3", 0, 8)], 1, "the leaver's changed answer");
        assert!(!before.contains_key(&key("q3", 0, 5)), "the old one left");

        // "Remove my contributions": the answers leave the totals.
        let left = response_of(db, a, leaver.user_id).await;
        assert_eq!(stored_answers(db, left.id).await, 4);
        your_data::delete_account(db, &pw, &leaver, PASSWORD, Contributions::Remove, None)
            .await
            .unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        let mut expected = before.clone();
        for k in [
            key("q1", 0, 0),
            key("q1", -1, -1),
            key("q5", 0, 2),
            key("q5", -1, -1),
            key("q2", -1, -1),
            key("q3", 0, 8),
            key("q3", -1, -1),
        ] {
            let n = expected.get_mut(&k).unwrap_or_else(|| panic!("{k:?}"));
            *n -= 1;
        }
        expected.retain(|_, n| *n != 0);
        assert_eq!(totals(db, a).await, expected);
        assert_eq!(results::verify_totals(db, a).await.unwrap(), []);
        let removed = response_of(db, a, leaver.user_id).await;
        assert!(removed.removed_at.is_some());
        assert_eq!(removed.draft, "{}");
        assert_eq!(stored_answers(db, removed.id).await, 0);
        let draft = response_of(db, b, leaver.user_id).await;
        assert!(draft.removed_at.is_some());
        assert_eq!(draft.draft, "{}");

        // "Keep my contributions": the response stays counted, the unsent
        // draft goes.
        let before = totals(db, a).await;
        your_data::delete_account(db, &pw, &keeper, PASSWORD, Contributions::Keep, None)
            .await
            .unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        assert_eq!(totals(db, a).await, before);
        assert_eq!(results::verify_totals(db, a).await.unwrap(), []);
        let kept = response_of(db, a, keeper.user_id).await;
        assert!(kept.removed_at.is_none() && kept.submitted_at.is_some());
        assert_eq!(stored_answers(db, kept.id).await, 2);
        assert_eq!(
            kept.draft, "{}",
            "the answers are kept, not the form's copy"
        );
        let draft = response_of(db, b, keeper.user_id).await;
        assert!(draft.removed_at.is_some());
        assert_eq!(draft.draft, "{}");
        assert!(draft.submitted_at.is_none());
        assert_eq!(record(db, b).await.response_count, 0);
        assert!(totals(db, b).await.is_empty());
        assert_eq!(results::verify_totals(db, b).await.unwrap(), []);

        // The one who stayed can still change their answer.
        responding::save_page(db, stay, a, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        responding::submit(db, stay, a).await.unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        assert_eq!(results::verify_totals(db, a).await.unwrap(), []);
        let r = results::results(db, Some(&officer), a, ALL, None)
            .await
            .unwrap();
        // Stayer, keeper and one anonymous said "No"; the other "Yes".
        assert_eq!(counts(&r, "q1"), [Some(1), Some(3), Some(0)]);
    }
}

#[tokio::test]
async fn deleting_an_account_after_answering_leaves_no_personal_data() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let [a, b] = two_consultations(db, &officer, [false, false]).await;
        for (choice, email, name, phrase) in [
            (
                Contributions::Keep,
                "yusuf.keepsake@example.org",
                "Yusuf Kq",
                "lamps along the towpath",
            ),
            (
                Contributions::Remove,
                "zainab.erasable@example.org",
                "Zainab Qx",
                "benches by the weir",
            ),
        ] {
            let me = person(db, &pw, email, name, None).await;
            let who = Respondent::Account(&me);
            respond(
                db,
                who,
                a,
                &[
                    raw(&[("q1", "0"), ("q5", "1")]),
                    raw(&[("q2", phrase), ("q3", "4")]),
                ],
            )
            .await;
            responding::save_page(db, who, b, 0, &raw(&[("q1", "0")]))
                .await
                .unwrap();
            let draft_phrase = format!("unsent {phrase}");
            // Second thoughts on the submitted response, never resubmitted.
            let edit = format!("on reflection, {phrase}");
            responding::save_page(db, who, a, 1, &raw(&[("q2", &edit), ("q3", "4")]))
                .await
                .unwrap();
            responding::save_page(db, who, b, 1, &raw(&[("q2", &draft_phrase)]))
                .await
                .unwrap();
            let hash = {
                let mut c = db.acquire().await.unwrap();
                users::find_by_id(c.conn(), me.user_id)
                    .await
                    .unwrap()
                    .unwrap()
                    .password_hash
                    .unwrap()
            };
            your_data::delete_account(db, &pw, &me, PASSWORD, choice, None)
                .await
                .unwrap();

            let mut c = db.acquire().await.unwrap();
            let local = email.split('@').next().unwrap();
            for needle in [
                email,
                local,
                name,
                hash.as_str(),
                draft_phrase.as_str(),
                edit.as_str(),
            ] {
                let found = schema::occurrences(c.conn(), needle).await.unwrap();
                assert!(
                    found.is_empty(),
                    "{choice:?}: {needle:?} remains in {found:?} ({:?})",
                    t.engine()
                );
            }
            let answered = schema::occurrences(c.conn(), phrase).await.unwrap();
            match choice {
                Contributions::Keep => assert!(
                    !answered.is_empty(),
                    "kept answers stay, without their author"
                ),
                Contributions::Remove => {
                    assert!(answered.is_empty(), "{phrase:?} remains in {answered:?}")
                }
            }
            drop(c);
            assert!(results::verify_totals(db, a).await.unwrap().is_empty());
        }
        assert_eq!(record(db, a).await.response_count, 1, "only the kept one");
    }
}

/// A matrix, a ranking, a number, a date and a short text.
fn kinds_survey() -> SurveyDefinition {
    SurveyDefinition {
        pages: vec![PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![
                question(
                    "m",
                    QuestionKind::Matrix {
                        rows: strings(&["Buses", "Trains"]),
                    },
                ),
                question(
                    "r",
                    QuestionKind::Ranking {
                        options: strings(&["Lighting", "Policing", "Youth clubs"]),
                    },
                ),
                question(
                    "n",
                    QuestionKind::Number {
                        min: Some(0),
                        max: Some(120),
                    },
                ),
                question("d", QuestionKind::Date),
                question("s", QuestionKind::ShortText),
            ],
        }],
    }
}

#[tokio::test]
async fn every_kind_of_answer_is_counted_and_recounted() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(
            db,
            &pw,
            "olu@council.example",
            "Olu Adeyemi",
            Some(Role::Officer),
        )
        .await;
        let id = published(
            db,
            &officer,
            &input("Kinds", "", NOW, true),
            &kinds_survey(),
        )
        .await;
        let one = Respondent::Anonymous("first-browser");
        let two = Respondent::Anonymous("second-browser");

        for (answers, expected) in [
            (
                raw(&[("r-0", "1"), ("r-1", "3")]),
                ("r", ErrorCode::InvalidRanking),
            ),
            (raw(&[("r-3", "1")]), ("r", ErrorCode::InvalidChoice)),
            (raw(&[("n", "121")]), ("n", ErrorCode::OutOfRange)),
            (raw(&[("d", "30/11/2026")]), ("d", ErrorCode::InvalidDate)),
            (raw(&[("m-2", "0")]), ("m", ErrorCode::InvalidChoice)),
            (raw(&[("m-0", "6")]), ("m", ErrorCode::InvalidChoice)),
            (
                raw(&[("s", &"x".repeat(201))]),
                ("s", ErrorCode::FieldTooLong),
            ),
        ] {
            let e = responding::save_page(db, one, id, 0, &answers).await;
            assert_eq!(
                answer_errors(e.unwrap_err()),
                [(expected.0.to_owned(), expected.1)],
                "{answers:?}"
            );
        }
        assert!(responding::progress(db, one, id)
            .await
            .unwrap()
            .response
            .is_none());

        respond(
            db,
            one,
            id,
            &[raw(&[
                ("m-0", "0"),
                ("m-1", "3"),
                ("r-2", "1"),
                ("r-0", "2"),
                ("n", "42"),
                ("d", "2026-11-30"),
                ("s", "hello"),
            ])],
        )
        .await;
        respond(
            db,
            two,
            id,
            &[raw(&[("m-0", "0"), ("r-1", "1"), ("n", "7")])],
        )
        .await;
        assert_eq!(results::verify_totals(db, id).await.unwrap(), []);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        let m = find(&r, "m").unwrap();
        let rows: Vec<(u64, Vec<Option<u64>>)> = m
            .lines
            .iter()
            .map(|l| (l.base, l.cells.iter().map(|c| c.count).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (2, [2u64, 0, 0, 0, 0, 0].map(Some).to_vec()),
                (1, [0u64, 0, 0, 1, 0, 0].map(Some).to_vec()),
            ]
        );
        assert_eq!(m.answered, 2);
        // A ranking counts first places.
        assert_eq!(counts(&r, "r"), [Some(0), Some(1), Some(1)]);
        for (q, n) in [("n", 2), ("d", 1), ("s", 1)] {
            let q = find(&r, q).unwrap();
            assert_eq!(q.answered, n, "{}", q.question.id);
            assert!(q.lines.is_empty());
        }

        responding::save_page(
            db,
            one,
            id,
            0,
            &raw(&[("m-0", "1"), ("r-0", "1"), ("n", "43")]),
        )
        .await
        .unwrap();
        responding::submit(db, one, id).await.unwrap();
        assert_eq!(record(db, id).await.response_count, 2);
        assert_eq!(results::verify_totals(db, id).await.unwrap(), []);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        let m = find(&r, "m").unwrap();
        assert_eq!(m.lines[0].base, 2);
        assert_eq!(m.lines[0].cells[0].count, Some(1));
        assert_eq!(m.lines[0].cells[1].count, Some(1));
        assert_eq!(m.lines[1].base, 0, "nobody rates trains now");
        assert_eq!(counts(&r, "r"), [Some(1), Some(1), Some(0)]);
        for (q, n) in [("n", 2), ("d", 0), ("s", 0)] {
            assert_eq!(find(&r, q).unwrap().answered, n, "{q}");
        }
    }
}

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
        let search = |q: &'static str| ListQuery {
            search: Some(q),
            ..Default::default()
        };
        for q in ["الامان", "الأمـــان", "الأَمان"] {
            let l = consultations::list(db, None, search(q), 1).await.unwrap();
            assert_eq!(l.0.iter().map(|c| c.id).collect::<Vec<_>>(), [a], "{q}");
        }
        assert_eq!(
            consultations::list(db, None, search("حدائق"), 1)
                .await
                .unwrap()
                .1,
            0
        );
        let mut texts = cohesion_domain::translation::Texts::new();
        texts.insert("title".into(), "حدائق أكثر أمانًا".into());
        consultations::set_translation(db, &officer, b, "ar", &texts, None)
            .await
            .unwrap();
        let l = consultations::list(db, None, search("حدائق"), 1)
            .await
            .unwrap();
        assert_eq!(l.0.iter().map(|c| c.id).collect::<Vec<_>>(), [b]);
        // The translation shows in Arabic and the original stays in English.
        let (v, untranslated) = consultations::view_in(db, None, b, "ar").await.unwrap();
        assert_eq!(v.record.title, "حدائق أكثر أمانًا");
        assert!(!untranslated.contains("title"));
        let (v, untranslated) = consultations::view_in(db, None, b, "en").await.unwrap();
        assert_eq!(v.record.title, "Safer parks");
        assert!(untranslated.contains("title"), "the original, as written");
        // Keys the consultation does not have are refused, nothing saved.
        texts.insert("q99.text".into(), "x".into());
        assert!(
            consultations::set_translation(db, &officer, b, "ar", &texts, None)
                .await
                .is_err()
        );
    }
}

/// Officers choose which questions the public sees, and may publish
/// figures weighted to the population beside them; nothing special, and
/// nothing unknown, is ever published, and a refused choice changes
/// nothing.
#[tokio::test]
async fn officers_publish_chosen_questions_and_weighted_figures() {
    let pw = Passwords::new(2);
    let rules = SmallBaseRules::default();
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "ife@council.example", "Ife O", Some(Role::Officer)).await;
        let resident = person(db, &pw, "sam@example.org", "Sam S", None).await;
        let id = published(db, &officer, &input("Chosen", "", NOW, true), &big_survey()).await;
        for i in 0..40 {
            let secret = format!("chooser-{i}");
            respond(db, Respondent::Anonymous(&secret), id, &[answers_of(i)]).await;
        }
        let chosen = |ids: &[&str]| strings(ids);
        // Refused: nothing, an unknown question, a special-category one,
        // margins that cannot be used, and anyone but an officer.
        for (questions, field_code) in [
            (chosen(&[]), ErrorCode::FieldRequired),
            (chosen(&["q1", "q99"]), ErrorCode::InvalidChoice),
            (chosen(&["q3"]), ErrorCode::InvalidChoice),
        ] {
            let e = results::publish(db, &officer, id, Some(&questions), None, None).await;
            assert_eq!(code(e.unwrap_err()), field_code, "{questions:?}");
        }
        let e = results::publish(
            db,
            &officer,
            id,
            Some(&chosen(&["q1"])),
            Some("q1: 50"),
            None,
        )
        .await;
        assert!(matches!(e, Err(ServiceError::Invalid(_))), "{e:?}");
        let e = results::publish(db, &resident, id, Some(&chosen(&["q1"])), None, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        assert!(record(db, id).await.results_published_at.is_none());
        assert!(matches!(
            results::results(db, None, id, rules, None).await,
            Err(ServiceError::NotFound)
        ));

        // q4 and q1, weighted so that A is 40% and B or C 60%.
        results::publish(
            db,
            &officer,
            id,
            Some(&chosen(&["q4", "q1"])),
            Some("q1: 40, 30, 30"),
            Some("192.0.2.40"),
        )
        .await
        .unwrap();
        let public = results::results(db, None, id, rules, None).await.unwrap();
        let ids: Vec<&str> = public
            .questions
            .iter()
            .map(|q| q.question.id.as_str())
            .collect();
        assert_eq!(ids, ["q1", "q4"], "only what was chosen, in survey order");
        assert_eq!(counts(&public, "q1"), [Some(25), None, None]);
        let w = public
            .weighting
            .as_ref()
            .expect("weighted figures published");
        assert!(w.converged);
        assert_eq!(w.included, 40);
        let q1 = w.question("q1").expect("q1 weighted");
        assert!((q1.options[0].share - 0.4).abs() < 1e-6, "{q1:?}");
        assert!(q1.effective_base < 40.0, "weighting shrinks the base");
        assert!(w.question("q5").is_none(), "q5 was not chosen");
        // The public sees q1's weighted share for A; B and C stay hidden
        // as their unweighted counts are.
        let cells = results::weighted_cells(q1, rules).expect("base of 40");
        assert!(cells[0].is_some() && cells[1].is_none() && cells[2].is_none());
        let log = audit_of(db, "consultation.results.publish", officer.user_id).await;
        assert_eq!(log[0].detail, "q1,q4; weighted");
        assert_eq!(log[0].client.as_deref(), Some("192.0.2.40"));
        // Staff still see every question, and which are public.
        let staff = results::results(db, Some(&officer), id, rules, None)
            .await
            .unwrap();
        assert_eq!(staff.questions.len(), 5);
        assert_eq!(staff.published.as_deref(), Some(&chosen(&["q1", "q4"])[..]));
        let (last, margins) = results::publication_choice(db, &officer, id).await.unwrap();
        assert_eq!(
            (last, margins.as_str()),
            (chosen(&["q1", "q4"]), "q1: 40, 30, 30")
        );

        // A refused republication keeps what is published.
        let e = results::publish(db, &officer, id, Some(&chosen(&["q3"])), None, None).await;
        assert!(e.is_err());
        let public = results::results(db, Some(&resident), id, rules, None)
            .await
            .unwrap();
        assert_eq!(public.questions.len(), 2);
        assert!(public.weighting.is_some());

        // Publishing everything, unweighted, replaces it; withdrawing
        // hides it all; republishing starts from the last choice.
        consultations::set_published(db, &officer, id, Publication::Results, true, None)
            .await
            .unwrap();
        let public = results::results(db, None, id, rules, None).await.unwrap();
        assert_eq!(public.questions.len(), 4);
        assert!(public.weighting.is_none());
        consultations::set_published(db, &officer, id, Publication::Results, false, None)
            .await
            .unwrap();
        assert!(matches!(
            results::results(db, None, id, rules, None).await,
            Err(ServiceError::NotFound)
        ));
        let (last, _) = results::publication_choice(db, &officer, id).await.unwrap();
        assert_eq!(last, chosen(&["q1", "q4", "q5", "q6"]));
    }
}

/// The references of an export's responses, and each one's answer rows as
/// (question, item, choice, text, special), in the order read.
type Exported = Vec<(
    String,
    Vec<(String, i64, Option<i64>, Option<String>, bool)>,
)>;

async fn export_as(db: &Db, who: &SignedIn, id: Uuid) -> (bool, Exported) {
    let export = exports::start(db, who, id, None).await.unwrap();
    let mut pages = exports::Pages::new(db, &export);
    let mut out = Exported::new();
    while let Some(page) = pages.next().await.unwrap() {
        for s in page {
            let rows = s
                .rows
                .into_iter()
                .map(|r| (r.question_id, r.item, r.choice, r.text, r.special))
                .collect();
            out.push((s.reference, rows));
        }
    }
    assert!(pages.next().await.unwrap().is_none(), "still the end");
    (export.special, out)
}

#[tokio::test]
async fn exports_read_every_submitted_response_with_special_answers_only_for_analysts() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "olu@council.example", "Olu", Some(Role::Officer)).await;
        let analyst = person(db, &pw, "li@council.example", "Li", Some(Role::Analyst)).await;
        let [id, other] = two_consultations(db, &officer, [true, true]).await;
        // Markup, quotes, commas, a formula, a line break and Arabic come
        // back exactly as typed.
        let hostile = "=1+1, \"quoted\"\n<b>سطر</b>";
        let mut refs = Vec::new();
        for n in 0..5 {
            let who = format!("respondent-secret-{n}");
            let first = if n == 0 {
                raw(&[("q1", "0"), ("q5", "3"), ("q5", "1")])
            } else {
                raw(&[("q1", "0")])
            };
            let why = if n == 0 { hostile } else { "because" };
            let second = raw(&[("q2", why), ("q3", "1")]);
            refs.push(respond(db, Respondent::Anonymous(&who), id, &[first, second]).await);
            // Another consultation's responses interleave in id order.
            let who = format!("elsewhere-secret-{n}");
            respond(
                db,
                Respondent::Anonymous(&who),
                other,
                &[raw(&[("q1", "1")]), raw(&[])],
            )
            .await;
        }
        // Neither a draft nor a removed response is exported.
        responding::save_page(
            db,
            Respondent::Anonymous("drafting"),
            id,
            0,
            &raw(&[("q1", "1")]),
        )
        .await
        .unwrap();
        let removed = {
            let mut c = db.acquire().await.unwrap();
            let (list, _) = export_pages::submitted_page(c.conn(), id, None, 10, false)
                .await
                .unwrap()
                .map(|p| (p.decode().unwrap(), p.last))
                .unwrap();
            let victim = list.iter().find(|s| s.reference == refs[3]).unwrap().id;
            responses::mark_removed(c.conn(), victim).await.unwrap();
            refs.remove(3)
        };

        // Page by page, two at a time: every response once, in id order,
        // each page starting after the last one's final id.
        let mut c = db.acquire().await.unwrap();
        let mut after = None;
        let mut seen = Vec::new();
        while let Some(page) = export_pages::submitted_page(c.conn(), id, after, 2, true)
            .await
            .unwrap()
        {
            let list = page.decode().unwrap();
            assert!(!list.is_empty() && list.len() <= 2);
            assert_eq!(list.last().unwrap().id, page.last);
            assert!(list.windows(2).all(|w| w[0].id < w[1].id));
            assert!(after.is_none_or(|a| list[0].id > a));
            after = Some(page.last);
            seen.extend(list.into_iter().map(|s| s.reference));
        }
        drop(c);
        assert_eq!(seen, refs, "submitted, not removed, this consultation's");
        assert!(!seen.contains(&removed));

        // An officer's export leaves out the religion question.
        let (special, rows) = export_as(db, &officer, id).await;
        assert!(!special);
        assert_eq!(
            rows.iter().map(|r| &r.0).collect::<Vec<_>>(),
            refs.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            rows[0].1,
            vec![
                ("q1".into(), 0, Some(0), None, false),
                ("q2".into(), 0, None, Some(hostile.into()), false),
                ("q5".into(), 0, Some(1), None, false),
                ("q5".into(), 0, Some(3), None, false),
            ],
            "sorted by question and choice, text exact"
        );
        assert!(rows.iter().flat_map(|r| &r.1).all(|a| !a.4 && a.0 != "q3"));
        assert!(audit_of(db, "special_category.export", officer.user_id)
            .await
            .is_empty());

        // An analyst's carries it, marked special, and the export is logged.
        let (special, rows) = export_as(db, &analyst, id).await;
        assert!(special);
        assert_eq!(rows.len(), 4);
        assert!(rows
            .iter()
            .all(|r| r.1.last() == Some(&("q3".into(), 0, Some(1), None, true))));
        assert_eq!(
            audit_of(db, "special_category.export", analyst.user_id)
                .await
                .len(),
            1
        );
        assert_eq!(
            audit_of(db, "responses.export", analyst.user_id)
                .await
                .len(),
            1
        );

        // A consultation nobody answered exports nothing, without error.
        let empty = published(db, &officer, &input("Quiet", "", NOW, true), &survey()).await;
        assert!(export_as(db, &analyst, empty).await.1.is_empty());
    }
}

#[tokio::test]
async fn the_demo_open_consultation_is_translated_into_arabic_and_the_others_are_not() {
    for t in testkit::engines().await {
        let db = &t.db;
        assert!(cohesion_services::demo_consultations::load(db)
            .await
            .unwrap());
        let query = ListQuery {
            drafts: true,
            limit: 10,
            ..Default::default()
        };
        let mut c = db.acquire().await.unwrap();
        let (all, _) = cohesion_storage::consultations::catalogue::list(
            c.conn(),
            &query,
            cohesion_storage::Timestamp::now(),
        )
        .await
        .unwrap();
        drop(c);
        assert_eq!(all.len(), 3);
        for record in all {
            let view = consultations::view(db, None, record.id).await.unwrap();
            let keys = consultations::all_text_keys(db, &view).await.unwrap();
            let arabic = consultations::translation(db, record.id, "ar")
                .await
                .unwrap();
            let missing: Vec<&str> = keys
                .iter()
                .filter(|(k, original)| {
                    cohesion_domain::translation::current(&arabic, k, original).is_none()
                })
                .map(|(k, _)| k.as_str())
                .collect();
            if record.title == "Safer streets, stronger communities" {
                // Every text, findings included, and read back in Arabic.
                assert!(keys.len() >= 40, "{keys:?}");
                assert_eq!(missing, Vec::<&str>::new());
                let (v, untranslated) = consultations::view_in(db, None, record.id, "ar")
                    .await
                    .unwrap();
                // No text of it is left as written, in English.
                for (key, _) in &keys {
                    assert!(!untranslated.contains(key), "{key}");
                }
                assert_eq!(v.record.title, "شوارع أكثر أمنًا ومجتمعات أقوى");
                assert!(v.record.body.contains("## ما نسأل عنه"));
                assert_eq!(v.record.topics, ["جرائم الكراهية", "التماسك المجتمعي"]);
                assert_eq!(v.record.area.as_deref(), Some("المدينة كلها"));
                assert_eq!(
                    v.survey.pages[0].questions[1].text,
                    "هل رأيتم أو سمعتم خلال الأشهر الاثني عشر الماضية آراء تروّج للكراهية أو التطرف؟"
                );
                // Found by an Arabic search, as an officer's translation is.
                let search = ListQuery {
                    search: Some("مجتمعات أقوى"),
                    ..Default::default()
                };
                let found = consultations::list(db, None, search, 1).await.unwrap();
                assert_eq!(
                    found.0.iter().map(|c| c.id).collect::<Vec<_>>(),
                    [record.id]
                );
            } else {
                assert!(arabic.is_empty(), "{}: English only", record.title);
                assert_eq!(missing.len(), keys.len());
            }
        }
    }
}

#[tokio::test]
async fn people_removing_their_contributions_at_once_never_deadlock() {
    // Half the people answered "Safer streets" first and "Parks" second,
    // the other half the other way round. Removing their contributions
    // takes each consultation's shared totals in turn; were the turns
    // taken in the order the responses were made, two removals on
    // PostgreSQL would each hold what the other wants next.
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "ade@council.example", "Ade O", Some(Role::Officer)).await;
        let [a, b] = two_consultations(db, &officer, [false, false]).await;
        let pages = [
            raw(&[("q1", "0"), ("q5", "1")]),
            raw(&[("q2", "more lights"), ("q3", "4")]),
        ];
        let mut people = Vec::new();
        for i in 0..8 {
            let me = person(db, &pw, &format!("remover{i}@example.org"), "Remover", None).await;
            let order = if i % 2 == 0 { [a, b] } else { [b, a] };
            for id in order {
                respond(db, Respondent::Account(&me), id, &pages).await;
            }
            people.push(me.user_id);
        }
        let tasks: Vec<_> = people
            .into_iter()
            .map(|user| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin().await?;
                    responding::remove_all_for(tx.conn(), user).await?;
                    tx.commit().await?;
                    Ok::<_, ServiceError>(())
                })
            })
            .collect();
        for task in tasks {
            let done = task.await.unwrap();
            assert!(done.is_ok(), "{:?}: {done:?}", t.engine());
        }
        for id in [a, b] {
            assert_eq!(record(db, id).await.response_count, 0);
            assert_eq!(results::verify_totals(db, id).await.unwrap(), []);
        }
    }
}
