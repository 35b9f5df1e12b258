//! The moderators' queue, a page at a time: the comments waiting (their
//! items in `moderation_items`) and the statements held, together in one
//! order, each page read from where the last ended.

use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError, Timestamp};

/// Which waiting items a moderator asks for.
#[derive(Debug, Clone, Default)]
pub struct QueueQuery<'a> {
    /// A report reason's code: items reported for it.
    pub reason: Option<&'a str>,
    pub discussion: Option<Uuid>,
    /// The discussion's language.
    pub language: Option<&'a str>,
    pub held: bool,
    pub reported: bool,
    pub appealed: bool,
    pub escalated: bool,
    /// Held statements only (no comments).
    pub statements: bool,
    /// Held statements with the comments (the queue's page); without
    /// it, and without `statements`, comments only.
    pub with_statements: bool,
    /// Where the last page ended: the next starts after it.
    pub after: Option<QueueKey>,
    pub limit: i64,
}

impl QueueQuery<'_> {
    /// Whether comments' items answer these filters (not when only
    /// statements are asked for).
    fn comments(&self) -> bool {
        !self.statements
    }

    /// Whether held statements answer them: they are held, never
    /// reported, appealed or escalated.
    fn held_statements(&self) -> bool {
        (self.statements || self.with_statements)
            && self.reason.is_none()
            && !self.reported
            && !self.appealed
            && !self.escalated
    }
}

/// What waits: a comment (its queue item) or a held statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Comment,
    Statement,
}

/// A place in the queue's order (most serious, then weightiest, then
/// longest waiting, then by id): where a page ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueKey {
    pub severity: i64,
    pub weight: i64,
    pub since: Timestamp,
    pub id: Uuid,
}

/// One place in a page of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Queued {
    pub kind: Kind,
    pub key: QueueKey,
}

/// The most a queue's count counts: past it, moderators are told "more
/// than" this many. Counting every one of 50,000 waiting items took
/// longer than the rest of the page together, and past a thousand the
/// exact figure changes nothing a moderator does next.
pub const COUNTED_UP_TO: i64 = 1_000;

/// The comments' filters as SQL over `moderation_items m`, parameters
/// `$1` to `$7`. No join: the discussion's language is a lookup, so a
/// page walks the queue's index and stops at its end. `waiting = TRUE`,
/// not `waiting` alone: only an equality lets SQLite use the index's
/// first column and so its order.
const COMMENT_FILTER: &str = "m.waiting = TRUE \
     AND ($1 = '' OR EXISTS (SELECT 1 FROM discussion_reports r \
          WHERE r.comment_id = m.comment_id AND r.reason = $1)) \
     AND ($2 IS NULL OR m.discussion_id = $2) \
     AND ($3 = '' OR m.discussion_id IN (SELECT d.id FROM discussions d WHERE d.language = $3)) \
     AND (NOT $4 OR m.held) AND (NOT $5 OR m.reported) \
     AND (NOT $6 OR m.appealed) AND (NOT $7 OR m.escalated)";

/// The held statements' filters over `discussion_statements s`, the same
/// `$1` to `$7`: a statement is never reported (no reason), appealed or
/// escalated, and is held whether or not only held items are asked for.
const STATEMENT_FILTER: &str = "s.state = 'awaiting_moderation' AND $1 = '' \
     AND ($2 IS NULL OR s.discussion_id = $2) \
     AND ($3 = '' OR s.discussion_id IN (SELECT d.id FROM discussions d WHERE d.language = $3)) \
     AND ($4 OR NOT $4) AND NOT $5 AND NOT $6 AND NOT $7";

/// A page of the queue, comments and held statements together, most
/// serious first, then weightiest (reports), then longest waiting; read
/// from where the last page ended (keyset, so the thousandth page costs
/// what the first does, on the indexes in the queue's order), and how
/// many wait in all for the same filters, counted up to one more than
/// [`COUNTED_UP_TO`]. Each kind is ordered and cut to the page on its own
/// index before the two are merged, so a page never sorts the whole
/// queue.
pub async fn queue(
    mut conn: Conn<'_>,
    q: &QueueQuery<'_>,
) -> Result<(Vec<Queued>, i64), StorageError> {
    let mut parts = Vec::new();
    let mut counts = Vec::new();
    let over = COUNTED_UP_TO + 1;
    if q.comments() {
        parts.push(format!(
            "SELECT * FROM (SELECT 'comment' AS kind, m.comment_id AS id, \
             m.severity AS severity, m.weight AS weight, m.waiting_since AS since \
             FROM moderation_items m WHERE {COMMENT_FILTER} AND {} \
             ORDER BY m.severity DESC, m.weight DESC, m.waiting_since, m.comment_id LIMIT $13) c",
            keyset("m.severity", "m.weight", "m.waiting_since", "m.comment_id")
        ));
        counts.push(format!(
            "(SELECT COUNT(*) FROM (SELECT 1 FROM moderation_items m WHERE {COMMENT_FILTER} \
             LIMIT {over}) c)"
        ));
    }
    if q.held_statements() {
        parts.push(format!(
            "SELECT * FROM (SELECT 'statement' AS kind, s.id AS id, s.severity AS severity, \
             CAST(0 AS BIGINT) AS weight, s.created_at AS since \
             FROM discussion_statements s WHERE {STATEMENT_FILTER} AND {} \
             ORDER BY s.severity DESC, s.created_at, s.id LIMIT $13) s",
            // Statements carry no reports: no weight, as a whole number of
            // the width the comments' weights have (PostgreSQL decodes by it).
            keyset("s.severity", "CAST(0 AS BIGINT)", "s.created_at", "s.id")
        ));
        counts.push(format!(
            "(SELECT COUNT(*) FROM (SELECT 1 FROM discussion_statements s \
             WHERE {STATEMENT_FILTER} LIMIT {over}) s)"
        ));
    }
    if parts.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let sql = format!(
        "SELECT kind, id, severity, weight, since FROM ({}) q \
         ORDER BY severity DESC, weight DESC, since, id LIMIT $13",
        parts.join(" UNION ALL ")
    );
    let count = format!("SELECT {}", counts.join(" + "));
    let reason = q.reason.unwrap_or("");
    let language = q.language.unwrap_or("");
    let after = q.after;
    let (severity, weight, since, id) = match after {
        Some(k) => (Some(k.severity), Some(k.weight), Some(k.since), Some(k.id)),
        None => (None, None, None, None),
    };
    let first = after.is_none();
    let filters: [&dyn Param; 7] = [
        &reason,
        &q.discussion,
        &language,
        &q.held,
        &q.reported,
        &q.appealed,
        &q.escalated,
    ];
    let page: Vec<&dyn Param> = filters
        .iter()
        .copied()
        .chain([
            &first as &dyn Param,
            &severity,
            &weight,
            &since,
            &id,
            &q.limit,
        ])
        .collect();
    let items = rows::fetch_all(conn.reborrow(), &sql, &page, |r| {
        let kind: String = r.get("kind")?;
        Ok(Queued {
            kind: match kind.as_str() {
                "statement" => Kind::Statement,
                _ => Kind::Comment,
            },
            key: QueueKey {
                severity: r.get("severity")?,
                weight: r.get("weight")?,
                since: r.get("since")?,
                id: r.get("id")?,
            },
        })
    })
    .await?;
    let total: i64 = rows::fetch_one(conn, &count, &filters, rows::scalar).await?;
    Ok((items, total.min(over)))
}

/// The condition "after the page's end" on one table's columns in the
/// queue's order, parameters `$8` (no end yet: everything) to `$12`.
fn keyset(severity: &str, weight: &str, since: &str, id: &str) -> String {
    format!(
        "($8 OR {severity} < $9 OR ({severity} = $9 AND ({weight} < $10 OR ({weight} = $10 \
         AND ({since} > $11 OR ({since} = $11 AND {id} > $12))))))"
    )
}
