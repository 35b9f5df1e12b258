//! Officers' messages: writing, translating, choosing whom for, seeing
//! how many it will reach (counts only: officers never see addresses),
//! and sending now or at a set time. Every write is audited.

use std::collections::BTreeMap;

use cohesion_domain::community_message::{self as domain, Choices, Message, Wording};
use cohesion_domain::identity::Action;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::messaging::messages::{self, Draft};
use cohesion_storage::messaging::subscribers;
use cohesion_storage::Db;
use uuid::Uuid;

use super::choices;
use crate::accounts::SignedIn;
use crate::audit::{audit_log, Origin};
use crate::permissions::require;
use crate::ServiceError;

/// How many messages a page of officers' list holds.
pub const PAGE: i64 = 20;

/// What an officer typed.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub subject: String,
    pub body: String,
    pub language: String,
    pub all_areas: bool,
    pub areas: Vec<String>,
    pub topics: Vec<String>,
}

/// A message with what became of its emails.
#[derive(Debug, Clone)]
pub struct Sending {
    pub message: Message,
    /// Emails written to the outbox, delivered, and given up on.
    pub queued: i64,
    pub delivered: i64,
    pub failed: i64,
}

fn origin(me: &SignedIn) -> Origin<'_> {
    Origin {
        actor: Some(me.user_id),
        client: None,
    }
}

fn ids(raw: &[String], field: &'static str) -> Result<Vec<Uuid>, ValidationError> {
    raw.iter()
        .map(|r| Uuid::try_parse(r.trim()))
        .collect::<Result<_, _>>()
        .map_err(|_| ValidationError::new(field, ErrorCode::InvalidChoice))
}

async fn check(db: &Db, input: &Input) -> Result<(Wording, &'static str, Choices), ServiceError> {
    let mut problems = Vec::new();
    let wording = Wording::parse(&input.subject, &input.body)
        .map_err(|p| problems.extend(p))
        .ok();
    let language = domain::parse_language(&input.language)
        .map_err(|e| problems.push(e))
        .ok();
    let (areas, topics) = choices(db).await?;
    let known_areas: Vec<Uuid> = areas.iter().map(|a| a.id).collect();
    let known_topics: Vec<Uuid> = topics.iter().map(|t| t.id).collect();
    let chosen = match (ids(&input.areas, "areas"), ids(&input.topics, "topics")) {
        (Ok(areas), Ok(topics)) => Choices {
            all_areas: input.all_areas,
            areas,
            topics,
        }
        .checked(&known_areas, &known_topics)
        .map_err(|p| problems.extend(p))
        .ok(),
        (a, t) => {
            problems.extend([a.err(), t.err()].into_iter().flatten());
            None
        }
    };
    match (wording, language, chosen) {
        (Some(w), Some(l), Some(c)) if problems.is_empty() => Ok((w, l, c)),
        _ => Err(ServiceError::InvalidFields(problems)),
    }
}

/// Writes a new message (a draft until sent).
pub async fn create(db: &Db, me: &SignedIn, input: &Input) -> Result<Uuid, ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let (wording, language, chosen) = check(db, input).await?;
    let mut tx = db.begin().await?;
    let draft = Draft {
        wording: &wording,
        language,
        all_areas: chosen.all_areas,
        areas: &chosen.areas,
        topics: &chosen.topics,
    };
    let id = messages::create(tx.conn(), me.user_id, &draft).await?;
    audit_log(
        tx.conn(),
        origin(me),
        "community_message.create",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn already_sent() -> ServiceError {
    ServiceError::Conflict(ValidationError::new(
        "message",
        ErrorCode::MessageAlreadySent,
    ))
}

/// Changes a message not yet sent.
pub async fn update(db: &Db, me: &SignedIn, id: Uuid, input: &Input) -> Result<(), ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let (wording, language, chosen) = check(db, input).await?;
    let mut tx = db.begin().await?;
    messages::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let draft = Draft {
        wording: &wording,
        language,
        all_areas: chosen.all_areas,
        areas: &chosen.areas,
        topics: &chosen.topics,
    };
    if !messages::update(tx.conn(), id, &draft).await? {
        return Err(already_sent());
    }
    audit_log(
        tx.conn(),
        origin(me),
        "community_message.update",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a message's words in `locale` (not its own language); empty
/// subject and body take the translation away.
pub async fn translate(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
    subject: &str,
    body: &str,
) -> Result<(), ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let locale = domain::parse_language(locale)?;
    let mut tx = db.begin().await?;
    let m = messages::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if m.language == locale {
        return Err(ServiceError::Invalid(ValidationError::new(
            "language",
            ErrorCode::InvalidChoice,
        )));
    }
    let mut translations: BTreeMap<String, Wording> = m.translations;
    if subject.trim().is_empty() && body.trim().is_empty() {
        translations.remove(locale);
    } else {
        let w = Wording::parse(subject, body).map_err(ServiceError::invalid)?;
        translations.insert(locale.to_owned(), w);
    }
    if !messages::set_translations(tx.conn(), id, &translations).await? {
        return Err(already_sent());
    }
    audit_log(
        tx.conn(),
        origin(me),
        "community_message.translate",
        Some(id),
        locale,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// When a message sent at `at` goes out: now when `None`, else `at`
/// unless it has passed (a minute's grace for the time the form took).
/// The question before sending asks this too, so a time in the past is
/// refused before anyone is asked to confirm it.
pub fn going_out_at(at: Option<Timestamp>) -> Result<Timestamp, ServiceError> {
    let now = Timestamp::now();
    let when = at.unwrap_or(now);
    if when.as_offset() < now.as_offset() - time::Duration::minutes(1) {
        return Err(ServiceError::Invalid(ValidationError::new(
            "send_at",
            ErrorCode::InvalidDate,
        )));
    }
    Ok(when)
}

/// Sends a message at `at` (now when `None`): the server's queuing step
/// writes its emails to the outbox once it is due. The audit detail says
/// when, never to whom.
pub async fn send(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<(), ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let when = going_out_at(at)?;
    let mut tx = db.begin().await?;
    messages::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !messages::schedule(tx.conn(), id, Some(when.into())).await? {
        return Err(already_sent());
    }
    let detail = match at {
        Some(at) => at.to_rfc3339(),
        None => "now".to_owned(),
    };
    audit_log(
        tx.conn(),
        origin(me),
        "community_message.send",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One message with its counts.
pub async fn get(db: &Db, me: &SignedIn, id: Uuid) -> Result<Sending, ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let mut c = db.acquire().await?;
    let message = messages::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let (queued, delivered, failed) = messages::counts(c.conn(), id).await?;
    Ok(Sending {
        message,
        queued,
        delivered,
        failed,
    })
}

/// A page of messages, newest first.
pub async fn list(db: &Db, me: &SignedIn, page: i64) -> Result<Vec<Message>, ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let mut c = db.acquire().await?;
    Ok(messages::page(c.conn(), page.max(0) * PAGE, PAGE).await?)
}

/// How many confirmed subscribers message `id` reaches, by language.
pub async fn reach(db: &Db, me: &SignedIn, id: Uuid) -> Result<Vec<(String, i64)>, ServiceError> {
    require(me, Action::SendCommunityMessages)?;
    let mut c = db.acquire().await?;
    let m = messages::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(subscribers::reach(c.conn(), m.all_areas, &m.areas, &m.topics).await?)
}
