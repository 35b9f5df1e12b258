//! Failures of the moment (the database gone, busy) answered in words,
//! with a reference or a time to try again.

use crate::support::start;

#[tokio::test]
async fn a_database_failure_shows_a_friendly_500_with_a_reference() {
    let t = cohesion_testkit::sqlite().await;
    if let cohesion_storage::Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) = &t.db {
        sqlx::query("DROP TABLE programme_texts")
            .execute(pool)
            .await
            .unwrap();
    }
    let s = start(t).await;
    let res = s
        .client
        .get(s.url("/"))
        .header("x-request-id", "ref-123")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
    let html = res.text().await.unwrap();
    assert!(html.contains("Sorry, there is a problem with the service"));
    assert!(html.contains("ref-123"), "the reference is shown");
    assert!(!html.contains("no such table"), "no internals leak");
    let api = s.get("/api/v1/site").await;
    assert_eq!(api.status(), 500);
    assert_eq!(
        api.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["code"], "internal_error");
    let health = s.get("/healthz").await;
    assert_eq!(health.status(), 200, "the database itself still answers");
}

#[tokio::test]
async fn a_database_busy_with_another_writer_asks_to_try_again_and_loses_nothing() {
    use sqlx::{ConnectOptions, Connection};
    // Another process holds the SQLite file's write lock for longer than
    // the server waits for it (5 s): the answer is 503 with Retry-After,
    // a stable code and a sentence, not 500, and nothing is half-saved.
    let db = cohesion_testkit::sqlite().await;
    let options: sqlx::sqlite::SqliteConnectOptions = db.url.parse().unwrap();
    let s = start(db).await;
    let mut other = options.connect().await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    let send = || {
        s.client
            .post(s.url("/api/v1/feedback"))
            .header("accept-language", "en")
            .json(&serde_json::json!({"page": "cookies", "answer": "no"}))
            .send()
    };
    let res = send().await.unwrap();
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "2");
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["code"], "service_unavailable");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Nothing you sent has been saved")),
        "{problem}"
    );
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    // Sent again, it is counted once.
    let res = send().await.unwrap();
    assert_eq!(res.status(), 201);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"page": "cookies", "useful": 0, "not_useful": 1})
    );
}
