//! The written answers a theme analysis reads: submitted and not removed.

use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError};

/// Every submitted written answer to one question, in response order:
/// (response id, text). One query, whatever the number.
pub async fn question_texts(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT a.response_id, a.text_value FROM response_answers a JOIN responses r ON r.id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
         AND r.submitted_at IS NOT NULL AND r.removed_at IS NULL ORDER BY a.response_id",
        &[&consultation_id, &question_id],
        rows::tuple,
    )
    .await
}

/// How many submitted written answers a question has now.
pub async fn answer_count(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM response_answers a JOIN responses r ON r.id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
         AND r.submitted_at IS NOT NULL AND r.removed_at IS NULL",
        &[&consultation_id, &question_id],
        rows::scalar,
    )
    .await
}

/// Some answers to a question by response id: (id, reference, text).
pub async fn answers_of(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT a.response_id, r.reference, a.text_value FROM response_answers a \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
         AND r.removed_at IS NULL AND a.response_id IN ({}) ORDER BY a.response_id",
        list.join(", ")
    );
    let mut params: Vec<&dyn Param> = vec![&consultation_id, &question_id];
    params.extend(ids.iter().map(|id| id as &dyn Param));
    rows::fetch_all(conn, &sql, &params, rows::tuple).await
}

/// The response with this reference, if it answered the question.
pub async fn response_by_reference(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    reference: &str,
) -> Result<Option<Uuid>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT r.id FROM responses r JOIN response_answers a ON a.response_id = r.id \
         WHERE r.consultation_id = $1 AND a.question_id = $2 AND r.reference = $3 \
         AND a.text_value IS NOT NULL AND r.removed_at IS NULL",
        &[&consultation_id, &question_id, &reference],
        rows::scalar,
    )
    .await
}

/// The reference of a submitted response of the consultation, if it is one.
pub async fn response_reference(
    conn: Conn<'_>,
    consultation_id: Uuid,
    response: Uuid,
) -> Result<Option<String>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT reference FROM responses WHERE id = $1 AND consultation_id = $2 \
         AND submitted_at IS NOT NULL AND removed_at IS NULL",
        &[&response, &consultation_id],
        rows::scalar,
    )
    .await
}
