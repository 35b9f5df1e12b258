//! Use-cases: each checks the rules, then reads or writes storage in one
//! transaction. HTML handlers and JSON handlers both call these, so the two
//! can never disagree.
//!
//! At the top is the kit every feature uses: the shared error, who may do
//! what (`permissions`), the audit log, throttles, the clock, mail, and the
//! demonstration loader that calls each feature's. Below it, one folder
//! per feature; a new feature adds its folder and one `pub mod` line here.

pub mod audit;
mod clock;
pub mod demo;
pub mod erasure;
mod group_commit;
pub mod mail;
pub mod permissions;
pub mod throttle;

pub mod accounts;
pub mod consultations;
pub mod discussions;
pub mod help;
pub mod messaging;
pub mod site;
pub mod tensions;

use cohesion_domain::ValidationError;
use cohesion_storage::StorageError;

/// The database every use-case takes; callers hold one for the process.
pub use cohesion_storage::Db;

use accounts::your_data::YourData;
use erasure::PersonalData;

/// Every feature that keeps personal data, in the order an account's
/// deletion runs them: the one list the deletion and the "your data"
/// download go through (ADR 7). A feature whose tables point at an
/// account adds its hook here, in one line; a test fails until it does.
pub const PERSONAL_DATA: &[&dyn PersonalData<YourData>] = &[
    &accounts::your_data::AccountHook,
    &accounts::organisations::MembershipsHook,
    &consultations::responding::personal_data::ResponsesHook,
    &consultations::StaffWorkHook,
    &discussions::personal_data::DiscussionsHook,
    &messaging::MessagingHook,
];

/// What went wrong, in the terms every feature shares; a feature's own
/// failures are its error type, carried here so that callers meet one
/// error and the web renders each the same way for pages and the API.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// Several fields at once, for forms that report every problem.
    #[error("{} fields are invalid", .0.len())]
    InvalidFields(Vec<ValidationError>),
    /// The request is sound but not now: it conflicts with how things
    /// stand (a consultation that is not open).
    #[error("conflict: {0}")]
    Conflict(ValidationError),
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many requests; retry after {retry_after} s")]
    RateLimited { retry_after: u32 },
    #[error("cryptography failed: {0}")]
    Crypto(String),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Account(#[from] accounts::AccountError),
    #[error(transparent)]
    Consultation(#[from] consultations::ConsultationError),
}

impl ServiceError {
    /// Problems with the input, in order: one as [`ServiceError::Invalid`],
    /// several as [`ServiceError::InvalidFields`], so a form names each.
    pub fn invalid(mut problems: Vec<ValidationError>) -> ServiceError {
        match problems.len() {
            1 => ServiceError::Invalid(problems.remove(0)),
            _ => ServiceError::InvalidFields(problems),
        }
    }
}
