//! Which database failures are "try again" rather than "something is
//! wrong": the web layer answers the first with 503 and Retry-After, the
//! second with 500. Real failures from real databases, not made-up errors.

use std::str::FromStr;
use std::time::Duration;

use cohesion_storage::{Db, StorageError};
use cohesion_testkit as testkit;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};

#[tokio::test]
async fn a_deadlock_postgresql_broke_is_transient() {
    let Some(t) = testkit::postgres().await else {
        return;
    };
    let Db::Postgres(pool) = &t.db else {
        panic!("a PostgreSQL database");
    };
    sqlx::query("CREATE TABLE tally (id INT PRIMARY KEY, n INT NOT NULL)")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO tally VALUES (1, 0), (2, 0)")
        .execute(pool)
        .await
        .unwrap();
    let bump = |id: i32| sqlx::query("UPDATE tally SET n = n + 1 WHERE id = $1").bind(id);
    // Each takes one row, then wants the other's.
    let mut a = pool.begin().await.unwrap();
    let mut b = pool.begin().await.unwrap();
    bump(1).execute(&mut *a).await.unwrap();
    bump(2).execute(&mut *b).await.unwrap();
    let (ra, rb) = tokio::join!(bump(2).execute(&mut *a), bump(1).execute(&mut *b));
    let broken = [ra.err(), rb.err()]
        .into_iter()
        .flatten()
        .next()
        .expect("PostgreSQL aborts one of the two");
    let e = StorageError::from(broken);
    assert!(e.is_transient(), "{e}");
    // A mistake is not.
    let e = StorageError::from(
        sqlx::query("SELECT missing FROM tally")
            .execute(pool)
            .await
            .unwrap_err(),
    );
    assert!(!e.is_transient(), "{e}");
}

#[tokio::test]
async fn a_sqlite_file_busy_with_another_writer_is_transient() {
    let t = testkit::sqlite().await;
    let options = SqliteConnectOptions::from_str(&t.url)
        .unwrap()
        .busy_timeout(Duration::ZERO);
    let mut holder = options.connect().await.unwrap();
    let mut other = options.connect().await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut holder)
        .await
        .unwrap();
    let e = StorageError::from(
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut other)
            .await
            .unwrap_err(),
    );
    assert!(e.is_transient(), "{e}");
    let e = StorageError::from(
        sqlx::query("SELECT missing FROM nowhere")
            .execute(&mut other)
            .await
            .unwrap_err(),
    );
    assert!(!e.is_transient(), "{e}");
    assert!(StorageError::Locked.is_transient());
    holder.close().await.unwrap();
    other.close().await.unwrap();
}
