//! The opinion map of a discussion's statements (issue 18 part 8),
//! computed by `cohesion_insight::opinions` in a background job, never on
//! a request: the job finds discussions with votes newer than their map
//! (or statements moderated since), takes a lease on each through the
//! database so that of several servers exactly one computes it, and saves
//! the result with the vote count it was computed at. Pages read what
//! was saved.
//!
//! Groups are described only by how their members voted (their
//! representative statements), never by who they are.

use std::collections::HashMap;

use cohesion_domain::discussion::statements::{Candidate, State};
use cohesion_insight::opinions::matrix::Prepared;
use cohesion_insight::opinions::{self as engine, Analysis, Direction, Options, Vote, VoteMatrix};
use cohesion_storage::discussions::statements::{self, Computed, Statement, VoteRow};
use cohesion_storage::{Db, Timestamp};
use serde::{Deserialize, Serialize};
use time::Duration;
use uuid::Uuid;

use super::reading;
use super::statements::MAX_STATEMENTS;
use crate::accounts::SignedIn;
use crate::ServiceError;

/// The seed of the clustering: fixed, so that anyone can recompute a
/// published map from the export (ADR 8).
pub const SEED: u64 = 18;

/// How many bridging statements are kept (as many as the engine keeps
/// representative and consensus statements).
const PICK: usize = 5;

/// The votes each group must have cast on a statement before it can be
/// named as bridging the groups.
const MIN_GROUP_VOTES: u32 = 3;

/// How long a job may hold a discussion before another may take it over
/// (a server that stopped mid-computation).
const LEASE: Duration = Duration::seconds(60);

/// A vote is timed when its transaction starts writing and becomes
/// visible when it commits; a map is taken to cover only votes at least
/// this much older than its claim, so one committed late is not missed.
const COMMIT_MARGIN: Duration = Duration::seconds(3);

/// Per statement figures the voting page reads to choose what comes next.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub statements: Vec<StatementFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementFigures {
    pub id: Uuid,
    pub seen: u32,
    pub agrees: u32,
    pub disagrees: u32,
    pub passes: u32,
    pub extremity: f64,
    pub consensus: f64,
}

impl StatementFigures {
    pub fn candidate(&self) -> Candidate {
        Candidate {
            seen: self.seen,
            agrees: self.agrees,
            passes: self.passes,
            extremity: self.extremity,
            consensus: self.consensus,
        }
    }
}

/// The opinion map as saved and shown. Points carry no participant ids:
/// the map says where people stand, not who they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OpinionMap {
    /// Groups were found.
    pub ready: bool,
    /// People who voted, and how many votes the map counts.
    pub voters: usize,
    pub votes: usize,
    /// Voters placed in a group (the groups' sizes added up): the others
    /// voted on too few statements to be placed (fewer than `min_votes`).
    /// Maps saved before these were counted read as all placed.
    #[serde(default)]
    pub placed: Option<usize>,
    #[serde(default)]
    pub min_votes: u32,
    pub groups: Vec<MapGroup>,
    /// Where each voter in the conversation stands, and their group.
    pub points: Vec<MapPoint>,
    /// Statements most agree (or disagree) with across the groups.
    pub consensus: Vec<Shared>,
    /// Statements the least-agreeing group still agrees with most.
    pub bridging: Vec<Shared>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapGroup {
    /// 0, 1, 2…: shown as group A, B, C.
    pub id: usize,
    pub size: usize,
    /// The middle of the group on the map, and its outline (convex hull).
    pub centre: [f64; 2],
    pub hull: Vec<[f64; 2]>,
    pub representative: Vec<Representative>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Representative {
    pub statement: Uuid,
    /// The group agrees (true) or disagrees with it, distinctively.
    pub agree: bool,
    /// Share of each group's voters on it who agree, by group id (0 to 1;
    /// `None` when nobody in that group voted on it).
    pub agreement: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
    pub group: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub statement: Uuid,
    pub agree: bool,
    /// The share that agrees (or disagrees), 0 to 1.
    pub share: f64,
}

/// What one round of the job did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub computed: usize,
    /// Out of date but leased by another job now.
    pub skipped: usize,
}

/// Recomputes every out-of-date opinion map this job can claim; `holder`
/// names this server's job (any text unique to it).
pub async fn recompute_due(db: &Db, holder: &str) -> Result<Round, ServiceError> {
    let due = {
        let mut c = db.acquire().await?;
        statements::due(c.conn(), Timestamp::now(), 20).await?
    };
    let mut round = Round::default();
    for discussion in due {
        if recompute(db, discussion, holder).await? {
            round.computed += 1;
        } else {
            round.skipped += 1;
        }
    }
    Ok(round)
}

/// Claims the discussion's map and recomputes it; `false` when another
/// job holds it now.
pub async fn recompute(db: &Db, discussion: Uuid, holder: &str) -> Result<bool, ServiceError> {
    let now = Timestamp::now();
    let claimed = {
        let mut c = db.acquire().await?;
        let until = Timestamp::from(now.as_offset() + LEASE);
        statements::claim(c.conn(), discussion, holder, now, until).await?
    };
    if !claimed {
        return Ok(false);
    }
    match compute(db, discussion, holder, now).await {
        Ok(()) => Ok(true),
        Err(e) => {
            let mut c = db.acquire().await?;
            statements::release(c.conn(), discussion, holder).await?;
            Err(e)
        }
    }
}

async fn compute(
    db: &Db,
    discussion: Uuid,
    holder: &str,
    claimed_at: Timestamp,
) -> Result<(), ServiceError> {
    let (all, votes) = {
        let mut c = db.acquire().await?;
        let all = statements::list(c.conn(), discussion, None, i64::MAX).await?;
        let votes = statements::all_votes(c.conn(), discussion).await?;
        (all, votes)
    };
    let vote_count = votes.len() as i64;
    // The arithmetic is CPU work of up to a second: off the async threads.
    let (summary, map) = match tokio::task::spawn_blocking(move || analyse(&all, &votes)).await {
        Ok(done) => done,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Cancelled as the server stops: the lease runs out and another
        // round computes it.
        Err(_) => return Ok(()),
    };
    let summary = serde_json::to_string(&summary).unwrap_or_else(|_| "{}".into());
    let result = serde_json::to_string(&map).unwrap_or_else(|_| "{}".into());
    let mut c = db.acquire().await?;
    statements::save(
        c.conn(),
        discussion,
        &Computed {
            holder,
            votes_at: Timestamp::from(claimed_at.as_offset() - COMMIT_MARGIN),
            vote_count,
            summary: &summary,
            result: &result,
            computed_at: Timestamp::now(),
        },
    )
    .await?;
    Ok(())
}

/// Runs the engine on a discussion's statements and votes. Statements
/// that are not published take no part (moderated out).
pub fn analyse(all: &[Statement], votes: &[VoteRow]) -> (Summary, OpinionMap) {
    let mut matrix = VoteMatrix::new();
    let mut number_of: HashMap<Uuid, String> = HashMap::new();
    let mut id_of: HashMap<String, Uuid> = HashMap::new();
    for s in all {
        let key = s.number.to_string();
        // Numbers are unique within a discussion; a duplicate cannot occur.
        let _ = matrix.add_statement(&key, s.state != State::Published);
        number_of.insert(s.id, key.clone());
        id_of.insert(key, s.id);
    }
    let mut voter_of: HashMap<Uuid, String> = HashMap::new();
    for v in votes {
        let Some(key) = number_of.get(&v.statement_id) else {
            continue;
        };
        let Some(vote) = vote_of(v.vote) else {
            continue;
        };
        let next = voter_of.len();
        let voter = voter_of
            .entry(v.user_id)
            .or_insert_with(|| next.to_string());
        let _ = matrix.vote(voter, key, vote);
    }
    let analysis = engine::analyse(&matrix, &Options::with_seed(SEED));
    let summary = summary_of(all, &matrix, &analysis, &number_of);
    let map = map_of(&matrix, &analysis, &id_of);
    (summary, map)
}

fn vote_of(value: i64) -> Option<Vote> {
    Vote::from_polis(value).ok()
}

/// Votes per statement and group: `counts[statement][group]` = (agree,
/// votes), with the group `None` for everyone.
struct Tally {
    /// Per statement key: (agree, disagree, pass).
    overall: HashMap<String, (u32, u32, u32)>,
    /// Per statement key and group: (agree, votes).
    by_group: HashMap<(String, usize), (u32, u32)>,
}

fn tally(matrix: &VoteMatrix, analysis: &Analysis) -> Tally {
    let group_of: HashMap<&str, usize> = analysis
        .groups
        .iter()
        .flat_map(|g| g.participants.iter().map(move |p| (p.as_str(), g.id)))
        .collect();
    let mut t = Tally {
        overall: HashMap::new(),
        by_group: HashMap::new(),
    };
    for (p, name) in matrix.participants().iter().enumerate() {
        let group = group_of.get(name.as_str()).copied();
        for (s, vote) in matrix.votes_of(p as u32) {
            let key = matrix.statements()[s as usize].clone();
            let e = t.overall.entry(key.clone()).or_default();
            match vote {
                Vote::Agree => e.0 += 1,
                Vote::Disagree => e.1 += 1,
                Vote::Pass => e.2 += 1,
            }
            if let Some(g) = group {
                let e = t.by_group.entry((key, g)).or_default();
                e.1 += 1;
                if vote == Vote::Agree {
                    e.0 += 1;
                }
            }
        }
    }
    t
}

fn summary_of(
    all: &[Statement],
    matrix: &VoteMatrix,
    analysis: &Analysis,
    number_of: &HashMap<Uuid, String>,
) -> Summary {
    let t = tally(matrix, analysis);
    let statements = all
        .iter()
        .filter(|s| s.state == State::Published)
        .filter_map(|s| {
            let key = number_of.get(&s.id)?;
            let (agrees, disagrees, passes) = t.overall.get(key).copied().unwrap_or_default();
            let extremity = analysis
                .statement_projection
                .get(key)
                .map(|[x, y]| (x * x + y * y).sqrt())
                .unwrap_or(0.0);
            let consensus = analysis
                .group_aware_consensus
                .get(key)
                .copied()
                .unwrap_or(0.0);
            Some(StatementFigures {
                id: s.id,
                seen: agrees + disagrees + passes,
                agrees,
                disagrees,
                passes,
                extremity: finite(extremity),
                consensus: finite(consensus),
            })
        })
        .collect();
    Summary { statements }
}

fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// Rounded to what a drawing needs, to keep the saved map small.
fn round(x: f64) -> f64 {
    (finite(x) * 10_000.0).round() / 10_000.0
}

fn map_of(matrix: &VoteMatrix, analysis: &Analysis, id_of: &HashMap<String, Uuid>) -> OpinionMap {
    let t = tally(matrix, analysis);
    let group_of: HashMap<&str, usize> = analysis
        .groups
        .iter()
        .flat_map(|g| g.participants.iter().map(move |p| (p.as_str(), g.id)))
        .collect();
    let in_conversation: std::collections::HashSet<&str> = analysis
        .participants_in_conversation
        .iter()
        .map(String::as_str)
        .collect();
    let points: Vec<MapPoint> = analysis
        .projection
        .0
        .iter()
        .filter(|(p, _)| in_conversation.contains(p.as_str()))
        .map(|(p, [x, y])| MapPoint {
            x: round(*x),
            y: round(*y),
            group: group_of.get(p.as_str()).copied(),
        })
        .collect();
    let k = analysis.groups.len();
    let agreement = |key: &str| -> Vec<Option<f64>> {
        (0..k)
            .map(|g| {
                t.by_group
                    .get(&(key.to_owned(), g))
                    .filter(|(_, n)| *n > 0)
                    .map(|(a, n)| round(f64::from(*a) / f64::from(*n)))
            })
            .collect()
    };
    let groups = analysis
        .groups
        .iter()
        .map(|g| {
            let own: Vec<[f64; 2]> = points
                .iter()
                .filter(|p| p.group == Some(g.id))
                .map(|p| [p.x, p.y])
                .collect();
            let n = own.len().max(1) as f64;
            let centre = [
                round(own.iter().map(|p| p[0]).sum::<f64>() / n),
                round(own.iter().map(|p| p[1]).sum::<f64>() / n),
            ];
            MapGroup {
                id: g.id,
                size: g.participants.len(),
                centre,
                hull: hull(&own),
                representative: g
                    .representative
                    .iter()
                    .filter_map(|r| {
                        Some(Representative {
                            statement: *id_of.get(&r.statement)?,
                            agree: r.direction == Direction::Agree,
                            agreement: agreement(&r.statement),
                        })
                    })
                    .collect(),
            }
        })
        .collect();
    // A statement bridges only once every group has voted on it: the
    // engine's smoothed share is one half for a statement nobody has
    // seen, which would otherwise rank a brand-new one as bridging.
    let voted_by_every_group = |key: &str| {
        (0..k).all(|g| {
            t.by_group
                .get(&(key.to_owned(), g))
                .is_some_and(|(_, n)| *n >= MIN_GROUP_VOTES)
        })
    };
    let (consensus, bridging) = shared_statements(analysis, id_of, voted_by_every_group);
    let groups: Vec<MapGroup> = groups;
    OpinionMap {
        ready: !analysis.groups.is_empty(),
        voters: matrix.participants().len(),
        votes: matrix.vote_count(),
        placed: Some(groups.iter().map(|g| g.size).sum()),
        min_votes: Prepared::new(matrix).conversation_threshold(),
        groups,
        points,
        consensus,
        bridging,
    }
}

/// The consensus statements (agreed and disagreed), and the statements
/// the least-agreeing group agrees with most (bridging).
fn shared_statements(
    analysis: &Analysis,
    id_of: &HashMap<String, Uuid>,
    may_bridge: impl Fn(&str) -> bool,
) -> (Vec<Shared>, Vec<Shared>) {
    let shared = |details: &[engine::ConsensusStatement], agree: bool| -> Vec<Shared> {
        details
            .iter()
            .filter_map(|c| {
                Some(Shared {
                    statement: *id_of.get(&c.statement)?,
                    agree,
                    share: round(c.p_success),
                })
            })
            .collect()
    };
    let mut consensus = shared(&analysis.consensus.agree_details, true);
    consensus.extend(shared(&analysis.consensus.disagree_details, false));
    let mut bridging: Vec<(&String, f64)> = analysis
        .bridging
        .0
        .iter()
        .filter(|(s, _)| may_bridge(s))
        .map(|(s, v)| (s, finite(*v)))
        .collect();
    bridging.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let bridging = bridging
        .into_iter()
        .take(PICK)
        .filter_map(|(s, v)| {
            Some(Shared {
                statement: *id_of.get(s)?,
                agree: true,
                share: round(v),
            })
        })
        .collect();
    (consensus, bridging)
}

/// The convex hull of points (Andrew's monotone chain), anticlockwise.
fn hull(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut p: Vec<[f64; 2]> = points.to_vec();
    p.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    p.dedup();
    if p.len() < 3 {
        return p;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut lower: Vec<[f64; 2]> = Vec::new();
    for &q in &p {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], q) <= 0.0 {
            lower.pop();
        }
        lower.push(q);
    }
    let mut upper: Vec<[f64; 2]> = Vec::new();
    for &q in p.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], q) <= 0.0 {
            upper.pop();
        }
        upper.push(q);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// A discussion's results as its pages show them: the map as last
/// computed (`None` before the job's first round), the statements it
/// names, and the vote count it was computed at.
#[derive(Debug, Clone)]
pub struct Results {
    pub map: Option<OpinionMap>,
    pub statements: Vec<Statement>,
    pub computed_at: Option<Timestamp>,
    /// Whether anyone has voted yet (the map may not have caught up).
    pub voted: bool,
}

impl Results {
    pub fn statement(&self, id: Uuid) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

/// The results of a discussion's statements stage, for anyone who may
/// read the discussion.
pub async fn results(
    db: &Db,
    me: Option<&SignedIn>,
    discussion: Uuid,
) -> Result<Results, ServiceError> {
    let d = reading::discussion(db, me, discussion).await?;
    let mut c = db.acquire().await?;
    let Some(stored) = statements::opinions(c.conn(), d.id).await? else {
        return Err(ServiceError::NotFound);
    };
    if !statements::has_stage(c.conn(), d.id).await? {
        return Err(ServiceError::NotFound);
    }
    let statements =
        statements::list(c.conn(), d.id, Some(State::Published), MAX_STATEMENTS).await?;
    let map = stored
        .computed_at
        .and_then(|_| serde_json::from_str::<OpinionMap>(&stored.result).ok());
    let voted = statements::any_votes(c.conn(), d.id).await?;
    Ok(Results {
        map,
        statements,
        computed_at: stored.computed_at,
        voted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_no_group_has_voted_on_does_not_bridge() {
        let d = Uuid::new_v4();
        let at = Timestamp::now();
        let all: Vec<Statement> = (0..5)
            .map(|n| Statement {
                id: Uuid::new_v4(),
                discussion_id: d,
                number: n,
                author_id: None,
                body: format!("Statement {n}"),
                state: State::Published,
                reasons: String::new(),
                created_at: at,
            })
            .collect();
        // Two camps of twelve split on the first three; everyone agrees
        // with the fourth; nobody has seen the fifth yet.
        let mut votes = Vec::new();
        for p in 0..24 {
            let user = Uuid::new_v4();
            let camp: i64 = if p < 12 { 1 } else { -1 };
            for (s, vote) in all.iter().zip([camp, camp, -camp, 1]) {
                votes.push(VoteRow {
                    statement_id: s.id,
                    user_id: user,
                    vote,
                    voted_at: at,
                });
            }
        }
        let (_, map) = analyse(&all, &votes);
        assert!(map.ready, "two groups were found");
        let bridging: Vec<Uuid> = map.bridging.iter().map(|b| b.statement).collect();
        assert!(bridging.contains(&all[3].id), "{bridging:?}");
        assert!(
            !bridging.contains(&all[4].id),
            "unseen, so it bridges nothing"
        );
    }
}
