//! A consultation's survey read to be changed a step at a time (the
//! builder's moves and edits), so that two officers changing it at once
//! each change what the other saved; and the translations that follow
//! its pages when a change moves them.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError};

/// The stored survey (JSON) and how many have responded, with the row
/// locked until the transaction ends: on PostgreSQL by `FOR UPDATE`; a
/// SQLite write transaction holds the database's lock from its start
/// (`BEGIN IMMEDIATE`), so what it reads cannot change under it.
pub async fn for_update(conn: Conn<'_>, id: Uuid) -> Result<Option<(String, i64)>, StorageError> {
    let suffix = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE",
    };
    let sql = format!("SELECT survey, response_count FROM consultations WHERE id = $1{suffix}");
    rows::fetch_optional(conn, &sql, &[&id], rows::tuple).await
}

/// Every language's translations of the consultation: (language, texts
/// as JSON), for the translations of page titles to follow their pages
/// when a change to the survey moves them.
pub async fn translations(conn: Conn<'_>, id: Uuid) -> Result<Vec<(String, String)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT locale, texts FROM consultation_translations WHERE consultation_id = $1",
        &[&id],
        rows::tuple,
    )
    .await
}

/// Replaces a language's texts, keeping who translated them last: the
/// translations are theirs; only the keys they are kept under moved.
pub async fn rekey_translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE consultation_translations SET texts = $1 WHERE consultation_id = $2 AND locale = $3",
        &[&texts, &id, &locale],
    )
    .await?;
    Ok(())
}
