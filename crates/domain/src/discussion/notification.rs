//! What people are told about discussions, and what each kind is when a
//! person has not chosen: every kind in the site; by email only what a
//! moderator decided about their own comment, which they must hear of
//! (ADR 34: the author is told what happened and why), until they say
//! otherwise. Replies and closings can be many, so email is asked for.

/// A kind of notification, as people choose them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Someone replied to your comment.
    Reply,
    /// A moderator decided about your comment (or your appeal).
    Moderation,
    /// A discussion you follow closed.
    Closing,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Reply, Kind::Moderation, Kind::Closing];

    /// As stored, in forms and in unsubscribe links.
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Reply => "reply",
            Kind::Moderation => "moderation",
            Kind::Closing => "closing",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// (in the site, by email) for a person who has not chosen.
    pub const fn default_choice(self) -> (bool, bool) {
        match self {
            Kind::Moderation => (true, true),
            Kind::Reply | Kind::Closing => (true, false),
        }
    }
}

/// The moderation decisions an author is told of, by their stored code:
/// what changes for them or their comment. An escalation or a record of
/// action taken elsewhere changes nothing they can see.
pub fn tells_author(decision: &str) -> bool {
    matches!(
        decision,
        "approve"
            | "hide"
            | "restore"
            | "redact"
            | "warn"
            | "suspend"
            | "appeal_upheld"
            | "appeal_overturned"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_code(k.code()), Some(k));
        }
        assert_eq!(Kind::from_code("everything"), None);
    }

    #[test]
    fn authors_hear_of_what_changes_for_them() {
        assert!(tells_author("hide"));
        assert!(tells_author("appeal_overturned"));
        assert!(!tells_author("escalate"));
        assert!(!tells_author("outside_action"));
    }
}
