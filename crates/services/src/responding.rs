//! Answering a survey: page by page into a draft (so people can leave and
//! come back), a "check your answers" step, then submission, which writes
//! the answers and the running totals in one transaction. A submitted
//! response can be changed until the consultation closes; the totals then
//! lose the old answers and gain the new ones in that same transaction.

use cohesion_domain::consultation::{response_reference, Status};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::answers::{
    check_response, clear_page, drop_hidden, fields_of_page, parse_page, visible_pages, Answers,
    RawAnswers,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::survey::tally::{count_keys, rows};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::{self, ConsultationRecord};
use cohesion_storage::responses::{self, Owner, ResponseRecord};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::accounts::SignedIn;
use crate::consultations::parse_survey;
use crate::{require, ServiceError};

/// Who is answering.
#[derive(Clone, Copy)]
pub enum Respondent<'a> {
    Account(&'a SignedIn),
    /// The secret of the browser's respondent cookie.
    Anonymous(&'a str),
}

impl Respondent<'_> {
    /// One anonymous key per consultation, so the cookie ties nothing
    /// together across consultations in the database.
    fn key(&self, consultation: Uuid) -> Option<String> {
        match self {
            Respondent::Account(_) => None,
            Respondent::Anonymous(secret) => Some(hash_token(&format!("{secret}:{consultation}"))),
        }
    }
}

fn owner<'a>(who: &Respondent<'_>, key: &'a Option<String>) -> Owner<'a> {
    match (who, key) {
        (Respondent::Account(me), _) => Owner::Account(me.user_id),
        (Respondent::Anonymous(_), Some(k)) => Owner::Anonymous(k),
        (Respondent::Anonymous(_), None) => Owner::Anonymous(""),
    }
}

/// Where a respondent stands.
#[derive(Debug, Clone)]
pub struct Progress {
    pub consultation: ConsultationRecord,
    pub survey: SurveyDefinition,
    pub response: Option<ResponseRecord>,
    /// The fields sent so far.
    pub draft: RawAnswers,
    /// The pages this respondent sees, in order, given their answers.
    pub pages: Vec<usize>,
}

impl Progress {
    /// The answers of the pages before `page`, as routing sees them.
    pub fn answers_before(&self, page: usize) -> Answers {
        answers_before(&self.survey, &self.draft, page)
    }

    pub fn is_submitted(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.submitted_at.is_some())
    }
}

fn answers_before(survey: &SurveyDefinition, draft: &RawAnswers, page: usize) -> Answers {
    let mut answers = Answers::new();
    for p in 0..page.min(survey.pages.len()) {
        if survey.pages[p]
            .skip_if
            .as_ref()
            .is_some_and(|r| cohesion_domain::survey::answers::holds(r, &answers))
        {
            continue;
        }
        // A draft holds only pages that passed; anything odd counts as
        // unanswered rather than blocking the respondent.
        if let Ok(a) = parse_page(survey, p, &fields_of_page(survey, p, draft), &answers) {
            answers.extend(a);
        }
    }
    answers
}

/// Whether this consultation takes responses from `who` now.
fn check_open(c: &ConsultationRecord, who: &Respondent<'_>) -> Result<(), ServiceError> {
    if c.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    if c.status(Timestamp::now()) != Status::Open {
        return Err(ValidationError::new("consultation", ErrorCode::ConsultationNotOpen).into());
    }
    match who {
        Respondent::Account(me) => require(me, Action::Participate),
        Respondent::Anonymous(_) if c.allow_anonymous => Ok(()),
        Respondent::Anonymous(_) => {
            Err(ValidationError::new("consultation", ErrorCode::SignInRequired).into())
        }
    }
}

fn parse_draft(r: &ResponseRecord) -> RawAnswers {
    serde_json::from_str(&r.draft).unwrap_or_default()
}

async fn load(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<(ConsultationRecord, SurveyDefinition), ServiceError> {
    let c = consultations::find(conn, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&c.survey)?;
    Ok((c, survey))
}

/// Where `who` stands on consultation `id` (nothing is written).
pub async fn progress(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<Progress, ServiceError> {
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    if consultation.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    let key = who.key(id);
    let response = match (&who, &key) {
        (Respondent::Anonymous(""), _) => None,
        _ => responses::find_for(c.conn(), id, owner(&who, &key)).await?,
    };
    let draft = response.as_ref().map(parse_draft).unwrap_or_default();
    let all = answers_before(&survey, &draft, survey.pages.len());
    let pages = visible_pages(&survey, &all);
    Ok(Progress {
        consultation,
        survey,
        response,
        draft,
        pages,
    })
}

/// What comes after a page is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Page(usize),
    CheckAnswers,
}

/// Saves the answers on page `page` (validated, every problem reported)
/// into the draft, starting the response if needed.
pub async fn save_page(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
) -> Result<Next, ServiceError> {
    let mut tx = db.begin().await?;
    let (consultation, survey) = load(tx.conn(), id).await?;
    check_open(&consultation, &who)?;
    if page >= survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    let key = who.key(id);
    let existing = responses::find_for(tx.conn(), id, owner(&who, &key)).await?;
    let mut draft = existing.as_ref().map(parse_draft).unwrap_or_default();
    let earlier = answers_before(&survey, &draft, page);
    if survey.pages[page]
        .skip_if
        .as_ref()
        .is_some_and(|r| cohesion_domain::survey::answers::holds(r, &earlier))
    {
        return Err(ValidationError::new("page", ErrorCode::HiddenQuestion).into());
    }
    // Fields for other pages or other surveys are refused, not ignored.
    let own = fields_of_page(&survey, page, raw);
    let unknown: Vec<_> = raw
        .keys()
        .filter(|k| !own.contains_key(*k))
        .map(|k| cohesion_domain::survey::answers::AnswerError {
            question: k.clone(),
            code: ErrorCode::UnknownQuestion,
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ServiceError::InvalidAnswers(unknown));
    }
    parse_page(&survey, page, raw, &earlier).map_err(ServiceError::InvalidAnswers)?;
    clear_page(&survey, page, &mut draft);
    // Hidden questions' fields were refused above, so the page's raw
    // fields are exactly what the respondent answered.
    for (k, v) in own {
        let values: Vec<String> = v.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !values.is_empty() {
            draft.insert(k, values);
        }
    }
    let all = answers_before(&survey, &draft, survey.pages.len());
    drop_hidden(&survey, &mut draft, &all);
    let json = serde_json::to_string(&draft).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let response_id = match existing {
        Some(r) => r.id,
        None => start(tx.conn(), id, owner(&who, &key)).await?,
    };
    responses::save_draft(tx.conn(), response_id, &json).await?;
    tx.commit().await?;
    let pages = visible_pages(
        &survey,
        &answers_before(&survey, &draft, survey.pages.len()),
    );
    Ok(match pages.into_iter().find(|p| *p > page) {
        Some(p) => Next::Page(p),
        None => Next::CheckAnswers,
    })
}

async fn start(mut conn: Conn<'_>, id: Uuid, owner: Owner<'_>) -> Result<Uuid, ServiceError> {
    // A reference collision is vanishingly rare; try a few before giving up.
    for _ in 0..5 {
        let mut random = [0u8; 8];
        getrandom::getrandom(&mut random).map_err(|e| ServiceError::Crypto(e.to_string()))?;
        if let Some(r) =
            responses::create(conn.reborrow(), id, owner, &response_reference(random)).await?
        {
            return Ok(r);
        }
        if responses::find_for(conn.reborrow(), id, owner)
            .await?
            .is_some()
        {
            return Err(ValidationError::new("consultation", ErrorCode::AlreadyResponded).into());
        }
    }
    Err(ServiceError::Crypto("no free response reference".into()))
}

/// Submits (or resubmits, after a change) the response: every answer is
/// checked again, then answers and totals are written in one transaction.
/// Returns the reference to quote.
pub async fn submit(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<String, ServiceError> {
    let mut tx = db.begin().await?;
    let (consultation, survey) = load(tx.conn(), id).await?;
    check_open(&consultation, &who)?;
    let key = who.key(id);
    let found = responses::find_for(tx.conn(), id, owner(&who, &key))
        .await?
        .ok_or(ValidationError::new(
            "consultation",
            ErrorCode::FieldRequired,
        ))?;
    // Take the row lock (PostgreSQL), then read the response again: two
    // tabs submitting at once queue here, and the second sees the first's
    // submission, so it takes those answers out instead of counting twice.
    responses::lock(tx.conn(), found.id).await?;
    let response = responses::find_for(tx.conn(), id, owner(&who, &key))
        .await?
        .ok_or(ServiceError::NotFound)?;
    let answers =
        check_response(&survey, &parse_draft(&response)).map_err(ServiceError::InvalidAnswers)?;
    submit_answers(tx.conn(), &survey, &response, &answers).await?;
    tx.commit().await?;
    Ok(response.reference)
}

/// Writes a checked response's answers and moves the totals, inside the
/// caller's transaction.
pub async fn submit_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
    answers: &Answers,
) -> Result<(), ServiceError> {
    let first = response.submitted_at.is_none();
    if !first {
        withdraw_answers(conn.reborrow(), survey, response).await?;
    }
    let new_rows = rows(survey, answers);
    responses::insert_answers(
        conn.reborrow(),
        response.id,
        response.consultation_id,
        &new_rows,
    )
    .await?;
    let keys = count_keys(survey, &new_rows);
    responses::adjust_counts(
        conn.reborrow(),
        response.consultation_id,
        &keys,
        1,
        i64::from(first),
    )
    .await?;
    responses::mark_submitted(conn, response.id, Timestamp::now()).await?;
    Ok(())
}

/// Takes a submitted response's answers out of the totals and deletes
/// them (the respondent count is the caller's to change).
async fn withdraw_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
) -> Result<(), ServiceError> {
    let mut old = responses::answers(conn.reborrow(), response.id, false).await?;
    old.extend(responses::answers(conn.reborrow(), response.id, true).await?);
    let keys = count_keys(survey, &old);
    responses::adjust_counts(conn.reborrow(), response.consultation_id, &keys, -1, 0).await?;
    responses::delete_answers(conn, response.id).await?;
    Ok(())
}

/// Account deletion with "remove my contributions": each submitted
/// response leaves the totals and its answers are deleted; the response
/// row stays, marked removed, so the count of removals is visible.
pub async fn remove_all_for(mut conn: Conn<'_>, user: Uuid) -> Result<usize, ServiceError> {
    let list = responses::for_respondent(conn.reborrow(), user).await?;
    for r in &list {
        if r.submitted_at.is_some() && r.removed_at.is_none() {
            let c = consultations::find(conn.reborrow(), r.consultation_id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let survey = parse_survey(&c.survey)?;
            withdraw_answers(conn.reborrow(), &survey, r).await?;
            responses::adjust_counts(conn.reborrow(), r.consultation_id, &[], 0, -1).await?;
        }
        responses::delete_answers(conn.reborrow(), r.id).await?;
        responses::mark_removed(conn.reborrow(), r.id).await?;
    }
    Ok(list.len())
}

/// Account deletion with "keep my contributions": submitted responses
/// stay (their author shown as a deleted account); drafts never sent are
/// discarded, and so are changes to a submitted response never
/// resubmitted (what was submitted stays in its answers).
pub async fn discard_drafts_of(mut conn: Conn<'_>, user: Uuid) -> Result<(), ServiceError> {
    for r in responses::for_respondent(conn.reborrow(), user).await? {
        if r.submitted_at.is_none() {
            responses::mark_removed(conn.reborrow(), r.id).await?;
        } else {
            responses::save_draft(conn.reborrow(), r.id, "{}").await?;
        }
    }
    Ok(())
}

/// The whole response at once (the JSON API): every field is checked as
/// on the pages, then the draft is replaced and the response submitted in
/// one transaction. Returns the reference.
pub async fn respond_all(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
) -> Result<String, ServiceError> {
    let mut tx = db.begin().await?;
    let (consultation, survey) = load(tx.conn(), id).await?;
    check_open(&consultation, &who)?;
    let answers = check_response(&survey, raw).map_err(ServiceError::InvalidAnswers)?;
    let key = who.key(id);
    let response_id = match responses::find_for(tx.conn(), id, owner(&who, &key)).await? {
        Some(r) => r.id,
        None => start(tx.conn(), id, owner(&who, &key)).await?,
    };
    responses::lock(tx.conn(), response_id).await?;
    let json = serde_json::to_string(raw).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    responses::save_draft(tx.conn(), response_id, &json).await?;
    let response = responses::find_for(tx.conn(), id, owner(&who, &key))
        .await?
        .ok_or(ServiceError::NotFound)?;
    submit_answers(tx.conn(), &survey, &response, &answers).await?;
    tx.commit().await?;
    Ok(response.reference)
}
