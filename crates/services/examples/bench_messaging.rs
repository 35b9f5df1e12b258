//! The community-message benchmark of issue 19, for
//! `scripts/bench-messaging`: seeds N confirmed subscribers, times
//! queuing one message to all of them (the officer's send, as the
//! server's step does it), then times delivery of the queue to a
//! loopback SMTP server (testkit's) in full batches, as `serve` does.
//!
//!   cargo run --release -p cohesion-services --example bench_messaging -- ENGINE N
//!
//! ENGINE is `sqlite` (a fresh file) or `postgres` (a fresh schema on
//! the server `COHESION_TEST_POSTGRES_URL` names), made and dropped as
//! the tests make them. Prints one JSON line. Addresses are generated at
//! example.net: no real data.

use std::time::Instant;

use cohesion_domain::community_message::{Choices, Wording};
use cohesion_services::accounts::Letter;
use cohesion_services::mail::{deliver_pending, Mailer};
use cohesion_services::messaging::{queuing, Links, MessagingLetters};
use cohesion_storage::messaging::messages::{self, Draft};
use cohesion_storage::messaging::{subscribers, topics};
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit::smtp::SmtpServer;

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Plain letters: the subject and body with a footer of links.
struct Plain;

impl MessagingLetters for Plain {
    fn confirm(&self, _: &str, link: &str) -> Letter {
        Letter {
            subject: "Confirm".into(),
            body: link.into(),
        }
    }

    fn message(&self, _: &str, w: &Wording, links: &Links) -> Letter {
        Letter {
            subject: w.subject.clone(),
            body: format!("{}\n\n-- \nUnsubscribe: {}", w.body, links.unsubscribe),
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().collect();
    let engine = args.get(1).ok_or("ENGINE N")?;
    let n: usize = args.get(2).ok_or("ENGINE N")?.parse()?;
    let test_db = match engine.as_str() {
        "sqlite" => cohesion_testkit::sqlite().await,
        "postgres" => cohesion_testkit::postgres()
            .await
            .ok_or("COHESION_TEST_POSTGRES_URL is not set")?,
        other => return Err(format!("unknown engine {other}").into()),
    };
    let db: &Db = &test_db.db;

    let started = Instant::now();
    let mut tx = db.begin().await?;
    let topic = topics::add(tx.conn(), "Online safety", "en", &Default::default()).await?;
    let choices = Choices {
        all_areas: true,
        areas: vec![],
        topics: vec![topic],
    };
    let now = Timestamp::now();
    for i in 0..n {
        let locale = if i % 3 == 0 { "ar" } else { "en" };
        let email = format!("subscriber{i}@example.net");
        subscribers::insert(tx.conn(), &email, locale, &choices, now).await?;
    }
    let wording = Wording {
        subject: "Benchmark message".into(),
        body: "A short community message, as officers write them.\n\nWith two paragraphs.".into(),
    };
    let id = messages::create(
        tx.conn(),
        uuid::Uuid::nil(),
        &Draft {
            wording: &wording,
            language: "en",
            all_areas: true,
            areas: &[],
            topics: &[topic],
        },
    )
    .await?;
    messages::schedule(tx.conn(), id, Some(now)).await?;
    tx.commit().await?;
    let seed_s = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let queued = queuing::queue_one(db, &Plain, "https://council.example", id).await?;
    let queue_s = started.elapsed().as_secs_f64();

    let smtp = SmtpServer::start().await;
    let mailer = Mailer::new(&smtp.url(), "Cohesion <no-reply@council.example>")?;
    let started = Instant::now();
    let mut delivered = 0;
    let mut failed = 0;
    loop {
        let done = deliver_pending(db, &mailer, 100).await?;
        delivered += done.sent;
        failed += done.failed;
        if done.sent + done.failed == 0 {
            break;
        }
    }
    let deliver_s = started.elapsed().as_secs_f64();
    println!(
        "{{\"subscribers\":{n},\"seed_s\":{seed_s:.3},\"queued\":{queued},\"queue_s\":{queue_s:.3},\
         \"delivered\":{delivered},\"failed\":{failed},\"deliver_s\":{deliver_s:.3},\
         \"per_second\":{:.1}}}",
        delivered as f64 / deliver_s.max(1e-9)
    );
    Ok(())
}
