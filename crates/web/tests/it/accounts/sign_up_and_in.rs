//! Signing up, confirming the address, signing in and out, over HTTP.

use cohesion_storage::outbox;
use cohesion_testkit::http::{self, cookie_set_by as set_cookie, hidden_csrf};

use crate::support::{servers_with_demo, Server};

const PASSWORD: &str = "a long river of quiet words";

/// GETs a form on `s`: (anonymous CSRF cookie, token in the form).
async fn open_form(s: &Server, path: &str) -> (String, String) {
    http::open_form(&s.client, &s.url(path)).await
}

/// The form token in a urlencoded body.
fn body_token(body: &str) -> &str {
    body.split('&')
        .find_map(|p| p.strip_prefix("csrf="))
        .unwrap_or_default()
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
        // The title says so first, for a screen reader (GOV.UK's pattern).
        assert!(html.contains("<title>Error: "), "{html}");
        let page = s.client.get(s.url("/sign-up")).send().await.unwrap();
        assert!(!page.text().await.unwrap().contains("<title>Error: "));
        let (csrf_cookie, token) = open_form(&s, "/sign-up?lang=ar").await;
        let cookie_ar = format!("cohesion_csrf={csrf_cookie}");
        let body_ar = body.replace(
            &format!("csrf={}", body_token(&body)),
            &format!("csrf={token}"),
        );
        let ar = post_form(&s, "/sign-up?lang=ar", &cookie_ar, &body_ar).await;
        assert_eq!(ar.status(), 422);
        assert!(ar.text().await.unwrap().contains("<title>خطأ: "));
        let mut c = s.db().acquire().await.unwrap();
        assert!(outbox::recent(c.conn(), 5).await.unwrap().is_empty());
    }
}

/// An empty sign-in form asks for what is missing, by name, and counts
/// as no failed attempt.
#[tokio::test]
async fn an_empty_sign_in_form_asks_for_each_field() {
    for s in servers_with_demo().await {
        let (csrf_cookie, token) = open_form(&s, "/sign-in").await;
        let cookie = format!("cohesion_csrf={csrf_cookie}");
        let res = post_form(
            &s,
            "/sign-in",
            &cookie,
            &format!("csrf={token}&email=&password="),
        )
        .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("Enter an email address"), "{html}");
        assert!(html.contains("Enter a password"), "{html}");
        assert!(!html.contains("is not right"), "{html}");
        let res = post_form(
            &s,
            "/sign-in",
            &cookie,
            &format!("csrf={token}&email=amina%40example.org&password="),
        )
        .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("Enter a password") && !html.contains("Enter an email address"));
        assert!(
            html.contains("value=\"amina@example.org\""),
            "the email is kept"
        );
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
        let html = res.text().await.unwrap();
        assert!(html.contains("This form has expired"), "{html}");
        assert!(!html.contains("administrator"), "not a question of roles");
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
        // (Its first character changed: to "0", unless it was one.)
        let first = if issued.starts_with('0') { "1" } else { "0" };
        let altered = format!("{first}{}", &issued[1..]);
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

/// Makes `n` confirmed accounts sharing one password (hashed once):
/// `person{i}@example.org`.
async fn accounts(s: &Server, n: usize) {
    use cohesion_domain::identity::{DisplayName, Email, NewPassword};
    use cohesion_storage::accounts::users;
    let passwords = cohesion_services::accounts::Passwords::new(2);
    let hash = passwords
        .hash(&NewPassword::parse(PASSWORD).unwrap())
        .await
        .unwrap();
    let mut c = s.db().acquire().await.unwrap();
    for i in 0..n {
        let email = Email::parse(&format!("person{i}@example.org")).unwrap();
        let name = DisplayName::parse(&format!("Person {i}")).unwrap();
        users::insert(c.conn(), &email, &name, &hash, "en")
            .await
            .unwrap()
            .unwrap();
    }
}

/// Sends the sign-in form from the one address every test request
/// comes from.
async fn try_sign_in(s: &Server, email: &str, password: &str, lang: &str) -> reqwest::Response {
    let (csrf_cookie, token) = open_form(s, "/sign-in").await;
    let body = serde_urlencoded::to_string([
        ("csrf", token.as_str()),
        ("email", email),
        ("password", password),
    ])
    .unwrap();
    let cookie = format!("cohesion_csrf={csrf_cookie}; cohesion_lang={lang}");
    post_form(s, "/sign-in", &cookie, &body).await
}

#[tokio::test]
async fn a_room_of_thirty_signs_in_from_one_address() {
    for s in servers_with_demo().await {
        accounts(&s, 30).await;
        for i in 0..30 {
            let email = format!("person{i}@example.org");
            let res = try_sign_in(&s, &email, PASSWORD, "en").await;
            assert_eq!(res.status(), 303, "{email} signs in");
        }
        // And again, with a typo each time before: still nobody blocked.
        for i in 0..30 {
            let email = format!("person{i}@example.org");
            let typo = try_sign_in(&s, &email, "a long river of quiet word", "en").await;
            assert_eq!(typo.status(), 401, "{email}");
            assert_eq!(try_sign_in(&s, &email, PASSWORD, "en").await.status(), 303);
        }
    }
}

#[tokio::test]
async fn failures_are_limited_per_account_and_address_and_the_form_says_when_to_retry() {
    for s in servers_with_demo().await {
        accounts(&s, 2).await;
        let (a, b) = ("person0@example.org", "person1@example.org");
        for _ in 0..10 {
            let res = try_sign_in(&s, a, "guess number one two", "en").await;
            assert_eq!(res.status(), 401);
        }
        let res = try_sign_in(&s, "Person0@Example.org", PASSWORD, "en").await;
        assert_eq!(res.status(), 429, "locked, even with the right password");
        let retry: u32 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=900).contains(&retry), "{retry}");
        let html = res
            .text()
            .await
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            html.contains("value=\"Person0@Example.org\""),
            "the email is kept"
        );
        assert!(!html.contains(PASSWORD), "the password is not");
        let minutes = retry.div_ceil(60);
        let when = match minutes {
            1 => "Try again in about a minute.".to_owned(),
            n => format!("Try again in about {n} minutes."),
        };
        assert!(html.contains(&when), "{when} in {html}");
        assert!(html.contains("href=\"#email\""), "in the error summary");

        let res = try_sign_in(&s, a, PASSWORD, "ar").await;
        assert_eq!(res.status(), 429);
        let html = res.text().await.unwrap();
        assert!(html.contains("حاول مرة أخرى بعد"), "when, in Arabic");
        assert!(html.contains("value=\"person0@example.org\""));

        let res = try_sign_in(&s, b, PASSWORD, "en").await;
        assert_eq!(res.status(), 303, "another account from the same address");
        let res = try_sign_in(&s, b, "a wrong one for b only", "en").await;
        assert_eq!(res.status(), 401, "and its own failures start from none");
    }
}

#[tokio::test]
async fn sign_ups_are_limited_per_address_typed_and_keep_what_was_typed() {
    for s in servers_with_demo().await {
        let send = async |email: &str| {
            let (csrf_cookie, token) = open_form(&s, "/sign-up").await;
            let body = serde_urlencoded::to_string([
                ("csrf", token.as_str()),
                ("email", email),
                ("display_name", "Amina K"),
                ("password", PASSWORD),
            ])
            .unwrap();
            post_form(
                &s,
                "/sign-up",
                &format!("cohesion_csrf={csrf_cookie}"),
                &body,
            )
            .await
        };
        for _ in 0..5 {
            assert_eq!(send("amina@example.org").await.status(), 303);
        }
        let res = send("amina@example.org").await;
        assert_eq!(res.status(), 429);
        assert!(res.headers().contains_key("retry-after"));
        let html = res
            .text()
            .await
            .unwrap()
            .replace(['\u{2068}', '\u{2069}'], "");
        for kept in [
            "value=\"amina@example.org\"",
            "value=\"Amina K\"",
            "Try again in about",
        ] {
            assert!(html.contains(kept), "{kept}");
        }
        assert!(!html.contains(PASSWORD));
        for i in 0..20 {
            let email = format!("neighbour{i}@example.org");
            assert_eq!(
                send(&email).await.status(),
                303,
                "{email}: a workshop signs up together"
            );
        }
    }
}
