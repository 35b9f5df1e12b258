//! The messages officers write, and the counts of their emails.

use std::collections::BTreeMap;

use cohesion_domain::community_message::{Message, Wording};
use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

const COLUMNS: &str = "id, subject, body, language, translations, all_areas, areas, topics, \
                       created_at, send_at, queued_at, queued";

pub(crate) fn message(r: &rows::Row) -> Result<Message, sqlx::Error> {
    let translations: String = r.get("translations")?;
    let areas: String = r.get("areas")?;
    let topics: String = r.get("topics")?;
    let at = |c: &str| -> Result<Option<Timestamp>, sqlx::Error> { r.get(c) };
    Ok(Message {
        id: r.get("id")?,
        original: Wording {
            subject: r.get("subject")?,
            body: r.get("body")?,
        },
        language: r.get("language")?,
        // Written only from typed values here: never malformed.
        translations: serde_json::from_str(&translations).unwrap_or_default(),
        all_areas: r.get("all_areas")?,
        areas: serde_json::from_str(&areas).unwrap_or_default(),
        topics: serde_json::from_str(&topics).unwrap_or_default(),
        created_at: r.get::<Timestamp>("created_at")?.into(),
        send_at: at("send_at")?.map(Into::into),
        queued_at: at("queued_at")?.map(Into::into),
        queued: r.get("queued")?,
    })
}

/// What an officer writes: the words, their language and whom it is for.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub wording: &'a Wording,
    pub language: &'a str,
    pub all_areas: bool,
    pub areas: &'a [Uuid],
    pub topics: &'a [Uuid],
}

fn json<T: ?Sized + JsonValue>(value: &T) -> String {
    value.json()
}

/// What is stored as JSON text here: lists of ids and translations.
trait JsonValue {
    fn json(&self) -> String;
}

impl JsonValue for [Uuid] {
    fn json(&self) -> String {
        serde_json::to_string(self).expect("ids serialise")
    }
}

impl JsonValue for BTreeMap<String, Wording> {
    fn json(&self) -> String {
        serde_json::to_string(self).expect("texts serialise")
    }
}

pub async fn create(conn: Conn<'_>, by: Uuid, d: &Draft<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    rows::execute(
        conn,
        "INSERT INTO community_messages (id, subject, body, language, all_areas, areas, topics, \
         created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        &[
            &id,
            &d.wording.subject,
            &d.wording.body,
            &d.language,
            &d.all_areas,
            &json(d.areas),
            &json(d.topics),
            &by,
            &now,
        ],
    )
    .await?;
    Ok(id)
}

/// Changes a message not yet sent; whether it was one.
pub async fn update(conn: Conn<'_>, id: Uuid, d: &Draft<'_>) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE community_messages SET subject = $2, body = $3, language = $4, all_areas = $5, \
         areas = $6, topics = $7, updated_at = $8 WHERE id = $1 AND queuing_at IS NULL",
        &[
            &id,
            &d.wording.subject,
            &d.wording.body,
            &d.language,
            &d.all_areas,
            &json(d.areas),
            &json(d.topics),
            &Timestamp::now(),
        ],
    )
    .await?;
    Ok(n == 1)
}

/// Replaces a message's translations; whether it was not yet sent.
pub async fn set_translations(
    conn: Conn<'_>,
    id: Uuid,
    translations: &BTreeMap<String, Wording>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE community_messages SET translations = $2, updated_at = $3 \
         WHERE id = $1 AND queuing_at IS NULL",
        &[&id, &json(translations), &Timestamp::now()],
    )
    .await?;
    Ok(n == 1)
}

/// Sets when a message not yet sent goes out (`None`: back to a draft).
pub async fn schedule(
    conn: Conn<'_>,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE community_messages SET send_at = $2, updated_at = $3 \
         WHERE id = $1 AND queuing_at IS NULL",
        &[&id, &at, &Timestamp::now()],
    )
    .await?;
    Ok(n == 1)
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<Message>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM community_messages WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], message).await
}

/// A page of every message, newest first (for officers).
pub async fn page(conn: Conn<'_>, offset: i64, limit: i64) -> Result<Vec<Message>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM community_messages ORDER BY id DESC {} OFFSET $1",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&offset.max(0)], message).await
}

/// A page of the messages sent, newest first (the public archive).
pub async fn sent_page(
    conn: Conn<'_>,
    offset: i64,
    limit: i64,
) -> Result<Vec<Message>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM community_messages WHERE queued_at IS NOT NULL \
         ORDER BY queued_at DESC, id DESC {} OFFSET $1",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&offset.max(0)], message).await
}

/// How many emails of message `id` were queued, delivered and failed.
pub async fn counts(conn: Conn<'_>, id: Uuid) -> Result<(i64, i64, i64), StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*), \
           COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
           COALESCE(SUM(CASE WHEN given_up_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
         FROM outbox WHERE community_message_id = $1",
        &[&id],
        rows::tuple,
    )
    .await
}
