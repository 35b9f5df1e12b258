//! What every room shares: letters written plainly, the site's address,
//! the password every test account has, and the code of a refusal.

use cohesion_domain::ErrorCode;
use cohesion_services::accounts::{Letter, LetterKind, Letters};
use cohesion_services::ServiceError;

pub struct Plain;

impl Letters for Plain {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter {
        Letter {
            subject: format!("[{locale}] {kind:?}"),
            body: format!("Open {link}"),
        }
    }
}

pub const BASE: &str = "https://engage.example";
pub const PASSWORD: &str = "a long river of quiet words";

/// The code of a refusal for bad input, or of a conflict with how things
/// stand (the first field's, for several).
pub fn code(e: ServiceError) -> ErrorCode {
    match e {
        ServiceError::Invalid(v) | ServiceError::Conflict(v) => v.code,
        ServiceError::InvalidFields(v) => v[0].code,
        other => panic!("not a validation error: {other:?}"),
    }
}
