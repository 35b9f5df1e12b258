//! Changes that do not carry the session's token.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::json;

use super::{api, send, servers, sign_in, user, RESIDENT};

#[tokio::test]
async fn changes_without_the_session_token_are_refused_and_change_nothing() {
    for s in servers().await {
        let me = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let second = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let rename = json!({"display_name": "Someone Else"});
        let patch = || me.read(api(&s, Method::PATCH, "/me"));
        for (what, rb) in [
            ("no token", patch()),
            ("an empty token", patch().header("x-csrf-token", "")),
            (
                "a wrong token",
                patch().header("x-csrf-token", "0".repeat(64)),
            ),
            (
                "another session's token",
                patch().header("x-csrf-token", &second.csrf),
            ),
            (
                "the token as a cookie",
                patch().header("cookie", format!("{}; x-csrf-token={}", me.cookie, me.csrf)),
            ),
        ] {
            let r = send(rb.json(&rename)).await;
            assert_eq!((r.status, r.code()), (403, "csrf_token_invalid"), "{what}");
        }
        let r = send(
            me.read(api(&s, Method::PATCH, "/me"))
                .header("content-type", "application/json")
                .body("{not json"),
        )
        .await;
        assert_eq!(r.status, 403, "the token is checked before the body");
        assert_eq!(
            user(&s, me.id).await.display_name.as_deref(),
            Some("Tom Fletcher")
        );
        for (method, path) in [
            (Method::DELETE, "/session"),
            (Method::POST, "/me/sign-out-everywhere"),
            (Method::DELETE, "/me"),
        ] {
            let r = send(me.read(api(&s, method, path)).json(&json!({}))).await;
            assert_eq!((r.status, r.code()), (403, "csrf_token_invalid"), "{path}");
        }
        assert_eq!(
            send(me.read(api(&s, Method::GET, "/me"))).await.status,
            200,
            "still signed in"
        );
        let r = send(api(&s, Method::PATCH, "/me").json(&rename)).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));

        // With the token, bad bodies are problems too.
        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .header("content-type", "application/json")
                .body("{not json"),
        )
        .await;
        assert_eq!((r.status, r.code()), (400, "bad_request"));
        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .header("content-type", "text/plain")
                .body(r#"{"display_name":"Tom"}"#),
        )
        .await;
        assert_eq!((r.status, r.code()), (415, "unsupported_media_type"));
        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .json(&json!({"nmae": "Tom"})),
        )
        .await;
        assert_eq!(r.status, 422, "an unknown field is not ignored");
        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .json(&json!({"display_name": "x".repeat(300_000)})),
        )
        .await;
        assert_eq!((r.status, r.code()), (413, "payload_too_large"));
        assert_eq!(
            user(&s, me.id).await.display_name.as_deref(),
            Some("Tom Fletcher")
        );
    }
}
