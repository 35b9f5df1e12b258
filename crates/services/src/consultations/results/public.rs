//! The totals a viewer's figures come from (ADR 30). Analysts read the
//! running totals as they stand. Everyone else reads, while the
//! consultation is open, a snapshot of them, taken when they are first
//! needed and refreshed as the figures are read, once a day has passed
//! and enough have responded since, so that two readings never differ by
//! one person's answers; once it has closed, the running totals.

use std::collections::HashMap;

use cohesion_domain::analysis::snapshot::{refresh_due, PublicFigures, Taken, REFRESH_INTERVAL};
use cohesion_domain::consultation::Consultation;
use cohesion_domain::timestamp::Timestamp;
use cohesion_storage::consultations::{totals, totals_snapshots};
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use crate::ServiceError;

/// The running totals of a consultation by question: (item, choice) → n.
pub(crate) type Totals = HashMap<String, HashMap<(i64, i64), u64>>;

/// Totals rows (question, item, choice, n) by question.
fn by_question(rows: Vec<(String, i64, i64, i64)>) -> Totals {
    let mut out = Totals::new();
    for (q, item, choice, n) in rows {
        out.entry(q)
            .or_default()
            .insert((item, choice), n.max(0) as u64);
    }
    out
}

/// The running totals as they stand.
pub(crate) async fn live_totals(conn: Conn<'_>, id: Uuid) -> Result<Totals, ServiceError> {
    Ok(by_question(totals::counts(conn, id).await?))
}

/// A snapshot's moment and the respondents it counts, as pages say it.
pub type AsOf = Taken;

/// Whether the public sees consultation `c`'s running totals as they
/// stand now (it is not open), rather than a snapshot.
pub(crate) fn public_sees_live(c: &Consultation) -> bool {
    PublicFigures::of(c.status(Timestamp::now())) == PublicFigures::Live
}

/// The totals the public sees of consultation `c` now, and the snapshot
/// they are from (`None`: the running totals, as it is not open). Takes
/// a snapshot when none was taken or the last one is due for a refresh
/// (`min_new`: the smallest count shown); the copy is made in its own
/// transaction, guarded so that readers arriving together copy once.
pub(crate) async fn public_totals(
    db: &Db,
    c: &Consultation,
    min_new: u64,
) -> Result<(Totals, Option<AsOf>), ServiceError> {
    let now = Timestamp::now();
    let mut conn = db.acquire().await?;
    if PublicFigures::of(c.status(now)) == PublicFigures::Live {
        return Ok((live_totals(conn.conn(), c.id).await?, None));
    }
    let mut snapshot = totals_snapshots::snapshot(conn.conn(), c.id).await?;
    let last = snapshot.as_ref().map(|s| Taken {
        at: s.taken_at.into(),
        responses: s.response_count,
    });
    if refresh_due(last, now, c.response_count, min_new, REFRESH_INTERVAL) {
        drop(conn);
        let mut tx = db.begin().await?;
        let replacing = snapshot.as_ref().map(|s| s.taken_at);
        totals_snapshots::take(tx.conn(), c.id, now.into(), replacing).await?;
        tx.commit().await?;
        // What was taken, by this reader or by one that came first.
        let mut conn = db.acquire().await?;
        snapshot = totals_snapshots::snapshot(conn.conn(), c.id).await?;
    }
    let snapshot = snapshot.ok_or(ServiceError::NotFound)?;
    let as_of = Taken {
        at: snapshot.taken_at.into(),
        responses: snapshot.response_count,
    };
    Ok((by_question(snapshot.counts), Some(as_of)))
}

/// What the public sees of consultation `c` while it is open, for staff
/// reading the running totals: the last snapshot, if one was taken
/// (reading it refreshes nothing).
pub(crate) async fn public_as_of(
    conn: Conn<'_>,
    c: &Consultation,
) -> Result<Option<AsOf>, ServiceError> {
    if public_sees_live(c) {
        return Ok(None);
    }
    Ok(totals_snapshots::taken(conn, c.id)
        .await?
        .map(|(at, responses)| Taken {
            at: at.into(),
            responses,
        }))
}

/// Replaces consultation `id`'s snapshot with one taken now, in the
/// caller's transaction: its results are being published.
pub(crate) async fn take_fresh(mut conn: Conn<'_>, id: Uuid) -> Result<(), ServiceError> {
    totals_snapshots::delete(conn.reborrow(), id).await?;
    totals_snapshots::take(conn, id, Timestamp::now().into(), None).await?;
    Ok(())
}

/// Forgets consultation `id`'s snapshot, in the caller's transaction:
/// its results are withdrawn.
pub(crate) async fn forget(conn: Conn<'_>, id: Uuid) -> Result<(), ServiceError> {
    Ok(totals_snapshots::delete(conn, id).await?)
}
