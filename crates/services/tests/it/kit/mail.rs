//! Delivering the outbox to a real SMTP server on loopback.

use cohesion_services::mail::{deliver_pending, Delivered, Mailer};
use cohesion_storage::{outbox, Db};
use cohesion_testkit as testkit;
use cohesion_testkit::smtp::{refused_url, Received, SmtpServer};
use std::time::Duration;

const FROM: &str = "Cohesion <no-reply@council.example>";
const ARABIC_SUBJECT: &str = "أكّد بريدك الإلكتروني";
const ARABIC_BODY: &str =
    "افتح هذا الرابط خلال 24 ساعة لتأكيد بريدك الإلكتروني:\n\nhttps://engage.example/verify-email?token=abc";
const ENGLISH_BODY: &str = "Open this link:\n\nhttps://engage.example/verify-email?token=def\n.A line that starts with a dot";

async fn push(db: &Db, to: &str, subject: &str, body: &str) -> uuid::Uuid {
    let mut c = db.acquire().await.unwrap();
    outbox::push(c.conn(), to, subject, body).await.unwrap()
}

/// The text as sent. SMTP ends DATA with CRLF "." CRLF, so the last line
/// of a 7bit body arrives with a line break after it.
fn body_of(m: &Received) -> String {
    m.decoded_body().trim_end_matches('\n').to_owned()
}

async fn pending(db: &Db) -> usize {
    let mut c = db.acquire().await.unwrap();
    outbox::pending(c.conn(), 100).await.unwrap().len()
}

#[tokio::test]
async fn pending_email_is_delivered_once_with_its_text_intact() {
    for t in testkit::engines().await {
        let server = SmtpServer::start().await;
        let mailer = Mailer::new(&server.url(), FROM).unwrap();
        let ar = push(&t.db, "amina@example.org", ARABIC_SUBJECT, ARABIC_BODY).await;
        let en = push(
            &t.db,
            "sam@example.org",
            "Confirm your email address",
            ENGLISH_BODY,
        )
        .await;

        let done = deliver_pending(&t.db, &mailer, 10).await.unwrap();
        assert_eq!(done, Delivered { sent: 2, failed: 0 }, "{:?}", t.engine());
        let got = server.received();
        assert_eq!(got.len(), 2);

        let first = &got[0];
        assert_eq!(first.mail_from, "no-reply@council.example");
        assert_eq!(first.rcpt_to, ["amina@example.org"]);
        assert_eq!(first.decoded_subject(), ARABIC_SUBJECT);
        assert_eq!(body_of(first), ARABIC_BODY, "Arabic survives");
        assert!(
            first
                .header("Content-Type")
                .unwrap()
                .contains("charset=utf-8"),
            "{}",
            first.data
        );
        // lettre picks the shorter of quoted-printable and base64 for text
        // that is not plain ASCII: base64 for Arabic, 7bit for English.
        assert_eq!(
            first.header("Content-Transfer-Encoding").as_deref(),
            Some("base64")
        );
        assert!(first.data.is_ascii(), "nothing depends on 8-bit relays");
        assert!(first
            .header("Message-ID")
            .unwrap()
            .contains(&ar.to_string()));

        let second = &got[1];
        assert_eq!(second.rcpt_to, ["sam@example.org"]);
        assert_eq!(second.decoded_subject(), "Confirm your email address");
        assert_eq!(
            second.header("Content-Transfer-Encoding").as_deref(),
            Some("7bit")
        );
        assert_eq!(
            body_of(second),
            ENGLISH_BODY,
            "a line starting with a dot survives dot-stuffing"
        );
        assert!(second
            .header("Message-ID")
            .unwrap()
            .contains(&en.to_string()));

        // Both are marked sent, and another round sends nothing again.
        assert_eq!(pending(&t.db).await, 0);
        let mut c = t.db.acquire().await.unwrap();
        let all = outbox::recent(c.conn(), 10).await.unwrap();
        assert!(all.iter().all(|m| m.sent_at.is_some()));
        drop(c);
        let again = deliver_pending(&t.db, &mailer, 10).await.unwrap();
        assert_eq!(again, Delivered::default());
        assert_eq!(server.received().len(), 2, "nothing sent twice");
    }
}

#[tokio::test]
async fn two_deliverers_at_once_send_each_message_once() {
    for t in testkit::engines().await {
        let server = SmtpServer::start().await;
        let a = Mailer::new(&server.url(), FROM).unwrap();
        let b = Mailer::new(&server.url(), FROM).unwrap();
        for n in 0..6 {
            push(&t.db, &format!("p{n}@example.org"), "Hello", "Body\n").await;
        }
        let (ra, rb) = tokio::join!(
            deliver_pending(&t.db, &a, 10),
            deliver_pending(&t.db, &b, 10)
        );
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        assert_eq!(ra.sent + rb.sent, 6, "{ra:?} {rb:?} on {:?}", t.engine());
        let mut recipients: Vec<String> = server
            .received()
            .into_iter()
            .flat_map(|m| m.rcpt_to)
            .collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), 6);
        assert_eq!(server.received().len(), 6, "no message twice");
        assert_eq!(pending(&t.db).await, 0);
    }
}

#[tokio::test]
async fn a_failed_send_leaves_the_message_pending() {
    for t in testkit::engines().await {
        push(&t.db, "amina@example.org", "Hello", "Body\n").await;
        push(&t.db, "sam@example.org", "Hello", "Body\n").await;

        // Nobody listening: the round stops at the first refusal.
        let unreachable = Mailer::new(&refused_url(), FROM).unwrap();
        let done = deliver_pending(&t.db, &unreachable, 10).await.unwrap();
        assert_eq!(done, Delivered { sent: 0, failed: 1 }, "{:?}", t.engine());
        assert_eq!(pending(&t.db).await, 2, "both still waiting");

        // A server that answers "try again later" to each message.
        let busy = SmtpServer::start_refusing().await;
        let refusing = Mailer::new(&busy.url(), FROM).unwrap();
        let done = deliver_pending(&t.db, &refusing, 10).await.unwrap();
        assert_eq!(done, Delivered { sent: 0, failed: 2 }, "each one tried");
        assert_eq!(pending(&t.db).await, 2);

        // Once a server accepts, both go out.
        let server = SmtpServer::start().await;
        let working = Mailer::new(&server.url(), FROM).unwrap();
        let done = deliver_pending(&t.db, &working, 10).await.unwrap();
        assert_eq!(done.sent, 2);
        assert_eq!(pending(&t.db).await, 0);
    }
}

#[tokio::test]
async fn credentials_in_the_url_are_used_to_log_in() {
    let t = testkit::sqlite().await;
    let server = SmtpServer::start().await;
    let url = format!("smtp://mailer:p%40ss%20word@{}", server.addr());
    let mailer = Mailer::new(&url, FROM).unwrap();
    push(&t.db, "amina@example.org", "Hello", "Body\n").await;
    deliver_pending(&t.db, &mailer, 10).await.unwrap();
    let got = server.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(
        got[0].auth,
        Some(("mailer".into(), "p@ss word".into())),
        "percent-decoded"
    );
}
