//! Fixed-window rate limits. The counting happens in storage (so that every
//! server agrees); the rules about windows live here.

/// A limit of `max` events per `window_secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub max: u32,
    pub window_secs: u32,
}

/// Failed sign-ins to one account from one client address: enough for
/// typos, too few for guessing. Counted per account *and* address, so a
/// stranger elsewhere cannot lock anyone out, and one person's mistakes
/// on a shared connection (a community centre's Wi-Fi, a city hall behind
/// one address) block nobody else there (ADR 0023).
pub const SIGN_IN_FAILURES_PER_ACCOUNT_AND_CLIENT: RateLimit = RateLimit::new(10, 900);
/// Failed sign-ins from one client address, whatever the accounts: a
/// room of people who each mistype once or twice stays under it; one
/// password tried against many accounts does not.
pub const SIGN_IN_FAILURES_PER_CLIENT: RateLimit = RateLimit::new(100, 900);
/// Every sign-in from one client address, successes included: far above
/// any room signing in together, it only caps the password hashing one
/// address can ask of the servers.
pub const SIGN_IN_PER_CLIENT: RateLimit = RateLimit::new(300, 300);
/// Sign-ups for one email address from one client address.
pub const SIGN_UP_PER_ACCOUNT_AND_CLIENT: RateLimit = RateLimit::new(5, 3600);
/// New accounts from one client address: a workshop where everyone signs
/// up at once has room, a script making accounts by the thousand does not.
pub const SIGN_UP_PER_CLIENT: RateLimit = RateLimit::new(100, 3600);
/// A signed-in person's current password asked again (before changing
/// the password or address, or deleting the account), per account and
/// client address.
pub const PASSWORD_CHECKS_PER_ACCOUNT_AND_CLIENT: RateLimit = RateLimit::new(10, 900);

/// Password-reset requests from one client address.
pub const RESET_PER_CLIENT: RateLimit = RateLimit::new(5, 900);
/// Reset emails to one address: enough to retry, too few to flood an
/// inbox. Past it, requests send nothing, and the last link keeps working.
pub const RESET_MAIL_PER_ADDRESS: RateLimit = RateLimit::new(3, 3600);
/// Notes a person did not ask for ("you already have an account",
/// invitations) to one address.
pub const NOTES_PER_ADDRESS: RateLimit = RateLimit::new(3, 3600);
/// Comments and replies by one member: a lively evening's conversation
/// fits, a flood does not.
pub const COMMENTS_PER_ACCOUNT: RateLimit = RateLimit::new(30, 600);
/// Reports and agreements by one member.
pub const REACTIONS_PER_ACCOUNT: RateLimit = RateLimit::new(120, 600);
/// Votes on statements by one member: enough to vote through a few
/// hundred statements and change one's mind, not a scripted flood.
pub const VOTES_PER_ACCOUNT: RateLimit = RateLimit::new(600, 600);
/// Account changes that send email (new address, invitations) by one
/// signed-in person.
pub const MAIL_SENDING_PER_ACCOUNT: RateLimit = RateLimit::new(10, 3600);
/// Copies of one response's answers by email, asked for by its author:
/// a copy lost or deleted can be sent again, an inbox cannot be filled.
pub const ANSWER_COPIES_PER_RESPONSE: RateLimit = RateLimit::new(3, 3600);
/// Anonymous responses started from one client address: a household or an
/// office behind one address has room, a ballot-stuffing script does not.
pub const ANONYMOUS_RESPONSES_PER_CLIENT: RateLimit = RateLimit::new(20, 3600);

impl RateLimit {
    pub const fn new(max: u32, window_secs: u32) -> Self {
        Self { max, window_secs }
    }

    /// The start of the window that `now` (seconds since the epoch) falls in.
    pub fn window_start(self, now: i64) -> i64 {
        let w = i64::from(self.window_secs.max(1));
        now.div_euclid(w) * w
    }

    /// Seconds until the window containing `now` ends: what a 429 tells
    /// the client to wait.
    pub fn retry_after(self, now: i64) -> u32 {
        let end = self.window_start(now) + i64::from(self.window_secs.max(1));
        u32::try_from(end - now).unwrap_or(self.window_secs)
    }

    /// Whether the `count`th event in a window is allowed.
    pub fn allows(self, count: u32) -> bool {
        count <= self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_aligned_and_retry_counts_down() {
        let limit = RateLimit::new(3, 60);
        assert_eq!(limit.window_start(125), 120);
        assert_eq!(limit.retry_after(125), 55);
        assert_eq!(limit.retry_after(120), 60);
        assert!(limit.allows(3));
        assert!(!limit.allows(4));
    }
}
