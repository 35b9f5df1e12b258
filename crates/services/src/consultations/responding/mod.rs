//! Answering a survey: page by page into a draft (so people can leave and
//! come back), a "check your answers" step, then submission, which writes
//! the answers and the running totals in one transaction. A submitted
//! response can be changed until the consultation closes; the totals then
//! lose the old answers and gain the new ones in that same transaction.
//!
//! What the rooms below share is here: who is answering, where they
//! stand, whether they may answer now, and the consultations one
//! transaction has read.

pub mod mine;
pub mod pages;
pub use pages::FromPages;
pub mod personal_data;
pub mod submission;
pub mod writes;

use cohesion_domain::consultation::{response_reference, Consultation, Status};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::answers::{visible_pages, AnswerError, Answers, RawAnswers};
use cohesion_domain::survey::model::SurveyDefinition;
pub(crate) use cohesion_domain::survey::progress::answers_before;
use cohesion_domain::survey::progress::{page_count, resume_page};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::responses::{self, Owner, ResponseRecord};
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::accounts::SignedIn;
use crate::consultations::{load, ConsultationError};
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

/// A respondent's response, as far as they are shown it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// What they quote to the council.
    pub reference: String,
    pub submitted_at: Option<Timestamp>,
}

impl From<&ResponseRecord> for Response {
    fn from(r: &ResponseRecord) -> Self {
        Self {
            reference: r.reference.clone(),
            submitted_at: r.submitted_at.map(Into::into),
        }
    }
}

/// Whether someone may answer a consultation now, and if not, why:
/// decided here once, for the survey's pages, the consultation's own
/// page and the API alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admission {
    /// Open, or not yet (upcoming), or no longer (closed; a draft within
    /// its dates counts as closed).
    pub status: Status,
    /// The consultation takes responses from accounts only, and they have
    /// none: they are to sign in first.
    pub sign_in_first: bool,
}

impl Admission {
    /// For `who` on consultation `c` at `now`.
    pub fn of(c: &Consultation, who: &Respondent<'_>, now: Timestamp) -> Self {
        Self {
            status: c.answering_status(now),
            sign_in_first: matches!(who, Respondent::Anonymous(_)) && !c.allow_anonymous,
        }
    }

    pub fn may_answer(&self) -> bool {
        self.status == Status::Open && !self.sign_in_first
    }

    /// Why not, as an error: a consultation not open conflicts with the
    /// request; the wish for an account is bad input. `None` when they may.
    fn refusal(&self) -> Option<ServiceError> {
        if self.status != Status::Open {
            Some(ServiceError::Conflict(ValidationError::new(
                "consultation",
                ErrorCode::ConsultationNotOpen,
            )))
        } else if self.sign_in_first {
            Some(ValidationError::new("consultation", ErrorCode::SignInRequired).into())
        } else {
            None
        }
    }
}

/// Where a respondent stands.
#[derive(Debug, Clone)]
pub struct Progress {
    pub consultation: Consultation,
    pub survey: SurveyDefinition,
    pub response: Option<Response>,
    /// The fields sent so far.
    pub draft: RawAnswers,
    /// The pages this respondent sees, in order, given their answers.
    pub pages: Vec<usize>,
    /// Whether they may answer now.
    pub admission: Admission,
}

impl Progress {
    /// Where `who` stands with `response` (as read) on consultation `c`.
    pub(super) fn of(
        consultation: Consultation,
        survey: SurveyDefinition,
        response: Option<&ResponseRecord>,
        who: &Respondent<'_>,
    ) -> Self {
        let draft = response.map(parse_draft).unwrap_or_default();
        let all = answers_before(&survey, &draft, survey.pages.len());
        let pages = visible_pages(&survey, &all);
        let admission = Admission::of(&consultation, who, Timestamp::now());
        Self {
            consultation,
            survey,
            response: response.map(Response::from),
            draft,
            pages,
            admission,
        }
    }

    /// The answers of the pages before `page`, as routing sees them.
    pub fn answers_before(&self, page: usize) -> Answers {
        answers_before(&self.survey, &self.draft, page)
    }

    /// Where someone coming back should go: the page (from 0) of
    /// [`resume_page`], or `None` for "check your answers" (where a sent
    /// response always goes: its answers are changed from there).
    pub fn resume_at(&self) -> Option<usize> {
        if self.is_submitted() {
            return None;
        }
        resume_page(&self.survey, &self.draft)
    }

    /// How many pages there will be, seen from page `page`: the fewest
    /// and the most, as routing still allows.
    pub fn page_count(&self, page: usize) -> (usize, usize) {
        page_count(
            &self.survey,
            &self.answers_before(self.survey.pages.len()),
            page,
        )
    }

    pub fn is_submitted(&self) -> bool {
        self.response
            .as_ref()
            .is_some_and(|r| r.submitted_at.is_some())
    }
}

/// Whether this consultation takes responses from `who` now, every
/// refusal an error (the API, and callers other than the survey's pages).
pub(super) fn check_open(c: &Consultation, who: &Respondent<'_>) -> Result<(), ServiceError> {
    match turned_away(c, who)? {
        Some(admission) => Err(admission.refusal().unwrap_or(ServiceError::NotFound)),
        None => Ok(()),
    }
}

/// Whether the survey's pages turn `who` away from consultation `c` now
/// (a page that says why, not an error): `Some` with why. A draft does
/// not exist for them, and an account needs the right to take part.
pub(super) fn turned_away(
    c: &Consultation,
    who: &Respondent<'_>,
) -> Result<Option<Admission>, ServiceError> {
    if c.published_at.is_none() {
        return Err(ServiceError::NotFound);
    }
    let admission = Admission::of(c, who, Timestamp::now());
    if !admission.may_answer() {
        return Ok(Some(admission));
    }
    if let Respondent::Account(me) = who {
        require(me, Action::Participate)?;
    }
    Ok(None)
}

/// What became of a page or a submission sent from the survey's pages.
#[derive(Debug)]
pub enum Posted<T> {
    /// Written: where to go next, or the reference to quote.
    Done(T),
    /// Turned away before anything was written; the consultation as read,
    /// for the page that says why.
    TurnedAway {
        consultation: Box<Consultation>,
        admission: Admission,
    },
    /// Answers that break the survey's rules; nothing written. Where the
    /// respondent stands, as read in the same transaction, to show the
    /// page again with the problems.
    Refused {
        progress: Box<Progress>,
        errors: Vec<AnswerError>,
    },
}

impl<T> Posted<T> {
    /// Every refusal as an error, as callers other than the pages want.
    pub fn into_result(self) -> Result<T, ServiceError> {
        match self {
            Posted::Done(done) => Ok(done),
            Posted::TurnedAway { admission, .. } => {
                Err(admission.refusal().unwrap_or(ServiceError::NotFound))
            }
            Posted::Refused { errors, .. } => Err(ConsultationError::InvalidAnswers(errors).into()),
        }
    }

    /// Turned away: `consultation`, and why.
    pub(super) fn turned_away(consultation: &Consultation, admission: Admission) -> Self {
        Posted::TurnedAway {
            consultation: Box::new(consultation.clone()),
            admission,
        }
    }
}

pub(super) fn parse_draft(r: &ResponseRecord) -> RawAnswers {
    serde_json::from_str(&r.draft).unwrap_or_default()
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
    Ok(Progress::of(consultation, survey, response.as_ref(), &who))
}

/// What comes after a page is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Page(usize),
    CheckAnswers,
}

/// A response [`start`] made, or found made by a concurrent write.
pub(super) enum Started {
    New(ResponseRecord),
    /// Another write by the same respondent created it first and has
    /// committed (PostgreSQL waits for it): the caller's write replaces
    /// what that one stored, as a second tab would.
    Existing(ResponseRecord),
}

/// Starts a response with its first draft and returns it as stored.
pub(super) async fn start(
    mut conn: Conn<'_>,
    id: Uuid,
    owner: Owner<'_>,
    draft: &str,
) -> Result<Started, ServiceError> {
    // A reference collision is vanishingly rare; try a few before giving up.
    for _ in 0..5 {
        let mut random = [0u8; 8];
        getrandom::getrandom(&mut random).map_err(|e| ServiceError::Crypto(e.to_string()))?;
        let reference = response_reference(random);
        if let Some(r) =
            responses::create_with_draft(conn.reborrow(), id, owner, &reference, draft).await?
        {
            return Ok(Started::New(r));
        }
        if let Some(r) = responses::find_for_update(conn.reborrow(), id, owner).await? {
            return Ok(Started::Existing(r));
        }
    }
    Err(ServiceError::Crypto("no free response reference".into()))
}

/// The consultations a transaction has read, with their parsed surveys:
/// several writes grouped in one transaction read each once.
#[derive(Default)]
pub(super) struct Loaded(Vec<(Consultation, SurveyDefinition)>);

impl Loaded {
    pub(super) async fn get(
        &mut self,
        conn: Conn<'_>,
        id: Uuid,
    ) -> Result<(&Consultation, &SurveyDefinition), ServiceError> {
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
