//! What a person changes about their own account: display name, email
//! address (proved again), password, language, and their sessions.

use cohesion_domain::identity::{DisplayName, Email, NewPassword};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::sessions;
use cohesion_storage::accounts::{email_tokens, users};
use cohesion_storage::{outbox, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use super::tokens::hash_token;
use super::{issue_token, AccountError, LetterKind, Letters, Passwords, SignedIn};
use crate::audit::{audit_log, Origin};
use crate::ServiceError;

pub const EMAIL_CHANGE_LINK_LIFETIME: Duration = Duration::hours(24);
pub(crate) const CHANGE_EMAIL: &str = "change_email";

pub async fn change_display_name(
    db: &Db,
    me: &SignedIn,
    raw: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    let name = DisplayName::parse(raw)?;
    let mut tx = db.begin().await?;
    users::set_display_name(tx.conn(), me.user_id, &name).await?;
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "account.rename",
        Some(me.user_id),
        "display name changed",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Saves the language emails and pages use for this person.
pub async fn set_language(db: &Db, me: &SignedIn, tag: &str) -> Result<(), ServiceError> {
    let mut c = db.acquire().await?;
    users::set_locale(c.conn(), me.user_id, tag).await?;
    Ok(())
}

/// Changes the password after checking the current one. Every other
/// session ends; this one stays, under a new cookie (returned), so a copy
/// of the old cookie taken before the change is worth nothing.
pub async fn change_password(
    db: &Db,
    passwords: &Passwords,
    me: &SignedIn,
    current: &str,
    new: &str,
    client: Option<&str>,
) -> Result<String, ServiceError> {
    let new = NewPassword::parse(new);
    let current_ok = super::is_current_password(db, passwords, me, current).await?;
    let mut errors = Vec::new();
    if !current_ok {
        errors.push(ValidationError::new(
            "current_password",
            ErrorCode::InvalidCredentials,
        ));
    }
    let new = match new {
        Ok(p) => Some(p),
        Err(e) => {
            errors.push(ValidationError::new("new_password", e.code));
            None
        }
    };
    let (Some(new), true) = (new, errors.is_empty()) else {
        return Err(ServiceError::InvalidFields(errors));
    };
    let hash = passwords.hash(&new).await?;
    let mut tx = db.begin().await?;
    users::set_password_hash(tx.conn(), me.user_id, &hash).await?;
    sessions::delete_others(tx.conn(), me.user_id, &me.session_hash).await?;
    let cookie = super::tokens::new_token()?;
    sessions::rotate(
        tx.conn(),
        &me.session_hash,
        &super::tokens::hash_token(&cookie),
    )
    .await?;
    super::revoke_links(tx.conn(), me.user_id).await?;
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "account.password_change",
        Some(me.user_id),
        "password changed",
    )
    .await?;
    tx.commit().await?;
    Ok(cookie)
}

/// A request to move the account to another address.
#[derive(Debug, Clone, Copy)]
pub struct EmailChange<'a> {
    pub new_email: &'a str,
    pub current_password: &'a str,
}

/// Sends a confirmation link to the new address; the change happens when
/// it is opened. If the address already has an account, its owner gets
/// a note instead, and the person asking sees the same page either way.
/// The current password is asked for, so that a session left open
/// somewhere cannot move the account to someone else's address.
pub async fn request_email_change(
    db: &Db,
    passwords: &Passwords,
    letters: &dyn Letters,
    base_url: &str,
    me: &SignedIn,
    change: EmailChange<'_>,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    let EmailChange {
        new_email,
        current_password,
    } = change;
    let email = Email::parse(new_email);
    let password_ok = super::is_current_password(db, passwords, me, current_password).await?;
    let mut errors = Vec::new();
    let email = match email {
        Ok(e) if e.as_str() == me.email => {
            errors.push(ValidationError::new("email", ErrorCode::AlreadyRegistered));
            None
        }
        Ok(e) => Some(e),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    if !password_ok {
        errors.push(ValidationError::new(
            "current_password",
            ErrorCode::InvalidCredentials,
        ));
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        return Err(ServiceError::InvalidFields(errors));
    };
    let locale = me.locale.as_deref().unwrap_or("en");
    let mut tx = db.begin().await?;
    if users::find_by_email(tx.conn(), &email).await?.is_some() {
        if !super::note_allowed(tx.conn(), email.as_str()).await? {
            tx.commit().await?;
            return Ok(());
        }
        let letter = letters.write(
            LetterKind::AlreadyRegistered,
            locale,
            &format!("{base_url}/sign-in"),
        );
        outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
    } else {
        email_tokens::revoke(tx.conn(), me.user_id, CHANGE_EMAIL).await?;
        let token = issue_token(
            tx.conn(),
            me.user_id,
            CHANGE_EMAIL,
            email.as_str(),
            EMAIL_CHANGE_LINK_LIFETIME,
        )
        .await?;
        let link = format!("{base_url}/account/email/confirm?token={token}");
        let letter = letters.write(LetterKind::ConfirmNewEmail, locale, &link);
        outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
    }
    let origin = me.origin(client);
    let detail = "email change requested";
    audit_log(
        tx.conn(),
        origin,
        "account.email_change_requested",
        Some(me.user_id),
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Opens the link sent to the new address: the account moves to it, and
/// the old address is told, so that a change its owner did not make does
/// not go unnoticed.
pub async fn confirm_email_change(
    db: &Db,
    letters: &dyn Letters,
    base_url: &str,
    token: &str,
    origin: Origin<'_>,
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    let Some((user_id, address)) = email_tokens::consume(
        tx.conn(),
        &hash_token(token),
        CHANGE_EMAIL,
        Timestamp::now(),
    )
    .await?
    else {
        return Err(AccountError::InvalidToken.into());
    };
    let before = users::find_by_id(tx.conn(), user_id).await?;
    if !users::change_email(tx.conn(), user_id, &address).await? {
        return Err(AccountError::InvalidToken.into());
    }
    if let Some((Some(old), locale)) = before.map(|u| (u.email, u.locale)) {
        let locale = locale.unwrap_or_else(|| "en".to_owned());
        let link = format!("{base_url}/password-reset");
        let letter = letters.write(LetterKind::EmailChanged, &locale, &link);
        outbox::push(tx.conn(), &old, &letter.subject, &letter.body).await?;
    }
    let origin = Origin {
        actor: Some(user_id),
        ..origin
    };
    audit_log(
        tx.conn(),
        origin,
        "account.email_change",
        Some(user_id),
        "email address changed",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One of a person's live sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// What ends it (`None` for sessions older than ids).
    pub id: Option<Uuid>,
    pub created_at: cohesion_domain::timestamp::Timestamp,
    pub last_seen_at: cohesion_domain::timestamp::Timestamp,
    /// The browser's User-Agent, as it said.
    pub user_agent: Option<String>,
}

/// The person's live sessions, this one included.
pub async fn sessions(db: &Db, me: &SignedIn) -> Result<Vec<Session>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(
        sessions::list_for_user(c.conn(), me.user_id, Timestamp::now())
            .await?
            .into_iter()
            .map(|s| Session {
                id: s.id,
                created_at: s.created_at.into(),
                last_seen_at: s.last_seen_at.into(),
                user_agent: s.user_agent,
            })
            .collect(),
    )
}

/// Ends one of the person's sessions; an id that is not theirs is
/// "not found".
pub async fn end_session(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    if !sessions::delete_by_id(tx.conn(), me.user_id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "account.end_session",
        Some(me.user_id),
        &id.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
