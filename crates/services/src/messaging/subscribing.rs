//! Subscribing without an account, confirmed by email (double opt-in).
//! The answer is the same whether or not the address is subscribed
//! already, and a flood for one address is dropped quietly, so nobody
//! learns from it who subscribes (ADR 45).

use cohesion_domain::community_message::{self as domain, Choices, CONFIRM_DAYS};
use cohesion_domain::identity::Email;
use cohesion_domain::rate_limit::RateLimit;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::messaging::subscribers;
use cohesion_storage::{outbox, rate_limits, Conn, Db, Timestamp};
use uuid::Uuid;

use super::{choices, MessagingLetters};
use crate::accounts::tokens::{hash_token, new_token};
use crate::audit::{audit_log, Origin};
use crate::clock::unix_now;
use crate::ServiceError;

/// Subscription requests from one client address: a household or a
/// library's computers have room, a script filling the table does not.
pub const REQUESTS_PER_CLIENT: RateLimit = RateLimit::new(20, 3600);
/// Confirmation emails to one address: past this the request is
/// dropped without a word, and the last link keeps working.
pub const EMAILS_PER_ADDRESS: RateLimit = RateLimit::new(3, 3600);

/// What someone typed on the subscription form (or sent to the API).
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub email: String,
    pub all_areas: bool,
    pub areas: Vec<String>,
    pub topics: Vec<String>,
    pub language: String,
}

/// A request checked.
struct Checked {
    email: Email,
    language: &'static str,
    choices: Choices,
}

async fn check(db: &Db, r: &Request) -> Result<Checked, ServiceError> {
    let (areas, topics) = choices(db).await?;
    let mut problems = Vec::new();
    let email = Email::parse(&r.email).map_err(|e| problems.push(e)).ok();
    let ids = |raw: &[String], field: &'static str, problems: &mut Vec<ValidationError>| {
        let mut out = Vec::new();
        for r in raw {
            match Uuid::try_parse(r.trim()) {
                Ok(id) => out.push(id),
                Err(_) => {
                    problems.push(ValidationError::new(field, ErrorCode::InvalidChoice));
                    return Vec::new();
                }
            }
        }
        out
    };
    let chosen = Choices {
        all_areas: r.all_areas,
        areas: ids(&r.areas, "areas", &mut problems),
        topics: ids(&r.topics, "topics", &mut problems),
    };
    let known_areas: Vec<Uuid> = areas.iter().map(|a| a.id).collect();
    let known_topics: Vec<Uuid> = topics.iter().map(|t| t.id).collect();
    let checked = if problems.is_empty() {
        chosen
            .checked(&known_areas, &known_topics)
            .map_err(|p| problems.extend(p))
            .ok()
    } else {
        None
    };
    let language = domain::parse_language(&r.language)
        .map_err(|e| problems.push(e))
        .ok();
    match (email, checked, language) {
        (Some(email), Some(choices), Some(language)) if problems.is_empty() => Ok(Checked {
            email,
            language,
            choices,
        }),
        _ => Err(ServiceError::InvalidFields(problems)),
    }
}

/// Asks to subscribe: checks the form, then (unless this address has
/// had enough emails lately) emails a link that confirms it. Answers the
/// same for an address already subscribed. `client` is the requester's
/// address, counted against [`REQUESTS_PER_CLIENT`] (refused with
/// `RateLimited` past it).
pub async fn request(
    db: &Db,
    letters: &dyn MessagingLetters,
    base_url: &str,
    r: &Request,
    client: &str,
) -> Result<(), ServiceError> {
    {
        let mut c = db.acquire().await?;
        hit(
            c.conn(),
            &format!("community-subscribe:{client}"),
            REQUESTS_PER_CLIENT,
        )
        .await
        .map_err(|retry_after| ServiceError::RateLimited { retry_after })?;
    }
    let checked = check(db, r).await?;
    let email = checked.email.as_str();
    let mut tx = db.begin().await?;
    let bucket = format!("community-confirm:{}", hash_token(email));
    if hit(tx.conn(), &bucket, EMAILS_PER_ADDRESS).await.is_err() {
        // Quietly: the page says "check your email" all the same.
        tx.commit().await?;
        return Ok(());
    }
    let token = new_token()?;
    let expires =
        Timestamp::from(Timestamp::now().as_offset() + time::Duration::days(CONFIRM_DAYS));
    subscribers::request(
        tx.conn(),
        &hash_token(&token),
        email,
        checked.language,
        &checked.choices,
        expires,
    )
    .await?;
    let link = format!("{base_url}/community-messages/confirm?token={token}");
    let letter = letters.confirm(checked.language, &link);
    // Private: the link is the recipient's, not for the outbox page.
    outbox::push_private(tx.conn(), email, &letter.subject, &letter.body).await?;
    tx.commit().await?;
    Ok(())
}

/// Counts a hit on `bucket`; past `limit`, when to try again.
async fn hit(conn: Conn<'_>, bucket: &str, limit: RateLimit) -> Result<(), u32> {
    let now = unix_now();
    match rate_limits::hit(conn, bucket, limit, now).await {
        Ok(hits) if limit.allows(hits) => Ok(()),
        Ok(_) => Err(limit.retry_after(now)),
        // A counter that cannot be read does not stop anyone.
        Err(_) => Ok(()),
    }
}

/// What a confirmation link would confirm, without using it (the page
/// it opens asks first: mail scanners follow links).
pub async fn pending(db: &Db, token: &str) -> Result<(String, Choices), ServiceError> {
    let mut c = db.acquire().await?;
    let found =
        subscribers::pending_request(c.conn(), &hash_token(token), Timestamp::now()).await?;
    let (_, locale, choices) = found.ok_or_else(invalid_token)?;
    Ok((locale, choices))
}

/// Confirms a subscription with the emailed token: the address receives
/// messages from now on, with the choices made with this request
/// (replacing any earlier ones). The token works once, for
/// [`CONFIRM_DAYS`] days. The language it was asked in.
pub async fn confirm(db: &Db, token: &str, client: Option<&str>) -> Result<String, ServiceError> {
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let used = subscribers::use_request(tx.conn(), &hash_token(token), now).await?;
    let (email, locale, choices) = used.ok_or_else(invalid_token)?;
    let id = subscribers::put(tx.conn(), &email, &locale, &choices, now).await?;
    // The address stays out of the log: the subscriber's id names it.
    let origin = Origin {
        actor: None,
        client,
    };
    audit_log(
        tx.conn(),
        origin,
        "community_subscription.confirm",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(locale)
}

pub(super) fn invalid_token() -> ServiceError {
    ServiceError::Invalid(ValidationError::new("token", ErrorCode::InvalidToken))
}
