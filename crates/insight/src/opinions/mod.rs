//! Opinion groups from agree / disagree / pass votes, in the manner of
//! Pol.is: who is in the conversation, a two-dimensional map of opinions,
//! opinion groups, the statements that set each group apart, and the
//! statements that groups which disagree on most things still agree on.
//!
//! The pipeline, one module per step:
//!
//! 1. [`import`]: a Pol.is export (`comments.csv` and `votes.csv`, or only
//!    `participants-votes.csv`) read into a [`VoteMatrix`], keeping the
//!    latest vote when someone voted twice on one statement.
//! 2. [`matrix`]: the participants × statements matrix, put in a canonical
//!    order (ids sorted, numbers by value) so that the order of the input
//!    never changes the result; moderated-out statements are left out.
//! 3. [`pca`]: principal components with column-mean imputation, and the
//!    sparsity-aware projection of participants and statements.
//! 4. [`clustering`]: base clusters (k-means, up to 100) then opinion
//!    groups (weighted k-means on the base clusters, k from 2 to 5 chosen
//!    by silhouette, never a group of one participant).
//! 5. [`repness`]: representative statements per group, with Pol.is's
//!    smoothed proportions and z-tests.
//! 6. [`consensus`]: consensus statements, group-aware consensus and a
//!    bridging score.
//! 7. [`incremental`]: a live conversation that takes votes one by one.
//!
//! Everything runs on one thread in a fixed order, so the same votes and
//! seed give bit-identical output on any machine and thread count.
//!
//! [`Options`] can switch two steps to Pol.is's own arithmetic
//! ([`Projection::PolisCompatible`], [`Seeding::FirstDistinct`]); see
//! docs/adr/0008 and BENCHMARKS.md for how each choice compares with
//! Pol.is's groups.

pub mod ari;
pub mod clustering;
pub mod consensus;
pub mod import;
pub mod incremental;
pub mod matrix;
mod output;
pub mod pca;
pub mod repness;
mod stats;

pub use import::ImportError;
pub use incremental::LiveConversation;
pub use matrix::{Vote, VoteMatrix};
pub use output::{
    Analysis, ConsensusStatement, ConsensusStatements, Direction, Group, OrderedMap,
    RepresentativeStatement, Status,
};

/// Settings of one analysis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Seed of the clustering's random start; the same votes and seed give
    /// the same output.
    pub seed: u64,
    pub projection: Projection,
    pub seeding: Seeding,
}

/// Where k-means starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Seeding {
    /// k-means++ seeds from the seeded stream; for the groups, the best of
    /// ten restarts by within-group sum of squares.
    #[default]
    KMeansPlusPlus,
    /// Pol.is's seeding of a fresh clustering: the first k distinct
    /// points, participants in id order and base clusters in the order of
    /// their first participant. Ignores the seed.
    FirstDistinct,
}

impl Options {
    /// Default settings with this seed.
    pub fn with_seed(seed: u64) -> Options {
        Options {
            seed,
            ..Options::default()
        }
    }
}

/// How a participant's projection is scaled up for the statements they
/// have not voted on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Projection {
    /// √(statements / votes cast), both counting only statements that are
    /// not moderated out.
    #[default]
    VotesCast,
    /// Pol.is's arithmetic: moderated-out statements that received votes
    /// count as statements and as votes cast by everyone. This shrinks the
    /// scaling of light voters when much is moderated out; it follows
    /// Pol.is's groups more closely on most real conversations (see
    /// BENCHMARKS.md).
    PolisCompatible,
}

/// Errors from building a conversation by hand (the importer has its own,
/// [`ImportError`]).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpinionError {
    #[error("vote on unknown statement {0:?}")]
    UnknownStatement(String),
    #[error("statement {0:?} is already in the conversation")]
    DuplicateStatement(String),
    #[error("vote value {0} is not 1 (agree), -1 (disagree) or 0 (pass)")]
    BadVote(i64),
}

/// Runs the whole analysis on a vote matrix.
///
/// Never panics on any matrix the [`VoteMatrix`] API can build: with too
/// little data the result has [`Status::NotEnoughData`] and says why.
pub fn analyse(votes: &VoteMatrix, options: &Options) -> Analysis {
    let prepared = matrix::Prepared::new(votes);
    output::run(votes, &prepared, options)
}
