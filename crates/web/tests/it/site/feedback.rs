//! "Is this page useful?" through the HTML form and through the API.

use cohesion_domain::rate_limit::RateLimit;

use crate::support::{servers_with_demo, start_with};

fn form(s: &crate::support::Server, body: &'static str) -> reqwest::RequestBuilder {
    s.client
        .post(s.url("/feedback"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
}

#[tokio::test]
async fn an_answer_is_recorded_then_thanked_in_the_chosen_language() {
    for s in servers_with_demo().await {
        let res = form(&s, "page=privacy&answer=yes")
            .header("origin", &s.base)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        let location = res
            .headers()
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(location, "/privacy?feedback=thanks#feedback");
        let html = s
            .client
            .get(s.url("/privacy?feedback=thanks"))
            .header("cookie", "cohesion_lang=ar")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("شكرًا لك على ملاحظاتك."), "thanks in Arabic");
        assert!(
            html.contains("وجد شخص واحد"),
            "Arabic singular form for one person"
        );
        let tally: serde_json::Value = s
            .get("/api/v1/feedback/privacy")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (tally["useful"].as_u64(), tally["not_useful"].as_u64()),
            (Some(1), Some(0))
        );
    }
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_save_nothing() {
    for s in servers_with_demo().await {
        let res = form(&s, "page=about&answer=no")
            .header("origin", "http://evil.example")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("sent from another website"));
        let res = form(&s, "page=about&answer=no")
            .header("sec-fetch-site", "cross-site")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let res = form(&s, "page=about&answer=no")
            .header("origin", "null")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let tally: serde_json::Value = s.get("/api/v1/feedback/about").await.json().await.unwrap();
        assert_eq!(tally["not_useful"], 0);
    }
}

#[tokio::test]
async fn forged_fields_are_refused_with_a_clear_message() {
    for s in servers_with_demo().await {
        let res = form(&s, "page=admin&answer=yes").send().await.unwrap();
        assert_eq!(res.status(), 400);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("That page does not exist."));
        let res = form(&s, "page=about&answer=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Choose one of the options given")
                && !html.contains("Choose one of the options given.")
                && !html.contains("<script>alert")
        );
        let res = form(&s, "answer=yes").send().await.unwrap();
        assert_eq!(res.status(), 400, "missing page");
    }
}

#[tokio::test]
async fn too_many_answers_get_a_429_that_says_when_to_retry() {
    let config = cohesion_web::WebConfig {
        feedback_limit: RateLimit::new(2, 3600),
        ..Default::default()
    };
    let s = start_with(cohesion_testkit::sqlite().await, config).await;
    for _ in 0..2 {
        assert_eq!(
            form(&s, "page=home&answer=yes")
                .send()
                .await
                .unwrap()
                .status(),
            303
        );
    }
    let res = form(&s, "page=home&answer=yes").send().await.unwrap();
    assert_eq!(res.status(), 429);
    let retry: u32 = res
        .headers()
        .get("retry-after")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&retry));
    // Fluent isolates placeables with U+2068/U+2069 for bidi safety.
    let html = res
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        html.contains("Too many requests")
            && html.contains(&match retry.div_ceil(60) {
                1 => "Try again in about a minute.".to_owned(),
                n => format!("Try again in about {n} minutes."),
            }),
        "retry time shown"
    );
    let tally: serde_json::Value = s.get("/api/v1/feedback/home").await.json().await.unwrap();
    assert_eq!(tally["useful"], 2, "the refused answer was not saved");
}

#[tokio::test]
async fn feedback_can_be_posted_and_read_through_the_api() {
    for s in servers_with_demo().await {
        let res = s
            .client
            .post(s.url("/api/v1/feedback"))
            .json(&serde_json::json!({"page": "cookies", "answer": "no"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(
            body,
            serde_json::json!({"page": "cookies", "useful": 0, "not_useful": 1})
        );
        let res = s
            .client
            .post(s.url("/api/v1/feedback"))
            .json(&serde_json::json!({"page": "cookies", "answer": "maybe"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "invalid_choice");
        assert_eq!(problem["field"], "answer");
        let res = s.get("/api/v1/feedback/nowhere").await;
        assert_eq!(res.status(), 404);
        assert_eq!(
            res.json::<serde_json::Value>().await.unwrap()["code"],
            "unknown_page"
        );
    }
}

/// The Beta banner asks for feedback and links to where it is given: the
/// page's own "Is this page useful?" form, in both languages.
#[tokio::test]
async fn the_beta_banner_links_to_the_feedback_form() {
    for s in servers_with_demo().await {
        for (lang, words) in [
            ("en", "Tell us if this page is useful"),
            ("ar", "أخبرنا إن كانت هذه الصفحة مفيدة"),
        ] {
            let html = s
                .client
                .get(s.url("/privacy"))
                .header("cookie", format!("cohesion_lang={lang}"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let banner = html
                .split("govuk-phase-banner__text")
                .nth(1)
                .and_then(|b| b.split("</span>").next())
                .expect("the banner");
            assert!(
                banner.contains(&format!(
                    r##"<a class="govuk-link" href="#feedback">{words}</a>"##
                )),
                "{lang}: {banner}"
            );
            assert!(html.contains(r#"id="feedback""#), "{lang}");
        }
    }
}
