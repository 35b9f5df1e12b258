//! Anonymous "Is this page useful?" answers.

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};
use cohesion_domain::feedback::{FeedbackTally, PageFeedback};
use cohesion_domain::pages::InfoPage;

pub async fn record(conn: Conn<'_>, feedback: PageFeedback) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO page_feedback (id, page, useful, created_at) VALUES ($1, $2, $3, $4)",
        &[
            &new_id(),
            &feedback.page.key(),
            &feedback.useful,
            &Timestamp::now(),
        ],
    )
    .await?;
    Ok(())
}

/// Yes and no counts for one page, counted by the database.
pub async fn tally(conn: Conn<'_>, page: InfoPage) -> Result<FeedbackTally, StorageError> {
    const SQL: &str = "SELECT \
        COALESCE(SUM(CASE WHEN useful THEN 1 ELSE 0 END), 0) AS yes, \
        COALESCE(SUM(CASE WHEN useful THEN 0 ELSE 1 END), 0) AS no \
        FROM page_feedback WHERE page = $1";
    let (yes, no): (i64, i64) = rows::fetch_one(conn, SQL, &[&page.key()], |r| {
        Ok((r.get("yes")?, r.get("no")?))
    })
    .await?;
    Ok(FeedbackTally {
        useful: u64::try_from(yes).unwrap_or(0),
        not_useful: u64::try_from(no).unwrap_or(0),
    })
}
