//! Administrators' pages: people and their roles, the audit log and the
//! email outbox. Links to these pages appear only for those allowed; the
//! services refuse everyone else anyway (403).

pub(super) mod audit;
pub(super) mod changes;
pub(super) mod outbox;
pub(super) mod panel;
pub(super) mod people;

use cohesion_domain::ErrorCode;
use uuid::Uuid;

use crate::kit::{AppError, ErrorInfo};

/// A query-string id: absent, or a UUID (anything else is a 400).
pub(super) fn parse_id(
    raw: &Option<String>,
    field: &'static str,
) -> Result<Option<Uuid>, AppError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Uuid::parse_str(s).map(Some).map_err(|_| AppError {
            info: ErrorInfo {
                field: Some(field),
                ..AppError::bad_request(ErrorCode::BadRequest).info
            },
            ..AppError::bad_request(ErrorCode::BadRequest)
        }),
    }
}
