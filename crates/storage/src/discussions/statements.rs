//! Opinion voting: a discussion's statements stage, its statements
//! (numbered within the discussion, as a Pol.is export needs), the votes
//! on them (one per person per statement, a later vote replacing it),
//! and the opinion map the background job keeps, claimed through a lease
//! in the database so that two servers never both compute one.

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::status_at;
use cohesion_domain::discussion::statements::State;
use uuid::Uuid;

use crate::rows::{self, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

/// A statement as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: Uuid,
    pub discussion_id: Uuid,
    /// 0, 1, 2… within the discussion.
    pub number: i64,
    pub author_id: Option<Uuid>,
    pub body: String,
    pub state: State,
    /// Why it was held, one reason per line.
    pub reasons: String,
    pub created_at: Timestamp,
}

const COLUMNS: &str = "id, discussion_id, number, author_id, body, state, reasons, created_at";

fn record(r: &Row) -> Result<Statement, sqlx::Error> {
    let state: String = r.get("state")?;
    Ok(Statement {
        id: r.get("id")?,
        discussion_id: r.get("discussion_id")?,
        number: r.get("number")?,
        author_id: r.get("author_id")?,
        body: r.get("body")?,
        state: State::from_code(&state),
        reasons: r.get("reasons")?,
        created_at: r.get("created_at")?,
    })
}

/// Adds (`true`) or takes away the statements stage; `false` if there is
/// no such discussion. Adding it also makes the opinion map's row, so
/// that the background job finds the discussion.
pub async fn set_stage(
    mut conn: Conn<'_>,
    discussion: Uuid,
    on: bool,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn.reborrow(),
        "UPDATE discussions SET statements_stage = $1, updated_at = $2 WHERE id = $3",
        &[&on, &Timestamp::now(), &discussion],
    )
    .await?;
    if n == 1 && on {
        rows::execute(
            conn,
            "INSERT INTO discussion_opinions (discussion_id, stale) VALUES ($1, TRUE) \
             ON CONFLICT (discussion_id) DO UPDATE SET stale = TRUE",
            &[&discussion],
        )
        .await?;
    }
    Ok(n == 1)
}

/// Whether the discussion has a statements stage.
pub async fn has_stage(conn: Conn<'_>, discussion: Uuid) -> Result<bool, StorageError> {
    let on: Option<bool> = rows::fetch_optional(
        conn,
        "SELECT statements_stage FROM discussions WHERE id = $1",
        &[&discussion],
        rows::scalar,
    )
    .await?;
    Ok(on.unwrap_or(false))
}

/// A statement about to be saved.
#[derive(Debug, Clone)]
pub struct NewStatement<'a> {
    pub discussion_id: Uuid,
    pub author_id: Option<Uuid>,
    pub body: &'a str,
    pub state: State,
    pub reasons: &'a str,
    /// How serious screening found it (1 to 3), for the queue's order.
    pub severity: i64,
    pub created_at: Timestamp,
}

/// Saves a statement with the discussion's next number. The caller holds
/// the discussion locked (PostgreSQL) or a write transaction (SQLite), so
/// two statements never take one number.
pub async fn insert(mut conn: Conn<'_>, s: &NewStatement<'_>) -> Result<Uuid, StorageError> {
    let number: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(number) + 1, 0) FROM discussion_statements WHERE discussion_id = $1",
        &[&s.discussion_id],
        rows::scalar,
    )
    .await?;
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO discussion_statements (id, discussion_id, number, author_id, body, state, \
         reasons, severity, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &id,
            &s.discussion_id,
            &number,
            &s.author_id,
            &s.body,
            &s.state.code(),
            &s.reasons,
            &s.severity,
            &s.created_at,
        ],
    )
    .await?;
    Ok(id)
}

/// Statements by id (those that exist), each with its discussion's
/// title: the held statements of a page of the moderators' queue.
pub async fn find_many_titled(
    conn: Conn<'_>,
    ids: &[Uuid],
) -> Result<Vec<(Statement, String)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT s.id, s.discussion_id, s.number, s.author_id, s.body, s.state, s.reasons, \
         s.created_at, d.title FROM discussion_statements s \
         JOIN discussions d ON d.id = s.discussion_id WHERE {}",
        rows::in_ids(&conn, "s.id", 1)
    );
    rows::fetch_all(conn, &sql, &[&rows::Ids(ids)], |r| {
        Ok((record(r)?, r.get("title")?))
    })
    .await
}

/// A statement with the dates of its discussion that a vote depends on,
/// in one query (votes come by the thousand a second): found only in the
/// discussion named, published and with a statements stage.
pub async fn for_vote(
    conn: Conn<'_>,
    discussion: Uuid,
    statement: Uuid,
    now: Timestamp,
) -> Result<Option<(Statement, Status)>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT s.id, s.discussion_id, s.number, s.author_id, s.body, s.state, s.reasons, \
         s.created_at, d.imported, d.opens_at, d.closes_at FROM discussion_statements s \
         JOIN discussions d ON d.id = s.discussion_id WHERE s.id = $1 AND d.id = $2 \
         AND d.published_at IS NOT NULL AND d.statements_stage",
        &[&statement, &discussion],
        |r| {
            let at = |column: &str| r.get::<Timestamp>(column).map(Timestamp::as_offset);
            let status = status_at(
                r.get("imported")?,
                at("opens_at")?,
                at("closes_at")?,
                now.as_offset(),
            );
            Ok((record(r)?, status))
        },
    )
    .await
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<Statement>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM discussion_statements WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// A discussion's statements in one state (or all), by number, at most
/// `limit`.
pub async fn list(
    conn: Conn<'_>,
    discussion: Uuid,
    state: Option<State>,
    limit: i64,
) -> Result<Vec<Statement>, StorageError> {
    let code = state.map(State::code);
    let sql = format!(
        "SELECT {COLUMNS} FROM discussion_statements WHERE discussion_id = $1 \
         AND ($2 IS NULL OR state = $2) ORDER BY number {}",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&discussion, &code], record).await
}

/// Marks a statement as an officer's starting statement (Pol.is's seed).
pub async fn mark_seeded(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussion_statements SET seeded = TRUE WHERE id = $1",
        &[&id],
    )
    .await?;
    Ok(())
}

/// A discussion's starting statements, in every state, by number, at
/// most `limit`.
pub async fn seeded(
    conn: Conn<'_>,
    discussion: Uuid,
    limit: i64,
) -> Result<Vec<Statement>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM discussion_statements WHERE discussion_id = $1 AND seeded \
         ORDER BY number {}",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&discussion], record).await
}

/// Moves a statement to `state`, saying who decided (a moderator), and
/// marks the discussion's opinion map for recomputing: what counts in it
/// has changed. `false` if there is no such statement.
pub async fn set_state(
    mut conn: Conn<'_>,
    s: &Statement,
    state: State,
    decided_by: Option<Uuid>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn.reborrow(),
        "UPDATE discussion_statements SET state = $1, decided_by = $2 WHERE id = $3",
        &[&state.code(), &decided_by, &s.id],
    )
    .await?;
    mark_stale(conn, s.discussion_id).await?;
    Ok(n == 1)
}

/// Asks the background job to recompute the discussion's opinion map.
pub async fn mark_stale(conn: Conn<'_>, discussion: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussion_opinions SET stale = TRUE WHERE discussion_id = $1",
        &[&discussion],
    )
    .await?;
    Ok(())
}

/// Records `user`'s vote (1, -1 or 0) on a statement, replacing any
/// earlier one: the last vote counts.
pub async fn vote(
    conn: Conn<'_>,
    s: &Statement,
    user: Uuid,
    value: i64,
    at: Timestamp,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO discussion_votes (statement_id, user_id, discussion_id, vote, voted_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (statement_id, user_id) DO UPDATE SET \
         vote = excluded.vote, voted_at = excluded.voted_at",
        &[&s.id, &user, &s.discussion_id, &value, &at],
    )
    .await?;
    Ok(())
}

/// The statements `user` has voted on in a discussion, with their votes
/// and when each was cast (or last changed), newest first.
pub async fn votes_of(
    conn: Conn<'_>,
    user: Uuid,
    discussion: Uuid,
) -> Result<Vec<(Uuid, i64, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT statement_id, vote, voted_at FROM discussion_votes \
         WHERE user_id = $1 AND discussion_id = $2 ORDER BY voted_at DESC",
        &[&user, &discussion],
        rows::tuple,
    )
    .await
}

/// Whether anyone has voted on the discussion's statements.
pub async fn any_votes(conn: Conn<'_>, discussion: Uuid) -> Result<bool, StorageError> {
    // At most one row counted (a 64-bit count on both engines).
    let found: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM (SELECT 1 FROM discussion_votes WHERE discussion_id = $1 LIMIT 1) v",
        &[&discussion],
        rows::scalar,
    )
    .await?;
    Ok(found > 0)
}

/// One vote as the analysis and the export read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteRow {
    pub statement_id: Uuid,
    pub user_id: Uuid,
    pub vote: i64,
    pub voted_at: Timestamp,
}

/// Every vote of a discussion, oldest first.
pub async fn all_votes(conn: Conn<'_>, discussion: Uuid) -> Result<Vec<VoteRow>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT statement_id, user_id, vote, voted_at FROM discussion_votes \
         WHERE discussion_id = $1 ORDER BY voted_at, statement_id, user_id",
        &[&discussion],
        |r| {
            Ok(VoteRow {
                statement_id: r.get("statement_id")?,
                user_id: r.get("user_id")?,
                vote: r.get("vote")?,
                voted_at: r.get("voted_at")?,
            })
        },
    )
    .await
}

/// The opinion map as last computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opinions {
    pub vote_count: i64,
    pub summary: String,
    pub result: String,
    pub computed_at: Option<Timestamp>,
}

/// The discussion's opinion map, if it has a statements stage.
pub async fn opinions(conn: Conn<'_>, discussion: Uuid) -> Result<Option<Opinions>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT vote_count, summary, result, computed_at FROM discussion_opinions \
         WHERE discussion_id = $1",
        &[&discussion],
        |r| {
            Ok(Opinions {
                vote_count: r.get("vote_count")?,
                summary: r.get("summary")?,
                result: r.get("result")?,
                computed_at: r.get("computed_at")?,
            })
        },
    )
    .await
}

/// Only the per-statement figures the voting page needs.
pub async fn summary(conn: Conn<'_>, discussion: Uuid) -> Result<Option<String>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT summary FROM discussion_opinions WHERE discussion_id = $1",
        &[&discussion],
        rows::scalar,
    )
    .await
}

/// Discussions whose opinion map is out of date (marked stale, or with a
/// vote newer than the one it was computed at) and not leased by a job
/// now, at most `limit`. Each test is its own indexed lookup: an `OR`
/// inside one walked every vote of the discussion, twice a second on
/// every server.
pub async fn due(conn: Conn<'_>, now: Timestamp, limit: i64) -> Result<Vec<Uuid>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT o.discussion_id FROM discussion_opinions o \
         WHERE (o.lease_until IS NULL OR o.lease_until < $1) AND (o.stale \
           OR (o.votes_at IS NULL AND EXISTS (SELECT 1 FROM discussion_votes v \
             WHERE v.discussion_id = o.discussion_id)) \
           OR EXISTS (SELECT 1 FROM discussion_votes v WHERE v.discussion_id = o.discussion_id \
             AND v.voted_at > o.votes_at)) \
         ORDER BY o.discussion_id LIMIT $2",
        &[&now, &limit],
        rows::scalar,
    )
    .await
}

/// Takes the lease on a discussion's opinion map until `until`, if no
/// other job holds one now; `true` if this job won it. One statement on
/// one row, so of two servers asking at once exactly one wins.
pub async fn claim(
    conn: Conn<'_>,
    discussion: Uuid,
    holder: &str,
    now: Timestamp,
    until: Timestamp,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussion_opinions SET lease_holder = $1, lease_until = $2, stale = FALSE \
         WHERE discussion_id = $3 AND (lease_until IS NULL OR lease_until < $4)",
        &[&holder, &until, &discussion, &now],
    )
    .await?;
    Ok(n == 1)
}

/// A computed map, saved by the job that holds the lease (and releasing
/// it); `false` if the lease was lost (it ran out and another job took
/// it), in which case nothing is saved.
#[derive(Debug, Clone)]
pub struct Computed<'a> {
    pub holder: &'a str,
    /// Votes newer than this make the map out of date.
    pub votes_at: Timestamp,
    pub vote_count: i64,
    pub summary: &'a str,
    pub result: &'a str,
    pub computed_at: Timestamp,
}

pub async fn save(
    conn: Conn<'_>,
    discussion: Uuid,
    c: &Computed<'_>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE discussion_opinions SET votes_at = $1, vote_count = $2, summary = $3, \
         result = $4, computed_at = $5, lease_holder = NULL, lease_until = NULL \
         WHERE discussion_id = $6 AND lease_holder = $7",
        &[
            &c.votes_at,
            &c.vote_count,
            &c.summary,
            &c.result,
            &c.computed_at,
            &discussion,
            &c.holder,
        ],
    )
    .await?;
    Ok(n == 1)
}

/// Gives the lease back without a result (the computation failed), and
/// asks for another try.
pub async fn release(conn: Conn<'_>, discussion: Uuid, holder: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE discussion_opinions SET lease_holder = NULL, lease_until = NULL, stale = TRUE \
         WHERE discussion_id = $1 AND lease_holder = $2",
        &[&discussion, &holder],
    )
    .await?;
    Ok(())
}

/// A person's statements, with their discussions' titles, newest first.
pub async fn by_author(
    conn: Conn<'_>,
    author: Uuid,
    limit: i64,
) -> Result<Vec<(Statement, String)>, StorageError> {
    let sql = format!(
        "SELECT {}, d.title FROM discussion_statements s JOIN discussions d \
         ON d.id = s.discussion_id WHERE s.author_id = $1 ORDER BY s.created_at DESC LIMIT $2",
        COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    rows::fetch_all(conn, &sql, &[&author, &limit], |r| {
        Ok((record(r)?, r.get("title")?))
    })
    .await
}

/// A person's votes: (discussion, statement number, statement text, vote,
/// when), newest first.
pub async fn votes_by(
    conn: Conn<'_>,
    user: Uuid,
    limit: i64,
) -> Result<Vec<(Uuid, i64, String, i64, Timestamp)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT v.discussion_id, s.number, s.body, v.vote, v.voted_at FROM discussion_votes v \
         JOIN discussion_statements s ON s.id = v.statement_id WHERE v.user_id = $1 \
         ORDER BY v.voted_at DESC LIMIT $2",
        &[&user, &limit],
        rows::tuple,
    )
    .await
}

/// Erasure: a person's votes go (and the maps they were in are redrawn);
/// their statements stay, by nobody, or with "remove my contributions"
/// give way to a removal notice.
pub async fn erase_person(
    mut conn: Conn<'_>,
    user: Uuid,
    remove: bool,
) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "UPDATE discussion_opinions SET stale = TRUE WHERE discussion_id IN ( \
         SELECT discussion_id FROM discussion_votes WHERE user_id = $1 \
         UNION SELECT discussion_id FROM discussion_statements WHERE author_id = $1)",
        &[&user],
    )
    .await?;
    rows::execute(
        conn.reborrow(),
        "DELETE FROM discussion_votes WHERE user_id = $1",
        &[&user],
    )
    .await?;
    if remove {
        rows::execute(
            conn.reborrow(),
            "UPDATE discussion_statements SET body = '', state = 'removed_with_account' \
             WHERE author_id = $1",
            &[&user],
        )
        .await?;
    }
    rows::execute(
        conn,
        "UPDATE discussion_statements SET author_id = NULL WHERE author_id = $1",
        &[&user],
    )
    .await?;
    Ok(())
}
