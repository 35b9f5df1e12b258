//! What a moderator decides about a comment, as a form or the API sends
//! it, and what each decision does to the comment's state. Nothing here
//! deletes: hiding keeps the text for moderators and gives the public a
//! reason; redaction removes only the words a moderator names, and says
//! so in the text (ADR 33).

use super::comment::State;
use super::moderation::ReportReason;
use crate::error::{ErrorCode, ValidationError};

/// The longest suspension a moderator can give in one decision.
pub const MAX_SUSPENSION_DAYS: u32 = 365;

/// What stands in the text where a moderator removed personal
/// information.
pub const REDACTED: &str = "[removed by a moderator]";

/// One moderator's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Lets a held comment through, or keeps a reported one as it is.
    Approve,
    /// Hides it from the public, for a reason everyone may read.
    Hide(ReportReason),
    /// Shows a hidden comment again.
    Restore,
    /// Removes the given words (personal information) from the text.
    Redact(String),
    /// Warns the author.
    Warn,
    /// Stops the author commenting for some days.
    Suspend(u32),
    /// Passes it to a senior moderator.
    Escalate,
    /// Records that what must be done outside the platform was done
    /// (emergency services, the national reporting route).
    OutsideActionTaken,
}

impl Decision {
    /// The stable code of the decision, as stored and audit-logged.
    pub fn code(&self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Hide(_) => "hide",
            Decision::Restore => "restore",
            Decision::Redact(_) => "redact",
            Decision::Warn => "warn",
            Decision::Suspend(_) => "suspend",
            Decision::Escalate => "escalate",
            Decision::OutsideActionTaken => "outside_action",
        }
    }

    /// Reads a decision from a form's or the API's fields: `action`, and
    /// for `hide` a `reason` code, for `redact` the `words` to remove,
    /// for `suspend` the `days`.
    pub fn parse(
        action: &str,
        reason: &str,
        words: &str,
        days: &str,
    ) -> Result<Self, ValidationError> {
        match action.trim() {
            "approve" => Ok(Decision::Approve),
            "hide" => ReportReason::from_code(reason.trim())
                .map(Decision::Hide)
                .ok_or(ValidationError::new("reason", ErrorCode::InvalidChoice)),
            "restore" => Ok(Decision::Restore),
            "redact" => {
                let words = words.trim();
                if words.is_empty() {
                    Err(ValidationError::new("words", ErrorCode::FieldRequired))
                } else {
                    Ok(Decision::Redact(words.to_owned()))
                }
            }
            "warn" => Ok(Decision::Warn),
            "suspend" => match days.trim().parse::<u32>() {
                Ok(d) if (1..=MAX_SUSPENSION_DAYS).contains(&d) => Ok(Decision::Suspend(d)),
                _ => Err(ValidationError::new("days", ErrorCode::OutOfRange)),
            },
            "escalate" => Ok(Decision::Escalate),
            "outside_action" => Ok(Decision::OutsideActionTaken),
            _ => Err(ValidationError::new("action", ErrorCode::InvalidChoice)),
        }
    }

    /// Whether the decision named `code` (as forms send it) can be taken
    /// on a comment in `state`: what a form offers. Approving or hiding
    /// what is hidden, or restoring what is shown, would be refused.
    pub fn offered(code: &str, state: State) -> bool {
        let probe = match code {
            "approve" => Decision::Approve,
            "hide" => Decision::Hide(ReportReason::Other),
            "restore" => Decision::Restore,
            _ => return !matches!(state, State::DeletedByAuthor | State::RemovedWithAccount),
        };
        probe.next_state(state).is_some()
    }

    /// The state a comment in `state` moves to, or `None` when the
    /// decision does not apply to it (restoring what is not hidden,
    /// anything on what its author deleted or an erasure removed).
    pub fn next_state(&self, state: State) -> Option<State> {
        use State::*;
        match (self, state) {
            (_, DeletedByAuthor | RemovedWithAccount) => None,
            (Decision::Approve, AwaitingModeration | Published) => Some(Published),
            (Decision::Hide(_), AwaitingModeration | Published) => Some(Hidden),
            (Decision::Restore, Hidden) => Some(Published),
            (Decision::Approve | Decision::Hide(_) | Decision::Restore, _) => None,
            (_, s) => Some(s),
        }
    }
}

/// `body` with every occurrence of `words` (compared without regard to
/// case) replaced by [`REDACTED`]; `None` when the words are not in it.
pub fn redact(body: &str, words: &str) -> Option<String> {
    let needle = words.to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let lower = body.to_lowercase();
    // Lowercasing can change lengths outside ASCII; only redact where the
    // lowercase text lines up with the original byte for byte.
    if lower.len() != body.len() {
        return body.contains(words).then(|| body.replace(words, REDACTED));
    }
    let mut out = String::with_capacity(body.len());
    let mut last = 0;
    for (at, _) in lower.match_indices(&needle) {
        out.push_str(&body[last..at]);
        out.push_str(REDACTED);
        last = at + needle.len();
    }
    if last == 0 {
        return None;
    }
    out.push_str(&body[last..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_read_from_their_fields() {
        assert_eq!(
            Decision::parse("hide", "hate", "", ""),
            Ok(Decision::Hide(ReportReason::HateAgainstAGroup))
        );
        assert_eq!(
            Decision::parse("suspend", "", "", "7"),
            Ok(Decision::Suspend(7))
        );
        let e = Decision::parse("suspend", "", "", "0").unwrap_err();
        assert_eq!((e.field, e.code), ("days", ErrorCode::OutOfRange));
        let e = Decision::parse("hide", "rude", "", "").unwrap_err();
        assert_eq!((e.field, e.code), ("reason", ErrorCode::InvalidChoice));
        let e = Decision::parse("redact", "", "  ", "").unwrap_err();
        assert_eq!((e.field, e.code), ("words", ErrorCode::FieldRequired));
        assert!(Decision::parse("delete", "", "", "").is_err());
    }

    #[test]
    fn each_decision_moves_only_what_it_applies_to() {
        use State::*;
        assert_eq!(
            Decision::Approve.next_state(AwaitingModeration),
            Some(Published)
        );
        assert_eq!(Decision::Restore.next_state(Published), None);
        assert_eq!(Decision::Restore.next_state(Hidden), Some(Published));
        assert!(!Decision::offered("restore", Published));
        assert!(Decision::offered("restore", Hidden));
        assert!(!Decision::offered("hide", Hidden));
        assert!(Decision::offered("warn", Hidden));
        assert_eq!(
            Decision::Hide(ReportReason::Spam).next_state(DeletedByAuthor),
            None
        );
        assert_eq!(Decision::Warn.next_state(Hidden), Some(Hidden));
        assert_eq!(Decision::Approve.next_state(Hidden), None);
    }

    #[test]
    fn redaction_removes_only_the_words_named() {
        assert_eq!(
            redact("Call Sam on 07700 900123 or 07700 900123.", "07700 900123").as_deref(),
            Some("Call Sam on [removed by a moderator] or [removed by a moderator].")
        );
        assert_eq!(
            redact("Lives at 4 Mill Lane", "mill lane").as_deref(),
            Some("Lives at 4 [removed by a moderator]")
        );
        assert_eq!(redact("Nothing here", "Mill Lane"), None);
    }
}
