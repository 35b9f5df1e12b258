//! Anonymous "Is this page useful?" answers.

use cohesion_domain::feedback::{FeedbackTally, PageFeedback};
use cohesion_domain::pages::InfoPage;
use sqlx::Row;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

pub async fn record(conn: Conn<'_>, feedback: PageFeedback) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query("INSERT INTO page_feedback (id, page, useful, created_at) VALUES ($1, $2, $3, $4)")
            .bind(new_id())
            .bind(feedback.page.key())
            .bind(feedback.useful)
            .bind(Timestamp::now())
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Yes and no counts for one page, counted by the database.
pub async fn tally(conn: Conn<'_>, page: InfoPage) -> Result<FeedbackTally, StorageError> {
    const SQL: &str = "SELECT \
        COALESCE(SUM(CASE WHEN useful THEN 1 ELSE 0 END), 0) AS yes, \
        COALESCE(SUM(CASE WHEN useful THEN 0 ELSE 1 END), 0) AS no \
        FROM page_feedback WHERE page = $1";
    let (yes, no) = on_conn!(conn, c => {
        let r = sqlx::query(SQL).bind(page.key()).fetch_one(&mut *c).await?;
        Ok::<_, sqlx::Error>((r.try_get::<i64, _>("yes")?, r.try_get::<i64, _>("no")?))
    })?;
    Ok(FeedbackTally {
        useful: u64::try_from(yes).unwrap_or(0),
        not_useful: u64::try_from(no).unwrap_or(0),
    })
}
