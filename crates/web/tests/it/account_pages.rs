//! The signed-in pages over HTTP: account, password reset, administration,
//! organisations, your data and deletion.

use cohesion_services::demo::DEMO_PASSWORD;
use cohesion_storage::accounts::users;
use cohesion_storage::outbox;
use cohesion_testkit::http;

use crate::support::{servers_with_people, Server};

const TOM: &str = "tom@brightwater.example";
const NADIA: &str = "nadia@brightwater.example";

async fn user_id(s: &Server, email: &str) -> uuid::Uuid {
    let mut c = s.db().acquire().await.unwrap();
    let email = cohesion_domain::identity::Email::parse(email).unwrap();
    users::find_by_email(c.conn(), &email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn newest_link(s: &Server, to: &str, path: &str) -> String {
    let mut c = s.db().acquire().await.unwrap();
    let mail = outbox::to_address(c.conn(), to, 1).await.unwrap();
    let body = &mail[0].body;
    let start = body.find(path).expect("a link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn a_resident_manages_their_account() {
    for s in servers_with_people().await {
        let (anon_status, _) = s.page("/account", "").await;
        assert_eq!(anon_status, 303, "sign in first");

        let (cookie, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let (status, html) = s.page("/account", &cookie).await;
        assert_eq!(status, 200);
        for text in [
            "Tom Fletcher",
            TOM,
            "This device",
            "Sign out everywhere",
            "Resident",
        ] {
            assert!(html.contains(text), "{text}");
        }
        assert!(
            !html.contains("/admin/people"),
            "no admin links for residents"
        );

        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", &csrf), ("display_name", "City Hall")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("cannot look like a staff title"));
        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", "forged"), ("display_name", "Tom F")],
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", &csrf), ("display_name", "Tom F")],
            )
            .await;
        assert_eq!(res.headers()["location"], "/account?done=name");
        let html = s.page("/account?done=name", &cookie).await.1;
        assert!(html.contains("Your display name has been changed") && html.contains("Tom F"));

        let res = s
            .post(
                "/account/language",
                &cookie,
                &[("csrf", &csrf), ("language", "xx")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/account/language",
                &cookie,
                &[("csrf", &csrf), ("language", "ar")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_lang").as_deref(),
            Some("ar")
        );
        let html = s
            .page("/account", &format!("{cookie}; cohesion_lang=ar"))
            .await
            .1;
        assert!(html.contains("dir=\"rtl\"") && html.contains("حسابك"));

        let forged = uuid::Uuid::now_v7();
        let res = s
            .post(
                &format!("/account/sessions/{forged}/end"),
                &cookie,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                "/account/sessions/not-an-id/end",
                &cookie,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 404);

        let res = s
            .post("/account/sign-out-everywhere", &cookie, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            s.page("/account", &cookie).await.0,
            303,
            "the session is gone"
        );
    }
}

#[tokio::test]
async fn administration_is_for_administrators_only() {
    for s in servers_with_people().await {
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let tom_id = user_id(&s, TOM).await;
        for path in [
            "/admin/people",
            "/admin/audit",
            "/admin/outbox",
            &format!("/admin/people/{tom_id}"),
        ] {
            assert_eq!(s.page(path, &tom).await.0, 403, "{path}");
        }
        let res = s
            .post(
                &format!("/admin/people/{tom_id}/roles"),
                &tom,
                &[
                    ("csrf", &tom_csrf),
                    ("role", "moderator"),
                    ("grant", "true"),
                ],
            )
            .await;
        assert_eq!(res.status(), 403, "the server refuses what the page hides");

        let (admin, csrf) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let (status, html) = s.page("/admin/people?q=TOM", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains(TOM) && !html.contains("amina@brightwater.example"));
        let html = s.page("/admin/people?role=administrator", &admin).await.1;
        assert!(html.contains(NADIA) && !html.contains(TOM));
        assert_eq!(s.page("/admin/people?role=root", &admin).await.0, 422);
        assert_eq!(s.page("/admin/people?after=zzz", &admin).await.0, 400);
        assert_eq!(s.page("/admin/people/not-an-id", &admin).await.0, 404);
        let forged = uuid::Uuid::now_v7();
        assert_eq!(
            s.page(&format!("/admin/people/{forged}"), &admin).await.0,
            404
        );

        let path = format!("/admin/people/{tom_id}/roles");
        let res = s
            .post(
                &path,
                &admin,
                &[("csrf", &csrf), ("role", "root"), ("grant", "true")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &path,
                &admin,
                &[("csrf", &csrf), ("role", "moderator"), ("grant", "maybe")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &path,
                &admin,
                &[("csrf", &csrf), ("role", "moderator"), ("grant", "true")],
            )
            .await;
        assert_eq!(
            res.headers()["location"],
            format!("/admin/people/{tom_id}?done=role")
        );
        let html = s
            .page(&format!("/admin/people/{tom_id}?done=role"), &admin)
            .await
            .1;
        // Fluent isolates the role's name with bidi marks.
        assert!(
            html.contains("Remove \u{2068}Moderator\u{2069}")
                && html.contains("The roles have been changed")
        );
        let html = s.page("/account", &tom).await.1;
        assert!(
            html.contains("Moderator"),
            "the role shows on the person's own account"
        );

        let nadia_id = user_id(&s, NADIA).await;
        let res = s
            .post(
                &format!("/admin/people/{nadia_id}/suspension"),
                &admin,
                &[("csrf", &csrf), ("suspend", "true")],
            )
            .await;
        assert_eq!(
            res.status(),
            422,
            "administrators cannot suspend themselves"
        );
        let res = s
            .post(
                &format!("/admin/people/{tom_id}/suspension"),
                &admin,
                &[("csrf", &csrf), ("suspend", "true")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            s.page("/account", &tom).await.0,
            303,
            "a suspended person is signed out"
        );

        let html = s.page("/admin/audit?action=role.grant", &admin).await.1;
        assert!(html.contains("moderator") && html.contains(&tom_id.to_string()));
        let html = s
            .page(&format!("/admin/audit?subject={tom_id}"), &admin)
            .await
            .1;
        assert!(html.contains("account.suspend"));
        assert_eq!(s.page("/admin/audit?actor=nope", &admin).await.0, 400);
        let (status, html) = s.page("/admin/outbox", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("Email outbox"));
    }
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_email() {
    for s in servers_with_people().await {
        let (csrf_cookie, token) = http::open_form(&s.client, &s.url("/password-reset")).await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let res = s
            .post(
                "/password-reset",
                &cookie,
                &[("csrf", &token), ("email", "not an email")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/password-reset",
                &cookie,
                &[("csrf", &token), ("email", TOM)],
            )
            .await;
        assert_eq!(res.headers()["location"], "/password-reset/sent");
        let res = s
            .post(
                "/password-reset",
                &cookie,
                &[("csrf", &token), ("email", "nobody@example.org")],
            )
            .await;
        assert_eq!(
            res.headers()["location"],
            "/password-reset/sent",
            "the same either way"
        );

        let link = newest_link(&s, TOM, "/password-reset/new?token=").await;
        let res = s
            .client
            .get(s.url(&link))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["referrer-policy"], "no-referrer");
        let reset_token = link.split("token=").nth(1).unwrap();
        let fields = |p: &'static str| {
            [
                ("csrf", token.clone()),
                ("token", reset_token.to_owned()),
                ("password", p.to_owned()),
            ]
        };
        let f = fields("short");
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            s.post("/password-reset/new", &cookie, &f).await.status(),
            422
        );
        let f = fields("seven swans over the weir");
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = s.post("/password-reset/new", &cookie, &f).await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            s.post("/password-reset/new", &cookie, &f).await.status(),
            400,
            "used once"
        );
        s.sign_in(TOM, "seven swans over the weir").await;
    }
}

#[tokio::test]
async fn a_resident_downloads_their_data_and_deletes_the_account() {
    for s in servers_with_people().await {
        let email = "amina@brightwater.example";
        let (cookie, csrf) = s.sign_in(email, DEMO_PASSWORD).await;
        let res = s
            .client
            .get(s.url("/account/data.json"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["account"]["email"], email);
        assert_eq!(data["account"]["display_name"], "Amina Yusuf");
        let (status, html) = s.page("/account/data", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains(email) && html.contains("account.export"));

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", "not my password"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "burn"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(
            s.page("/account", &cookie).await.0,
            200,
            "nothing happened yet"
        );

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_session").as_deref(),
            Some("")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("Your account has been deleted") && !html.contains("Amina Yusuf"));
        assert_eq!(s.page("/account", &cookie).await.0, 303);
        let mut c = s.db().acquire().await.unwrap();
        assert!(cohesion_storage::schema::occurrences(c.conn(), email)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn organisations_are_registered_and_private_to_members() {
    for s in servers_with_people().await {
        let (priya, _) = s.sign_in("priya@brightwater.example", DEMO_PASSWORD).await;
        assert!(s
            .page("/account", &priya)
            .await
            .1
            .contains("Riverside Youth Forum"));

        let (cookie, csrf) = s.sign_in("helen@brightwater.example", DEMO_PASSWORD).await;
        let (status, html) = s.page("/organisations/new", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Community group"));
        let bad = [
            ("csrf", csrf.as_str()),
            ("name", ""),
            ("kind", "cult"),
            ("address", "1 Road"),
            ("contact_name", "H"),
            ("contact_email", "h@example.org"),
            ("org_identifier", "GB-CHC-12"),
        ];
        let res = s.post("/organisations/new", &cookie, &bad).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        for href in ["#name", "#kind", "#org_identifier"] {
            assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
        }
        let good = [
            ("csrf", csrf.as_str()),
            ("name", "Eastside Women's Network"),
            ("kind", "community_group"),
            ("address", "3 Canal St"),
            ("contact_name", "Helen Park"),
            ("contact_email", "hello@eastside.example"),
            ("org_identifier", "gb-coh-01234567"),
        ];
        let res = s.post("/organisations/new", &cookie, &good).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        let html = s.page(&location, &cookie).await.1;
        assert!(html.contains("GB-COH-01234567") && html.contains("Send invitation"));
        assert!(
            html.contains("app-role-badge\">Officer</strong>"),
            "staff are badged by role beside their name"
        );
        let path = location.split('?').next().unwrap();
        assert_eq!(s.page(path, &priya).await.0, 404, "only members see it");
        let res = s
            .post(
                &format!("{path}/invitations"),
                &cookie,
                &[("csrf", &csrf), ("email", "nope")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &format!("{path}/invitations"),
                &cookie,
                &[("csrf", &csrf), ("email", "tom@brightwater.example")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let link = newest_link(&s, TOM, "/organisations/join?token=").await;
        let res = s.client.get(s.url(&link)).send().await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with("/sign-in?next=%2Forganisations%2Fjoin%3Ftoken%3D"),
            "the invitation is kept through signing in: {to}"
        );
        let html = s.page(&to, "").await.1;
        assert!(html.contains("name=\"next\" value=\"/organisations/join?token="));
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&link, &tom).await.0, 200);
        let token = link.split("token=").nth(1).unwrap();
        let res = s
            .post(
                "/organisations/join",
                &tom,
                &[("csrf", &tom_csrf), ("token", token)],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(s.page(path, &tom).await.0, 200, "now a member");
    }
}
