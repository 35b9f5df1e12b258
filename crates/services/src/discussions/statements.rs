//! The statements stage of a discussion (issue 18 part 8): officers add
//! or take it away, and add starting statements published at once;
//! members submit short statements, held and screened
//! like comments (ADR 33: screening only holds, never hides); moderators
//! approve or hide them. A hidden statement takes no more votes and
//! leaves the opinion map.

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::screening::Reason;
use cohesion_domain::discussion::statements::{self as rules, State};
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
/// A statement as stored, for the pages and the API.
pub use cohesion_storage::discussions::statements::Statement;
use cohesion_storage::discussions::statements::{self, NewStatement};
use cohesion_storage::discussions::{catalogue, moderation};
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::screening::screen;
use super::{open_for_comments, own_for_update};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// The most statements a discussion lists at once (the voting page, the
/// results, the officers' list).
pub const MAX_STATEMENTS: i64 = 1_000;

/// Adds (`true`) or takes away the statements stage of a discussion. Votes
/// and statements stay when it is taken away, and come back with it.
pub async fn set_stage(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    on: bool,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    let d = own_for_update(tx.conn(), discussion).await?;
    if statements::has_stage(tx.conn(), d.id).await? == on {
        return Ok(());
    }
    statements::set_stage(tx.conn(), d.id, on).await?;
    let what = if on { "on" } else { "off" };
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.statements_stage",
        Some(d.id),
        &format!("{what}: {}", d.title),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the discussion has a statements stage.
pub async fn has_stage(db: &Db, discussion: Uuid) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(statements::has_stage(c.conn(), discussion).await?)
}

/// A statement just submitted, and whether it waits for a moderator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Submitted {
    pub id: Uuid,
    pub held: bool,
}

/// Submits a statement in an open discussion with a statements stage.
/// It is held for a moderator as a comment would be: by the discussion's
/// pre-moderation or by screening (word lists, links); staff who speak
/// for the site and moderators are neither.
pub async fn submit(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    text: &str,
) -> Result<Submitted, ServiceError> {
    require(me, Action::Participate)?;
    let body = rules::body("text", text)?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    throttle_in(tx.conn(), Throttled::Commenting, &me.user_id.to_string()).await?;
    let d = open_for_comments(tx.conn(), discussion, now).await?;
    if !statements::has_stage(tx.conn(), d.id).await? {
        return Err(ServiceError::NotFound);
    }
    let screened = screen(tx.conn(), d.id, Some(me.user_id), &body, now).await?;
    let mut reasons = Vec::new();
    let staff = me.roles.allows(Action::Moderate) || me.roles.allows(Action::RunEngagement);
    if !staff {
        if moderation::suspended_until(tx.conn(), me.user_id, now)
            .await?
            .is_some()
        {
            return Err(ServiceError::Conflict(ValidationError::new(
                "text",
                ErrorCode::AccountSuspended,
            )));
        }
        reasons.extend(super::commenting::pre_moderated(tx.conn(), me.user_id, &d).await?);
        // A statement repeating a long comment is no reason to hold it:
        // statements often sum up what was said.
        reasons.extend(
            screened
                .reasons
                .into_iter()
                .filter(|r| !matches!(Reason::parse(r), Reason::Repeat(_))),
        );
        if rules::carries_links(&body) && !reasons.iter().any(|r| r == "links") {
            reasons.push("links".to_owned());
        }
    }
    let state = if reasons.is_empty() {
        State::Published
    } else {
        State::AwaitingModeration
    };
    let id = statements::insert(
        tx.conn(),
        &NewStatement {
            discussion_id: d.id,
            author_id: Some(me.user_id),
            body: &body,
            state,
            reasons: &reasons.join("\n"),
            // Its place in the moderators' queue, as a held comment's.
            severity: i64::from(screened.severity.max(1)),
            created_at: now,
        },
    )
    .await?;
    if state == State::Published {
        statements::mark_stale(tx.conn(), d.id).await?;
    }
    tx.commit().await?;
    Ok(Submitted {
        id,
        held: state != State::Published,
    })
}

/// Adds a starting ("seed") statement, as Pol.is's officers do: written by
/// an officer who runs the discussion, published at once (nobody holds
/// staff's words for a moderator), normalised and limited as residents'
/// statements are. Before the discussion opens too, so that the first
/// voters find statements waiting; not once it has closed, when nobody
/// can vote. Audit-logged, with the text.
pub async fn seed(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    text: &str,
    client: Option<&str>,
) -> Result<Submitted, ServiceError> {
    require(me, Action::RunEngagement)?;
    let body = rules::body("text", text)?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let d = own_for_update(tx.conn(), discussion).await?;
    if !statements::has_stage(tx.conn(), d.id).await? {
        return Err(ServiceError::NotFound);
    }
    if d.status(now.as_offset()) == Status::Closed {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionNotOpen,
        )));
    }
    let id = statements::insert(
        tx.conn(),
        &NewStatement {
            discussion_id: d.id,
            author_id: Some(me.user_id),
            body: &body,
            state: State::Published,
            reasons: "",
            severity: 1,
            created_at: now,
        },
    )
    .await?;
    statements::mark_seeded(tx.conn(), id).await?;
    statements::mark_stale(tx.conn(), d.id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "discussion.statement_seed",
        Some(d.id),
        &body,
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted { id, held: false })
}

/// A discussion's statements for its moderators and officers: every state,
/// by number.
pub async fn for_staff(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
) -> Result<Vec<Statement>, ServiceError> {
    if !(me.roles.allows(Action::Moderate) || me.roles.allows(Action::RunEngagement)) {
        return Err(ServiceError::Forbidden);
    }
    let mut c = db.acquire().await?;
    catalogue::find(c.conn(), discussion)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(statements::list(c.conn(), discussion, None, MAX_STATEMENTS).await?)
}

/// A discussion's starting statements (officers' seeds), each with where
/// it stands (a moderator may have hidden one since), by number: for the
/// officers' page of the discussion.
pub async fn seeded(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
) -> Result<Vec<Statement>, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    catalogue::find(c.conn(), discussion)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(statements::seeded(c.conn(), discussion, MAX_STATEMENTS).await?)
}

/// A moderator's decision on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Hide,
}

impl Decision {
    pub fn from_code(code: &str) -> Option<Decision> {
        match code {
            "approve" => Some(Decision::Approve),
            "hide" => Some(Decision::Hide),
            _ => None,
        }
    }
}

/// Approves (publishes) or hides a statement of the discussion; nobody
/// decides on their own statement. Deciding what already stands changes
/// nothing.
pub async fn decide(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    statement: Uuid,
    decision: Decision,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Moderate)?;
    let mut tx = db.begin().await?;
    let s = statements::find(tx.conn(), statement)
        .await?
        .filter(|s| s.discussion_id == discussion)
        .ok_or(ServiceError::NotFound)?;
    if s.author_id == Some(me.user_id) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "decision",
            ErrorCode::CannotTargetSelf,
        )));
    }
    if s.state == State::RemovedWithAccount {
        return Err(ServiceError::Conflict(ValidationError::new(
            "decision",
            ErrorCode::AlreadyRemoved,
        )));
    }
    let (state, action) = match decision {
        Decision::Approve => (State::Published, "moderation.statement_approve"),
        Decision::Hide => (State::Hidden, "moderation.statement_hide"),
    };
    if s.state == state {
        return Ok(());
    }
    statements::set_state(tx.conn(), &s, state, Some(me.user_id)).await?;
    audit_log(tx.conn(), me.origin(client), action, Some(s.id), &s.body).await?;
    tx.commit().await?;
    Ok(())
}
