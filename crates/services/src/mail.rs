//! Sending the outbox over SMTP.
//!
//! Use-cases never send email themselves: they write it to the `outbox`
//! table in the same transaction as the change it reports, so a message
//! exists exactly when its change was saved. When an SMTP server is
//! configured, the binary calls [`deliver_pending`] every few seconds; when
//! none is, messages stay in the outbox for administrators to read.
//!
//! Delivery is at most once. A message is claimed (marked sent) before it
//! is handed to the SMTP server, so two servers sharing the database never
//! both send it; a failed send is released for a later round. A process
//! that dies between the claim and the server's answer loses that one
//! message rather than risk sending it twice.

use std::time::Duration;

use cohesion_storage::outbox::{self, OutboxMessage};
use cohesion_storage::{Db, Timestamp};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::ServiceError;

/// How long one SMTP exchange may take before it counts as failed, so a
/// silent server cannot stall delivery.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// A mail setting that cannot work, described for operators. Never holds
/// the SMTP password.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("invalid SMTP URL: {0}")]
    Url(String),
    #[error("invalid From address {0:?}: {1}")]
    From(String, String),
}

/// Why one message was not sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The message cannot be written (an address lettre refuses).
    #[error("cannot compose the message: {0}")]
    Compose(String),
    #[error(transparent)]
    Smtp(#[from] lettre::transport::smtp::Error),
}

impl SendError {
    /// Trying again cannot help: the message cannot be written, or the
    /// server refused it for good (5xx).
    fn is_permanent(&self) -> bool {
        match self {
            SendError::Compose(_) => true,
            SendError::Smtp(e) => e.is_permanent(),
        }
    }

    /// The server could not be used at all (refused, unreachable, TLS or
    /// timeout), as opposed to answering this one message with an error:
    /// the rest of the round would fail the same way, so it stops.
    fn server_unusable(&self) -> bool {
        match self {
            SendError::Compose(_) => false,
            SendError::Smtp(e) => !(e.is_transient() || e.is_permanent()),
        }
    }
}

/// An SMTP connection setting and the From address mail is sent with.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    // Only the From address: the transport holds the SMTP password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    /// A mailer for `smtp_url`:
    /// - `smtp://HOST:PORT`: no encryption, for a relay on this machine or
    ///   a private network (and tests);
    /// - `smtp://HOST:PORT?tls=required`: STARTTLS, refusing to go on
    ///   without it;
    /// - `smtps://HOST:PORT`: TLS from the first byte.
    ///
    /// `USER:PASSWORD@` before the host (percent-encoded) logs in. `from`
    /// is a mailbox such as `Cohesion <no-reply@council.example>`.
    /// Nothing is contacted yet: a wrong host shows up as failed sends.
    pub fn new(smtp_url: &str, from: &str) -> Result<Mailer, MailConfigError> {
        check_form(smtp_url)?;
        let from = parse_from(from)?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| MailConfigError::Url(e.to_string()))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        Ok(Mailer { transport, from })
    }

    /// Sends one outbox message.
    pub async fn send(&self, message: &OutboxMessage) -> Result<(), SendError> {
        let email = compose(&self.from, message)?;
        self.transport.send(email).await?;
        Ok(())
    }
}

/// Accepts only the three forms above, with a plain message for anything
/// else (lettre's own also allows `tls=opportunistic`, which an attacker on
/// the path can quietly turn off).
fn check_form(url: &str) -> Result<(), MailConfigError> {
    let scheme = url.split_once("://").map(|(s, _)| s);
    let tls = url
        .split_once('?')
        .map(|(_, query)| query.split('&').find_map(|kv| kv.strip_prefix("tls=")));
    match (scheme, tls.flatten()) {
        (Some("smtp"), None | Some("required")) | (Some("smtps"), None) => Ok(()),
        _ => Err(MailConfigError::Url(
            "use smtp://HOST:PORT, smtp://HOST:PORT?tls=required or smtps://HOST:PORT".into(),
        )),
    }
}

/// Checks a From address on its own, for a configuration without SMTP.
pub fn check_from(from: &str) -> Result<(), MailConfigError> {
    parse_from(from).map(|_| ())
}

fn parse_from(from: &str) -> Result<Mailbox, MailConfigError> {
    from.parse::<Mailbox>()
        .map_err(|e| MailConfigError::From(from.to_owned(), e.to_string()))
}

/// The email for an outbox message: plain UTF-8 text (lettre picks 7bit,
/// quoted-printable or base64 so that any text, Arabic included, survives
/// any relay). The Message-ID comes from the outbox id, so a message sent
/// again after a lost reply is recognisable as the same one.
fn compose(from: &Mailbox, m: &OutboxMessage) -> Result<Message, SendError> {
    let to: Mailbox = m
        .to_address
        .parse()
        .map_err(|e: lettre::address::AddressError| SendError::Compose(e.to_string()))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject.as_str())
        .message_id(Some(format!("<{}@{}>", m.id, from.email.domain())))
        .header(ContentType::TEXT_PLAIN);
    if let Some(url) = &m.unsubscribe {
        // RFC 8058: mail programs show an "Unsubscribe" button that posts
        // to the address, which stops this kind of email at once.
        builder = builder
            .header(ListUnsubscribe(format!("<{url}>")))
            .header(ListUnsubscribePost);
    }
    builder
        .body(m.body.clone())
        .map_err(|e| SendError::Compose(e.to_string()))
}

/// The `List-Unsubscribe` header: the address, in angle brackets.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the address takes
/// a POST with no sign-in and no further question.
#[derive(Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// Sends up to `batch` pending messages, oldest first. Each is claimed
/// before sending, so concurrent rounds (on this server or others) send it
/// once between them; a failed send is put back and logged with the
/// message's id only (its body holds a sign-in secret).
pub async fn deliver_pending(
    db: &Db,
    mailer: &Mailer,
    batch: i64,
) -> Result<Delivered, ServiceError> {
    let mut c = db.acquire().await?;
    let pending = outbox::pending(c.conn(), batch).await?;
    let mut done = Delivered::default();
    for message in pending {
        if !outbox::claim(c.conn(), message.id, Timestamp::now()).await? {
            continue; // another round got there first
        }
        match mailer.send(&message).await {
            Ok(()) => {
                outbox::forget_body(c.conn(), message.id).await?;
                done.sent += 1;
            }
            Err(e) if e.is_permanent() => {
                tracing::warn!(id = %message.id, error = %e, "email cannot be sent; given up");
                outbox::give_up(c.conn(), message.id).await?;
                done.failed += 1;
            }
            Err(e) => {
                tracing::warn!(id = %message.id, error = %e, "email not sent; it will be retried");
                outbox::release(c.conn(), message.id).await?;
                done.failed += 1;
                if e.server_unusable() {
                    break;
                }
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A mailer keeps a pool of connections, whose upkeep runs on the
    // runtime: made inside one, as the server makes it.
    #[tokio::test]
    async fn settings_are_checked_without_contacting_anyone() {
        assert!(Mailer::new("smtp://127.0.0.1:2525", "Cohesion <no-reply@localhost>").is_ok());
        assert!(Mailer::new("smtps://u:p%40ss@mail.example:465", "a@b.example").is_ok());
        assert!(Mailer::new("smtp://mail.example?tls=required", "a@b.example").is_ok());
        for bad in [
            "http://mail.example",
            "smtp://",
            "smtp://h?tls=sometimes",
            "smtp://h?tls=opportunistic",
            "smtps://h?tls=required",
            "nonsense",
        ] {
            let err = Mailer::new(bad, "a@b.example").unwrap_err();
            assert!(matches!(err, MailConfigError::Url(_)), "{bad}: {err}");
        }
        let err = Mailer::new("smtp://h", "not an address").unwrap_err();
        assert!(err.to_string().contains("not an address"), "{err}");
        let err = Mailer::new("smtps://user:hunter2@h", "nope").unwrap_err();
        assert!(!err.to_string().contains("hunter2"));
    }

    #[test]
    fn messages_are_plain_utf8_text_identified_by_their_outbox_id() {
        let m = OutboxMessage {
            id: uuid::Uuid::now_v7(),
            to_address: "amina@example.org".into(),
            subject: "أكّد بريدك الإلكتروني".into(),
            body: "افتح هذا الرابط".into(),
            created_at: Timestamp::now(),
            sent_at: None,
            given_up_at: None,
            private: false,
            unsubscribe: None,
        };
        let from = parse_from("Cohesion <no-reply@council.example>").unwrap();
        let raw = String::from_utf8(compose(&from, &m).unwrap().formatted()).unwrap();
        assert!(
            raw.contains("Content-Type: text/plain; charset=utf-8"),
            "{raw}"
        );
        assert!(raw.contains(&format!("Message-ID: <{}@council.example>", m.id)));
        assert!(raw.is_ascii(), "encoded for any relay: {raw}");
        assert!(!raw.contains("List-Unsubscribe"), "{raw}");
    }

    #[test]
    fn notifications_carry_a_one_click_unsubscribe() {
        let m = OutboxMessage {
            id: uuid::Uuid::now_v7(),
            to_address: "amina@example.org".into(),
            subject: "A reply to your comment".into(),
            body: "Read it".into(),
            created_at: Timestamp::now(),
            sent_at: None,
            given_up_at: None,
            private: false,
            unsubscribe: Some("https://council.example/notifications/unsubscribe?token=abc".into()),
        };
        let from = parse_from("Cohesion <no-reply@council.example>").unwrap();
        let raw = String::from_utf8(compose(&from, &m).unwrap().formatted()).unwrap();
        assert!(
            raw.contains(
                "List-Unsubscribe: <https://council.example/notifications/unsubscribe?token=abc>"
            ),
            "{raw}"
        );
        assert!(
            raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{raw}"
        );
    }
}
