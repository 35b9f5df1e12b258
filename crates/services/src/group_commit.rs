//! Group commit for SQLite (ADR 0012), for any kind of write that can
//! share a transaction with others of its kind.
//!
//! A SQLite file takes one writer at a time, and every statement is a
//! round trip to the connection's thread, so writes queue here and
//! whoever finds the queue unattended runs everything waiting (at most
//! [`MOST`]) in one transaction: one `BEGIN`, one `COMMIT`, and one
//! [`GroupedWrite::Cache`] for the lot (a consultation read once, say).
//! Each write runs the same code, checks and statements as alone, in
//! arrival order, and sees the writes before it. If any of them fails,
//! the transaction is rolled back and the group split: the writes before
//! it are run again as a group, the failing one alone (so its caller gets
//! its own error from a transaction of its own), then the rest; nobody
//! else's write fails or is lost because of it. The writes are run by a
//! task of their own, so a caller that goes away (a closed connection, a
//! timeout) cannot abandon other callers' writes half-way.
//!
//! On PostgreSQL, which runs transactions side by side, each write is its
//! own transaction. Each kind of write has its own queue per SQLite file.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};

use cohesion_storage::{Conn, Db, StorageError};
use tokio::sync::oneshot;

use crate::ServiceError;

/// Most writes in one transaction: bounds how long the write lock is
/// held at a time.
const MOST: usize = 64;

/// A write that can run inside a transaction shared with other writes of
/// its kind. Owned, so that the task running the group may hold it.
pub(crate) trait GroupedWrite: Send + Sync + 'static {
    /// What the write answers its caller.
    type Output: Send + 'static;
    /// What the writes of one transaction share (what each would
    /// otherwise read again); a fresh one for each transaction.
    type Cache: Default + Send;
    /// Whether the commit waits until the write is on disk. `false` only
    /// for writes a crash of the database server may lose in its last
    /// moments ([`Db::begin_unflushed`]).
    const FLUSHED: bool = true;

    /// Runs the write inside the caller's transaction.
    fn run(
        &self,
        conn: Conn<'_>,
        cache: &mut Self::Cache,
    ) -> impl Future<Output = Result<Self::Output, ServiceError>> + Send;
}

/// Runs `write`: on PostgreSQL in a transaction of its own, on SQLite
/// grouped with the writes of its kind waiting for the same file.
pub(crate) async fn write<W: GroupedWrite>(db: &Db, write: W) -> Result<W::Output, ServiceError> {
    match db.sqlite_file() {
        None => run_alone(db, &write).await,
        Some(file) => queued(db, file, write).await,
    }
}

/// One write in a transaction of its own.
async fn run_alone<W: GroupedWrite>(db: &Db, write: &W) -> Result<W::Output, ServiceError> {
    let mut tx = if W::FLUSHED {
        db.begin().await?
    } else {
        db.begin_unflushed().await?
    };
    let done = write.run(tx.conn(), &mut W::Cache::default()).await?;
    tx.commit().await?;
    Ok(done)
}

struct Job<W: GroupedWrite> {
    db: Db,
    write: W,
    reply: oneshot::Sender<Result<W::Output, ServiceError>>,
}

struct Queue<W: GroupedWrite> {
    waiting: Mutex<Vec<Job<W>>>,
    /// Held by the task running a group.
    running: tokio::sync::Mutex<()>,
}

impl<W: GroupedWrite> Default for Queue<W> {
    fn default() -> Self {
        Self {
            waiting: Mutex::new(Vec::new()),
            running: tokio::sync::Mutex::new(()),
        }
    }
}

/// The queue of `W`'s writes to `file`, one per kind and file in the
/// process.
fn queue<W: GroupedWrite>(file: PathBuf) -> Arc<Queue<W>> {
    type Queues = HashMap<(TypeId, PathBuf), Arc<dyn Any + Send + Sync>>;
    static QUEUES: OnceLock<Mutex<Queues>> = OnceLock::new();
    let mut queues = QUEUES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let queue = queues
        .entry((TypeId::of::<W>(), file))
        .or_insert_with(|| Arc::new(Queue::<W>::default()))
        .clone();
    queue
        .downcast::<Queue<W>>()
        .unwrap_or_else(|_| unreachable!("a queue is keyed by its own write type"))
}

async fn queued<W: GroupedWrite>(
    db: &Db,
    file: PathBuf,
    write: W,
) -> Result<W::Output, ServiceError> {
    let queue = queue::<W>(file);
    let (reply, mut answer) = oneshot::channel();
    let job = Job {
        db: db.clone(),
        write,
        reply,
    };
    queue
        .waiting
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(job);
    // Detached from the caller: once queued, the write is run and
    // answered even if the caller stops waiting.
    let task = tokio::spawn(async move {
        loop {
            tokio::select! {
                biased;
                done = &mut answer => return done.ok(),
                running = queue.running.lock() => {
                    let jobs: Vec<Job<W>> = {
                        let mut waiting = queue.waiting.lock().unwrap_or_else(|e| e.into_inner());
                        let n = waiting.len().min(MOST);
                        waiting.drain(..n).collect()
                    };
                    if !jobs.is_empty() {
                        run(jobs).await;
                    }
                    drop(running);
                    // Ours was in this group or an earlier one (whose
                    // runner answered before letting go), or is still
                    // waiting behind MOST others.
                }
            }
        }
    });
    match task.await {
        Ok(Some(done)) => done,
        // The runtime is shutting down.
        _ => Err(StorageError::Invalid("the write was interrupted".into()).into()),
    }
}

/// Runs `jobs` in one transaction, or splits the group around a
/// failure, and answers each.
fn run<W: GroupedWrite>(jobs: Vec<Job<W>>) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(async move {
        if jobs.is_empty() {
            return;
        }
        if jobs.len() == 1 {
            let job = jobs.into_iter().next().expect("one job");
            let done = run_alone(&job.db, &job.write).await;
            let _ = job.reply.send(done);
            return;
        }
        let db = jobs[0].db.clone();
        let failed_at = match together(&db, &jobs).await {
            Ok(done) => {
                for (job, done) in jobs.into_iter().zip(done) {
                    let _ = job.reply.send(Ok(done));
                }
                return;
            }
            Err(at) => at,
        };
        let mut jobs = jobs;
        let after = jobs.split_off(failed_at.min(jobs.len() - 1) + 1);
        let failed = jobs.pop().expect("the failing job");
        run(jobs).await;
        run(vec![failed]).await;
        run(after).await;
    })
}

/// All of `jobs` in one transaction: their answers if it commits, or
/// where it failed (the transaction is then rolled back).
async fn together<W: GroupedWrite>(db: &Db, jobs: &[Job<W>]) -> Result<Vec<W::Output>, usize> {
    let mut tx = db.begin().await.map_err(|_| 0usize)?;
    let mut cache = W::Cache::default();
    let mut done = Vec::with_capacity(jobs.len());
    for (at, job) in jobs.iter().enumerate() {
        match job.write.run(tx.conn(), &mut cache).await {
            Ok(d) => done.push(d),
            Err(_) => {
                tx.rollback().await.ok();
                return Err(at);
            }
        }
    }
    // A failed COMMIT: run them again one by one, each answered alone.
    tx.commit().await.map_err(|_| 0usize)?;
    Ok(done)
}
