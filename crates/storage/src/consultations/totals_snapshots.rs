//! Copies of a consultation's running totals, as the public sees them
//! while it is open (ADR 30): one row saying when the copy was taken and
//! how many had responded, and the totals as they stood then, copied in
//! one `INSERT … SELECT` on the database.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// A copy of the running totals: when it was taken, the respondents it
/// counts, and its totals as (question, item, choice, n).
#[derive(Debug, Clone, PartialEq)]
pub struct TotalsSnapshot {
    pub taken_at: Timestamp,
    pub response_count: i64,
    pub counts: Vec<(String, i64, i64, i64)>,
}

type Joined = (
    Timestamp,
    i64,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// Consultation `id`'s snapshot, if one was taken: its moment and its
/// totals read in one statement, so a refresh committing meanwhile cannot
/// pair one copy's moment with another's totals.
pub async fn snapshot(conn: Conn<'_>, id: Uuid) -> Result<Option<TotalsSnapshot>, StorageError> {
    let rows: Vec<Joined> = rows::fetch_all(
        conn,
        "SELECT s.taken_at, s.response_count, c.question_id, c.item, c.choice, c.n \
         FROM result_snapshots s \
         LEFT JOIN result_snapshot_counts c ON c.consultation_id = s.consultation_id \
         WHERE s.consultation_id = $1 \
         ORDER BY c.question_id, c.item, c.choice",
        &[&id],
        rows::tuple,
    )
    .await?;
    let Some(&(taken_at, response_count, ..)) = rows.first() else {
        return Ok(None);
    };
    let counts = rows
        .into_iter()
        .filter_map(|(_, _, q, item, choice, n)| Some((q?, item?, choice?, n?)))
        .collect();
    Ok(Some(TotalsSnapshot {
        taken_at,
        response_count,
        counts,
    }))
}

/// When consultation `id`'s snapshot was taken and the respondents it
/// counts, without its totals.
pub async fn taken(conn: Conn<'_>, id: Uuid) -> Result<Option<(Timestamp, i64)>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT taken_at, response_count FROM result_snapshots WHERE consultation_id = $1",
        &[&id],
        rows::tuple,
    )
    .await
}

/// Takes a snapshot of consultation `id`'s running totals at `at`, in the
/// caller's transaction, replacing the one taken at `replacing` (`None`:
/// there was none). The guard is the condition on the replaced row: when
/// two readers find the same snapshot due, the second finds it replaced
/// already and copies nothing. `false` when nothing was taken (another
/// reader took it, or there is no such consultation).
///
/// On PostgreSQL the consultation's row is locked first: every change to
/// its respondent count holds that lock until it commits, so the count
/// and the totals copied next are of the same moment.
pub async fn take(
    mut conn: Conn<'_>,
    id: Uuid,
    at: Timestamp,
    replacing: Option<Timestamp>,
) -> Result<bool, StorageError> {
    if let Conn::Postgres(_) = conn {
        rows::execute(
            conn.reborrow(),
            "SELECT id FROM consultations WHERE id = $1 FOR UPDATE",
            &[&id],
        )
        .await?;
    }
    // SQLite reads `INSERT … SELECT … ON CONFLICT` only with a WHERE in the
    // SELECT, which this one has.
    let taken = rows::execute(
        conn.reborrow(),
        "INSERT INTO result_snapshots (consultation_id, taken_at, response_count) \
         SELECT id, $2, response_count FROM consultations WHERE id = $1 \
         ON CONFLICT (consultation_id) DO UPDATE SET taken_at = excluded.taken_at, \
         response_count = excluded.response_count \
         WHERE result_snapshots.taken_at = $3",
        &[&id, &at, &replacing],
    )
    .await?;
    if taken != 1 {
        return Ok(false);
    }
    rows::execute(
        conn.reborrow(),
        "DELETE FROM result_snapshot_counts WHERE consultation_id = $1",
        &[&id],
    )
    .await?;
    rows::execute(
        conn,
        "INSERT INTO result_snapshot_counts (consultation_id, question_id, item, choice, n) \
         SELECT consultation_id, question_id, item, choice, n FROM result_counts \
         WHERE consultation_id = $1 AND n <> 0",
        &[&id],
    )
    .await?;
    Ok(true)
}

/// Forgets consultation `id`'s snapshot (its results were withdrawn, or
/// are published afresh), in the caller's transaction.
pub async fn delete(mut conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM result_snapshot_counts WHERE consultation_id = $1",
        &[&id],
    )
    .await?;
    rows::execute(
        conn,
        "DELETE FROM result_snapshots WHERE consultation_id = $1",
        &[&id],
    )
    .await?;
    Ok(())
}
