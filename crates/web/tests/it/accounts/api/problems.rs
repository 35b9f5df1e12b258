//! Refused input, every field listed with its stable code.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::outbox;
use reqwest::Method;
use serde_json::json;

use super::{api, send, servers, sign_in, user, user_by_email, PASSWORD, RESIDENT};

#[tokio::test]
async fn sign_up_and_profile_problems_list_every_field_with_stable_codes() {
    for s in servers().await {
        let r = send(api(&s, Method::POST, "/accounts").json(&json!({
            "email": "not-an-email", "display_name": "Moderator", "password": "short"
        })))
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.header("content-type"), "application/problem+json");
        assert_eq!(
            r.errors(),
            [
                ("email".to_owned(), "invalid_email".to_owned()),
                (
                    "display_name".to_owned(),
                    "display_name_reserved".to_owned()
                ),
                ("password".to_owned(), "password_too_short".to_owned()),
            ]
        );
        assert_eq!(
            (r.code(), r.body["field"].as_str()),
            ("invalid_email", Some("email"))
        );

        let too_long = "L".repeat(51);
        for (name, code) in [
            (too_long.as_str(), "field_too_long"),
            ("مشرف", "display_name_reserved"),
            ("Adm\u{0456}n", "display_name_reserved"),
        ] {
            let r = send(api(&s, Method::POST, "/accounts").json(&json!({
                "email": "new@example.org", "display_name": name, "password": PASSWORD
            })))
            .await;
            assert_eq!(r.status, 422, "{name}");
            assert_eq!(
                r.errors(),
                [("display_name".to_owned(), code.to_owned())],
                "{name}"
            );
        }
        let r = send(api(&s, Method::POST, "/accounts").json(&json!({
            "email": "new@example.org", "display_name": "New Person", "password": PASSWORD,
            "locale": "xx"
        })))
        .await;
        assert_eq!(
            r.errors(),
            [("locale".to_owned(), "unknown_locale".to_owned())]
        );
        assert!(
            user_by_email(&s, "new@example.org").await.is_none(),
            "nothing kept"
        );
        {
            let mut c = s.db().acquire().await.unwrap();
            assert!(outbox::recent(c.conn(), 5).await.unwrap().is_empty());
        }
        // Three tries for new@example.org above (the unknown language is
        // refused before counting); five an hour from one address.
        for _ in 0..2 {
            let body = json!({"email": "new@example.org"});
            assert_eq!(
                send(api(&s, Method::POST, "/accounts").json(&body))
                    .await
                    .status,
                422
            );
        }
        let r = send(api(&s, Method::POST, "/accounts").json(&json!({"email": "new@example.org"})))
            .await;
        assert_eq!(
            (r.status, r.code()),
            (429, "rate_limited"),
            "six sign-ups an hour for one address from one client"
        );
        assert!(!r.header("retry-after").is_empty());
        let r =
            send(api(&s, Method::POST, "/accounts").json(&json!({"email": "x@example.org"}))).await;
        assert_eq!(
            r.status, 422,
            "another address from the same client is not blocked"
        );

        let me = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        for (body, errors) in [
            (
                json!({"display_name": too_long}),
                vec![("display_name", "field_too_long")],
            ),
            (
                json!({"display_name": "Moderator", "locale": "xx"}),
                vec![
                    ("display_name", "display_name_reserved"),
                    ("locale", "unknown_locale"),
                ],
            ),
            (
                json!({"display_name": "Tommy", "locale": "xx"}),
                vec![("locale", "unknown_locale")],
            ),
        ] {
            let r = send(me.act(api(&s, Method::PATCH, "/me")).json(&body)).await;
            assert_eq!(r.status, 422, "{body}");
            let want: Vec<(String, String)> = errors
                .into_iter()
                .map(|(f, c)| (f.to_owned(), c.to_owned()))
                .collect();
            assert_eq!(r.errors(), want, "{body}");
        }
        let stored = user(&s, me.id).await;
        assert_eq!(stored.display_name.as_deref(), Some("Tom Fletcher"));
        assert_eq!(stored.locale.as_deref(), Some("en"));
    }
}
