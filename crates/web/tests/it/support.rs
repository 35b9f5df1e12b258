use std::net::SocketAddr;

use cohesion_i18n::Catalog;
use cohesion_testkit::TestDb;
use cohesion_web::WebConfig;

/// A real server on a loopback port, over a real database.
pub struct Server {
    pub base: String,
    /// Held so the database outlives the server.
    _db: TestDb,
    pub client: reqwest::Client,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn db(&self) -> &cohesion_storage::Db {
        &self._db.db
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }
}

pub async fn start(db: TestDb) -> Server {
    start_with(db, WebConfig::default()).await
}

pub async fn start_with(db: TestDb, config: WebConfig) -> Server {
    let state = cohesion_web::state(db.db.clone(), Catalog::load().unwrap(), config);
    let app = cohesion_web::router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Server {
        base: format!("http://{addr}"),
        _db: db,
        client,
    }
}

/// A server per engine this run can test, each with the demo loaded.
pub async fn servers_with_demo() -> Vec<Server> {
    let mut out = Vec::new();
    for t in cohesion_testkit::engines().await {
        cohesion_services::demo::load(&t.db).await.unwrap();
        out.push(start(t).await);
    }
    out
}

/// Sends raw bytes and returns the raw response, for requests an HTTP
/// client would refuse to send (unnormalised paths, bad bytes).
pub async fn raw(base: &str, request: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut buf = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut buf),
    )
    .await;
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn status_line(raw: &str) -> &str {
    raw.lines().next().unwrap_or_default()
}
