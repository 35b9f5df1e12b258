//! Bulk decisions through the API (`POST /api/v1/moderation/bulk`) on
//! every engine: the same rules and audit as the queue's form, refusals
//! with their codes and pointers and nothing decided, and a second send
//! deciding nothing twice.

use reqwest::Method;
use serde_json::{json, Value};

use super::{reported, GRACE};
use crate::discussions::{open_id, servers, sign_in, AMINA, TOM};
use crate::discussions_staff::{audited, call};

const BULK: &str = "/api/v1/moderation/bulk";

#[tokio::test]
async fn moderators_hide_several_comments_at_once_through_the_api() {
    for s in servers().await {
        let id = open_id(&s).await;
        let a = reported(&s, &id, AMINA, "Cheap watches, API offer one.", TOM).await;
        let b = reported(&s, &id, AMINA, "Cheap watches, API offer two.", TOM).await;
        let own = reported(&s, &id, GRACE, "A moderator writes through the API.", AMINA).await;
        let grace = sign_in(&s, GRACE).await;
        let tom = sign_in(&s, TOM).await;
        let hide = json!({ "items": [a, b, own], "action": "hide", "reason": "spam", "note": "Advertising" });

        // Who may: signed in, with the form token, as a moderator; a
        // resident is refused whatever the body says.
        let r = call(&s, Method::POST, BULK, None, Some(&hide)).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        let no_token = (grace.0.clone(), String::new());
        let r = call(&s, Method::POST, BULK, Some(&no_token), Some(&hide)).await;
        assert_eq!((r.status, r.code()), (403, "csrf_token_invalid"));
        for body in [&hide, &json!({ "items": [], "action": "shout" })] {
            let r = call(&s, Method::POST, BULK, Some(&tom), Some(body)).await;
            assert_eq!((r.status, r.code()), (403, "forbidden"));
        }

        // Refused input: a code and a pointer each, nothing decided.
        let many: Vec<String> = (0..31).map(|_| uuid::Uuid::new_v4().to_string()).collect();
        for (body, pointer, code) in [
            (
                json!({ "items": [], "action": "approve" }),
                "/items",
                "field_required",
            ),
            (
                json!({ "items": many, "action": "approve" }),
                "/items",
                "out_of_range",
            ),
            (
                json!({ "items": [a], "action": "suspend" }),
                "/action",
                "invalid_choice",
            ),
            (
                json!({ "items": [a], "action": "hide", "reason": "rude" }),
                "/reason",
                "invalid_choice",
            ),
            (
                json!({ "items": [a], "action": "hide" }),
                "/reason",
                "invalid_choice",
            ),
            (
                json!({ "items": [a], "action": "approve", "note": "n".repeat(2001) }),
                "/note",
                "field_too_long",
            ),
            (
                json!({ "items": ["not-an-id"], "action": "approve" }),
                "/items/0",
                "bad_request",
            ),
            (
                json!({ "items": [a], "action": "approve", "also": 1 }),
                "/also",
                "unknown_field",
            ),
        ] {
            let r = call(&s, Method::POST, BULK, Some(&grace), Some(&body)).await;
            assert_eq!(r.status, 422, "{body}: {}", r.body);
            assert!(
                r.problems().iter().any(|(p, c)| p == pointer && c == code),
                "{body}: {:?}",
                r.problems()
            );
        }
        assert_eq!(
            audited(&s, "moderation.hide", &a).await,
            0,
            "nothing decided"
        );

        // Two hidden, the moderator's own skipped; each its own audit entry.
        let r = call(&s, Method::POST, BULK, Some(&grace), Some(&hide)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(
            r.body,
            json!({
                "action": "hide",
                "decided": 2,
                "skipped_total": 1,
                "skipped": { "own_comment": 1, "escalated": 0, "appealed": 0,
                    "already_decided": 0, "not_applicable": 0, "not_found": 0 },
                "skipped_items": [{ "id": own, "reason": "own_comment" }]
            })
        );
        for cid in [&a, &b] {
            assert_eq!(audited(&s, "moderation.hide", cid).await, 1);
        }
        assert_eq!(audited(&s, "moderation.hide", &own).await, 0);
        let public = s.html(&format!("/discussions/{id}")).await;
        assert!(!public.contains("API offer one") && !public.contains("API offer two"));
        assert!(public.contains("A moderator writes through the API."));

        // Sent again: nothing decided twice.
        let r = call(&s, Method::POST, BULK, Some(&grace), Some(&hide)).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["decided"], 0);
        assert_eq!(r.body["skipped"]["already_decided"], 2);
        assert_eq!(r.body["skipped"]["own_comment"], 1);
        assert_eq!(audited(&s, "moderation.hide", &a).await, 1);

        // Approving what waits; an unknown id is counted, not refused.
        let c = reported(&s, &id, TOM, "Approve me through the API, please.", AMINA).await;
        let body = json!({ "items": [c, uuid::Uuid::new_v4()], "action": "approve" });
        let r = call(&s, Method::POST, BULK, Some(&grace), Some(&body)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["action"], "approve");
        assert_eq!(r.body["decided"], 1);
        assert_eq!(r.body["skipped_total"], 1);
        assert_eq!(r.body["skipped"]["not_found"], 1);
        assert_eq!(audited(&s, "moderation.approve", &c).await, 1);
    }
}

#[tokio::test]
async fn the_openapi_document_lists_the_bulk_decisions() {
    let s = crate::support::start(cohesion_testkit::sqlite().await).await;
    let doc: Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
    let op = &doc["paths"][BULK]["post"];
    assert!(op.is_object(), "documented");
    for status in ["200", "401", "403", "422"] {
        assert!(op["responses"][status].is_object(), "{status}");
    }
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["BulkRequest"]["properties"]["items"].is_object());
    assert!(schemas["BulkDecided"]["properties"]["skipped"].is_object());
}
