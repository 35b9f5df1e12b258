//! Administrators' work on accounts: finding people, granting and
//! withdrawing roles, suspending and reinstating. Every change is checked
//! against the permission matrix and written to the audit log in the same
//! transaction.

use std::collections::HashMap;

use cohesion_domain::identity::{Action, Role};
use cohesion_domain::timestamp;
use cohesion_domain::ErrorCode;
use cohesion_storage::accounts::sessions;
use cohesion_storage::accounts::users::{self, UserSummary};
use cohesion_storage::consultations::catalogue;
use cohesion_storage::{audit, outbox, Db, Timestamp};
use uuid::Uuid;

use super::SignedIn;
use crate::audit::{audit_log, RESPONDENTS_ACTIONS};
use crate::permissions::require;
use crate::ServiceError;

pub const PAGE_SIZE: i64 = 25;

/// Whom to look for in the list of people.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserQuery<'a> {
    /// Part of an email address or display name (case-insensitive).
    pub text: &'a str,
    pub role: Option<Role>,
    /// Ids greater than this (the last of the previous page).
    pub after: Option<Uuid>,
    pub limit: i64,
}

/// A person in the administrators' list, with their roles.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Uuid,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub verified: bool,
    pub suspended: bool,
    pub created_at: timestamp::Timestamp,
    pub roles: Vec<Role>,
}

impl Person {
    fn of(s: UserSummary, roles: Vec<Role>) -> Self {
        Self {
            id: s.id,
            email: s.email,
            display_name: s.display_name,
            verified: s.verified,
            suspended: s.suspended,
            created_at: s.created_at.into(),
            roles,
        }
    }
}

/// Which audit entries to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuditQuery<'a> {
    pub action: Option<&'a str>,
    pub actor: Option<Uuid>,
    pub subject: Option<Uuid>,
    /// Entries older than this one (ids are time-ordered).
    pub before: Option<Uuid>,
    pub limit: i64,
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: timestamp::Timestamp,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub subject_id: Option<Uuid>,
    pub detail: String,
    /// The address the action came from.
    pub client: Option<String>,
}

/// One message of the email outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    /// Empty once sent.
    pub body: String,
    pub created_at: timestamp::Timestamp,
    pub sent_at: Option<timestamp::Timestamp>,
    /// Set when delivery failed for good.
    pub given_up_at: Option<timestamp::Timestamp>,
    /// A copy of someone's own answers: its body is never shown.
    pub private: bool,
}

/// A page of people matching `query`; `query.limit` is capped.
pub async fn find(
    db: &Db,
    actor: &SignedIn,
    query: UserQuery<'_>,
) -> Result<Vec<Person>, ServiceError> {
    require(actor, Action::ManagePeople)?;
    let query = users::UserQuery {
        text: query.text,
        role: query.role,
        after: query.after,
        limit: query.limit.clamp(1, 100),
    };
    let mut c = db.acquire().await?;
    let found = users::search(c.conn(), &query).await?;
    let ids: Vec<Uuid> = found.iter().map(|p| p.id).collect();
    let roles = users::roles_of(c.conn(), &ids).await?;
    Ok(found
        .into_iter()
        .map(|summary| {
            let of_person = roles
                .iter()
                .filter(|(id, _)| *id == summary.id)
                .map(|(_, r)| *r)
                .collect();
            Person::of(summary, of_person)
        })
        .collect())
}

/// One person, for the administrators' page about them.
pub async fn get(db: &Db, actor: &SignedIn, id: Uuid) -> Result<Person, ServiceError> {
    require(actor, Action::ManagePeople)?;
    let mut c = db.acquire().await?;
    let user = users::find_by_id(c.conn(), id)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)?;
    let roles = users::roles(c.conn(), id).await?;
    let summary = UserSummary {
        id,
        email: user.email,
        display_name: user.display_name,
        verified: user.email_verified_at.is_some(),
        suspended: user.suspended_at.is_some(),
        created_at: user.created_at,
    };
    Ok(Person::of(summary, roles))
}

/// Administrators may not act on themselves: nobody can remove the last
/// administrator by accident, or suspend their own account.
fn not_self(actor: &SignedIn, id: Uuid) -> Result<(), ServiceError> {
    if actor.user_id == id {
        Err(cohesion_domain::ValidationError::new("person", ErrorCode::CannotTargetSelf).into())
    } else {
        Ok(())
    }
}

async fn live(conn: cohesion_storage::Conn<'_>, id: Uuid) -> Result<(), ServiceError> {
    match users::find_by_id(conn, id).await? {
        Some(u) if u.deleted_at.is_none() => Ok(()),
        _ => Err(ServiceError::NotFound),
    }
}

/// Grants (`grant = true`) or withdraws a role. Residency is everyone's
/// and cannot be changed. Returns whether anything changed.
pub async fn set_role(
    db: &Db,
    actor: &SignedIn,
    id: Uuid,
    role: Role,
    grant: bool,
    client: Option<&str>,
) -> Result<bool, ServiceError> {
    require(actor, Action::ManagePeople)?;
    if role == Role::Resident {
        return Err(cohesion_domain::ValidationError::new("role", ErrorCode::InvalidChoice).into());
    }
    // Nobody changes their own roles: an administrator cannot make
    // themselves an analyst (special-category data) or remove the last
    // administrator by accident.
    not_self(actor, id)?;
    let mut tx = db.begin().await?;
    live(tx.conn(), id).await?;
    let changed = if grant {
        users::grant_role(tx.conn(), id, role, Some(actor.user_id)).await?
    } else {
        users::revoke_role(tx.conn(), id, role).await?
    };
    if changed {
        let action = if grant { "role.grant" } else { "role.revoke" };
        let origin = actor.origin(client);
        audit_log(tx.conn(), origin, action, Some(id), role.key()).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Suspends (every session ends at once) or reinstates an account.
pub async fn set_suspended(
    db: &Db,
    actor: &SignedIn,
    id: Uuid,
    suspend: bool,
    client: Option<&str>,
) -> Result<bool, ServiceError> {
    require(actor, Action::ManagePeople)?;
    not_self(actor, id)?;
    let mut tx = db.begin().await?;
    live(tx.conn(), id).await?;
    let at = suspend.then(Timestamp::now);
    let changed = users::set_suspended(tx.conn(), id, at).await?;
    if changed {
        if suspend {
            sessions::delete_for_user(tx.conn(), id).await?;
            super::revoke_links(tx.conn(), id).await?;
        }
        let (action, detail) = if suspend {
            ("account.suspend", "suspended")
        } else {
            ("account.reinstate", "reinstated")
        };
        let origin = actor.origin(client);
        audit_log(tx.conn(), origin, action, Some(id), detail).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// A page of the email outbox, for administrators. Reading it is audited:
/// without a mail server it holds live sign-in links.
pub async fn read_outbox(
    db: &Db,
    actor: &SignedIn,
    before: Option<Uuid>,
    limit: i64,
    client: Option<&str>,
) -> Result<Vec<OutboxMessage>, ServiceError> {
    require(actor, Action::Audit)?;
    let mut tx = db.begin().await?;
    let page = outbox::page(tx.conn(), before, limit.clamp(1, 100)).await?;
    let origin = actor.origin(client);
    audit_log(tx.conn(), origin, "outbox.view", None, "outbox read").await?;
    tx.commit().await?;
    Ok(page
        .into_iter()
        .map(|m| OutboxMessage {
            id: m.id,
            to_address: m.to_address,
            subject: m.subject,
            body: m.body,
            created_at: m.created_at.into(),
            sent_at: m.sent_at.map(Into::into),
            given_up_at: m.given_up_at.map(Into::into),
            private: m.private,
        })
        .collect())
}

/// The longest action name a filter may carry (ours are far shorter).
const MAX_ACTION_CHARS: usize = 64;

/// A page of the audit log, for those the matrix lets read it.
pub async fn read_audit(
    db: &Db,
    actor: &SignedIn,
    query: AuditQuery<'_>,
) -> Result<Vec<AuditEntry>, ServiceError> {
    require(actor, Action::Audit)?;
    if query
        .action
        .is_some_and(|a| a.chars().count() > MAX_ACTION_CHARS)
    {
        return Err(
            cohesion_domain::ValidationError::new("action", ErrorCode::FieldTooLong).into(),
        );
    }
    let query = audit::AuditQuery {
        action: query.action,
        actor: query.actor,
        subject: query.subject,
        before: query.before,
        limit: query.limit.clamp(1, 100),
    };
    let mut c = db.acquire().await?;
    // What respondents did stays out: the log would otherwise list who
    // answered which consultation (and so, for some, their faith or
    // health); each person still sees their own in "Your data".
    Ok(
        audit::page_leaving_out(c.conn(), &query, RESPONDENTS_ACTIONS)
            .await?
            .into_iter()
            .map(|e| AuditEntry {
                id: e.id,
                at: e.at.into(),
                actor_id: e.actor_id,
                action: e.action,
                subject_id: e.subject_id,
                detail: e.detail,
                client: e.client,
            })
            .collect(),
    )
}

/// Who and what a page of the audit log names, for people to read it
/// by: each account's display name (`None` once deleted, or never
/// given), and each consultation's title as written.
#[derive(Debug, Clone, Default)]
pub struct AuditNames {
    pub people: HashMap<Uuid, Account>,
    pub consultations: HashMap<Uuid, String>,
}

/// An account an audit entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: Option<String>,
    pub deleted: bool,
}

/// The names of the actors and subjects of `entries`: two queries for
/// the page, whatever its length.
pub async fn audit_names(
    db: &Db,
    actor: &SignedIn,
    entries: &[AuditEntry],
) -> Result<AuditNames, ServiceError> {
    require(actor, Action::Audit)?;
    let mut ids: Vec<Uuid> = entries
        .iter()
        .flat_map(|e| [e.actor_id, e.subject_id])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut c = db.acquire().await?;
    let people = users::names_of(c.conn(), &ids)
        .await?
        .into_iter()
        .map(|(id, name, deleted)| (id, Account { name, deleted }))
        .collect::<HashMap<_, _>>();
    let others: Vec<Uuid> = ids
        .into_iter()
        .filter(|id| !people.contains_key(id))
        .collect();
    let consultations = catalogue::titles_of(c.conn(), &others)
        .await?
        .into_iter()
        .collect();
    Ok(AuditNames {
        people,
        consultations,
    })
}
