//! Answering a survey: page by page into a draft (so people can leave and
//! come back), a "check your answers" step, then submission, which writes
//! the answers and the running totals in one transaction. A submitted
//! response can be changed until the consultation closes; the totals then
//! lose the old answers and gain the new ones in that same transaction.
//!
//! What the rooms below share is here: who is answering, where they
//! stand, whether they may answer now, and the consultations one
//! transaction has read.

pub mod pages;
pub mod personal_data;
pub mod submission;
pub mod writes;

use cohesion_domain::consultation::{response_reference, Status};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::answers::{
    fields_of_page, parse_page, visible_pages, Answers, RawAnswers,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::consultations::responses::{self, Owner, ResponseRecord};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::accounts::SignedIn;
use crate::consultations::parse_survey;
use crate::permissions::require;
use crate::ServiceError;

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
    pub(super) fn key(&self, consultation: Uuid) -> Option<String> {
        match self {
            Respondent::Account(_) => None,
            Respondent::Anonymous(secret) => Some(hash_token(&format!("{secret}:{consultation}"))),
        }
    }
}

pub(super) fn owner<'a>(who: &Respondent<'_>, key: &'a Option<String>) -> Owner<'a> {
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

pub(super) fn answers_before(
    survey: &SurveyDefinition,
    draft: &RawAnswers,
    page: usize,
) -> Answers {
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
pub(super) fn check_open(c: &ConsultationRecord, who: &Respondent<'_>) -> Result<(), ServiceError> {
    if c.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    if c.status(Timestamp::now()) != Status::Open {
        return Err(ServiceError::Conflict(ValidationError::new(
            "consultation",
            ErrorCode::ConsultationNotOpen,
        )));
    }
    match who {
        Respondent::Account(me) => require(me, Action::Participate),
        Respondent::Anonymous(_) if c.allow_anonymous => Ok(()),
        Respondent::Anonymous(_) => {
            Err(ValidationError::new("consultation", ErrorCode::SignInRequired).into())
        }
    }
}

pub(super) fn parse_draft(r: &ResponseRecord) -> RawAnswers {
    serde_json::from_str(&r.draft).unwrap_or_default()
}

async fn load(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<(ConsultationRecord, SurveyDefinition), ServiceError> {
    let c = catalogue::find(conn, id)
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

/// Starts a response with its first draft and returns it as stored.
pub(super) async fn start(
    mut conn: Conn<'_>,
    id: Uuid,
    owner: Owner<'_>,
    draft: &str,
) -> Result<ResponseRecord, ServiceError> {
    // A reference collision is vanishingly rare; try a few before giving up.
    for _ in 0..5 {
        let mut random = [0u8; 8];
        getrandom::getrandom(&mut random).map_err(|e| ServiceError::Crypto(e.to_string()))?;
        let reference = response_reference(random);
        if let Some(r) =
            responses::create_with_draft(conn.reborrow(), id, owner, &reference, draft).await?
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

/// The consultations a transaction has read, with their parsed surveys:
/// several writes grouped in one transaction read each once.
#[derive(Default)]
pub(super) struct Loaded(Vec<(ConsultationRecord, SurveyDefinition)>);

impl Loaded {
    pub(super) async fn get(
        &mut self,
        conn: Conn<'_>,
        id: Uuid,
    ) -> Result<(&ConsultationRecord, &SurveyDefinition), ServiceError> {
        let at = match self.0.iter().position(|(c, _)| c.id == id) {
            Some(at) => at,
            None => {
                self.0.push(load(conn, id).await?);
                self.0.len() - 1
            }
        };
        let (c, s) = &self.0[at];
        Ok((c, s))
    }
}
