//! The forgotten password, reset by email.

use cohesion_testkit::http;

use super::{newest_link, TOM};
use crate::support::servers_with_people;

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
