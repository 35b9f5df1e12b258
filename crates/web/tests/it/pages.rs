use crate::support::{servers_with_demo, start};

const PAGES: [&str; 6] = [
    "/",
    "/get-involved",
    "/about",
    "/accessibility",
    "/privacy",
    "/cookies",
];

#[tokio::test]
async fn every_page_renders_in_english_and_arabic_with_landmarks() {
    for s in servers_with_demo().await {
        for path in PAGES {
            for (lang, dir) in [("en", "ltr"), ("ar", "rtl")] {
                let res = s.get(&format!("{path}?lang={lang}")).await;
                assert_eq!(res.status(), 200, "{path} in {lang}");
                let html = res.text().await.unwrap();
                assert!(
                    html.contains(&format!(r#"<html lang="{lang}" dir="{dir}""#)),
                    "{path} {lang}"
                );
                for needle in [
                    r#"class="govuk-skip-link""#,
                    r#"<main class="govuk-main-wrapper" id="main-content">"#,
                    "<header",
                    "<footer",
                    "<h1",
                ] {
                    assert!(html.contains(needle), "{path} in {lang} lacks {needle}");
                }
                assert_eq!(html.matches("<h1").count(), 1, "one h1 on {path}");
                // The language switcher offers the other language.
                let other = if lang == "en" { "ar" } else { "en" };
                assert!(
                    html.contains(&format!(r#"hreflang="{other}" lang="{other}""#)),
                    "{path} switcher"
                );
            }
        }
    }
}

#[tokio::test]
async fn home_shows_the_programme_in_the_chosen_language() {
    for s in servers_with_demo().await {
        let en = s.get("/?lang=en").await.text().await.unwrap();
        assert!(en.contains("Brightwater Together"));
        let ar = s.get("/?lang=ar").await.text().await.unwrap();
        assert!(ar.contains("برايتووتر معًا"));
        assert!(ar.contains("طرق المشاركة"), "Arabic chrome");
    }
}

#[tokio::test]
async fn an_empty_site_shows_empty_states_not_errors() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let home = s.get("/").await.text().await.unwrap();
    assert!(home.contains("has not published its programme here yet"));
    let involved = s.get("/get-involved").await.text().await.unwrap();
    for text in [
        "There are no open consultations at the moment.",
        "No funding rounds are open at the moment.",
    ] {
        assert!(involved.contains(text), "{text}");
    }
}

#[tokio::test]
async fn language_is_chosen_by_query_then_cookie_then_accept_language() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let lang_of = |html: String| {
        let start = html.find("<html lang=\"").unwrap() + 12;
        html[start..start + 2].to_owned()
    };
    let res = s
        .client
        .get(s.url("/about"))
        .header("accept-language", "ar-SA,ar;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(
        res.headers().get("set-cookie").is_none(),
        "negotiation alone sets no cookie"
    );
    assert_eq!(lang_of(res.text().await.unwrap()), "ar");

    let res = s
        .client
        .get(s.url("/about"))
        .header("accept-language", "ar")
        .header("cookie", "cohesion_lang=en")
        .send()
        .await
        .unwrap();
    assert_eq!(
        lang_of(res.text().await.unwrap()),
        "en",
        "cookie beats Accept-Language"
    );

    let res = s
        .client
        .get(s.url("/about?lang=ar"))
        .header("cookie", "cohesion_lang=en")
        .send()
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.starts_with("cohesion_lang=ar;")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(
        lang_of(res.text().await.unwrap()),
        "ar",
        "explicit choice beats the cookie"
    );

    let res = s
        .client
        .get(s.url("/about"))
        .header("cookie", "cohesion_lang=klingon")
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "a bad cookie is ignored");
    assert_eq!(lang_of(res.text().await.unwrap()), "en");
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for path in [
        "/",
        "/nope",
        "/api/v1/site",
        "/api/v1/nope",
        "/assets/app.css",
        "/healthz",
    ] {
        let res = s.get(path).await;
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("CSP on {path}"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert_eq!(h.get("referrer-policy").unwrap(), "same-origin");
        assert!(h.get("x-request-id").is_some(), "request id on {path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS without TLS"
        );
    }
}

#[tokio::test]
async fn hsts_is_sent_when_served_over_tls() {
    let config = cohesion_web::WebConfig {
        tls: true,
        ..Default::default()
    };
    let s = crate::support::start_with(cohesion_testkit::sqlite().await, config).await;
    let res = s.get("/?lang=ar").await;
    assert!(res
        .headers()
        .get("strict-transport-security")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("max-age="));
    assert!(res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("; Secure"));
}

#[tokio::test]
async fn pages_have_no_inline_script_or_style() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for path in PAGES {
        let html = s.get(path).await.text().await.unwrap();
        assert!(
            !html.contains("<script>") && !html.contains("<style") && !html.contains(" style=\""),
            "{path}"
        );
        assert!(!html.contains(" onclick="), "{path}");
    }
}

#[tokio::test]
async fn assets_are_served_from_memory_with_types_and_caching() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let home = s.get("/").await.text().await.unwrap();
    let href_start = home.find("/assets/app.css?v=").expect("stylesheet link");
    let href = &home[href_start..home[href_start..].find('"').unwrap() + href_start];
    let res = s.get(href).await;
    if res.status() == 404 {
        eprintln!("skipped: frontend/dist was not built before this binary");
        return;
    }
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    assert!(res
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("immutable"));
    let css = res.text().await.unwrap();
    assert!(
        css.contains("Noto Sans") && !css.contains("GDS Transport"),
        "our own font, not GOV.UK's"
    );
    let rtl = s.get("/assets/app.rtl.css").await;
    assert_eq!(rtl.status(), 200);
    assert_eq!(
        rtl.headers().get("cache-control").unwrap(),
        "no-cache",
        "unversioned URL revalidates"
    );
}

#[tokio::test]
async fn a_database_failure_shows_a_friendly_500_with_a_reference() {
    let t = cohesion_testkit::sqlite().await;
    if let cohesion_storage::Db::Sqlite(pool) = &t.db {
        sqlx::query("DROP TABLE programme_texts")
            .execute(pool)
            .await
            .unwrap();
    }
    let s = start(t).await;
    let res = s
        .client
        .get(s.url("/"))
        .header("x-request-id", "ref-123")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
    let html = res.text().await.unwrap();
    assert!(html.contains("Sorry, there is a problem with the service"));
    assert!(html.contains("ref-123"), "the reference is shown");
    assert!(!html.contains("no such table"), "no internals leak");
    let api = s.get("/api/v1/site").await;
    assert_eq!(api.status(), 500);
    assert_eq!(
        api.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["code"], "internal_error");
    let health = s.get("/healthz").await;
    assert_eq!(health.status(), 200, "the database itself still answers");
}
