//! Agreeing with a comment (once, withdrawable) and reporting one (once,
//! with a reason and an optional note; the reporter is never shown to the
//! author). Reports order the moderators' queue; they never hide a
//! comment on their own (ADR 33).

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::identity::Action;
use cohesion_domain::text::optional;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::{catalogue, comments, reactions};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// The most a report's note may say.
pub const MAX_NOTE_CHARS: usize = 1_000;

/// Agrees (`true`) with someone else's published comment, or withdraws
/// the agreement (`false`); doing either twice changes nothing. A closed
/// discussion keeps its agreements as they stood when it closed, so both
/// are refused there (`discussion_not_open`). Returns the comment's
/// discussion.
pub async fn agree(db: &Db, me: &SignedIn, id: Uuid, agree: bool) -> Result<Uuid, ServiceError> {
    require(me, Action::Participate)?;
    let mut tx = db.begin().await?;
    throttle_in(tx.conn(), Throttled::Reacting, &me.user_id.to_string()).await?;
    let c = others_published(tx.conn(), me, id, "comment").await?;
    still_open(tx.conn(), c.discussion_id).await?;
    if agree {
        reactions::agree(tx.conn(), id, me.user_id, Timestamp::now()).await?;
    } else {
        reactions::withdraw(tx.conn(), id, me.user_id).await?;
    }
    tx.commit().await?;
    Ok(c.discussion_id)
}

/// Reports someone else's comment with a reason code and an optional
/// note; a second report of the same comment by the same person is
/// refused (`already_reported`). Returns the comment's discussion.
pub async fn report(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    reason: &str,
    note: &str,
) -> Result<Uuid, ServiceError> {
    require(me, Action::Participate)?;
    let mut problems = Vec::new();
    let reason = ReportReason::from_code(reason.trim());
    if reason.is_none() {
        problems.push(ValidationError::new("reason", ErrorCode::InvalidChoice));
    }
    let note = optional("note", note, MAX_NOTE_CHARS).map_err(|e| problems.push(e));
    // "Something else" names nothing: the form asks for a word on what
    // it is, and moderators need one.
    if reason == Some(ReportReason::Other) && matches!(note, Ok(None)) {
        problems.push(ValidationError::new("note", ErrorCode::FieldRequired));
    }
    let (Some(reason), Ok(note), true) = (reason, note, problems.is_empty()) else {
        return Err(ServiceError::invalid(problems));
    };
    let mut tx = db.begin().await?;
    throttle_in(tx.conn(), Throttled::Reacting, &me.user_id.to_string()).await?;
    let c = others_published(tx.conn(), me, id, "reason").await?;
    let saved = reactions::report(
        tx.conn(),
        id,
        me.user_id,
        reason.code(),
        note.as_deref(),
        Timestamp::now(),
    )
    .await?;
    if !saved {
        return Err(ServiceError::Conflict(ValidationError::new(
            "reason",
            ErrorCode::AlreadyReported,
        )));
    }
    super::moderating::reported(tx.conn(), &c).await?;
    tx.commit().await?;
    Ok(c.discussion_id)
}

/// Refuses a reaction on a discussion that is not open now (closed, not
/// yet open or imported): its figures are a record of what happened
/// while it ran.
async fn still_open(conn: Conn<'_>, discussion: Uuid) -> Result<(), ServiceError> {
    let d = catalogue::find(conn, discussion)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if d.status(Timestamp::now().as_offset()) != Status::Open {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionNotOpen,
        )));
    }
    Ok(())
}

/// A published comment someone else wrote; one's own is refused
/// (`cannot_target_self`), and one nobody may see is not found.
async fn others_published(
    conn: Conn<'_>,
    me: &SignedIn,
    id: Uuid,
    field: &'static str,
) -> Result<Comment, ServiceError> {
    let c = comments::find(conn, id)
        .await?
        .filter(|c| c.state == State::Published)
        .ok_or(ServiceError::NotFound)?;
    if c.author_id == Some(me.user_id) {
        return Err(ServiceError::Conflict(ValidationError::new(
            field,
            ErrorCode::CannotTargetSelf,
        )));
    }
    Ok(c)
}
