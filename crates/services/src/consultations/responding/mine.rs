//! What a signed-in person keeps of the responses they sent: the list on
//! their account page, and a copy of their answers by email.

use cohesion_domain::consultation::{Consultation, Status};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::responses::Owner;
use cohesion_storage::consultations::{catalogue, responses};
use cohesion_storage::{outbox, Db};

use crate::accounts::{Letter, SignedIn};
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
}

/// The responses `me` has sent (drafts and removed ones left out), the
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
        if consultation.published_at.is_none() {
            continue;
        }
        let can_change = consultation.answering_status(now) == Status::Open;
        out.push(SentResponse {
            consultation,
            reference: r.reference,
            submitted_at: at.into(),
            can_change,
        });
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.submitted_at));
    Ok(out)
}

/// Emails `me` a copy of their sent response to consultation `id`,
/// written (in their language) by the caller as `letter`: through the
/// outbox, so it is sent when mail is set up and kept there when not.
/// Only to a confirmed address, and counted against the account's
/// allowance of emails.
pub async fn email_copy(
    db: &Db,
    me: &SignedIn,
    id: uuid::Uuid,
    letter: &Letter,
) -> Result<(), ServiceError> {
    if !me.email_verified || me.email.is_empty() {
        return Err(ValidationError::new("email", ErrorCode::EmailNotVerified).into());
    }
    let mut tx = db.begin().await?;
    throttle_in(tx.conn(), Throttled::MailSending, &me.user_id.to_string()).await?;
    let sent = responses::find_for(tx.conn(), id, Owner::Account(me.user_id))
        .await?
        .filter(|r| r.submitted_at.is_some() && r.removed_at.is_none());
    if sent.is_none() {
        return Err(ServiceError::NotFound);
    }
    outbox::push(tx.conn(), &me.email, &letter.subject, &letter.body).await?;
    tx.commit().await?;
    Ok(())
}
