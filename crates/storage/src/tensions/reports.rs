//! The reports themselves: what was sent, the masked text until it is
//! deleted, then a tombstone.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// A report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub id: Uuid,
    pub reference: String,
    pub area: String,
    pub kind: String,
    pub occurred_on: String,
    pub police: String,
    /// The masked text; `None` once deleted.
    pub text: Option<String>,
    pub text_deleted_at: Option<Timestamp>,
    pub kept_days: Option<i64>,
    pub created_at: Timestamp,
}

/// A report to store.
pub struct NewRow<'a> {
    pub id: Uuid,
    pub reference: &'a str,
    pub area: &'a str,
    pub kind: &'a str,
    pub occurred_on: &'a str,
    pub police: &'a str,
    pub text: &'a str,
    pub created_at: Timestamp,
}

const COLUMNS: &str = "id, reference, area, kind, occurred_on, police, text, \
     text_deleted_at, kept_days, created_at";

fn report(r: &rows::Row) -> Result<ReportRow, sqlx::Error> {
    Ok(ReportRow {
        id: r.get("id")?,
        reference: r.get("reference")?,
        area: r.get("area")?,
        kind: r.get("kind")?,
        occurred_on: r.get("occurred_on")?,
        police: r.get("police")?,
        text: r.get("text")?,
        text_deleted_at: r.get("text_deleted_at")?,
        kept_days: r.get("kept_days")?,
        created_at: r.get("created_at")?,
    })
}

pub async fn insert(conn: Conn<'_>, new: &NewRow<'_>) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO tension_reports (id, reference, area, kind, occurred_on, police, text, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &new.id,
            &new.reference,
            &new.area,
            &new.kind,
            &new.occurred_on,
            &new.police,
            &new.text,
            &new.created_at,
        ],
    )
    .await?;
    Ok(())
}

/// The latest `n` reports, newest first.
pub async fn recent(conn: Conn<'_>, n: i64) -> Result<Vec<ReportRow>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM tension_reports ORDER BY created_at DESC, id DESC {}",
        rows::limit(n)
    );
    rows::fetch_all(conn, &sql, &[], report).await
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<ReportRow>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM tension_reports WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], report).await
}

/// Deletes the texts of reports sent before `cutoff`, noting the period
/// they were kept for; how many.
pub async fn delete_texts_before(
    conn: Conn<'_>,
    cutoff: Timestamp,
    kept_days: i64,
    now: Timestamp,
) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "UPDATE tension_reports SET text = NULL, text_deleted_at = $1, kept_days = $2 \
         WHERE text IS NOT NULL AND created_at < $3",
        &[&now, &kept_days, &cutoff],
    )
    .await
}

/// How many reports there are, texts and tombstones.
pub async fn count(conn: Conn<'_>) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM tension_reports",
        &[],
        rows::scalar,
    )
    .await
}
