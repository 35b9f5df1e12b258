//! Keys of comment forms already sent (ADR 40): the first post with a
//! key claims it, later ones with the same key find the comment it made.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// Claims `key` for `author`'s post at `at`: `false` when a post with
/// the same key claimed it first. On PostgreSQL a claim being made by a
/// transaction not yet committed waits for it, so the answer is the
/// committed one.
pub async fn claim(
    conn: Conn<'_>,
    author: Uuid,
    key: &str,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO comment_submissions (author_id, submission_key, created_at) \
         VALUES ($1, $2, $3) ON CONFLICT (author_id, submission_key) DO NOTHING",
        &[&author, &key, &at],
    )
    .await?;
    Ok(n == 1)
}

/// Names the comment that `author`'s claim of `key` made.
pub async fn made(
    conn: Conn<'_>,
    author: Uuid,
    key: &str,
    comment: Uuid,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE comment_submissions SET comment_id = $1 \
         WHERE author_id = $2 AND submission_key = $3",
        &[&comment, &author, &key],
    )
    .await?;
    Ok(())
}

/// The comment `author`'s post with `key` made, if one did since `since`.
pub async fn comment_of(
    conn: Conn<'_>,
    author: Uuid,
    key: &str,
    since: Timestamp,
) -> Result<Option<Uuid>, StorageError> {
    let found: Option<Option<Uuid>> = rows::fetch_optional(
        conn,
        "SELECT comment_id FROM comment_submissions \
         WHERE author_id = $1 AND submission_key = $2 AND created_at >= $3",
        &[&author, &key, &since],
        rows::scalar,
    )
    .await?;
    Ok(found.flatten())
}

/// Forgets `author`'s claims made before `before`: a key is only
/// remembered for a while.
pub async fn forget_before(
    conn: Conn<'_>,
    author: Uuid,
    before: Timestamp,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "DELETE FROM comment_submissions WHERE author_id = $1 AND created_at < $2",
        &[&author, &before],
    )
    .await?;
    Ok(())
}

/// Forgets every claim of `author` (their account is erased).
pub async fn erase_person(conn: Conn<'_>, author: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "DELETE FROM comment_submissions WHERE author_id = $1",
        &[&author],
    )
    .await?;
    Ok(())
}
