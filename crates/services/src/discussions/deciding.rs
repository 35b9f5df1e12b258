//! A moderator's decision on one comment, checked in full before anything
//! is written (so that bulk decisions can skip what cannot be decided and
//! go on in the same transaction): never on one's own comment, escalated
//! comments for senior moderators only (ADR 37), an appealed one by
//! deciding the appeal, and the step outside the
//! platform recorded with a tick and a note by whoever took it.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::{redact, Decision};
use cohesion_domain::discussion::moderation::may_act;
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::identity::Action;
use cohesion_domain::text::optional;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::moderation::{self as store, Item};
use cohesion_storage::discussions::{catalogue, comments};
use cohesion_storage::{Conn, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use super::moderating::MAX_NOTE_CHARS;
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Why a decision was not taken on one comment; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Refusal {
    /// The moderator wrote it: nobody decides on their own comment.
    OwnComment,
    /// Escalated: only a senior moderator decides it.
    Escalated,
    /// Its author's appeal is open: it is decided as an appeal (uphold
    /// or overturn, on its own page, by a moderator who took none of
    /// the decisions it is about), not by a fresh decision.
    Appealed,
    /// The decision does not apply to the comment as it stands (approving
    /// what is hidden, restoring what is shown, anything on a deleted
    /// comment, warning an author whose account is gone).
    NotApplicable,
    /// No longer waiting: another moderator decided it meanwhile (bulk
    /// decisions only act on what waits).
    AlreadyDecided,
    /// No such comment.
    NotFound,
}

impl Refusal {
    pub const ALL: [Refusal; 6] = [
        Refusal::OwnComment,
        Refusal::Escalated,
        Refusal::Appealed,
        Refusal::NotApplicable,
        Refusal::AlreadyDecided,
        Refusal::NotFound,
    ];

    /// A stable code for why, as addresses and the API carry it.
    pub const fn code(self) -> &'static str {
        match self {
            Refusal::OwnComment => "own_comment",
            Refusal::Escalated => "escalated",
            Refusal::Appealed => "appealed",
            Refusal::NotApplicable => "not_applicable",
            Refusal::AlreadyDecided => "already_decided",
            Refusal::NotFound => "not_found",
        }
    }

    pub fn from_code(code: &str) -> Option<Refusal> {
        Refusal::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The refusal as the error a single decision answers with.
    fn into_error(self) -> ServiceError {
        match self {
            Refusal::OwnComment => {
                ServiceError::Conflict(ValidationError::new("action", ErrorCode::CannotTargetSelf))
            }
            Refusal::Escalated => ServiceError::Forbidden,
            Refusal::Appealed | Refusal::NotApplicable | Refusal::AlreadyDecided => {
                ServiceError::Conflict(ValidationError::new("action", ErrorCode::InvalidChoice))
            }
            Refusal::NotFound => ServiceError::NotFound,
        }
    }
}

/// Takes `decision` on a comment: checks it applies, moves the comment's
/// state, records the decision and the audit entry, and takes the item
/// out of the queue (an escalation leaves it, marked). A moderator never
/// decides on their own comment, and only a senior moderator decides an
/// escalated one (ADR 37); anyone may record the step taken outside the
/// platform on it, since a threat to life cannot wait for a rota.
pub async fn decide(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
    decision: &Decision,
    note: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let note = optional("note", note, MAX_NOTE_CHARS)?;
    if matches!(decision, Decision::OutsideActionTaken) && note.is_none() {
        // The record of a call to the emergency services or a referral
        // is only worth keeping with what was done and its reference.
        return Err(ServiceError::Invalid(ValidationError::new(
            "note",
            ErrorCode::FieldRequired,
        )));
    }
    let mut tx = db.begin().await?;
    let taken = decide_in(
        tx.conn(),
        me,
        comment,
        decision,
        note.as_deref(),
        client,
        Timestamp::now(),
    )
    .await?;
    taken.map_err(Refusal::into_error)?;
    tx.commit().await?;
    Ok(())
}

/// Records that the steps outside the platform a threat to life or
/// terrorist content needs were taken (the emergency services called,
/// the content referred through the national reporting route): the
/// moderator ticks that they did it and says what they did, with any
/// reference, and the record is kept and audit-logged.
pub async fn record_outside_action(
    db: &Db,
    me: &SignedIn,
    comment: Uuid,
    confirmed: bool,
    note: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let mut problems = Vec::new();
    if !confirmed {
        problems.push(ValidationError::new(
            "done",
            ErrorCode::ConfirmationRequired,
        ));
    }
    match optional("outside_note", note, MAX_NOTE_CHARS) {
        Ok(Some(_)) => {}
        Ok(None) => problems.push(ValidationError::new(
            "outside_note",
            ErrorCode::FieldRequired,
        )),
        Err(e) => problems.push(e),
    }
    if !problems.is_empty() {
        return Err(ServiceError::invalid(problems));
    }
    decide(db, me, comment, &Decision::OutsideActionTaken, note, client).await
}

/// [`decide`] inside a transaction the caller commits: every check comes
/// before any write, so a refusal (the inner `Err`) leaves nothing
/// half-done and the caller may go on with other comments.
pub(crate) async fn decide_in(
    mut conn: Conn<'_>,
    me: &SignedIn,
    comment: Uuid,
    decision: &Decision,
    note: Option<&str>,
    client: Option<&str>,
    now: Timestamp,
) -> Result<Result<(), Refusal>, ServiceError> {
    let (c, item) = match check(conn.reborrow(), me, comment, decision).await? {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let redacted = match decision {
        Decision::Redact(words) => Some(redact(&c.body, words).ok_or_else(|| {
            ServiceError::Invalid(ValidationError::new("words", ErrorCode::UnknownText))
        })?),
        _ => None,
    };
    apply(
        conn.reborrow(),
        me,
        &c,
        decision,
        redacted.as_deref(),
        note,
        now,
    )
    .await?;
    record(conn, me, &c, item.as_ref(), decision, note, client, now).await?;
    Ok(Ok(()))
}

/// The comment and its waiting item, if `decision` may be taken on it by
/// `me`; else why not.
async fn check(
    mut conn: Conn<'_>,
    me: &SignedIn,
    comment: Uuid,
    decision: &Decision,
) -> Result<Result<(Comment, Option<Item>), Refusal>, ServiceError> {
    let Some(c) = comments::find_for_update(conn.reborrow(), comment).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let author = c.author_id.map(|a| a.to_string());
    if !may_act(&me.user_id.to_string(), author.as_deref()) {
        return Ok(Err(Refusal::OwnComment));
    }
    // An open appeal is decided as an appeal (uphold or overturn, by
    // another moderator): a fresh decision would leave it open with the
    // decision it is about already changed.
    let appealed = store::find_appeal(conn.reborrow(), comment)
        .await?
        .is_some_and(|a| a.outcome.is_none());
    let item = store::find_item(conn, comment).await?.filter(|i| i.waiting);
    let escalated = item.as_ref().is_some_and(|i| i.escalated);
    let refusal = match decision {
        Decision::OutsideActionTaken => None,
        _ if appealed => Some(Refusal::Appealed),
        Decision::Escalate if escalated => Some(Refusal::NotApplicable),
        _ if escalated && !me.roles.allows(Action::DecideEscalated) => Some(Refusal::Escalated),
        _ => None,
    };
    let sanction_without_author =
        matches!(decision, Decision::Warn | Decision::Suspend(_)) && c.author_id.is_none();
    let refusal = refusal.or_else(|| {
        (decision.next_state(c.state).is_none() || sanction_without_author)
            .then_some(Refusal::NotApplicable)
    });
    Ok(match refusal {
        Some(why) => Err(why),
        None => Ok((c, item)),
    })
}

/// What the decision does to the comment: its state (and the count of
/// what the public sees), its redacted text, its author's sanction.
async fn apply(
    mut conn: Conn<'_>,
    me: &SignedIn,
    c: &Comment,
    decision: &Decision,
    redacted: Option<&str>,
    note: Option<&str>,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let next = decision.next_state(c.state).unwrap_or(c.state);
    let reason = hidden_for(decision);
    if next != c.state || reason.is_some() {
        comments::set_state(conn.reborrow(), c.id, next, reason).await?;
        let visible = |s: State| i64::from(s == State::Published);
        let change = visible(next) - visible(c.state);
        if change != 0 {
            catalogue::count_visible(conn.reborrow(), c.discussion_id, change).await?;
        }
    }
    if let (Decision::Redact(words), Some(body)) = (decision, redacted) {
        // The removed words are not kept: neither here nor in the
        // earlier versions, which are redacted alike.
        comments::set_body(conn.reborrow(), c.id, body).await?;
        for (version, text, _) in comments::versions(conn.reborrow(), c.id).await? {
            if let Some(text) = redact(&text, words) {
                comments::set_version_body(conn.reborrow(), c.id, version, &text).await?;
            }
        }
    }
    if let (Decision::Warn | Decision::Suspend(_), Some(author)) = (decision, c.author_id) {
        let (kind, until) = match decision {
            Decision::Suspend(days) => (
                "suspension",
                Some(Timestamp::from(
                    now.as_offset() + Duration::days(i64::from(*days)),
                )),
            ),
            _ => ("warning", None),
        };
        let said = note.unwrap_or("");
        store::sanction(conn, author, kind, until, c.id, said, me.user_id, now).await?;
    }
    Ok(())
}

/// A hide's public reason code.
fn hidden_for(decision: &Decision) -> Option<&'static str> {
    match decision {
        Decision::Hide(r) => Some(r.code()),
        _ => None,
    }
}

/// The decision's record, the queue item's new standing and the audit
/// entry. Recording the step outside or escalating leaves the comment
/// waiting; anything else takes it out of the queue, and how long it
/// waited is what the transparency pages' median reads.
#[allow(clippy::too_many_arguments)]
async fn record(
    mut conn: Conn<'_>,
    me: &SignedIn,
    c: &Comment,
    item: Option<&Item>,
    decision: &Decision,
    note: Option<&str>,
    client: Option<&str>,
    now: Timestamp,
) -> Result<(), ServiceError> {
    // A decision that leaves the comment held (a warning, a suspension,
    // a redaction of a comment still waiting) keeps it in the queue:
    // taken out, it would wait for ever, seen by its author only.
    let leaves_held = !matches!(decision, Decision::Escalate)
        && decision.next_state(c.state) == Some(State::AwaitingModeration);
    let stays =
        matches!(decision, Decision::Escalate | Decision::OutsideActionTaken) || leaves_held;
    let waited_seconds = item.filter(|_| !stays).map(|i| {
        (now.as_offset() - i.waiting_since.as_offset())
            .whole_seconds()
            .max(0)
    });
    let reason = hidden_for(decision);
    store::record_decision(
        conn.reborrow(),
        &store::NewDecision {
            comment: c.id,
            discussion: c.discussion_id,
            moderator: me.user_id,
            action: decision.code(),
            reason,
            // What was redacted is not written down anywhere.
            note: match decision {
                Decision::Redact(_) => None,
                _ => note,
            },
            waited_seconds,
            at: now,
        },
    )
    .await?;
    if !matches!(decision, Decision::OutsideActionTaken) && !leaves_held {
        let escalated = matches!(decision, Decision::Escalate);
        store::decided(conn.reborrow(), c.id, now, escalated).await?;
    }
    // The author is told, in their language, in the same transaction.
    super::notifying::decided(conn.reborrow(), c, decision, now).await?;
    audit_log(
        conn,
        me.origin(client),
        audit_action(decision),
        Some(c.id),
        reason.unwrap_or(""),
    )
    .await?;
    Ok(())
}

/// The audit log's name for a decision.
fn audit_action(decision: &Decision) -> &'static str {
    match decision {
        Decision::Approve => "moderation.approve",
        Decision::Hide(_) => "moderation.hide",
        Decision::Restore => "moderation.restore",
        Decision::Redact(_) => "moderation.redact",
        Decision::Warn => "moderation.warn",
        Decision::Suspend(_) => "moderation.suspend",
        Decision::Escalate => "moderation.escalate",
        Decision::OutsideActionTaken => "moderation.outside_action",
    }
}
