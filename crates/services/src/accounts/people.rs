//! Administrators' work on accounts: finding people, granting and
//! withdrawing roles, suspending and reinstating. Every change is checked
//! against the permission matrix and written to the audit log in the same
//! transaction.

use cohesion_domain::identity::{Action, Role};
use cohesion_domain::ErrorCode;
use cohesion_storage::accounts::sessions;
use cohesion_storage::accounts::users::{self, UserQuery, UserSummary};
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

pub const PAGE_SIZE: i64 = 25;

/// A person in the administrators' list, with their roles.
#[derive(Debug, Clone)]
pub struct Person {
    pub summary: UserSummary,
    pub roles: Vec<Role>,
}

/// A page of people matching `query`; `query.limit` is capped.
pub async fn find(
    db: &Db,
    actor: &SignedIn,
    query: UserQuery<'_>,
) -> Result<Vec<Person>, ServiceError> {
    require(actor, Action::ManagePeople)?;
    let query = UserQuery {
        limit: query.limit.clamp(1, 100),
        ..query
    };
    let mut c = db.acquire().await?;
    let found = users::search(c.conn(), &query).await?;
    let ids: Vec<Uuid> = found.iter().map(|p| p.id).collect();
    let roles = users::roles_of(c.conn(), &ids).await?;
    Ok(found
        .into_iter()
        .map(|summary| Person {
            roles: roles
                .iter()
                .filter(|(id, _)| *id == summary.id)
                .map(|(_, r)| *r)
                .collect(),
            summary,
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
    Ok(Person {
        summary: UserSummary {
            id,
            email: user.email,
            display_name: user.display_name,
            verified: user.email_verified_at.is_some(),
            suspended: user.suspended_at.is_some(),
            created_at: user.created_at,
        },
        roles,
    })
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
) -> Result<Vec<cohesion_storage::outbox::OutboxMessage>, ServiceError> {
    require(actor, Action::Audit)?;
    let mut tx = db.begin().await?;
    let page = cohesion_storage::outbox::page(tx.conn(), before, limit.clamp(1, 100)).await?;
    let origin = actor.origin(client);
    audit_log(tx.conn(), origin, "outbox.view", None, "outbox read").await?;
    tx.commit().await?;
    Ok(page)
}

/// The longest action name a filter may carry (ours are far shorter).
const MAX_ACTION_CHARS: usize = 64;

/// A page of the audit log, for those the matrix lets read it.
pub async fn read_audit(
    db: &Db,
    actor: &SignedIn,
    query: cohesion_storage::audit::AuditQuery<'_>,
) -> Result<Vec<cohesion_storage::audit::AuditEntry>, ServiceError> {
    require(actor, Action::Audit)?;
    if query
        .action
        .is_some_and(|a| a.chars().count() > MAX_ACTION_CHARS)
    {
        return Err(
            cohesion_domain::ValidationError::new("action", ErrorCode::FieldTooLong).into(),
        );
    }
    let query = cohesion_storage::audit::AuditQuery {
        limit: query.limit.clamp(1, 100),
        ..query
    };
    let mut c = db.acquire().await?;
    Ok(cohesion_storage::audit::page(c.conn(), &query).await?)
}
