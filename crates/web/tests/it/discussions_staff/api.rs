//! Officers write, change, publish and withdraw discussions through the
//! API; residents are refused; refused bodies get stable codes with
//! pointers and nothing is saved; the OpenAPI document lists every path.

use reqwest::Method;
use serde_json::{json, Value};

use super::{audited, call, discussion_count, sign_in, stored, AMINA, OFFICER, TOM};
use crate::support::{servers_with_people, start, Server};

fn body(title: &str) -> Value {
    json!({
        "title": title,
        "introduction": "What makes the **high street** feel safe?",
        "questions": ["What helps?", "What should change?"],
        "topics": ["safety", "lighting"],
        "area": "High street",
        "opens_at": "2020-01-01T09:00Z",
        "closes_at": "2099-01-01T09:00Z",
        "pre_moderation": "first",
        "first_comments": 3
    })
}

/// A draft made through the API by `session`; its id.
pub(super) async fn draft(s: &Server, session: &(String, String), title: &str) -> String {
    let r = call(
        s,
        Method::POST,
        "/api/v1/discussions",
        Some(session),
        Some(&body(title)),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn an_officer_creates_edits_publishes_and_withdraws_through_the_api() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let res = s
            .client
            .post(s.url("/api/v1/discussions"))
            .header("cookie", &officer.0)
            .header("x-csrf-token", &officer.1)
            .json(&body("Lighting on the high street"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        let id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(location, format!("/api/v1/discussions/{id}"));
        assert_eq!(audited(&s, "discussion.create", &id).await, 1);

        let path = format!("/api/v1/discussions/{id}");
        let r = call(&s, Method::GET, &path, Some(&officer), None).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["status"], "draft");
        assert_eq!(r.body["pre_moderation"], "first:3");
        assert_eq!(
            r.body["questions"],
            json!(["What helps?", "What should change?"])
        );
        assert_eq!(r.body["published_at"], Value::Null);
        // A draft is nobody else's business.
        assert_eq!(call(&s, Method::GET, &path, None, None).await.status, 404);

        let mut changed = body("Lights and safety");
        changed["pre_moderation"] = json!("off");
        changed.as_object_mut().unwrap().remove("first_comments");
        let r = call(&s, Method::PUT, &path, Some(&officer), Some(&changed)).await;
        assert_eq!(r.status, 204, "{}", r.body);
        let d = stored(&s, &id).await;
        assert_eq!(d.title, "Lights and safety");
        assert_eq!(d.language, "en", "left out, it keeps its own");
        assert_eq!(audited(&s, "discussion.update", &id).await, 1);

        let r = call(
            &s,
            Method::POST,
            &format!("{path}/publish"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["status"], "open");
        assert!(r.body["published_at"].is_string());
        // Publishing again changes nothing.
        let again = call(
            &s,
            Method::POST,
            &format!("{path}/publish"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!(again.status, 200);
        assert_eq!(again.body["published_at"], r.body["published_at"]);
        assert_eq!(audited(&s, "discussion.publish", &id).await, 1);

        // Now everyone reads it, in the list and filtered.
        let r = call(&s, Method::GET, &path, None, None).await;
        assert_eq!(r.status, 200);
        for query in ["", "?status=open", "?q=lights", "?topic=lighting"] {
            let r = call(
                &s,
                Method::GET,
                &format!("/api/v1/discussions{query}"),
                None,
                None,
            )
            .await;
            assert_eq!(r.status, 200);
            let ids: Vec<&str> = r.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap())
                .collect();
            assert!(ids.contains(&id.as_str()), "{query}: {}", r.body);
        }
        let r = call(
            &s,
            Method::GET,
            "/api/v1/discussions?status=upcoming",
            None,
            None,
        )
        .await;
        assert!(!r.body.to_string().contains(&id));
        let r = call(
            &s,
            Method::GET,
            "/api/v1/discussions?status=sometime",
            None,
            None,
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "invalid_choice"));

        let r = call(
            &s,
            Method::POST,
            &format!("{path}/withdraw"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["status"], "draft");
        let r = call(
            &s,
            Method::POST,
            &format!("{path}/withdraw"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!((r.status, r.code()), (409, "not_published"));
        assert_eq!(audited(&s, "discussion.unpublish", &id).await, 1);
        assert_eq!(call(&s, Method::GET, &path, None, None).await.status, 404);
    }
}

#[tokio::test]
async fn residents_and_strangers_are_refused() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = draft(&s, &officer, "Parks after dark").await;
        let before = discussion_count(&s).await;
        let path = format!("/api/v1/discussions/{id}");
        for who in [TOM, AMINA] {
            let resident = sign_in(&s, who).await;
            let r = call(
                &s,
                Method::POST,
                "/api/v1/discussions",
                Some(&resident),
                Some(&body("Mine")),
            )
            .await;
            assert_eq!((r.status, r.code()), (403, "forbidden"), "{who}");
            let r = call(&s, Method::PUT, &path, Some(&resident), Some(&body("Mine"))).await;
            assert_eq!((r.status, r.code()), (403, "forbidden"), "{who}");
            for act in ["publish", "withdraw"] {
                let r = call(
                    &s,
                    Method::POST,
                    &format!("{path}/{act}"),
                    Some(&resident),
                    None,
                )
                .await;
                assert_eq!(r.status, 403, "{who} {act}");
            }
        }
        // No token: refused before anything is read.
        let r = s
            .client
            .post(s.url("/api/v1/discussions"))
            .header("cookie", &officer.0)
            .json(&body("No token"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let r = call(
            &s,
            Method::POST,
            "/api/v1/discussions",
            None,
            Some(&body("Anonymous")),
        )
        .await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        assert_eq!(discussion_count(&s).await, before, "nothing saved");
        let d = stored(&s, &id).await;
        assert_eq!(d.title, "Parks after dark");
        assert!(!d.is_published());
    }
}

#[tokio::test]
async fn refused_bodies_get_codes_and_pointers_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let before = discussion_count(&s).await;
        let post = |b: Value| {
            let officer = officer.clone();
            let s = &s;
            async move {
                call(
                    s,
                    Method::POST,
                    "/api/v1/discussions",
                    Some(&officer),
                    Some(&b),
                )
                .await
            }
        };
        let mut b = body("");
        b["closes_at"] = json!("2019-01-01T09:00Z");
        b["pre_moderation"] = json!("sometimes");
        b["language"] = json!("fr");
        let r = post(b).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            [
                ("/closes_at".to_owned(), "closes_before_opens".to_owned()),
                ("/language".to_owned(), "unknown_locale".to_owned()),
                ("/pre_moderation".to_owned(), "invalid_choice".to_owned()),
                ("/title".to_owned(), "field_required".to_owned()),
            ]
        );
        let mut b = body("Too many held");
        b["first_comments"] = json!(99);
        let r = post(b).await;
        assert_eq!(
            r.problems(),
            [("/first_comments".to_owned(), "out_of_range".to_owned())]
        );
        let mut b = body("Long");
        b["title"] = json!("t".repeat(500));
        let r = post(b).await;
        assert_eq!(
            r.problems(),
            [("/title".to_owned(), "field_too_long".to_owned())]
        );
        // Not of the schema's shape: each difference listed, code bad_request.
        let mut b = body("Shapes");
        b["colour"] = json!("blue");
        b["questions"] = json!("one string");
        let r = post(b).await;
        assert_eq!((r.status, r.code()), (422, "bad_request"));
        let found = r.problems();
        assert!(
            found.contains(&("/colour".to_owned(), "unknown_field".to_owned())),
            "{found:?}"
        );
        assert!(
            found.contains(&("/questions".to_owned(), "invalid_type".to_owned())),
            "{found:?}"
        );
        // Malformed JSON, the wrong content type, a body too large.
        let raw = |ct: &'static str, text: String| {
            s.client
                .post(s.url("/api/v1/discussions"))
                .header("cookie", &officer.0)
                .header("x-csrf-token", &officer.1)
                .header("content-type", ct)
                .body(text)
                .send()
        };
        let r = raw("application/json", "{\"title\": ".into())
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.json::<Value>().await.unwrap()["code"], "bad_request");
        let r = raw("text/plain", body("Plain").to_string()).await.unwrap();
        assert_eq!(r.status(), 415);
        let mut huge = body("Huge");
        huge["introduction"] = json!("ب".repeat(300_000));
        let r = raw("application/json", huge.to_string()).await.unwrap();
        assert_eq!(r.status(), 413);
        assert_eq!(
            r.json::<Value>().await.unwrap()["code"],
            "payload_too_large"
        );
        let r = raw("application/json", r#"{"title": "a\u0000b"}"#.into())
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(discussion_count(&s).await, before, "nothing saved");
        // A forged id names nothing.
        let r = call(
            &s,
            Method::PUT,
            "/api/v1/discussions/nonsense",
            Some(&officer),
            Some(&body("x")),
        )
        .await;
        assert_eq!(r.status, 404);
        let r = call(
            &s,
            Method::PUT,
            "/api/v1/discussions/00000000-0000-4000-8000-000000000000",
            Some(&officer),
            Some(&body("x")),
        )
        .await;
        assert_eq!((r.status, r.code()), (404, "not_found"));
    }
}

#[tokio::test]
async fn the_openapi_document_lists_the_discussions_api() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let doc: Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
    for (path, methods) in [
        ("/api/v1/discussions", &["get", "post"][..]),
        ("/api/v1/discussions/{id}", &["get", "put"]),
        ("/api/v1/discussions/{id}/publish", &["post"]),
        ("/api/v1/discussions/{id}/withdraw", &["post"]),
        ("/api/v1/discussions/{id}/comments", &["get", "post"]),
        (
            "/api/v1/discussions/{id}/comments/{cid}",
            &["patch", "delete"],
        ),
        (
            "/api/v1/discussions/{id}/comments/{cid}/agree",
            &["post", "delete"],
        ),
        ("/api/v1/discussions/{id}/comments/{cid}/reports", &["post"]),
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
    for schema in [
        "DiscussionRequest",
        "DiscussionDetail",
        "CommentsPage",
        "CommentBody",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}
