//! Test databases: a fresh SQLite file per test, and a fresh PostgreSQL
//! schema per test when `COHESION_TEST_POSTGRES_URL` is set. Both are real
//! databases, migrated the way production migrates them.

use cohesion_storage::{migrate, Db, Engine};

/// The variable that points the suite at a PostgreSQL server.
pub const POSTGRES_URL_VAR: &str = "COHESION_TEST_POSTGRES_URL";

/// A migrated database that disappears when dropped.
pub struct TestDb {
    pub db: Db,
    /// A URL another process can use to reach the same database.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg_cleanup: Option<(String, String)>,
}

impl TestDb {
    pub fn engine(&self) -> Engine {
        self.db.engine()
    }
}

/// A fresh, migrated SQLite database in a temporary directory.
pub async fn sqlite() -> TestDb {
    let t = sqlite_unmigrated().await;
    migrate::run(&t.db)
        .await
        .expect("migrations apply on SQLite");
    t
}

/// A fresh SQLite database with no tables at all.
pub async fn sqlite_unmigrated() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite:{}", dir.path().join("test.db").display());
    let db = Db::connect(&url, Default::default())
        .await
        .expect("open SQLite");
    TestDb {
        db,
        url,
        _dir: Some(dir),
        pg_cleanup: None,
    }
}

/// The PostgreSQL server's URL, or `None` (after saying so) when the suite
/// is run without one.
pub fn postgres_url() -> Option<String> {
    match std::env::var(POSTGRES_URL_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped: PostgreSQL part of this test ({POSTGRES_URL_VAR} is not set)");
            None
        }
    }
}

/// A fresh, migrated PostgreSQL schema, if a server is configured.
pub async fn postgres() -> Option<TestDb> {
    let t = postgres_unmigrated().await?;
    migrate::run(&t.db)
        .await
        .expect("migrations apply on PostgreSQL");
    Some(t)
}

/// A fresh, empty PostgreSQL schema, if a server is configured. A configured
/// but unreachable server fails the test: CI must never skip silently.
pub async fn postgres_unmigrated() -> Option<TestDb> {
    let base = postgres_url()?;
    let schema = format!("t_{}", uuid::Uuid::now_v7().simple());
    let admin = Db::connect(&base, Default::default())
        .await
        .unwrap_or_else(|e| panic!("{POSTGRES_URL_VAR} is set but: {e}"));
    if let Db::Postgres(pool) = &admin {
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(pool)
            .await
            .expect("create test schema");
    }
    admin.close().await;
    let url = with_search_path(&base, &schema);
    let db = Db::connect(&url, Default::default())
        .await
        .expect("connect to test schema");
    Some(TestDb {
        db,
        url,
        _dir: None,
        pg_cleanup: Some((base, schema)),
    })
}

/// Every engine this run can test: SQLite always, PostgreSQL when set.
pub async fn engines() -> Vec<TestDb> {
    let mut all = vec![sqlite().await];
    all.extend(postgres().await);
    all
}

fn with_search_path(base: &str, schema: &str) -> String {
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{schema}")
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((base, schema)) = self.pg_cleanup.take() else {
            return;
        };
        // Drop runs outside async; a short-lived runtime on its own thread
        // removes the schema so test runs leave nothing behind.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let db = Db::connect(&base, Default::default()).await.ok()?;
                if let Db::Postgres(pool) = &db {
                    let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                        .execute(pool)
                        .await;
                }
                db.close().await;
                Some(())
            })
        })
        .join();
    }
}
