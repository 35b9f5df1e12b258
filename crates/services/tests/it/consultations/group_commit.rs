//! Many respondents writing at once: on SQLite their writes are grouped
//! into shared transactions (ADR 0012), on PostgreSQL each runs alone.
//! Either way every caller gets its own answer, a bad write changes
//! nothing and fails nobody else, and the running totals always equal a
//! recount.

use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{format_datetime, ConsultationInput};
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::{PageDef, QuestionDef, QuestionKind, SurveyDefinition};
use cohesion_domain::ErrorCode;
use cohesion_services::consultations::responding::{self, writes};
use cohesion_services::consultations::responding::{Next, Respondent};
use cohesion_services::consultations::results::totals_check;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_storage::consultations::catalogue;
use cohesion_storage::consultations::responses::Owner;
use cohesion_storage::consultations::{answers, responses, totals};
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit as testkit;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

fn question(id: &str, kind: QuestionKind, required: bool) -> QuestionDef {
    QuestionDef {
        id: id.into(),
        text: format!("Question {id}"),
        hint: String::new(),
        required,
        kind,
        show_if: None,
        purpose: String::new(),
    }
}

/// Two pages: a required choice and a choice of up to two; then a number.
fn survey() -> SurveyDefinition {
    let options = |n: usize| (1..=n).map(|i| format!("Option {i}")).collect();
    SurveyDefinition {
        pages: vec![
            PageDef {
                title: "One".into(),
                skip_if: None,
                questions: vec![
                    question(
                        "q1",
                        QuestionKind::SingleChoice {
                            options: options(3),
                        },
                        true,
                    ),
                    question(
                        "q2",
                        QuestionKind::MultipleChoice {
                            options: options(4),
                            max: Some(2),
                        },
                        false,
                    ),
                ],
            },
            PageDef {
                title: "Two".into(),
                skip_if: None,
                questions: vec![question(
                    "q3",
                    QuestionKind::Number {
                        min: Some(0),
                        max: Some(100),
                    },
                    false,
                )],
            },
        ],
    }
}

/// An open, published consultation of [`survey`] that takes anonymous
/// responses.
async fn open_consultation(db: &Db) -> Uuid {
    open_consultation_of(db, &survey()).await
}

/// An open, published consultation of `survey` that takes anonymous
/// responses.
async fn open_consultation_of(db: &Db, survey: &SurveyDefinition) -> Uuid {
    let now = OffsetDateTime::now_utc();
    let fields = ConsultationInput {
        title: "Group commit".into(),
        summary: "Many at once".into(),
        body: "Body".into(),
        topics: "test".into(),
        area: String::new(),
        opens_at: format_datetime(now - Duration::days(1)),
        closes_at: format_datetime(now + Duration::days(1)),
        allow_anonymous: "yes".into(),
        strands: String::new(),
        documents: String::new(),
        language: String::new(),
    }
    .validate(
        &cohesion_domain::local_time::SiteZone::utc(),
        &cohesion_domain::consultation::Languages::new("en", ["ar"]),
    )
    .unwrap();
    let json = serde_json::to_string(survey).unwrap();
    let mut tx = db.begin().await.unwrap();
    let id = catalogue::insert(tx.conn(), &fields, &json, None)
        .await
        .unwrap();
    catalogue::set_published(
        tx.conn(),
        id,
        Publication::Consultation,
        Some(Timestamp::now()),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

fn raw(pairs: &[(&str, String)]) -> RawAnswers {
    let mut out = RawAnswers::new();
    for (k, v) in pairs {
        out.entry(k.to_string()).or_default().push(v.clone());
    }
    out
}

/// Respondent `i`'s two pages.
fn pages_of(i: usize) -> [RawAnswers; 2] {
    let mut first = vec![("q1", (i % 3).to_string())];
    if i.is_multiple_of(2) {
        first.push(("q2", (i % 4).to_string()));
        first.push(("q2", ((i + 1) % 4).to_string()));
    }
    [raw(&first), raw(&[("q3", (i % 90).to_string())])]
}

/// What went wrong for one respondent, if anything.
async fn respond(db: &Db, id: Uuid, i: usize, bad: bool) -> Result<String, ServiceError> {
    let secret = format!("group-commit-{i}");
    let who = Respondent::Anonymous(&secret);
    let [first, second] = pages_of(i);
    // A bad respondent forges a field on the first page: refused,
    // nothing saved, so the submission then finds no response.
    let first = if bad {
        let mut forged = first.clone();
        forged.insert("q99".into(), vec!["1".into()]);
        forged
    } else {
        first
    };
    let next = writes::save_page(db, who, id, 0, &first).await?;
    assert_eq!(next, Next::Page(1));
    let next = writes::save_page(db, who, id, 1, &second).await?;
    assert_eq!(next, Next::CheckAnswers);
    writes::submit(db, who, id).await
}

/// The consultation counts `responses` respondents, and its running
/// totals equal a recount.
async fn assert_counted(db: &Db, id: Uuid, responses: i64, engine: impl std::fmt::Debug) {
    assert_eq!(response_count(db, id).await, responses, "{engine:?}");
    assert_eq!(
        totals_check::verify_totals(db, id).await.unwrap(),
        Vec::new(),
        "{engine:?}"
    );
}

async fn response_count(db: &Db, id: Uuid) -> i64 {
    let mut c = db.acquire().await.unwrap();
    catalogue::find(c.conn(), id)
        .await
        .unwrap()
        .unwrap()
        .0
        .response_count
}

#[tokio::test]
async fn concurrent_respondents_each_get_their_own_answer_and_totals_match_a_recount() {
    for t in testkit::engines().await {
        let db = &t.db;
        let id = open_consultation(db).await;
        // Every fifth respondent sends a forged field; everyone else is
        // fine. All at once, so that on SQLite good and bad writes share
        // groups.
        let n = 60;
        let mut tasks = Vec::new();
        for i in 0..n {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                (i, respond(&db, id, i, i % 5 == 0).await)
            }));
        }
        let mut references = Vec::new();
        for task in tasks {
            let (i, outcome) = task.await.unwrap();
            if i % 5 == 0 {
                match outcome {
                    Err(ServiceError::Consultation(ConsultationError::InvalidAnswers(errors))) => {
                        assert_eq!(errors.len(), 1, "{:?}", t.engine());
                        assert_eq!(errors[0].question, "q99");
                        assert_eq!(errors[0].code, ErrorCode::UnknownQuestion);
                    }
                    other => panic!("respondent {i}: {other:?} on {:?}", t.engine()),
                }
                // Nothing of theirs was stored.
                let key_secret = format!("group-commit-{i}");
                let progress = responding::progress(db, Respondent::Anonymous(&key_secret), id)
                    .await
                    .unwrap();
                assert!(progress.response.is_none(), "respondent {i}");
            } else {
                let reference =
                    outcome.unwrap_or_else(|e| panic!("respondent {i}: {e:?} on {:?}", t.engine()));
                references.push(reference);
            }
        }
        let good = n - n / 5;
        references.sort();
        references.dedup();
        assert_eq!(references.len(), good, "one reference each");
        assert_counted(db, id, good as i64, t.engine()).await;
        // The answers stored are the ones sent: q3 is each one's number.
        let mut c = db.acquire().await.unwrap();
        let counts = totals::counts(c.conn(), id).await.unwrap();
        let q1: i64 = counts
            .iter()
            .filter(|(q, item, choice, _)| q == "q1" && *item == 0 && *choice >= 0)
            .map(|r| r.3)
            .sum();
        assert_eq!(q1, good as i64);
    }
}

#[tokio::test]
async fn changing_a_submitted_response_at_the_same_time_as_others_counts_it_once() {
    for t in testkit::engines().await {
        let db = &t.db;
        let id = open_consultation(db).await;
        let secret = "changes-their-mind";
        let who = Respondent::Anonymous(secret);
        let [first, second] = pages_of(1);
        writes::save_page(db, who, id, 0, &first).await.unwrap();
        writes::save_page(db, who, id, 1, &second).await.unwrap();
        let reference = writes::submit(db, who, id).await.unwrap();
        // Two tabs resubmit while others answer: the second sees the
        // first's submission and takes its answers out before counting.
        let mut tasks = Vec::new();
        for i in 100..130 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                respond(&db, id, i, false).await.unwrap();
            }));
        }
        let tabs: Vec<_> = (0..2)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let changed = raw(&[("q1", "2".to_string())]);
                    let who = Respondent::Anonymous(secret);
                    writes::save_page(&db, who, id, 0, &changed).await.unwrap();
                    writes::submit(&db, who, id).await.unwrap()
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        for tab in tabs {
            assert_eq!(tab.await.unwrap(), reference);
        }
        assert_counted(db, id, 31, t.engine()).await;
        let mut c = db.acquire().await.unwrap();
        let mine = responses::find_for(
            c.conn(),
            id,
            Owner::Anonymous(&cohesion_services::accounts::tokens::hash_token(&format!(
                "{secret}:{id}"
            ))),
        )
        .await
        .unwrap()
        .unwrap();
        let rows = answers::answers(c.conn(), mine.id, false).await.unwrap();
        let q1: Vec<_> = rows.iter().filter(|r| r.question_id == "q1").collect();
        assert_eq!(q1.len(), 1);
        assert_eq!(q1[0].choice, Some(2));
    }
}

#[tokio::test]
async fn whole_responses_at_once_are_counted_exactly() {
    for t in testkit::engines().await {
        let db = &t.db;
        let id = open_consultation(db).await;
        let mut tasks = Vec::new();
        for i in 0..40 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let secret = format!("whole-{i}");
                let [mut all, second] = pages_of(i);
                all.extend(second);
                if i % 7 == 3 {
                    // Three choices where two at most are allowed.
                    all.insert("q2".into(), vec!["0".into(), "1".into(), "2".into()]);
                }
                let out = writes::respond_all(&db, Respondent::Anonymous(&secret), id, &all).await;
                (i, out)
            }));
        }
        let mut good = 0;
        for task in tasks {
            let (i, out) = task.await.unwrap();
            if i % 7 == 3 {
                assert!(
                    matches!(
                        out,
                        Err(ServiceError::Consultation(
                            ConsultationError::InvalidAnswers(_)
                        ))
                    ),
                    "{i}: {out:?}"
                );
            } else {
                out.unwrap();
                good += 1;
            }
        }
        assert_counted(db, id, good, t.engine()).await;
    }
}

#[tokio::test]
async fn changed_responses_that_swap_answers_at_once_never_deadlock() {
    // Two optional questions and no other: half the respondents answered
    // only "a" and now answer only "b", the other half the reverse. Were
    // the old answers' totals taken out in one pass and the new ones put
    // in by another, two such writers on PostgreSQL would each hold the
    // rows the other wants next, and the database would abort one.
    let survey = SurveyDefinition {
        pages: vec![PageDef {
            title: "One".into(),
            skip_if: None,
            questions: ["a", "b"]
                .map(|id| {
                    question(
                        id,
                        QuestionKind::SingleChoice {
                            options: vec!["Yes".into(), "No".into()],
                        },
                        false,
                    )
                })
                .to_vec(),
        }],
    };
    for t in testkit::engines().await {
        let db = &t.db;
        let id = open_consultation_of(db, &survey).await;
        let n = 40;
        let first = |i: usize| if i.is_multiple_of(2) { "a" } else { "b" };
        let then = |i: usize| if i.is_multiple_of(2) { "b" } else { "a" };
        for i in 0..n {
            let secret = format!("swap-{i}");
            let who = Respondent::Anonymous(&secret);
            let page = raw(&[(first(i), (i % 2).to_string())]);
            writes::save_page(db, who, id, 0, &page).await.unwrap();
            writes::submit(db, who, id).await.unwrap();
        }
        let tasks: Vec<_> = (0..n)
            .map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let secret = format!("swap-{i}");
                    let who = Respondent::Anonymous(&secret);
                    let page = raw(&[(then(i), (i % 2).to_string())]);
                    writes::save_page(&db, who, id, 0, &page).await?;
                    writes::submit(&db, who, id).await
                })
            })
            .collect();
        for (i, task) in tasks.into_iter().enumerate() {
            let done = task.await.unwrap();
            assert!(done.is_ok(), "{:?}: respondent {i}: {done:?}", t.engine());
        }
        assert_counted(db, id, n as i64, t.engine()).await;
        let mut c = db.acquire().await.unwrap();
        let counts = totals::counts(c.conn(), id).await.unwrap();
        let answered = |q: &str| {
            counts
                .iter()
                .filter(|(question, item, choice, _)| question == q && *item == -1 && *choice == -1)
                .map(|(.., n)| *n)
                .sum::<i64>()
        };
        assert_eq!((answered("a"), answered("b")), (20, 20), "{:?}", t.engine());
    }
}
