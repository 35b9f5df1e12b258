//! Signed-in sessions, shared by every server through the database.

use sqlx::Row;
use uuid::Uuid;

use crate::{on_conn, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user_id: Uuid,
    pub csrf_token: String,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
}

pub struct NewSession<'a> {
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
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, user_agent) \
             VALUES ($1, $2, $3, $4, $4, $5, $6)",
        )
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
            "SELECT user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *c)
        .await?;
        row.map(|r| -> Result<SessionRecord, sqlx::Error> {
            Ok(SessionRecord {
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
