//! Findings ("What you told us") of a consultation, in order.

use cohesion_domain::analysis::findings::Finding;
use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRecord {
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub finding: Finding,
    pub published_at: Option<Timestamp>,
}

pub async fn insert(
    mut conn: Conn<'_>,
    consultation_id: Uuid,
    f: &Finding,
    by: Option<Uuid>,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let theme = f
        .theme
        .as_deref()
        .map(|t| Uuid::parse_str(t).map_err(|_| StorageError::Invalid(format!("theme id {t:?}"))))
        .transpose()?;
    let next: i64 = on_conn!(conn.reborrow(), c => {
        sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM findings WHERE consultation_id = $1")
            .bind(consultation_id)
            .fetch_one(&mut *c)
            .await
    })?;
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO findings (id, consultation_id, position, title, body, question_id, row_index, option_index, \
             created_by, created_at, updated_at, theme_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)",
        )
        .bind(id)
        .bind(consultation_id)
        .bind(next)
        .bind(&f.title)
        .bind(&f.body)
        .bind(&f.question_id)
        .bind(f.row.map(|r| r as i64))
        .bind(f.option as i64)
        .bind(by)
        .bind(now)
        .bind(theme)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(id)
}

/// The consultation's findings in order (published ones only, unless
/// `drafts`).
pub async fn list(
    conn: Conn<'_>,
    consultation_id: Uuid,
    drafts: bool,
) -> Result<Vec<FindingRecord>, StorageError> {
    let sql = format!(
        "SELECT id, consultation_id, title, body, question_id, row_index, option_index, published_at, theme_id \
         FROM findings \
         WHERE consultation_id = $1 {} ORDER BY position LIMIT 200",
        if drafts { "" } else { "AND published_at IS NOT NULL" }
    );
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(&sql).bind(consultation_id).fetch_all(&mut *c).await?;
        rows.iter()
            .map(|r| -> Result<FindingRecord, sqlx::Error> {
                let row: Option<i64> = r.try_get("row_index")?;
                let option: i64 = r.try_get("option_index")?;
                let theme: Option<Uuid> = r.try_get("theme_id")?;
                Ok(FindingRecord {
                    id: r.try_get("id")?,
                    consultation_id: r.try_get("consultation_id")?,
                    finding: Finding {
                        title: r.try_get("title")?,
                        body: r.try_get("body")?,
                        question_id: r.try_get("question_id")?,
                        row: row.and_then(|r| usize::try_from(r).ok()),
                        option: usize::try_from(option).unwrap_or(usize::MAX),
                        theme: theme.map(|t| t.to_string()),
                    },
                    published_at: r.try_get("published_at")?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}

/// Publishes or withdraws one finding; `false` if it is not the
/// consultation's.
pub async fn set_published(
    conn: Conn<'_>,
    consultation_id: Uuid,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("UPDATE findings SET published_at = $1, updated_at = $2 WHERE id = $3 AND consultation_id = $4")
            .bind(at)
            .bind(Timestamp::now())
            .bind(id)
            .bind(consultation_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Deletes a finding (an officer's draft text, not anyone's contribution);
/// the audit log keeps that it happened.
pub async fn delete(conn: Conn<'_>, consultation_id: Uuid, id: Uuid) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM findings WHERE id = $1 AND consultation_id = $2")
            .bind(id)
            .bind(consultation_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}
