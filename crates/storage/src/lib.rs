//! All of Cohesion's SQL lives here.
//!
//! One set of repositories runs the same SQL text on SQLite and PostgreSQL.
//! [`Db`] wraps a pool of either engine; repositories run each statement
//! through the helpers in `rows`, which bind it, run it and decode its
//! rows on whichever engine a [`Conn`] is.
//!
//! At the top is the kit every feature uses: connections, timestamps,
//! migrations, the schema's description, the audit log, the outbox, rate
//! limits and the statement helpers. Below it, one folder per feature
//! holds that feature's repositories; a new feature adds its folder, one
//! `pub mod` line here, and its numbered migration files (found when the
//! crate is built).

pub mod audit;
mod db;
pub mod migrate;
pub mod outbox;
pub mod rate_limits;
mod rows;
pub mod schema;
mod timestamp;
pub mod translations;

pub mod accounts;
pub mod consultations;
pub mod discussions;
pub mod help;
pub mod messaging;
pub mod site;
pub mod tensions;

pub use db::{Conn, Db, Engine, PoolConn, PoolSettings, Snapshot, SqliteDb, StorageError, Tx};
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

/// `column` as search compares it, in SQL both engines run: lowercase,
/// the Arabic marks search ignores removed and the letters it folds
/// folded (`domain::text::normalise`, whose tables it reads), so that a
/// query normalised in Rust finds "مدرسة" when typed "مدرسه". Nested
/// `REPLACE`s rather than a stored column: nothing to fill in for answers
/// stored before, and the query stays bounded by its page.
pub(crate) fn normalised_sql(column: &str) -> String {
    use cohesion_domain::text::{ignored_marks, ARABIC_FOLDS};
    let mut sql = format!("LOWER({column})");
    for mark in ignored_marks() {
        sql = format!("REPLACE({sql}, '{mark}', '')");
    }
    for (from, to) in ARABIC_FOLDS {
        sql = format!("REPLACE({sql}, '{from}', '{to}')");
    }
    sql
}

/// `column`'s words as search compares them (`domain::text::WordSearch`):
/// [`normalised_sql`], each of the separators of words read as a space,
/// a space at either end and runs of spaces made one (up to eight), so
/// that `LIKE '% word %'` finds the word whole, wherever it stands.
pub(crate) fn words_sql(column: &str) -> String {
    use cohesion_domain::text::WORD_SEPARATORS;
    let mut sql = normalised_sql(column);
    for c in WORD_SEPARATORS {
        let c = if c == '\'' {
            "''".to_owned()
        } else {
            c.to_string()
        };
        sql = format!("REPLACE({sql}, '{c}', ' ')");
    }
    sql = format!("(' ' || {sql} || ' ')");
    for _ in 0..3 {
        sql = format!("REPLACE({sql}, '  ', ' ')");
    }
    sql
}

/// The `LIKE … ESCAPE '\\'` patterns that find `search` in
/// [`words_sql`]: one for each prefix it allows, each from a word's
/// start to its end (or on, for a search ending in `*`).
pub(crate) fn word_patterns(search: &cohesion_domain::text::WordSearch) -> Vec<String> {
    let escape = |t: &str| {
        t.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    };
    let end = if search.word_start { "%" } else { " %" };
    search
        .prefixes
        .iter()
        .map(|prefix| format!("% {}{}{end}", escape(prefix), escape(&search.words)))
        .collect()
}

/// A new time-ordered id (UUIDv7), so that ids sort by creation time.
pub fn new_id() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
