//! Everything a submission writes, in as few round trips to the database
//! as each engine allows (ADR 0012).

use cohesion_domain::survey::tally::{AnswerRow, CountKey};
use uuid::Uuid;

use crate::consultations::answers::insert_answers;
use crate::consultations::responses::{mark_submitted, mark_submitted_with_draft};
use crate::consultations::totals::{apply_moves, net_moves};
use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// Everything a submission writes once its old answer rows, if any, are
/// deleted: the answer rows, one more on each running total in `keys` and
/// one fewer on each in `withdrawn` (the old answers' totals, for a
/// changed response), `respondents` on the respondent count, and the
/// submission time (and the draft, when given). The same statements as
/// [`insert_answers`], [`mark_submitted`] and
/// [`adjust_counts`](crate::consultations::totals::adjust_counts); on
/// SQLite they go to the database in one round trip, run one after
/// another by the connection's thread (which costs a thread switch each
/// way per trip), and on PostgreSQL one by one (one statement per
/// message). The totals move in one pass whatever was withdrawn, so two
/// writers never take shared rows in different orders.
#[allow(clippy::too_many_arguments)]
pub async fn record_submission(
    mut conn: Conn<'_>,
    response_id: Uuid,
    consultation_id: Uuid,
    rows: &[AnswerRow],
    keys: &[CountKey],
    withdrawn: &[CountKey],
    respondents: i64,
    at: Timestamp,
    draft: Option<&str>,
) -> Result<(), StorageError> {
    let moves = net_moves(keys, 1, withdrawn);
    if matches!(conn, Conn::Postgres(_)) {
        // The running totals and the respondent count are rows every
        // submission to the consultation shares, locked until COMMIT: they
        // come last, so concurrent submitters queue for them for as few
        // round trips as possible (the response's own row is already ours).
        insert_answers(conn.reborrow(), response_id, consultation_id, rows).await?;
        match draft {
            Some(d) => mark_submitted_with_draft(conn.reborrow(), response_id, at, d).await?,
            None => mark_submitted(conn.reborrow(), response_id, at).await?,
        }
        return apply_moves(conn, consultation_id, &moves, respondents).await;
    }
    // One fixed statement text, prepared once per connection, whatever
    // the number of rows: they travel as two JSON arrays (SQLite's
    // `json_each`), so the rows need no bound parameter each.
    const SQL: &str = "\
        INSERT INTO response_answers (response_id, consultation_id, question_id, item, choice, number_value, text_value) \
        SELECT $1, $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($6) \
        WHERE value ->> 5 = 0;\n\
        INSERT INTO response_special_answers (response_id, consultation_id, question_id, item, choice, number_value, text_value) \
        SELECT $1, $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each($6) \
        WHERE value ->> 5 = 1;\n\
        INSERT INTO result_counts (consultation_id, question_id, item, choice, n) \
        SELECT $2, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each($7) WHERE true \
        ON CONFLICT (consultation_id, question_id, item, choice) DO UPDATE SET n = result_counts.n + excluded.n;\n\
        UPDATE consultations SET response_count = response_count + $5 WHERE id = $2 AND $5 <> 0;\n\
        UPDATE responses SET draft = COALESCE($4, draft), submitted_at = $3, updated_at = $3 WHERE id = $1";
    let answer_rows: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                &r.question_id,
                r.item,
                r.choice,
                r.number,
                r.text.as_deref(),
                u8::from(r.special),
            )
        })
        .collect();
    let count_rows: Vec<_> = moves
        .iter()
        .map(|((q, item, choice), by)| (q, item, choice, by))
        .collect();
    let answer_rows =
        serde_json::to_string(&answer_rows).map_err(|e| StorageError::Invalid(e.to_string()))?;
    let count_rows =
        serde_json::to_string(&count_rows).map_err(|e| StorageError::Invalid(e.to_string()))?;
    rows::execute(
        conn,
        SQL,
        &[
            &response_id,
            &consultation_id,
            &at,
            &draft,
            &respondents,
            &answer_rows,
            &count_rows,
        ],
    )
    .await?;
    Ok(())
}
