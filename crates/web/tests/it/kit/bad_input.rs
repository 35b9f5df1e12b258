//! Hostile and malformed requests get the right 4xx, never a 500.

use std::time::Duration;

use crate::support::{raw, start, start_with, status_line};

#[tokio::test]
async fn unknown_routes_get_a_404_page_or_problem() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let res = s
        .client
        .get(s.url("/no/such/page"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("الصفحة غير موجودة"));
    let res = s.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "application/problem+json"
    );
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "not_found");
    assert_eq!(body["status"], 404);
}

#[tokio::test]
async fn unknown_locales_are_refused_with_a_400() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for q in [
        "?lang=xx",
        "?lang=%3Cscript%3E",
        "?lang=",
        "?lang=en-GB-x-very-long-tag-indeed",
    ] {
        let res = s.get(&format!("/about{q}")).await;
        assert_eq!(res.status(), 400, "{q}");
        assert!(
            res.headers().get("set-cookie").is_none(),
            "{q} sets no cookie"
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("We do not have that language"), "{q}");
        assert!(!html.contains("<script>"), "{q} is escaped");
    }
    let res = s.get("/api/v1/site?lang=zz").await;
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "unknown_locale");
}

#[tokio::test]
async fn invalid_utf8_in_query_strings_and_forms_is_a_400() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let res = s.get("/about?q=%FF%FE").await;
    assert_eq!(res.status(), 400);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("characters we could not read"));

    let res = s
        .client
        .post(s.url("/feedback"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"page=about&answer=%C3%28".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let raw_body = s
        .client
        .post(s.url("/feedback"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"page=ab\xFFout&answer=yes".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(raw_body.status(), 400);
    let tally = s
        .get("/api/v1/feedback/about")
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(tally["useful"], 0, "nothing was saved");
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_a_413() {
    let config = cohesion_web::WebConfig {
        body_limit: 1024,
        ..Default::default()
    };
    let s = start_with(cohesion_testkit::sqlite().await, config).await;
    let big = format!("page=about&answer=yes&pad={}", "x".repeat(10_000));
    let res = s
        .client
        .post(s.url("/feedback"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("What you sent is too large"));
    let res = s
        .client
        .post(s.url("/api/v1/feedback"))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"page\":\"about\",\"answer\":\"{}\"}}",
            "y".repeat(10_000)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "payload_too_large");
    // A chunked body with no declared length is cut off too.
    let chunked = format!(
        "POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{big}\r\n0\r\n\r\n",
        big.len()
    );
    let reply = raw(&s.base, chunked.as_bytes()).await;
    assert!(
        status_line(&reply).contains(" 413 "),
        "{}",
        status_line(&reply)
    );
}

#[tokio::test]
async fn wrong_methods_and_media_types_are_4xx() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let res = s.client.post(s.url("/about")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert!(
        res.headers().get("allow").is_some(),
        "Allow survives the error page"
    );
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("That action is not available here"));
    let res = s
        .client
        .post(s.url("/feedback"))
        .header("content-type", "text/plain")
        .body("page=about")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let res = s
        .client
        .post(s.url("/api/v1/feedback"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415, "JSON without its content type");
    let res = s
        .client
        .post(s.url("/api/v1/feedback"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = s
        .client
        .post(s.url("/api/v1/feedback"))
        .header("content-type", "application/json")
        .body(r#"{"page": 5}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "bad_request");
}

#[tokio::test]
async fn path_traversal_on_assets_finds_nothing() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for path in [
        "/assets/../Cargo.toml",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets//etc/passwd",
        "/assets/fonts/../../../../etc/passwd",
        "/assets/%FF",
    ] {
        let reply = raw(
            &s.base,
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await;
        let line = status_line(&reply);
        assert!(
            line.contains(" 404 ") || line.contains(" 400 "),
            "{path}: {line}"
        );
        assert!(!reply.contains("root:"), "{path} leaked a file");
    }
}

#[tokio::test]
async fn malformed_http_is_refused_without_crashing() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let reply = raw(&s.base, b"GARBAGE\r\n\r\n").await;
    assert!(status_line(&reply).contains(" 400 "), "{reply}");
    let reply = raw(&s.base, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n").await;
    assert!(status_line(&reply).contains(" 400 "), "{reply}");
    // The server still serves afterwards.
    assert_eq!(s.get("/").await.status(), 200);
}

#[tokio::test]
async fn a_request_that_stalls_times_out_with_a_408() {
    let config = cohesion_web::WebConfig {
        request_timeout: Duration::from_millis(300),
        ..Default::default()
    };
    let s = start_with(cohesion_testkit::sqlite().await, config).await;
    // Promise a body and never send it.
    let req = b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\npage=";
    let reply = raw(&s.base, req).await;
    assert!(
        status_line(&reply).contains(" 408 "),
        "{}",
        status_line(&reply)
    );
    assert!(reply.contains("The request took too long"));
}

#[tokio::test]
async fn error_page_language_links_never_leave_the_site() {
    let s = start(cohesion_testkit::sqlite().await).await;
    for path in [
        "//evil.example?lang=zz",
        "//evil.example/x?q=%FF",
        "/\\evil.example?lang=zz",
    ] {
        let reply = raw(
            &s.base,
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await;
        assert!(
            status_line(&reply).contains(" 400 ") || status_line(&reply).contains(" 404 "),
            "{path}: {}",
            status_line(&reply)
        );
        assert!(
            !reply.contains("href=\"//") && !reply.contains("href=\"/\\"),
            "{path} links off the site"
        );
    }
}

#[tokio::test]
async fn request_ids_that_do_not_look_like_ids_are_replaced() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let res = s
        .client
        .get(s.url("/"))
        .header("x-request-id", "abc def path=/admin")
        .send()
        .await
        .unwrap();
    let id = res.headers().get("x-request-id").unwrap().to_str().unwrap();
    assert!(!id.contains(' ') && id.len() == 36, "{id}");
    let res = s
        .client
        .get(s.url("/"))
        .header("x-request-id", "lb-7f3a.42")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers().get("x-request-id").unwrap(),
        "lb-7f3a.42",
        "a proxy's id is kept"
    );
}

#[tokio::test]
async fn the_413_page_offers_the_way_back_to_the_page_sent_from() {
    let config = cohesion_web::WebConfig {
        body_limit: 1024,
        ..Default::default()
    };
    let s = start_with(cohesion_testkit::sqlite().await, config).await;
    let big = format!("page=about&answer=yes&pad={}", "x".repeat(10_000));
    let send = |referer: String| {
        s.client
            .post(s.url("/feedback"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("referer", referer)
            .body(big.clone())
            .send()
    };
    let res = send(s.url("/about?lang=en#feedback")).await.unwrap();
    assert_eq!(res.status(), 413);
    let html = res.text().await.unwrap();
    assert!(html.contains("What you sent is too large"));
    assert!(
        html.contains(
            "<a class=\"govuk-link\" href=\"/about?lang=en\">Go back to the page you were on</a>"
        ),
        "{html}"
    );
    assert!(html.contains("href=\"/\">Go to the home page"));
    // Another site's page is never linked to.
    let res = send("https://elsewhere.example/about".to_owned())
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let html = res.text().await.unwrap();
    assert!(!html.contains("Go back to the page you were on"), "{html}");
    assert!(!html.contains("elsewhere.example"));
}
