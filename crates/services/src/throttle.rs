//! Database-backed throttles, so that every server counts against the same
//! buckets.
//!
//! Most limits count every attempt. Sign-in counts failures, per account
//! and client address together, and checks them before the attempt: a
//! room full of people behind one address may sign in as often as they
//! need to, and one person's wrong passwords block only that account from
//! that address (ADR 0023).

use cohesion_domain::rate_limit::{
    RateLimit, ANONYMOUS_RESPONSES_PER_CLIENT, ANSWER_COPIES_PER_RESPONSE,
    MAIL_SENDING_PER_ACCOUNT, PASSWORD_CHECKS_PER_ACCOUNT_AND_CLIENT, RESET_PER_CLIENT,
    SIGN_IN_FAILURES_PER_ACCOUNT_AND_CLIENT, SIGN_IN_FAILURES_PER_CLIENT, SIGN_IN_PER_CLIENT,
    SIGN_UP_PER_ACCOUNT_AND_CLIENT, SIGN_UP_PER_CLIENT,
};
use cohesion_domain::rate_limit::{COMMENTS_PER_ACCOUNT, REACTIONS_PER_ACCOUNT, VOTES_PER_ACCOUNT};
use cohesion_storage::{rate_limits, Conn, Db};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::clock::unix_now;
use crate::ServiceError;

/// What is being throttled.
#[derive(Debug, Clone, Copy)]
pub enum Throttled {
    /// Every sign-in (and every password set from a reset link) from one
    /// address; failures are counted apart ([`sign_in_allowed`]).
    SignIn,
    /// New accounts from one address.
    SignUp,
    PasswordReset,
    /// Changes that send email, counted per account, not per address.
    MailSending,
    /// Copies of one response's answers by email, counted per response.
    AnswersCopy,
    /// Anonymous survey responses started from one address.
    AnonymousResponse,
    /// Comments and replies, counted per account.
    Commenting,
    /// Agreements and reports, counted per account.
    Reacting,
    /// Votes on statements, counted per account.
    Voting,
}

impl Throttled {
    fn limit(self) -> (&'static str, RateLimit) {
        match self {
            Throttled::SignIn => ("sign-in", SIGN_IN_PER_CLIENT),
            Throttled::SignUp => ("sign-up", SIGN_UP_PER_CLIENT),
            Throttled::PasswordReset => ("reset", RESET_PER_CLIENT),
            Throttled::MailSending => ("mail", MAIL_SENDING_PER_ACCOUNT),
            Throttled::AnswersCopy => ("answers-copy", ANSWER_COPIES_PER_RESPONSE),
            Throttled::AnonymousResponse => ("anonymous-response", ANONYMOUS_RESPONSES_PER_CLIENT),
            Throttled::Commenting => ("commenting", COMMENTS_PER_ACCOUNT),
            Throttled::Reacting => ("reacting", REACTIONS_PER_ACCOUNT),
            Throttled::Voting => ("voting", VOTES_PER_ACCOUNT),
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
    hit(conn, &format!("{name}:{client}"), limit).await
}

/// Counts one hit on `bucket`, refusing it past `limit`.
async fn hit(conn: Conn<'_>, bucket: &str, limit: RateLimit) -> Result<(), ServiceError> {
    let now = unix_now();
    let hits = rate_limits::hit(conn, bucket, limit, now).await?;
    if limit.allows(hits) {
        Ok(())
    } else {
        Err(ServiceError::RateLimited {
            retry_after: limit.retry_after(now),
        })
    }
}

/// An email address as a throttle's bucket names it: hashed, so that the
/// counters hold no address, and folded, so that "Amina@" and "amina@"
/// count together.
fn account_key(email: &str) -> String {
    hash_token(&email.trim().to_lowercase())
}

/// Whether `client` may try to sign in as `email` now: refused while the
/// failures for that account from that address, or from that address
/// altogether, are used up; otherwise the attempt counts against the
/// address's (generous) ceiling on attempts.
pub(crate) async fn sign_in_allowed(
    db: &Db,
    email: &str,
    client: &str,
) -> Result<(), ServiceError> {
    let now = unix_now();
    let mut c = db.acquire().await?;
    let account = format!("sign-in-failed:{}:{client}", account_key(email));
    let address = format!("sign-in-failed:{client}");
    for (bucket, limit) in [
        (account, SIGN_IN_FAILURES_PER_ACCOUNT_AND_CLIENT),
        (address, SIGN_IN_FAILURES_PER_CLIENT),
    ] {
        let failures = rate_limits::count(c.conn(), &bucket, limit, now).await?;
        if failures >= limit.max {
            return Err(ServiceError::RateLimited {
                retry_after: limit.retry_after(now),
            });
        }
    }
    throttle_in(c.conn(), Throttled::SignIn, client).await
}

/// Counts a failed sign-in as `email` from `client`.
pub(crate) async fn sign_in_failed(db: &Db, email: &str, client: &str) -> Result<(), ServiceError> {
    let now = unix_now();
    let mut c = db.acquire().await?;
    let account = format!("sign-in-failed:{}:{client}", account_key(email));
    let address = format!("sign-in-failed:{client}");
    for (bucket, limit) in [
        (account, SIGN_IN_FAILURES_PER_ACCOUNT_AND_CLIENT),
        (address, SIGN_IN_FAILURES_PER_CLIENT),
    ] {
        rate_limits::hit(c.conn(), &bucket, limit, now).await?;
    }
    Ok(())
}

/// Counts a sign-up as `email` from `client`: refused past the
/// allowance for that address from there, or from there altogether.
pub async fn sign_up_allowed(db: &Db, email: &str, client: &str) -> Result<(), ServiceError> {
    let mut c = db.acquire().await?;
    let account = format!("sign-up:{}:{client}", account_key(email));
    hit(c.conn(), &account, SIGN_UP_PER_ACCOUNT_AND_CLIENT).await?;
    throttle_in(c.conn(), Throttled::SignUp, client).await
}

/// Counts one check of a signed-in person's current password from
/// `client`, per account and address.
pub async fn password_check_allowed(
    db: &Db,
    user_id: Uuid,
    client: &str,
) -> Result<(), ServiceError> {
    let mut c = db.acquire().await?;
    let bucket = format!("password-check:{user_id}:{client}");
    hit(c.conn(), &bucket, PASSWORD_CHECKS_PER_ACCOUNT_AND_CLIENT).await
}

/// Forgets rate-limit counters older than a day.
pub async fn purge_old_counters(db: &Db) -> Result<u64, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(rate_limits::purge_before(conn.conn(), unix_now() - 86_400).await?)
}
