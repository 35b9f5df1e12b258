//! Running one statement on either engine, with its parameters and its
//! row decoding written once.
//!
//! A repository function passes the SQL text, its parameters as
//! `&[&dyn Param]` and, for queries, a function that reads one [`Row`];
//! the helpers here bind, run and decode on whichever engine the [`Conn`]
//! is, so no repository repeats an `on_conn!` block per statement or the
//! bounds that decoding a row on both engines needs.

use sqlx::postgres::{PgArguments, PgRow};
use sqlx::query::Query;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{ColumnIndex, Decode, Encode, FromRow, Postgres, Sqlite, Type};

use uuid::Uuid;

use crate::{Conn, StorageError};

/// A value both engines can bind as a statement parameter: text, numbers,
/// booleans, UUIDs, [`Timestamp`](crate::Timestamp)s and `Option`s of them.
/// `'q` is how long a borrowed value (a `&str`) must live.
pub(crate) trait Param<'q>: Sync {
    fn bind_sqlite(&'q self, q: SqliteQuery<'q>) -> SqliteQuery<'q>;
    fn bind_postgres(&'q self, q: PgQuery<'q>) -> PgQuery<'q>;
}

type SqliteQuery<'q> = Query<'q, Sqlite, SqliteArguments<'q>>;
type PgQuery<'q> = Query<'q, Postgres, PgArguments>;

impl<'q, T> Param<'q> for T
where
    T: 'q + Sync + Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres>,
{
    fn bind_sqlite(&'q self, q: SqliteQuery<'q>) -> SqliteQuery<'q> {
        q.bind(self)
    }

    fn bind_postgres(&'q self, q: PgQuery<'q>) -> PgQuery<'q> {
        q.bind(self)
    }
}

/// A list of ids bound as one parameter, so that a statement's text is
/// the same whatever the list's length: PostgreSQL then plans it once
/// and reuses the plan (a list of N parameters was planned afresh on
/// every call, and cost more to plan than to run), and each engine's
/// cache of prepared statements keeps one entry, not one per length.
/// Write the condition with [`in_ids`].
pub(crate) struct Ids<'a>(pub &'a [Uuid]);

impl<'q> Param<'q> for Ids<'q> {
    fn bind_sqlite(&'q self, q: SqliteQuery<'q>) -> SqliteQuery<'q> {
        // SQLite keeps UUIDs as 16-byte blobs: the list goes as JSON text
        // of their hex digits, turned back into blobs by `in_ids`.
        let hex: Vec<String> = self.0.iter().map(|id| id.simple().to_string()).collect();
        q.bind(serde_json::to_string(&hex).unwrap_or_else(|_| "[]".to_owned()))
    }

    fn bind_postgres(&'q self, q: PgQuery<'q>) -> PgQuery<'q> {
        q.bind(self.0)
    }
}

/// A page's size written into the statement (`LIMIT 20`), not bound as a
/// parameter. PostgreSQL plans a prepared statement once and keeps the
/// plan only when that generic plan costs no more than one made for the
/// values given; a bound `LIMIT` makes the generic plan look like a read
/// of a tenth of the table, so such a statement was planned afresh on
/// every call (a third of the database's time on the moderation queue).
/// The few sizes the code asks for each make a statement of their own.
pub(crate) fn limit(n: i64) -> String {
    format!("LIMIT {}", n.max(0))
}

/// `column` is one of the [`Ids`] bound as parameter `$n`.
pub(crate) fn in_ids(conn: &Conn<'_>, column: &str, n: usize) -> String {
    match conn {
        Conn::Sqlite(_) => format!("{column} IN (SELECT unhex(value) FROM json_each(${n}))"),
        Conn::Postgres(_) => format!("{column} = ANY(${n})"),
    }
}

/// A column type both engines can decode.
pub(crate) trait Value:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

impl<T> Value for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

/// One result row of either engine.
pub(crate) enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

impl Row {
    /// The column named `column`.
    pub(crate) fn get<T: Value>(&self, column: &str) -> Result<T, sqlx::Error> {
        self.at(column)
    }

    /// The column at `index` (from 0) or named `index`.
    fn at<T: Value, I>(&self, index: I) -> Result<T, sqlx::Error>
    where
        I: ColumnIndex<SqliteRow> + ColumnIndex<PgRow>,
    {
        match self {
            Row::Sqlite(r) => sqlx::Row::try_get(r, index),
            Row::Postgres(r) => sqlx::Row::try_get(r, index),
        }
    }
}

/// Reads the first column of a row (a count, an id, one text).
pub(crate) fn scalar<T: Value>(row: &Row) -> Result<T, sqlx::Error> {
    row.at(0)
}

/// Reads a row as a tuple of its columns, in order.
pub(crate) fn tuple<T>(row: &Row) -> Result<T, sqlx::Error>
where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
{
    match row {
        Row::Sqlite(r) => T::from_row(r),
        Row::Postgres(r) => T::from_row(r),
    }
}

fn sqlite_query<'q>(sql: &'q str, params: &[&'q dyn Param<'q>]) -> SqliteQuery<'q> {
    params
        .iter()
        .fold(sqlx::query(sql), |q, p| p.bind_sqlite(q))
}

fn postgres_query<'q>(sql: &'q str, params: &[&'q dyn Param<'q>]) -> PgQuery<'q> {
    params
        .iter()
        .fold(sqlx::query(sql), |q, p| p.bind_postgres(q))
}

/// Expands `$run` once per engine, with `$query` the statement with its
/// parameters bound, `$row` what makes a [`Row`] of the engine's row and
/// `$c` the connection.
macro_rules! per_engine {
    ($conn:expr, $sql:expr, $params:expr, |$query:ident, $row:ident, $c:ident| $run:expr) => {
        match $conn {
            Conn::Sqlite($c) => {
                let ($query, $row) = (sqlite_query($sql, $params), Row::Sqlite);
                $run
            }
            Conn::Postgres($c) => {
                let ($query, $row) = (postgres_query($sql, $params), Row::Postgres);
                $run
            }
        }
    };
}

/// Runs a statement that returns no rows; returns how many rows it changed.
pub(crate) async fn execute<'q>(
    conn: Conn<'_>,
    sql: &'q str,
    params: &[&'q dyn Param<'q>],
) -> Result<u64, StorageError> {
    Ok(per_engine!(conn, sql, params, |q, _row, c| {
        q.execute(&mut *c).await?.rows_affected()
    }))
}

/// Runs a query that returns exactly one row, read by `decode`; no row is
/// `RowNotFound`, as with sqlx's own `fetch_one`, which is this.
pub(crate) async fn fetch_one<'q, T, F>(
    conn: Conn<'_>,
    sql: &'q str,
    params: &[&'q dyn Param<'q>],
    decode: F,
) -> Result<T, StorageError>
where
    T: Send + Unpin,
    F: FnMut(&Row) -> Result<T, sqlx::Error> + Send,
{
    fetch_optional(conn, sql, params, decode)
        .await?
        .ok_or(StorageError::Sqlx(sqlx::Error::RowNotFound))
}

/// Runs a query that returns at most one row, read by `decode`.
pub(crate) async fn fetch_optional<'q, T, F>(
    conn: Conn<'_>,
    sql: &'q str,
    params: &[&'q dyn Param<'q>],
    mut decode: F,
) -> Result<Option<T>, StorageError>
where
    T: Send + Unpin,
    F: FnMut(&Row) -> Result<T, sqlx::Error> + Send,
{
    Ok(per_engine!(conn, sql, params, |q, row, c| {
        q.try_map(|r| decode(&row(r)))
            .fetch_optional(&mut *c)
            .await?
    }))
}

/// Runs a query and reads every row with `decode` as it arrives, so the
/// engine's rows are not all held at once beside what they decode to.
pub(crate) async fn fetch_all<'q, T, F>(
    conn: Conn<'_>,
    sql: &'q str,
    params: &[&'q dyn Param<'q>],
    mut decode: F,
) -> Result<Vec<T>, StorageError>
where
    T: Send + Unpin,
    F: FnMut(&Row) -> Result<T, sqlx::Error> + Send,
{
    Ok(per_engine!(conn, sql, params, |q, row, c| {
        q.try_map(|r| decode(&row(r))).fetch_all(&mut *c).await?
    }))
}
