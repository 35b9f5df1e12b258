//! Signing up through the API, and the person's own account.

use reqwest::Method;
use serde_json::{json, Value};

use super::{
    api, emailed_token, send, servers, sign_in, try_sign_in, user, user_by_email, Session, PASSWORD,
};

#[tokio::test]
async fn a_resident_signs_up_confirms_and_looks_after_their_account() {
    for s in servers().await {
        let email = "layla@example.org";
        let sign_up = json!({"email": email, "display_name": "Layla B", "password": PASSWORD});
        let r = send(api(&s, Method::POST, "/accounts").json(&sign_up)).await;
        assert_eq!((r.status, &r.body), (202, &Value::Null));
        let link = cohesion_testkit::http::latest_verify_link(s.db()).await;
        assert_eq!(s.get(&link).await.status(), 200);
        assert!(user_by_email(&s, email)
            .await
            .unwrap()
            .email_verified_at
            .is_some());
        let r = send(api(&s, Method::POST, "/accounts").json(&sign_up)).await;
        assert_eq!(
            (r.status, &r.body),
            (202, &Value::Null),
            "the same answer for a taken address"
        );

        let r = try_sign_in(&s, email, "not the password at all").await;
        assert_eq!((r.status, r.code()), (401, "invalid_credentials"));
        assert_eq!(r.header("content-type"), "application/problem+json");

        let r = try_sign_in(&s, email, PASSWORD).await;
        assert_eq!(r.status, 200);
        let set = r.header("set-cookie").to_owned();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"),
            "{set}"
        );
        assert_eq!(r.body["user"]["email"], email);
        assert_eq!(r.body["csrf_token"].as_str().unwrap().len(), 64);
        let me = Session {
            id: r.body["user"]["id"].as_str().unwrap().parse().unwrap(),
            cookie: format!("cohesion_session={}", r.session_cookie().unwrap()),
            csrf: r.body["csrf_token"].as_str().unwrap().to_owned(),
        };

        let r = send(me.read(api(&s, Method::GET, "/me"))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("cache-control"), "no-store");
        assert_eq!(
            r.body,
            json!({
                "id": me.id, "email": email, "display_name": "Layla B", "locale": "en",
                "email_verified": true, "roles": ["resident"], "csrf_token": me.csrf,
            })
        );
        let r = send(api(&s, Method::GET, "/me")).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));

        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .json(&json!({"display_name": "Layla Barakat", "locale": "ar"})),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["display_name"], "Layla Barakat");
        assert_eq!(r.body["locale"], "ar");
        let stored = user(&s, me.id).await;
        assert_eq!(stored.display_name.as_deref(), Some("Layla Barakat"));
        assert_eq!(stored.locale.as_deref(), Some("ar"));

        // A second device; the first ends it.
        let other = sign_in(&s, email, PASSWORD).await;
        let r = send(me.read(api(&s, Method::GET, "/me/sessions"))).await;
        assert_eq!(r.status, 200);
        let list = r.body.as_array().unwrap().clone();
        assert_eq!(list.len(), 2);
        assert_eq!(list.iter().filter(|x| x["current"] == true).count(), 1);
        assert_eq!(list[0]["user_agent"], "cohesion-test/1.0");
        let other_id = list.iter().find(|x| x["current"] == false).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        for forged in ["not-an-id", "%FF", "0190f0c8-0000-7000-8000-000000000000"] {
            let r = send(me.act(api(&s, Method::DELETE, &format!("/me/sessions/{forged}")))).await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{forged}");
        }
        let r = send(other.act(api(&s, Method::DELETE, &format!("/me/sessions/{other_id}")))).await;
        assert_eq!(r.status, 204, "ending one's own current session");
        assert_eq!(
            r.session_cookie().as_deref(),
            Some(""),
            "its cookie is removed"
        );
        let r = send(other.read(api(&s, Method::GET, "/me"))).await;
        assert_eq!(r.status, 401, "the ended session no longer works");
        let r = send(me.read(api(&s, Method::GET, "/me/sessions"))).await;
        assert_eq!(r.body.as_array().unwrap().len(), 1);

        // A new address, confirmed by the emailed token.
        let new_email = "layla.b@example.org";
        let r = send(
            me.act(api(&s, Method::POST, "/me/email"))
                .json(&json!({"email": new_email, "current_password": "wrong guess"})),
        )
        .await;
        assert_eq!(
            (r.status, r.body["errors"][0]["field"].as_str()),
            (422, Some("current_password")),
            "an open session alone cannot move the account"
        );
        let r = send(
            me.act(api(&s, Method::POST, "/me/email"))
                .json(&json!({"email": new_email, "current_password": PASSWORD})),
        )
        .await;
        assert_eq!(r.status, 202, "{}", r.body);
        let token = emailed_token(&s, new_email, "/account/email/confirm?token=").await;
        let r = send(
            me.act(api(&s, Method::POST, "/me/email/confirm"))
                .json(&json!({"token": "forged"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (400, "invalid_token"));
        let r = send(
            me.act(api(&s, Method::POST, "/me/email/confirm"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(r.status, 204);
        assert_eq!(user(&s, me.id).await.email.as_deref(), Some(new_email));

        // A new password: every problem at once, then the change.
        let r = send(
            me.act(api(&s, Method::POST, "/me/password"))
                .json(&json!({"current_password": "wrong guess here", "new_password": "short"})),
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.errors(),
            [
                (
                    "current_password".to_owned(),
                    "invalid_credentials".to_owned()
                ),
                ("new_password".to_owned(), "password_too_short".to_owned())
            ]
        );
        let new_password = "the heron waits by the weir";
        let r = send(
            me.act(api(&s, Method::POST, "/me/password"))
                .json(&json!({"current_password": PASSWORD, "new_password": new_password})),
        )
        .await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(try_sign_in(&s, new_email, PASSWORD).await.status, 401);
        // The session goes on under a new cookie; the old one is dead.
        let rotated = format!("cohesion_session={}", r.session_cookie().unwrap());
        assert_ne!(rotated, me.cookie);
        assert_eq!(send(me.read(api(&s, Method::GET, "/me"))).await.status, 401);
        let me = Session {
            cookie: rotated,
            ..me
        };
        assert_eq!(send(me.read(api(&s, Method::GET, "/me"))).await.status, 200);

        let r = send(me.act(api(&s, Method::DELETE, "/session"))).await;
        assert_eq!(r.status, 204);
        assert_eq!(r.session_cookie().as_deref(), Some(""));
        assert_eq!(send(me.read(api(&s, Method::GET, "/me"))).await.status, 401);
        let again = sign_in(&s, new_email, new_password).await;
        let r = send(again.act(api(&s, Method::POST, "/me/sign-out-everywhere"))).await;
        assert_eq!(r.status, 204);
        assert_eq!(
            send(again.read(api(&s, Method::GET, "/me"))).await.status,
            401
        );
    }
}
