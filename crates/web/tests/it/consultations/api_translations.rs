//! A consultation's translations through the API: officers read every
//! text with its original, translation and state, and replace a
//! language's translations with the page's checks and audit entry;
//! residents are refused.

use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{demo_consultation, AMINA, OFFICER};
use crate::support::{servers_with_people, Server};

async fn call(
    s: &Server,
    method: Method,
    path: &str,
    session: &(String, String),
    body: Option<&Value>,
) -> (u16, Value) {
    let mut req = s
        .client
        .request(method, s.url(path))
        .header("cookie", &session.0)
        .header("x-csrf-token", &session.1);
    if let Some(body) = body {
        req = req.json(body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn state_of<'a>(body: &'a Value, key: &str) -> &'a Value {
    &body["texts"]
        .as_array()
        .unwrap_or_else(|| panic!("texts: {body}"))
        .iter()
        .find(|t| t["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {body}"))["state"]
}

async fn audited(s: &Server, id: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = cohesion_storage::audit::AuditQuery {
        action: Some("consultation.translate"),
        subject: Some(Uuid::parse_str(id).unwrap()),
        limit: 50,
        ..Default::default()
    };
    cohesion_storage::audit::page(c.conn(), &q)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn officers_read_and_replace_a_consultations_translations() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let password = cohesion_services::accounts::demo::DEMO_PASSWORD;
        let officer = s.sign_in(OFFICER, password).await;
        let path = format!("/api/v1/consultations/{id}/translations/ar");

        // The demo translated it into Arabic: its title is current, and
        // its survey's texts are listed too.
        let (status, body) = call(&s, Method::GET, &path, &officer, None).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["source_language"], "en");
        assert_eq!(state_of(&body, "title"), "current");
        assert!(body["texts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["key"].as_str().unwrap().starts_with("stage.")));

        let before = audited(&s, &id).await;
        let texts = json!({"texts": {"title": "شوارع أكثر أمانًا"}});
        let (status, body) = call(&s, Method::PUT, &path, &officer, Some(&texts)).await;
        assert_eq!(status, 200, "{body}");
        let title = body["texts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["key"] == "title")
            .unwrap();
        assert_eq!(title["translation"], "شوارع أكثر أمانًا");
        // Replaced as a whole: what was not sent is missing now.
        assert_eq!(state_of(&body, "summary"), "missing");
        assert_eq!(audited(&s, &id).await, before + 1);

        let bad = json!({"texts": {"nonsense": "x"}});
        let (status, body) = call(&s, Method::PUT, &path, &officer, Some(&bad)).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["errors"][0]["code"], "unknown_text");
        assert_eq!(audited(&s, &id).await, before + 1, "nothing saved");

        let own = format!("/api/v1/consultations/{id}/translations/en");
        assert_eq!(call(&s, Method::GET, &own, &officer, None).await.0, 404);
        let resident = s.sign_in(AMINA, password).await;
        let (status, body) = call(&s, Method::GET, &path, &resident, None).await;
        assert_eq!(status, 403);
        assert_eq!(body["code"], "forbidden");
    }
}
