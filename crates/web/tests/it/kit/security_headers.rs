//! Headers every response carries, and pages without inline script or
//! style.

use crate::support::start;
use crate::support::PAGES;

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
