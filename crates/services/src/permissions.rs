//! Who may do what, decided here once from the domain's permission
//! matrix, so that every feature refuses the same people.

use cohesion_domain::identity::Action;

use crate::accounts::SignedIn;
use crate::ServiceError;

/// Refuses unless `actor` may take `action`: the one permission matrix in
/// the domain crate decides.
pub(crate) fn require(actor: &SignedIn, action: Action) -> Result<(), ServiceError> {
    if actor.roles.allows(action) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// Whether `viewer` (signed in or not) may take `action`.
pub fn may(viewer: Option<&SignedIn>, action: Action) -> bool {
    viewer.is_some_and(|v| v.roles.allows(action))
}

/// Whether `viewer` may see drafts and everything staff see.
pub fn is_staff(viewer: Option<&SignedIn>) -> bool {
    may(viewer, Action::RunEngagement)
}
