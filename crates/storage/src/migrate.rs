//! Schema migrations for both engines, numbered alike.
//!
//! Each migration has a twin file per engine; the list below is the single
//! source of truth, and a test checks the folders hold exactly these files.
//! On PostgreSQL an advisory lock makes concurrent `migrate` runs (several
//! servers starting at once) take turns.

use sqlx::{Connection, PgConnection};

use crate::rows;
use crate::{on_conn, Conn, Db, StorageError, Timestamp};

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

macro_rules! migration {
    ($version:literal, $file:literal) => {
        Migration {
            version: $version,
            name: $file,
            sqlite: include_str!(concat!("../migrations/sqlite/", $file, ".sql")),
            postgres: include_str!(concat!("../migrations/postgres/", $file, ".sql")),
        }
    };
}

pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_foundation"),
    migration!(2, "0002_accounts"),
    migration!(3, "0003_profiles_organisations"),
    migration!(4, "0004_consultations"),
    migration!(5, "0005_findings"),
    migration!(6, "0006_consultation_translations"),
    migration!(7, "0007_consultation_search"),
    migration!(8, "0008_consultation_strands_documents"),
    migration!(9, "0009_result_publications"),
    migration!(10, "0010_question_themes"),
    migration!(11, "0011_responses_by_consultation"),
];

/// An arbitrary constant naming Cohesion's migration lock.
const PG_LOCK_KEY: i64 = 0x00C0_4E51_0000_0001;

const CREATE_LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (\
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

/// Applies every migration not yet applied, each in its own transaction.
/// Returns the versions applied by this call.
pub async fn run(db: &Db) -> Result<Vec<i64>, StorageError> {
    match db {
        Db::Sqlite(_) => apply_pending(db).await,
        Db::Postgres(pool) => {
            // The lock is held on a connection of its own, outside the pool,
            // so migrating works with a pool of one connection too.
            let mut lock = PgConnection::connect_with(&pool.connect_options()).await?;
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(PG_LOCK_KEY)
                .execute(&mut lock)
                .await?;
            let result = apply_pending(db).await;
            // Closing the connection releases the lock even if this fails,
            // so a failure here must not hide the migration's own result.
            if let Err(e) = lock.close().await {
                tracing::warn!(error = %e, "closing the migration lock connection failed");
            }
            result
        }
    }
}

async fn apply_pending(db: &Db) -> Result<Vec<i64>, StorageError> {
    let mut tx = db.begin().await?;
    rows::execute(tx.conn(), CREATE_LEDGER, &[]).await?;
    tx.commit().await?;

    let done = applied_versions(db).await?;
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
        let mut tx = db.begin().await?;
        let sql = match db.engine() {
            crate::Engine::Sqlite => m.sqlite,
            crate::Engine::Postgres => m.postgres,
        };
        // Unprepared: a migration is several statements in one text.
        on_conn!(tx.conn(), c => sqlx::raw_sql(sql).execute(&mut *c).await.map(|_| ()))?;
        rows::execute(
            tx.conn(),
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            &[&m.version, &m.name, &Timestamp::now()],
        )
        .await?;
        tx.commit().await?;
        tracing::info!(version = m.version, name = m.name, "applied migration");
        applied.push(m.version);
    }
    Ok(applied)
}

/// The versions already applied, in order; empty on a database that has
/// never been migrated.
pub async fn applied_versions(db: &Db) -> Result<Vec<i64>, StorageError> {
    let mut c = db.acquire().await?;
    let ledger_exists = match c.conn() {
        Conn::Sqlite(_) => {
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')"
        }
        Conn::Postgres(_) => "SELECT to_regclass('schema_migrations') IS NOT NULL",
    };
    let has_ledger: bool = rows::fetch_one(c.conn(), ledger_exists, &[], rows::scalar).await?;
    if !has_ledger {
        return Ok(Vec::new());
    }
    rows::fetch_all(
        c.conn(),
        "SELECT version FROM schema_migrations ORDER BY version",
        &[],
        rows::scalar,
    )
    .await
}

/// Where a database's schema stands against this binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaState {
    Current,
    /// Migrations are pending: run `cohesion migrate`.
    Behind,
    /// Applied by a newer binary: this one must not serve it.
    Ahead {
        newest: i64,
    },
}

pub async fn state(db: &Db) -> Result<SchemaState, StorageError> {
    let applied = applied_versions(db).await?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    let newest = applied.last().copied().unwrap_or(0);
    Ok(if newest > known {
        SchemaState::Ahead { newest }
    } else if applied.len() < MIGRATIONS.len() {
        SchemaState::Behind
    } else {
        SchemaState::Current
    })
}

/// Whether the schema is exactly what this binary expects.
pub async fn is_current(db: &Db) -> Result<bool, StorageError> {
    Ok(state(db).await? == SchemaState::Current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_engines_have_the_same_numbered_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let list = |engine: &str| {
            let mut names: Vec<String> = std::fs::read_dir(format!("{dir}/{engine}"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            names.sort();
            names
        };
        let expected: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{}.sql", m.name))
            .collect();
        assert_eq!(list("sqlite"), expected);
        assert_eq!(list("postgres"), expected);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions are consecutive");
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
        }
    }
}
