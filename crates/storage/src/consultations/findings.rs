//! Findings ("What you told us") of a consultation, in order.

use cohesion_domain::analysis::findings::Finding;
use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

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
    let next: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(position), 0) + 1 FROM findings WHERE consultation_id = $1",
        &[&consultation_id],
        rows::scalar,
    )
    .await?;
    rows::execute(
        conn,
        "INSERT INTO findings (id, consultation_id, position, title, body, question_id, row_index, option_index, \
         created_by, created_at, updated_at, theme_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)",
        &[
            &id,
            &consultation_id,
            &next,
            &f.title,
            &f.body,
            &f.question_id,
            &f.row.map(|r| r as i64),
            &(f.option as i64),
            &by,
            &now,
            &theme,
        ],
    )
    .await?;
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
    rows::fetch_all(conn, &sql, &[&consultation_id], |r| {
        let row: Option<i64> = r.get("row_index")?;
        let option: i64 = r.get("option_index")?;
        let theme: Option<Uuid> = r.get("theme_id")?;
        Ok(FindingRecord {
            id: r.get("id")?,
            consultation_id: r.get("consultation_id")?,
            finding: Finding {
                title: r.get("title")?,
                body: r.get("body")?,
                question_id: r.get("question_id")?,
                row: row.and_then(|r| usize::try_from(r).ok()),
                option: usize::try_from(option).unwrap_or(usize::MAX),
                theme: theme.map(|t| t.to_string()),
            },
            published_at: r.get("published_at")?,
        })
    })
    .await
}

/// Publishes or withdraws one finding; `false` if it is not the
/// consultation's.
pub async fn set_published(
    conn: Conn<'_>,
    consultation_id: Uuid,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE findings SET published_at = $1, updated_at = $2 WHERE id = $3 AND consultation_id = $4",
        &[&at, &Timestamp::now(), &id, &consultation_id],
    )
    .await?;
    Ok(n == 1)
}

/// Deletes a finding (an officer's draft text, not anyone's contribution);
/// the audit log keeps that it happened.
pub async fn delete(conn: Conn<'_>, consultation_id: Uuid, id: Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "DELETE FROM findings WHERE id = $1 AND consultation_id = $2",
        &[&id, &consultation_id],
    )
    .await?;
    Ok(n == 1)
}
