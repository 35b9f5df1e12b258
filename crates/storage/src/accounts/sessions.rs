//! Signed-in sessions, shared by every server through the database.

use cohesion_domain::identity::Role;
use uuid::Uuid;

use crate::rows::{self, Row};
use crate::{Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub id: Option<Uuid>,
    pub user_id: Uuid,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
}

pub struct NewSession<'a> {
    /// The public id, shown on the profile page to end this session.
    pub id: Uuid,
    pub token_hash: &'a str,
    pub user_id: Uuid,
    pub csrf_token: &'a str,
    pub now: Timestamp,
    pub expires_at: Timestamp,
    pub user_agent: Option<&'a str>,
}

pub async fn create(conn: Conn<'_>, s: NewSession<'_>) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, user_agent) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7)",
        &[
            &s.id,
            &s.token_hash,
            &s.user_id,
            &s.csrf_token,
            &s.now,
            &s.expires_at,
            &s.user_agent,
        ],
    )
    .await?;
    Ok(())
}

pub async fn find(conn: Conn<'_>, token_hash: &str) -> Result<Option<SessionRecord>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
        &[&token_hash],
        |r| session(r, "id", "created_at"),
    )
    .await
}

/// A session read from a row that names its id and creation time
/// `id_column` and `created_column` (a join with `users` renames them).
fn session(r: &Row, id_column: &str, created_column: &str) -> Result<SessionRecord, sqlx::Error> {
    Ok(SessionRecord {
        id: r.get(id_column)?,
        user_id: r.get("user_id")?,
        csrf_token: r.get("csrf_token")?,
        created_at: r.get(created_column)?,
        last_seen_at: r.get("last_seen_at")?,
        expires_at: r.get("expires_at")?,
    })
}

pub async fn touch(conn: Conn<'_>, token_hash: &str, now: Timestamp) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2",
        &[&now, &token_hash],
    )
    .await?;
    Ok(())
}

pub async fn delete(conn: Conn<'_>, token_hash: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "DELETE FROM sessions WHERE token_hash = $1",
        &[&token_hash],
    )
    .await?;
    Ok(n == 1)
}

/// Gives the session with `old_hash` a new cookie (stored as its hash),
/// keeping everything else: the old cookie no longer works.
pub async fn rotate(conn: Conn<'_>, old_hash: &str, new_hash: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE sessions SET token_hash = $2 WHERE token_hash = $1",
        &[&old_hash, &new_hash],
    )
    .await?;
    Ok(n == 1)
}

/// Ends every session of `user_id` ("sign out everywhere", deletion).
pub async fn delete_for_user(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    rows::execute(conn, "DELETE FROM sessions WHERE user_id = $1", &[&user_id]).await
}

/// A session as its owner sees it in their list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub id: Option<Uuid>,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub user_agent: Option<String>,
}

/// The live sessions of `user_id`, most recently used first.
pub async fn list_for_user(
    conn: Conn<'_>,
    user_id: Uuid,
    now: Timestamp,
) -> Result<Vec<SessionSummary>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, created_at, last_seen_at, user_agent FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC LIMIT 100",
        &[&user_id, &now],
        |r| {
            Ok(SessionSummary {
                id: r.get("id")?,
                created_at: r.get("created_at")?,
                last_seen_at: r.get("last_seen_at")?,
                user_agent: r.get("user_agent")?,
            })
        },
    )
    .await
}

/// Ends one session of `user_id` by its public id; another person's id
/// matches nothing.
pub async fn delete_by_id(conn: Conn<'_>, user_id: Uuid, id: Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "DELETE FROM sessions WHERE user_id = $1 AND id = $2",
        &[&user_id, &id],
    )
    .await?;
    Ok(n == 1)
}

/// Ends every session of `user_id` but the one in use (after a password
/// change, say).
pub async fn delete_others(
    conn: Conn<'_>,
    user_id: Uuid,
    keep_hash: &str,
) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
        &[&user_id, &keep_hash],
    )
    .await
}

/// The session with this hash, the account it belongs to and the
/// account's roles, in one query: every signed-in request asks, so a
/// round trip saved here is saved on every page and every vote. The
/// roles come as rows of their own (one per role, or one row with none).
pub async fn find_with_user(
    conn: Conn<'_>,
    token_hash: &str,
) -> Result<Option<(SessionRecord, crate::accounts::users::UserRecord, Vec<Role>)>, StorageError> {
    let found = rows::fetch_all(
        conn,
        "SELECT s.id AS session_id, s.user_id, s.csrf_token, s.created_at AS session_created_at, \
         s.last_seen_at, s.expires_at, u.id, u.email, u.display_name, u.password_hash, u.locale, \
         u.email_verified_at, u.suspended_at, u.deleted_at, u.created_at, r.role \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         LEFT JOIN user_roles r ON r.user_id = u.id WHERE s.token_hash = $1 ORDER BY r.role",
        &[&token_hash],
        |r| {
            let session = session(r, "session_id", "session_created_at")?;
            let role: Option<String> = r.get("role")?;
            Ok((session, crate::accounts::users::record(r)?, role))
        },
    )
    .await?;
    let roles = found
        .iter()
        .filter_map(|(_, _, role)| Role::from_key(role.as_deref()?))
        .collect();
    Ok(found
        .into_iter()
        .next()
        .map(|(session, user, _)| (session, user, roles)))
}
