//! How long finding the person behind a session cookie takes: the work
//! every signed-in request does before its handler runs.
//!
//!   cargo run --release -p cohesion-services --example session_lookup [-- PEOPLE LOOKUPS]
//!
//! Creates a fresh SQLite database (WAL, as `serve` uses) with PEOPLE
//! accounts, each signed in once, then looks up LOOKUPS random sessions
//! one after another and prints the median, p90 and p99 in microseconds.
//! Set COHESION_TEST_POSTGRES_URL to measure PostgreSQL instead, in a
//! schema of its own that is dropped afterwards (as the tests do).

use std::time::Instant;

use cohesion_domain::identity::{DisplayName, Email};
use cohesion_services::accounts::{self, tokens};
use cohesion_storage::accounts::sessions::{self, NewSession};
use cohesion_storage::accounts::users;
use cohesion_storage::{migrate, Db, PoolSettings, Timestamp};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let people: usize = args.next().map_or(Ok(10_000), |a| a.parse())?;
    let lookups: usize = args.next().map_or(Ok(20_000), |a| a.parse())?;
    let dir = tempfile_dir()?;
    let pg = cohesion_testkit::postgres().await;
    let db = match &pg {
        Some(t) => t.db.clone(),
        None => {
            let url = format!("sqlite:{}/bench.db", dir.display());
            let db = Db::connect(&url, PoolSettings::default()).await?;
            migrate::run(&db).await?;
            db
        }
    };

    // Accounts and sessions, written in batches of a thousand per transaction.
    let mut cookies = Vec::with_capacity(people);
    let now = Timestamp::now();
    let expires = Timestamp::from(now.as_offset() + accounts::ABSOLUTE_TIMEOUT);
    for chunk in (0..people).collect::<Vec<_>>().chunks(1_000) {
        let mut tx = db.begin().await?;
        for i in chunk {
            let email = Email::parse(&format!("person{i}@bench.example"))?;
            let name = DisplayName::parse(&format!("Person {i}"))?;
            let id = users::insert(tx.conn(), &email, &name, "not-a-hash", "en")
                .await?
                .ok_or("duplicate")?;
            let cookie = tokens::new_token()?;
            let session = NewSession {
                id: cohesion_storage::new_id(),
                token_hash: &tokens::hash_token(&cookie),
                user_id: id,
                csrf_token: "csrf",
                now,
                expires_at: expires,
                user_agent: Some("bench"),
            };
            sessions::create(tx.conn(), session).await?;
            cookies.push(cookie);
        }
        tx.commit().await?;
    }

    // A simple LCG picks sessions in a scattered order without a crate.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut times = Vec::with_capacity(lookups);
    for _ in 0..lookups {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let cookie = &cookies[(seed >> 33) as usize % cookies.len()];
        let t = Instant::now();
        let found = accounts::session(&db, cookie).await?;
        times.push(t.elapsed().as_secs_f64() * 1e6);
        if found.is_none() {
            return Err("a session went missing".into());
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "engine={:?} people={people} lookups={lookups} median_us={:.0} p90_us={:.0} p99_us={:.0}",
        db.engine(),
        at(0.5),
        at(0.9),
        at(0.99)
    );
    if pg.is_none() {
        db.close().await;
    }
    drop(pg);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("cohesion-session-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
