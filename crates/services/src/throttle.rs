//! Database-backed throttles, so that every server counts against the same
//! buckets.

use cohesion_domain::rate_limit::{
    RateLimit, ANONYMOUS_RESPONSES_PER_CLIENT, MAIL_SENDING_PER_ACCOUNT, RESET_PER_CLIENT,
    SIGN_IN_PER_CLIENT, SIGN_UP_PER_CLIENT,
};
use cohesion_storage::{rate_limits, Conn, Db};

use crate::clock::unix_now;
use crate::ServiceError;

/// What is being throttled.
#[derive(Debug, Clone, Copy)]
pub enum Throttled {
    SignIn,
    SignUp,
    PasswordReset,
    /// Changes that send email, counted per account, not per address.
    MailSending,
    /// Anonymous survey responses started from one address.
    AnonymousResponse,
}

impl Throttled {
    fn limit(self) -> (&'static str, RateLimit) {
        match self {
            Throttled::SignIn => ("sign-in", SIGN_IN_PER_CLIENT),
            Throttled::SignUp => ("sign-up", SIGN_UP_PER_CLIENT),
            Throttled::PasswordReset => ("reset", RESET_PER_CLIENT),
            Throttled::MailSending => ("mail", MAIL_SENDING_PER_ACCOUNT),
            Throttled::AnonymousResponse => ("anonymous-response", ANONYMOUS_RESPONSES_PER_CLIENT),
        }
    }
}

/// Counts one attempt by `client`; refuses it, saying when to retry, once
/// the window's allowance is used up.
pub async fn throttle(db: &Db, what: Throttled, client: &str) -> Result<(), ServiceError> {
    let mut c = db.acquire().await?;
    throttle_in(c.conn(), what, client).await
}

/// [`throttle`], inside the caller's transaction (so that the attempt is
/// counted with what it writes).
pub(crate) async fn throttle_in(
    conn: Conn<'_>,
    what: Throttled,
    client: &str,
) -> Result<(), ServiceError> {
    let (name, limit) = what.limit();
    let now = unix_now();
    let hits = rate_limits::hit(conn, &format!("{name}:{client}"), limit, now).await?;
    if limit.allows(hits) {
        Ok(())
    } else {
        Err(ServiceError::RateLimited {
            retry_after: limit.retry_after(now),
        })
    }
}

/// Forgets rate-limit counters older than a day.
pub async fn purge_old_counters(db: &Db) -> Result<u64, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(rate_limits::purge_before(conn.conn(), unix_now() - 86_400).await?)
}
