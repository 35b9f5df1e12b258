//! What people do to others' comments: agree (once each, withdrawable)
//! and report (once each, with a reason).

use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

/// Records `user`'s agreement with `comment`; `false` if they had
/// already agreed (nothing changes).
pub async fn agree(
    mut conn: Conn<'_>,
    comment: Uuid,
    user: Uuid,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn.reborrow(),
        "INSERT INTO discussion_agreements (comment_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
        &[&comment, &user, &at],
    )
    .await?;
    if n == 1 {
        bump(conn, comment, 1).await?;
    }
    Ok(n == 1)
}

/// Withdraws `user`'s agreement; `false` if there was none.
pub async fn withdraw(mut conn: Conn<'_>, comment: Uuid, user: Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn.reborrow(),
        "DELETE FROM discussion_agreements WHERE comment_id = $1 AND user_id = $2",
        &[&comment, &user],
    )
    .await?;
    if n == 1 {
        bump(conn, comment, -1).await?;
    }
    Ok(n == 1)
}

async fn bump(conn: Conn<'_>, comment: Uuid, by: i64) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussion_comments SET agree_count = agree_count + $1 WHERE id = $2",
        &[&by, &comment],
    )
    .await?;
    Ok(())
}

/// Which of `comments` `user` agrees with.
pub async fn agreed_among(
    conn: Conn<'_>,
    user: Uuid,
    comments: &[Uuid],
) -> Result<Vec<Uuid>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT comment_id FROM discussion_agreements WHERE user_id = $1 AND {}",
        rows::in_ids(&conn, "comment_id", 2)
    );
    rows::fetch_all(conn, &sql, &[&user, &rows::Ids(comments)], rows::scalar).await
}

/// Which of `comments` `user` has reported (one query for a page).
pub async fn reported_among(
    conn: Conn<'_>,
    user: Uuid,
    comments: &[Uuid],
) -> Result<Vec<Uuid>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT comment_id FROM discussion_reports WHERE reporter_id = $1 AND {}",
        rows::in_ids(&conn, "comment_id", 2)
    );
    rows::fetch_all(conn, &sql, &[&user, &rows::Ids(comments)], rows::scalar).await
}

/// Records a report; `false` if this person had already reported the
/// comment (the first report stands).
pub async fn report(
    conn: Conn<'_>,
    comment: Uuid,
    reporter: Uuid,
    reason: &str,
    note: Option<&str>,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO discussion_reports (id, comment_id, reporter_id, reason, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[&new_id(), &comment, &reporter, &reason, &note, &at],
    )
    .await?;
    Ok(n == 1)
}

/// Whether `reporter` has reported `comment`.
pub async fn has_reported(
    conn: Conn<'_>,
    comment: Uuid,
    reporter: Uuid,
) -> Result<bool, StorageError> {
    let n: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM discussion_reports WHERE comment_id = $1 AND reporter_id = $2",
        &[&comment, &reporter],
        rows::scalar,
    )
    .await?;
    Ok(n > 0)
}

/// What a person has agreed with and reported, for "your data":
/// (comment, what, reason, when), newest first, at most `limit`.
pub async fn by_person(
    conn: Conn<'_>,
    user: Uuid,
    limit: i64,
) -> Result<Vec<(Uuid, String, Option<String>, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT comment_id, 'agreed' AS what, NULL AS reason, created_at FROM discussion_agreements \
         WHERE user_id = $1 \
         UNION ALL SELECT comment_id, 'reported', reason, created_at FROM discussion_reports \
         WHERE reporter_id = $1 ORDER BY 4 DESC LIMIT $2",
        &[&user, &limit],
        rows::tuple,
    )
    .await
}

/// Lets go of an erased account's agreements (the counts they made go
/// with them) and of its name on its reports, which stay so the queue
/// still weighs them.
pub async fn erase_person(mut conn: Conn<'_>, user: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "UPDATE discussion_comments SET agree_count = agree_count - 1 WHERE id IN \
         (SELECT comment_id FROM discussion_agreements WHERE user_id = $1)",
        &[&user],
    )
    .await?;
    rows::execute(
        conn.reborrow(),
        "DELETE FROM discussion_agreements WHERE user_id = $1",
        &[&user],
    )
    .await?;
    rows::execute(
        conn,
        "UPDATE discussion_reports SET reporter_id = NULL WHERE reporter_id = $1",
        &[&user],
    )
    .await?;
    Ok(())
}
