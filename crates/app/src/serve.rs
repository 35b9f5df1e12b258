//! `cohesion serve`: connect, migrate, optionally load the demo, serve
//! until SIGTERM or Ctrl-C, finishing requests already in flight.

use std::time::{Duration, Instant};

use anyhow::Context;
use cohesion_i18n::Catalog;
use cohesion_services::accounts::demo::{DEMO_ACCOUNTS, DEMO_PASSWORD};
use cohesion_services::discussions::opinions;
use cohesion_services::mail::{self, Mailer};
use cohesion_services::{demo, discussions, tensions, throttle};
use cohesion_storage::migrate::{self, SchemaState};
use cohesion_storage::Db;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::{redact_url, Settings};

/// How often discussions' opinion maps are looked at for new votes: a
/// burst of votes shows on the map within about a second of this.
const OPINIONS_POLL: Duration = Duration::from_millis(500);

/// How often pending email is looked for, and how much is sent at once.
/// A full batch is followed at once by the next, so a community message
/// to many subscribers goes out as fast as [`MAIL_PER_SECOND`] allows.
const MAIL_POLL: Duration = Duration::from_secs(2);
const MAIL_BATCH: i64 = 100;
/// The most emails one server hands to the SMTP server per second, so
/// a large community message does not flood the relay.
const MAIL_PER_SECOND: f64 = 400.0;

pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let started = Instant::now();
    let mailer = settings.mailer()?;
    let db = settings.connect().await?;
    current_schema(&db, settings.migrate_on_start).await?;
    if settings.demo {
        load_demo(&db).await?;
    }
    let catalog = Catalog::load()?;
    let state = cohesion_web::state(db.clone(), catalog, settings.web());
    let app = cohesion_web::router(state.clone());

    let listener = tokio::net::TcpListener::bind(&settings.bind)
        .await
        .with_context(|| format!("cannot listen on {}", settings.bind))?;
    let addr = listener.local_addr()?;
    tracing::info!(
        %addr,
        database = %redact_url(&settings.database_url),
        startup_ms = started.elapsed().as_millis() as u64,
        "listening"
    );
    println!("Cohesion is listening on http://{addr}");

    let purger = tokio::spawn(purge_counters(db.clone()));
    let retrainer = tokio::spawn(retrain_when_due(db.clone()));
    let upkeep = tokio::spawn(cohesion_web::metrics_upkeep(cohesion_web::metrics_handle()));
    let opinions = tokio::spawn(draw_opinion_maps(db.clone()));
    let tension_texts = tokio::spawn(delete_old_tension_texts(db.clone()));
    // Notifications: followed discussions' closings noticed, and emails
    // written to the outbox (which mail delivery then sends).
    let notifier = tokio::spawn(cohesion_web::notification_upkeep(state.clone()));
    // Community messages: those due written to the outbox in batches.
    let community = tokio::spawn(cohesion_web::community_message_upkeep(state));
    // One signal, three listeners: the server stops accepting, the grace
    // period starts, and email delivery finishes its round.
    let (stop_tx, stop_rx) = watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    let deliverer = match (mailer, &settings.smtp_url) {
        (Some(mailer), Some(url)) => {
            tracing::info!(smtp = %redact_url(url), "email goes out over SMTP");
            Some(tokio::spawn(deliver_mail(
                db.clone(),
                mailer,
                stop_rx.clone(),
            )))
        }
        _ => {
            tracing::info!("no SMTP server set: email stays in the outbox for administrators");
            None
        }
    };
    let stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let grace = Duration::from_secs(settings.shutdown_grace_secs);
    let server = crate::listen::serve(listener, app, settings.connection_limits(), stop_rx.clone());
    // In-flight requests get `grace` to finish after the signal; a stuck
    // client cannot hold the process forever.
    tokio::select! {
        () = server => {}
        _ = async { stopped(stop_rx).await; tokio::time::sleep(grace).await } => {
            tracing::warn!("shutdown grace period over; closing remaining connections");
        }
    }
    purger.abort();
    retrainer.abort();
    upkeep.abort();
    // A map half computed is left with its lease, which runs out; another
    // server (or this one after a restart) computes it again.
    opinions.abort();
    notifier.abort();
    // A round cut short leaves its lease, which runs out; nothing is half
    // deleted (one transaction).
    tension_texts.abort();
    community.abort();
    finish(deliverer, db).await;
    tracing::info!("stopped");
    Ok(())
}

/// Migrates when asked to, then refuses a schema this binary does not
/// match.
async fn current_schema(db: &Db, migrate_on_start: bool) -> anyhow::Result<()> {
    if migrate_on_start {
        migrate::run(db).await.context("migration failed")?;
    }
    match migrate::state(db).await? {
        SchemaState::Current => Ok(()),
        SchemaState::Behind => {
            anyhow::bail!("the database schema is not current: run `cohesion migrate` first")
        }
        SchemaState::Ahead { newest } => anyhow::bail!(
            "the database schema (version {newest}) is newer than this binary: upgrade cohesion"
        ),
    }
}

/// Loads the demonstration programme, accounts and consultations (each
/// only once) and tells the operator what is there.
async fn load_demo(db: &Db) -> anyhow::Result<()> {
    let passwords = cohesion_services::accounts::Passwords::new(1);
    let loaded = demo::load(db, &passwords).await?;
    let state = if loaded.programme {
        "loaded"
    } else {
        "already present"
    };
    println!("Demo content {state}: the fictional Brightwater Together programme.");
    println!("{}", demo_accounts_text(loaded.accounts));
    if loaded.consultations {
        println!(
            "Demo consultations loaded: one open, one upcoming, one closed; \
             their responses are generated demonstration data."
        );
    }
    Ok(())
}

/// Lets the email round under way end, then closes the database, waiting
/// a bounded time for each.
async fn finish(deliverer: Option<JoinHandle<()>>, db: Db) {
    if let Some(deliverer) = deliverer {
        // A message claimed but not yet accepted by the SMTP server would be
        // lost if cut off, so give the round under way a moment to end.
        let abort = deliverer.abort_handle();
        if tokio::time::timeout(Duration::from_secs(5), deliverer)
            .await
            .is_err()
        {
            abort.abort();
            tracing::warn!("email delivery still busy at exit");
        }
    }
    // Closing waits for connections still checked out; do not wait forever.
    if tokio::time::timeout(Duration::from_secs(5), db.close())
        .await
        .is_err()
    {
        tracing::warn!("database connections still busy at exit");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received; finishing requests in flight");
}

/// Sends pending email every `MAIL_POLL` until shutdown. Rounds are
/// never cut short here: stopping is checked between them.
async fn deliver_mail(db: Db, mailer: Mailer, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(MAIL_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            biased;
            _ = stop.wait_for(|stop| *stop) => return,
            _ = tick.tick() => {}
        }
        // Full batches follow each other without waiting for the tick,
        // no faster than `MAIL_PER_SECOND`; a failure waits for it.
        loop {
            let started = Instant::now();
            match mail::deliver_pending(&db, &mailer, MAIL_BATCH).await {
                Ok(done) => {
                    if done.sent > 0 {
                        tracing::info!(sent = done.sent, "email sent");
                    }
                    if done.failed > 0 || ((done.sent + done.failed) as i64) < MAIL_BATCH {
                        break;
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not read the outbox");
                    break;
                }
            }
            let least = Duration::from_secs_f64(MAIL_BATCH as f64 / MAIL_PER_SECOND);
            if let Some(rest) = least.checked_sub(started.elapsed()) {
                tokio::time::sleep(rest).await;
            }
            if *stop.borrow() {
                return;
            }
        }
    }
}

/// Redraws the opinion maps of discussions with new votes, off the
/// request path. Each map is claimed through the database first, so with
/// several servers each map is computed by one of them.
async fn draw_opinion_maps(db: Db) {
    let holder = cohesion_storage::new_id().to_string();
    let mut tick = tokio::time::interval(OPINIONS_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match opinions::recompute_due(&db, &holder).await {
            Ok(round) if round.computed > 0 => {
                tracing::debug!(computed = round.computed, "opinion maps drawn")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not draw opinion maps"),
        }
    }
}

/// Rate-limit counters may hold client addresses: forget them after a day.
async fn purge_counters(db: Db) {
    let mut tick = tokio::time::interval(Duration::from_secs(600));
    loop {
        tick.tick().await;
        if let Err(e) = throttle::purge_old_counters(&db).await {
            tracing::warn!(error = %e, "could not purge old rate-limit counters");
        }
    }
}

/// How often a server looks for tension report texts past the retention
/// period.
const TENSION_RETENTION_POLL: Duration = Duration::from_secs(60 * 60);

/// Deletes tension report texts older than the site's retention period
/// (counts and tombstones stay). Every server looks; a lease in the
/// database lets one of them do it at a time.
async fn delete_old_tension_texts(db: Db) {
    let holder = cohesion_storage::new_id().to_string();
    let first = tokio::time::Instant::now() + Duration::from_secs(30);
    let mut tick = tokio::time::interval_at(first, TENSION_RETENTION_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match tensions::retention::round(&db, &holder).await {
            Ok(Some(n)) if n > 0 => tracing::info!(deleted = n, "tension report texts deleted"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not delete old tension report texts"),
        }
    }
}

/// How often a server looks whether screening's classifier is due to
/// be retrained.
const RETRAIN_POLL: Duration = Duration::from_secs(15 * 60);

/// Retrains screening's classifier once enough new moderation decisions
/// exist. Every server looks; a lease in the database lets one of them
/// train while the others pass.
async fn retrain_when_due(db: Db) {
    // The first look a minute after start, out of the way of starting up.
    let first = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut tick = tokio::time::interval_at(first, RETRAIN_POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match discussions::classifier::retrain_if_due(&db).await {
            Ok(Some(discussions::classifier::Retrained::Trained(m))) => tracing::info!(
                version = m.version,
                precision = m.precision_tested,
                recall = m.recall_tested,
                "moderation model retrained"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not retrain the moderation model"),
        }
    }
}

/// The demo accounts and their shared password, for the operator to try
/// each role.
fn demo_accounts_text(added: usize) -> String {
    let mut out = format!(
        "Demo accounts ({added} added now), all with the password \"{}\":\n",
        DEMO_PASSWORD
    );
    for a in DEMO_ACCOUNTS {
        out.push_str(&format!("  {:<20} {}\n", a.role.key(), a.email));
    }
    out
}
