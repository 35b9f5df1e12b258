//! The audit log: appended to, read, never changed. The application has no
//! code path that updates or deletes an entry.

use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: Timestamp,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub subject_id: Option<Uuid>,
    pub detail: String,
    pub client: Option<String>,
}

pub struct NewAuditEntry<'a> {
    pub actor_id: Option<Uuid>,
    pub action: &'a str,
    pub subject_id: Option<Uuid>,
    pub detail: &'a str,
    pub client: Option<&'a str>,
}

pub async fn append(conn: Conn<'_>, e: NewAuditEntry<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO audit_log (id, at, actor_id, action, subject_id, detail, client) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &id,
            &Timestamp::now(),
            &e.actor_id,
            &e.action,
            &e.subject_id,
            &e.detail,
            &e.client,
        ],
    )
    .await?;
    Ok(id)
}

/// Which entries to read.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery<'a> {
    pub action: Option<&'a str>,
    pub actor: Option<Uuid>,
    pub subject: Option<Uuid>,
    /// Entries older than this one (ids are time-ordered).
    pub before: Option<Uuid>,
    pub limit: i64,
}

/// A page of entries, newest first: keyset paging, cheap at any depth.
pub async fn page(conn: Conn<'_>, q: &AuditQuery<'_>) -> Result<Vec<AuditEntry>, StorageError> {
    page_of(conn, q, None).await
}

/// [`page`] leaving out every action whose name starts with `left_out`
/// (the administrators' log leaves out what respondents did:
/// `response.`), filtered in the query so that the page is full however
/// many such entries there are.
pub async fn page_leaving_out(
    conn: Conn<'_>,
    q: &AuditQuery<'_>,
    left_out: &str,
) -> Result<Vec<AuditEntry>, StorageError> {
    page_of(conn, q, Some(&like_prefix(left_out))).await
}

async fn page_of(
    conn: Conn<'_>,
    q: &AuditQuery<'_>,
    left_out: Option<&str>,
) -> Result<Vec<AuditEntry>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, at, actor_id, action, subject_id, detail, client FROM audit_log \
         WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2) \
         AND ($3 IS NULL OR subject_id = $3) AND ($4 IS NULL OR id < $4) \
         AND ($6 IS NULL OR action NOT LIKE $6 ESCAPE '\\') \
         ORDER BY id DESC LIMIT $5",
        &[
            &q.action, &q.actor, &q.subject, &q.before, &q.limit, &left_out,
        ],
        entry,
    )
    .await
}

/// A LIKE pattern matching what starts with `prefix`, taken literally.
fn like_prefix(prefix: &str) -> String {
    format!("{}%", prefix.replace('%', "").replace('_', "\\_"))
}

/// An audit row read.
fn entry(r: &rows::Row) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        id: r.get("id")?,
        at: r.get("at")?,
        actor_id: r.get("actor_id")?,
        action: r.get("action")?,
        subject_id: r.get("subject_id")?,
        detail: r.get("detail")?,
        client: r.get("client")?,
    })
}

/// A page of entries about `subject`, newest first, leaving out every
/// action whose name starts with `left_out` (a consultation's history
/// leaves out what respondents did: `response.`) and the one action
/// `nor` (an analyst looking at special-category answers), filtered in
/// the query so that the page is full however many such entries there
/// are.
pub async fn about_leaving_out(
    conn: Conn<'_>,
    subject: Uuid,
    action: Option<&str>,
    left_out: &str,
    nor: &str,
    limit: i64,
) -> Result<Vec<AuditEntry>, StorageError> {
    let pattern = like_prefix(left_out);
    rows::fetch_all(
        conn,
        "SELECT id, at, actor_id, action, subject_id, detail, client FROM audit_log \
         WHERE subject_id = $1 AND ($2 IS NULL OR action = $2) \
         AND action NOT LIKE $3 ESCAPE '\\' AND action <> $4 ORDER BY id DESC LIMIT $5",
        &[&subject, &action, &pattern, &nor, &limit],
        entry,
    )
    .await
}

/// Whether an entry with this action, subject and detail was ever
/// written: how a replayed request learns that what it asks for was done
/// already (a finding removed), where nothing else is left to tell.
pub async fn recorded(
    conn: Conn<'_>,
    action: &str,
    subject: Uuid,
    detail: &str,
) -> Result<bool, StorageError> {
    let found = rows::fetch_optional(
        conn,
        "SELECT id FROM audit_log WHERE action = $1 AND subject_id = $2 AND detail = $3 LIMIT 1",
        &[&action, &subject, &detail],
        |r| r.get::<Uuid>("id"),
    )
    .await?;
    Ok(found.is_some())
}
