//! What moderation did, counted by calendar month on the site's clocks
//! for the public transparency pages: comments posted, comments held, decisions by kind
//! and reason, and the median wait for a decision. Every figure is a
//! grouped count over an indexed time range, one query each; nothing
//! here reads rows one by one.

use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError, Timestamp};

/// Which figures: the months counted, and in one discussion or across
/// the site.
#[derive(Debug, Clone)]
pub struct Scope {
    /// Each month counted (its `YYYY-MM`) with its first instant on the
    /// site's clocks, newest first: a month is the site's, not UTC's, so
    /// a comment at 11pm on the last day in London counts in that month
    /// wherever the server runs. Counting starts at the oldest.
    pub months: Vec<(String, Timestamp)>,
    pub discussion: Option<Uuid>,
}

impl Scope {
    /// The filter on `time` (and the discussion, when there is one), its
    /// parameters `$1` and `$2`.
    fn filter(&self, time: &str) -> String {
        match self.discussion {
            Some(_) => format!("{time} >= $1 AND discussion_id = $2"),
            None => format!("{time} >= $1"),
        }
    }

    /// The month `time` falls in, as a `CASE` over the months' starts
    /// (the parameters after the filter's): the same words for both
    /// engines, and a range each, which the indexes on time serve.
    fn month(&self, time: &str) -> String {
        let first = if self.discussion.is_some() { 3 } else { 2 };
        let mut sql = String::from("CASE");
        for (i, (key, _)) in self.months.iter().enumerate() {
            // Keys are made of digits and a hyphen; anything else is
            // never placed in the statement.
            let key: String = key
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            sql.push_str(&format!(" WHEN {time} >= ${} THEN '{key}'", first + i));
        }
        sql.push_str(" END");
        sql
    }

    fn params(&self) -> Vec<&dyn Param<'_>> {
        let mut p: Vec<&dyn Param> = Vec::new();
        if let Some((_, since)) = self.months.last() {
            p.push(since);
        }
        if let Some(d) = &self.discussion {
            p.push(d);
        }
        p.extend(self.months.iter().map(|(_, at)| at as &dyn Param));
        p
    }
}

/// Comments posted per month: (month, count).
pub async fn comments(conn: Conn<'_>, scope: &Scope) -> Result<Vec<(String, i64)>, StorageError> {
    if scope.months.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT month, COUNT(*) FROM (SELECT {} AS month FROM discussion_comments WHERE {}) t \
         GROUP BY month ORDER BY month",
        scope.month("created_at"),
        scope.filter("created_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}

/// Comments first held for a moderator per month: (month, count).
pub async fn held(conn: Conn<'_>, scope: &Scope) -> Result<Vec<(String, i64)>, StorageError> {
    if scope.months.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT month, COUNT(*) FROM (SELECT {} AS month FROM moderation_items WHERE {}) t \
         GROUP BY month ORDER BY month",
        scope.month("held_at"),
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
    if scope.months.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT month, action, reason, COUNT(*) FROM ( \
           SELECT {} AS month, action, COALESCE(reason, '') AS reason \
           FROM moderation_decisions WHERE {} \
           AND action IN ('hide', 'warn', 'suspend', 'appeal_upheld', 'appeal_overturned') \
         ) t GROUP BY month, action, reason ORDER BY month, action, reason",
        scope.month("created_at"),
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
    if scope.months.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT month, CAST(AVG(waited_seconds) AS DOUBLE PRECISION), MAX(n) FROM ( \
           SELECT month, waited_seconds, \
             ROW_NUMBER() OVER (PARTITION BY month ORDER BY waited_seconds) AS r, \
             COUNT(*) OVER (PARTITION BY month) AS n \
           FROM (SELECT {} AS month, waited_seconds FROM moderation_decisions \
             WHERE {} AND waited_seconds IS NOT NULL) w \
         ) ranked WHERE r = (n + 1) / 2 OR r = (n + 2) / 2 GROUP BY month ORDER BY month",
        scope.month("created_at"),
        scope.filter("created_at")
    );
    rows::fetch_all(conn, &sql, &scope.params(), rows::tuple).await
}
