//! Community messages over HTTP with the demo: subscribing with double
//! opt-in and no enumeration, dead links, throttling, officers sending
//! to chosen areas and topics through the loopback SMTP server with
//! one-click unsubscribe, scheduled sends, the archive, your data and
//! erasure.

mod sending;
mod subscribing;

use cohesion_domain::community_message::Choices;
use cohesion_storage::messaging::subscribers;
use cohesion_storage::{outbox, Db, Timestamp};
use uuid::Uuid;

use crate::support::Server;

pub const HELEN: &str = "helen@brightwater.example";
pub const AMINA: &str = "amina@brightwater.example";

/// A server per engine with the whole demo.
pub async fn servers() -> Vec<Server> {
    crate::discussions::servers().await
}

/// The demo's areas and topics, in their order.
pub async fn areas_and_topics(db: &Db) -> (Vec<Uuid>, Vec<Uuid>) {
    let (a, t) = cohesion_services::messaging::choices(db).await.unwrap();
    (
        a.iter().map(|a| a.id).collect(),
        t.iter().map(|t| t.id).collect(),
    )
}

/// Makes `email` a confirmed subscriber directly.
pub async fn subscribed(db: &Db, email: &str, locale: &str, choices: Choices) {
    let mut c = db.acquire().await.unwrap();
    subscribers::put(c.conn(), email, locale, &choices, Timestamp::now())
        .await
        .unwrap();
}

/// How many emails the outbox holds for `to`.
pub async fn mail_to(db: &Db, to: &str) -> Vec<outbox::OutboxMessage> {
    let mut c = db.acquire().await.unwrap();
    outbox::to_address(c.conn(), to, 100).await.unwrap()
}

/// The path (from `/community-messages/`) of the first link in `body`
/// that starts with `prefix`.
pub fn link_in(body: &str, prefix: &str) -> String {
    let at = body
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {body}"));
    body[at..].split_whitespace().next().unwrap().to_owned()
}
