//! The one row of tension-report settings, and the lease that lets one
//! server at a time delete old texts.

use cohesion_domain::tension::Settings;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// The site's settings (the defaults if the row is missing).
pub async fn get(conn: Conn<'_>) -> Result<Settings, StorageError> {
    let found = rows::fetch_optional(
        conn,
        "SELECT enabled, retention_days, review_working_days FROM tension_settings WHERE id = 1",
        &[],
        |r| {
            Ok(Settings {
                enabled: r.get("enabled")?,
                retention_days: r.get("retention_days")?,
                review_working_days: r.get("review_working_days")?,
            })
        },
    )
    .await?;
    Ok(found.unwrap_or_default())
}

pub async fn save(mut conn: Conn<'_>, s: &Settings) -> Result<(), StorageError> {
    let now = Timestamp::now();
    let changed = rows::execute(
        conn.reborrow(),
        "UPDATE tension_settings SET enabled = $1, retention_days = $2, \
         review_working_days = $3, updated_at = $4 WHERE id = 1",
        &[&s.enabled, &s.retention_days, &s.review_working_days, &now],
    )
    .await?;
    if changed == 0 {
        rows::execute(
            conn,
            "INSERT INTO tension_settings (id, enabled, retention_days, review_working_days, \
             updated_at) VALUES (1, $1, $2, $3, $4)",
            &[&s.enabled, &s.retention_days, &s.review_working_days, &now],
        )
        .await?;
    }
    Ok(())
}

/// Takes the retention lease for `holder` until `until`, unless another
/// server holds it still; whether it was taken.
pub async fn claim_retention(
    conn: Conn<'_>,
    holder: &str,
    now: Timestamp,
    until: Timestamp,
) -> Result<bool, StorageError> {
    let taken = rows::execute(
        conn,
        "UPDATE tension_settings SET retention_holder = $1, retention_until = $2 \
         WHERE id = 1 AND (retention_until IS NULL OR retention_until < $3 \
         OR retention_holder = $1)",
        &[&holder, &until, &now],
    )
    .await?;
    Ok(taken == 1)
}

/// Gives the lease back.
pub async fn release_retention(conn: Conn<'_>, holder: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE tension_settings SET retention_holder = NULL, retention_until = NULL \
         WHERE id = 1 AND retention_holder = $1",
        &[&holder],
    )
    .await?;
    Ok(())
}
