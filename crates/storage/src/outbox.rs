//! Email waiting to be sent, or written for administrators to read when no
//! mail server is configured.

use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

pub async fn push(
    conn: Conn<'_>,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    on_conn!(conn, c => {
        sqlx::query("INSERT INTO outbox (id, to_address, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(to)
            .bind(subject)
            .bind(body)
            .bind(Timestamp::now())
            .execute(&mut *c)
            .await
            .map(|_| ())
    })?;
    Ok(id)
}

/// The newest `limit` messages, newest first.
pub async fn recent(conn: Conn<'_>, limit: i64) -> Result<Vec<OutboxMessage>, StorageError> {
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(
            "SELECT id, to_address, subject, body, created_at, sent_at FROM outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&mut *c)
        .await?;
        rows.iter()
            .map(|r| -> Result<OutboxMessage, sqlx::Error> {
                Ok(OutboxMessage {
                    id: r.try_get("id")?,
                    to_address: r.try_get("to_address")?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    created_at: r.try_get("created_at")?,
                    sent_at: r.try_get("sent_at")?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}
