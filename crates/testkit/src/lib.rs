//! Test databases: a fresh SQLite file per test, and a fresh PostgreSQL
//! schema per test when `COHESION_TEST_POSTGRES_URL` is set. Both are real
//! databases, migrated the way production migrates them.

pub mod http;
pub mod smtp;

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
    static SWEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SWEPT.swap(true, std::sync::atomic::Ordering::SeqCst) {
        sweep_stale(&admin).await;
    }
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
        // Drop runs inside the test's runtime, which this thread must not
        // block: a transaction the test dropped is rolled back by that very
        // runtime, and DROP SCHEMA would wait for it forever. So the schema
        // is dropped from a detached thread, once the pool (dropped right
        // after this) has closed; schemas left behind by a process that
        // exits first are swept by the next run (see `sweep_stale`).
        std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(drop_schema(&base, &schema));
        });
    }
}

async fn drop_schema(base: &str, schema: &str) {
    let Ok(db) = Db::connect(base, Default::default()).await else {
        return;
    };
    if let Db::Postgres(pool) = &db {
        let _ = sqlx::query("SET lock_timeout = '30s'").execute(pool).await;
        let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .execute(pool)
            .await;
    }
    db.close().await;
}

/// Drops test schemas more than 15 minutes old (their names carry a UUIDv7,
/// whose first 48 bits are the creation time in milliseconds).
async fn sweep_stale(admin: &Db) {
    let Db::Postgres(pool) = admin else { return };
    let Ok(names) = sqlx::query_scalar::<_, String>(
        "SELECT schema_name::text FROM information_schema.schemata WHERE schema_name LIKE 't\\_%'",
    )
    .fetch_all(pool)
    .await
    else {
        return;
    };
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64);
    for name in names {
        let created_ms = u64::from_str_radix(name.get(2..14).unwrap_or(""), 16).unwrap_or(u64::MAX);
        if created_ms < now_ms.saturating_sub(15 * 60 * 1000) {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                .execute(pool)
                .await;
        }
    }
}
