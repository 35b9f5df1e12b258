//! A description of the live schema, engine-neutral, so that a test can
//! prove the SQLite and PostgreSQL migrations build the same tables.

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Column {
    pub name: String,
    /// One of: uuid, text, timestamptz, boolean, bigint, integer, bytes,
    /// other:<raw>.
    pub kind: String,
    pub not_null: bool,
}

/// Tables (by name) with their columns (sorted by name), and the names of
/// explicitly created indexes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SchemaDescription {
    pub tables: BTreeMap<String, Vec<Column>>,
    pub indexes: Vec<String>,
}

/// One row of the column listing: table, column, declared type, not-null.
type ColumnRow = (String, String, String, bool);

pub async fn describe(mut conn: Conn<'_>) -> Result<SchemaDescription, StorageError> {
    let (columns_sql, indexes_sql) = match conn {
        // A primary-key column is NOT NULL in meaning on both engines.
        Conn::Sqlite(_) => (
            "SELECT m.name AS t, p.name AS c, p.type AS ty, (p.\"notnull\" = 1 OR p.pk > 0) AS nn \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        ),
        Conn::Postgres(_) => (
            "SELECT table_name::text AS t, column_name::text AS c, data_type::text AS ty, \
             (is_nullable = 'NO') AS nn \
             FROM information_schema.columns WHERE table_schema = current_schema()",
            "SELECT i.indexname::text FROM pg_indexes i \
             WHERE i.schemaname = current_schema() AND NOT EXISTS ( \
             SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname) \
             ORDER BY 1",
        ),
    };
    let rows: Vec<ColumnRow> =
        rows::fetch_all(conn.reborrow(), columns_sql, &[], rows::tuple).await?;
    let mut out = SchemaDescription {
        indexes: rows::fetch_all(conn, indexes_sql, &[], rows::scalar).await?,
        ..SchemaDescription::default()
    };
    for (table, column, ty, not_null) in rows {
        out.tables.entry(table).or_default().push(Column {
            name: column,
            kind: canonical_type(&ty),
            not_null,
        });
    }
    for cols in out.tables.values_mut() {
        cols.sort();
    }
    Ok(out)
}

fn canonical_type(raw: &str) -> String {
    match raw.to_ascii_lowercase().as_str() {
        "uuid" => "uuid".into(),
        "text" => "text".into(),
        "timestamptz" | "timestamp with time zone" => "timestamptz".into(),
        "boolean" => "boolean".into(),
        "bigint" => "bigint".into(),
        "integer" => "integer".into(),
        // Bytes: SQLite's name and PostgreSQL's for the same column.
        "blob" | "bytea" => "bytes".into(),
        other => format!("other:{other}"),
    }
}

/// Every column with a foreign key to `table`, as (table, column), sorted:
/// what a test holds against the features that declare which columns
/// name an account.
pub async fn references_to(
    conn: Conn<'_>,
    table: &str,
) -> Result<Vec<(String, String)>, StorageError> {
    let sql = match conn {
        Conn::Sqlite(_) => {
            "SELECT m.name AS t, f.\"from\" AS c \
             FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table' AND f.\"table\" = $1 ORDER BY 1, 2"
        }
        Conn::Postgres(_) => {
            "SELECT k.table_name::text AS t, k.column_name::text AS c \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage k \
             ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema \
             JOIN information_schema.constraint_column_usage u \
             ON u.constraint_name = tc.constraint_name AND u.constraint_schema = tc.constraint_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() \
             AND u.table_name = $1 ORDER BY 1, 2"
        }
    };
    rows::fetch_all(conn, sql, &[&table], rows::tuple).await
}

/// The rows that name account `user`: for every column with a foreign
/// key to `users`, (table, column, how many of its rows hold `user`),
/// columns with none left out. What a test of an account's erasure holds
/// against what each feature says it keeps; like [`occurrences`], for
/// tests and privacy audits, never for a request path.
pub async fn rows_naming(
    conn: Conn<'_>,
    user: Uuid,
) -> Result<Vec<(String, String, i64)>, StorageError> {
    let mut conn = conn;
    let mut found = Vec::new();
    for (table, column) in references_to(conn.reborrow(), "users").await? {
        // Names come from the database's own catalogue, not from input.
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" = $1");
        let n: i64 = rows::fetch_one(conn.reborrow(), &sql, &[&user], rows::scalar).await?;
        if n > 0 {
            found.push((table, column, n));
        }
    }
    Ok(found)
}

/// Where `needle` occurs in the database: every (table, column, rows)
/// whose text form contains it. Reads every column of every table, so it
/// is for tests and privacy audits, never for a request path.
pub async fn occurrences(
    conn: Conn<'_>,
    needle: &str,
) -> Result<Vec<(String, String, i64)>, StorageError> {
    let mut conn = conn;
    let schema = describe(conn.reborrow()).await?;
    let pattern = format!("%{needle}%");
    let mut found = Vec::new();
    for (table, columns) in &schema.tables {
        for column in columns {
            // Names come from the database's own catalogue, not from input.
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{}\" AS TEXT) LIKE $1",
                column.name
            );
            let n: i64 = rows::fetch_one(conn.reborrow(), &sql, &[&pattern], rows::scalar).await?;
            if n > 0 {
                found.push((table.clone(), column.name.clone(), n));
            }
        }
    }
    Ok(found)
}

/// Gathers PostgreSQL's planner statistics (`ANALYZE`), as autovacuum does
/// on a running server, for tools that load in bulk faster than it keeps
/// up. Nothing on SQLite, whose plans here use no statistics.
pub async fn refresh_statistics(conn: Conn<'_>) -> Result<(), StorageError> {
    if let Conn::Postgres(_) = conn {
        rows::execute(conn, "ANALYZE", &[]).await?;
    }
    Ok(())
}
