//! Connecting to either engine, and the connection types repositories use.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// What went wrong in storage. Callers map these to their own errors; the
/// message of `Unsupported` and `Connect` is written for operators.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("unsupported database URL {0:?}: use sqlite:PATH or postgres://USER@HOST/DB")]
    Unsupported(String),
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("{0}")]
    Invalid(String),
    /// A SQLite writer waited longer than the busy timeout for its turn.
    #[error("database is locked: no turn to write within the busy timeout")]
    Locked,
}

impl StorageError {
    /// Whether the failure is about the moment, not the request: a writer
    /// that got no turn (SQLite busy or locked, no free connection), or a
    /// transaction PostgreSQL aborted to break a deadlock or a
    /// serialization conflict. Everything was rolled back, and the same
    /// request may well succeed if sent again.
    pub fn is_transient(&self) -> bool {
        match self {
            StorageError::Locked => true,
            StorageError::Sqlx(sqlx::Error::PoolTimedOut) => true,
            StorageError::Sqlx(sqlx::Error::Database(e)) => matches!(
                e.code().as_deref(),
                // PostgreSQL: deadlock detected, serialization failure,
                // lock not available.
                Some("40P01" | "40001" | "55P03")
                // SQLite: SQLITE_BUSY, SQLITE_LOCKED and their extended
                // codes (busy recovery, snapshot, timeout; shared cache).
                | Some("5" | "6" | "261" | "517" | "773" | "262")
            ),
            _ => false,
        }
    }
}

/// Which engine a [`Db`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A pool of connections to SQLite or PostgreSQL. Cheap to clone.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqliteDb),
    Postgres(PgPool),
}

/// A SQLite file's connections: a pool for reading, and one connection
/// kept for writing. SQLite takes one writer at a time, and the writer
/// whose turn it was used to wait for a pooled connection while readers
/// held them all; each write also ran on whichever connection was free,
/// whose page cache the writes of others had made stale. The writing
/// connection is always free to the writer whose turn it is (turns are
/// taken per file, see [`Db::begin`]) and its cache stays warm.
#[derive(Debug, Clone)]
pub struct SqliteDb {
    pub pool: SqlitePool,
    writer: SqlitePool,
}

/// A borrowed connection of either engine; what repository functions take,
/// so that the same function runs inside or outside a transaction.
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    /// The same connection for a shorter borrow, so one `Conn` can serve
    /// several queries in a row.
    pub fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

/// A connection checked out of the pool.
pub enum PoolConn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl PoolConn {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            PoolConn::Sqlite(c) => Conn::Sqlite(c),
            PoolConn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

/// A transaction: every change of one use-case goes through one of these,
/// so a failure part-way saves nothing. Dropped without `commit`, it rolls back.
/// On SQLite it also holds the process's turn to write to the file (see
/// [`Db::begin`]), given up when the transaction ends.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>, WriteTurn),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

/// This process's turn to write to one SQLite file: held from `BEGIN
/// IMMEDIATE` until the transaction commits or is dropped.
pub struct WriteTurn(#[allow(dead_code)] OwnedSemaphorePermit);

impl Tx {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(t, _) => Conn::Sqlite(t),
            Tx::Postgres(t) => Conn::Postgres(t),
        }
    }

    /// Rolls back now (dropping a transaction rolls back too, but later,
    /// after the SQLite write turn has passed on).
    pub async fn rollback(self) -> Result<(), StorageError> {
        match self {
            Tx::Sqlite(t, turn) => {
                t.rollback().await?;
                drop(turn);
            }
            Tx::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StorageError> {
        match self {
            // The turn passes on only once COMMIT has run.
            Tx::Sqlite(t, turn) => {
                t.commit().await?;
                drop(turn);
            }
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A read-only transaction: every read in it sees the database as it was
/// at one moment, so figures read one after another agree even while
/// others write. It takes no write turn and ends by being dropped.
pub enum Snapshot {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

impl Snapshot {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Snapshot::Sqlite(t) => Conn::Sqlite(t),
            Snapshot::Postgres(t) => Conn::Postgres(t),
        }
    }
}

/// How long a SQLite writer waits for the file, in this process (for its
/// turn) and then in SQLite (for another process's lock), before failing
/// with "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How much of a SQLite file is read through a memory mapping (1 GiB).
const MMAP_BYTES: u64 = 1 << 30;

/// One queue of writers per SQLite file in this process, keyed by the
/// file name as configured. Writers that only SQLite's busy handler
/// queued would sleep and poll (1, 2, 5, 10 … ms) while the lock sat
/// free; waiting here, the next writer starts the moment the last one
/// commits, in arrival order. Another process writing to the same file is
/// still waited for by SQLite's busy timeout.
fn write_queue(file: &Path) -> Arc<Semaphore> {
    static QUEUES: OnceLock<Mutex<HashMap<PathBuf, Arc<Semaphore>>>> = OnceLock::new();
    let mut queues = QUEUES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    queues
        .entry(file.to_path_buf())
        .or_insert_with(|| Arc::new(Semaphore::new(1)))
        .clone()
}

/// Runs a transaction's `BEGIN` in a task of its own and waits for it.
/// A request is dropped part-way when its client goes away; dropped
/// while `BEGIN` was on its way, the connection went back to the pool
/// inside a transaction nobody would end, and on SQLite it held the
/// file's write lock: every later writer failed "database is locked"
/// (seen when a benchmark's clients stopped mid-request). The task
/// always finishes: what it began is handed back, or, when nobody waits
/// for it any more, dropped, which rolls back (and then passes the
/// write turn on).
async fn begun<T: Send + 'static>(
    begin: impl std::future::Future<Output = T> + Send + 'static,
) -> Result<T, StorageError> {
    tokio::spawn(begin)
        .await
        .map_err(|e| StorageError::Connect(format!("a transaction could not begin: {e}")))
}

/// How long a pooled PostgreSQL connection may sit idle before it is
/// checked with a ping on its next use.
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

/// Pool settings an operator may tune.
#[derive(Debug, Clone, Copy)]
pub struct PoolSettings {
    pub max_connections: u32,
    pub connect_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            connect_timeout: Duration::from_secs(5),
        }
    }
}

impl Db {
    /// Opens a pool for `url`: `sqlite:PATH` (the file is created if missing,
    /// in WAL mode) or `postgres://…`. Fails fast with a one-line message.
    pub async fn connect(url: &str, settings: PoolSettings) -> Result<Db, StorageError> {
        match Engine::of_url(url)? {
            Engine::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| StorageError::Connect(one_line(&e)))?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    // NORMAL is durable in WAL mode except on power loss,
                    // where the last commits may roll back; a sound trade.
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(BUSY_TIMEOUT)
                    .foreign_keys(true)
                    // Pages are read from the file mapped in memory, not
                    // copied in by a system call into each connection's
                    // cache, which every write elsewhere empties. The
                    // mapping is address space, not memory used.
                    .pragma("mmap_size", MMAP_BYTES.to_string());
                let writer = SqlitePoolOptions::new()
                    .max_connections(1)
                    .test_before_acquire(false)
                    .acquire_timeout(settings.connect_timeout)
                    .connect_with(options.clone())
                    .await
                    .map_err(|e| StorageError::Connect(one_line(&e)))?;
                let pool = SqlitePoolOptions::new()
                    .max_connections(settings.max_connections.max(1))
                    // A connection to a local file does not go stale the
                    // way a network one does; the ping before each use
                    // was one more round trip to the connection's thread
                    // per transaction. A connection that did fail is
                    // dropped by the pool when its query errors.
                    .test_before_acquire(false)
                    .acquire_timeout(settings.connect_timeout)
                    .connect_with(options)
                    .await
                    .map_err(|e| StorageError::Connect(one_line(&e)))?;
                Ok(Db::Sqlite(SqliteDb { pool, writer }))
            }
            Engine::Postgres => {
                let options = PgConnectOptions::from_str(url)
                    .map_err(|e| StorageError::Connect(one_line(&e)))?;
                let pool = PgPoolOptions::new()
                    .max_connections(settings.max_connections.max(1))
                    // A connection just handed back is alive; pinging it
                    // before every use was one more round trip to the
                    // database per read and per transaction (a vote took
                    // three). Only one that sat idle long enough for the
                    // server or a firewall to have dropped it is pinged.
                    .test_before_acquire(false)
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for >= PING_AFTER_IDLE {
                                sqlx::Connection::ping(conn).await?;
                            }
                            Ok(true)
                        })
                    })
                    .acquire_timeout(settings.connect_timeout)
                    .connect_with(options)
                    .await
                    .map_err(|e| StorageError::Connect(one_line(&e)))?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    pub async fn acquire(&self) -> Result<PoolConn, StorageError> {
        Ok(match self {
            Db::Sqlite(p) => PoolConn::Sqlite(p.pool.acquire().await?),
            Db::Postgres(p) => PoolConn::Postgres(p.acquire().await?),
        })
    }

    /// Starts a transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a transaction that read first and wrote later
    /// could otherwise fail with "database is locked" when another write
    /// landed in between, which waiting cannot cure. Our transactions
    /// nearly all write, so taking the lock early costs nothing.
    ///
    /// Before that, a SQLite writer waits for its turn in this process's
    /// queue for the file (first come, first served), so that it never
    /// sleeps in SQLite's busy handler while the lock is free; the turn
    /// is taken before a connection, so waiting writers leave the pool to
    /// readers. A turn not given within the busy timeout fails as SQLite
    /// would have: "database is locked". The turn's holder then writes on
    /// the pool's writing connection (see [`SqliteDb`]).
    pub async fn begin(&self) -> Result<Tx, StorageError> {
        Ok(match self {
            Db::Sqlite(p) => {
                let queue = write_queue(p.pool.connect_options().get_filename());
                let turn = tokio::time::timeout(BUSY_TIMEOUT, queue.acquire_owned())
                    .await
                    .map_err(|_| StorageError::Locked)?
                    .map_err(|_| StorageError::Locked)?;
                let pool = p.writer.clone();
                let (tx, turn) = begun(async move {
                    let tx = pool.begin_with("BEGIN IMMEDIATE").await;
                    (tx, turn)
                })
                .await?;
                Tx::Sqlite(tx?, WriteTurn(turn))
            }
            Db::Postgres(p) => {
                let pool = p.clone();
                Tx::Postgres(begun(async move { pool.begin().await }).await??)
            }
        })
    }

    /// [`Db::begin`] for writes whose loss in the last moments before the
    /// database server crashed is acceptable (votes, which a voter sees
    /// and may cast again): PostgreSQL acknowledges the commit without
    /// waiting for its log to reach the disk, which it does within a
    /// fraction of a second (`synchronous_commit = off`, this transaction
    /// only). A crash loses such commits whole, never half of one: the
    /// durability SQLite already has here in WAL mode with `synchronous =
    /// NORMAL`, so SQLite's transaction is begun as usual.
    pub async fn begin_unflushed(&self) -> Result<Tx, StorageError> {
        match self {
            Db::Sqlite(_) => self.begin().await,
            Db::Postgres(p) => {
                let pool = p.clone();
                // One round trip: the setting rides with the BEGIN.
                Ok(Tx::Postgres(
                    begun(async move {
                        pool.begin_with("BEGIN; SET LOCAL synchronous_commit = off")
                            .await
                    })
                    .await??,
                ))
            }
        }
    }

    /// A [`Snapshot`]. SQLite in WAL mode keeps one from a transaction's
    /// first read to its end; PostgreSQL does so at REPEATABLE READ (at
    /// its default level each statement would see a new moment).
    pub async fn snapshot(&self) -> Result<Snapshot, StorageError> {
        Ok(match self {
            Db::Sqlite(p) => Snapshot::Sqlite(p.pool.begin_with("BEGIN DEFERRED").await?),
            Db::Postgres(p) => Snapshot::Postgres(
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    .await?,
            ),
        })
    }

    /// The SQLite file this pool writes to, as configured (sqlx names each
    /// in-memory database uniquely); `None` on PostgreSQL. Writes to one
    /// file can be queued and grouped in this process.
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        match self {
            Db::Sqlite(p) => Some(p.pool.connect_options().get_filename().to_path_buf()),
            Db::Postgres(_) => None,
        }
    }

    /// A round trip to the database, for health checks.
    pub async fn ping(&self) -> Result<(), StorageError> {
        let mut c = self.acquire().await?;
        crate::rows::execute(c.conn(), "SELECT 1", &[]).await?;
        Ok(())
    }

    /// Writes a consistent copy of a SQLite database to `path` while others
    /// keep reading and writing (`VACUUM INTO`). The target must not exist.
    pub async fn backup_sqlite(&self, path: &str) -> Result<(), StorageError> {
        match self {
            Db::Sqlite(SqliteDb { pool, .. }) => {
                if std::path::Path::new(path).exists() {
                    return Err(StorageError::Invalid(format!(
                        "{path} already exists; choose a new file name"
                    )));
                }
                sqlx::query("VACUUM INTO $1")
                    .bind(path)
                    .execute(pool)
                    .await?;
                Ok(())
            }
            Db::Postgres(_) => Err(StorageError::Invalid(
                "backup copies SQLite databases; for PostgreSQL use pg_dump".into(),
            )),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => {
                p.writer.close().await;
                p.pool.close().await;
            }
            Db::Postgres(p) => p.close().await,
        }
    }
}

impl Engine {
    /// Which engine a URL names, or a clear refusal.
    pub fn of_url(url: &str) -> Result<Engine, StorageError> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            let scheme = url.split(':').next().unwrap_or_default();
            Err(StorageError::Unsupported(scheme.to_owned()))
        }
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string().lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_chosen_by_scheme() {
        assert_eq!(Engine::of_url("sqlite:x.db").unwrap(), Engine::Sqlite);
        assert_eq!(
            Engine::of_url("postgres://a@b/c").unwrap(),
            Engine::Postgres
        );
        assert_eq!(
            Engine::of_url("postgresql://a@b/c").unwrap(),
            Engine::Postgres
        );
        let err = Engine::of_url("mysql://root@localhost/x").unwrap_err();
        assert!(err.to_string().contains("\"mysql\""), "{err}");
    }
}
