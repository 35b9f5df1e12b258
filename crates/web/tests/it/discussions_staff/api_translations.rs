//! A discussion's translations through the API: officers read each
//! text's original, translation and state (current, stale, missing) and
//! replace a language's translations with the page's checks and audit
//! entry; others are refused; languages the site lacks, and the
//! discussion's own, are no address.

use reqwest::Method;
use serde_json::{json, Value};

use super::api::draft;
use super::{audited, call, sign_in, AMINA, OFFICER};
use crate::support::servers_with_people;

/// The entry for `key` in a translation's `texts`.
fn text<'a>(body: &'a Value, key: &str) -> &'a Value {
    body["texts"]
        .as_array()
        .unwrap_or_else(|| panic!("texts listed: {body}"))
        .iter()
        .find(|t| t["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {body}"))
}

#[tokio::test]
async fn officers_read_and_replace_translations_through_the_api() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = draft(&s, &officer, "Lighting on the high street").await;
        let path = format!("/api/v1/discussions/{id}/translations/ar");

        let r = call(&s, Method::GET, &path, Some(&officer), None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["source_language"], "en");
        assert_eq!(r.body["language"], "ar");
        let title = text(&r.body, "title");
        assert_eq!(title["source"], "Lighting on the high street");
        assert_eq!(title["translation"], Value::Null);
        assert_eq!(title["state"], "missing");
        text(&r.body, "question.1");
        text(&r.body, "topic.0");

        let arabic =
            json!({"texts": {"title": "الإنارة في الشارع الرئيسي", "question.0": "ما الذي يساعد؟"}});
        let r = call(&s, Method::PUT, &path, Some(&officer), Some(&arabic)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(text(&r.body, "title")["state"], "current");
        assert_eq!(
            text(&r.body, "title")["translation"],
            "الإنارة في الشارع الرئيسي"
        );
        assert_eq!(text(&r.body, "body")["state"], "missing");
        assert_eq!(audited(&s, "discussion.translate", &id).await, 1);

        // The original changes: its translation is stale, kept but not shown.
        let details = format!("/api/v1/discussions/{id}");
        let changed = json!({
            "title": "Lights on the high street",
            "introduction": "What makes the **high street** feel safe?",
            "questions": ["What helps?", "What should change?"],
            "topics": ["safety", "lighting"],
            "opens_at": "2020-01-01T09:00Z",
            "closes_at": "2099-01-01T09:00Z"
        });
        let r = call(&s, Method::PUT, &details, Some(&officer), Some(&changed)).await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = call(&s, Method::GET, &path, Some(&officer), None).await;
        assert_eq!(text(&r.body, "title")["state"], "stale");
        assert_eq!(text(&r.body, "question.0")["state"], "current");

        // Refused: a key it does not have; nothing changes.
        let bad = json!({"texts": {"title": "x", "stage.0.name": "y"}});
        let r = call(&s, Method::PUT, &path, Some(&officer), Some(&bad)).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            [("/texts".to_owned(), "unknown_text".to_owned())]
        );
        // Said of a discussion's texts too, so it names no consultation.
        let said = r.body.to_string();
        assert!(said.contains("one of the texts here"), "{said}");
        assert!(!said.contains("consultation"), "{said}");
        let r = call(
            &s,
            Method::PUT,
            &path,
            Some(&officer),
            Some(&json!({"words": {}})),
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.code(), "bad_request");
        assert_eq!(audited(&s, "discussion.translate", &id).await, 1);

        // Its own language and languages the site lacks are no address.
        for lang in ["en", "fr", "x"] {
            let other = format!("/api/v1/discussions/{id}/translations/{lang}");
            let r = call(&s, Method::GET, &other, Some(&officer), None).await;
            assert_eq!(r.status, 404, "{lang}");
        }
        // Residents and visitors are refused.
        let resident = sign_in(&s, AMINA).await;
        let r = call(&s, Method::GET, &path, Some(&resident), None).await;
        assert_eq!(r.status, 403);
        assert_eq!(r.code(), "forbidden");
        let r = call(&s, Method::PUT, &path, Some(&resident), Some(&arabic)).await;
        assert_eq!(r.status, 403);
        let r = call(&s, Method::GET, &path, None, None).await;
        assert_eq!(r.status, 401);
        assert_eq!(r.code(), "sign_in_required");
        // No session's token: refused before anything is read.
        let r = call(
            &s,
            Method::PUT,
            &path,
            Some(&(officer.0.clone(), String::new())),
            Some(&arabic),
        )
        .await;
        assert_eq!(r.status, 403);
        assert_eq!(audited(&s, "discussion.translate", &id).await, 1);
    }
}
