//! Reports counted by area, kind and week: written with each report, kept
//! when texts are deleted.

use crate::rows;
use crate::{Conn, StorageError};

/// One count: area key, kind key, week (Monday, YYYY-MM-DD), reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRow {
    pub area: String,
    pub kind: String,
    pub week: String,
    pub reports: i64,
}

/// The most rows one period may have: weeks × kinds × areas.
const MOST_ROWS: i64 = 50_000;

/// Adds one report to its count.
pub async fn add(conn: Conn<'_>, area: &str, kind: &str, week: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO tension_counts (area, kind, week, reports) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (area, kind, week) DO UPDATE SET reports = tension_counts.reports + 1",
        &[&area, &kind, &week],
    )
    .await?;
    Ok(())
}

/// The counts of the weeks from `first` to `last` (Mondays), inclusive.
pub async fn between(
    conn: Conn<'_>,
    first: &str,
    last: &str,
) -> Result<Vec<CountRow>, StorageError> {
    let sql = format!(
        "SELECT area, kind, week, reports FROM tension_counts \
         WHERE week >= $1 AND week <= $2 ORDER BY week, area, kind {}",
        rows::limit(MOST_ROWS)
    );
    rows::fetch_all(conn, &sql, &[&first, &last], |r| {
        Ok(CountRow {
            area: r.get("area")?,
            kind: r.get("kind")?,
            week: r.get("week")?,
            reports: r.get("reports")?,
        })
    })
    .await
}
