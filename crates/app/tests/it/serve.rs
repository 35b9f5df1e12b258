use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::{client, command, open_sqlite, output, post_useful, serve};

#[tokio::test]
async fn with_no_configuration_it_creates_a_wal_sqlite_database_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &[]).await;
    assert!(
        dir.path().join("cohesion.db").exists(),
        "./cohesion.db created"
    );
    let res = client()
        .get(format!("{}/", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let health = client()
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    server.stop().await;
    let db = open_sqlite(dir.path(), "cohesion.db").await;
    if let cohesion_storage::Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) = &db {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
    }
    assert!(cohesion_storage::migrate::is_current(&db).await.unwrap());
}

#[tokio::test]
async fn the_demo_loads_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..2 {
        let server = serve(dir.path(), &["--demo"]).await;
        let expected = if round == 0 {
            "Demo content loaded"
        } else {
            "Demo content already present"
        };
        assert!(
            server.stdout.iter().any(|l| l.starts_with(expected)),
            "{:?}",
            server.stdout
        );
        let accounts = if round == 0 { 20 } else { 0 };
        let printed = server.stdout.join("\n");
        assert!(
            printed.contains(&format!("Demo accounts ({accounts} added now)"))
                && printed.contains(cohesion_services::accounts::demo::DEMO_PASSWORD)
                && printed.contains("administrator        nadia@brightwater.example"),
            "the credentials of each role are printed: {printed}"
        );
        let html = client()
            .get(format!("{}/", server.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("Brightwater Together"));
        server.stop().await;
    }
    let db = open_sqlite(dir.path(), "cohesion.db").await;
    if let cohesion_storage::Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) = &db {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM programme_texts")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(
            n, 2,
            "one programme, in two languages, however often the demo loads"
        );
        let roles: Vec<(String, i64)> =
            sqlx::query_as("SELECT role, COUNT(*) FROM user_roles GROUP BY role ORDER BY role")
                .fetch_all(pool)
                .await
                .unwrap();
        assert_eq!(
            roles.len(),
            10,
            "every staff role has demo accounts: {roles:?}"
        );
        assert!(roles.iter().all(|(_, n)| *n == 2), "{roles:?}");
        let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisation_members")
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(members, 2, "the demo organisation has its two members");
    }
}

#[tokio::test]
async fn no_migrate_refuses_a_database_that_is_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = command(dir.path());
    c.args(["serve", "--no-migrate", "--bind", "127.0.0.1:0"]);
    let (code, _, err) = output(c).await;
    assert_ne!(code, 0);
    assert!(err.contains("run `cohesion migrate` first"), "{err}");
}

#[tokio::test]
async fn a_port_in_use_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let mut c = command(dir.path());
    c.args(["serve", "--bind", &addr]);
    let (code, _, err) = output(c).await;
    assert_ne!(code, 0);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].contains(&format!("cannot listen on {addr}")),
        "{err}"
    );
}

#[tokio::test]
async fn sigterm_lets_a_request_in_flight_finish() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &[]).await;
    let addr = server.base.trim_start_matches("http://").to_owned();
    let body = b"page=about&answer=yes";
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /feedback HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body[..5]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.sigterm();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The server is draining: new connections are no longer accepted…
    assert!(
        client()
            .get(format!("{}/", server.base))
            .send()
            .await
            .is_err(),
        "no new requests after SIGTERM"
    );
    // …but the request already in flight completes.
    stream.write_all(&body[5..]).await.unwrap();
    let mut reply = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut reply))
        .await
        .unwrap()
        .unwrap();
    let reply = String::from_utf8_lossy(&reply);
    assert!(reply.starts_with("HTTP/1.1 303"), "{reply}");
    let mut child = server.child;
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success());
    // And what it wrote was kept.
    let db = open_sqlite(dir.path(), "cohesion.db").await;
    let mut c = db.acquire().await.unwrap();
    let tally =
        cohesion_storage::site::feedback::tally(c.conn(), cohesion_domain::pages::InfoPage::About)
            .await
            .unwrap();
    assert_eq!(tally.useful, 1);
}

#[tokio::test]
async fn backup_copies_a_live_database_consistently() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &["--demo"]).await;
    let c = client();
    for _ in 0..3 {
        assert_eq!(post_useful(&server.base, "home").await, 201);
    }
    let mut cmd = command(dir.path());
    cmd.args(["admin", "backup", "copy.db"]);
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Backed up to copy.db"), "{out}");
    // The server kept serving throughout.
    assert_eq!(
        c.get(format!("{}/", server.base))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    server.stop().await;

    let copy = open_sqlite(dir.path(), "copy.db").await;
    assert!(cohesion_storage::migrate::is_current(&copy).await.unwrap());
    let mut conn = copy.acquire().await.unwrap();
    let tally = cohesion_storage::site::feedback::tally(
        conn.conn(),
        cohesion_domain::pages::InfoPage::Home,
    )
    .await
    .unwrap();
    assert_eq!(tally.useful, 3);

    let mut again = command(dir.path());
    again.args(["admin", "backup", "copy.db"]);
    let (code, _, err) = output(again).await;
    assert_ne!(code, 0, "an existing file is never overwritten");
    assert!(err.contains("already exists"), "{err}");
}

#[tokio::test]
async fn json_logs_carry_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &["--log-format", "json", "--access-log"]).await;
    let res = client()
        .get(format!("{}/about", server.base))
        .header("x-request-id", "trace-me-42")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers().get("x-request-id").unwrap(), "trace-me-42");
    let stderr = server.stop().await;
    let lines: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    let request_lines: Vec<_> = lines
        .iter()
        .filter(|l| l["span"]["request_id"] == "trace-me-42")
        .collect();
    assert!(
        !request_lines.is_empty(),
        "a log line for the request: {stderr}"
    );
    assert!(request_lines.iter().all(|l| l["span"]["path"] == "/about"));
}
