//! Queuing a message's emails: the due messages, each claimed once, its
//! recipients read in pages by key and written to the outbox in
//! multi-row inserts, all in one transaction (ADR 45).

use uuid::Uuid;

use crate::rows::{self, Ids, Param};
use crate::{new_id, Conn, StorageError, Timestamp};

/// Rows per multi-row insert: 6 parameters each, well under both
/// engines' limits on parameters per statement.
pub const INSERT_ROWS: usize = 1000;

/// One recipient of a message.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub id: Uuid,
    pub email: String,
    pub locale: String,
}

/// One email to queue.
#[derive(Debug, Clone)]
pub struct Email<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: String,
    pub unsubscribe: String,
}

/// The messages due at `now` that no server has taken yet.
pub async fn due(conn: Conn<'_>, now: Timestamp, limit: i64) -> Result<Vec<Uuid>, StorageError> {
    let sql = format!(
        "SELECT id FROM community_messages WHERE send_at <= $1 AND queuing_at IS NULL \
         ORDER BY send_at, id {}",
        rows::limit(limit)
    );
    rows::fetch_all(conn, &sql, &[&now], rows::scalar).await
}

/// Takes message `id` to queue, if it is due and nobody has: one
/// conditional update, so of several servers exactly one gets `true`.
pub async fn claim(conn: Conn<'_>, id: Uuid, now: Timestamp) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE community_messages SET queuing_at = $2 \
         WHERE id = $1 AND queuing_at IS NULL AND send_at <= $2",
        &[&id, &now],
    )
    .await?;
    Ok(n == 1)
}

/// Up to `limit` recipients of a message to these areas and topics,
/// after subscriber `after`, in the order of their ids.
pub async fn recipients(
    conn: Conn<'_>,
    all_areas: bool,
    areas: &[Uuid],
    topics: &[Uuid],
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Recipient>, StorageError> {
    let sql = format!(
        "SELECT s.id, s.email, s.locale FROM community_subscribers s \
         WHERE {} AND ($4 IS NULL OR s.id > $4) ORDER BY s.id {}",
        super::subscribers::matching(&conn),
        rows::limit(limit)
    );
    rows::fetch_all(
        conn,
        &sql,
        &[&all_areas, &Ids(areas), &Ids(topics), &after],
        |r| {
            Ok(Recipient {
                id: r.get("id")?,
                email: r.get("email")?,
                locale: r.get("locale")?,
            })
        },
    )
    .await
}

/// Writes `emails` of message `message` to the outbox in one statement.
pub async fn push(
    conn: Conn<'_>,
    message: Uuid,
    emails: &[Email<'_>],
) -> Result<u64, StorageError> {
    if emails.is_empty() {
        return Ok(0);
    }
    let now = Timestamp::now();
    let ids: Vec<Uuid> = emails.iter().map(|_| new_id()).collect();
    let mut sql = String::with_capacity(64 * emails.len() + 200);
    sql.push_str(
        "INSERT INTO outbox (id, to_address, subject, body, created_at, private, unsubscribe, \
         community_message_id) VALUES ",
    );
    let mut params: Vec<&dyn Param<'_>> = Vec::with_capacity(5 * emails.len() + 2);
    params.push(&now);
    params.push(&message);
    for (i, (e, id)) in emails.iter().zip(&ids).enumerate() {
        let n = 3 + 5 * i;
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(&format!(
            "(${}, ${}, ${}, ${}, $1, FALSE, ${}, $2)",
            n,
            n + 1,
            n + 2,
            n + 3,
            n + 4
        ));
        params.push(id);
        params.push(&e.to);
        params.push(&e.subject);
        params.push(&e.body);
        params.push(&e.unsubscribe);
    }
    rows::execute(conn, &sql, &params).await
}

/// Records that message `id` is queued: `queued` emails.
pub async fn finish(
    conn: Conn<'_>,
    id: Uuid,
    queued: i64,
    now: Timestamp,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE community_messages SET queued_at = $2, queued = $3 WHERE id = $1",
        &[&id, &now, &queued],
    )
    .await?;
    Ok(())
}
