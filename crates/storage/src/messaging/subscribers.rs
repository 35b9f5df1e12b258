//! Subscribers (confirmed addresses) and the requests waiting for their
//! confirmation. Only a request's token's SHA-256 is stored.

use cohesion_domain::community_message::Choices;
use uuid::Uuid;

use crate::rows::{self, Ids};
use crate::{new_id, Conn, StorageError, Timestamp};

/// A confirmed subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscriber {
    pub id: Uuid,
    pub email: String,
    pub locale: String,
    pub choices: Choices,
    pub confirmed_at: Timestamp,
}

/// Records a request to subscribe `email` with `choices`, confirmed by
/// the token whose hash is `token_hash` until `expires_at`.
pub async fn request(
    conn: Conn<'_>,
    token_hash: &str,
    email: &str,
    locale: &str,
    choices: &Choices,
    expires_at: Timestamp,
) -> Result<(), StorageError> {
    let choices = serde_json::to_string(choices).expect("choices serialise");
    rows::execute(
        conn,
        "INSERT INTO community_subscription_requests \
         (token_hash, email, locale, choices, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &token_hash,
            &email,
            &locale,
            &choices,
            &Timestamp::now(),
            &expires_at,
        ],
    )
    .await?;
    Ok(())
}

/// A waiting request, if the token is one, unused and unexpired (read
/// without using it: the confirmation page shows what will be confirmed).
pub async fn pending_request(
    conn: Conn<'_>,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<(String, String, Choices)>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT email, locale, choices FROM community_subscription_requests \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        &[&token_hash, &now],
        request_row,
    )
    .await
}

fn request_row(r: &rows::Row) -> Result<(String, String, Choices), sqlx::Error> {
    let choices: String = r.get("choices")?;
    Ok((
        r.get("email")?,
        r.get("locale")?,
        serde_json::from_str(&choices).unwrap_or_default(),
    ))
}

/// Uses a request's token if it is unused and unexpired: one atomic
/// update, so a token replayed at the same moment works once.
pub async fn use_request(
    conn: Conn<'_>,
    token_hash: &str,
    now: Timestamp,
) -> Result<Option<(String, String, Choices)>, StorageError> {
    rows::fetch_optional(
        conn,
        "UPDATE community_subscription_requests SET used_at = $2 \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
         RETURNING email, locale, choices",
        &[&token_hash, &now],
        request_row,
    )
    .await
}

/// Makes `email` a subscriber with these choices, replacing any earlier
/// subscription of the address (its old unsubscribe links stop working).
pub async fn put(
    mut conn: Conn<'_>,
    email: &str,
    locale: &str,
    choices: &Choices,
    now: Timestamp,
) -> Result<Uuid, StorageError> {
    delete_by_email(conn.reborrow(), email).await?;
    insert(conn, email, locale, choices, now).await
}

/// Adds `email` as a subscriber, known to have none (the benchmark's
/// and the demo's fresh addresses).
pub async fn insert(
    mut conn: Conn<'_>,
    email: &str,
    locale: &str,
    choices: &Choices,
    now: Timestamp,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn.reborrow(),
        "INSERT INTO community_subscribers (id, email, locale, all_areas, confirmed_at) \
         VALUES ($1, $2, $3, $4, $5)",
        &[&id, &email, &locale, &choices.all_areas, &now],
    )
    .await?;
    for area in &choices.areas {
        rows::execute(
            conn.reborrow(),
            "INSERT INTO community_subscriber_areas (subscriber_id, area_id) VALUES ($1, $2)",
            &[&id, area],
        )
        .await?;
    }
    for topic in &choices.topics {
        rows::execute(
            conn.reborrow(),
            "INSERT INTO community_subscriber_topics (subscriber_id, topic_id) VALUES ($1, $2)",
            &[&id, topic],
        )
        .await?;
    }
    Ok(id)
}

/// Removes subscriber `id`; whether there was one.
pub async fn delete(mut conn: Conn<'_>, id: Uuid) -> Result<bool, StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM community_subscriber_areas WHERE subscriber_id = $1",
        &[&id],
    )
    .await?;
    rows::execute(
        conn.reborrow(),
        "DELETE FROM community_subscriber_topics WHERE subscriber_id = $1",
        &[&id],
    )
    .await?;
    let n = rows::execute(
        conn,
        "DELETE FROM community_subscribers WHERE id = $1",
        &[&id],
    )
    .await?;
    Ok(n == 1)
}

/// Removes the subscription of `email` and its waiting requests.
pub async fn delete_by_email(mut conn: Conn<'_>, email: &str) -> Result<u64, StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM community_subscription_requests WHERE email = $1",
        &[&email],
    )
    .await?;
    let ids: Vec<Uuid> = rows::fetch_all(
        conn.reborrow(),
        "SELECT id FROM community_subscribers WHERE email = $1",
        &[&email],
        rows::scalar,
    )
    .await?;
    let mut n = 0;
    for id in ids {
        n += u64::from(delete(conn.reborrow(), id).await?);
    }
    Ok(n)
}

/// The subscription of `email`, if it has one.
pub async fn by_email(mut conn: Conn<'_>, email: &str) -> Result<Option<Subscriber>, StorageError> {
    let row: Option<(Uuid, String, String, bool, Timestamp)> = rows::fetch_optional(
        conn.reborrow(),
        "SELECT id, email, locale, all_areas, confirmed_at FROM community_subscribers \
         WHERE email = $1",
        &[&email],
        rows::tuple,
    )
    .await?;
    let Some((id, email, locale, all_areas, confirmed_at)) = row else {
        return Ok(None);
    };
    let areas = rows::fetch_all(
        conn.reborrow(),
        "SELECT area_id FROM community_subscriber_areas WHERE subscriber_id = $1 LIMIT 1000",
        &[&id],
        rows::scalar,
    )
    .await?;
    let topics = rows::fetch_all(
        conn,
        "SELECT topic_id FROM community_subscriber_topics WHERE subscriber_id = $1 LIMIT 1000",
        &[&id],
        rows::scalar,
    )
    .await?;
    Ok(Some(Subscriber {
        id,
        email,
        locale,
        choices: Choices {
            all_areas,
            areas,
            topics,
        },
        confirmed_at,
    }))
}

/// The condition that subscriber `s` hears about a message to these
/// areas and topics: parameters `$1` (all areas: boolean), `$2` (areas)
/// and `$3` (topics).
pub(crate) fn matching(conn: &Conn<'_>) -> String {
    format!(
        "($1 OR s.all_areas OR EXISTS (SELECT 1 FROM community_subscriber_areas a \
           WHERE a.subscriber_id = s.id AND {areas})) \
         AND EXISTS (SELECT 1 FROM community_subscriber_topics t \
           WHERE t.subscriber_id = s.id AND {topics})",
        areas = rows::in_ids(conn, "a.area_id", 2),
        topics = rows::in_ids(conn, "t.topic_id", 3),
    )
}

/// How many subscribers a message to these areas and topics reaches, by
/// language: counts only, never addresses.
pub async fn reach(
    conn: Conn<'_>,
    all_areas: bool,
    areas: &[Uuid],
    topics: &[Uuid],
) -> Result<Vec<(String, i64)>, StorageError> {
    let sql = format!(
        "SELECT s.locale, COUNT(*) FROM community_subscribers s WHERE {} \
         GROUP BY s.locale ORDER BY s.locale",
        matching(&conn)
    );
    rows::fetch_all(
        conn,
        &sql,
        &[&all_areas, &Ids(areas), &Ids(topics)],
        rows::tuple,
    )
    .await
}
