//! What an outside view of the running demo found, for officers and
//! through the API: officers add starting ("seed") statements, published
//! at once, from the discussion's officers' page and through the API,
//! audit-logged, while residents' statements stay moderated; the
//! opinion map before any vote says there are not enough votes; a
//! closed discussion's feed promises no news; the API's comment takes
//! the form's one-time key (ADR 40).

use reqwest::Method;
use serde_json::json;

use super::{audited, call, sign_in, AMINA, OFFICER, TOM};
use crate::support::{servers_with_people, text_of, Server};

/// A published discussion with a statements stage, pre-moderating all
/// comments (and so residents' statements); its id.
async fn with_stage(s: &Server, officer: &(String, String)) -> String {
    let body = json!({"title": "Lighting the quay", "introduction": "Tell us.",
        "opens_at": "2020-01-01T09:00Z", "closes_at": "2099-01-01T09:00Z",
        "pre_moderation": "all"});
    let r = call(
        s,
        Method::POST,
        "/api/v1/discussions",
        Some(officer),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/discussions/{id}/publish");
    let r = call(s, Method::POST, &path, Some(officer), None).await;
    assert_eq!(r.status, 200);
    let res = s
        .post(
            &format!("/staff/discussions/{id}/statements/stage"),
            &officer.0,
            &[("csrf", &officer.1), ("stage", "on")],
        )
        .await;
    assert_eq!(res.status(), 303);
    id
}

#[tokio::test]
async fn an_officer_adds_starting_statements_published_at_once() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        let id = with_stage(&s, &officer).await;
        let manage = format!("/staff/discussions/{id}");
        let seed = format!("{manage}/statements/seed");

        // The officers' page has the form, in both languages.
        let (_, html) = s.page(&manage, cookie).await;
        assert!(html.contains(&format!("action=\"{seed}\"")), "{html}");
        assert!(html.contains("Add a starting statement"));
        assert!(html.contains("maxlength") || html.contains("280"));
        let (_, ar) = s.page(&format!("{manage}?lang=ar"), cookie).await;
        assert!(ar.contains("أضف عبارة افتتاحية"));

        // Refused: empty, too long; the text is kept, nothing saved.
        let res = s
            .post(&seed, cookie, &[("csrf", csrf), ("text", "  ")])
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Write the starting statement"));
        let long = "b".repeat(281);
        let res = s
            .post(&seed, cookie, &[("csrf", csrf), ("text", &long)])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("280 characters or fewer"), "{html}");
        assert!(html.contains(&long), "what was typed is kept");
        // No token: refused.
        let res = s.post(&seed, cookie, &[("text", "Lights")]).await;
        assert_eq!(res.status(), 403);
        assert_eq!(audited(&s, "discussion.statement_seed", &id).await, 0);

        // Sent: normalised as residents' are (one line), published at once.
        let res = s
            .post(
                &seed,
                cookie,
                &[("csrf", csrf), ("text", "  More lights\non the quay  ")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, format!("{manage}?done=statement-seeded"));
        let (_, html) = s.page(&to, cookie).await;
        assert!(html.contains("The starting statement has been added"));
        assert_eq!(audited(&s, "discussion.statement_seed", &id).await, 1);

        // A resident is offered it to vote on at once.
        let tom = sign_in(&s, TOM).await;
        let (_, vote) = s.page(&format!("/discussions/{id}/vote"), &tom.0).await;
        assert!(vote.contains("More lights on the quay"), "{vote}");
        assert!(vote.contains("You have voted on 0 of 1 statement"));

        // Through the API too; residents are refused it.
        let api = format!("/api/v1/discussions/{id}/statements/seed");
        let r = call(
            &s,
            Method::POST,
            &api,
            Some(&officer),
            Some(&json!({"text": "A bench by the ferry."})),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["held"], false);
        assert_eq!(r.body["text"], "A bench by the ferry.");
        assert_eq!(audited(&s, "discussion.statement_seed", &id).await, 2);
        let r = call(
            &s,
            Method::POST,
            &api,
            Some(&officer),
            Some(&json!({"text": "c".repeat(281)})),
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            vec![("/text".to_owned(), "field_too_long".to_owned())]
        );
        let r = call(
            &s,
            Method::POST,
            &api,
            Some(&tom),
            Some(&json!({"text": "Mine, at once"})),
        )
        .await;
        assert_eq!(r.status, 403, "{}", r.body);

        // A resident's statement still waits for a moderator.
        let r = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/statements"),
            Some(&tom),
            Some(&json!({"text": "Night buses."})),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["held"], true);

        // The API's schema documents it.
        let doc: serde_json::Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
        let op = &doc["paths"]["/api/v1/discussions/{id}/statements/seed"]["post"];
        assert_eq!(op["operationId"], "seed_discussion_statement", "{op}");
    }
}

#[tokio::test]
async fn the_map_without_votes_and_a_closed_discussions_feed_promise_nothing() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = with_stage(&s, &officer).await;
        let map = format!("/discussions/{id}/opinions");
        let text = text_of(&s.html(&map).await);
        assert!(text.contains("There are not enough votes yet"), "{text}");
        assert!(!text.contains("grouped"), "{text}");
        assert!(!text.contains("Each dot is a person"), "{text}");
        let ar = text_of(&s.html(&format!("{map}?lang=ar")).await);
        assert!(ar.contains("لا توجد أصوات كافية بعد"), "{ar}");

        // Open: the feed invites subscribing.
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(page.contains("Subscribe to new comments"));
        // Closed now: the feed stays, worded as a record, no promise.
        let res = s
            .post(
                &format!("/staff/discussions/{id}/close"),
                &officer.0,
                &[("csrf", &officer.1), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(page.contains("/feed.atom"));
        assert!(!page.contains("Subscribe to new comments"), "{page}");
        assert!(page.contains("no new comments will be added"));
        let ar = s.html(&format!("/discussions/{id}?lang=ar")).await;
        assert!(ar.contains("فلن تُضاف تعليقات جديدة"));
        assert_eq!(
            s.get(&format!("/discussions/{id}/feed.atom"))
                .await
                .status(),
            200
        );
        let text = text_of(&s.html(&map).await);
        assert!(text.contains("nobody voted on the statements before the discussion closed"));
        // Closed: no more starting statements.
        let r = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/statements/seed"),
            Some(&officer),
            Some(&json!({"text": "Too late."})),
        )
        .await;
        assert_eq!((r.status, r.code()), (409, "discussion_not_open"));
        let (_, html) = s
            .page(&format!("/staff/discussions/{id}"), &officer.0)
            .await;
        assert!(!html.contains("Add a starting statement"));
    }
}

#[tokio::test]
async fn an_api_comment_sent_again_with_its_form_key_makes_one_comment() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let body = json!({"title": "Getting on together", "introduction": "Tell us.",
            "opens_at": "2020-01-01T09:00Z", "closes_at": "2099-01-01T09:00Z",
            "pre_moderation": "off"});
        let r = call(
            &s,
            Method::POST,
            "/api/v1/discussions",
            Some(&officer),
            Some(&body),
        )
        .await;
        let id = r.body["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/discussions/{id}/publish");
        assert_eq!(
            call(&s, Method::POST, &path, Some(&officer), None)
                .await
                .status,
            200
        );
        let comments = format!("/api/v1/discussions/{id}/comments");
        let tom = sign_in(&s, TOM).await;
        let key = "0123456789abcdef".repeat(4);

        let first = call(
            &s,
            Method::POST,
            &comments,
            Some(&tom),
            Some(&json!({"text": "The ferry timetable, please.", "form_key": key})),
        )
        .await;
        assert_eq!(first.status, 201, "{}", first.body);
        // Sent again (a timeout, a retry), even with other text: the
        // first comment back, nothing new.
        let again = call(
            &s,
            Method::POST,
            &comments,
            Some(&tom),
            Some(&json!({"text": "The ferry timetable, again", "form_key": key})),
        )
        .await;
        assert_eq!(again.status, 200, "{}", again.body);
        assert_eq!(again.body["id"], first.body["id"]);
        assert_eq!(again.body["text"], "The ferry timetable, please.");
        let list = call(&s, Method::GET, &comments, Some(&tom), None).await;
        assert_eq!(list.body["threads"].as_array().unwrap().len(), 1);

        // Another member's key is theirs alone; no key, no check.
        let amina = sign_in(&s, AMINA).await;
        let hers = call(
            &s,
            Method::POST,
            &comments,
            Some(&amina),
            Some(&json!({"text": "And the buses.", "form_key": key})),
        )
        .await;
        assert_eq!(hers.status, 201);
        assert_ne!(hers.body["id"], first.body["id"]);
        for _ in 0..2 {
            let r = call(
                &s,
                Method::POST,
                &comments,
                Some(&tom),
                Some(&json!({"text": "No key here."})),
            )
            .await;
            assert_eq!(r.status, 201);
        }
        let list = call(&s, Method::GET, &comments, Some(&tom), None).await;
        assert_eq!(list.body["threads"].as_array().unwrap().len(), 4);

        // A key of the wrong shape is refused, nothing saved.
        let r = call(
            &s,
            Method::POST,
            &comments,
            Some(&tom),
            Some(&json!({"text": "Bad key.", "form_key": "not-hex"})),
        )
        .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            vec![("/form_key".to_owned(), "invalid_type".to_owned())]
        );
        let list = call(&s, Method::GET, &comments, Some(&tom), None).await;
        assert_eq!(list.body["threads"].as_array().unwrap().len(), 4);

        // Documented.
        let doc: serde_json::Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
        let schema = &doc["components"]["schemas"]["CommentRequest"]["properties"];
        assert!(schema.get("form_key").is_some(), "{schema}");
    }
}
