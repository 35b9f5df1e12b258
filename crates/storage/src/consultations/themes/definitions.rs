//! The themes of a run: label, description, stance, examples and status.
//! Themes are never deleted: their status says deleted or merged.

use uuid::Uuid;

use crate::consultations::themes::runs::{run_of, RunRecord, RunRow, RUN_COLUMNS};
use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRecord {
    pub id: Uuid,
    pub run_id: Uuid,
    pub position: i64,
    pub label: String,
    pub description: String,
    pub stance: String,
    /// JSON list of strings.
    pub top_terms: String,
    /// JSON list of response ids.
    pub examples: String,
    pub status: String,
    pub merged_into: Option<Uuid>,
}

pub struct NewTheme<'a> {
    pub label: &'a str,
    pub description: &'a str,
    pub stance: &'a str,
    pub top_terms: &'a str,
    pub examples: &'a str,
    pub status: &'a str,
}

pub async fn insert_theme(
    conn: Conn<'_>,
    run: Uuid,
    position: i64,
    t: &NewTheme<'_>,
    by: Option<Uuid>,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO themes (id, run_id, position, label, description, stance, top_terms, examples, status, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
        &[&id, &run, &position, &t.label, &t.description, &t.stance, &t.top_terms, &t.examples, &t.status, &by, &Timestamp::now()],
    )
    .await?;
    Ok(id)
}

/// Every theme of a run, deleted and merged ones included, in order.
pub async fn themes(conn: Conn<'_>, run: Uuid) -> Result<Vec<ThemeRecord>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, run_id, position, label, description, stance, top_terms, examples, status, merged_into \
         FROM themes WHERE run_id = $1 ORDER BY position, id",
        &[&run],
        |r| {
            Ok(ThemeRecord {
                id: r.get("id")?,
                run_id: r.get("run_id")?,
                position: r.get("position")?,
                label: r.get("label")?,
                description: r.get("description")?,
                stance: r.get("stance")?,
                top_terms: r.get("top_terms")?,
                examples: r.get("examples")?,
                status: r.get("status")?,
                merged_into: r.get("merged_into")?,
            })
        },
    )
    .await
}

/// A theme by id with its run, if it exists.
pub async fn find_theme(
    mut conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<(RunRecord, ThemeRecord)>, StorageError> {
    let run: Option<Uuid> = rows::fetch_optional(
        conn.reborrow(),
        "SELECT run_id FROM themes WHERE id = $1",
        &[&id],
        rows::scalar,
    )
    .await?;
    let Some(run) = run else {
        return Ok(None);
    };
    let sql = format!("SELECT {RUN_COLUMNS} FROM theme_runs WHERE id = $1");
    let r: RunRow = rows::fetch_one(conn.reborrow(), &sql, &[&run], rows::tuple).await?;
    let theme = themes(conn, run).await?.into_iter().find(|t| t.id == id);
    Ok(theme.map(|t| (run_of(r), t)))
}

pub async fn update_theme(
    conn: Conn<'_>,
    id: Uuid,
    label: &str,
    description: &str,
    examples: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE themes SET label = $1, description = $2, examples = $3, updated_at = $4 WHERE id = $5",
        &[&label, &description, &examples, &Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

/// Sets the status of every live theme of a run (confirming the set).
pub async fn set_live_status(conn: Conn<'_>, run: Uuid, status: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE themes SET status = $1, updated_at = $2 WHERE run_id = $3 \
         AND status IN ('candidate', 'confirmed')",
        &[&status, &Timestamp::now(), &run],
    )
    .await?;
    Ok(())
}

pub async fn set_status(
    conn: Conn<'_>,
    id: Uuid,
    status: &str,
    merged_into: Option<Uuid>,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE themes SET status = $1, merged_into = $2, updated_at = $3 WHERE id = $4",
        &[&status, &merged_into, &Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}
