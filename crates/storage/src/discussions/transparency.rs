//! What moderation did, counted by calendar month (UTC) for the public
//! transparency pages: comments posted, comments held, decisions by kind
//! and reason, and the median wait for a decision. Every figure is a
//! grouped count over an indexed time range, one query each; nothing
//! here reads rows one by one.

use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError, Timestamp};

/// The month of `column` as `YYYY-MM`, in each engine's words (SQLite
/// keeps timestamps as fixed-width RFC 3339 text).
fn month(conn: &Conn<'_>, column: &str) -> String {
    match conn {
        Conn::Sqlite(_) => format!("substr({column}, 1, 7)"),
        Conn::Postgres(_) => format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')"),
    }
}

/// Which figures: since when, and in one discussion or across the site.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub since: Timestamp,
    pub discussion: Option<Uuid>,
}

impl Scope {
    /// The filter on `time` (and the discussion, when there is one) and
    /// its parameters, `$1` and `$2`.
    fn filter(&self, time: &str) -> String {
        match self.discussion {
            Some(_) => format!("{time} >= $1 AND discussion_id = $2"),
            None => format!("{time} >= $1"),
        }
    }

    fn params(&self) -> Vec<&dyn Param<'_>> {
        let mut p: Vec<&dyn Param> = vec![&self.since];
        if let Some(d) = &self.discussion {
            p.push(d);
        }
        p
    }
}

/// Comments posted per month: (month, count).
pub async fn comments(conn: Conn<'_>, scope: &Scope) -> Result<Vec<(String, i64)>, StorageError> {
    let m = month(&conn, "created_at");
    let sql = format!(
        "SELECT {m} AS month, COUNT(*) FROM discussion_comments WHERE {} \
         GROUP BY {m} ORDER BY month",
        scope.filter("created_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}

/// Comments first held for a moderator per month: (month, count).
pub async fn held(conn: Conn<'_>, scope: &Scope) -> Result<Vec<(String, i64)>, StorageError> {
    let m = month(&conn, "held_at");
    let sql = format!(
        "SELECT {m} AS month, COUNT(*) FROM moderation_items WHERE {} \
         GROUP BY {m} ORDER BY month",
        scope.filter("held_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}

/// Decisions that the public figures count, per month, kind and reason
/// (`''` where the kind has none): hides, warnings, suspensions and
/// appeals upheld or overturned.
pub async fn decisions(
    conn: Conn<'_>,
    scope: &Scope,
) -> Result<Vec<(String, String, String, i64)>, StorageError> {
    let m = month(&conn, "created_at");
    let sql = format!(
        "SELECT {m} AS month, action, COALESCE(reason, '') AS reason, COUNT(*) \
         FROM moderation_decisions WHERE {} \
         AND action IN ('hide', 'warn', 'suspend', 'appeal_upheld', 'appeal_overturned') \
         GROUP BY {m}, action, COALESCE(reason, '') ORDER BY month, action, reason",
        scope.filter("created_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}

/// Per month, the median of how long comments waited before the
/// decision that took them out of the queue, in seconds, and how many
/// decisions that median is taken over: (month, median, decisions). The
/// median is worked out by the engine (the middle one or two of each
/// month's waits in order), so no wait leaves the database.
pub async fn median_waits(
    conn: Conn<'_>,
    scope: &Scope,
) -> Result<Vec<(String, f64, i64)>, StorageError> {
    let m = month(&conn, "created_at");
    let sql = format!(
        "SELECT month, CAST(AVG(waited_seconds) AS DOUBLE PRECISION), MAX(n) FROM ( \
           SELECT {m} AS month, waited_seconds, \
             ROW_NUMBER() OVER (PARTITION BY {m} ORDER BY waited_seconds) AS r, \
             COUNT(*) OVER (PARTITION BY {m}) AS n \
           FROM moderation_decisions WHERE {} AND waited_seconds IS NOT NULL \
         ) ranked WHERE r = (n + 1) / 2 OR r = (n + 2) / 2 GROUP BY month ORDER BY month",
        scope.filter("created_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}
