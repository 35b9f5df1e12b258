//! The public form and the API: masking before storage, the
//! acknowledgement, bad input refused with nothing saved, the form
//! switched off.

use cohesion_domain::tension::Settings;
use cohesion_storage::tensions::{counts, settings};

use super::{open, report, send, stored, today};
use crate::support::{raw, servers_with_demo, status_line};

#[tokio::test]
async fn a_report_is_masked_stored_counted_and_acknowledged_without_its_text() {
    for s in servers_with_demo().await {
        let html = s.html("/tension-reports/new").await;
        assert!(html.contains("Do not name or describe other people"));
        assert!(html.contains("call 999"));
        assert!(html.contains(r#"href="/help""#));
        assert!(html.contains("Somewhere else / not sure"));
        assert!(html.contains("Harbourside"), "the demo's wards");
        let text = "Mr Brown from the corner shop (07700 900123, brown@example.com) \
                    was shouted at near BS1 4AB.";
        let res = send(&s, &report(text, &today())).await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with("/tension-reports/sent?reference=TR-"),
            "{to}"
        );
        let ack = s.html(&to).await;
        assert!(ack.contains(
            "Thank you. The council’s community safety team will look at it within 2 working days."
        ));
        assert!(!ack.contains("shouted"), "no copy of the text");
        let rows = stored(&s).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].text.as_deref(),
            Some("[name] from the corner shop ([phone], [email]) was shouted at near [postcode].")
        );
        let mut c = s.db().acquire().await.unwrap();
        let n: i64 = counts::between(c.conn(), "2000-01-01", "2100-01-01")
            .await
            .unwrap()
            .iter()
            .map(|r| r.reports)
            .sum();
        assert_eq!(n, 1, "counted with the report");
    }
}

#[tokio::test]
async fn an_arabic_report_is_masked_and_acknowledged_in_arabic() {
    for s in servers_with_demo().await {
        let (cookie, token) = open(&s).await;
        let day = today();
        let mut fields = report("رجل اسمه أحمد كتب على الجدار ورقمه 07700900123", &day);
        fields.push(("csrf", &token));
        let res = s.post("/tension-reports/new", &cookie, &fields).await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        let (_, html) = s.page(&to, "cohesion_lang=ar").await;
        assert!(html.contains("خلال يومي عمل"), "Arabic dual");
        assert_eq!(
            stored(&s).await[0].text.as_deref(),
            Some("رجل اسمه [name] كتب على الجدار ورقمه [phone]")
        );
    }
}

#[tokio::test]
async fn bad_input_is_refused_with_a_message_and_nothing_saved() {
    for s in servers_with_demo().await {
        let today = today();
        let long = "a".repeat(100_000);
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (
                report("<script>alert(1)</script>", &today),
                "without HTML tags",
            ),
            (report(&long, &today), "2,000 characters or fewer"),
            (report("It happened", "2999-01-01"), "today or in the past"),
            (report("", &today), "Tell us what happened"),
            (
                vec![("area", "nowhere"), ("kind", "riot"), ("text", "x")],
                "Choose an area from the list",
            ),
        ];
        for (fields, said) in cases {
            let res = send(&s, &fields).await;
            let status = res.status().as_u16();
            let body = res.text().await.unwrap();
            assert!((400..500).contains(&status), "{status} for {said}");
            assert!(body.contains(said), "{said}: {body}");
        }
        // NUL and bad UTF-8.
        let (cookie, token) = open(&s).await;
        let body = format!(
            "csrf={token}&area=elsewhere&kind=other&occurred_on={today}&police=no&text=a%00b"
        );
        let res = cohesion_testkit::http::post_form(
            &s.client,
            &s.url("/tension-reports/new"),
            &cookie,
            &body,
        )
        .await;
        assert!(res.status().is_client_error(), "NUL: {}", res.status());
        let bad = format!(
            "csrf={token}&area=elsewhere&kind=other&occurred_on={today}&police=no&text=%FF%FE"
        );
        let request = format!(
            "POST /tension-reports/new HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{bad}",
            bad.len()
        );
        let answer = raw(&s.base, request.as_bytes()).await;
        assert!(
            status_line(&answer).contains(" 4"),
            "{}",
            status_line(&answer)
        );
        // Without the form's token.
        let res = s
            .post("/tension-reports/new", "", &report("Fine text", &today))
            .await;
        assert!(res.status().is_client_error());
        assert!(stored(&s).await.is_empty(), "nothing saved");
    }
}

#[tokio::test]
async fn the_api_takes_reports_with_the_same_rules_and_stable_codes() {
    for s in servers_with_demo().await {
        let today = today();
        let post = |body: serde_json::Value| {
            s.client
                .post(s.url("/api/v1/tension-reports"))
                .json(&body)
                .send()
        };
        let res = post(serde_json::json!({"area": "elsewhere", "kind": "online_content",
            "occurred_on": today, "text": "A post naming Sarah Jones as a liar", "police": "dont_know"}))
        .await
        .unwrap();
        let status = res.status();
        let sent: serde_json::Value = res.json().await.unwrap();
        assert_eq!(status, 201, "{sent}");
        assert!(sent["reference"].as_str().unwrap().starts_with("TR-"));
        assert_eq!(sent["review_working_days"], 2);
        assert!(sent.get("text").is_none());
        assert_eq!(
            stored(&s).await[0].text.as_deref(),
            Some("A post naming [name] as a liar")
        );
        let res = post(serde_json::json!({"area": "elsewhere", "kind": "other",
            "occurred_on": today, "text": "<b>hi</b>", "police": "no"}))
        .await
        .unwrap();
        assert_eq!(res.status(), 422);
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["code"], "markup_not_allowed");
        let res = post(serde_json::json!({"area": "elsewhere", "kind": "other",
            "occurred_on": "2999-01-01", "text": "x", "police": "no"}))
        .await
        .unwrap();
        assert_eq!(res.status(), 422);
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["code"], "date_in_future");
        let res = post(serde_json::json!({"area": "elsewhere", "kind": "other",
            "occurred_on": today, "text": "x", "police": "no", "ip": "1.2.3.4"}))
        .await
        .unwrap();
        assert_eq!(res.status(), 422, "unknown fields refused");
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["code"], "unknown_field");
        assert_eq!(stored(&s).await.len(), 1);
    }
}

#[tokio::test]
async fn a_site_that_switched_the_form_off_says_so_and_takes_nothing() {
    for s in servers_with_demo().await {
        let (cookie, token) = open(&s).await;
        {
            let mut c = s.db().acquire().await.unwrap();
            let off = Settings {
                enabled: false,
                ..Settings::default()
            };
            settings::save(c.conn(), &off).await.unwrap();
        }
        let res = s.get("/tension-reports/new").await;
        assert_eq!(res.status(), 404);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Tension reports are not taken here"));
        let day = today();
        let mut fields = report("Something", &day);
        fields.push(("csrf", &token));
        let res = s.post("/tension-reports/new", &cookie, &fields).await;
        assert_eq!(res.status(), 404);
        let res = s
            .client
            .post(s.url("/api/v1/tension-reports"))
            .json(&serde_json::json!({"area": "elsewhere", "kind": "other",
                "occurred_on": today(), "text": "x", "police": "no"}))
            .send()
            .await
            .unwrap();
        let status = res.status();
        assert_eq!(status, 404, "{}", res.text().await.unwrap());
        assert!(stored(&s).await.is_empty());
        let gi = s.html("/get-involved").await;
        assert!(!gi.contains(r#"href="/tension-reports/new""#));
    }
}

#[tokio::test]
async fn get_involved_leads_to_the_form() {
    for s in servers_with_demo().await {
        let html = s.html("/get-involved").await;
        assert!(html.contains("Tell us about community tension"));
        assert!(html.contains(r#"href="/tension-reports/new""#));
    }
}
