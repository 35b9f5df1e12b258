//! Moderators deciding several waiting comments at once: approve them,
//! or hide them all for one public reason. Each comment gets its own
//! decision record and audit entry, exactly as if decided one by one,
//! and all of them are written in one transaction. What cannot be
//! decided (the moderator's own comment, an escalated one without the
//! senior role, one no longer waiting) is skipped and counted, never
//! half-done.

use std::collections::{BTreeMap, BTreeSet};

use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::may_act;
use cohesion_domain::identity::Action;
use cohesion_domain::text::optional;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::comments;
use cohesion_storage::discussions::moderation as store;
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use super::deciding::{decide_in, Refusal};
use super::moderating::MAX_NOTE_CHARS;
use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::ServiceError;

/// The most comments one bulk decision takes: a page of the queue and
/// a half, so that one transaction stays short.
pub const MAX_BULK: usize = 30;

/// What a bulk decision did: how many were decided, how many of the
/// rest were skipped for each reason, and which were skipped and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub decided: usize,
    pub skipped: BTreeMap<Refusal, usize>,
    /// Each comment skipped, with why, in the order of their ids.
    pub refused: Vec<(Uuid, Refusal)>,
}

impl BulkOutcome {
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// Only approving and hiding make sense for many comments at once: the
/// others need a look at each comment (redaction's words, a warning's
/// author, an escalation's steps outside).
pub fn bulk_decision(action: &str, reason: &str) -> Result<Decision, ValidationError> {
    match action.trim() {
        "approve" | "hide" => Decision::parse(action, reason, "", ""),
        _ => Err(ValidationError::new("action", ErrorCode::InvalidChoice)),
    }
}

/// [`bulk_decision`] for `me`: who may decide in bulk is asked first,
/// so that someone who may not is told so (403) whatever they sent.
pub fn bulk_decision_for(
    me: &SignedIn,
    action: &str,
    reason: &str,
) -> Result<Decision, ServiceError> {
    require(me, Action::Moderate)?;
    Ok(bulk_decision(action, reason)?)
}

/// Takes `decision` (approve, or hide for a reason) on each of
/// `comments` still waiting, in one transaction; skips and counts the
/// ones that cannot be decided.
pub async fn decide_many(
    db: &Db,
    me: &SignedIn,
    comments: &[Uuid],
    decision: &Decision,
    note: &str,
    client: Option<&str>,
) -> Result<BulkOutcome, ServiceError> {
    require(me, Action::Moderate)?;
    if !matches!(decision, Decision::Approve | Decision::Hide(_)) {
        return Err(ServiceError::Invalid(ValidationError::new(
            "action",
            ErrorCode::InvalidChoice,
        )));
    }
    let note = optional("note", note, MAX_NOTE_CHARS)?;
    let ids: BTreeSet<Uuid> = comments.iter().copied().collect();
    if ids.is_empty() {
        return Err(ServiceError::Invalid(ValidationError::new(
            "items",
            ErrorCode::FieldRequired,
        )));
    }
    if ids.len() > MAX_BULK {
        return Err(ServiceError::Invalid(ValidationError::new(
            "items",
            ErrorCode::OutOfRange,
        )));
    }
    let now = Timestamp::now();
    let mut out = BulkOutcome::default();
    let mut tx = db.begin().await?;
    for id in ids {
        let waiting = store::find_item(tx.conn(), id)
            .await?
            .is_some_and(|i| i.waiting);
        let taken = if waiting {
            decide_in(tx.conn(), me, id, decision, note.as_deref(), client, now).await?
        } else {
            Err(not_waiting(tx.conn(), me, id).await?)
        };
        match taken {
            Ok(()) => out.decided += 1,
            Err(why) => {
                *out.skipped.entry(why).or_default() += 1;
                out.refused.push((id, why));
            }
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Why a comment not waiting is skipped, as plainly as it can be said:
/// there is no such comment, it is the moderator's own (whatever its
/// standing), or it was decided already.
async fn not_waiting(conn: Conn<'_>, me: &SignedIn, id: Uuid) -> Result<Refusal, ServiceError> {
    Ok(match comments::find(conn, id).await? {
        None => Refusal::NotFound,
        Some(c) => {
            let author = c.author_id.map(|a| a.to_string());
            match may_act(&me.user_id.to_string(), author.as_deref()) {
                true => Refusal::AlreadyDecided,
                false => Refusal::OwnComment,
            }
        }
    })
}
