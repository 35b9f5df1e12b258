//! Email waiting to be sent, or written for administrators to read when no
//! mail server is configured.
//!
//! Several servers may share one database, so a message is sent by whoever
//! *claims* it first: [`claim`] sets `sent_at` only if it is still unset,
//! in one statement, and tells the caller whether it won. A send that then
//! fails is [`release`]d for a later try.

use uuid::Uuid;

use crate::rows::{self, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    /// Set when delivery failed for good.
    pub given_up_at: Option<Timestamp>,
    /// The body is the recipient's own (a copy of their answers): the
    /// outbox page never shows it.
    pub private: bool,
    /// The one-click unsubscribe address a notification carries, sent as
    /// its `List-Unsubscribe` header.
    pub unsubscribe: Option<String>,
}

fn message(r: &Row) -> Result<OutboxMessage, sqlx::Error> {
    Ok(OutboxMessage {
        id: r.get("id")?,
        to_address: r.get("to_address")?,
        subject: r.get("subject")?,
        body: r.get("body")?,
        created_at: r.get("created_at")?,
        sent_at: r.get("sent_at")?,
        given_up_at: r.get("given_up_at")?,
        private: r.get("private")?,
        unsubscribe: r.get("unsubscribe")?,
    })
}

pub async fn push(
    conn: Conn<'_>,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Uuid, StorageError> {
    insert(conn, to, subject, body, false).await
}

/// Adds a message whose body is the recipient's own (a copy of their
/// answers): sent like any other, never shown in the outbox page.
pub async fn push_private(
    conn: Conn<'_>,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Uuid, StorageError> {
    insert(conn, to, subject, body, true).await
}

/// Adds a message someone asked for and may stop with one click (a
/// notification): `unsubscribe` is the address that stops it.
pub async fn push_unsubscribable(
    conn: Conn<'_>,
    to: &str,
    subject: &str,
    body: &str,
    unsubscribe: &str,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO outbox (id, to_address, subject, body, created_at, private, unsubscribe) \
         VALUES ($1, $2, $3, $4, $5, FALSE, $6)",
        &[&id, &to, &subject, &body, &Timestamp::now(), &unsubscribe],
    )
    .await?;
    Ok(id)
}

async fn insert(
    conn: Conn<'_>,
    to: &str,
    subject: &str,
    body: &str,
    private: bool,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO outbox (id, to_address, subject, body, created_at, private) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&id, &to, &subject, &body, &Timestamp::now(), &private],
    )
    .await?;
    Ok(id)
}

/// Message `id`, if the outbox still keeps it.
pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<OutboxMessage>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT id, to_address, subject, body, created_at, sent_at, given_up_at, private, unsubscribe \
         FROM outbox \
         WHERE id = $1",
        &[&id],
        message,
    )
    .await
}

/// The newest `limit` messages, newest first.
pub async fn recent(conn: Conn<'_>, limit: i64) -> Result<Vec<OutboxMessage>, StorageError> {
    list(
        conn,
        "SELECT id, to_address, subject, body, created_at, sent_at, given_up_at, private, unsubscribe \
         FROM outbox \
         ORDER BY id DESC LIMIT $1",
        limit,
    )
    .await
}

/// Up to `limit` messages not yet sent, oldest first. Ids are UUIDv7, so
/// the primary key's order is the order they were written in and the
/// query walks that index rather than sorting the table.
pub async fn pending(conn: Conn<'_>, limit: i64) -> Result<Vec<OutboxMessage>, StorageError> {
    list(
        conn,
        "SELECT id, to_address, subject, body, created_at, sent_at, given_up_at, private, unsubscribe \
         FROM outbox \
         WHERE sent_at IS NULL AND given_up_at IS NULL ORDER BY id LIMIT $1",
        limit,
    )
    .await
}

/// Marks message `id` sent at `now` if nobody has yet, and says whether
/// this caller did: one conditional update, so of several servers racing
/// for the same message exactly one gets `true` and sends it.
pub async fn claim(conn: Conn<'_>, id: Uuid, now: Timestamp) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE outbox SET sent_at = $1 WHERE id = $2 AND sent_at IS NULL",
        &[&now, &id],
    )
    .await?;
    Ok(n == 1)
}

/// How many times a message is tried before it is given up.
pub const MAX_ATTEMPTS: i64 = 5;

/// Puts a claimed message back as not sent, after its send failed, so that
/// a later round (on any server) tries again; after [`MAX_ATTEMPTS`] it
/// is given up instead, so it stops taking a place in every round.
pub async fn release(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE outbox SET sent_at = NULL, attempts = attempts + 1, \
         given_up_at = CASE WHEN attempts + 1 >= $2 THEN $3 ELSE NULL END WHERE id = $1",
        &[&id, &MAX_ATTEMPTS, &Timestamp::now()],
    )
    .await?;
    Ok(())
}

/// Gives a message up at once: it can never be sent (an address the mail
/// library refuses, or a permanent refusal by the server).
pub async fn give_up(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE outbox SET sent_at = NULL, attempts = attempts + 1, given_up_at = $2 WHERE id = $1",
        &[&id, &Timestamp::now()],
    )
    .await?;
    Ok(())
}

/// Forgets the text of a message once it is sent: it may hold a sign-in
/// link, which should live only in the recipient's mailbox.
pub async fn forget_body(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(conn, "UPDATE outbox SET body = '' WHERE id = $1", &[&id]).await?;
    Ok(())
}

async fn list(conn: Conn<'_>, sql: &str, limit: i64) -> Result<Vec<OutboxMessage>, StorageError> {
    rows::fetch_all(conn, sql, &[&limit], message).await
}

/// Forgets every message addressed to `to` (its owner deleted their
/// account; unsent mail to them has no one left to serve).
pub async fn forget_to(conn: Conn<'_>, to: &str) -> Result<u64, StorageError> {
    rows::execute(conn, "DELETE FROM outbox WHERE to_address = $1", &[&to]).await
}

/// A page of messages, newest first, older than `before` when given.
pub async fn page(
    conn: Conn<'_>,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<OutboxMessage>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, to_address, subject, body, created_at, sent_at, given_up_at, private, unsubscribe \
         FROM outbox \
         WHERE ($1 IS NULL OR id < $1) ORDER BY id DESC LIMIT $2",
        &[&before, &limit],
        message,
    )
    .await
}

/// The newest `limit` messages to one address (for "your data").
pub async fn to_address(
    conn: Conn<'_>,
    to: &str,
    limit: i64,
) -> Result<Vec<OutboxMessage>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, to_address, subject, body, created_at, sent_at, given_up_at, private, unsubscribe \
         FROM outbox \
         WHERE to_address = $1 ORDER BY id DESC LIMIT $2",
        &[&to, &limit],
        message,
    )
    .await
}
