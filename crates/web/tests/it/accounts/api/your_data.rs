//! The person's data through the API, and deleting the account.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::json;

use super::{api, send, servers, sign_in, try_sign_in, user, RESIDENT};

#[tokio::test]
async fn a_person_downloads_their_data_then_deletes_their_account() {
    for s in servers().await {
        let me = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(me.read(api(&s, Method::GET, "/me/data"))).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("cache-control"), "no-store");
        assert_eq!(r.body["account"]["id"], json!(me.id));
        assert_eq!(r.body["account"]["email"], RESIDENT);
        assert_eq!(r.body["account"]["display_name"], "Tom Fletcher");
        assert_eq!(r.body["roles"], json!(["resident"]), "as /me says");
        assert_eq!(r.body["sessions"].as_array().unwrap().len(), 1);
        assert_eq!(r.body["sessions"][0]["device"], "cohesion-test/1.0");
        assert!(r.body["activity"].is_array() && r.body["emails"].is_array());
        assert_eq!(send(api(&s, Method::GET, "/me/data")).await.status, 401);

        for (body, code, field) in [
            (
                json!({"password": "not my password", "contributions": "keep"}),
                "invalid_credentials",
                "password",
            ),
            (
                json!({"password": DEMO_PASSWORD, "contributions": "maybe"}),
                "invalid_choice",
                "contributions",
            ),
        ] {
            let r = send(me.act(api(&s, Method::DELETE, "/me")).json(&body)).await;
            assert_eq!(
                (r.status, r.code(), r.body["field"].as_str()),
                (422, code, Some(field))
            );
        }
        let kept = user(&s, me.id).await;
        assert_eq!(kept.email.as_deref(), Some(RESIDENT));
        assert!(kept.deleted_at.is_none());
        assert_eq!(send(me.read(api(&s, Method::GET, "/me"))).await.status, 200);

        let r = send(
            me.act(api(&s, Method::DELETE, "/me"))
                .json(&json!({"password": DEMO_PASSWORD, "contributions": "keep"})),
        )
        .await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(r.session_cookie().as_deref(), Some(""));
        let gone = user(&s, me.id).await;
        assert!(gone.deleted_at.is_some());
        assert_eq!(
            (gone.email, gone.display_name, gone.password_hash),
            (None, None, None)
        );
        let r = send(me.read(api(&s, Method::GET, "/me"))).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        assert_eq!(try_sign_in(&s, RESIDENT, DEMO_PASSWORD).await.status, 401);
    }
}
