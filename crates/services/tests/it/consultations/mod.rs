//! Consultations, surveys, responses and results, on every engine:
//! officers build and publish, residents (and, where allowed, anonymous
//! visitors) answer page by page, results come from running totals that
//! always agree with a recount, and account deletion takes answers along.
//! Analysts find themes in written answers; many respondents at once are
//! grouped on SQLite and counted exactly.

mod account_deletion;
mod answering;
mod building;
mod demo;
mod exporting;
mod figures;
mod findings;
mod group_commit;
mod lifecycle;
mod recounting;
mod search;
mod survey_builder;
mod themes;
mod themes_arabic_labels;
mod themes_bilingual;
mod themes_demo_languages;
mod wording;
mod written_language;

use cohesion_domain::consultation::{Consultation, Publication};
use cohesion_domain::consultation::{ConsultationInput, Languages};
use cohesion_domain::identity::Role;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::{
    Demographic, PageDef, QuestionDef, QuestionKind, Rule, SurveyDefinition,
};
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::accounts::{self, Passwords, SignUp, SignedIn};
use cohesion_services::audit::Origin;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::results::{QuestionResult, Results};
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_storage::audit::{self, AuditEntry, AuditQuery};
use cohesion_storage::consultations::responses::{Owner, ResponseRecord};
use cohesion_storage::consultations::{answers, responses, totals};
use cohesion_storage::{outbox, Db};
use std::collections::BTreeMap;
use uuid::Uuid;

use crate::support::{Plain, BASE, PASSWORD};

/// The officer most tests write consultations as.
pub(super) async fn officer(db: &Db, pw: &Passwords) -> SignedIn {
    person(
        db,
        pw,
        "olu@council.example",
        "Olu Adeyemi",
        Some(Role::Officer),
    )
    .await
}

/// The resident most tests answer as.
pub(super) async fn resident(db: &Db, pw: &Passwords) -> SignedIn {
    person(db, pw, "rita@example.org", "Rita R", None).await
}

pub(super) async fn person(
    db: &Db,
    pw: &Passwords,
    email: &str,
    name: &str,
    role: Option<Role>,
) -> SignedIn {
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

pub(super) fn answer_errors(e: ServiceError) -> Vec<(String, ErrorCode)> {
    match e {
        ServiceError::Consultation(ConsultationError::InvalidAnswers(v)) => {
            v.into_iter().map(|e| (e.question, e.code)).collect()
        }
        other => panic!("not invalid answers: {other:?}"),
    }
}

pub(super) fn raw(pairs: &[(&str, &str)]) -> RawAnswers {
    let mut out = RawAnswers::new();
    for (k, v) in pairs {
        out.entry(k.to_string()).or_default().push(v.to_string());
    }
    out
}

pub(super) fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub(super) fn question(id: &str, kind: QuestionKind) -> QuestionDef {
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

pub(super) fn single(options: &[&str]) -> QuestionKind {
    QuestionKind::SingleChoice {
        options: strings(options),
    }
}

pub(super) fn religion() -> QuestionDef {
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
pub(super) fn survey() -> SurveyDefinition {
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
pub(super) static LONDON: std::sync::LazyLock<SiteZone> =
    std::sync::LazyLock::new(SiteZone::default);

/// The languages consultations may be written in: the site's, English
/// first.
pub(super) fn languages() -> Languages {
    Languages::new("en", ["ar"])
}

pub(super) const PAST: (&str, &str) = ("2020-01-01T09:00", "2020-02-01T17:00");

pub(super) const NOW: (&str, &str) = ("2020-01-01T09:00", "2099-01-01T17:00");

pub(super) const FUTURE: (&str, &str) = ("2099-01-01T09:00", "2099-02-01T17:00");

pub(super) fn input(
    title: &str,
    topics: &str,
    dates: (&str, &str),
    anonymous: bool,
) -> ConsultationInput {
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
        language: String::new(),
    }
}

/// A published consultation with `survey`.
pub(super) async fn published(
    db: &Db,
    officer: &SignedIn,
    input: &ConsultationInput,
    survey: &SurveyDefinition,
) -> Uuid {
    let id = authoring::create(db, officer, input, &LONDON, &languages(), None)
        .await
        .unwrap();
    authoring::set_survey(db, officer, id, survey, None)
        .await
        .unwrap();
    authoring::set_published(db, officer, id, Publication::Consultation, true, None)
        .await
        .unwrap();
    id
}

/// "Safer streets" and "Parks", published, of [`survey`], open to
/// anonymous responses as `anonymous` says.
pub(super) async fn two_consultations(
    db: &Db,
    officer: &SignedIn,
    anonymous: [bool; 2],
) -> [Uuid; 2] {
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

pub(super) async fn record(db: &Db, id: Uuid) -> Consultation {
    let mut c = db.acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::find(c.conn(), id)
        .await
        .unwrap()
        .unwrap()
        .0
}

pub(super) async fn response_of(db: &Db, id: Uuid, user: Uuid) -> ResponseRecord {
    let mut c = db.acquire().await.unwrap();
    responses::find_for(c.conn(), id, Owner::Account(user))
        .await
        .unwrap()
        .expect("a response")
}

/// Every stored answer row of a response, ordinary and special.
pub(super) async fn stored_answers(db: &Db, response: Uuid) -> usize {
    let mut c = db.acquire().await.unwrap();
    let plain = answers::answers(c.conn(), response, false).await.unwrap();
    let special = answers::answers(c.conn(), response, true).await.unwrap();
    plain.len() + special.len()
}

/// The running totals, by (question, item, choice).
pub(super) async fn totals(db: &Db, id: Uuid) -> BTreeMap<(String, i64, i64), i64> {
    let mut c = db.acquire().await.unwrap();
    totals::counts(c.conn(), id)
        .await
        .unwrap()
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect()
}

pub(super) async fn audit_of(db: &Db, action: &str, actor: Uuid) -> Vec<AuditEntry> {
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
pub(super) async fn respond(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    pages: &[RawAnswers],
) -> String {
    for (p, answers) in pages.iter().enumerate() {
        writes::save_page(db, who, id, p, answers)
            .await
            .unwrap_or_else(|e| panic!("page {p}: {e:?}"));
    }
    writes::submit(db, who, id).await.unwrap()
}

/// Every count shown, nothing suppressed.
pub(super) const ALL: SmallBaseRules = SmallBaseRules {
    min_count: 0,
    min_base_for_percent: 0,
};

pub(super) fn find<'a>(r: &'a Results, id: &str) -> Option<&'a QuestionResult> {
    r.questions.iter().find(|q| q.question.id == id)
}

pub(super) fn counts(r: &Results, id: &str) -> Vec<Option<u64>> {
    let q = find(r, id).unwrap_or_else(|| panic!("{id} in the results"));
    q.lines[0].cells.iter().map(|c| c.count).collect()
}
