//! The council's local areas (migration 0034): the list tension reports
//! and community-message subscriptions choose from.

use std::collections::BTreeMap;

use cohesion_domain::local_area::LocalArea;
use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

/// The most areas a site lists: a city's wards are a few dozen.
const MAX_AREAS: i64 = 500;

fn area(r: &rows::Row) -> Result<LocalArea, sqlx::Error> {
    let translations: String = r.get("translations")?;
    Ok(LocalArea {
        id: r.get("id")?,
        name: r.get("name")?,
        language: r.get("language")?,
        // Written only by `add` and `rename` from a map: never malformed.
        translations: serde_json::from_str(&translations).unwrap_or_default(),
    })
}

/// The areas in use (not retired), in their order.
pub async fn in_use(conn: Conn<'_>) -> Result<Vec<LocalArea>, StorageError> {
    let sql = format!(
        "SELECT id, name, language, translations FROM local_areas \
         WHERE retired_at IS NULL ORDER BY position, id {}",
        rows::limit(MAX_AREAS)
    );
    rows::fetch_all(conn, &sql, &[], area).await
}

/// One area, retired or not.
pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<LocalArea>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT id, name, language, translations FROM local_areas WHERE id = $1",
        &[&id],
        area,
    )
    .await
}

/// Adds an area at the end of the list.
pub async fn add(
    mut conn: Conn<'_>,
    name: &str,
    language: &str,
    translations: &BTreeMap<String, String>,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    let texts = serde_json::to_string(translations).expect("a map of strings serialises");
    let next: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(position), 0) + 1 FROM local_areas",
        &[],
        rows::scalar,
    )
    .await?;
    rows::execute(
        conn,
        "INSERT INTO local_areas (id, position, name, language, translations, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&id, &next, &name, &language, &texts, &Timestamp::now()],
    )
    .await?;
    Ok(id)
}

/// Whether the site has any areas yet, retired ones included.
pub async fn any(conn: Conn<'_>) -> Result<bool, StorageError> {
    let n: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM (SELECT 1 FROM local_areas LIMIT 1) a",
        &[],
        rows::scalar,
    )
    .await?;
    Ok(n > 0)
}

/// Renames an area in use: its name and its translations.
pub async fn rename(
    conn: Conn<'_>,
    id: Uuid,
    name: &str,
    translations: &BTreeMap<String, String>,
) -> Result<bool, StorageError> {
    let texts = serde_json::to_string(translations).expect("a map of strings serialises");
    let n = rows::execute(
        conn,
        "UPDATE local_areas SET name = $1, translations = $2 \
         WHERE id = $3 AND retired_at IS NULL",
        &[&name, &texts, &id],
    )
    .await?;
    Ok(n == 1)
}

/// Retires an area in use: no longer offered, never deleted.
pub async fn retire(conn: Conn<'_>, id: Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE local_areas SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL",
        &[&Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}
