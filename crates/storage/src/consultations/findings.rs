//! Findings ("What you told us") of a consultation, in order, each with
//! the options it combines and "What we did".

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
    let first = f.options.first().copied().unwrap_or(0) as i64;
    rows::execute(
        conn,
        "INSERT INTO findings (id, consultation_id, position, title, body, question_id, row_index, option_index, \
         created_by, created_at, updated_at, theme_id, option_indexes, what_we_did) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13)",
        &[
            &id,
            &consultation_id,
            &next,
            &f.title,
            &f.body,
            &f.question_id,
            &f.row.map(|r| r as i64),
            &first,
            &by,
            &now,
            &theme,
            &options_text(&f.options),
            &f.what_we_did,
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
        "SELECT id, consultation_id, title, body, question_id, row_index, option_indexes, published_at, theme_id, \
         what_we_did \
         FROM findings \
         WHERE consultation_id = $1 {} ORDER BY position LIMIT 200",
        if drafts { "" } else { "AND published_at IS NOT NULL" }
    );
    rows::fetch_all(conn, &sql, &[&consultation_id], |r| {
        let row: Option<i64> = r.get("row_index")?;
        let options: String = r.get("option_indexes")?;
        let theme: Option<Uuid> = r.get("theme_id")?;
        Ok(FindingRecord {
            id: r.get("id")?,
            consultation_id: r.get("consultation_id")?,
            finding: Finding {
                title: r.get("title")?,
                body: r.get("body")?,
                question_id: r.get("question_id")?,
                row: row.and_then(|r| usize::try_from(r).ok()),
                options: options_of(&options),
                theme: theme.map(|t| t.to_string()),
                what_we_did: r.get("what_we_did")?,
            },
            published_at: r.get("published_at")?,
        })
    })
    .await
}

/// The options as stored: "0,1".
fn options_text(options: &[usize]) -> String {
    options
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The stored options; one that does not read as a number reads as none
/// the question has (its figure is then hidden).
fn options_of(stored: &str) -> Vec<usize> {
    stored
        .split(',')
        .filter(|o| !o.trim().is_empty())
        .map(|o| o.trim().parse().unwrap_or(usize::MAX))
        .collect()
}

/// Sets a finding's "What we did"; `false` if it is not the
/// consultation's.
pub async fn set_what_we_did(
    conn: Conn<'_>,
    consultation_id: Uuid,
    id: Uuid,
    text: &str,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE findings SET what_we_did = $1, updated_at = $2 WHERE id = $3 AND consultation_id = $4",
        &[&text, &Timestamp::now(), &id, &consultation_id],
    )
    .await?;
    Ok(n == 1)
}

/// How many of the consultation's findings are published.
pub async fn published_count(conn: Conn<'_>, consultation_id: Uuid) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM findings WHERE consultation_id = $1 AND published_at IS NOT NULL",
        &[&consultation_id],
        rows::scalar,
    )
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
