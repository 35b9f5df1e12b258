//! What an officer published of a consultation's results: which questions,
//! and the weighted figures as computed then.

use uuid::Uuid;

use cohesion_domain::consultation::Publication;

use crate::consultations::catalogue::set_published;
use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// What an officer last published of a consultation's results.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultPublication {
    /// JSON array of question ids.
    pub questions: String,
    /// JSON: the weighted figures as computed when published.
    pub weighting: Option<String>,
    pub published_by: Option<Uuid>,
    pub published_at: Timestamp,
}

pub async fn result_publication(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<ResultPublication>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT questions, weighting, published_by, published_at \
         FROM result_publications WHERE consultation_id = $1",
        &[&id],
        |r| {
            Ok(ResultPublication {
                questions: r.get("questions")?,
                weighting: r.get("weighting")?,
                published_by: r.get("published_by")?,
                published_at: r.get("published_at")?,
            })
        },
    )
    .await
}

/// Records what is published (replacing the last publication) and marks
/// the results published, in the caller's transaction.
pub async fn set_result_publication(
    mut conn: Conn<'_>,
    id: Uuid,
    p: &ResultPublication,
) -> Result<bool, StorageError> {
    if !set_published(
        conn.reborrow(),
        id,
        Publication::Results,
        Some(p.published_at),
    )
    .await?
    {
        return Ok(false);
    }
    rows::execute(
        conn,
        "INSERT INTO result_publications \
         (consultation_id, questions, weighting, published_by, published_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (consultation_id) DO UPDATE SET questions = excluded.questions, \
         weighting = excluded.weighting, published_by = excluded.published_by, \
         published_at = excluded.published_at",
        &[
            &id,
            &p.questions,
            &p.weighting,
            &p.published_by,
            &p.published_at,
        ],
    )
    .await?;
    Ok(true)
}
