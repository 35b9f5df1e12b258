//! The vote matrix: participants × statements, each cell agree, disagree,
//! pass or unseen. [`VoteMatrix`] is what callers build; [`Prepared`] is
//! the same data in canonical order, compressed by rows, ready for the
//! arithmetic.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::OpinionError;

/// One vote. A statement someone has not seen has no vote at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    /// Pol.is export convention: 1 agree, -1 disagree, 0 pass.
    pub fn from_polis(value: i64) -> Result<Vote, OpinionError> {
        match value {
            1 => Ok(Vote::Agree),
            -1 => Ok(Vote::Disagree),
            0 => Ok(Vote::Pass),
            other => Err(OpinionError::BadVote(other)),
        }
    }

    pub fn value(self) -> i8 {
        match self {
            Vote::Agree => 1,
            Vote::Disagree => -1,
            Vote::Pass => 0,
        }
    }

    fn from_value(value: i8) -> Vote {
        match value {
            1 => Vote::Agree,
            -1 => Vote::Disagree,
            _ => Vote::Pass,
        }
    }
}

/// Votes of a conversation, keyed by the ids callers use. A later vote by
/// the same participant on the same statement replaces the earlier one.
#[derive(Clone, Debug, Default)]
pub struct VoteMatrix {
    participants: Vec<String>,
    participant_index: HashMap<String, u32>,
    statements: Vec<String>,
    statement_index: HashMap<String, u32>,
    moderated_out: Vec<bool>,
    /// Per participant: (statement index, vote value), sorted by statement.
    rows: Vec<Vec<(u32, i8)>>,
    /// Participants kept in the conversation whatever their vote count.
    kept: Vec<bool>,
}

impl VoteMatrix {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a statement; `moderated_out` statements take no part in the
    /// analysis (Pol.is: moderated out, or a meta statement).
    pub fn add_statement(&mut self, id: &str, moderated_out: bool) -> Result<u32, OpinionError> {
        if self.statement_index.contains_key(id) {
            return Err(OpinionError::DuplicateStatement(id.to_owned()));
        }
        let index = self.statements.len() as u32;
        self.statements.push(id.to_owned());
        self.statement_index.insert(id.to_owned(), index);
        self.moderated_out.push(moderated_out);
        Ok(index)
    }

    /// Moderates a statement in or out; false if there is no such statement.
    pub fn set_moderated_out(&mut self, id: &str, moderated_out: bool) -> bool {
        match self.statement_index.get(id) {
            Some(&i) => {
                self.moderated_out[i as usize] = moderated_out;
                true
            }
            None => false,
        }
    }

    /// The index of a participant, added if new.
    pub fn participant(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.participant_index.get(id) {
            return i;
        }
        let index = self.participants.len() as u32;
        self.participants.push(id.to_owned());
        self.participant_index.insert(id.to_owned(), index);
        self.rows.push(Vec::new());
        self.kept.push(false);
        index
    }

    /// Keeps a participant in the conversation even below the vote
    /// threshold. Pol.is never drops a participant once in; a caller that
    /// wants that stickiness marks the previous analysis's participants.
    pub fn keep_in_conversation(&mut self, participant: &str) {
        let p = self.participant(participant);
        self.kept[p as usize] = true;
    }

    pub fn statement_index(&self, id: &str) -> Option<u32> {
        self.statement_index.get(id).copied()
    }

    /// Records a vote by ids; the statement must exist.
    pub fn vote(
        &mut self,
        participant: &str,
        statement: &str,
        vote: Vote,
    ) -> Result<(), OpinionError> {
        let s = self
            .statement_index(statement)
            .ok_or_else(|| OpinionError::UnknownStatement(statement.to_owned()))?;
        let p = self.participant(participant);
        self.set_vote(p, s, vote);
        Ok(())
    }

    /// Records a vote by indices (from [`Self::participant`] and
    /// [`Self::add_statement`]); replaces an earlier vote on the same cell.
    /// Out-of-range indices are ignored.
    pub fn set_vote(&mut self, participant: u32, statement: u32, vote: Vote) {
        if statement as usize >= self.statements.len() {
            return;
        }
        let Some(row) = self.rows.get_mut(participant as usize) else {
            return;
        };
        let value = vote.value();
        match row.binary_search_by_key(&statement, |&(s, _)| s) {
            Ok(i) => row[i].1 = value,
            Err(i) => row.insert(i, (statement, value)),
        }
    }

    pub fn participants(&self) -> &[String] {
        &self.participants
    }

    pub fn statements(&self) -> &[String] {
        &self.statements
    }

    pub fn is_moderated_out(&self, statement: u32) -> bool {
        self.moderated_out
            .get(statement as usize)
            .copied()
            .unwrap_or(true)
    }

    /// A participant's votes: (statement index, vote), by statement index.
    pub fn votes_of(&self, participant: u32) -> impl Iterator<Item = (u32, Vote)> + '_ {
        self.rows
            .get(participant as usize)
            .into_iter()
            .flatten()
            .map(|&(s, v)| (s, Vote::from_value(v)))
    }

    pub fn vote_count(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }
}

/// The most votes a participant needs to be in the conversation (and so
/// on the map and in a group) whatever else happens: Polis's seven.
pub const CONVERSATION_VOTES: usize = 7;

/// Orders ids the way people expect: whole numbers by value, before any
/// other text, which is ordered byte by byte. Equal numbers written
/// differently ("7", "07") fall back to the text.
pub fn compare_ids(a: &str, b: &str) -> Ordering {
    match (a.parse::<i128>(), b.parse::<i128>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

fn canonical_order(ids: &[String]) -> Vec<u32> {
    let keys: Vec<Option<i128>> = ids.iter().map(|s| s.parse::<i128>().ok()).collect();
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by(|&x, &y| {
        let (x, y) = (x as usize, y as usize);
        match (keys[x], keys[y]) {
            (Some(a), Some(b)) => a.cmp(&b).then_with(|| ids[x].cmp(&ids[y])),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => ids[x].cmp(&ids[y]),
        }
    });
    order
}

/// The matrix in canonical order: rows are participants who voted at
/// least once, sorted by id; columns are the statements not moderated out
/// (the "active" statements), sorted by id. Stored compressed by rows.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Row → index in the [`VoteMatrix`].
    pub participants: Vec<u32>,
    /// Column → statement index in the [`VoteMatrix`].
    pub columns: Vec<u32>,
    /// Row `r`'s entries are `row_start[r]..row_start[r + 1]`.
    pub row_start: Vec<usize>,
    pub column_of: Vec<u32>,
    pub value: Vec<i8>,
    /// Votes cast by each row on any statement, moderated out or not (how
    /// active a participant is).
    pub activity: Vec<u32>,
    /// Statements that received at least one vote, moderated out or not.
    pub voted_statements: usize,
    /// Moderated-out statements that received at least one vote.
    pub moderated_voted: usize,
    /// Rows kept in the conversation whatever their vote count.
    pub kept: Vec<bool>,
}

impl Prepared {
    pub fn new(m: &VoteMatrix) -> Prepared {
        let statement_order = canonical_order(&m.statements);
        let mut column_by_statement = vec![u32::MAX; m.statements.len()];
        let mut columns = Vec::new();
        for &s in &statement_order {
            if !m.moderated_out[s as usize] {
                column_by_statement[s as usize] = columns.len() as u32;
                columns.push(s);
            }
        }
        let mut statement_voted = vec![false; m.statements.len()];
        let participants: Vec<u32> = canonical_order(&m.participants)
            .into_iter()
            .filter(|&p| !m.rows[p as usize].is_empty())
            .collect();
        let mut row_start = Vec::with_capacity(participants.len() + 1);
        row_start.push(0);
        let mut column_of = Vec::new();
        let mut value = Vec::new();
        let mut activity = Vec::with_capacity(participants.len());
        let mut entries: Vec<(u32, i8)> = Vec::new();
        for &p in &participants {
            let row = &m.rows[p as usize];
            activity.push(row.len() as u32);
            entries.clear();
            for &(s, v) in row {
                statement_voted[s as usize] = true;
                let c = column_by_statement[s as usize];
                if c != u32::MAX {
                    entries.push((c, v));
                }
            }
            entries.sort_unstable_by_key(|&(c, _)| c);
            for &(c, v) in &entries {
                column_of.push(c);
                value.push(v);
            }
            row_start.push(column_of.len());
        }
        Prepared {
            kept: participants.iter().map(|&p| m.kept[p as usize]).collect(),
            participants,
            columns,
            row_start,
            column_of,
            value,
            activity,
            voted_statements: statement_voted.iter().filter(|&&v| v).count(),
            moderated_voted: statement_voted
                .iter()
                .zip(&m.moderated_out)
                .filter(|(&voted, &out)| voted && out)
                .count(),
        }
    }

    pub fn rows(&self) -> usize {
        self.participants.len()
    }

    pub fn cols(&self) -> usize {
        self.columns.len()
    }

    /// Row `r`'s (column, value) entries, by column.
    pub fn row(&self, r: usize) -> impl Iterator<Item = (usize, i8)> + '_ {
        let range = self.row_start[r]..self.row_start[r + 1];
        self.column_of[range.clone()]
            .iter()
            .zip(&self.value[range])
            .map(|(&c, &v)| (c as usize, v))
    }

    pub fn row_len(&self, r: usize) -> usize {
        self.row_start[r + 1] - self.row_start[r]
    }

    /// The votes that place a participant in the conversation on their
    /// own: min([`CONVERSATION_VOTES`], statements voted on). Everyone
    /// left out voted on fewer.
    pub fn conversation_threshold(&self) -> u32 {
        self.voted_statements.min(CONVERSATION_VOTES) as u32
    }

    /// Rows in the conversation, by row index (canonical order): those who
    /// voted on at least [`Self::conversation_threshold`] statements; if
    /// fewer than 15 qualify, the most active others are added up to 15.
    /// Rows marked kept are always in.
    pub fn in_conversation(&self) -> Vec<usize> {
        let threshold = self.conversation_threshold();
        let mut inside: Vec<bool> = self
            .activity
            .iter()
            .zip(&self.kept)
            .map(|(&a, &kept)| kept || (a >= threshold && a > 0))
            .collect();
        let count = inside.iter().filter(|&&x| x).count();
        if count < 15 {
            let mut others: Vec<usize> = (0..self.rows()).filter(|&r| !inside[r]).collect();
            // Most active first; ties in canonical order (stable sort).
            others.sort_by(|&a, &b| self.activity[b].cmp(&self.activity[a]));
            for r in others.into_iter().take(15 - count) {
                inside[r] = true;
            }
        }
        (0..self.rows()).filter(|&r| inside[r]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_votes_replace_earlier_ones_and_order_is_canonical() {
        let mut m = VoteMatrix::new();
        m.add_statement("10", false).unwrap();
        m.add_statement("2", false).unwrap();
        m.add_statement("3", true).unwrap();
        m.vote("b", "10", Vote::Agree).unwrap();
        m.vote("a", "10", Vote::Agree).unwrap();
        m.vote("a", "10", Vote::Disagree).unwrap();
        m.vote("a", "3", Vote::Pass).unwrap();
        assert_eq!(
            m.vote("a", "99", Vote::Pass),
            Err(OpinionError::UnknownStatement("99".into()))
        );
        let p = Prepared::new(&m);
        assert_eq!(p.columns, vec![1, 0]); // "2" before "10"; "3" moderated out
        assert_eq!(p.participants, vec![1, 0]); // "a" before "b"
        assert_eq!(p.row(0).collect::<Vec<_>>(), vec![(1, -1)]);
        assert_eq!(p.activity, vec![2, 1]);
        assert_eq!(p.voted_statements, 2);
    }

    #[test]
    fn ids_compare_numbers_by_value() {
        assert_eq!(compare_ids("9", "10"), Ordering::Less);
        assert_eq!(compare_ids("10", "a"), Ordering::Less);
        assert_eq!(compare_ids("07", "7"), Ordering::Less);
    }
}
