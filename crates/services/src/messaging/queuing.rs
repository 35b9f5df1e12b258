//! Writing due messages' emails to the outbox: each message claimed by
//! one server, its recipients read in pages by key and written in
//! multi-row inserts, all in one transaction, so a message is queued
//! whole or not at all (ADR 45). Mail delivery then sends them.

use cohesion_storage::messaging::messages;
use cohesion_storage::messaging::queue::{self, Email, INSERT_ROWS};
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::unsubscribing;
use super::{Links, MessagingLetters};
use crate::ServiceError;

/// Queues every message due now; how many emails were written.
pub async fn queue_due(
    db: &Db,
    letters: &dyn MessagingLetters,
    base_url: &str,
) -> Result<u64, ServiceError> {
    let due = {
        let mut c = db.acquire().await?;
        queue::due(c.conn(), Timestamp::now(), 10).await?
    };
    let mut written = 0;
    for id in due {
        written += queue_one(db, letters, base_url, id).await?;
    }
    Ok(written)
}

/// Queues message `id` if it is due and no server has; how many emails.
pub async fn queue_one(
    db: &Db,
    letters: &dyn MessagingLetters,
    base_url: &str,
    id: Uuid,
) -> Result<u64, ServiceError> {
    let key = unsubscribing::key(db).await?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    if !queue::claim(tx.conn(), id, now).await? {
        tx.commit().await?;
        return Ok(0);
    }
    let Some(m) = messages::find(tx.conn(), id).await? else {
        return Ok(0);
    };
    let online = format!("{base_url}/community-messages/{id}");
    let change = format!("{base_url}/community-messages/subscribe");
    // Each language's letter is written once, with a stand-in for the
    // unsubscribe link that each email's own link then replaces.
    const STAND_IN: &str = "\u{1}unsubscribe\u{1}";
    let mut written_in: Vec<(String, String, String)> = Vec::new();
    let mut after = None;
    let mut total = 0u64;
    loop {
        let page = queue::recipients(
            tx.conn(),
            m.all_areas,
            &m.areas,
            &m.topics,
            after,
            INSERT_ROWS as i64,
        )
        .await?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        for r in &page {
            if !written_in.iter().any(|(l, _, _)| *l == r.locale) {
                let (wording, _) = m.in_language(&r.locale);
                let links = Links {
                    unsubscribe: STAND_IN.to_owned(),
                    change: change.clone(),
                    online: online.clone(),
                };
                let letter = letters.message(&r.locale, wording, &links);
                written_in.push((r.locale.clone(), letter.subject, letter.body));
            }
        }
        let emails: Vec<Email<'_>> = page
            .iter()
            .map(|r| {
                let (_, subject, body) = written_in
                    .iter()
                    .find(|(l, _, _)| *l == r.locale)
                    .expect("written above");
                let unsubscribe = format!(
                    "{base_url}/community-messages/unsubscribe?token={}",
                    key.token(r.id)
                );
                Email {
                    to: &r.email,
                    subject,
                    body: body.replace(STAND_IN, &unsubscribe),
                    unsubscribe,
                }
            })
            .collect();
        total += queue::push(tx.conn(), id, &emails).await?;
        if page.len() < INSERT_ROWS {
            break;
        }
    }
    queue::finish(tx.conn(), id, total as i64, Timestamp::now()).await?;
    tx.commit().await?;
    Ok(total)
}
