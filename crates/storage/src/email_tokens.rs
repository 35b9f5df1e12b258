//! Single-use, expiring tokens sent by email (verification, password
//! reset). Only their SHA-256 is stored.

use sqlx::Row;
use uuid::Uuid;

use crate::{on_conn, Conn, StorageError, Timestamp};

pub async fn create(
    conn: Conn<'_>,
    token_hash: &str,
    user_id: Uuid,
    purpose: &str,
    email: &str,
    expires_at: Timestamp,
) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(purpose)
        .bind(email)
        .bind(Timestamp::now())
        .bind(expires_at)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Uses the token if it exists, has this purpose, is unused and has not
/// expired, returning whose it is and the address it was sent to. One
/// atomic update, so a token replayed at the same moment works once.
pub async fn consume(
    conn: Conn<'_>,
    token_hash: &str,
    purpose: &str,
    now: Timestamp,
) -> Result<Option<(Uuid, String)>, StorageError> {
    let found = on_conn!(conn, c => {
        let row = sqlx::query(
            "UPDATE email_tokens SET used_at = $1 \
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
             RETURNING user_id, email",
        )
        .bind(now)
        .bind(token_hash)
        .bind(purpose)
        .fetch_optional(&mut *c)
        .await?;
        row.map(|r| -> Result<(Uuid, String), sqlx::Error> { Ok((r.try_get("user_id")?, r.try_get("email")?)) })
            .transpose()
    })?;
    Ok(found)
}

/// Withdraws every unused token of `user_id` for `purpose` (an older reset
/// link stops working when a newer one is sent, or the password changes).
pub async fn revoke(conn: Conn<'_>, user_id: Uuid, purpose: &str) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM email_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
            .bind(user_id)
            .bind(purpose)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
}

/// Forgets every token of `user_id`, used or not: they hold addresses.
pub async fn delete_for_user(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM email_tokens WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
}

/// The addresses links were sent to for `user_id` (current and earlier).
pub async fn addresses_of(conn: Conn<'_>, user_id: Uuid) -> Result<Vec<String>, StorageError> {
    let found: Vec<String> = on_conn!(conn, c => {
        sqlx::query_scalar("SELECT DISTINCT email FROM email_tokens WHERE user_id = $1 LIMIT 100")
            .bind(user_id)
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(found)
}
