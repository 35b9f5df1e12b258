//! The review list: answers the mapping was unsure of, until an analyst
//! settles them.

use uuid::Uuid;

use crate::consultations::themes::assignments::CHUNK;
use crate::consultations::themes::runs::RunRecord;
use crate::rows::{self, Param};
use crate::{Conn, StorageError, Timestamp};

/// Puts unsure answers on the review list: (response, stance, best).
pub async fn insert_reviews(
    mut conn: Conn<'_>,
    run: Uuid,
    rows: &[(Uuid, &str, f64)],
) -> Result<(), StorageError> {
    for chunk in rows.chunks(CHUNK) {
        let mut values = Vec::with_capacity(chunk.len());
        for i in 0..chunk.len() {
            let n = 2 + i * 3;
            values.push(format!("($1, ${}, ${}, ${})", n, n + 1, n + 2));
        }
        let sql = format!(
            "INSERT INTO theme_reviews (run_id, response_id, stance, best_confidence) VALUES {}",
            values.join(", ")
        );
        let mut params: Vec<&dyn Param> = vec![&run];
        for (response, stance, best) in chunk {
            params.extend([response as &dyn Param, stance, best]);
        }
        rows::execute(conn.reborrow(), &sql, &params).await?;
    }
    Ok(())
}

/// One answer waiting for review.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub response_id: Uuid,
    pub reference: String,
    pub text: String,
    pub stance: String,
    pub best: f64,
}

/// A page of the answers still waiting for review, and how many wait.
pub async fn reviews(
    mut conn: Conn<'_>,
    run: &RunRecord,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ReviewRow>, i64), StorageError> {
    let page = rows::fetch_all(
        conn.reborrow(),
        "SELECT v.response_id, r.reference, a.text_value, v.stance, v.best_confidence FROM theme_reviews v \
         JOIN responses r ON r.id = v.response_id \
         JOIN response_answers a ON a.response_id = v.response_id AND a.question_id = $2 \
         WHERE v.run_id = $1 AND v.reviewed_at IS NULL AND r.removed_at IS NULL AND a.text_value IS NOT NULL \
         ORDER BY v.best_confidence, v.response_id LIMIT $3 OFFSET $4",
        &[&run.id, &run.question_id, &limit, &offset],
        |r| {
            Ok(ReviewRow {
                response_id: r.get("response_id")?,
                reference: r.get("reference")?,
                text: r.get("text_value")?,
                stance: r.get("stance")?,
                best: r.get("best_confidence")?,
            })
        },
    )
    .await?;
    let total = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM theme_reviews v JOIN responses r ON r.id = v.response_id \
         WHERE v.run_id = $1 AND v.reviewed_at IS NULL AND r.removed_at IS NULL",
        &[&run.id],
        rows::scalar,
    )
    .await?;
    Ok((page, total))
}

/// Settles one answer on the review list; `false` if it was not waiting.
pub async fn settle_review(
    conn: Conn<'_>,
    run: Uuid,
    response: Uuid,
    by: Uuid,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE theme_reviews SET reviewed_by = $1, reviewed_at = $2 \
         WHERE run_id = $3 AND response_id = $4 AND reviewed_at IS NULL",
        &[&by, &Timestamp::now(), &run, &response],
    )
    .await?;
    Ok(n == 1)
}

/// The answers of a run an analyst has settled on the review list.
pub async fn settled(conn: Conn<'_>, run: Uuid) -> Result<Vec<Uuid>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT response_id FROM theme_reviews WHERE run_id = $1 AND reviewed_at IS NOT NULL",
        &[&run],
        rows::scalar,
    )
    .await
}
