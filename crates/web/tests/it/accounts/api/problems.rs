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

#[tokio::test]
async fn each_problem_points_into_the_body_in_words_for_api_users() {
    for s in servers().await {
        let body =
            json!({"email": "not-an-email", "display_name": "Moderator", "password": "short"});
        let r = send(api(&s, Method::POST, "/accounts").json(&body)).await;
        assert_eq!(r.status, 422);
        let listed: Vec<(&str, &str, &str)> = r.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["pointer"].as_str().unwrap(),
                    e["code"].as_str().unwrap(),
                    e["detail"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "/email",
                    "invalid_email",
                    "`email` must be an email address, like `name@example.org`."
                ),
                (
                    "/display_name",
                    "display_name_reserved",
                    "`display_name` may not look like a staff title, such as \"Moderator\" or \"City Hall\"."
                ),
                (
                    "/password",
                    "password_too_short",
                    "`password` must be at least 12 characters long."
                ),
            ]
        );
        assert_eq!(
            r.body["detail"],
            "The request has 3 problems, each listed in `errors` with where it is."
        );
        // Asked for in Arabic: the same places and codes, Arabic words.
        let r = send(
            api(&s, Method::POST, "/accounts")
                .header("accept-language", "ar")
                .json(&body),
        )
        .await;
        let first = &r.body["errors"][0];
        assert_eq!(
            (first["pointer"].as_str(), first["code"].as_str()),
            (Some("/email"), Some("invalid_email"))
        );
        assert!(
            first["detail"]
                .as_str()
                .unwrap()
                .starts_with("يجب أن يكون `email`"),
            "{}",
            r.body
        );
        // Unknown members are refused, each named, not ignored.
        let me = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            me.act(api(&s, Method::PATCH, "/me"))
                .json(&json!({"nmae": "Tom", "locale": 5, "colour": "red"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "bad_request"));
        let mut at: Vec<(&str, &str)> = r.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["pointer"].as_str().unwrap(), e["code"].as_str().unwrap()))
            .collect();
        at.sort_unstable();
        assert_eq!(
            at,
            [
                ("/colour", "unknown_field"),
                ("/locale", "invalid_type"),
                ("/nmae", "unknown_field"),
            ]
        );
        assert_eq!(
            user(&s, me.id).await.display_name.as_deref(),
            Some("Tom Fletcher"),
            "nothing changed"
        );
    }
}
