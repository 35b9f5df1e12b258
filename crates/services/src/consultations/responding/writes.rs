//! A respondent's writes (a page saved, a submission, a whole response
//! at once), each run through the group commit (ADR 0012): on SQLite,
//! writes waiting for the same file share a transaction and read each
//! consultation once.

use cohesion_domain::survey::answers::RawAnswers;
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use super::{pages, submission, Loaded, Next, Respondent};
use crate::accounts::SignedIn;
use crate::group_commit::{self, GroupedWrite};
use crate::ServiceError;

/// Saves the answers on page `page` (validated, every problem reported)
/// into the draft, starting the response if needed.
pub async fn save_page(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
) -> Result<Next, ServiceError> {
    let op = Op::Page {
        page,
        raw: raw.clone(),
    };
    match write(db, who, id, op).await? {
        Done::Next(next) => Ok(next),
        Done::Reference(_) => Err(ServiceError::NotFound),
    }
}

/// Submits (or resubmits, after a change) the response: every answer is
/// checked again, then answers and totals are written in one transaction.
/// Returns the reference to quote.
pub async fn submit(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<String, ServiceError> {
    match write(db, who, id, Op::Submit).await? {
        Done::Reference(reference) => Ok(reference),
        Done::Next(_) => Err(ServiceError::NotFound),
    }
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
    match write(db, who, id, Op::Whole { raw: raw.clone() }).await? {
        Done::Reference(reference) => Ok(reference),
        Done::Next(_) => Err(ServiceError::NotFound),
    }
}

/// A respondent's write, owned so that another task may run it.
enum Op {
    Page { page: usize, raw: RawAnswers },
    Submit,
    Whole { raw: RawAnswers },
}

enum Done {
    Next(Next),
    Reference(String),
}

/// [`Respondent`], owned.
enum Who {
    Account(SignedIn),
    Anonymous(String),
}

impl Who {
    fn of(who: Respondent<'_>) -> Who {
        match who {
            Respondent::Account(me) => Who::Account(me.clone()),
            Respondent::Anonymous(secret) => Who::Anonymous(secret.to_owned()),
        }
    }

    fn as_respondent(&self) -> Respondent<'_> {
        match self {
            Who::Account(me) => Respondent::Account(me),
            Who::Anonymous(secret) => Respondent::Anonymous(secret),
        }
    }
}

/// One respondent's write on one consultation.
struct RespondentWrite {
    who: Who,
    id: Uuid,
    op: Op,
}

impl GroupedWrite for RespondentWrite {
    type Output = Done;
    type Cache = Loaded;

    async fn run(&self, conn: Conn<'_>, loaded: &mut Loaded) -> Result<Done, ServiceError> {
        let (who, id) = (self.who.as_respondent(), self.id);
        Ok(match &self.op {
            Op::Page { page, raw } => {
                Done::Next(pages::save_page_in(conn, loaded, who, id, *page, raw).await?)
            }
            Op::Submit => Done::Reference(submission::submit_in(conn, loaded, who, id).await?),
            Op::Whole { raw } => {
                Done::Reference(submission::respond_all_in(conn, loaded, who, id, raw).await?)
            }
        })
    }
}

/// Saves a page, submits, or takes a whole response (see
/// [`group_commit`]).
async fn write(db: &Db, who: Respondent<'_>, id: Uuid, op: Op) -> Result<Done, ServiceError> {
    let write = RespondentWrite {
        who: Who::of(who),
        id,
        op,
    };
    group_commit::write(db, write).await
}
