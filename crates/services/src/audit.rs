//! The audit log as every feature writes to it: an entry per privileged
//! action, in the same transaction as the action (ADR 7).

use cohesion_storage::audit::{self, NewAuditEntry};
use cohesion_storage::Conn;
use uuid::Uuid;

use crate::ServiceError;

/// The start of the actions of respondents (`response.submit`,
/// `response.copy`): theirs, in their own "Your data", and left out of
/// what staff read of the log (a consultation's history, the
/// administrators' audit log), which would show who answered what (ADR 7).
pub const RESPONDENTS_ACTIONS: &str = "response.";

/// Who did something, for the audit log.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    pub actor: Option<Uuid>,
    pub client: Option<&'a str>,
}

/// Appends an audit entry for `origin`'s action on `subject`.
pub(crate) async fn audit_log(
    conn: Conn<'_>,
    origin: Origin<'_>,
    action: &str,
    subject: Option<Uuid>,
    detail: &str,
) -> Result<(), ServiceError> {
    let entry = NewAuditEntry {
        actor_id: origin.actor,
        action,
        subject_id: subject,
        detail,
        client: origin.client,
    };
    audit::append(conn, entry).await?;
    Ok(())
}
