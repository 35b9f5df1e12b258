//! What every test uses: a real server over a real database, a client,
//! and raw requests.

use std::net::SocketAddr;

use cohesion_i18n::Catalog;
use cohesion_testkit::TestDb;
use cohesion_web::WebConfig;

/// The information pages.
pub const PAGES: [&str; 6] = [
    "/",
    "/get-involved",
    "/about",
    "/accessibility",
    "/privacy",
    "/cookies",
];

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

    /// The stylesheet the page `html` links, as served.
    pub async fn stylesheet(&self, html: &str) -> String {
        let href = html
            .split(r#"rel="stylesheet" href=""#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a stylesheet")
            .replace("&amp;", "&");
        self.html(&href).await
    }

    /// GETs `path` as a visitor without a session: the body as text.
    pub async fn html(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("a text body")
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
        cohesion_services::site::demo::load(&t.db).await.unwrap();
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

/// Like [`servers_with_demo`], with the demo's accounts too (two for each
/// role, all with `accounts::demo::DEMO_PASSWORD`).
pub async fn servers_with_people() -> Vec<Server> {
    servers_with_people_and(WebConfig::default()).await
}

/// [`servers_with_people`] with the settings `config`.
pub async fn servers_with_people_and(config: WebConfig) -> Vec<Server> {
    let passwords = cohesion_services::accounts::Passwords::new(2);
    let mut out = Vec::new();
    for t in cohesion_testkit::engines().await {
        cohesion_services::site::demo::load(&t.db).await.unwrap();
        cohesion_services::accounts::demo::load(&t.db, &passwords)
            .await
            .unwrap();
        out.push(start_with(t, config.clone()).await);
    }
    out
}

impl Server {
    /// Signs in over HTTP; returns the Cookie header to send and the
    /// session's form token.
    pub async fn sign_in(&self, email: &str, password: &str) -> (String, String) {
        use cohesion_testkit::http;
        let (csrf_cookie, token) = http::open_form(&self.client, &self.url("/sign-in")).await;
        let body = serde_urlencoded::to_string([
            ("csrf", token.as_str()),
            ("email", email),
            ("password", password),
        ])
        .unwrap();
        let res = http::post_form(
            &self.client,
            &self.url("/sign-in"),
            &format!("cohesion_csrf={csrf_cookie}"),
            &body,
        )
        .await;
        assert_eq!(res.status(), 303, "signing in as {email}");
        let session = http::cookie_set_by(&res, "cohesion_session").unwrap();
        let cookie = format!("cohesion_session={session}");
        let html = self.page("/account", &cookie).await.1;
        (cookie, http::hidden_csrf(&html))
    }

    /// GETs `path` with `cookie`, for bodies that are not text.
    pub async fn get_with(&self, path: &str, cookie: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("request")
    }

    /// GETs `path` with `cookie`: (status, body).
    pub async fn page(&self, path: &str, cookie: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// POSTs form `fields` with `cookie`.
    pub async fn post(
        &self,
        path: &str,
        cookie: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let body = serde_urlencoded::to_string(fields).unwrap();
        cohesion_testkit::http::post_form(&self.client, &self.url(path), cookie, &body).await
    }
}

/// The translations page's row (its form group) for the text `key`.
pub fn translation_row<'a>(html: &'a str, key: &str) -> &'a str {
    html.split("<div class=\"govuk-form-group app-translation")
        .find(|r| r.contains(&format!("name=\"{key}\"")))
        .unwrap_or_else(|| panic!("no row for {key}"))
}

/// The visible heading of a translations page row: the text of its label
/// (the markup that isolates the quoted original, and any of Fluent's
/// isolation marks, taken out), checked to be the label of the row's
/// field, which is named by the key.
pub fn translation_heading(row: &str) -> String {
    let (_, rest) = row.split_once("<label ").expect("a label");
    let (attributes, rest) = rest.split_once('>').unwrap();
    let target = attributes
        .split("for=\"")
        .nth(1)
        .and_then(|a| a.split('"').next())
        .expect("the label names its field");
    let field = row
        .split_once(&format!("id=\"{target}\""))
        .map(|(before, after)| {
            let start = before.rfind('<').unwrap();
            format!("{}{}", &before[start..], after.split('>').next().unwrap())
        })
        .unwrap_or_else(|| panic!("no field {target} in {row}"));
    assert!(
        field.starts_with("<input") || field.starts_with("<textarea"),
        "{field}"
    );
    assert!(field.contains(" name=\""), "{field}");
    let text = rest.split_once("</label>").unwrap().0;
    text_of(text).replace(['\u{2068}', '\u{2069}'], "")
}

/// The text of a piece of markup: its tags taken out.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
