//! Rate-limit counters kept in the database, so that every server behind a
//! load balancer counts against the same bucket.

use cohesion_domain::rate_limit::RateLimit;

use crate::rows;
use crate::{Conn, StorageError};

/// Counts one hit on `bucket` in the window containing `now` (seconds since
/// the epoch) and returns the number of hits in that window, this one
/// included. One atomic upsert on either engine.
pub async fn hit(
    conn: Conn<'_>,
    bucket: &str,
    limit: RateLimit,
    now: i64,
) -> Result<u32, StorageError> {
    const SQL: &str =
        "INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1 \
         RETURNING hits";
    let window = limit.window_start(now);
    let hits: i64 = rows::fetch_one(conn, SQL, &[&bucket, &window], rows::scalar).await?;
    Ok(u32::try_from(hits).unwrap_or(u32::MAX))
}

/// The hits on `bucket` in the window containing `now`, without counting
/// one: for limits on failures, checked before an attempt and counted
/// only when it fails.
pub async fn count(
    conn: Conn<'_>,
    bucket: &str,
    limit: RateLimit,
    now: i64,
) -> Result<u32, StorageError> {
    const SQL: &str = "SELECT hits FROM rate_limit_hits WHERE bucket = $1 AND window_start = $2";
    let window = limit.window_start(now);
    let hits: Option<i64> =
        rows::fetch_optional(conn, SQL, &[&bucket, &window], rows::scalar).await?;
    Ok(hits.map_or(0, |h| u32::try_from(h).unwrap_or(u32::MAX)))
}

/// Deletes counters for windows that started before `before`. Buckets may
/// hold a client address, so they are kept no longer than they are useful.
pub async fn purge_before(conn: Conn<'_>, before: i64) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM rate_limit_hits WHERE window_start < $1",
        &[&before],
    )
    .await
}
