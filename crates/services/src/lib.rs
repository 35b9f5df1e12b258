//! Use-cases: each checks the rules, then reads or writes storage in one
//! transaction. HTML handlers and JSON handlers both call these, so the two
//! can never disagree.

pub mod accounts;
pub mod consultations;
pub mod demo;
pub mod demo_consultations;
pub mod exports;
pub mod feedback;
pub mod findings;
pub mod mail;
pub mod organisations;
pub mod responding;
pub mod results;
pub mod site;
pub mod themes;
pub mod throttle;

use cohesion_domain::ValidationError;
use cohesion_storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// Several fields at once, for forms that report every problem.
    #[error("{} fields are invalid", .0.len())]
    InvalidFields(Vec<ValidationError>),
    #[error("email or password not recognised")]
    InvalidCredentials,
    #[error("this account is suspended")]
    Suspended,
    #[error("the link is invalid, used or expired")]
    InvalidToken,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("cryptography failed: {0}")]
    Crypto(String),
    #[error("too many requests; retry after {retry_after} s")]
    RateLimited { retry_after: u32 },
    /// Survey answers that break the survey's rules, each with its question.
    #[error("{} answers are invalid", .0.len())]
    InvalidAnswers(Vec<cohesion_domain::survey::answers::AnswerError>),
    /// A survey definition with problems, each with where it is.
    #[error("the survey has {} problems", .0.len())]
    InvalidSurvey(Vec<cohesion_domain::survey::model::DefinitionError>),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Seconds since the Unix epoch, for rate-limit windows.
pub(crate) fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Refuses unless `actor` may take `action`: the one permission matrix in
/// the domain crate decides.
pub(crate) fn require(
    actor: &accounts::SignedIn,
    action: cohesion_domain::identity::Action,
) -> Result<(), ServiceError> {
    if actor.roles.allows(action) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}
