//! What a signed-in person keeps of the responses they sent: the list on
//! their account page, and a copy of their answers by email.

use cohesion_domain::consultation::{Consultation, Status};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::responses::Owner;
use cohesion_storage::consultations::{catalogue, responses};
use cohesion_storage::{outbox, Conn, Db};

use crate::accounts::{Letter, SignedIn};
use crate::audit::audit_log;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// One response someone sent.
#[derive(Debug, Clone)]
pub struct SentResponse {
    pub consultation: Consultation,
    pub reference: String,
    pub submitted_at: Timestamp,
    /// The consultation is still open: the response can be changed.
    pub can_change: bool,
    /// The consultation was withdrawn: the response is kept, and its
    /// author still sees that they sent it, but its pages are gone.
    pub withdrawn: bool,
    /// The copy of these answers asked for by email, where it stands.
    pub copy: Option<AskedCopy>,
}

/// The responses `me` has sent (drafts and removed ones left out, those
/// to withdrawn consultations kept and marked), the
/// latest first.
pub async fn sent_by(db: &Db, me: &SignedIn) -> Result<Vec<SentResponse>, ServiceError> {
    let mut c = db.acquire().await?;
    let mut out = Vec::new();
    let now = Timestamp::now();
    for r in responses::for_respondent(c.conn(), me.user_id).await? {
        let (Some(at), None) = (r.submitted_at, r.removed_at) else {
            continue;
        };
        let Some((consultation, _)) = catalogue::find(c.conn(), r.consultation_id).await? else {
            continue;
        };
        // A draft consultation is no one's to have answered; a withdrawn
        // one was, and its residents are told, not left to wonder.
        let withdrawn = consultation.published_at.is_none() && consultation.withdrawn_at.is_some();
        if consultation.published_at.is_none() && !withdrawn {
            continue;
        }
        let can_change = consultation.answering_status(now) == Status::Open;
        let copy = standing_copy(c.conn(), r.id).await?;
        out.push(SentResponse {
            consultation,
            reference: r.reference,
            submitted_at: at.into(),
            can_change: can_change && !withdrawn,
            withdrawn,
            copy,
        });
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.submitted_at));
    Ok(out)
}

/// A copy of a response's answers its author asked for, as the outbox
/// has it: waiting to be sent, or sent at `sent_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskedCopy {
    pub asked_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// Whether [`email_copy`] wrote a message or found one already asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Now,
    /// A copy of these answers was asked for before and is still waiting
    /// to be sent (a form sent twice): nothing more is sent.
    Already,
}

/// The copy of `me`'s answers to consultation `id` asked for since they
/// last changed, while it can still arrive: one given up by the mail
/// server is as good as none, so it can be asked for again.
pub async fn copy_asked(
    db: &Db,
    me: &SignedIn,
    id: uuid::Uuid,
) -> Result<Option<AskedCopy>, ServiceError> {
    let mut c = db.acquire().await?;
    let Some(r) = responses::find_for(c.conn(), id, Owner::Account(me.user_id)).await? else {
        return Ok(None);
    };
    standing_copy(c.conn(), r.id).await
}

async fn standing_copy(
    mut conn: Conn<'_>,
    response: uuid::Uuid,
) -> Result<Option<AskedCopy>, ServiceError> {
    let Some(message) = responses::receipt_message(conn.reborrow(), response).await? else {
        return Ok(None);
    };
    Ok(outbox::find(conn, message)
        .await?
        .filter(|m| m.given_up_at.is_none())
        .map(|m| AskedCopy {
            asked_at: m.created_at.into(),
            sent_at: m.sent_at.map(Into::into),
        }))
}

/// Emails `me` a copy of their sent response to consultation `id`,
/// written (in their language) by the caller as `letter`: through the
/// outbox, so it is sent when mail is set up and kept there when not.
/// Only to a confirmed address. While the copy last asked for is waiting
/// to be sent, asking again (a replayed form, a second click) sends
/// nothing. Once it has been sent, another may be asked for (the first
/// lost or deleted), counted against the response's allowance of copies
/// and the account's of emails.
pub async fn email_copy(
    db: &Db,
    me: &SignedIn,
    id: uuid::Uuid,
    letter: &Letter,
    client: Option<&str>,
) -> Result<Asked, ServiceError> {
    if !me.email_verified || me.email.is_empty() {
        return Err(ValidationError::new("email", ErrorCode::EmailNotVerified).into());
    }
    let mut tx = db.begin().await?;
    // Locked, so that two sends of the same form queue and the second
    // sees the first's message.
    let sent = responses::find_for_update(tx.conn(), id, Owner::Account(me.user_id))
        .await?
        .filter(|r| r.submitted_at.is_some() && r.removed_at.is_none());
    let Some(response) = sent else {
        return Err(ServiceError::NotFound);
    };
    let standing = standing_copy(tx.conn(), response.id).await?;
    if standing.is_some_and(|copy| copy.sent_at.is_none()) {
        return Ok(Asked::Already);
    }
    // Both counted with the message, so a refusal counts nothing.
    throttle_in(tx.conn(), Throttled::AnswersCopy, &response.id.to_string()).await?;
    throttle_in(tx.conn(), Throttled::MailSending, &me.user_id.to_string()).await?;
    let message = outbox::push_private(tx.conn(), &me.email, &letter.subject, &letter.body).await?;
    responses::set_receipt_message(tx.conn(), response.id, message).await?;
    // For the person's "Your data" page, with the message: the
    // consultation and fixed words, never the address or the answers the
    // letter holds (see `submission::log_sent`).
    audit_log(
        tx.conn(),
        me.origin(client),
        "response.copy",
        Some(id),
        "copy asked for by email",
    )
    .await?;
    tx.commit().await?;
    Ok(Asked::Now)
}
