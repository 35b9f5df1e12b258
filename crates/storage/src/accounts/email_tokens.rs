//! Single-use, expiring tokens sent by email (verification, password
//! reset). Only their SHA-256 is stored.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

pub async fn create(
    conn: Conn<'_>,
    token_hash: &str,
    user_id: Uuid,
    purpose: &str,
    email: &str,
    expires_at: Timestamp,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &token_hash,
            &user_id,
            &purpose,
            &email,
            &Timestamp::now(),
            &expires_at,
        ],
    )
    .await?;
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
    rows::fetch_optional(
        conn,
        "UPDATE email_tokens SET used_at = $1 \
         WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id, email",
        &[&now, &token_hash, &purpose],
        |r| Ok((r.get("user_id")?, r.get("email")?)),
    )
    .await
}

/// Withdraws every unused token of `user_id` for `purpose` (an older reset
/// link stops working when a newer one is sent, or the password changes).
pub async fn revoke(conn: Conn<'_>, user_id: Uuid, purpose: &str) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM email_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        &[&user_id, &purpose],
    )
    .await
}

/// Forgets every token of `user_id`, used or not: they hold addresses.
pub async fn delete_for_user(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM email_tokens WHERE user_id = $1",
        &[&user_id],
    )
    .await
}

/// The addresses links were sent to for `user_id` (current and earlier).
pub async fn addresses_of(conn: Conn<'_>, user_id: Uuid) -> Result<Vec<String>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT DISTINCT email FROM email_tokens WHERE user_id = $1 LIMIT 100",
        &[&user_id],
        rows::scalar,
    )
    .await
}
