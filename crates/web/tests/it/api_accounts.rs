//! The JSON API for accounts, the person's own account, administration
//! and organisations, over real HTTP against real databases.

use cohesion_domain::identity::{Email, Role};
use cohesion_services::accounts::Passwords;
use cohesion_services::demo::{self, DEMO_PASSWORD};
use cohesion_storage::accounts::users;
use cohesion_storage::{audit, outbox};
use reqwest::header::HeaderMap;
use reqwest::{Method, RequestBuilder};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::support::{servers_with_demo, Server};

const PASSWORD: &str = "a long river of quiet words";
const ADMIN: &str = "nadia@brightwater.example";
const RESIDENT: &str = "tom@brightwater.example";
const OTHER_RESIDENT: &str = "amina@brightwater.example";
const ORG_OWNER: &str = "priya@brightwater.example";

/// A server per engine, with the demo programme and its accounts.
async fn servers() -> Vec<Server> {
    let servers = servers_with_demo().await;
    for s in &servers {
        demo::load_accounts(s.db(), &Passwords::new(2))
            .await
            .unwrap();
    }
    servers
}

fn api(s: &Server, method: Method, path: &str) -> RequestBuilder {
    s.client.request(method, s.url(&format!("/api/v1{path}")))
}

struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or_default()
    }

    /// The (field, code) pairs of a problem's `errors`.
    fn errors(&self) -> Vec<(String, String)> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        (
                            e["field"].as_str().unwrap().to_owned(),
                            e["code"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }

    /// The value this response sets for the session cookie, if it does.
    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                v.split(';')
                    .next()?
                    .strip_prefix("cohesion_session=")
                    .map(str::to_owned)
            })
    }
}

async fn send(rb: RequestBuilder) -> Reply {
    let res = rb.send().await.expect("request");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("JSON: {}", String::from_utf8_lossy(&bytes)))
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// A signed-in API client: its cookie and the session's token.
struct Session {
    id: Uuid,
    cookie: String,
    csrf: String,
}

impl Session {
    /// Sends the cookie only (reads, or calls that forget the token).
    fn read(&self, rb: RequestBuilder) -> RequestBuilder {
        rb.header("cookie", &self.cookie)
    }

    /// Sends the cookie and the session's token.
    fn act(&self, rb: RequestBuilder) -> RequestBuilder {
        self.read(rb).header("x-csrf-token", &self.csrf)
    }
}

async fn try_sign_in(s: &Server, email: &str, password: &str) -> Reply {
    send(
        api(s, Method::POST, "/session")
            .header("user-agent", "cohesion-test/1.0")
            .json(&json!({"email": email, "password": password})),
    )
    .await
}

async fn sign_in(s: &Server, email: &str, password: &str) -> Session {
    let r = try_sign_in(s, email, password).await;
    assert_eq!(r.status, 200, "{email}: {}", r.body);
    Session {
        id: r.body["user"]["id"].as_str().unwrap().parse().unwrap(),
        cookie: format!("cohesion_session={}", r.session_cookie().unwrap()),
        csrf: r.body["csrf_token"].as_str().unwrap().to_owned(),
    }
}

/// The token of the newest link to `to` whose body contains `marker`.
async fn emailed_token(s: &Server, to: &str, marker: &str) -> String {
    let mut c = s.db().acquire().await.unwrap();
    let mail = outbox::recent(c.conn(), 50).await.unwrap();
    let m = mail
        .iter()
        .find(|m| m.to_address == to && m.body.contains(marker))
        .unwrap_or_else(|| panic!("an email to {to} with {marker}"));
    let start = m.body.find(marker).unwrap() + marker.len();
    m.body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

async fn user(s: &Server, id: Uuid) -> users::UserRecord {
    let mut c = s.db().acquire().await.unwrap();
    users::find_by_id(c.conn(), id).await.unwrap().unwrap()
}

async fn user_by_email(s: &Server, email: &str) -> Option<users::UserRecord> {
    let mut c = s.db().acquire().await.unwrap();
    users::find_by_email(c.conn(), &Email::parse(email).unwrap())
        .await
        .unwrap()
}

async fn roles(s: &Server, id: Uuid) -> Vec<Role> {
    let mut c = s.db().acquire().await.unwrap();
    users::roles(c.conn(), id).await.unwrap()
}

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
        let r =
            send(api(&s, Method::POST, "/accounts").json(&json!({"email": "x@example.org"}))).await;
        assert_eq!(
            (r.status, r.code()),
            (429, "rate_limited"),
            "six sign-ups an hour"
        );
        assert!(!r.header("retry-after").is_empty());

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

#[tokio::test]
async fn administrators_manage_roles_and_suspensions_and_the_audit_log_shows_it() {
    for s in servers().await {
        let admin = sign_in(&s, ADMIN, DEMO_PASSWORD).await;
        let tom = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;

        let r = send(admin.read(api(&s, Method::GET, "/people?q=TOM%40bright"))).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("cache-control"), "no-store");
        let people = r.body["people"].as_array().unwrap();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0]["id"], json!(tom.id));
        assert_eq!(people[0]["roles"], json!([]));

        let role_path = format!("/people/{}/roles/moderator", tom.id);
        let r = send(admin.act(api(&s, Method::PUT, &role_path))).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["roles"], json!(["moderator"]));
        assert_eq!(roles(&s, tom.id).await, [Role::Moderator]);
        let r = send(admin.act(api(&s, Method::PUT, &role_path))).await;
        assert_eq!(r.status, 200, "granting again changes nothing");

        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/audit?subject={}&action=role.grant", tom.id),
        )))
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let entries = r.body["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["actor_id"], json!(admin.id));
        assert_eq!(entries[0]["detail"], "moderator");
        assert_eq!(entries[0]["client"], "127.0.0.1");
        assert_eq!(r.body["next_before"], Value::Null);

        let r = send(admin.act(api(&s, Method::DELETE, &role_path))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["roles"], json!([]));
        assert!(roles(&s, tom.id).await.is_empty());

        // Others may not; strangers must sign in.
        for (method, path) in [
            (Method::GET, "/people".to_owned()),
            (Method::GET, format!("/people/{}", admin.id)),
            (
                Method::PUT,
                format!("/people/{}/roles/administrator", tom.id),
            ),
            (Method::POST, format!("/people/{}/suspension", admin.id)),
            (Method::GET, "/audit".to_owned()),
        ] {
            let r = send(
                tom.act(api(&s, method.clone(), &path))
                    .json(&json!({"suspended": true})),
            )
            .await;
            assert_eq!((r.status, r.code()), (403, "forbidden"), "{method} {path}");
            let r = send(api(&s, method.clone(), &path).json(&json!({"suspended": true}))).await;
            assert_eq!(
                (r.status, r.code()),
                (401, "sign_in_required"),
                "{method} {path}"
            );
        }
        assert!(roles(&s, tom.id).await.is_empty());
        assert!(user(&s, admin.id).await.suspended_at.is_none());

        // Ids that name nobody, and roles that are not roles.
        let nobody = "0190f0c8-0000-7000-8000-000000000000";
        for (method, path) in [
            (Method::GET, "/people/not-an-id".to_owned()),
            (Method::GET, format!("/people/{nobody}")),
            (Method::PUT, format!("/people/{nobody}/roles/moderator")),
            (Method::PUT, "/people/1;DROP/roles/moderator".to_owned()),
            (Method::GET, "/people/%FF%FE".to_owned()),
            (Method::PUT, format!("/people/{nobody}/roles/%FF")),
            (Method::POST, format!("/people/{nobody}/suspension")),
        ] {
            let r = send(
                admin
                    .act(api(&s, method.clone(), &path))
                    .json(&json!({"suspended": true})),
            )
            .await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{method} {path}");
        }
        for role in ["root", "resident"] {
            let r = send(admin.act(api(
                &s,
                Method::PUT,
                &format!("/people/{}/roles/{role}", tom.id),
            )))
            .await;
            assert_eq!((r.status, r.code()), (422, "invalid_choice"), "{role}");
        }
        let r = send(admin.act(api(
            &s,
            Method::DELETE,
            &format!("/people/{}/roles/administrator", admin.id),
        )))
        .await;
        assert_eq!((r.status, r.code()), (422, "cannot_target_self"));
        let r = send(admin.read(api(&s, Method::GET, "/audit?actor=nope"))).await;
        assert_eq!(
            (r.status, r.code(), r.body["field"].as_str()),
            (422, "bad_request", Some("actor"))
        );

        // Suspension ends the person's sessions at once.
        let suspension = format!("/people/{}/suspension", tom.id);
        let r = send(
            admin
                .act(api(&s, Method::POST, &suspension))
                .json(&json!({"suspended": true})),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["suspended"], true);
        assert!(user(&s, tom.id).await.suspended_at.is_some());
        let r = send(tom.read(api(&s, Method::GET, "/me"))).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        let r = try_sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        assert_eq!((r.status, r.code()), (403, "account_suspended"));
        let r = send(
            admin
                .act(api(&s, Method::POST, &suspension))
                .json(&json!({"suspended": false})),
        )
        .await;
        assert_eq!((r.status, &r.body["suspended"]), (200, &json!(false)));
        sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            admin
                .act(api(
                    &s,
                    Method::POST,
                    &format!("/people/{}/suspension", admin.id),
                ))
                .json(&json!({"suspended": true})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "cannot_target_self"));

        let mut c = s.db().acquire().await.unwrap();
        let q = audit::AuditQuery {
            subject: Some(tom.id),
            actor: Some(admin.id),
            limit: 10,
            ..Default::default()
        };
        let actions: Vec<String> = audit::page(c.conn(), &q)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "account.reinstate",
                "account.suspend",
                "role.revoke",
                "role.grant"
            ]
        );
    }
}

#[tokio::test]
async fn people_and_the_audit_log_come_a_page_at_a_time() {
    for s in servers().await {
        let admin = sign_in(&s, ADMIN, DEMO_PASSWORD).await;
        let r = send(admin.read(api(&s, Method::GET, "/people?limit=5"))).await;
        assert_eq!(r.status, 200);
        let first: Vec<Value> = r.body["people"].as_array().unwrap().clone();
        assert_eq!(first.len(), 5);
        let after = r.body["next_after"].as_str().unwrap().to_owned();
        assert_eq!(after, first[4]["id"].as_str().unwrap());
        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/people?limit=5&after={after}"),
        )))
        .await;
        let second = r.body["people"].as_array().unwrap();
        assert_eq!(second.len(), 5);
        assert!(second.iter().all(|p| !first.contains(p)));
        let r = send(admin.read(api(&s, Method::GET, "/people?role=administrator"))).await;
        assert_eq!(r.body["people"].as_array().unwrap().len(), 2);
        assert_eq!(r.body["next_after"], Value::Null);
        for bad in ["limit=0", "limit=101", "limit=ten", "role=root", "after=x"] {
            let r = send(admin.read(api(&s, Method::GET, &format!("/people?{bad}")))).await;
            assert_eq!(r.status, 422, "{bad}");
        }

        // Sixty entries: a full page, then the rest.
        let tom = user_by_email(&s, RESIDENT).await.unwrap().id;
        for i in 0..60 {
            let role = if i % 2 == 0 { "officer" } else { "analyst" };
            let method = if i % 4 < 2 {
                Method::PUT
            } else {
                Method::DELETE
            };
            let r = send(admin.act(api(&s, method, &format!("/people/{tom}/roles/{role}")))).await;
            assert_eq!(r.status, 200);
        }
        let r = send(admin.read(api(&s, Method::GET, &format!("/audit?actor={}", admin.id)))).await;
        assert_eq!(r.body["entries"].as_array().unwrap().len(), 50);
        let before = r.body["next_before"].as_str().unwrap().to_owned();
        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/audit?actor={}&before={before}", admin.id),
        )))
        .await;
        // The sixty changes and the administrator's sign-in.
        assert_eq!(r.body["entries"].as_array().unwrap().len(), 11);
        assert_eq!(r.body["next_before"], Value::Null);
    }
}

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
        assert_eq!(r.body["roles"], json!([]));
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

#[tokio::test]
async fn organisations_are_registered_and_joined_by_invitation() {
    for s in servers().await {
        let owner = sign_in(&s, ORG_OWNER, DEMO_PASSWORD).await;
        let r = send(owner.read(api(&s, Method::GET, "/organisations"))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body[0]["name"], "Riverside Youth Forum");
        assert_eq!(r.body[0]["owner"], true);

        let tom = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            tom.act(api(&s, Method::POST, "/organisations"))
                .json(&json!({"name": ""})),
        )
        .await;
        assert_eq!(r.status, 422);
        let fields: Vec<String> = r.errors().into_iter().map(|(f, _)| f).collect();
        for f in ["name", "kind", "address", "contact_name", "contact_email"] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
        let r = send(
            tom.read(api(&s, Method::POST, "/organisations"))
                .json(&json!({})),
        )
        .await;
        assert_eq!(r.status, 403, "the token is needed");

        let r = send(
            tom.act(api(&s, Method::POST, "/organisations"))
                .json(&json!({
                    "name": "Weir Street Youth Club", "kind": "community_group",
                    "address": "3 Weir Street\nBrightwater", "contact_name": "Tom Fletcher",
                    "contact_email": "youth@weir.example",
                })),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let org = r.body["id"].as_str().unwrap().to_owned();
        assert_eq!(r.header("location"), format!("/api/v1/organisations/{org}"));
        assert!(roles(&s, tom.id).await.contains(&Role::OrganisationMember));

        let invite = format!("/organisations/{org}/invitations");
        let r = send(
            tom.act(api(&s, Method::POST, &invite))
                .json(&json!({"email": "nope"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "invalid_email"));
        let r = send(
            tom.act(api(&s, Method::POST, &invite))
                .json(&json!({"email": OTHER_RESIDENT})),
        )
        .await;
        assert_eq!(r.status, 202, "{}", r.body);
        let token = emailed_token(&s, OTHER_RESIDENT, "/organisations/join?token=").await;

        let r = send(
            owner
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (400, "invalid_token"),
            "not addressed to them"
        );
        let r = send(owner.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!((r.status, r.code()), (404, "not_found"), "not a member");

        let amina = sign_in(&s, OTHER_RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            amina
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["id"], org.as_str());
        let r = send(
            amina
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (400, "invalid_token"),
            "an invitation works once"
        );

        let r = send(amina.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["is_owner"], false);
        assert_eq!(r.body["members"].as_array().unwrap().len(), 2);
        assert_eq!(r.body["invitations"], json!([]), "addresses are for owners");
        let r = send(tom.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!(r.body["invitations"][0]["email"], OTHER_RESIDENT);
        assert_eq!(r.body["invitations"][0]["accepted"], true);
        let r = send(
            amina
                .act(api(&s, Method::POST, &invite))
                .json(&json!({"email": "x@example.org"})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (403, "forbidden"),
            "members who do not own it"
        );

        for id in [
            "not-an-id",
            "%C0%AF",
            "0190f0c8-0000-7000-8000-000000000000",
        ] {
            let r = send(tom.read(api(&s, Method::GET, &format!("/organisations/{id}")))).await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{id}");
            let r = send(
                tom.act(api(
                    &s,
                    Method::POST,
                    &format!("/organisations/{id}/invitations"),
                ))
                .json(&json!({"email": "x@example.org"})),
            )
            .await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{id}");
        }
        let r = send(amina.read(api(&s, Method::GET, "/organisations"))).await;
        assert_eq!(r.body.as_array().unwrap().len(), 1);
    }
}
