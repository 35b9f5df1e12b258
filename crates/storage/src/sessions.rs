//! Signed-in sessions, shared by every server through the database.

use sqlx::Row;
use uuid::Uuid;

use crate::{on_conn, Conn, StorageError, Timestamp};

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
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $5, $6, $7)",
        )
        .bind(s.id)
        .bind(s.token_hash)
        .bind(s.user_id)
        .bind(s.csrf_token)
        .bind(s.now)
        .bind(s.expires_at)
        .bind(s.user_agent)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

pub async fn find(conn: Conn<'_>, token_hash: &str) -> Result<Option<SessionRecord>, StorageError> {
    let found = on_conn!(conn, c => {
        let row = sqlx::query(
            "SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await?;
        row.map(|r| -> Result<SessionRecord, sqlx::Error> {
            Ok(SessionRecord {
                id: r.try_get("id")?,
                user_id: r.try_get("user_id")?,
                csrf_token: r.try_get("csrf_token")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                expires_at: r.try_get("expires_at")?,
            })
        })
        .transpose()
    })?;
    Ok(found)
}

pub async fn touch(conn: Conn<'_>, token_hash: &str, now: Timestamp) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *c)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

pub async fn delete(conn: Conn<'_>, token_hash: &str) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Ends every session of `user_id` ("sign out everywhere", deletion).
pub async fn delete_for_user(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
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
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(
            "SELECT id, created_at, last_seen_at, user_agent FROM sessions \
             WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC LIMIT 100",
        )
        .bind(user_id)
        .bind(now)
        .fetch_all(&mut *c)
        .await?;
        rows.iter()
            .map(|r| -> Result<SessionSummary, sqlx::Error> {
                Ok(SessionSummary {
                    id: r.try_get("id")?,
                    created_at: r.try_get("created_at")?,
                    last_seen_at: r.try_get("last_seen_at")?,
                    user_agent: r.try_get("user_agent")?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}

/// Ends one session of `user_id` by its public id; another person's id
/// matches nothing.
pub async fn delete_by_id(conn: Conn<'_>, user_id: Uuid, id: Uuid) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id = $2")
            .bind(user_id)
            .bind(id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Ends every session of `user_id` but the one in use (after a password
/// change, say).
pub async fn delete_others(
    conn: Conn<'_>,
    user_id: Uuid,
    keep_hash: &str,
) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep_hash)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
}

/// The session with this hash and the account it belongs to, in one
/// query: every signed-in request asks, so a round trip saved here is
/// saved on every page.
pub async fn find_with_user(
    conn: Conn<'_>,
    token_hash: &str,
) -> Result<Option<(SessionRecord, crate::users::UserRecord)>, StorageError> {
    let found = on_conn!(conn, c => {
        let row = sqlx::query(
            "SELECT s.id AS session_id, s.user_id, s.csrf_token, s.created_at AS session_created_at, \
             s.last_seen_at, s.expires_at, u.id, u.email, u.display_name, u.password_hash, u.locale, \
             u.email_verified_at, u.suspended_at, u.deleted_at, u.created_at \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await?;
        row.map(|r| -> Result<_, sqlx::Error> {
            let session = SessionRecord {
                id: r.try_get("session_id")?,
                user_id: r.try_get("user_id")?,
                csrf_token: r.try_get("csrf_token")?,
                created_at: r.try_get("session_created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                expires_at: r.try_get("expires_at")?,
            };
            Ok((session, crate::users::record(&r)?))
        })
        .transpose()
    })?;
    Ok(found)
}
