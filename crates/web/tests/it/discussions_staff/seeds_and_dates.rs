//! A second walkthrough, for officers: adding a statements stage lands
//! where starting statements are written, said added, and the officers'
//! page lists the starting statements with where each stands; a draft
//! names its planned dates in Manage; a range within one day names the
//! day once; languages are named in the reader's language in sentences.

use reqwest::Method;
use serde_json::json;

use super::{call, sign_in, OFFICER};
use crate::support::{servers_with_people, text_of, Server};

/// A discussion made through the API with these dates (a draft); its id.
async fn draft(s: &Server, officer: &(String, String), opens: &str, closes: &str) -> String {
    let body = json!({"title": "Lighting the quay", "introduction": "Tell us.",
        "opens_at": opens, "closes_at": closes});
    let r = call(
        s,
        Method::POST,
        "/api/v1/discussions",
        Some(officer),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn adding_the_stage_leads_to_the_seed_form_and_seeds_are_listed() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        let id = draft(&s, &officer, "2020-01-01T09:00Z", "2099-01-01T09:00Z").await;
        let manage = format!("/staff/discussions/{id}");
        let res = s
            .post(
                &format!("{manage}/statements/stage"),
                cookie,
                &[("csrf", csrf), ("stage", "on")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, format!("{manage}?done=statements-stage-added#text"));
        let (status, html) = s.page(&to, cookie).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        assert!(
            text.contains("The statements stage has been added."),
            "{text}"
        );
        assert!(html.contains(&format!("action=\"{manage}/statements/seed\"")));
        assert!(text.contains("No starting statements yet"), "{text}");

        for words in ["More lights on the quay", "A bench by the ferry."] {
            let res = s
                .post(
                    &format!("{manage}/statements/seed"),
                    cookie,
                    &[("csrf", csrf), ("text", words)],
                )
                .await;
            assert_eq!(res.status(), 303);
        }
        // A resident's statement is not a starting one.
        let tom = sign_in(&s, super::TOM).await;
        let published = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/publish"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!(published.status, 200, "{}", published.body);
        let r = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/statements"),
            Some(&tom),
            Some(&json!({"text": "Night buses."})),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);

        let (_, html) = s.page(&manage, cookie).await;
        let at = html.find("Starting statements added").expect("the list");
        let table = &html[at..at + html[at..].find("</table>").unwrap()];
        let listed = text_of(table);
        assert!(listed.contains("More lights on the quay"), "{listed}");
        assert!(listed.contains("A bench by the ferry."), "{listed}");
        assert!(listed.contains("Open for votes"), "{listed}");
        assert!(!listed.contains("Night buses"), "{listed}");

        // The API lists them too, for officers only.
        let api = format!("/api/v1/discussions/{id}/statements/seed");
        let r = call(&s, Method::GET, &api, Some(&officer), None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let items = r.body["items"].as_array().unwrap();
        let texts: Vec<&str> = items.iter().map(|i| i["text"].as_str().unwrap()).collect();
        assert_eq!(texts, ["More lights on the quay", "A bench by the ferry."]);
        assert!(
            items.iter().all(|i| i["state"] == "published"),
            "{}",
            r.body
        );
        let r = call(&s, Method::GET, &api, Some(&tom), None).await;
        assert_eq!(r.status, 403, "{}", r.body);
        let nowhere = format!(
            "/api/v1/discussions/{}/statements/seed",
            uuid::Uuid::new_v4()
        );
        let r = call(&s, Method::GET, &nowhere, Some(&officer), None).await;
        assert_eq!(r.status, 404, "{}", r.body);

        // In Arabic too.
        let (_, ar) = s.page(&format!("{manage}?lang=ar"), cookie).await;
        assert!(ar.contains("العبارات الافتتاحية المضافة"));
        assert!(ar.contains("More lights on the quay"));
    }
}

#[tokio::test]
async fn a_draft_in_manage_gives_its_planned_dates() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        // Its opening date has passed while it waited: still named.
        draft(&s, &officer, "2025-03-02T09:00Z", "2099-01-01T09:00Z").await;
        let (_, html) = s.page("/manage", &officer.0).await;
        let text = text_of(&html);
        assert!(
            text.contains("Planned to open 2 March 2025 at 9am and close 1 January 2099 at 9am"),
            "{text}"
        );
        let (_, ar) = s.page("/manage?lang=ar", &officer.0).await;
        let text = text_of(&ar);
        assert!(
            text.contains("من المخطط أن يُفتح 2 مارس 2025 الساعة 9 صباحًا"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_range_within_one_day_names_the_day_once() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        // One evening in December (UK time is UTC then).
        let id = draft(&s, &officer, "2026-12-07T20:10Z", "2026-12-07T20:21Z").await;
        let (_, html) = s.page("/manage", &officer.0).await;
        let text = text_of(&html);
        assert!(
            text.contains("Planned to open at 8:10pm and close at 8:21pm on 7 December 2026"),
            "{text}"
        );
        let r = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/publish"),
            Some(&officer),
            None,
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let page = text_of(&s.html(&format!("/discussions/{id}")).await);
        assert!(
            page.contains("on 7 December 2026 from 8:10pm to 8:21pm"),
            "{page}"
        );
        assert!(!page.contains("from 7 December 2026"), "{page}");
        let ar = text_of(&s.html(&format!("/discussions/{id}?lang=ar")).await);
        assert!(
            ar.contains("في 7 ديسمبر 2026 من 8:10 مساءً إلى 8:21 مساءً"),
            "{ar}"
        );
    }
}

#[tokio::test]
async fn languages_are_named_in_the_readers_language() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = draft(&s, &officer, "2020-01-01T09:00Z", "2099-01-01T09:00Z").await;
        let manage = format!("/staff/discussions/{id}");
        let (_, ar) = s.page(&format!("{manage}?lang=ar"), &officer.0).await;
        let text = text_of(&ar);
        assert!(text.contains("الإنجليزية"), "{text}");
        let (_, en) = s.page(&manage, &officer.0).await;
        let text = text_of(&en);
        assert!(text.contains("Arabic"), "{text}");

        // The page that translates it, titled in the reader's words.
        let (_, ar) = s
            .page(&format!("{manage}/translations/ar?lang=ar"), &officer.0)
            .await;
        let text = text_of(&ar);
        assert!(text.contains("ترجم إلى العربية"), "{text}");
        let (_, en) = s
            .page(&format!("{manage}/translations/ar"), &officer.0)
            .await;
        assert!(text_of(&en).contains("Translate into Arabic"));

        // The word lists, by language.
        let grace = sign_in(&s, "grace@brightwater.example").await;
        let (status, ar) = s.page("/moderation/words?lang=ar", &grace.0).await;
        assert_eq!(status, 200);
        let text = text_of(&ar);
        assert!(text.contains("المدخلات بـالإنجليزية"), "{text}");
        assert!(!text.contains("بـEnglish"), "{text}");
    }
}
