//! The site's own secrets, by name, made once and shared by every server.

use crate::rows;
use crate::{Conn, StorageError};

/// The secret called `name`: the one stored, or `candidate` stored now
/// if there was none (two servers racing both end with the winner's).
pub async fn get_or_create(
    mut conn: Conn<'_>,
    name: &str,
    candidate: &str,
) -> Result<String, StorageError> {
    rows::execute(
        conn.reborrow(),
        "INSERT INTO site_keys (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        &[&name, &candidate],
    )
    .await?;
    rows::fetch_one(
        conn,
        "SELECT secret FROM site_keys WHERE name = $1",
        &[&name],
        rows::scalar,
    )
    .await
}
