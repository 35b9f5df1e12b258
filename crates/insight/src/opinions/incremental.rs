//! A live conversation: votes arrive one at a time and the analysis is
//! recomputed only when asked for and only if something changed.
//!
//! Adding a vote costs a binary search in the voter's row. A recompute
//! reuses the stored matrix (no parsing, no de-duplication) and gives
//! exactly what [`super::analyse`] gives on the same votes: the result
//! never depends on the order votes arrived in or on earlier results.

use super::matrix::{Vote, VoteMatrix};
use super::{analyse, Analysis, OpinionError, Options};

#[derive(Clone, Debug)]
pub struct LiveConversation {
    matrix: VoteMatrix,
    options: Options,
    latest: Option<Analysis>,
}

impl LiveConversation {
    pub fn new(options: Options) -> Self {
        Self::from_matrix(VoteMatrix::new(), options)
    }

    /// Starts from votes already cast (for example an import).
    pub fn from_matrix(matrix: VoteMatrix, options: Options) -> Self {
        LiveConversation {
            matrix,
            options,
            latest: None,
        }
    }

    pub fn add_statement(&mut self, id: &str, moderated_out: bool) -> Result<(), OpinionError> {
        self.matrix.add_statement(id, moderated_out)?;
        self.latest = None;
        Ok(())
    }

    /// Moderates a statement in or out.
    pub fn moderate(&mut self, id: &str, moderated_out: bool) -> Result<(), OpinionError> {
        if !self.matrix.set_moderated_out(id, moderated_out) {
            return Err(OpinionError::UnknownStatement(id.to_owned()));
        }
        self.latest = None;
        Ok(())
    }

    /// Records a vote (replacing the participant's earlier vote on the
    /// statement); new participants are added on their first vote.
    pub fn add_vote(
        &mut self,
        participant: &str,
        statement: &str,
        vote: Vote,
    ) -> Result<(), OpinionError> {
        self.matrix.vote(participant, statement, vote)?;
        self.latest = None;
        Ok(())
    }

    /// Keeps a participant in the conversation whatever their vote count
    /// (Pol.is never drops anyone once in: call this for the previous
    /// analysis's participants to get the same stickiness).
    pub fn keep_in_conversation(&mut self, participant: &str) {
        self.matrix.keep_in_conversation(participant);
        self.latest = None;
    }

    pub fn matrix(&self) -> &VoteMatrix {
        &self.matrix
    }

    /// The analysis of the votes so far, recomputed if anything changed.
    pub fn analysis(&mut self) -> &Analysis {
        let (matrix, options) = (&self.matrix, &self.options);
        self.latest.get_or_insert_with(|| analyse(matrix, options))
    }
}
