//! Survey responses: whose each is, the draft kept between pages, and
//! when it was submitted or removed.

use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRecord {
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub respondent_id: Option<Uuid>,
    pub reference: String,
    /// The fields sent so far, as JSON.
    pub draft: String,
    pub submitted_at: Option<Timestamp>,
    pub removed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

const COLUMNS: &str =
    "id, consultation_id, respondent_id, reference, draft, submitted_at, removed_at, created_at, updated_at";

fn record(r: &Row) -> Result<ResponseRecord, sqlx::Error> {
    Ok(ResponseRecord {
        id: r.get("id")?,
        consultation_id: r.get("consultation_id")?,
        respondent_id: r.get("respondent_id")?,
        reference: r.get("reference")?,
        draft: r.get("draft")?,
        submitted_at: r.get("submitted_at")?,
        removed_at: r.get("removed_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// Who a response belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Owner<'a> {
    Account(Uuid),
    /// The SHA-256 of an anonymous respondent's cookie.
    Anonymous(&'a str),
}

pub async fn find_for(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
) -> Result<Option<ResponseRecord>, StorageError> {
    find_owned(conn, consultation_id, owner, "").await
}

/// [`find_for`], locking the row until the transaction ends: a second
/// transaction asking for it waits, then reads what the first committed.
/// On PostgreSQL that is `FOR UPDATE`; a SQLite transaction holds the
/// database's write lock from its start (`BEGIN IMMEDIATE`), so what it
/// reads is already current and cannot change under it. One statement
/// either way, where a lock then a second read took two more.
pub async fn find_for_update(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
) -> Result<Option<ResponseRecord>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE",
    };
    find_owned(conn, consultation_id, owner, suffix).await
}

async fn find_owned(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    suffix: &str,
) -> Result<Option<ResponseRecord>, StorageError> {
    let (column, key): (&str, &dyn Param) = match &owner {
        Owner::Account(user) => ("respondent_id", user),
        Owner::Anonymous(key) => ("anonymous_key", key),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM responses WHERE consultation_id = $1 AND {column} = $2{suffix}"
    );
    rows::fetch_optional(conn, &sql, &[&consultation_id, key], record).await
}

/// Starts a response; `None` when one already exists for this owner (a
/// race between two tabs), or the reference happened to be taken.
pub async fn create(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    reference: &str,
) -> Result<Option<Uuid>, StorageError> {
    let started = create_with_draft(conn, consultation_id, owner, reference, "{}").await?;
    Ok(started.map(|r| r.id))
}

/// [`create`] with its first draft, in one statement; returns the record
/// as stored, so the caller need not read it back.
pub async fn create_with_draft(
    conn: Conn<'_>,
    consultation_id: Uuid,
    owner: Owner<'_>,
    reference: &str,
    draft: &str,
) -> Result<Option<ResponseRecord>, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let (user, key) = match owner {
        Owner::Account(u) => (Some(u), None),
        Owner::Anonymous(k) => (None, Some(k)),
    };
    let n = rows::execute(
        conn,
        "INSERT INTO responses (id, consultation_id, respondent_id, anonymous_key, reference, draft, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT DO NOTHING",
        &[&id, &consultation_id, &user, &key, &reference, &draft, &now],
    )
    .await?;
    Ok((n == 1).then(|| ResponseRecord {
        id,
        consultation_id,
        respondent_id: user,
        reference: reference.to_owned(),
        draft: draft.to_owned(),
        submitted_at: None,
        removed_at: None,
        created_at: now,
        updated_at: now,
    }))
}

/// Saves the fields sent so far. Like every change of the answers below,
/// it forgets the emailed copy last asked for, which no longer matches.
pub async fn save_draft(conn: Conn<'_>, id: Uuid, draft: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET draft = $1, updated_at = $2, receipt_message_id = NULL WHERE id = $3",
        &[&draft, &Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

pub async fn mark_submitted(conn: Conn<'_>, id: Uuid, at: Timestamp) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET submitted_at = $1, updated_at = $1, receipt_message_id = NULL WHERE id = $2",
        &[&at, &id],
    )
    .await?;
    Ok(())
}

/// [`mark_submitted`], replacing the draft in the same statement (a whole
/// response sent at once).
pub async fn mark_submitted_with_draft(
    conn: Conn<'_>,
    id: Uuid,
    at: Timestamp,
    draft: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET draft = $1, submitted_at = $2, updated_at = $2, receipt_message_id = NULL \
         WHERE id = $3",
        &[&draft, &at, &id],
    )
    .await?;
    Ok(())
}

/// Every response a person made, for "your data" and account deletion.
pub async fn for_respondent(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<ResponseRecord>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM responses WHERE respondent_id = $1 ORDER BY created_at LIMIT 1000"
    );
    rows::fetch_all(conn, &sql, &[&user], record).await
}

/// Marks a response removed at its author's request and empties its
/// draft; its answers are deleted by the caller, who also takes them out
/// of the totals.
pub async fn mark_removed(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET removed_at = $1, draft = '{}', updated_at = $1, receipt_message_id = NULL \
         WHERE id = $2",
        &[&Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

/// The outbox message holding the copy of response `id`'s answers its
/// author last asked for since they changed, if any.
pub async fn receipt_message(conn: Conn<'_>, id: Uuid) -> Result<Option<Uuid>, StorageError> {
    let found = rows::fetch_optional(
        conn,
        "SELECT receipt_message_id FROM responses WHERE id = $1",
        &[&id],
        |r| r.get::<Option<Uuid>>("receipt_message_id"),
    )
    .await?;
    Ok(found.flatten())
}

/// Records that outbox message `message` holds the copy of response
/// `id`'s answers as they are now.
pub async fn set_receipt_message(
    conn: Conn<'_>,
    id: Uuid,
    message: Uuid,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE responses SET receipt_message_id = $1 WHERE id = $2",
        &[&message, &id],
    )
    .await?;
    Ok(())
}

/// A person's responses with the title of each consultation, for "your
/// data": one query, whatever the number.
pub async fn mine_with_titles(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<(ResponseRecord, String)>, StorageError> {
    let sql = "SELECT r.id, r.consultation_id, r.respondent_id, r.reference, r.draft, r.submitted_at, r.removed_at, \
               r.created_at, r.updated_at, c.title FROM responses r JOIN consultations c ON c.id = r.consultation_id \
               WHERE r.respondent_id = $1 ORDER BY r.created_at LIMIT 1000";
    rows::fetch_all(conn, sql, &[&user], |r| Ok((record(r)?, r.get("title")?))).await
}
