//! Community messages by email (issue 19, ADR 45): people subscribe to
//! areas, topics and a language without an account and confirm by email
//! (`subscribing`); every message carries a one-click unsubscribe link
//! (`unsubscribing`); officers write, translate and send messages, and
//! see counts, never addresses (`authoring`); the server queues due
//! messages to the outbox in batches (`queuing`); the public archive
//! (`reading`); subscriptions in "your data" and erasure
//! (`personal_data`); the demo (`demo`).

pub mod authoring;
pub mod demo;
pub mod personal_data;
pub mod queuing;
pub mod reading;
pub mod subscribing;
pub mod unsubscribing;

use cohesion_domain::community_message::{Topic, Wording};
use cohesion_domain::local_area::LocalArea;
use cohesion_storage::messaging::topics;
use cohesion_storage::site::areas;
use cohesion_storage::Db;

use crate::accounts::Letter;
use crate::ServiceError;

pub use personal_data::MessagingHook;

/// The addresses a community message carries.
#[derive(Debug, Clone)]
pub struct Links {
    /// Stops every community message to this address, in one click.
    pub unsubscribe: String,
    /// Where to choose again what to receive.
    pub change: String,
    /// The message on the site.
    pub online: String,
}

/// The emails of community messages, in the recipient's language; the
/// web layer writes them from the translated messages.
pub trait MessagingLetters: Send + Sync {
    /// "Confirm your subscription", with the link that does it.
    fn confirm(&self, locale: &str, link: &str) -> Letter;
    /// A message as a subscriber receives it, with its links in the
    /// footer.
    fn message(&self, locale: &str, wording: &Wording, links: &Links) -> Letter;
}

/// The areas and the topics people choose from, in their order.
pub async fn choices(db: &Db) -> Result<(Vec<LocalArea>, Vec<Topic>), ServiceError> {
    let mut c = db.acquire().await?;
    let a = areas::in_use(c.conn()).await?;
    let t = topics::in_use(c.conn()).await?;
    Ok((a, t))
}
