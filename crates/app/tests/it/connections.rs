//! Connections without a proxy in front (ADR 19): a client that sends
//! half a header, or keeps a connection open doing nothing, is cut off;
//! connections beyond the cap wait to be accepted; /metrics answers only
//! the addresses allowed.

use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{client, serve};

/// Starts the server with `toml` as its configuration file.
async fn serve_with(dir: &std::path::Path, toml: &str) -> crate::support::Running {
    std::fs::write(dir.join("c.toml"), toml).unwrap();
    let mut cmd = crate::support::command(dir);
    cmd.args(["--config", "c.toml", "serve", "--bind", "127.0.0.1:0"]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    crate::support::spawn_and_wait(cmd).await
}

/// Reads until the server closes the connection; how long that took.
async fn closed_after(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut buf))
        .await
        .expect("the server closes the connection within 20 s");
    started.elapsed()
}

#[tokio::test]
async fn half_a_header_or_an_idle_connection_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(dir.path(), "header_read_timeout_secs = 1\n").await;
    let addr = server.base.trim_start_matches("http://").to_owned();

    // Half a header, then silence.
    let mut slow = TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let took = closed_after(&mut slow).await;
    assert!(took < Duration::from_secs(4), "held for {took:?}");

    // A header sent a byte at a time still has to arrive in time.
    let mut trickle = TcpStream::connect(&addr).await.unwrap();
    let started = Instant::now();
    for b in b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".iter() {
        if trickle.write_all(&[*b]).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = closed_after(&mut trickle).await;
    assert!(started.elapsed() < Duration::from_secs(6));

    // Nothing at all.
    let mut silent = TcpStream::connect(&addr).await.unwrap();
    assert!(closed_after(&mut silent).await < Duration::from_secs(4));

    // One whole request, then an idle kept-alive connection.
    let mut idle = TcpStream::connect(&addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    assert!(closed_after(&mut idle).await < Duration::from_secs(4));

    // Requests sent promptly are served as ever.
    let res = client()
        .get(format!("{}/", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    server.stop().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_their_turn() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve_with(
        dir.path(),
        "header_read_timeout_secs = 2\nmax_connections = 2\n",
    )
    .await;
    let addr = server.base.trim_start_matches("http://").to_owned();
    let _a = TcpStream::connect(&addr).await.unwrap();
    let _b = TcpStream::connect(&addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // Both places are taken by silent clients: a third waits until the
    // timeout frees one, then is served.
    let started = Instant::now();
    let res = client()
        .get(format!("{}/healthz", server.base))
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let waited = started.elapsed();
    assert!(
        waited > Duration::from_millis(1000) && waited < Duration::from_secs(8),
        "waited {waited:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn metrics_answer_only_the_addresses_allowed() {
    let dir = tempfile::tempdir().unwrap();
    // By default, loopback may read them.
    let server = serve(dir.path(), &[]).await;
    let res = client()
        .get(format!("{}/metrics", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    server.stop().await;

    // Allowed elsewhere only: a loopback client finds nothing, whatever
    // X-Forwarded-For it claims (no proxy is trusted).
    let server = serve_with(dir.path(), "metrics_allow = [\"10.0.0.0/8\"]\n").await;
    let res = client()
        .get(format!("{}/metrics", server.base))
        .header("x-forwarded-for", "10.0.0.7")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    server.stop().await;

    // Behind a trusted proxy, the proxy's last hop counts.
    let server = serve_with(
        dir.path(),
        "metrics_allow = [\"10.0.0.0/8\"]\ntrust_forwarded_for = true\n",
    )
    .await;
    for (hop, status) in [
        ("10.0.0.7", 200),
        ("203.0.113.9", 404),
        ("10.0.0.7, 203.0.113.9", 404),
    ] {
        let res = client()
            .get(format!("{}/metrics", server.base))
            .header("x-forwarded-for", hop)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{hop}");
    }
    server.stop().await;

    // A list that does not parse stops the start with its reason.
    std::fs::write(
        dir.path().join("c.toml"),
        "metrics_allow = [\"everyone\"]\n",
    )
    .unwrap();
    let mut cmd = crate::support::command(dir.path());
    cmd.args(["--config", "c.toml", "serve", "--bind", "127.0.0.1:0"]);
    let (code, _, err) = crate::support::output(cmd).await;
    assert_ne!(code, 0);
    assert!(err.contains("metrics_allow"), "{err}");
}
