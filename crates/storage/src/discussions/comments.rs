//! Comments: placed in their thread by path (ADR 33), read a page of
//! threads at a time, edited with their earlier versions kept, and moved
//! between states — never deleted.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::record::{Badge, Comment};
use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

/// Every column of a comment, with the author's current display name
/// (an imported comment's name as given; none once an account is erased).
/// A comment's columns, its author's name looked up by the account's key
/// for each comment read: as a join, PostgreSQL hashed the whole table of
/// accounts to name a page's twenty authors.
pub(crate) const COLUMNS: &str =
    "c.id, c.discussion_id, c.path, c.depth, c.parent_id, c.root_id, c.author_id, \
     COALESCE((SELECT u.display_name FROM users u WHERE u.id = c.author_id), c.author_name) \
     AS author_name, c.badge, c.body, c.state, c.hidden_reason, c.edited_at, c.agree_count, \
     c.created_at";

const FROM: &str = "discussion_comments c";

pub(crate) fn record(r: &Row) -> Result<Comment, sqlx::Error> {
    let badge: String = r.get("badge")?;
    let state: String = r.get("state")?;
    Ok(Comment {
        id: r.get("id")?,
        discussion_id: r.get("discussion_id")?,
        path: r.get("path")?,
        depth: r.get("depth")?,
        parent_id: r.get("parent_id")?,
        root_id: r.get("root_id")?,
        author_id: r.get("author_id")?,
        author_name: r.get("author_name")?,
        badge: Badge::from_code(&badge).unwrap_or(Badge::CommunityMember),
        body: r.get("body")?,
        // An unknown state is read as held: seen by moderators only.
        state: State::from_code(&state).unwrap_or(State::AwaitingModeration),
        hidden_reason: r.get("hidden_reason")?,
        edited_at: r
            .get::<Option<Timestamp>>("edited_at")?
            .map(Timestamp::as_offset),
        agree_count: r.get("agree_count")?,
        created_at: r.get::<Timestamp>("created_at")?.as_offset(),
    })
}

/// Who is reading, as the queries filter for them (the domain's
/// `comment::shown` then decides what each row shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Anyone who is not a moderator; `Some` when signed in, so that
    /// their own held or hidden comments are found for them.
    Reader(Option<Uuid>),
    Moderator,
}

impl Seen {
    /// The rows this reader may be shown, as SQL over `c`, with the
    /// reader's id as parameter `$n`: published comments; hidden ones
    /// always (shown as the moderator's notice and reason, never their
    /// text: nothing a moderator removes goes silently, as the house
    /// rules promise); a deleted or removed one only where replies need
    /// its place; their own held ones; for moderators, everything but
    /// removed text no reply needs.
    ///
    /// Written as one CASE, which no index can answer: as an `OR` of
    /// states, SQLite's planner answered a page's replies through the
    /// state index and walked every published comment of the site (30 to
    /// 60 ms with 60,000 comments) instead of the thread's own rows.
    fn filter(self, n: usize) -> String {
        match self {
            Seen::Reader(_) => format!(
                "(CASE WHEN c.state IN ('published', 'hidden') THEN 1 \
                 WHEN c.state IN ('deleted_by_author', 'removed_with_account') \
                 AND c.replies_placed > 0 THEN 1 \
                 WHEN c.author_id = ${n} AND c.state = 'awaiting_moderation' THEN 1 \
                 ELSE 0 END) = 1"
            ),
            // A moderator's id is not needed (`${n}` is always NULL).
            Seen::Moderator => format!(
                "(c.state <> 'removed_with_account' OR c.replies_placed > 0) AND ${n} IS NULL"
            ),
        }
    }

    fn id(self) -> Option<Uuid> {
        match self {
            Seen::Reader(id) => id,
            Seen::Moderator => None,
        }
    }
}

/// A comment's text as search compares it, stored beside the text by
/// every statement here that writes the text (insert, edit, redaction,
/// removal), so the two never disagree: a redacted word is not found.
fn searched_as(body: &str) -> String {
    cohesion_domain::text::normalise(body)
}

/// A comment about to be saved; its path is already placed.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    pub discussion_id: Uuid,
    pub path: &'a str,
    pub depth: i64,
    pub parent_id: Option<Uuid>,
    /// Itself for a top-level comment: pass `None`.
    pub root_id: Option<Uuid>,
    pub author_id: Option<Uuid>,
    /// Only for imported comments, whose authors are not accounts.
    pub author_name: Option<&'a str>,
    pub badge: Badge,
    pub body: &'a str,
    pub state: State,
    pub created_at: Timestamp,
    /// What repeats are found by (see `screening::repeat_key`).
    pub fingerprint: Option<&'a str>,
}

pub async fn insert(conn: Conn<'_>, c: &NewComment<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    let root = c.root_id.unwrap_or(id);
    rows::execute(
        conn,
        "INSERT INTO discussion_comments (id, discussion_id, path, depth, parent_id, root_id, \
         author_id, author_name, badge, body, state, created_at, fingerprint, search_text) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        &[
            &id,
            &c.discussion_id,
            &c.path,
            &c.depth,
            &c.parent_id,
            &root,
            &c.author_id,
            &c.author_name,
            &c.badge.code(),
            &c.body,
            &c.state.code(),
            &c.created_at,
            &c.fingerprint,
            &searched_as(c.body),
        ],
    )
    .await?;
    Ok(id)
}

/// The next reply's sequence number (from 0) under `parent`, counted on
/// the parent's row so that two replies never take the same place.
pub async fn place_reply(conn: Conn<'_>, parent: Uuid) -> Result<Option<i64>, StorageError> {
    rows::fetch_optional(
        conn,
        "UPDATE discussion_comments SET replies_placed = replies_placed + 1 WHERE id = $1 \
         RETURNING replies_placed - 1",
        &[&parent],
        rows::scalar,
    )
    .await
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<Comment>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE c.id = $1");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// [`find`] with the comment's row locked on PostgreSQL until the
/// transaction ends, for a change worked out from what was read.
pub async fn find_for_update(conn: Conn<'_>, id: Uuid) -> Result<Option<Comment>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE OF c",
    };
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE c.id = $1{suffix}");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// How top-level comments are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Newest,
    Oldest,
    MostAgreed,
}

/// Where the last page ended: its last comment's agreements, time and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub agree_count: i64,
    pub created_at: Timestamp,
    pub id: Uuid,
}

impl Cursor {
    pub fn after(c: &Comment) -> Cursor {
        Cursor {
            agree_count: c.agree_count,
            created_at: c.created_at.into(),
            id: c.id,
        }
    }

    /// The cursor as a page's address carries it (`?after=`): plain
    /// characters only, `agreements.nanoseconds.id`.
    pub fn token(&self) -> String {
        format!(
            "{}.{}.{}",
            self.agree_count,
            self.created_at.as_offset().unix_timestamp_nanos(),
            self.id.simple()
        )
    }

    /// Reads [`Cursor::token`]; `None` for anything else.
    pub fn from_token(token: &str) -> Option<Cursor> {
        let mut parts = token.split('.');
        let agree_count = parts.next()?.parse().ok()?;
        let nanos: i128 = parts.next()?.parse().ok()?;
        let id = Uuid::try_parse(parts.next()?).ok()?;
        if parts.next().is_some() {
            return None;
        }
        let at = time::OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()?;
        Some(Cursor {
            agree_count,
            created_at: Timestamp::from(at),
            id,
        })
    }
}

/// Up to `limit` top-level comments of a discussion after `cursor`, in
/// `order`: a keyset page, so a later page costs what the first does.
pub async fn top_level(
    conn: Conn<'_>,
    discussion: Uuid,
    order: Order,
    cursor: Option<Cursor>,
    limit: i64,
    seen: Seen,
) -> Result<Vec<Comment>, StorageError> {
    let (keyset, sort) = match order {
        Order::Newest => (
            "(c.created_at, c.id) < ($3, $4)",
            "c.created_at DESC, c.id DESC",
        ),
        Order::Oldest => ("(c.created_at, c.id) > ($3, $4)", "c.created_at, c.id"),
        Order::MostAgreed => (
            "(c.agree_count, c.created_at, c.id) < ($5, $3, $4)",
            "c.agree_count DESC, c.created_at DESC, c.id DESC",
        ),
    };
    let keyset = if cursor.is_some() {
        keyset
    } else {
        "$3 IS NULL AND $4 IS NULL AND $5 IS NULL"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE c.discussion_id = $1 AND c.depth = 0 AND {} \
         AND {keyset} ORDER BY {sort} {}",
        seen.filter(2),
        rows::limit(limit)
    );
    let (at, id, agreed) = match cursor {
        Some(c) => (Some(c.created_at), Some(c.id), Some(c.agree_count)),
        None => (None, None, None),
    };
    let params: [&dyn Param; 5] = [&discussion, &seen.id(), &at, &id, &agreed];
    rows::fetch_all(conn, &sql, &params, record).await
}

/// The replies of each of `roots` (top-level comments), in thread order,
/// at most `per_thread` of each, with how many each thread has in all
/// for this reader: one query for a page of threads.
pub async fn replies_of(
    conn: Conn<'_>,
    roots: &[Uuid],
    per_thread: i64,
    seen: Seen,
) -> Result<Vec<(Comment, i64)>, StorageError> {
    if roots.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT * FROM (SELECT {COLUMNS}, \
         ROW_NUMBER() OVER (PARTITION BY c.root_id ORDER BY c.path) AS n, \
         COUNT(*) OVER (PARTITION BY c.root_id) AS in_thread \
         FROM {FROM} WHERE {} AND c.depth > 0 AND {}) t \
         WHERE n <= {} ORDER BY path",
        rows::in_ids(&conn, "c.root_id", 2),
        seen.filter(1),
        per_thread.max(0)
    );
    let id = seen.id();
    let roots = rows::Ids(roots);
    let params: [&dyn Param; 2] = [&id, &roots];
    rows::fetch_all(conn, &sql, &params, |r| {
        Ok((record(r)?, r.get::<i64>("in_thread")?))
    })
    .await
}

/// One thread (a top-level comment's replies) after the path `after`, in
/// thread order, at most `limit`: a thread's own page, keyset by path.
pub async fn thread(
    conn: Conn<'_>,
    root: Uuid,
    after: &str,
    limit: i64,
    seen: Seen,
) -> Result<Vec<Comment>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE c.root_id = $1 AND c.depth > 0 AND c.path > $3 \
         AND {} ORDER BY c.path {}",
        seen.filter(2),
        rows::limit(limit)
    );
    let params: [&dyn Param; 3] = [&root, &seen.id(), &after];
    rows::fetch_all(conn, &sql, &params, record).await
}

/// Moves a comment to `state` (with the public reason when hiding);
/// `false` if there is no such comment.
pub async fn set_state(
    conn: Conn<'_>,
    id: Uuid,
    state: State,
    hidden_reason: Option<&str>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussion_comments SET state = $1, hidden_reason = $2 WHERE id = $3",
        &[&state.code(), &hidden_reason, &id],
    )
    .await?;
    Ok(n == 1)
}

/// Replaces a comment's text, keeping the text it had as its next
/// earlier version.
pub async fn edit(
    mut conn: Conn<'_>,
    id: Uuid,
    body: &str,
    at: Timestamp,
) -> Result<bool, StorageError> {
    rows::execute(
        conn.reborrow(),
        "INSERT INTO discussion_comment_versions (comment_id, version, body, replaced_at) \
         SELECT id, (SELECT COUNT(*) + 1 FROM discussion_comment_versions v \
         WHERE v.comment_id = $1), body, $2 FROM discussion_comments WHERE id = $1",
        &[&id, &at],
    )
    .await?;
    let n = rows::execute(
        conn,
        "UPDATE discussion_comments SET body = $1, edited_at = $2, search_text = $4 WHERE id = $3",
        &[&body, &at, &id, &searched_as(body)],
    )
    .await?;
    Ok(n == 1)
}

/// An edited comment's earlier texts, oldest first: (version, text,
/// when it was replaced).
pub async fn versions(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<Vec<(i64, String, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT version, body, replaced_at FROM discussion_comment_versions \
         WHERE comment_id = $1 ORDER BY version",
        &[&id],
        rows::tuple,
    )
    .await
}

/// How many of an author's comments are published anywhere: what
/// pre-moderation of first comments counts.
pub async fn published_by(conn: Conn<'_>, author: Uuid) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM discussion_comments WHERE author_id = $1 AND state = 'published'",
        &[&author],
        rows::scalar,
    )
    .await
}

/// An author's comments, newest first, with their discussion's title:
/// for "your data" (bounded by `limit`).
pub async fn by_author(
    conn: Conn<'_>,
    author: Uuid,
    limit: i64,
) -> Result<Vec<(Comment, String)>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS}, d.title AS discussion_title FROM {FROM} \
         JOIN discussions d ON d.id = c.discussion_id \
         WHERE c.author_id = $1 ORDER BY c.created_at DESC, c.id DESC LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&author, &limit], |r| {
        Ok((record(r)?, r.get("discussion_title")?))
    })
    .await
}

/// Lets go of an erased account's comments: they stay where they are,
/// attributed to nobody; with `remove`, their text and earlier versions
/// go too and a removal notice takes their place (replies stay). Returns
/// each affected comment's discussion and whether everyone could read
/// it before, so the caller can keep counts right.
pub async fn erase_author(
    mut conn: Conn<'_>,
    author: Uuid,
    remove: bool,
) -> Result<Vec<(Uuid, bool)>, StorageError> {
    let touched = rows::fetch_all(
        conn.reborrow(),
        "SELECT discussion_id, state FROM discussion_comments WHERE author_id = $1",
        &[&author],
        |r| {
            let state: String = r.get("state")?;
            Ok((r.get::<Uuid>("discussion_id")?, state == "published"))
        },
    )
    .await?;
    if remove {
        rows::execute(
            conn.reborrow(),
            "DELETE FROM discussion_comment_versions WHERE comment_id IN \
             (SELECT id FROM discussion_comments WHERE author_id = $1)",
            &[&author],
        )
        .await?;
        rows::execute(
            conn,
            "UPDATE discussion_comments SET author_id = NULL, body = '', search_text = '', \
             state = 'removed_with_account', hidden_reason = NULL WHERE author_id = $1",
            &[&author],
        )
        .await?;
    } else {
        rows::execute(
            conn,
            "UPDATE discussion_comments SET author_id = NULL WHERE author_id = $1",
            &[&author],
        )
        .await?;
    }
    Ok(touched)
}

/// The comments among `ids` (in no particular order); one query.
pub async fn find_many(conn: Conn<'_>, ids: &[Uuid]) -> Result<Vec<Comment>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE {}",
        rows::in_ids(&conn, "c.id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(ids)], record).await
}

/// Replaces a comment's text (with its redacted form): no version of it
/// is kept, unlike an edit.
pub async fn set_body(conn: Conn<'_>, id: Uuid, body: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussion_comments SET body = $1, search_text = $3 WHERE id = $2",
        &[&body, &id, &searched_as(body)],
    )
    .await?;
    Ok(n == 1)
}

/// Replaces one earlier version's text (with its redacted form).
pub async fn set_version_body(
    conn: Conn<'_>,
    id: Uuid,
    version: i64,
    body: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussion_comment_versions SET body = $1 WHERE comment_id = $2 AND version = $3",
        &[&body, &id, &version],
    )
    .await?;
    Ok(())
}

/// How many comments of a discussion were posted with `fingerprint`.
pub async fn repeats(
    conn: Conn<'_>,
    discussion: Uuid,
    fingerprint: &str,
) -> Result<Option<Uuid>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT id FROM discussion_comments WHERE discussion_id = $1 AND fingerprint = $2 \
         ORDER BY created_at, id LIMIT 1",
        &[&discussion, &fingerprint],
        rows::scalar,
    )
    .await
}

/// A discussion's newest published comments and replies, newest first,
/// at most `limit`: what its feed carries (everyone may read them).
pub async fn newest_published(
    conn: Conn<'_>,
    discussion: Uuid,
    limit: i64,
) -> Result<Vec<Comment>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE c.discussion_id = $1 AND c.state = 'published' \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&discussion, &limit], record).await
}

/// Where the last page of search results ended: its last comment's time
/// and id (newest first).
pub type SearchCursor = (Timestamp, Uuid);

/// A comment found by search, with its discussion's title and language.
#[derive(Debug, Clone)]
pub struct Found {
    pub comment: Comment,
    pub discussion_title: String,
    pub discussion_language: String,
}

/// Up to `limit` comments whose text holds `normalised` (already
/// normalised as `domain::text::normalise` does), newest first, after
/// `cursor`: only published comments of published discussions, whoever
/// asks, so held, hidden, deleted and removed text is never found.
///
/// A bounded `LIKE` over the stored folded text rather than SQLite's FTS5
/// or PostgreSQL's text search: both engines run the same statement, the
/// folding is ours (Arabic included) rather than a tokenizer's, and a
/// phrase is found inside words as the discussions list already finds
/// titles. The scan walks `discussion_comments_for_search` newest first
/// and stops at `limit`, so a common word costs one page; a word found
/// nowhere reads the published comments' index once.
pub async fn search(
    conn: Conn<'_>,
    normalised: &str,
    cursor: Option<SearchCursor>,
    limit: i64,
) -> Result<Vec<Found>, StorageError> {
    let keyset = if cursor.is_some() {
        "(c.created_at, c.id) < ($2, $3)"
    } else {
        "$2 IS NULL AND $3 IS NULL"
    };
    let sql = format!(
        "SELECT {COLUMNS}, d.title AS discussion_title, d.language AS discussion_language \
         FROM {FROM} JOIN discussions d ON d.id = c.discussion_id \
         WHERE c.state = 'published' AND d.published_at IS NOT NULL \
         AND c.search_text LIKE $1 ESCAPE '\\' AND {keyset} \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $4"
    );
    let pattern = crate::contains_pattern(normalised);
    let (at, id) = match cursor {
        Some((at, id)) => (Some(at), Some(id)),
        None => (None, None),
    };
    let params: [&dyn Param; 4] = [&pattern, &at, &id, &limit];
    rows::fetch_all(conn, &sql, &params, |r| {
        Ok(Found {
            comment: record(r)?,
            discussion_title: r.get("discussion_title")?,
            discussion_language: r.get("discussion_language")?,
        })
    })
    .await
}
