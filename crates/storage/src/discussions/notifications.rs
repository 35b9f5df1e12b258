//! What people are told about discussions (a reply to their comment, a
//! moderator's decision on it, a followed discussion closing), the kinds
//! each person wants in the site and by email, and who follows which
//! discussion.

use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

/// One notification as stored, with its discussion's title and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: Uuid,
    pub user_id: Uuid,
    /// `reply`, `moderation` or `closing`.
    pub kind: String,
    pub discussion_id: Uuid,
    pub discussion_title: String,
    pub discussion_language: String,
    pub comment_id: Option<Uuid>,
    /// The top-level comment of the comment's thread: the thread's page
    /// is where the comment is read.
    pub thread_id: Option<Uuid>,
    /// A moderation outcome's decision code, with `:reason` for a hide.
    pub detail: String,
    /// Who wrote the reply a `reply` notification is about: their display
    /// name now (an imported reply's name as given). `None` for other
    /// kinds, and for a reply whose author's account was erased or whose
    /// text was removed with it: they stay anonymous.
    pub replier: Option<String>,
    /// What the moderator wrote to the author with a warning, a
    /// suspension or an appeal's outcome, as they typed it.
    pub note: Option<String>,
    /// When the person appealed the decisions on the comment, if they
    /// did: a hide's notification then no longer invites an appeal.
    pub appealed_at: Option<Timestamp>,
    pub read_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

const COLUMNS: &str = "n.id, n.user_id, n.kind, n.discussion_id, d.title AS discussion_title, \
     d.language AS discussion_language, n.comment_id, t.root_id AS thread_id, n.detail, \
     CASE WHEN n.kind = 'reply' AND t.state <> 'removed_with_account' \
     THEN COALESCE(r.display_name, t.author_name) END AS replier, \
     (SELECT m.note FROM moderation_decisions m WHERE n.kind = 'moderation' \
      AND m.comment_id = n.comment_id AND m.created_at = n.created_at \
      AND m.action IN ('warn', 'suspend', 'appeal_upheld', 'appeal_overturned') LIMIT 1) AS note, \
     (SELECT a.created_at FROM moderation_appeals a WHERE n.kind = 'moderation' \
      AND a.comment_id = n.comment_id AND a.author_id = n.user_id) AS appealed_at, \
     n.read_at, n.created_at";

const FROM: &str = "notifications n JOIN discussions d ON d.id = n.discussion_id \
     LEFT JOIN discussion_comments t ON t.id = n.comment_id \
     LEFT JOIN users r ON r.id = t.author_id";

fn record(r: &Row) -> Result<Notification, sqlx::Error> {
    Ok(Notification {
        id: r.get("id")?,
        user_id: r.get("user_id")?,
        kind: r.get("kind")?,
        discussion_id: r.get("discussion_id")?,
        discussion_title: r.get("discussion_title")?,
        discussion_language: r.get("discussion_language")?,
        comment_id: r.get("comment_id")?,
        thread_id: r.get("thread_id")?,
        detail: r.get("detail")?,
        replier: r.get("replier")?,
        note: r.get("note")?,
        appealed_at: r.get("appealed_at")?,
        read_at: r.get("read_at")?,
        created_at: r.get("created_at")?,
    })
}

/// A notification about to be saved.
#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    pub user_id: Uuid,
    pub kind: &'a str,
    pub discussion_id: Uuid,
    pub comment_id: Option<Uuid>,
    pub detail: &'a str,
    pub in_site: bool,
    pub by_email: bool,
    pub at: Timestamp,
}

pub async fn insert(conn: Conn<'_>, n: &NewNotification<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    // One told only by email has nothing waiting on their page.
    let read_at = (!n.in_site).then_some(n.at);
    rows::execute(
        conn,
        "INSERT INTO notifications (id, user_id, kind, discussion_id, comment_id, detail, \
         in_site, read_at, email_due, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        &[
            &id,
            &n.user_id,
            &n.kind,
            &n.discussion_id,
            &n.comment_id,
            &n.detail,
            &n.in_site,
            &read_at,
            &n.by_email,
            &n.at,
        ],
    )
    .await?;
    Ok(id)
}

/// Up to `limit` of a person's notifications shown in the site, newest
/// first, older than `before` (a keyset page).
pub async fn page(
    conn: Conn<'_>,
    user: Uuid,
    before: Option<(Timestamp, Uuid)>,
    limit: i64,
) -> Result<Vec<Notification>, StorageError> {
    let keyset = if before.is_some() {
        "(n.created_at, n.id) < ($2, $3)"
    } else {
        "$2 IS NULL AND $3 IS NULL"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE n.user_id = $1 AND n.in_site AND {keyset} \
         ORDER BY n.created_at DESC, n.id DESC LIMIT $4"
    );
    let (at, id) = match before {
        Some((at, id)) => (Some(at), Some(id)),
        None => (None, None),
    };
    let params: [&dyn Param; 4] = [&user, &at, &id, &limit];
    rows::fetch_all(conn, &sql, &params, record).await
}

/// One of a person's notifications (another's is `None`).
pub async fn find_of(
    conn: Conn<'_>,
    user: Uuid,
    id: Uuid,
) -> Result<Option<Notification>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE n.id = $1 AND n.user_id = $2");
    rows::fetch_optional(conn, &sql, &[&id, &user], record).await
}

/// How many of a person's notifications are unread, counted up to `cap`
/// (the header says "99+" beyond), so the count never reads them all.
pub async fn unread(conn: Conn<'_>, user: Uuid, cap: i64) -> Result<i64, StorageError> {
    let sql = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE user_id = $1 \
         AND read_at IS NULL {}) t",
        rows::limit(cap)
    );
    rows::fetch_one(conn, &sql, &[&user], rows::scalar).await
}

/// Marks one of a person's notifications (or, with `None`, all of them)
/// read; how many changed.
pub async fn mark_read(
    conn: Conn<'_>,
    user: Uuid,
    id: Option<Uuid>,
    at: Timestamp,
) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL \
         AND ($3 IS NULL OR id = $3)",
        &[&at, &user, &id],
    )
    .await
}

/// A notification waiting to be emailed, with where and how to write it.
#[derive(Debug, Clone)]
pub struct ToEmail {
    pub notification: Notification,
    pub email: String,
    pub locale: Option<String>,
}

/// Up to `limit` notifications waiting to be emailed, oldest first, to
/// accounts that still exist.
pub async fn email_due(conn: Conn<'_>, limit: i64) -> Result<Vec<ToEmail>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS}, u.email AS email, u.locale AS locale FROM {FROM} \
         JOIN users u ON u.id = n.user_id \
         WHERE n.email_due AND u.deleted_at IS NULL AND u.email_verified_at IS NOT NULL ORDER BY n.created_at, n.id LIMIT $1"
    );
    rows::fetch_all(conn, &sql, &[&limit], |r| {
        Ok(ToEmail {
            notification: record(r)?,
            email: r.get("email")?,
            locale: r.get("locale")?,
        })
    })
    .await
}

/// Marks a notification emailed (or no longer to be); `false` if another
/// round got there first.
pub async fn emailed(conn: Conn<'_>, id: Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE notifications SET email_due = FALSE WHERE id = $1 AND email_due",
        &[&id],
    )
    .await?;
    Ok(n == 1)
}

/// A person's stored choices: (kind, in the site, by email).
pub async fn preferences(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<(String, bool, bool)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT kind, in_site, by_email FROM notification_preferences WHERE user_id = $1 \
         ORDER BY kind",
        &[&user],
        rows::tuple,
    )
    .await
}

/// Saves a person's choice for one kind.
pub async fn set_preference(
    conn: Conn<'_>,
    user: Uuid,
    kind: &str,
    in_site: bool,
    by_email: bool,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO notification_preferences (user_id, kind, in_site, by_email) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, kind) \
         DO UPDATE SET in_site = $3, by_email = $4",
        &[&user, &kind, &in_site, &by_email],
    )
    .await?;
    Ok(())
}

/// Starts (`true`) or stops following a discussion; whether anything
/// changed.
pub async fn set_following(
    conn: Conn<'_>,
    user: Uuid,
    discussion: Uuid,
    follow: bool,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = if follow {
        rows::execute(
            conn,
            "INSERT INTO discussion_follows (user_id, discussion_id, created_at) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            &[&user, &discussion, &at],
        )
        .await?
    } else {
        rows::execute(
            conn,
            "DELETE FROM discussion_follows WHERE user_id = $1 AND discussion_id = $2",
            &[&user, &discussion],
        )
        .await?
    };
    Ok(n == 1)
}

pub async fn follows(conn: Conn<'_>, user: Uuid, discussion: Uuid) -> Result<bool, StorageError> {
    let n: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM discussion_follows WHERE user_id = $1 AND discussion_id = $2",
        &[&user, &discussion],
        rows::scalar,
    )
    .await?;
    Ok(n > 0)
}

/// Up to `limit` followers of a discussion after `after` (by id): a
/// closing is told a batch at a time.
pub async fn followers(
    conn: Conn<'_>,
    discussion: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Uuid>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT f.user_id FROM discussion_follows f JOIN users u ON u.id = f.user_id \
         WHERE f.discussion_id = $1 AND ($2 IS NULL OR f.user_id > $2) \
         AND u.deleted_at IS NULL ORDER BY f.user_id LIMIT $3",
        &[&discussion, &after, &limit],
        rows::scalar,
    )
    .await
}

/// Published discussions that have closed by `now` and whose closing
/// has not been told yet, at most `limit`, with when each closed.
pub async fn closings_untold(
    conn: Conn<'_>,
    now: Timestamp,
    limit: i64,
) -> Result<Vec<(Uuid, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, closes_at FROM discussions WHERE published_at IS NOT NULL AND NOT imported \
         AND closes_at <= $1 AND closing_told_at IS NULL ORDER BY closes_at, id LIMIT $2",
        &[&now, &limit],
        rows::tuple,
    )
    .await
}

/// Records that a discussion's closing was told; `false` if another
/// server had already (so it tells nobody twice).
pub async fn closing_told(conn: Conn<'_>, id: Uuid, at: Timestamp) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussions SET closing_told_at = $1 WHERE id = $2 AND closing_told_at IS NULL",
        &[&at, &id],
    )
    .await?;
    Ok(n == 1)
}

/// A person's notifications, newest first, at most `limit`, for "your data".
pub async fn of_person(
    conn: Conn<'_>,
    user: Uuid,
    limit: i64,
) -> Result<Vec<Notification>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE n.user_id = $1 \
         ORDER BY n.created_at DESC, n.id DESC LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&user, &limit], record).await
}

/// The discussions a person follows (ids), at most `limit`.
pub async fn followed_by(
    conn: Conn<'_>,
    user: Uuid,
    limit: i64,
) -> Result<Vec<Uuid>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT discussion_id FROM discussion_follows WHERE user_id = $1 \
         ORDER BY created_at DESC LIMIT $2",
        &[&user, &limit],
        rows::scalar,
    )
    .await
}

/// Forgets everything kept here about a person whose account is erased.
pub async fn erase_person(mut conn: Conn<'_>, user: Uuid) -> Result<(), StorageError> {
    for sql in [
        "DELETE FROM notifications WHERE user_id = $1",
        "DELETE FROM notification_preferences WHERE user_id = $1",
        "DELETE FROM discussion_follows WHERE user_id = $1",
    ] {
        rows::execute(conn.reborrow(), sql, &[&user]).await?;
    }
    Ok(())
}
