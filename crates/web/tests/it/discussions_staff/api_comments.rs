//! Comments through the API: posting, replying, editing, deleting,
//! agreeing and reporting, each refusal with its stable code; threads
//! read as each reader may see them.

use reqwest::Method;
use serde_json::{json, Value};

use super::{call, discussion_body, published, sign_in, Reply, AMINA, OFFICER, TOM};
use crate::support::{servers_with_people, Server};

/// A published discussion made through the API; its comments' path.
async fn discussion(
    s: &Server,
    officer: &(String, String),
    pre_moderation: &str,
    (opens, closes): (&str, &str),
) -> String {
    let more = json!({"opens_at": opens, "closes_at": closes, "pre_moderation": pre_moderation});
    let body = discussion_body("Getting on together", more);
    let id = published(s, officer, &body).await;
    format!("/api/v1/discussions/{id}/comments")
}

const OPEN: (&str, &str) = ("2020-01-01T09:00Z", "2099-01-01T09:00Z");

async fn post(s: &Server, who: &(String, String), path: &str, body: Value) -> Reply {
    call(s, Method::POST, path, Some(who), Some(&body)).await
}

async fn threads(s: &Server, who: Option<&(String, String)>, path: &str) -> Vec<Value> {
    let r = call(s, Method::GET, path, who, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["threads"].as_array().unwrap().clone()
}

#[tokio::test]
async fn members_post_reply_edit_agree_report_and_delete() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let tom = sign_in(&s, TOM).await;
        let amina = sign_in(&s, AMINA).await;
        let comments = discussion(&s, &officer, "off", OPEN).await;

        let r = post(
            &s,
            &tom,
            &comments,
            json!({"text": "  The new lights help.\r\n\r\n\r\nA lot. "}),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["held"], false);
        assert_eq!(r.body["text"], "The new lights help.\n\nA lot.");
        let top = r.body["id"].as_str().unwrap().to_owned();
        let r = post(
            &s,
            &amina,
            &comments,
            json!({"text": "I agree about the lights.", "parent_id": top}),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["parent_id"], top.as_str());
        let reply = r.body["id"].as_str().unwrap().to_owned();

        // Edits: one's own, within the window; someone else's is not found.
        let one = format!("{comments}/{top}");
        let edited = json!({"text": "The new lights help a lot."});
        let r = call(&s, Method::PATCH, &one, Some(&amina), Some(&edited)).await;
        assert_eq!((r.status, r.code()), (404, "not_found"));
        let r = call(&s, Method::PATCH, &one, Some(&tom), Some(&edited)).await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = call(
            &s,
            Method::PATCH,
            &one,
            Some(&tom),
            Some(&json!({"text": " \u{200B} "})),
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.problems(),
            [("/text".to_owned(), "field_required".to_owned())]
        );

        let list = threads(&s, None, &comments).await;
        assert_eq!(list.len(), 1);
        let t = &list[0];
        assert_eq!(t["comment"]["text"], "The new lights help a lot.");
        assert!(t["comment"]["edited_at"].is_string());
        assert_eq!(t["comment"]["author_name"], "Tom Fletcher");
        assert_eq!(t["comment"]["badge"], "community_member");
        assert_eq!(t["replies"][0]["id"], reply.as_str());
        assert_eq!(t["replies"][0]["level"], 1);

        // Agreeing: someone else's, once; one's own is refused.
        let agree = format!("{one}/agree");
        for _ in 0..2 {
            assert_eq!(
                call(&s, Method::POST, &agree, Some(&amina), None)
                    .await
                    .status,
                204
            );
        }
        let r = call(&s, Method::POST, &agree, Some(&tom), None).await;
        assert_eq!((r.status, r.code()), (409, "cannot_target_self"));
        let t = &threads(&s, Some(&amina), &comments).await[0];
        assert_eq!(
            (
                t["comment"]["agree_count"].as_i64(),
                t["comment"]["agreed"].as_bool()
            ),
            (Some(1), Some(true))
        );
        assert_eq!(t["comment"]["mine"], false);
        assert_eq!(
            call(&s, Method::DELETE, &agree, Some(&amina), None)
                .await
                .status,
            204
        );
        let t = &threads(&s, Some(&tom), &comments).await[0];
        assert_eq!(t["comment"]["agree_count"], 0);
        assert_eq!(t["comment"]["mine"], true);
        assert_eq!(t["comment"]["editable"], true);

        // Reports: a known reason, once; one's own is refused.
        let reports = format!("{one}/reports");
        let r = post(&s, &amina, &reports, json!({"reason": "nonsense"})).await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.problems(),
            [("/reason".to_owned(), "invalid_choice".to_owned())]
        );
        let r = post(
            &s,
            &amina,
            &reports,
            json!({"reason": "off_topic", "note": "Not about the centre."}),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let r = post(&s, &amina, &reports, json!({"reason": "spam"})).await;
        assert_eq!((r.status, r.code()), (409, "already_reported"));
        let r = post(&s, &tom, &reports, json!({"reason": "spam"})).await;
        assert_eq!((r.status, r.code()), (409, "cannot_target_self"));
        let r = post(&s, &amina, &reports, json!({"reason": "spam", "why": "x"})).await;
        assert_eq!((r.status, r.code()), (422, "bad_request"));

        // Deleting: its place stays for the reply under it, as a notice.
        let r = call(&s, Method::DELETE, &one, Some(&amina), None).await;
        assert_eq!(r.status, 404, "someone else's");
        assert_eq!(
            call(&s, Method::DELETE, &one, Some(&tom), None)
                .await
                .status,
            204
        );
        let r = call(&s, Method::DELETE, &one, Some(&tom), None).await;
        assert_eq!((r.status, r.code()), (409, "already_removed"));
        let t = &threads(&s, None, &comments).await[0];
        assert_eq!(t["comment"]["state"], "deleted_by_author");
        assert_eq!(t["comment"]["text"], Value::Null);
        assert_eq!(t["comment"]["author_name"], Value::Null);
        assert_eq!(t["replies"][0]["text"], "I agree about the lights.");
        let r = post(
            &s,
            &amina,
            &comments,
            json!({"text": "And again.", "parent_id": top}),
        )
        .await;
        assert_eq!((r.status, r.code()), (409, "reply_not_allowed"));
    }
}

#[tokio::test]
async fn comments_are_refused_with_their_codes() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let tom = sign_in(&s, TOM).await;
        let amina = sign_in(&s, AMINA).await;
        let comments = discussion(&s, &officer, "off", OPEN).await;
        let r = post(&s, &tom, &comments, json!({"text": ""})).await;
        assert_eq!(
            r.problems(),
            [("/text".to_owned(), "field_required".to_owned())]
        );
        let r = post(&s, &tom, &comments, json!({"text": "ب".repeat(10_001)})).await;
        assert_eq!(
            r.problems(),
            [("/text".to_owned(), "field_too_long".to_owned())]
        );
        let r = post(&s, &tom, &comments, json!({"text": "Hi", "colour": "red"})).await;
        assert_eq!((r.status, r.code()), (422, "bad_request"));
        let r = post(
            &s,
            &tom,
            &comments,
            json!({"text": "Hi", "parent_id": "not-an-id"}),
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.body);
        let r = post(
            &s,
            &tom,
            &comments,
            json!({"text": "Hi", "parent_id": "00000000-0000-4000-8000-000000000000"}),
        )
        .await;
        assert_eq!((r.status, r.code()), (404, "not_found"));
        let r = call(
            &s,
            Method::POST,
            &comments,
            None,
            Some(&json!({"text": "Hi"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        let r = s
            .client
            .post(s.url(&comments))
            .header("cookie", &tom.0)
            .json(&json!({"text": "No token"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        // A comment named under another discussion is not there.
        let other = discussion(&s, &officer, "off", OPEN).await;
        let r = post(&s, &amina, &other, json!({"text": "Elsewhere"})).await;
        let elsewhere = r.body["id"].as_str().unwrap().to_owned();
        let r = call(
            &s,
            Method::POST,
            &format!("{comments}/{elsewhere}/agree"),
            Some(&tom),
            None,
        )
        .await;
        assert_eq!((r.status, r.code()), (404, "not_found"));
        let r = post(
            &s,
            &tom,
            &comments,
            json!({"text": "Hi", "parent_id": elsewhere}),
        )
        .await;
        assert_eq!((r.status, r.code()), (409, "reply_not_allowed"));

        // Not open: upcoming or closed, and a draft is not found.
        let upcoming = discussion(
            &s,
            &officer,
            "off",
            ("2098-01-01T09:00Z", "2099-01-01T09:00Z"),
        )
        .await;
        let r = post(&s, &tom, &upcoming, json!({"text": "Early"})).await;
        assert_eq!((r.status, r.code()), (409, "discussion_not_open"));
        let closed = discussion(
            &s,
            &officer,
            "off",
            ("2020-01-01T09:00Z", "2020-02-01T09:00Z"),
        )
        .await;
        let r = post(&s, &tom, &closed, json!({"text": "Late"})).await;
        assert_eq!((r.status, r.code()), (409, "discussion_not_open"));
        let id = closed.split('/').nth(4).unwrap();
        call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/withdraw"),
            Some(&officer),
            None,
        )
        .await;
        let r = call(&s, Method::GET, &closed, Some(&tom), None).await;
        assert_eq!(r.status, 404);

        // The list's parameters.
        let r = call(
            &s,
            Method::GET,
            &format!("{comments}?order=loudest"),
            None,
            None,
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "invalid_choice"));
        let r = call(
            &s,
            Method::GET,
            &format!("{comments}?after=nonsense"),
            None,
            None,
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "invalid_token"));
        for order in ["newest", "oldest", "most_agreed"] {
            let r = call(
                &s,
                Method::GET,
                &format!("{comments}?order={order}"),
                None,
                None,
            )
            .await;
            assert_eq!(r.status, 200, "{order}");
            assert_eq!(r.body["next"], Value::Null);
        }
    }
}

#[tokio::test]
async fn held_comments_are_their_authors_only() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let tom = sign_in(&s, TOM).await;
        let amina = sign_in(&s, AMINA).await;
        let comments = discussion(&s, &officer, "all", OPEN).await;
        let r = post(
            &s,
            &tom,
            &comments,
            json!({"text": "Waiting for a moderator."}),
        )
        .await;
        assert_eq!(r.status, 201);
        assert_eq!(r.body["held"], true);
        assert!(threads(&s, None, &comments).await.is_empty());
        assert!(threads(&s, Some(&amina), &comments).await.is_empty());
        let mine = threads(&s, Some(&tom), &comments).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0]["comment"]["held"], true);
        assert_eq!(mine[0]["comment"]["state"], "awaiting_moderation");
        // Nobody else can act on what they cannot see.
        let id = mine[0]["comment"]["id"].as_str().unwrap();
        let r = call(
            &s,
            Method::POST,
            &format!("{comments}/{id}/agree"),
            Some(&amina),
            None,
        )
        .await;
        assert_eq!(r.status, 404);
        // Staff speak for the site: never held.
        let r = post(&s, &officer, &comments, json!({"text": "Thank you all."})).await;
        assert_eq!(r.body["held"], false);
        let list = threads(&s, None, &comments).await;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["comment"]["badge"], "official");
    }
}
