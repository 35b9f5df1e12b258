//! "Is this page useful?"

use cohesion_domain::feedback::{FeedbackTally, PageFeedback};
use cohesion_domain::pages::InfoPage;
use cohesion_domain::rate_limit::RateLimit;
use cohesion_storage::site::feedback;
use cohesion_storage::{rate_limits, Db};

use crate::clock::unix_now;
use crate::ServiceError;

/// Records one answer from the client identified by `client` (an address),
/// within `limit`, and returns the page's updated tally. The rate-limit hit
/// and the answer share one transaction; a refused answer saves nothing
/// but the hit, which is the point of counting it.
pub async fn record(
    db: &Db,
    page: &str,
    answer: &str,
    client: &str,
    limit: RateLimit,
) -> Result<FeedbackTally, ServiceError> {
    let parsed = PageFeedback::parse(page, answer)?;
    let now = unix_now();
    let bucket = format!("feedback:{client}");
    let mut tx = db.begin().await?;
    let hits = rate_limits::hit(tx.conn(), &bucket, limit, now).await?;
    if !limit.allows(hits) {
        tx.commit().await?;
        return Err(ServiceError::RateLimited {
            retry_after: limit.retry_after(now),
        });
    }
    feedback::record(tx.conn(), parsed).await?;
    let tally = feedback::tally(tx.conn(), parsed.page).await?;
    tx.commit().await?;
    Ok(tally)
}

pub async fn tally(db: &Db, page: InfoPage) -> Result<FeedbackTally, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(feedback::tally(conn.conn(), page).await?)
}
