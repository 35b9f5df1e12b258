//! Officers' discussion pages and the discussions API over HTTP: an
//! officer creates, edits, publishes and withdraws a discussion through
//! the pages and the API on every engine; residents are refused; bad
//! input gets a 4xx with a stable code and nothing saved; comments go
//! through the API with their own codes; a discussion is linked to a
//! consultation's stage; translations go through the API.

mod api;
mod api_comments;
mod api_translations;
mod closing;
mod consultation_stage;
mod outside_view;
mod pages;
mod seeds_and_dates;

use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::discussions::catalogue::{self, ListQuery};
use cohesion_storage::Timestamp;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::support::Server;

const OFFICER: &str = "helen@brightwater.example";
const TOM: &str = "tom@brightwater.example";
const AMINA: &str = "amina@brightwater.example";

/// Dates that keep a discussion open for the whole run.
const OPEN_FROM: &str = "2020-01-01T09:00";
const OPEN_UNTIL: &str = "2099-12-31T17:00";

/// How many discussions exist, drafts included.
async fn discussion_count(s: &Server) -> i64 {
    let mut c = s.db().acquire().await.unwrap();
    let q = ListQuery {
        drafts: true,
        limit: 1,
        ..Default::default()
    };
    catalogue::list(c.conn(), &q, Timestamp::now())
        .await
        .unwrap()
        .1
}

/// The discussion `id` as stored.
async fn stored(s: &Server, id: &str) -> cohesion_domain::discussion::record::Discussion {
    let mut c = s.db().acquire().await.unwrap();
    catalogue::find(c.conn(), Uuid::parse_str(id).unwrap())
        .await
        .unwrap()
        .expect("the discussion is stored")
}

/// The audit log's entries of `action` about `subject`.
pub(crate) async fn audited(s: &Server, action: &str, subject: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some(action),
        subject: Some(Uuid::parse_str(subject).unwrap()),
        limit: 50,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap().len()
}

/// An API answer: its status and JSON body (null for none).
pub(crate) struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("(none)")
    }

    /// `errors` as (pointer, code), sorted.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("errors listed: {}", self.body))
            .iter()
            .map(|e| {
                (
                    e["pointer"].as_str().unwrap_or("(none)").to_owned(),
                    e["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        out.sort();
        out
    }
}

/// Sends `body` as JSON with the session (cookie and CSRF header).
pub(crate) async fn call(
    s: &Server,
    method: Method,
    path: &str,
    session: Option<&(String, String)>,
    body: Option<&Value>,
) -> Reply {
    let mut req = s.client.request(method, s.url(path));
    if let Some((cookie, csrf)) = session {
        req = req.header("cookie", cookie).header("x-csrf-token", csrf);
    }
    if let Some(body) = body {
        req = req.json(body);
    }
    reply(req).await
}

async fn reply(req: reqwest::RequestBuilder) -> Reply {
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    if status >= 400 {
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "errors are problems"
        );
    }
    let bytes = res.bytes().await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply { status, body }
}

/// The officers' form for a new discussion called `title`, open for the
/// whole run, linked to the consultation stage `stage` (`id:index`, or
/// empty for none).
fn form<'a>(csrf: &'a str, title: &'a str, stage: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("language", "en"),
        ("title", title),
        ("introduction", "How safe does the walk home feel?"),
        ("questions", "Which streets feel safe?"),
        ("topics", "safety"),
        ("area", ""),
        ("opens_at", OPEN_FROM),
        ("closes_at", OPEN_UNTIL),
        ("pre_moderation", "off"),
        ("first_comments", ""),
        ("consultation_stage", stage),
    ]
}

/// An API request body for a discussion called `title`, open for the
/// whole run, with the fields of `more` added (or put in place of the
/// dates).
fn discussion_body(title: &str, more: Value) -> Value {
    let mut body = json!({"title": title, "introduction": "Tell us.",
        "opens_at": "2020-01-01T09:00Z", "closes_at": "2099-01-01T09:00Z"});
    if let (Some(body), Value::Object(more)) = (body.as_object_mut(), more) {
        body.extend(more);
    }
    body
}

/// Asks the API, as `officer`, to create a discussion from `body`.
async fn create(s: &Server, officer: &(String, String), body: &Value) -> Reply {
    call(
        s,
        Method::POST,
        "/api/v1/discussions",
        Some(officer),
        Some(body),
    )
    .await
}

/// A discussion created (201) and published (200) through the API by
/// `officer`: its id.
async fn published(s: &Server, officer: &(String, String), body: &Value) -> String {
    let r = create(s, officer, body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/discussions/{id}/publish");
    assert_eq!(
        call(s, Method::POST, &path, Some(officer), None)
            .await
            .status,
        200
    );
    id
}

async fn sign_in(s: &Server, email: &str) -> (String, String) {
    s.sign_in(email, cohesion_services::accounts::demo::DEMO_PASSWORD)
        .await
}
