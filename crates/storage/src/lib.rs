//! All of Cohesion's SQL lives here.
//!
//! One set of repositories runs the same SQL text on SQLite and PostgreSQL.
//! [`Db`] wraps a pool of either engine; the [`on_conn!`] macro expands one
//! block of code for each engine so that queries are written once.

pub mod audit;
pub mod consultations;
mod db;
pub mod email_tokens;
pub mod feedback;
pub mod findings;
pub mod migrate;
pub mod organisations;
pub mod outbox;
pub mod programmes;
pub mod rate_limits;
pub mod responses;
mod rows;
pub mod schema;
pub mod sessions;
pub mod themes;
mod timestamp;
pub mod users;

pub use db::{Conn, Db, Engine, PoolConn, PoolSettings, Snapshot, StorageError, Tx};
pub use timestamp::Timestamp;

/// Runs `$body` with `$c` bound to the engine-specific `&mut Connection`.
/// The body is compiled once per engine, so it must be valid for both.
#[macro_export]
macro_rules! on_conn {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::Conn::Sqlite($c) => $body,
            $crate::Conn::Postgres($c) => $body,
        }
    };
}

/// A `LIKE … ESCAPE '\\'` pattern that finds `text` anywhere, lowercase,
/// with the pattern characters in it taken literally.
pub(crate) fn contains_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// A new time-ordered id (UUIDv7), so that ids sort by creation time.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
