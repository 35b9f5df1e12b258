//! Accounts: signing up, proving an email address, signing in and out.
//!
//! Every answer that could reveal whether an address has an account is the
//! same either way: sign-up always says "check your email" (the owner of an
//! existing account gets a note instead of a link), and sign-in failures
//! all read "email or password not recognised", after the same work.

pub mod demo;
pub mod organisations;
pub mod passwords;
pub mod people;
pub mod profile;
pub mod reset;
pub mod tokens;
pub mod your_data;

use cohesion_domain::identity::{DisplayName, Email, NewPassword, RoleSet};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::sessions::{self, NewSession};
use cohesion_storage::accounts::{email_tokens, users};
use cohesion_storage::{outbox, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use crate::audit::{audit_log, Origin};
use crate::throttle;
use crate::ServiceError;
pub use passwords::Passwords;

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::hours(2);
/// …and after this long in any case.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(24);
/// How long an emailed verification link works.
pub const VERIFY_LINK_LIFETIME: Duration = Duration::hours(24);
/// Requests within this long of the last one do not update "last seen",
/// so reading pages does not write to the database every time.
const TOUCH_EVERY: Duration = Duration::minutes(1);

const VERIFY: &str = "verify";

/// What only the accounts feature refuses.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("email or password not recognised")]
    InvalidCredentials,
    #[error("this account is suspended")]
    Suspended,
    #[error("the link is invalid, used or expired")]
    InvalidToken,
}

/// An email, written in the recipient's language by the caller.
pub struct Letter {
    pub subject: String,
    pub body: String,
}

/// The emails the platform sends. Each carries one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind<'a> {
    /// "Confirm your email address", after sign-up.
    VerifyEmail,
    /// "You already have an account", when someone signs up with it.
    AlreadyRegistered,
    /// "Choose a new password".
    ResetPassword,
    /// "Confirm your new email address", sent to the new address.
    ConfirmNewEmail,
    /// "You are invited to join an organisation".
    Invitation { organisation: &'a str },
    /// "Your email address was changed", sent to the old address.
    EmailChanged,
}

/// Writes the emails; the web layer implements it with the translated
/// messages.
pub trait Letters: Send + Sync {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter;
}

/// Issues a single-use token for `purpose`, valid for `lifetime`, bound
/// to `email`; returns the secret to put in the link.
pub(crate) async fn issue_token(
    conn: cohesion_storage::Conn<'_>,
    user_id: Uuid,
    purpose: &str,
    email: &str,
    lifetime: Duration,
) -> Result<String, ServiceError> {
    let token = tokens::new_token()?;
    let expires = Timestamp::from(Timestamp::now().as_offset() + lifetime);
    email_tokens::create(
        conn,
        &tokens::hash_token(&token),
        user_id,
        purpose,
        email,
        expires,
    )
    .await?;
    Ok(token)
}

/// Whether `candidate` is the signed-in person's password: asked again
/// before changes a stolen session must not be able to make.
pub(crate) async fn is_current_password(
    db: &Db,
    passwords: &Passwords,
    me: &SignedIn,
    candidate: &str,
) -> Result<bool, ServiceError> {
    let stored = {
        let mut c = db.acquire().await?;
        users::find_by_id(c.conn(), me.user_id)
            .await?
            .and_then(|u| u.password_hash)
    };
    passwords.verify(stored.as_deref(), candidate).await
}

/// Withdraws every unused reset and email-change link of the person: after
/// a password change, a reset, "sign out everywhere" or a suspension, a
/// link sent earlier (perhaps at someone else's request) must not work.
pub(crate) async fn revoke_links(
    conn: cohesion_storage::Conn<'_>,
    user_id: Uuid,
) -> Result<(), ServiceError> {
    let mut conn = conn;
    email_tokens::revoke(conn.reborrow(), user_id, reset::RESET).await?;
    email_tokens::revoke(conn.reborrow(), user_id, profile::CHANGE_EMAIL).await?;
    Ok(())
}

/// Whether `address` may receive one more note it did not ask for ("you
/// already have an account", invitations). A few an hour at most, so the
/// platform cannot be used to flood a stranger's inbox. Counted apart from
/// reset links, so notes cannot use up someone's resets.
pub(crate) async fn note_allowed(
    conn: cohesion_storage::Conn<'_>,
    address: &str,
) -> Result<bool, ServiceError> {
    use cohesion_domain::rate_limit::NOTES_PER_ADDRESS;
    let key = format!("notes:{}", tokens::hash_token(address));
    let n =
        cohesion_storage::rate_limits::hit(conn, &key, NOTES_PER_ADDRESS, crate::clock::unix_now())
            .await?;
    Ok(NOTES_PER_ADDRESS.allows(n))
}

pub struct SignUp<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password: &'a str,
    pub locale: &'a str,
}

/// Creates an account and emails a verification link, or, if the address
/// already has an account, emails its owner a note. The caller shows the
/// same "check your email" page either way. With `origin.client`, the
/// sign-up is throttled per address and per address typed (ADR 0023).
pub async fn sign_up(
    db: &Db,
    passwords: &Passwords,
    letters: &dyn Letters,
    base_url: &str,
    input: SignUp<'_>,
    origin: Origin<'_>,
) -> Result<(), ServiceError> {
    if let Some(client) = origin.client {
        throttle::sign_up_allowed(db, input.email, client).await?;
    }
    let email = Email::parse(input.email);
    let name = DisplayName::parse(input.display_name);
    let password = NewPassword::parse(input.password);
    let (email, name, password) = match (email, name, password) {
        (Ok(e), Ok(n), Ok(p)) => (e, n, p),
        (e, n, p) => {
            let errors: Vec<ValidationError> =
                [e.err(), n.err(), p.err()].into_iter().flatten().collect();
            return Err(ServiceError::InvalidFields(errors));
        }
    };
    // Hash before looking the address up, so both paths take as long.
    let hash = passwords.hash(&password).await?;
    let mut tx = db.begin().await?;
    match users::insert(tx.conn(), &email, &name, &hash, input.locale).await? {
        Some(id) => {
            let token =
                issue_token(tx.conn(), id, VERIFY, email.as_str(), VERIFY_LINK_LIFETIME).await?;
            let letter = letters.write(
                LetterKind::VerifyEmail,
                input.locale,
                &format!("{base_url}/verify-email?token={token}"),
            );
            outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
            let origin = Origin {
                actor: Some(id),
                ..origin
            };
            audit_log(tx.conn(), origin, "account.create", Some(id), "signed up").await?;
        }
        None if !note_allowed(tx.conn(), email.as_str()).await? => {}
        None => {
            let existing = users::find_by_email(tx.conn(), &email).await?;
            let locale = existing
                .and_then(|u| u.locale)
                .unwrap_or_else(|| input.locale.to_owned());
            let letter = letters.write(
                LetterKind::AlreadyRegistered,
                &locale,
                &format!("{base_url}/sign-in"),
            );
            outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Uses a verification link. Expired, used, forged or stale links all get
/// the same refusal.
pub async fn verify_email(db: &Db, token: &str, origin: Origin<'_>) -> Result<Uuid, ServiceError> {
    let mut tx = db.begin().await?;
    let Some((user_id, address)) = email_tokens::consume(
        tx.conn(),
        &tokens::hash_token(token),
        VERIFY,
        Timestamp::now(),
    )
    .await?
    else {
        return Err(AccountError::InvalidToken.into());
    };
    if !users::mark_verified(tx.conn(), user_id, &address).await? {
        return Err(AccountError::InvalidToken.into());
    }
    let origin = Origin {
        actor: Some(user_id),
        ..origin
    };
    let detail = "email address verified";
    audit_log(
        tx.conn(),
        origin,
        "account.verify_email",
        Some(user_id),
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}

/// A new session's secrets: the cookie value (shown to nobody else) and
/// the token forms must carry.
#[derive(Debug, Clone)]
pub struct NewSessionTokens {
    pub cookie: String,
    pub csrf: String,
}

/// Signs in with email and password. A fresh session every time, so a
/// session id planted before sign-in is worth nothing after it.
///
/// With `client` (as the pages and the API send it), the attempt is
/// throttled first, and a wrong password counts against that account
/// from that address (see [`crate::throttle`]); the refusal says when
/// to try again.
pub async fn sign_in(
    db: &Db,
    passwords: &Passwords,
    email: &str,
    password: &str,
    user_agent: Option<&str>,
    client: Option<&str>,
) -> Result<NewSessionTokens, ServiceError> {
    // Asked for, not counted as a failure: an empty form is a slip.
    let missing: Vec<ValidationError> = [("email", email.trim()), ("password", password)]
        .into_iter()
        .filter(|(_, typed)| typed.is_empty())
        .map(|(field, _)| ValidationError::new(field, ErrorCode::FieldRequired))
        .collect();
    if !missing.is_empty() {
        return Err(ServiceError::invalid(missing));
    }
    if let Some(client) = client {
        throttle::sign_in_allowed(db, email, client).await?;
    }
    let checked = check_credentials(db, passwords, email, password).await;
    if let (Some(client), Err(ServiceError::Account(AccountError::InvalidCredentials))) =
        (client, &checked)
    {
        throttle::sign_in_failed(db, email, client).await?;
    }
    let user = checked?;
    if user.suspended_at.is_some() {
        return Err(AccountError::Suspended.into());
    }
    let tokens = NewSessionTokens {
        cookie: tokens::new_token()?,
        csrf: tokens::new_token()?,
    };
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let session = NewSession {
        id: cohesion_storage::new_id(),
        token_hash: &tokens::hash_token(&tokens.cookie),
        user_id: user.id,
        csrf_token: &tokens.csrf,
        now,
        expires_at: Timestamp::from(now.as_offset() + ABSOLUTE_TIMEOUT),
        // Kept short, and cut on a character boundary.
        user_agent: user_agent.map(|ua| ua.char_indices().nth(200).map_or(ua, |(i, _)| &ua[..i])),
    };
    sessions::create(tx.conn(), session).await?;
    let origin = Origin {
        actor: Some(user.id),
        client,
    };
    audit_log(
        tx.conn(),
        origin,
        "account.sign_in",
        Some(user.id),
        "signed in",
    )
    .await?;
    tx.commit().await?;
    Ok(tokens)
}

/// The account `email` and `password` name, after the same work whether
/// or not there is one.
async fn check_credentials(
    db: &Db,
    passwords: &Passwords,
    email: &str,
    password: &str,
) -> Result<users::UserRecord, ServiceError> {
    let user = match Email::parse(email) {
        Ok(e) => {
            let mut c = db.acquire().await?;
            users::find_by_email(c.conn(), &e).await?
        }
        Err(_) => None,
    };
    let stored = user
        .as_ref()
        .filter(|u| u.deleted_at.is_none())
        .and_then(|u| u.password_hash.as_deref());
    if !passwords.verify(stored, password).await? {
        return Err(AccountError::InvalidCredentials.into());
    }
    Ok(user.ok_or(AccountError::InvalidCredentials)?)
}

/// The person behind a session cookie, if the session is still alive.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: Uuid,
    /// The public id of this session (`None` for sessions older than ids).
    pub session_id: Option<Uuid>,
    /// The SHA-256 of the cookie, to tell this session from the others.
    pub session_hash: String,
    pub email: String,
    pub locale: Option<String>,
    pub display_name: String,
    pub roles: RoleSet,
    pub csrf: String,
    pub email_verified: bool,
}

impl SignedIn {
    /// This person acting from `client`, for the audit log.
    pub fn origin<'a>(&self, client: Option<&'a str>) -> Origin<'a> {
        Origin {
            actor: Some(self.user_id),
            client,
        }
    }
}

pub async fn session(db: &Db, cookie: &str) -> Result<Option<SignedIn>, ServiceError> {
    let hash = tokens::hash_token(cookie);
    let mut c = db.acquire().await?;
    let Some((s, user, roles)) = sessions::find_with_user(c.conn(), &hash).await? else {
        return Ok(None);
    };
    let now = Timestamp::now();
    let idle_until = Timestamp::from(s.last_seen_at.as_offset() + IDLE_TIMEOUT);
    if s.expires_at <= now || idle_until <= now {
        sessions::delete(c.conn(), &hash).await?;
        return Ok(None);
    }
    // A suspension ends sessions; one begun in a race with it ends here.
    if user.deleted_at.is_some() || user.suspended_at.is_some() {
        return Ok(None);
    }
    if s.last_seen_at.as_offset() + TOUCH_EVERY <= now.as_offset() {
        sessions::touch(c.conn(), &hash, now).await?;
    }
    Ok(Some(SignedIn {
        user_id: user.id,
        session_id: s.id,
        session_hash: hash,
        email: user.email.unwrap_or_default(),
        locale: user.locale,
        display_name: user.display_name.unwrap_or_default(),
        roles: RoleSet::new(roles, user.suspended_at.is_some()),
        csrf: s.csrf_token,
        email_verified: user.email_verified_at.is_some(),
    }))
}

pub async fn sign_out(db: &Db, cookie: &str) -> Result<(), ServiceError> {
    let mut c = db.acquire().await?;
    sessions::delete(c.conn(), &tokens::hash_token(cookie)).await?;
    Ok(())
}

/// Ends every session of the person, on every device, and withdraws the
/// links emailed for their account.
pub async fn sign_out_everywhere(db: &Db, user_id: Uuid) -> Result<u64, ServiceError> {
    let mut tx = db.begin().await?;
    let n = sessions::delete_for_user(tx.conn(), user_id).await?;
    revoke_links(tx.conn(), user_id).await?;
    let origin = Origin {
        actor: Some(user_id),
        client: None,
    };
    audit_log(
        tx.conn(),
        origin,
        "account.sign_out_everywhere",
        Some(user_id),
        "every session ended",
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
