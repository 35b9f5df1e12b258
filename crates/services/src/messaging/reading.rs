//! The public archive of messages sent.

use cohesion_domain::community_message::Message;
use cohesion_storage::messaging::messages;
use cohesion_storage::Db;
use uuid::Uuid;

use crate::ServiceError;

/// Messages a page of the archive holds.
pub const PAGE: i64 = 20;

/// Page `page` (from 0) of the messages sent, newest first, and whether
/// there are more.
pub async fn archive(db: &Db, page: i64) -> Result<(Vec<Message>, bool), ServiceError> {
    let mut c = db.acquire().await?;
    let mut list = messages::sent_page(c.conn(), page.max(0) * PAGE, PAGE + 1).await?;
    let more = list.len() as i64 > PAGE;
    list.truncate(PAGE as usize);
    Ok((list, more))
}

/// A message sent; not found while it is a draft or still to come.
pub async fn published(db: &Db, id: Uuid) -> Result<Message, ServiceError> {
    let mut c = db.acquire().await?;
    messages::find(c.conn(), id)
        .await?
        .filter(|m| m.queued_at.is_some())
        .ok_or(ServiceError::NotFound)
}
