//! Voting on statements: agree, disagree or pass, one statement at a
//! time. A later vote on the same statement replaces the earlier one
//! (the last one counts); a held or hidden statement takes no vote. The
//! next statement is chosen as Pol.is does, from the latest opinion map
//! (`domain::discussion::statements::pick`): statements with few votes
//! first, then those that separate or unite groups. Nothing here computes
//! the map: votes are written and the background job redraws it.

use std::collections::HashMap;

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::statements::{pick, Candidate, State, Vote};
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::statements::{self, Statement};
use cohesion_storage::{Conn, Db, Timestamp};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::opinions::Summary;
use super::statements::MAX_STATEMENTS;
use crate::accounts::SignedIn;
use crate::group_commit::{self, GroupedWrite};
use crate::permissions::require;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// Records `me`'s vote (`agree`, `disagree` or `pass`) on a statement of
/// an open discussion. A statement of another discussion, or none at all,
/// is not found; a held or hidden one is refused
/// (`statement_not_votable`).
pub async fn vote(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    statement: Uuid,
    choice: &str,
) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    let vote = Vote::from_code(choice.trim())
        .ok_or_else(|| ValidationError::new("vote", ErrorCode::InvalidChoice))?;
    // Everything is read before the write, in one query on a reader's
    // connection: on SQLite only the two writes below hold the file's one
    // write turn, which thousands of votes a second take in turn (ADR
    // 39). Read, not locked: votes never change the discussion, and
    // locking its row would make every vote wait for every other.
    let now = Timestamp::now();
    let (s, status) = {
        let mut c = db.acquire().await?;
        statements::for_vote(c.conn(), discussion, statement, now)
            .await?
            .ok_or(ServiceError::NotFound)?
    };
    if status != Status::Open {
        return Err(ServiceError::Conflict(ValidationError::new(
            "vote",
            ErrorCode::DiscussionNotOpen,
        )));
    }
    if !s.state.votable() {
        return Err(ServiceError::Conflict(ValidationError::new(
            "vote",
            ErrorCode::StatementNotVotable,
        )));
    }
    let write = Voting {
        statement: s,
        voter: me.user_id,
        vote,
        at: now,
    };
    group_commit::write(db, write).await
}

/// What voting writes, once the vote was read to be allowed: a write
/// that may share a SQLite transaction with others of its kind (ADR 12),
/// since votes come by the thousand a second.
struct Voting {
    statement: Statement,
    voter: Uuid,
    vote: Vote,
    at: Timestamp,
}

impl GroupedWrite for Voting {
    type Output = ();
    type Cache = ();
    // A vote acknowledged in the moments before the database server
    // crashed may be lost whole (ADR 42): the voter's list of votes shows
    // what counts, and the next vote on it counts. Waiting for the disk
    // on each vote held PostgreSQL's voting to two-thirds of the target.
    const FLUSHED: bool = false;

    async fn run(&self, mut conn: Conn<'_>, _: &mut ()) -> Result<(), ServiceError> {
        throttle_in(conn.reborrow(), Throttled::Voting, &self.voter.to_string()).await?;
        statements::vote(
            conn,
            &self.statement,
            self.voter,
            self.vote.value(),
            self.at,
        )
        .await?;
        Ok(())
    }
}

/// Where a voter stands in a discussion's statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    /// The statement to vote on now; `None` when every one has a vote.
    pub statement: Option<Statement>,
    /// Published statements (but those `me` wrote and never voted on),
    /// and how many of them `me` has voted on.
    pub total: usize,
    pub voted: usize,
    /// The published statements `me` has voted on, with the vote that
    /// counts, the newest vote (cast or changed) first: so a vote can be
    /// seen and changed.
    pub mine: Vec<(Statement, Vote)>,
}

/// The statement to offer `me` next in the discussion.
pub async fn next(db: &Db, me: &SignedIn, discussion: Uuid) -> Result<Next, ServiceError> {
    let mut c = db.acquire().await?;
    if !statements::has_stage(c.conn(), discussion).await? {
        return Err(ServiceError::NotFound);
    }
    let published =
        statements::list(c.conn(), discussion, Some(State::Published), MAX_STATEMENTS).await?;
    let votes: HashMap<Uuid, (Vote, Timestamp)> =
        statements::votes_of(c.conn(), me.user_id, discussion)
            .await?
            .into_iter()
            .filter_map(|(s, v, at)| Some((s, (Vote::from_value(v)?, at))))
            .collect();
    let summary: Summary = statements::summary(c.conn(), discussion)
        .await?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    drop(c);
    // A member is not asked about a statement they wrote (its words are
    // theirs); one they voted on anyway stays among their votes.
    let published: Vec<Statement> = published
        .into_iter()
        .filter(|s| s.author_id != Some(me.user_id) || votes.contains_key(&s.id))
        .collect();
    let total = published.len();
    let (left, voted_on): (Vec<Statement>, Vec<Statement>) = published
        .into_iter()
        .partition(|s| !votes.contains_key(&s.id));
    let voted = voted_on.len();
    let mut mine: Vec<(Statement, Vote, Timestamp)> = voted_on
        .into_iter()
        .filter_map(|s| {
            let (v, at) = votes.get(&s.id).copied()?;
            Some((s, v, at))
        })
        .collect();
    // Newest vote first; votes of one instant by the later statement
    // first, so the order never changes between two readings.
    mine.sort_by(|a, b| b.2.cmp(&a.2).then(b.0.number.cmp(&a.0.number)));
    let mine = mine.into_iter().map(|(s, v, _)| (s, v)).collect();
    let figures: HashMap<Uuid, Candidate> = summary
        .statements
        .iter()
        .map(|f| (f.id, f.candidate()))
        .collect();
    let candidates: Vec<Candidate> = left
        .iter()
        .map(|s| {
            figures.get(&s.id).copied().unwrap_or(Candidate {
                seen: 0,
                agrees: 0,
                passes: 0,
                extremity: 0.0,
                consensus: 0.0,
            })
        })
        .collect();
    let chosen = pick(&candidates, roll(me.user_id, voted));
    Ok(Next {
        statement: chosen.map(|i| left[i].clone()),
        total,
        voted,
        mine,
    })
}

/// A number in `[0, 1)` fixed by the voter and how far they have got, so
/// that reloading the page offers the same statement.
fn roll(user: Uuid, voted: usize) -> f64 {
    let digest = Sha256::new()
        .chain_update(user.as_bytes())
        .chain_update((voted as u64).to_le_bytes())
        .finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}
