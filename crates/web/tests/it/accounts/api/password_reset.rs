//! The forgotten password through the API.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::{json, Value};

use super::{api, emailed_token, send, servers, sign_in, try_sign_in, OTHER_RESIDENT};

#[tokio::test]
async fn a_forgotten_password_is_reset_with_the_emailed_token() {
    for s in servers().await {
        for email in [OTHER_RESIDENT, "nobody@example.org"] {
            let r =
                send(api(&s, Method::POST, "/password-reset").json(&json!({"email": email}))).await;
            assert_eq!((r.status, &r.body), (202, &Value::Null), "{email}");
        }
        let token = emailed_token(&s, OTHER_RESIDENT, "/password-reset/new?token=").await;
        let new_password = "moss on the old stone bridge";
        let r = send(
            api(&s, Method::POST, "/password-reset/complete")
                .json(&json!({"token": "forged", "password": new_password})),
        )
        .await;
        assert_eq!((r.status, r.code()), (400, "invalid_token"));
        let r = send(
            api(&s, Method::POST, "/password-reset/complete")
                .json(&json!({"token": token, "password": "short"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "password_too_short"));
        let r = send(
            api(&s, Method::POST, "/password-reset/complete")
                .json(&json!({"token": token, "password": new_password})),
        )
        .await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(
            try_sign_in(&s, OTHER_RESIDENT, DEMO_PASSWORD).await.status,
            401
        );
        sign_in(&s, OTHER_RESIDENT, new_password).await;
    }
}
