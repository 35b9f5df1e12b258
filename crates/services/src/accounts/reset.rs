//! "Forgotten your password?": a single-use link, valid for an hour, sent
//! to the account's address. Asking says the same whether or not the
//! address has an account.

use cohesion_domain::identity::{Email, NewPassword};
use cohesion_domain::rate_limit::RESET_MAIL_PER_ADDRESS;
use cohesion_storage::accounts::{email_tokens, sessions, users};
use cohesion_storage::{outbox, rate_limits, Db, Timestamp};
use time::Duration;

use super::tokens::hash_token;
use super::{issue_token, AccountError, LetterKind, Letters, Passwords};
use crate::audit::{audit_log, Origin};
use crate::clock::unix_now;
use crate::ServiceError;

pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);
pub(crate) const RESET: &str = "reset";

/// Emails a reset link if `email` belongs to a live account. Each address
/// gets a few links an hour at most; past that, nothing more is sent and
/// the last link sent keeps working, so nobody can flood a stranger's
/// inbox or stop their reset by asking for links on their behalf.
pub async fn request(
    db: &Db,
    letters: &dyn Letters,
    base_url: &str,
    email: &str,
    origin: Origin<'_>,
) -> Result<(), ServiceError> {
    let email = Email::parse(email)?;
    let mut tx = db.begin().await?;
    // Counted (and committed) whether or not the address has an account,
    // so that both answers do the same writes and take about as long.
    let key = format!("reset-mail:{}", hash_token(email.as_str()));
    let sent = rate_limits::hit(tx.conn(), &key, RESET_MAIL_PER_ADDRESS, unix_now()).await?;
    let user = users::find_by_email(tx.conn(), &email)
        .await?
        .filter(|u| u.deleted_at.is_none());
    let Some(user) = user.filter(|_| RESET_MAIL_PER_ADDRESS.allows(sent)) else {
        tx.commit().await?;
        return Ok(());
    };
    email_tokens::revoke(tx.conn(), user.id, RESET).await?;
    let token = issue_token(
        tx.conn(),
        user.id,
        RESET,
        email.as_str(),
        RESET_LINK_LIFETIME,
    )
    .await?;
    let locale = user.locale.as_deref().unwrap_or("en");
    let link = format!("{base_url}/password-reset/new?token={token}");
    let letter = letters.write(LetterKind::ResetPassword, locale, &link);
    outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
    // The actor is whoever asked (often nobody signed in), never the owner.
    let detail = "password reset link sent";
    audit_log(
        tx.conn(),
        origin,
        "account.reset_requested",
        Some(user.id),
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a new password with a reset link. The password is checked before
/// the link is used, so a too-short password does not burn the link.
/// Every session of the account ends: whoever knew the old password is
/// signed out.
pub async fn complete(
    db: &Db,
    passwords: &Passwords,
    token: &str,
    new_password: &str,
    origin: Origin<'_>,
) -> Result<(), ServiceError> {
    let password = NewPassword::parse(new_password)?;
    let hash = passwords.hash(&password).await?;
    let mut tx = db.begin().await?;
    let Some((user_id, address)) =
        email_tokens::consume(tx.conn(), &hash_token(token), RESET, Timestamp::now()).await?
    else {
        return Err(AccountError::InvalidToken.into());
    };
    let user = users::find_by_id(tx.conn(), user_id).await?;
    // A link sent to an address the account no longer has is void.
    if user.and_then(|u| u.email) != Some(address) {
        return Err(AccountError::InvalidToken.into());
    }
    users::set_password_hash(tx.conn(), user_id, &hash).await?;
    sessions::delete_for_user(tx.conn(), user_id).await?;
    super::revoke_links(tx.conn(), user_id).await?;
    let origin = Origin {
        actor: Some(user_id),
        ..origin
    };
    audit_log(
        tx.conn(),
        origin,
        "account.password_reset",
        Some(user_id),
        "password reset",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
