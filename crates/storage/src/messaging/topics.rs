//! The topics subscribers choose from, which officers manage.

use std::collections::BTreeMap;

use cohesion_domain::community_message::Topic;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

/// The most topics a site lists: a short list.
const MAX_TOPICS: i64 = 100;

fn topic(r: &rows::Row) -> Result<Topic, sqlx::Error> {
    let translations: String = r.get("translations")?;
    Ok(Topic {
        id: r.get("id")?,
        name: r.get("name")?,
        language: r.get("language")?,
        // Written only by `add` from a map: never malformed.
        translations: serde_json::from_str(&translations).unwrap_or_default(),
    })
}

/// The topics in use (not retired), in their order.
pub async fn in_use(conn: Conn<'_>) -> Result<Vec<Topic>, StorageError> {
    let sql = format!(
        "SELECT id, name, language, translations FROM community_topics \
         WHERE retired_at IS NULL ORDER BY position, id {}",
        rows::limit(MAX_TOPICS)
    );
    rows::fetch_all(conn, &sql, &[], topic).await
}

/// Adds a topic at the end of the list.
pub async fn add(
    mut conn: Conn<'_>,
    name: &str,
    language: &str,
    translations: &BTreeMap<String, String>,
) -> Result<uuid::Uuid, StorageError> {
    let id = new_id();
    let texts = serde_json::to_string(translations).expect("a map of strings serialises");
    let next: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(position), 0) + 1 FROM community_topics",
        &[],
        rows::scalar,
    )
    .await?;
    rows::execute(
        conn,
        "INSERT INTO community_topics (id, position, name, language, translations, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&id, &next, &name, &language, &texts, &Timestamp::now()],
    )
    .await?;
    Ok(id)
}

/// Retires a topic: it leaves the lists; messages that named it keep it.
pub async fn retire(conn: Conn<'_>, id: uuid::Uuid) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE community_topics SET retired_at = $2 WHERE id = $1 AND retired_at IS NULL",
        &[&id, &Timestamp::now()],
    )
    .await?;
    Ok(n == 1)
}

/// Whether the site has any topics yet, retired ones included.
pub async fn any(conn: Conn<'_>) -> Result<bool, StorageError> {
    let n: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM (SELECT 1 FROM community_topics LIMIT 1) t",
        &[],
        rows::scalar,
    )
    .await?;
    Ok(n > 0)
}
