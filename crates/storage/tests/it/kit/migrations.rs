//! Migrations run once, in turns, with one pooled connection, and a
//! database a newer binary migrated is recognised.

use cohesion_storage::migrate;
use cohesion_testkit as testkit;

#[tokio::test]
async fn migrations_are_idempotent_and_recorded() {
    for t in testkit::engines().await {
        assert!(migrate::is_current(&t.db).await.unwrap());
        assert!(
            migrate::run(&t.db).await.unwrap().is_empty(),
            "second run applies nothing"
        );
        let versions = migrate::applied_versions(&t.db).await.unwrap();
        assert_eq!(versions.len(), migrate::MIGRATIONS.len());
    }
}

#[tokio::test]
async fn an_empty_database_is_not_current_until_migrated() {
    let mut dbs = vec![testkit::sqlite_unmigrated().await];
    dbs.extend(testkit::postgres_unmigrated().await);
    for t in dbs {
        assert!(!migrate::is_current(&t.db).await.unwrap());
        assert_eq!(migrate::run(&t.db).await.unwrap(), all_versions());
        assert!(migrate::is_current(&t.db).await.unwrap());
    }
}

#[tokio::test]
async fn concurrent_migrations_on_postgres_take_turns() {
    let Some(t) = testkit::postgres_unmigrated().await else {
        return;
    };
    let other = cohesion_storage::Db::connect(&t.url, Default::default())
        .await
        .unwrap();
    let (a, b) = tokio::join!(migrate::run(&t.db), migrate::run(&other));
    let mut applied = a.unwrap();
    applied.extend(b.unwrap());
    applied.sort();
    assert_eq!(
        applied,
        all_versions(),
        "exactly one runner applies each migration"
    );
}

fn all_versions() -> Vec<i64> {
    migrate::MIGRATIONS.iter().map(|m| m.version).collect()
}

#[tokio::test]
async fn migrating_needs_only_one_pooled_connection() {
    let mut urls = vec![];
    let sqlite = testkit::sqlite_unmigrated().await;
    urls.push(sqlite.url.clone());
    let pg = testkit::postgres_unmigrated().await;
    urls.extend(pg.as_ref().map(|p| p.url.clone()));
    for url in urls {
        let settings = cohesion_storage::PoolSettings {
            max_connections: 1,
            ..Default::default()
        };
        let db = cohesion_storage::Db::connect(&url, settings).await.unwrap();
        assert_eq!(migrate::run(&db).await.unwrap(), all_versions(), "{url}");
        assert_eq!(
            migrate::state(&db).await.unwrap(),
            migrate::SchemaState::Current
        );
    }
}

#[tokio::test]
async fn a_database_migrated_by_a_newer_binary_is_ahead() {
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        cohesion_storage::on_conn!(c.conn(), c => {
            sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', $1)")
                .bind(cohesion_storage::Timestamp::now())
                .execute(&mut *c)
                .await
                .map(|_| ())
                .unwrap()
        });
        assert_eq!(
            migrate::state(&t.db).await.unwrap(),
            migrate::SchemaState::Ahead { newest: 9999 }
        );
    }
}
