//! What the JSON API shares: its OpenAPI document, health and metrics.

use crate::support::start;

#[tokio::test]
async fn the_openapi_document_is_3_1_and_describes_the_api() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let res = s.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/site",
        "/api/v1/feedback",
        "/api/v1/feedback/{page}",
        "/healthz",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["errors"].is_object());
}

#[tokio::test]
async fn the_openapi_document_describes_the_accounts_api() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let doc: serde_json::Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
    for (path, methods) in [
        ("/api/v1/accounts", &["post"][..]),
        ("/api/v1/session", &["post", "delete"]),
        ("/api/v1/password-reset", &["post"]),
        ("/api/v1/password-reset/complete", &["post"]),
        ("/api/v1/me", &["get", "patch", "delete"]),
        ("/api/v1/me/password", &["post"]),
        ("/api/v1/me/email", &["post"]),
        ("/api/v1/me/email/confirm", &["post"]),
        ("/api/v1/me/sessions", &["get"]),
        ("/api/v1/me/sessions/{id}", &["delete"]),
        ("/api/v1/me/sign-out-everywhere", &["post"]),
        ("/api/v1/me/data", &["get"]),
        ("/api/v1/people", &["get"]),
        ("/api/v1/people/{id}", &["get"]),
        ("/api/v1/people/{id}/roles/{role}", &["put", "delete"]),
        ("/api/v1/people/{id}/suspension", &["post"]),
        ("/api/v1/audit", &["get"]),
        ("/api/v1/organisations", &["get", "post"]),
        ("/api/v1/organisations/{id}", &["get"]),
        ("/api/v1/organisations/{id}/invitations", &["post"]),
        ("/api/v1/organisations/join", &["post"]),
    ] {
        for m in methods {
            let op = &doc["paths"][path][m];
            assert!(op.is_object(), "{m} {path} documented");
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|k| k.starts_with('4')),
                "{m} {path} documents its errors"
            );
        }
    }
    let mut ids: Vec<&str> = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|p| p.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "operation ids are unique");
    // Every schema a path refers to is in the document.
    let text = doc.to_string();
    for name in text.split("\"#/components/schemas/").skip(1) {
        let name = name.split('"').next().unwrap();
        assert!(doc["components"]["schemas"][name].is_object(), "{name}");
    }
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["session"]["in"], "cookie");
    assert_eq!(schemes["csrf"]["name"], "X-CSRF-Token");
    assert_eq!(
        doc["paths"]["/api/v1/me"]["patch"]["security"][0],
        serde_json::json!({"session": [], "csrf": []})
    );
}

#[tokio::test]
async fn health_and_metrics_report_on_the_service() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let health: serde_json::Value = s.get("/healthz").await.json().await.unwrap();
    assert_eq!(
        health,
        serde_json::json!({"status": "ok", "database": "ok"})
    );
    s.get("/about").await;
    let res = s.get("/metrics").await;
    assert_eq!(res.status(), 200);
    assert!(res
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = res.text().await.unwrap();
    assert!(
        text.contains("http_request_duration_seconds_count{"),
        "{text}"
    );
    assert!(
        text.contains("route=\"/about\"") && text.contains("status=\"200\""),
        "{text}"
    );
}

#[tokio::test]
async fn health_fails_when_the_database_is_gone() {
    let t = cohesion_testkit::sqlite().await;
    let db = t.db.clone();
    let s = start(t).await;
    db.close().await;
    let res = s.get("/healthz").await;
    assert_eq!(res.status(), 503);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "error");
}
