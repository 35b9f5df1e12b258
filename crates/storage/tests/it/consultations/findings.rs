//! Findings written before they could combine options keep resting on
//! their one option once the database is migrated, on both engines; the
//! consultation they are on is then said to be written in English.

use cohesion_storage::consultations::{catalogue, findings};
use cohesion_storage::{migrate, Db, Timestamp};
use cohesion_testkit as testkit;

/// The version that let findings combine options and say what we did,
/// found by its name so that renumbering on a merge cannot mislead.
fn combined() -> i64 {
    migrate::MIGRATIONS
        .iter()
        .find(|m| m.name.ends_with("findings_combined_what_we_did"))
        .expect("the migration is listed")
        .version
}

async fn raw(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) => {
            sqlx::raw_sql(sql).execute(pool).await.map(|_| ())
        }
        Db::Postgres(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Applies the migrations before `combined()` as `migrate::run` would, and
/// records them, so that a later run applies the rest.
async fn migrate_before_combined(db: &Db) {
    raw(
        db,
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, \
         applied_at TIMESTAMPTZ NOT NULL)",
    )
    .await;
    for m in migrate::MIGRATIONS
        .iter()
        .filter(|m| m.version < combined())
    {
        let sql = match db {
            Db::Sqlite(_) => m.sqlite,
            Db::Postgres(_) => m.postgres,
        };
        raw(db, sql).await;
        raw(
            db,
            &format!(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({}, '{}', '2026-01-01T00:00:00Z')",
                m.version, m.name
            ),
        )
        .await;
    }
}

#[tokio::test]
async fn single_option_findings_keep_their_option_after_migrating() {
    let mut dbs = vec![testkit::sqlite_unmigrated().await];
    dbs.extend(testkit::postgres_unmigrated().await);
    for t in dbs {
        let db = &t.db;
        migrate_before_combined(db).await;
        // A consultation as that binary wrote it (today's insert names
        // columns added since).
        let (id, at) = (uuid::Uuid::now_v7(), Timestamp::now());
        let sql = "INSERT INTO consultations (id, title, summary, body, topics, area, opens_at, closes_at, \
                   allow_anonymous, survey, created_at, updated_at, strands, documents) \
                   VALUES ($1, 'Old', 'Old', '', '', NULL, $2, $2, FALSE, '{\"pages\":[]}', $2, $2, '', '[]')";
        match db {
            Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) => sqlx::query(sql)
                .bind(id)
                .bind(at)
                .execute(pool)
                .await
                .map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql)
                .bind(id)
                .bind(at)
                .execute(pool)
                .await
                .map(|_| ()),
        }
        .unwrap();
        // As the older binary wrote it: resting on option 3.
        let sql = "INSERT INTO findings (id, consultation_id, position, title, body, question_id, row_index, \
                   option_index, created_at, updated_at) VALUES ($1, $2, 1, 'On one option', '', 'q1', NULL, 2, $3, $3)";
        let (fid, now) = (uuid::Uuid::new_v4(), Timestamp::now());
        match db {
            Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) => sqlx::query(sql)
                .bind(fid)
                .bind(id)
                .bind(now)
                .execute(pool)
                .await
                .map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql)
                .bind(fid)
                .bind(id)
                .bind(now)
                .execute(pool)
                .await
                .map(|_| ()),
        }
        .unwrap();
        let later: Vec<i64> = migrate::MIGRATIONS
            .iter()
            .map(|m| m.version)
            .filter(|v| *v >= combined())
            .collect();
        assert_eq!(migrate::run(db).await.unwrap(), later);
        assert!(migrate::is_current(db).await.unwrap());
        let mut c = db.acquire().await.unwrap();
        let list = findings::list(c.conn(), id, true).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].finding.options, [2]);
        assert_eq!(list[0].finding.what_we_did, "");
        assert_eq!(list[0].finding.question_id, "q1");
        // Written before consultations said their language: in English,
        // the site's first.
        let (old, _) = catalogue::find(c.conn(), id).await.unwrap().unwrap();
        assert_eq!(old.language, "en");
    }
}
