//! Schema migrations for both engines, numbered alike.
//!
//! Each migration has a twin file per engine; the list below is the single
//! source of truth, and a test checks the folders hold exactly these files.
//! On PostgreSQL an advisory lock makes concurrent `migrate` runs (several
//! servers starting at once) take turns.

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
];

/// An arbitrary constant naming Cohesion's migration lock.
const PG_LOCK_KEY: i64 = 0x00C0_4E51_0000_0001;

const CREATE_LEDGER: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (\
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

/// Applies every migration not yet applied, each in its own transaction.
/// Returns the versions applied by this call.
pub async fn run(db: &Db) -> Result<Vec<i64>, StorageError> {
    let mut lock_conn = db.acquire().await?;
    if let Conn::Postgres(c) = lock_conn.conn() {
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(PG_LOCK_KEY)
            .execute(&mut *c)
            .await?;
    }
    let result = apply_pending(db).await;
    if let Conn::Postgres(c) = lock_conn.conn() {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(PG_LOCK_KEY)
            .execute(&mut *c)
            .await?;
    }
    result
}

async fn apply_pending(db: &Db) -> Result<Vec<i64>, StorageError> {
    let mut tx = db.begin().await?;
    on_conn!(tx.conn(), c => sqlx::query(CREATE_LEDGER).execute(&mut *c).await.map(|_| ()))?;
    tx.commit().await?;

    let done = applied_versions(db).await?;
    let mut applied = Vec::new();
    for m in MIGRATIONS.iter().filter(|m| !done.contains(&m.version)) {
        let mut tx = db.begin().await?;
        let sql = match db.engine() {
            crate::Engine::Sqlite => m.sqlite,
            crate::Engine::Postgres => m.postgres,
        };
        on_conn!(tx.conn(), c => {
            sqlx::raw_sql(sql).execute(&mut *c).await?;
            sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
                .bind(m.version)
                .bind(m.name)
                .bind(Timestamp::now())
                .execute(&mut *c)
                .await
                .map(|_| ())
        })?;
        tx.commit().await?;
        tracing::info!(version = m.version, name = m.name, "applied migration");
        applied.push(m.version);
    }
    Ok(applied)
}

/// The versions already applied, in order.
pub async fn applied_versions(db: &Db) -> Result<Vec<i64>, StorageError> {
    let mut c = db.acquire().await?;
    let versions = on_conn!(c.conn(), c => {
        sqlx::query_scalar::<_, i64>("SELECT version FROM schema_migrations ORDER BY version")
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(versions)
}

/// Whether the schema is at the newest version; servers refuse to start on
/// a database that is behind or ahead of the binary.
pub async fn is_current(db: &Db) -> Result<bool, StorageError> {
    let newest = MIGRATIONS.last().map(|m| m.version);
    let applied = match applied_versions(db).await {
        Ok(v) => v,
        Err(StorageError::Sqlx(_)) => return Ok(false),
        Err(e) => return Err(e),
    };
    Ok(applied.last().copied() == newest && applied.len() == MIGRATIONS.len())
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
