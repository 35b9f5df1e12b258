//! Findings that combine options, and "We asked, you said, we did", over
//! HTTP: the officer's form, the public pages in English and Arabic, the
//! timeline's way there and the findings JSON.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use uuid::Uuid;

use super::OFFICER;
use crate::support::{servers_with_people, text_of, Server};

/// The demo's consultation titled `title`.
async fn demo_id(s: &Server, title: &str) -> Uuid {
    let mut c = s.db().acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::all_ids(c.conn())
        .await
        .unwrap()
        .into_iter()
        .find(|(_, t)| t == title)
        .unwrap()
        .0
}

/// A page's text, tags and isolation marks taken out.
fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn officers_combine_options_and_closed_consultations_say_what_we_did() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let open = demo_id(&s, "Safer streets, stronger communities").await;
        let form = format!("/staff/consultations/{open}/findings/new");
        let (status, html) = s.page(&form, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"type="checkbox" value="q1:1""#), "{html}");
        assert!(html.contains(r#"name="what_we_did""#));

        // Options of two questions, a forged option: 422, nothing saved.
        let post = |options: &'static [&'static str]| {
            let mut fields = vec![("csrf", csrf.as_str()), ("title", "Agreement")];
            fields.extend(options.iter().map(|o| ("options", *o)));
            fields
        };
        let res = s.post(&form, &officer, &post(&["q1:1", "q2:1"])).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("Choose options of one question"), "{html}");
        assert!(html.contains(r#"value="q2:1" checked"#), "ticks kept");
        let res = s.post(&form, &officer, &post(&["q1:1", "q1:9"])).await;
        assert_eq!(res.status(), 422);
        let (_, before) = s.page(&format!("/consultations/{open}/findings"), "").await;
        assert!(!before.contains("Agreement<"));

        // "Strongly agree" and "Agree" together.
        let res = s.post(&form, &officer, &post(&["q1:1", "q1:2"])).await;
        assert_eq!(res.status(), 303);
        let (_, manage) = s
            .page(&format!("/staff/consultations/{open}"), &officer)
            .await;
        let did_link = manage
            .split("href=\"")
            .map(|a| a.split('"').next().unwrap_or_default())
            .filter(|a| a.ends_with("/what-we-did"))
            .last()
            .expect("a way to write what we did")
            .to_owned();
        let finding = did_link.rsplit('/').nth(1).unwrap().to_owned();
        let res = s
            .post(
                &format!("/staff/consultations/{open}/findings/{finding}"),
                &officer,
                &[("csrf", &csrf), ("change", "publish")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("/consultations/{open}/findings"), "").await;
        let text = words(&html);
        assert!(
            text.contains("chose “Strongly agree” or “Agree” (95% range"),
            "{text}"
        );
        // The range stays on one line by markup, with nothing invisible
        // in it to travel into copied text.
        let range = html
            .split("(95% range <span class=\"app-unbroken\">")
            .nth(1)
            .and_then(|rest| rest.split("</span>").next())
            .expect("the range in an unbroken span");
        let (low, high) = range.trim_end_matches('%').split_once('–').unwrap();
        assert!(
            low.parse::<u32>().unwrap() < high.parse::<u32>().unwrap(),
            "{range}"
        );
        // Open: no "We asked, you said, we did" yet.
        assert!(!text.contains("We asked, you said, we did"));

        // What we did: the form, a forged finding, then saved.
        let (status, _) = s.page(&did_link, &officer).await;
        assert_eq!(status, 200);
        let elsewhere = format!(
            "/staff/consultations/{open}/findings/{}/what-we-did",
            Uuid::now_v7()
        );
        let res = s
            .post(
                &elsewhere,
                &officer,
                &[("csrf", &csrf), ("what_we_did", "x")],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                &did_link,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("what_we_did", "We funded *street* events."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let json: serde_json::Value = s
            .get(&format!("/api/v1/consultations/{open}/findings"))
            .await
            .json()
            .await
            .unwrap();
        let ours = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == finding.as_str())
            .unwrap();
        assert_eq!(ours["options"], serde_json::json!([0, 1]));
        assert_eq!(ours["what_we_did"], "We funded *street* events.");
        assert!(
            ours["figure"]["low"].as_f64().unwrap() < ours["figure"]["share"].as_f64().unwrap()
        );
        assert_eq!(json["closed"], false);

        // The closed consultation: its timeline leads to the section.
        let closed = demo_id(&s, "Reporting hate crime: what stops people?").await;
        let (_, page) = s.page(&format!("/consultations/{closed}"), "").await;
        let section = format!("/consultations/{closed}/findings#we-asked-you-said-we-did");
        assert!(page.contains(&format!("href=\"{section}\"")), "{page}");
        let (status, html) = s.page(&section, "").await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("We asked, you said, we did"), "{text}");
        assert!(html.contains(r#"id="we-asked-you-said-we-did""#));
        for part in ["We asked", "You said", "We did"] {
            assert!(html.contains(&format!(">{part}</h4>")), "{part}");
        }
        assert!(
            text.contains("chose “Strongly agree” or “Agree” (95% range"),
            "{text}"
        );
        assert!(text.contains("We funded twelve street events in Riverside"));
        let (_, arabic) = s
            .page(&format!("/consultations/{closed}/findings?lang=ar"), "")
            .await;
        let text = words(&arabic);
        assert!(text.contains("سألنا، قال الناس، فعلنا"), "{text}");
        assert!(text.contains("موّلنا اثنتي عشرة فعالية"), "{text}");
        assert!(text.contains("«أوافق بشدة» أو «أوافق»"), "{text}");
        let json: serde_json::Value = s
            .get(&format!("/api/v1/consultations/{closed}/findings"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(json["closed"], true);
        assert_eq!(json["findings"][0]["options"], serde_json::json!([0, 1]));
        // Its API is described.
        let spec = s.get("/api/v1/openapi.json").await.text().await.unwrap();
        assert!(spec.contains("/api/v1/consultations/{id}/findings"));
        assert!(spec.contains("what_we_did"));
    }
}
