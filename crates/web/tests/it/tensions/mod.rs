//! Community tension reports: the form and the API (masking, bad input,
//! the acknowledgement, switched off), the officers' dashboard
//! (permissions, suppression, an audit entry per text read) and the
//! retention job.

mod dashboard;
mod form;
mod retention;

use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::tensions::reports;
use cohesion_testkit::http;

use crate::support::Server;

/// The form's CSRF cookie header and token, for a visitor.
pub async fn open(s: &Server) -> (String, String) {
    let (cookie, token) = http::open_form(&s.client, &s.url("/tension-reports/new")).await;
    (format!("cohesion_csrf={cookie}"), token)
}

/// Sends the form with `fields` (and the token) as a visitor.
pub async fn send(s: &Server, fields: &[(&str, &str)]) -> reqwest::Response {
    let (cookie, token) = open(s).await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    s.post("/tension-reports/new", &cookie, &all).await
}

/// A good report's fields, but for `text`.
pub fn report<'a>(text: &'a str, date: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("area", "elsewhere"),
        ("kind", "hate_incident"),
        ("occurred_on", date),
        ("text", text),
        ("police", "no"),
    ]
}

/// Today, as the server's zone (UTC in tests) sees it.
pub fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

pub async fn stored(s: &Server) -> Vec<reports::ReportRow> {
    let mut c = s.db().acquire().await.unwrap();
    reports::recent(c.conn(), 100).await.unwrap()
}

pub async fn audit_entries(s: &Server, action: &str) -> Vec<audit::AuditEntry> {
    let mut c = s.db().acquire().await.unwrap();
    audit::page(
        c.conn(),
        &AuditQuery {
            action: Some(action),
            limit: 100,
            ..AuditQuery::default()
        },
    )
    .await
    .unwrap()
}
