//! The JSON API for accounts, the person's own account, administration
//! and organisations, over real HTTP against real databases.

mod administration;
mod organisations;
mod own_account;
mod password_reset;
mod problems;
mod session_token;
mod your_data;

use cohesion_domain::identity::{Email, Role};
use cohesion_services::accounts::demo;
use cohesion_services::accounts::Passwords;
use cohesion_storage::accounts::users;
use cohesion_storage::outbox;
use reqwest::header::HeaderMap;
use reqwest::{Method, RequestBuilder};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::support::{servers_with_demo, Server};

const PASSWORD: &str = "a long river of quiet words";
const ADMIN: &str = "nadia@brightwater.example";
const RESIDENT: &str = "tom@brightwater.example";
const OTHER_RESIDENT: &str = "amina@brightwater.example";
const ORG_OWNER: &str = "priya@brightwater.example";

/// A server per engine, with the demo programme and its accounts.
async fn servers() -> Vec<Server> {
    let servers = servers_with_demo().await;
    for s in &servers {
        demo::load(s.db(), &Passwords::new(2)).await.unwrap();
    }
    servers
}

fn api(s: &Server, method: Method, path: &str) -> RequestBuilder {
    s.client.request(method, s.url(&format!("/api/v1{path}")))
}

struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    /// The (field, code) pairs of a problem's `errors`.
    fn errors(&self) -> Vec<(String, String)> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap().to_owned(),
                            e["code"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }

    /// The value this response sets for the session cookie, if it does.
    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                v.split(';')
                    .next()?
                    .strip_prefix("cohesion_session=")
                    .map(str::to_owned)
            })
    }
}

async fn send(rb: RequestBuilder) -> Reply {
    let res = rb.send().await.expect("request");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&bytes)))
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// A signed-in API client: its cookie and the session's token.
struct Session {
    id: Uuid,
    cookie: String,
    csrf: String,
}

impl Session {
    /// Sends the cookie only (reads, or calls that forget the token).
    fn read(&self, rb: RequestBuilder) -> RequestBuilder {
        rb.header("cookie", &self.cookie)
    }

    /// Sends the cookie and the session's token.
    fn act(&self, rb: RequestBuilder) -> RequestBuilder {
        self.read(rb).header("x-csrf-token", &self.csrf)
    }
}

async fn try_sign_in(s: &Server, email: &str, password: &str) -> Reply {
    send(
        api(s, Method::POST, "/session")
            .header("user-agent", "cohesion-test/1.0")
            .json(&json!({"email": email, "password": password})),
    )
    .await
}

async fn sign_in(s: &Server, email: &str, password: &str) -> Session {
    let r = try_sign_in(s, email, password).await;
    assert_eq!(r.status, 200, "{email}: {}", r.body);
    Session {
        id: r.body["user"]["id"].as_str().unwrap().parse().unwrap(),
        cookie: format!("cohesion_session={}", r.session_cookie().unwrap()),
        csrf: r.body["csrf_token"].as_str().unwrap().to_owned(),
    }
}

/// The token of the newest link to `to` whose body contains `marker`.
async fn emailed_token(s: &Server, to: &str, marker: &str) -> String {
    let mut c = s.db().acquire().await.unwrap();
    let mail = outbox::recent(c.conn(), 50).await.unwrap();
    let m = mail
        .iter()
        .find(|m| m.to_address == to && m.body.contains(marker))
        .unwrap_or_else(|| panic!("an email to {to} with {marker}"));
    let start = m.body.find(marker).unwrap() + marker.len();
    m.body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

async fn user(s: &Server, id: Uuid) -> users::UserRecord {
    let mut c = s.db().acquire().await.unwrap();
    users::find_by_id(c.conn(), id).await.unwrap().unwrap()
}

async fn user_by_email(s: &Server, email: &str) -> Option<users::UserRecord> {
    let mut c = s.db().acquire().await.unwrap();
    users::find_by_email(c.conn(), &Email::parse(email).unwrap())
        .await
        .unwrap()
}

async fn roles(s: &Server, id: Uuid) -> Vec<Role> {
    let mut c = s.db().acquire().await.unwrap();
    users::roles(c.conn(), id).await.unwrap()
}
