//! Schema migrations for both engines, numbered alike.
//!
//! Each migration has a twin file per engine, `NNNN_name.sql` in
//! `migrations/sqlite` and `migrations/postgres`; the build lists them as
//! [`MIGRATIONS`] (see `build.rs`), so adding a migration is adding its two
//! files. A missing twin, a number used twice or a gap fails the build.
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

// `pub const MIGRATIONS: &[Migration]`, every migration in order,
// generated from the two folders by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

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
#[path = "../build/migration_list.rs"]
mod migration_list;

#[cfg(test)]
mod tests {
    use super::migration_list::{pair, Listed};
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn the_list_is_every_file_of_both_folders_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let count = |engine: &str| {
            std::fs::read_dir(format!("{dir}/{engine}"))
                .unwrap()
                .count()
        };
        assert_eq!(count("sqlite"), MIGRATIONS.len());
        assert_eq!(count("postgres"), MIGRATIONS.len());
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "versions are consecutive");
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
        }
        assert_eq!(MIGRATIONS[0].name, "0001_foundation");
        assert!(MIGRATIONS[0].postgres.contains("CREATE TABLE"));
    }

    #[test]
    fn twins_pair_up_in_number_order() {
        let files = names(&["0002_b.sql", "0001_a.sql"]);
        assert_eq!(
            pair(&files, &files).unwrap(),
            vec![
                Listed {
                    version: 1,
                    name: "0001_a".into()
                },
                Listed {
                    version: 2,
                    name: "0002_b".into()
                },
            ]
        );
    }

    #[test]
    fn a_missing_twin_a_duplicate_a_gap_or_a_stray_file_is_named() {
        let both = names(&["0001_a.sql", "0002_b.sql"]);
        let one = names(&["0001_a.sql"]);
        let cases = [
            (
                pair(&both, &one),
                "migrations/sqlite/0002_b.sql has no twin",
            ),
            (
                pair(&one, &both),
                "migrations/postgres/0002_b.sql has no twin",
            ),
            (
                pair(&names(&["0001_a.sql", "0001_b.sql"]), &one),
                "two migrations numbered 0001",
            ),
            (
                pair(
                    &names(&["0001_a.sql", "0003_c.sql"]),
                    &names(&["0001_a.sql", "0003_c.sql"]),
                ),
                "migration 0002 is missing (the next is 0003_c.sql)",
            ),
            (pair(&names(&["README"]), &one), "is not a .sql file"),
            (
                pair(&names(&["1_a.sql"]), &one),
                "is not named NNNN_words.sql",
            ),
        ];
        for (result, expected) in cases {
            let message = result.unwrap_err();
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
    }
}
