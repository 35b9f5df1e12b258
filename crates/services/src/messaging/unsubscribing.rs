//! The one-click unsubscribe link every community message carries
//! (RFC 8058): the subscriber's id signed with the site's key, so it
//! needs nothing stored per email, and using it twice is harmless.

use cohesion_storage::messaging::subscribers;
use cohesion_storage::site::keys;
use cohesion_storage::Db;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

use super::subscribing::invalid_token;
use crate::accounts::tokens::{constant_time_eq, new_token};
use crate::audit::{audit_log, Origin};
use crate::ServiceError;

/// The site's key for community unsubscribe links.
pub struct UnsubscribeKey(Vec<u8>);

pub async fn key(db: &Db) -> Result<UnsubscribeKey, ServiceError> {
    let mut c = db.acquire().await?;
    let secret = keys::get_or_create(c.conn(), "community_unsubscribe", &new_token()?).await?;
    Ok(UnsubscribeKey(secret.into_bytes()))
}

impl UnsubscribeKey {
    fn mac(&self, body: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"community-unsubscribe\n");
        mac.update(body.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The token for subscriber `id`.
    pub fn token(&self, id: Uuid) -> String {
        let body = id.simple().to_string();
        format!("{body}.{}", self.mac(&body))
    }

    fn read(&self, token: &str) -> Option<Uuid> {
        let (body, mac) = token.trim().split_once('.')?;
        if !constant_time_eq(self.mac(body).as_bytes(), mac.as_bytes()) {
            return None;
        }
        Uuid::try_parse(body).ok()
    }
}

/// Whether a link still had something to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsubscribed {
    /// The subscription ended now.
    Now,
    /// It had ended already (the link was used before, or the address
    /// subscribed again since, which made a new link).
    Already,
}

/// Checks a link without using it (the page it opens asks first).
pub async fn check(db: &Db, token: &str) -> Result<(), ServiceError> {
    key(db)
        .await?
        .read(token)
        .map(|_| ())
        .ok_or_else(invalid_token)
}

/// Ends the subscription a link was made for: no sign-in, no question.
/// A link not made here is refused; one used before says so.
pub async fn unsubscribe(
    db: &Db,
    token: &str,
    client: Option<&str>,
) -> Result<Unsubscribed, ServiceError> {
    let id = key(db).await?.read(token).ok_or_else(invalid_token)?;
    let mut tx = db.begin().await?;
    if !subscribers::delete(tx.conn(), id).await? {
        tx.commit().await?;
        return Ok(Unsubscribed::Already);
    }
    let origin = Origin {
        actor: None,
        client,
    };
    audit_log(
        tx.conn(),
        origin,
        "community_subscription.unsubscribe",
        Some(id),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(Unsubscribed::Now)
}
