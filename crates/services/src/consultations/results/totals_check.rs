//! Checking the running totals (and the respondent count) against a
//! full recount from the stored answers.

use std::collections::HashMap;

use cohesion_storage::consultations::{catalogue, totals};
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use crate::ServiceError;

/// Checks the running totals against a full recount from the answers:
/// the differences, empty when they agree.
pub async fn verify_totals(
    db: &Db,
    id: Uuid,
) -> Result<Vec<(String, i64, i64, i64, i64)>, ServiceError> {
    let mut snapshot = db.snapshot().await?;
    Ok(differences(snapshot.conn(), id).await?.1)
}

/// The number of running totals, and how they differ from a recount.
async fn differences(
    mut conn: Conn<'_>,
    id: Uuid,
) -> Result<(usize, Vec<(String, i64, i64, i64, i64)>), ServiceError> {
    let running: HashMap<(String, i64, i64), i64> = totals::counts(conn.reborrow(), id)
        .await?
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect();
    let recount: HashMap<(String, i64, i64), i64> = totals::recount(conn, id)
        .await?
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect();
    let mut diffs = Vec::new();
    for (k, n) in &recount {
        let r = running.get(k).copied().unwrap_or(0);
        if r != *n {
            diffs.push((k.0.clone(), k.1, k.2, r, *n));
        }
    }
    for (k, r) in &running {
        // Matrix row bases are running-only; skip them here.
        if k.1 >= 0 && k.2 == -1 {
            continue;
        }
        if !recount.contains_key(k) && *r != 0 {
            diffs.push((k.0.clone(), k.1, k.2, *r, 0));
        }
    }
    diffs.sort();
    Ok((running.len(), diffs))
}

/// A consultation's running figures against the same figures counted
/// afresh: what an operator runs to show the totals can be trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsCheck {
    /// "N people have responded", as kept with each submission.
    pub responses_running: i64,
    /// The same, counted from the responses.
    pub responses_counted: i64,
    /// How many running totals were checked.
    pub totals_checked: usize,
    /// As [`verify_totals`] gives them: empty when they agree.
    pub differences: Vec<(String, i64, i64, i64, i64)>,
}

impl TotalsCheck {
    pub fn agrees(&self) -> bool {
        self.responses_running == self.responses_counted && self.differences.is_empty()
    }
}

/// Checks a consultation's response count and running totals against a
/// full count from what is stored, all read at one moment, so that
/// responses arriving meanwhile cannot show as differences.
pub async fn check_totals(db: &Db, id: Uuid) -> Result<TotalsCheck, ServiceError> {
    let mut snapshot = db.snapshot().await?;
    let (record, _) = catalogue::find(snapshot.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let counted = totals::submitted_count(snapshot.conn(), id).await?;
    let (checked, differences) = differences(snapshot.conn(), id).await?;
    Ok(TotalsCheck {
        responses_running: record.response_count,
        responses_counted: counted,
        totals_checked: checked,
        differences,
    })
}
