//! Deleting report texts after the retention period: a background job in
//! every server's loop; a lease in the settings row lets one server at a
//! time do it. The report rows stay as tombstones and the counts stay.

use cohesion_storage::tensions::{reports, settings};
use cohesion_storage::{Db, Timestamp};
use time::{Duration, OffsetDateTime};

use crate::audit::{audit_log, Origin};
use crate::ServiceError;

/// How long a server holds the lease at most.
const LEASE: Duration = Duration::minutes(10);

/// What one round did: `None` when another server holds the lease.
pub async fn delete_old_texts(
    db: &Db,
    holder: &str,
    now: OffsetDateTime,
) -> Result<Option<u64>, ServiceError> {
    let mut c = db.acquire().await?;
    let taken =
        settings::claim_retention(c.conn(), holder, now.into(), (now + LEASE).into()).await?;
    if !taken {
        return Ok(None);
    }
    let days = settings::get(c.conn()).await?.retention_days;
    drop(c);
    let cutoff: Timestamp = (now - Duration::days(days)).into();
    let mut tx = db.begin().await?;
    let deleted = reports::delete_texts_before(tx.conn(), cutoff, days, now.into()).await?;
    if deleted > 0 {
        let detail = format!("{deleted} report texts deleted after {days} days");
        audit_log(
            tx.conn(),
            Origin::default(),
            "tension_reports.delete_texts",
            None,
            &detail,
        )
        .await?;
    }
    tx.commit().await?;
    let mut c = db.acquire().await?;
    settings::release_retention(c.conn(), holder).await?;
    Ok(Some(deleted))
}

/// [`delete_old_texts`] as of now: the serve loop's round.
pub async fn round(db: &Db, holder: &str) -> Result<Option<u64>, ServiceError> {
    delete_old_texts(db, holder, OffsetDateTime::now_utc()).await
}
