//! A discussion's place in a consultation (issue 18): optionally, one
//! stage of a consultation's timeline. The stage is named by its place in
//! the timeline, counted from 0, as the timeline's own rows, its
//! translations' keys and its history name it (ADR 38).

use serde::Serialize;
use uuid::Uuid;

use crate::error::{ErrorCode, ValidationError};

/// The field a form's select and the API's member are called, so a
/// problem points at the same name in both.
pub const FIELD: &str = "consultation_stage";

/// A stage of a consultation's timeline that a discussion belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct StageRef {
    pub consultation_id: Uuid,
    /// Its place in the timeline, from 0.
    pub stage: u32,
}

impl StageRef {
    /// As the officers' select sends it: `<consultation id>:<stage>`.
    pub fn form_value(&self) -> String {
        format!("{}:{}", self.consultation_id, self.stage)
    }

    /// A select's value: empty is "not linked"; anything not of the shape
    /// [`form_value`](Self::form_value) writes is `invalid_choice` (that
    /// the consultation and its stage exist is checked against the
    /// database, by the service).
    pub fn parse(raw: &str) -> Result<Option<StageRef>, ValidationError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let invalid = || ValidationError::new(FIELD, ErrorCode::InvalidChoice);
        let (id, stage) = raw.split_once(':').ok_or_else(invalid)?;
        let consultation_id = Uuid::parse_str(id).map_err(|_| invalid())?;
        // Digits only: `+3` and ` 3` are not what the select sends.
        if stage.is_empty() || !stage.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let stage = stage.parse().map_err(|_| invalid())?;
        Ok(Some(StageRef {
            consultation_id,
            stage,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_select_value_reads_back() {
        let link = StageRef {
            consultation_id: Uuid::from_u128(7),
            stage: 2,
        };
        assert_eq!(StageRef::parse(&link.form_value()), Ok(Some(link)));
        assert_eq!(StageRef::parse("  "), Ok(None));
        for bad in [
            "nonsense",
            "00000000-0000-0000-0000-000000000007",
            "00000000-0000-0000-0000-000000000007:",
            "00000000-0000-0000-0000-000000000007:-1",
            "00000000-0000-0000-0000-000000000007:+1",
            "00000000-0000-0000-0000-000000000007:99999999999",
            "not-a-uuid:1",
        ] {
            let e = StageRef::parse(bad).unwrap_err();
            assert_eq!(
                (e.field, e.code),
                (FIELD, ErrorCode::InvalidChoice),
                "{bad}"
            );
        }
    }
}
