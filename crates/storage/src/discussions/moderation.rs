//! The moderators' side of discussions: the queue of comments waiting
//! for a decision, the decisions, appeals, members' warnings and
//! suspensions, and the word lists screening reads.

use uuid::Uuid;

use crate::rows::{self, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

pub use super::queue::{queue, Kind, QueueKey, QueueQuery, Queued, COUNTED_UP_TO};

/// Why a comment is (or is again) waiting for a moderator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting<'a> {
    pub comment_id: Uuid,
    pub discussion_id: Uuid,
    pub severity: i64,
    /// The reports' weight as it stands (not added to what was there).
    pub weight: i64,
    pub held: bool,
    pub reported: bool,
    pub appealed: bool,
    /// Screening's reasons, one per line.
    pub reasons: &'a str,
    pub at: Timestamp,
}

/// Puts a comment in the queue, or raises it there: the more serious
/// severity stands, the weight is replaced, each flag once set stays set
/// until decided, and reasons are added to.
pub async fn wait(conn: Conn<'_>, w: &Waiting<'_>) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO moderation_items (comment_id, discussion_id, waiting, severity, weight, held, \
         reported, appealed, escalated, reasons, waiting_since, held_at) \
         VALUES ($1, $2, TRUE, $3, $4, $5, $6, $7, FALSE, $8, $9, CASE WHEN $5 THEN $9 END) \
         ON CONFLICT (comment_id) DO UPDATE SET \
         held_at = COALESCE(moderation_items.held_at, excluded.held_at), \
         severity = CASE WHEN moderation_items.waiting AND moderation_items.severity > excluded.severity \
           THEN moderation_items.severity ELSE excluded.severity END, \
         weight = excluded.weight, \
         held = (moderation_items.waiting AND moderation_items.held) OR excluded.held, \
         reported = (moderation_items.waiting AND moderation_items.reported) OR excluded.reported, \
         appealed = (moderation_items.waiting AND moderation_items.appealed) OR excluded.appealed, \
         reasons = CASE WHEN moderation_items.reasons = '' OR NOT moderation_items.waiting \
           THEN excluded.reasons WHEN excluded.reasons = '' THEN moderation_items.reasons \
           ELSE moderation_items.reasons || '\n' || excluded.reasons END, \
         waiting_since = CASE WHEN moderation_items.waiting THEN moderation_items.waiting_since \
           ELSE excluded.waiting_since END, \
         waiting = TRUE, decided_at = NULL",
        &[
            &w.comment_id,
            &w.discussion_id,
            &w.severity,
            &w.weight,
            &w.held,
            &w.reported,
            &w.appealed,
            &w.reasons,
            &w.at,
        ],
    )
    .await?;
    Ok(())
}

/// Takes a comment out of the queue once decided; an escalated one stays,
/// marked for a senior moderator.
pub async fn decided(
    conn: Conn<'_>,
    comment: Uuid,
    at: Timestamp,
    escalated: bool,
) -> Result<(), StorageError> {
    let sql = if escalated {
        "UPDATE moderation_items SET escalated = TRUE WHERE comment_id = $1 AND $2 = $2"
    } else {
        "UPDATE moderation_items SET waiting = FALSE, escalated = FALSE, held = FALSE, \
         reported = FALSE, appealed = FALSE, decided_at = $2 WHERE comment_id = $1"
    };
    rows::execute(conn, sql, &[&comment, &at]).await?;
    Ok(())
}

/// One waiting item, as the queue lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub comment_id: Uuid,
    /// Still waiting for a decision (an item stays once decided).
    pub waiting: bool,
    pub discussion_id: Uuid,
    pub discussion_title: String,
    pub severity: i64,
    pub weight: i64,
    pub held: bool,
    pub reported: bool,
    pub appealed: bool,
    pub escalated: bool,
    pub reasons: Vec<String>,
    pub waiting_since: Timestamp,
}

fn item(r: &Row) -> Result<Item, sqlx::Error> {
    let reasons: String = r.get("reasons")?;
    Ok(Item {
        comment_id: r.get("comment_id")?,
        waiting: r.get("waiting")?,
        discussion_id: r.get("discussion_id")?,
        discussion_title: r.get("title")?,
        severity: r.get("severity")?,
        weight: r.get("weight")?,
        held: r.get("held")?,
        reported: r.get("reported")?,
        appealed: r.get("appealed")?,
        escalated: r.get("escalated")?,
        reasons: reasons.lines().map(str::to_owned).collect(),
        waiting_since: r.get("waiting_since")?,
    })
}

/// A queue item with its comment, when an action outside the platform
/// was last recorded for it and the newest reporter's note: what a card of the queue shows
/// before the comment's thread, reports and author's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub item: Item,
    pub comment: cohesion_domain::discussion::record::Comment,
    pub outside_at: Option<Timestamp>,
    /// The newest note a reporter wrote with a report, if any.
    pub report_note: Option<String>,
    /// Its reports: how many of each reason code, most first.
    pub reports: Vec<(String, i64)>,
    /// Its author's record, as [`histories`] reads it (none for a
    /// comment without an author's account).
    pub author: (i64, i64, i64),
}

/// The queue items of these comments (those that have one), each with
/// its comment and last outside action, in one query for a page of the
/// queue.
pub async fn find_listed(conn: Conn<'_>, comments: &[Uuid]) -> Result<Vec<Listed>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {}, m.comment_id, m.waiting, d.title, m.severity, m.weight, m.held, \
         m.reported, m.appealed, m.escalated, m.reasons, m.waiting_since, \
         (SELECT MAX(x.created_at) FROM moderation_decisions x \
          WHERE x.comment_id = m.comment_id AND x.action = 'outside_action') AS outside_at, \
         (SELECT r.note FROM discussion_reports r WHERE r.comment_id = m.comment_id \
          AND r.note IS NOT NULL AND r.note <> '' ORDER BY r.created_at DESC LIMIT 1) \
         AS report_note, \
         (SELECT {} FROM discussion_reports r WHERE r.comment_id = m.comment_id) AS report_reasons, \
         (SELECT COUNT(*) FROM discussion_comments h WHERE h.author_id = c.author_id) \
         AS author_comments, \
         (SELECT COUNT(*) FROM discussion_comments h WHERE h.author_id = c.author_id \
          AND h.state = 'hidden') AS author_hidden, \
         (SELECT COUNT(*) FROM member_sanctions s WHERE s.user_id = c.author_id \
          AND s.lifted_at IS NULL) AS author_sanctions \
         FROM moderation_items m JOIN discussions d ON d.id = m.discussion_id \
         JOIN discussion_comments c ON c.id = m.comment_id WHERE {}",
        super::comments::COLUMNS,
        joined_reasons(&conn),
        rows::in_ids(&conn, "m.comment_id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(comments)], |r| {
        Ok(Listed {
            item: item(r)?,
            comment: super::comments::record(r)?,
            outside_at: r.get("outside_at")?,
            report_note: r.get("report_note")?,
            reports: counted(r.get::<Option<String>>("report_reasons")?),
            author: (
                r.get("author_comments")?,
                r.get("author_hidden")?,
                r.get("author_sanctions")?,
            ),
        })
    })
    .await
}

/// The reason codes of a comment's reports, joined by commas (one per
/// report): read with its item rather than in a query of their own.
fn joined_reasons(conn: &Conn<'_>) -> &'static str {
    match conn {
        Conn::Sqlite(_) => "group_concat(r.reason, ',')",
        Conn::Postgres(_) => "string_agg(r.reason, ',')",
    }
}

/// [`joined_reasons`] as (reason, count), most first, then by code (as
/// [`report_counts`] orders them).
fn counted(joined: Option<String>) -> Vec<(String, i64)> {
    let mut counts: Vec<(String, i64)> = Vec::new();
    for reason in joined.iter().flat_map(|j| j.split(',')) {
        match counts.iter_mut().find(|(r, _)| r == reason) {
            Some((_, n)) => *n += 1,
            None => counts.push((reason.to_owned(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// The queue item of one comment, waiting or not.
pub async fn find_item(conn: Conn<'_>, comment: Uuid) -> Result<Option<Item>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT m.comment_id, m.waiting, m.discussion_id, d.title, m.severity, m.weight, m.held, m.reported, \
         m.appealed, m.escalated, m.reasons, m.waiting_since \
         FROM moderation_items m JOIN discussions d ON d.id = m.discussion_id \
         WHERE m.comment_id = $1",
        &[&comment],
        item,
    )
    .await
}

/// How many reports of each reason each of `comments` has: (comment,
/// reason code, count).
pub async fn report_counts(
    conn: Conn<'_>,
    comments: &[Uuid],
) -> Result<Vec<(Uuid, String, i64)>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT comment_id, reason, COUNT(*) FROM discussion_reports WHERE {} \
         GROUP BY comment_id, reason ORDER BY comment_id, COUNT(*) DESC, reason",
        rows::in_ids(&conn, "comment_id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(comments)], rows::tuple).await
}

/// When the step outside the platform was last recorded for each of
/// `comments` that has one: (comment, when).
pub async fn outside_actions(
    conn: Conn<'_>,
    comments: &[Uuid],
) -> Result<Vec<(Uuid, Timestamp)>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT comment_id, MAX(created_at) FROM moderation_decisions \
         WHERE action = 'outside_action' AND {} GROUP BY comment_id",
        rows::in_ids(&conn, "comment_id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(comments)], rows::tuple).await
}

/// A comment's reports as their weight needs them: when each was made,
/// the reason, and when the reporter's account was made (`None` once it
/// was erased).
pub async fn reports_of(
    conn: Conn<'_>,
    comment: Uuid,
) -> Result<Vec<(Timestamp, String, Option<Timestamp>)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT r.created_at, r.reason, u.created_at FROM discussion_reports r \
         LEFT JOIN users u ON u.id = r.reporter_id WHERE r.comment_id = $1 ORDER BY r.created_at",
        &[&comment],
        rows::tuple,
    )
    .await
}

/// Each of `authors`' record in discussions: (author, comments posted,
/// comments hidden, warnings and suspensions received).
pub async fn histories(
    conn: Conn<'_>,
    authors: &[Uuid],
) -> Result<Vec<(Uuid, i64, i64, i64)>, StorageError> {
    if authors.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT u.id, \
         (SELECT COUNT(*) FROM discussion_comments c WHERE c.author_id = u.id), \
         (SELECT COUNT(*) FROM discussion_comments c WHERE c.author_id = u.id AND c.state = 'hidden'), \
         (SELECT COUNT(*) FROM member_sanctions s WHERE s.user_id = u.id AND s.lifted_at IS NULL) \
         FROM users u WHERE {}",
        rows::in_ids(&conn, "u.id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(authors)], rows::tuple).await
}

/// One decision, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRecord {
    pub id: Uuid,
    pub comment_id: Uuid,
    pub moderator_id: Option<Uuid>,
    pub action: String,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub created_at: Timestamp,
}

fn decision(r: &Row) -> Result<DecisionRecord, sqlx::Error> {
    Ok(DecisionRecord {
        id: r.get("id")?,
        comment_id: r.get("comment_id")?,
        moderator_id: r.get("moderator_id")?,
        action: r.get("action")?,
        reason: r.get("reason")?,
        note: r.get("note")?,
        created_at: r.get("created_at")?,
    })
}

/// A decision to record: on which comment in which discussion, by whom,
/// what (`action`, with a hide's public `reason`), the moderator's note,
/// and how long the comment had waited when it was decided (`None` when
/// the decision took nothing out of the queue).
#[derive(Debug, Clone, Copy)]
pub struct NewDecision<'a> {
    pub comment: Uuid,
    pub discussion: Uuid,
    pub moderator: Uuid,
    pub action: &'a str,
    pub reason: Option<&'a str>,
    pub note: Option<&'a str>,
    pub waited_seconds: Option<i64>,
    pub at: Timestamp,
}

pub async fn record_decision(conn: Conn<'_>, d: &NewDecision<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO moderation_decisions (id, comment_id, discussion_id, moderator_id, action, \
         reason, note, waited_seconds, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &id,
            &d.comment,
            &d.discussion,
            &d.moderator,
            &d.action,
            &d.reason,
            &d.note,
            &d.waited_seconds,
            &d.at,
        ],
    )
    .await?;
    Ok(id)
}

/// A comment's decisions, oldest first.
pub async fn decisions(conn: Conn<'_>, comment: Uuid) -> Result<Vec<DecisionRecord>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, comment_id, moderator_id, action, reason, note, created_at \
         FROM moderation_decisions WHERE comment_id = $1 ORDER BY created_at, id",
        &[&comment],
        decision,
    )
    .await
}

/// An appeal, as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Appeal {
    pub comment_id: Uuid,
    pub decision_id: Uuid,
    pub text: String,
    pub created_at: Timestamp,
    pub decided_by: Option<Uuid>,
    pub outcome: Option<String>,
    /// When it was decided.
    pub decided_at: Option<Timestamp>,
    /// What the moderator who decided it wrote to the member, if anything.
    pub decision_note: Option<String>,
}

fn appeal_row(r: &Row) -> Result<Appeal, sqlx::Error> {
    Ok(Appeal {
        comment_id: r.get("comment_id")?,
        decision_id: r.get("decision_id")?,
        text: r.get("text")?,
        created_at: r.get("created_at")?,
        decided_by: r.get("decided_by")?,
        outcome: r.get("outcome")?,
        decided_at: r.get("decided_at")?,
        decision_note: r.get("decision_note")?,
    })
}

/// An appeal's columns, with the note of the decision that decided it.
const APPEAL_COLUMNS: &str = "a.comment_id, a.decision_id, a.text, a.created_at, a.decided_by, \
     a.outcome, a.decided_at, (SELECT m.note FROM moderation_decisions m \
     WHERE m.comment_id = a.comment_id AND m.action IN ('appeal_upheld', 'appeal_overturned') \
     ORDER BY m.created_at DESC LIMIT 1) AS decision_note";

/// Records an appeal; `false` if the comment was already appealed.
pub async fn appeal(
    conn: Conn<'_>,
    comment: Uuid,
    decision: Uuid,
    author: Uuid,
    text: &str,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO moderation_appeals (comment_id, decision_id, author_id, text, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        &[&comment, &decision, &author, &text, &at],
    )
    .await?;
    Ok(n == 1)
}

/// The warnings and suspensions given for `comment` that were lifted
/// since (an appeal overturned): when each was given, and when lifted.
pub async fn lifted_sanctions(
    conn: Conn<'_>,
    comment: Uuid,
) -> Result<Vec<(Timestamp, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT created_at, lifted_at FROM member_sanctions \
         WHERE comment_id = $1 AND lifted_at IS NOT NULL",
        &[&comment],
        |r| Ok((r.get("created_at")?, r.get("lifted_at")?)),
    )
    .await
}

/// The warnings and suspensions given for `comment`: when each was
/// given (the instant of its decision) and, for a suspension, when it
/// ends.
pub async fn sanctions_for(
    conn: Conn<'_>,
    comment: Uuid,
) -> Result<Vec<(Timestamp, Option<Timestamp>)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT created_at, until FROM member_sanctions WHERE comment_id = $1",
        &[&comment],
        |r| Ok((r.get("created_at")?, r.get("until")?)),
    )
    .await
}

/// Of `comments`, those `author` appealed, with when, and how and when
/// each appeal was decided: their comments then say where the appeal
/// stands rather than offer another.
pub async fn appealed_among(
    conn: Conn<'_>,
    author: Uuid,
    comments: &[Uuid],
) -> Result<Vec<(Uuid, AppealMark)>, StorageError> {
    if comments.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT comment_id, created_at, outcome, decided_at FROM moderation_appeals \
         WHERE author_id = $1 AND {}",
        rows::in_ids(&conn, "comment_id", 2)
    );
    rows::fetch_all(conn, &sql, &[&author, &rows::Ids(comments)], |r| {
        Ok((
            r.get("comment_id")?,
            AppealMark {
                at: r.get("created_at")?,
                outcome: r.get("outcome")?,
                decided_at: r.get("decided_at")?,
            },
        ))
    })
    .await
}

/// Where an author's appeal stands, as their comment says it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppealMark {
    /// When it was sent.
    pub at: Timestamp,
    /// `upheld` or `overturned` once decided.
    pub outcome: Option<String>,
    pub decided_at: Option<Timestamp>,
}

pub async fn find_appeal(conn: Conn<'_>, comment: Uuid) -> Result<Option<Appeal>, StorageError> {
    let sql = format!("SELECT {APPEAL_COLUMNS} FROM moderation_appeals a WHERE a.comment_id = $1");
    rows::fetch_optional(conn, &sql, &[&comment], appeal_row).await
}

/// `author`'s appeals, newest first, at most `limit`: for "your data".
pub async fn appeals_of(
    conn: Conn<'_>,
    author: Uuid,
    limit: i64,
) -> Result<Vec<Appeal>, StorageError> {
    let sql = format!(
        "SELECT {APPEAL_COLUMNS} FROM moderation_appeals a WHERE a.author_id = $1 \
         ORDER BY a.created_at DESC, a.comment_id LIMIT $2"
    );
    rows::fetch_all(conn, &sql, &[&author, &limit], appeal_row).await
}

/// Decides an appeal still open; `false` if it was already decided.
pub async fn decide_appeal(
    conn: Conn<'_>,
    comment: Uuid,
    moderator: Uuid,
    outcome: &str,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE moderation_appeals SET decided_by = $1, outcome = $2, decided_at = $3 \
         WHERE comment_id = $4 AND outcome IS NULL",
        &[&moderator, &outcome, &at, &comment],
    )
    .await?;
    Ok(n == 1)
}

/// Records a warning (`until` None) or a suspension.
#[allow(clippy::too_many_arguments)]
pub async fn sanction(
    conn: Conn<'_>,
    user: Uuid,
    kind: &str,
    until: Option<Timestamp>,
    comment: Uuid,
    note: &str,
    by: Uuid,
    at: Timestamp,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO member_sanctions (id, user_id, kind, until, comment_id, note, decided_by, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[&new_id(), &user, &kind, &until, &comment, &note, &by, &at],
    )
    .await?;
    Ok(())
}

/// Withdraws the warnings and suspensions given for `comment` (an
/// appeal against its decisions was overturned): they stay on record,
/// marked lifted, and no longer count or bar.
pub async fn lift_sanctions(
    conn: Conn<'_>,
    comment: Uuid,
    at: Timestamp,
) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "UPDATE member_sanctions SET lifted_at = $2 WHERE comment_id = $1 AND lifted_at IS NULL",
        &[&comment, &at],
    )
    .await
}

/// A warning or suspension a member was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Sanction {
    /// `warning` or `suspension`.
    pub kind: String,
    /// When a suspension ends.
    pub until: Option<Timestamp>,
    /// The comment it was given for.
    pub comment_id: Option<Uuid>,
    pub created_at: Timestamp,
    /// When an overturned appeal withdrew it.
    pub lifted_at: Option<Timestamp>,
}

/// `user`'s warnings and suspensions, lifted ones included, newest
/// first, at most `limit`.
pub async fn sanctions_of(
    conn: Conn<'_>,
    user: Uuid,
    limit: i64,
) -> Result<Vec<Sanction>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT kind, until, comment_id, created_at, lifted_at FROM member_sanctions \
         WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2",
        &[&user, &limit],
        |r| {
            Ok(Sanction {
                kind: r.get("kind")?,
                until: r.get("until")?,
                comment_id: r.get("comment_id")?,
                created_at: r.get("created_at")?,
                lifted_at: r.get("lifted_at")?,
            })
        },
    )
    .await
}

/// Until when `user` may not comment, if a suspension runs at `now`
/// (and was not lifted).
pub async fn suspended_until(
    conn: Conn<'_>,
    user: Uuid,
    now: Timestamp,
) -> Result<Option<Timestamp>, StorageError> {
    let until: Option<Option<Timestamp>> = rows::fetch_optional(
        conn,
        "SELECT MAX(until) FROM member_sanctions WHERE user_id = $1 AND kind = 'suspension' \
         AND until > $2 AND lifted_at IS NULL",
        &[&user, &now],
        rows::scalar,
    )
    .await?;
    Ok(until.flatten())
}

/// Every entry of the word lists: (language, entry), in order.
pub async fn words(conn: Conn<'_>) -> Result<Vec<(String, String)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT language, entry FROM moderation_words ORDER BY language, entry",
        &[],
        rows::tuple,
    )
    .await
}

/// Adds an entry; `false` if it was there.
pub async fn add_word(
    conn: Conn<'_>,
    language: &str,
    entry: &str,
    by: Uuid,
    at: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO moderation_words (language, entry, added_by, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        &[&language, &entry, &by, &at],
    )
    .await?;
    Ok(n == 1)
}

/// Removes an entry; `false` if it was not there.
pub async fn remove_word(
    conn: Conn<'_>,
    language: &str,
    entry: &str,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "DELETE FROM moderation_words WHERE language = $1 AND entry = $2",
        &[&language, &entry],
    )
    .await?;
    Ok(n == 1)
}

/// Lets go of an erased account's appeals (kept, without the name; with
/// `remove`, without their text too) and of its warnings and
/// suspensions, which go with it.
pub async fn erase_person(
    mut conn: Conn<'_>,
    user: Uuid,
    remove: bool,
) -> Result<(), StorageError> {
    let sql = if remove {
        "UPDATE moderation_appeals SET author_id = NULL, text = '' WHERE author_id = $1"
    } else {
        "UPDATE moderation_appeals SET author_id = NULL WHERE author_id = $1"
    };
    rows::execute(conn.reborrow(), sql, &[&user]).await?;
    rows::execute(
        conn,
        "DELETE FROM member_sanctions WHERE user_id = $1",
        &[&user],
    )
    .await?;
    Ok(())
}
