//! A respondent's writes (a page saved, a submission, a whole response
//! at once), each run through the group commit (ADR 0012): on SQLite,
//! writes waiting for the same file share a transaction and read each
//! consultation once.
//!
//! The survey's pages send theirs with [`post_page`] and
//! [`post_submission`], which read the consultation and the response once,
//! in the write's transaction, and answer with what the page shows
//! ([`Posted`]); other callers (the API, tools) have every refusal as an
//! error.

use cohesion_domain::survey::answers::RawAnswers;
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use super::pages::FromPages;
use super::{pages, submission, Loaded, Next, Posted, Respondent};
use crate::accounts::SignedIn;
use crate::group_commit::{self, GroupedWrite};
use crate::ServiceError;

/// Saves the answers on page `page` (from 0; validated, every problem
/// reported) into the draft, starting the response if needed.
pub async fn save_page(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
) -> Result<Next, ServiceError> {
    page_write(db, who, id, page, raw, None)
        .await?
        .into_result()
}

/// [`save_page`] as the survey's pages send it: a respondent turned away
/// or with answers refused gets what the page shows, an anonymous
/// respondent's first page counts against the client's allowance, and a
/// change made from "check your answers" leads back there.
pub async fn post_page(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
    from: FromPages<'_>,
) -> Result<Posted<Next>, ServiceError> {
    page_write(db, who, id, page, raw, Some(from)).await
}

async fn page_write(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
    from: Option<FromPages<'_>>,
) -> Result<Posted<Next>, ServiceError> {
    let op = Op::Page {
        page,
        raw: raw.clone(),
        from: from.map(|f| (f.client.to_owned(), f.returning)),
    };
    match write(db, who, id, op).await? {
        Done::Page(posted) => Ok(posted),
        _ => Err(ServiceError::NotFound),
    }
}

/// Submits (or resubmits, after a change) the response: every answer is
/// checked again, then answers and totals are written in one transaction.
/// Returns the reference to quote.
pub async fn submit(db: &Db, who: Respondent<'_>, id: Uuid) -> Result<String, ServiceError> {
    match write(db, who, id, Op::Submit { client: None }).await? {
        Done::Submitted(posted) => posted.into_result(),
        _ => Err(ServiceError::NotFound),
    }
}

/// [`submit`] as the "check your answers" page sends it from `client`
/// (for the audit log): a respondent turned away or with answers refused
/// gets what the page shows.
pub async fn post_submission(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    client: &str,
) -> Result<Posted<String>, ServiceError> {
    let op = Op::Submit {
        client: Some(client.to_owned()),
    };
    match write(db, who, id, op).await? {
        Done::Submitted(posted) => Ok(posted),
        _ => Err(ServiceError::NotFound),
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
    whole(db, who, id, raw, None).await
}

/// [`respond_all`] as the API sends it from `client`: an anonymous
/// respondent's new response counts against the client's allowance, as
/// on the pages; with `known_only`, the respondent's secret must already
/// hold a response here (a token the API issued), else
/// `respondent_token` is refused as `invalid_token`.
pub async fn respond_all_from(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
    client: &str,
    known_only: bool,
) -> Result<String, ServiceError> {
    whole(db, who, id, raw, Some((client.to_owned(), known_only))).await
}

async fn whole(
    db: &Db,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
    from: Option<(String, bool)>,
) -> Result<String, ServiceError> {
    let op = Op::Whole {
        raw: raw.clone(),
        from,
    };
    match write(db, who, id, op).await? {
        Done::Whole(reference) => Ok(reference),
        _ => Err(ServiceError::NotFound),
    }
}

/// A respondent's write, owned so that another task may run it.
enum Op {
    Page {
        page: usize,
        raw: RawAnswers,
        /// [`FromPages`], owned.
        from: Option<(String, bool)>,
    },
    Submit {
        /// Where it came from, for the audit log.
        client: Option<String>,
    },
    Whole {
        raw: RawAnswers,
        /// The client's address, and whether the response must exist.
        from: Option<(String, bool)>,
    },
}

enum Done {
    Page(Posted<Next>),
    Submitted(Posted<String>),
    Whole(String),
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
            Op::Page { page, raw, from } => {
                let from = from.as_ref().map(|(client, returning)| FromPages {
                    client,
                    returning: *returning,
                });
                Done::Page(pages::save_page_in(conn, loaded, who, id, *page, raw, from).await?)
            }
            Op::Submit { client } => Done::Submitted(
                submission::submit_in(conn, loaded, who, id, client.as_deref()).await?,
            ),
            Op::Whole { raw, from } => {
                let from = from.as_ref().map(|(c, known)| (c.as_str(), *known));
                Done::Whole(submission::respond_all_in(conn, loaded, who, id, raw, from).await?)
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
