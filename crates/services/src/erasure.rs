//! What each feature keeps about a person, given back and let go of in
//! one place (ADR 7): the "your data" download and the deletion of an
//! account both run every hook in `crate::PERSONAL_DATA`, one per feature
//! that keeps personal data. Each hook names the columns of its tables
//! that point at an account, and a test holds those names against the
//! schema, so a table that names people cannot arrive without a hook.

use std::future::Future;
use std::pin::Pin;

use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::Conn;
use uuid::Uuid;

use crate::ServiceError;

/// What happens to what the person wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contributions {
    /// Stays, attributed to "Anonymous – account deleted".
    Keep,
    /// Replaced by a removal notice; replies by others stay in place.
    Remove,
}

impl Contributions {
    /// The choice as forms and the API name it: `keep` or `remove`.
    pub fn parse(key: &str) -> Result<Self, ValidationError> {
        match key {
            "keep" => Ok(Contributions::Keep),
            "remove" => Ok(Contributions::Remove),
            _ => Err(ValidationError::new(
                "contributions",
                ErrorCode::InvalidChoice,
            )),
        }
    }
}

/// The person whose data is given back or erased.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: Uuid,
    /// Every address the account has had that the platform still knows
    /// of: mail and invitations are kept by address, not by account.
    pub addresses: Vec<String>,
}

/// A column (`table.column`) that points at an account, and what becomes
/// of it when the account is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    pub column: &'static str,
    pub on_erasure: OnErasure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnErasure {
    /// The rows go with the account.
    Erased,
    /// As the person chooses ([`Contributions`]).
    Chosen,
    /// The id stays: it says which member of staff did something (wrote,
    /// published, analysed), kept like the audit log's ids; the emptied
    /// account row is what it names.
    Kept,
}

impl Names {
    pub const fn erased(column: &'static str) -> Self {
        Self {
            column,
            on_erasure: OnErasure::Erased,
        }
    }

    pub const fn chosen(column: &'static str) -> Self {
        Self {
            column,
            on_erasure: OnErasure::Chosen,
        }
    }

    pub const fn kept(column: &'static str) -> Self {
        Self {
            column,
            on_erasure: OnErasure::Kept,
        }
    }
}

/// One step of a hook, run inside the caller's transaction.
pub type Step<'a> = Pin<Box<dyn Future<Output = Result<(), ServiceError>> + Send + 'a>>;

/// A feature that keeps personal data. `Export` is the "your data"
/// download (the accounts feature's `YourData`) that each feature adds its
/// part to; the kit names no feature's type.
pub trait PersonalData<Export>: Sync {
    /// Every column of the feature's tables that points at an account.
    fn names(&self) -> &'static [Names];

    /// Adds what the feature keeps about `person` to their download.
    fn export<'a>(&'a self, conn: Conn<'a>, person: &'a Person, into: &'a mut Export) -> Step<'a>;

    /// Lets go of what the feature keeps about `person`, inside the
    /// account's deletion, honouring their choice for what they wrote.
    fn erase<'a>(&'a self, conn: Conn<'a>, person: &'a Person, choice: Contributions) -> Step<'a>;
}
