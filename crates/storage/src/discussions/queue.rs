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

/// A statement's parameters, numbered as they are added.
struct Args<'p>(Vec<&'p dyn Param<'p>>);

impl<'p> Args<'p> {
    fn add(&mut self, p: &'p dyn Param<'p>) -> String {
        self.0.push(p);
        format!("${}", self.0.len())
    }
}

/// The filters in force as SQL over `moderation_items m` (comments) and
/// over `discussion_statements s` (held statements), their values added
/// to `args`. Only the filters asked for are written: a filter written
/// as "no value, or a match" made PostgreSQL plan the statement afresh
/// on every call, which cost more than reading the page. No join: the
/// discussion's language is a lookup, so a page walks the queue's index
/// and stops at its end. `waiting = TRUE`, not `waiting` alone: only an
/// equality lets SQLite use the index's first column and so its order.
/// A statement is never reported (no reason), appealed or escalated,
/// and is held whether or not only held items are asked for.
fn filters<'p>(q: &'p QueueQuery<'p>, args: &mut Args<'p>) -> (String, String) {
    let mut comment = vec!["m.waiting = TRUE".to_owned()];
    let mut statement = vec!["s.state = 'awaiting_moderation'".to_owned()];
    if let Some(reason) = &q.reason {
        comment.push(format!(
            "EXISTS (SELECT 1 FROM discussion_reports r \
             WHERE r.comment_id = m.comment_id AND r.reason = {})",
            args.add(reason)
        ));
    }
    if let Some(d) = &q.discussion {
        let d = args.add(d);
        comment.push(format!("m.discussion_id = {d}"));
        statement.push(format!("s.discussion_id = {d}"));
    }
    if let Some(language) = q.language.as_ref().filter(|l| !l.is_empty()) {
        let l = args.add(language);
        let of = format!("(SELECT d.id FROM discussions d WHERE d.language = {l})");
        comment.push(format!("m.discussion_id IN {of}"));
        statement.push(format!("s.discussion_id IN {of}"));
    }
    for (asked, flag) in [
        (q.held, "m.held"),
        (q.reported, "m.reported"),
        (q.appealed, "m.appealed"),
        (q.escalated, "m.escalated"),
    ] {
        if asked {
            comment.push(flag.to_owned());
        }
    }
    (comment.join(" AND "), statement.join(" AND "))
}

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
    if !q.comments() && !q.held_statements() {
        return Ok((Vec::new(), 0));
    }
    let key = q.after.map(|k| (k.severity, k.weight, k.since, k.id));

    let mut args = Args(Vec::new());
    let (comment, statement) = filters(q, &mut args);
    let after = key.as_ref().map(|(severity, weight, since, id)| {
        [
            args.add(severity),
            args.add(weight),
            args.add(since),
            args.add(id),
        ]
    });
    let limit = rows::limit(q.limit);
    let keyset = |columns: [&str; 4]| match &after {
        Some(at) => keyset(columns, at),
        None => "TRUE".to_owned(),
    };
    let mut parts = Vec::new();
    if q.comments() {
        parts.push(format!(
            "SELECT * FROM (SELECT 'comment' AS kind, m.comment_id AS id, \
             m.severity AS severity, m.weight AS weight, m.waiting_since AS since \
             FROM moderation_items m WHERE {comment} AND {} \
             ORDER BY m.severity DESC, m.weight DESC, m.waiting_since, m.comment_id \
             {limit}) c",
            keyset(["m.severity", "m.weight", "m.waiting_since", "m.comment_id"])
        ));
    }
    if q.held_statements() {
        parts.push(format!(
            "SELECT * FROM (SELECT 'statement' AS kind, s.id AS id, s.severity AS severity, \
             CAST(0 AS BIGINT) AS weight, s.created_at AS since \
             FROM discussion_statements s WHERE {statement} AND {} \
             ORDER BY s.severity DESC, s.created_at, s.id {limit}) s",
            // Statements carry no reports: no weight, as a whole number of
            // the width the comments' weights have (PostgreSQL decodes by it).
            keyset(["s.severity", "CAST(0 AS BIGINT)", "s.created_at", "s.id"])
        ));
    }
    // How many wait in all rides with the page, computed once for the
    // statement (one round trip fewer on every page); a page past the
    // end has no row to carry it and counts apart.
    let count = counting(q, &comment, &statement);
    let sql = format!(
        "SELECT kind, id, severity, weight, since, ({count}) AS total FROM ({}) q \
         ORDER BY severity DESC, weight DESC, since, id {limit}",
        parts.join(" UNION ALL ")
    );
    let page = rows::fetch_all(conn.reborrow(), &sql, &args.0, |r| {
        let kind: String = r.get("kind")?;
        Ok((
            Queued {
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
            },
            r.get::<i64>("total")?,
        ))
    })
    .await?;
    let mut total = page.first().map_or(0, |(_, all)| *all);
    let items: Vec<Queued> = page.into_iter().map(|(queued, _)| queued).collect();
    if items.is_empty() && q.after.is_some() {
        let mut args = Args(Vec::new());
        let (comment, statement) = filters(q, &mut args);
        let count = format!("SELECT {}", counting(q, &comment, &statement));
        total = rows::fetch_one(conn, &count, &args.0, rows::scalar).await?;
    }
    Ok((items, total.min(COUNTED_UP_TO + 1)))
}

/// How many wait for the filters `comment` and `statement` (as
/// [`filters`] wrote them), counted up to one more than
/// [`COUNTED_UP_TO`] of each kind: an expression.
fn counting(q: &QueueQuery<'_>, comment: &str, statement: &str) -> String {
    let over = COUNTED_UP_TO + 1;
    let mut counts = Vec::new();
    if q.comments() {
        counts.push(format!(
            "(SELECT COUNT(*) FROM (SELECT 1 FROM moderation_items m WHERE {comment} \
             LIMIT {over}) c)"
        ));
    }
    if q.held_statements() {
        counts.push(format!(
            "(SELECT COUNT(*) FROM (SELECT 1 FROM discussion_statements s \
             WHERE {statement} LIMIT {over}) s)"
        ));
    }
    counts.join(" + ")
}

/// The condition "after the page's end" on one table's columns in the
/// queue's order (severity, weight, since, id), the end's values being
/// the parameters `at`.
fn keyset([severity, weight, since, id]: [&str; 4], [s, w, t, i]: &[String; 4]) -> String {
    format!(
        "({severity} < {s} OR ({severity} = {s} AND ({weight} < {w} OR ({weight} = {w} \
         AND ({since} > {t} OR ({since} = {t} AND {id} > {i}))))))"
    )
}
