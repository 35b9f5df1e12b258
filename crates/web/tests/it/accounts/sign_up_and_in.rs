//! Signing up, confirming the address, signing in and out, over HTTP.

use cohesion_storage::outbox;
use cohesion_testkit::http::{self, cookie_set_by as set_cookie, hidden_csrf};

use crate::support::{servers_with_demo, Server};

const PASSWORD: &str = "a long river of quiet words";

/// GETs a form on `s`: (anonymous CSRF cookie, token in the form).
async fn open_form(s: &Server, path: &str) -> (String, String) {
    http::open_form(&s.client, &s.url(path)).await
}

async fn post_form(s: &Server, path: &str, cookie: &str, body: &str) -> reqwest::Response {
    http::post_form(&s.client, &s.url(path), cookie, body).await
}

#[tokio::test]
async fn a_resident_signs_up_confirms_signs_in_and_out() {
    for s in servers_with_demo().await {
        let (csrf_cookie, token) = open_form(&s, "/sign-up").await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let body = format!("csrf={token}&email=amina%40example.org&display_name=Amina+K&password=a+long+river+of+quiet+words");
        let res = post_form(&s, "/sign-up", &cookie, &body).await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], "/sign-up/check-email");

        let link = http::latest_verify_link(s.db()).await;
        let res = s.get(&link).await;
        assert_eq!(res.status(), 200);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Email address confirmed"));
        assert_eq!(s.get(&link).await.status(), 400, "a link works once");

        let (csrf_cookie, token) = open_form(&s, "/sign-in").await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let res = post_form(
            &s,
            "/sign-in",
            &cookie,
            &format!("csrf={token}&email=amina%40example.org&password=wrong+but+long+enough"),
        )
        .await;
        assert_eq!(res.status(), 401);
        let html = res.text().await.unwrap();
        assert!(html.contains("The email address or password is not right"));
        assert!(
            html.contains("value=\"amina@example.org\""),
            "the email is kept"
        );

        let res = post_form(
            &s,
            "/sign-in",
            &cookie,
            &format!("csrf={token}&email=amina%40example.org&password=a+long+river+of+quiet+words"),
        )
        .await;
        assert_eq!(res.status(), 303);
        let session = set_cookie(&res, "cohesion_session").expect("a session cookie");
        let raw = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            raw.contains("HttpOnly") && raw.contains("SameSite=Lax"),
            "{raw}"
        );
        let signed_in = format!("cohesion_session={session}");

        let home = s
            .client
            .get(s.url("/?lang=ar"))
            .header("cookie", &signed_in)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            home.contains("مسجّل الدخول باسم"),
            "the header shows who is signed in"
        );
        let anonymous = s.get("/?lang=ar").await.text().await.unwrap();
        assert!(
            !anonymous.contains("Amina K"),
            "nobody else sees it, cached or not"
        );

        let res = post_form(&s, "/sign-out", &signed_in, "csrf=forged").await;
        assert_eq!(res.status(), 403, "signing out needs the session's token");
        let session_csrf = hidden_csrf(&home);
        let res = post_form(&s, "/sign-out", &signed_in, &format!("csrf={session_csrf}")).await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            set_cookie(&res, "cohesion_session").as_deref(),
            Some(""),
            "the cookie is cleared"
        );
        let after = s
            .client
            .get(s.url("/"))
            .header("cookie", &signed_in)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            !after.contains("Signed in as"),
            "the old cookie no longer works"
        );
    }
}

#[tokio::test]
async fn sign_up_problems_are_listed_and_nothing_is_kept() {
    for s in servers_with_demo().await {
        let (csrf_cookie, token) = open_form(&s, "/sign-up").await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let body = format!(
            "csrf={token}&email=not-an-email&display_name=%D9%85%D8%B4%D8%B1%D9%81&password=short"
        );
        let res = post_form(&s, "/sign-up", &cookie, &body).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        for text in [
            "There is a problem",
            "href=\"#email\"",
            "href=\"#display_name\"",
            "href=\"#password\"",
            "value=\"not-an-email\"",
        ] {
            assert!(html.contains(text), "{text}");
        }
        assert!(
            !html.contains("value=\"short\""),
            "a password is never sent back"
        );
        let mut c = s.db().acquire().await.unwrap();
        assert!(outbox::recent(c.conn(), 5).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn forms_without_the_right_token_are_refused() {
    for s in servers_with_demo().await {
        let body =
            "csrf=&email=a%40example.org&display_name=Amina&password=a+long+river+of+quiet+words";
        assert_eq!(
            post_form(&s, "/sign-up", "", body).await.status(),
            403,
            "no token"
        );
        let (csrf_cookie, _) = open_form(&s, "/sign-up").await;
        let forged = "csrf=0000&email=a%40example.org&display_name=Amina&password=a+long+river+of+quiet+words";
        let res = post_form(
            &s,
            "/sign-up",
            &format!("cohesion_csrf={csrf_cookie}"),
            forged,
        )
        .await;
        assert_eq!(res.status(), 403, "a token that does not match the cookie");
        assert!(res.text().await.unwrap().contains("The form has expired"));
        let res = post_form(
            &s,
            "/sign-in",
            "",
            &format!("csrf=x&email=a%40example.org&password={PASSWORD}"),
        )
        .await;
        assert_eq!(res.status(), 403);
    }
}

/// The token before sign-in comes from a cookie the server issued and
/// signed: a cookie the client chose (planted by another site, say) is
/// never taken as the token, nor as the source of one.
#[tokio::test]
async fn a_form_cookie_the_client_chose_is_worth_nothing() {
    for s in servers_with_demo().await {
        let body = |token: &str| format!("csrf={token}&email=a%40example.org&password={PASSWORD}");
        // Double submit with a value of the client's own: refused.
        let res = post_form(&s, "/sign-in", "cohesion_csrf=t0k3n", &body("t0k3n")).await;
        assert_eq!(res.status(), 403);
        // A chosen cookie is replaced by an issued one when the form is shown…
        let res = s
            .client
            .get(s.url("/sign-in"))
            .header("cookie", "cohesion_csrf=t0k3n")
            .send()
            .await
            .unwrap();
        let issued = set_cookie(&res, "cohesion_csrf").expect("a cookie the server issues");
        assert_ne!(issued, "t0k3n");
        let token = hidden_csrf(&res.text().await.unwrap());
        assert_ne!(token, issued, "the form's token is not the cookie itself");
        // …and only the issued one goes with the form's token.
        let res = post_form(&s, "/sign-in", "cohesion_csrf=t0k3n", &body(&token)).await;
        assert_eq!(res.status(), 403);
        let res = post_form(
            &s,
            "/sign-in",
            &format!("cohesion_csrf={issued}"),
            &body(&issued),
        )
        .await;
        assert_eq!(res.status(), 403, "the cookie's value is not the token");
        let res = post_form(
            &s,
            "/sign-in",
            &format!("cohesion_csrf={issued}"),
            &body(&token),
        )
        .await;
        assert_eq!(
            res.status(),
            401,
            "accepted as a form; the password is wrong"
        );
        // A cookie issued and then altered is refused too.
        let altered = format!("0{}", &issued[1..]);
        let res = post_form(
            &s,
            "/sign-in",
            &format!("cohesion_csrf={altered}"),
            &body(&token),
        )
        .await;
        assert_eq!(res.status(), 403);
    }
}

#[tokio::test]
async fn sign_in_attempts_are_throttled_per_client_with_a_retry_time() {
    for s in servers_with_demo().await {
        let (csrf_cookie, token) = open_form(&s, "/sign-in").await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let body = format!("csrf={token}&email=nobody%40example.org&password=guess+number+one");
        for _ in 0..10 {
            assert_eq!(
                post_form(&s, "/sign-in", &cookie, &body).await.status(),
                401
            );
        }
        let res = post_form(&s, "/sign-in", &cookie, &body).await;
        assert_eq!(res.status(), 429);
        let retry: u32 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=300).contains(&retry));
        assert!(res.text().await.unwrap().contains("Too many requests"));
    }
}
