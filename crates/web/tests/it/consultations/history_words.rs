//! A consultation's History in words a newcomer reads without a guess:
//! which stage of the timeline changed and how, which language a
//! translation saved and how many texts it has; an analyst's looks at
//! special-category answers are left to the administrators' audit log
//! (ADR 7), not piled into the History. The links of the officers'
//! summary read as sentences to those who hear them out of context.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::api_history::{change, history_rows};
use super::{demo_consultation, published, ANALYST, OFFICER};
use crate::support::{servers_with_people, text_of};

const NADIA: &str = "nadia@brightwater.example";
const LOOKED: &str = "Looked at answers holding special-category data";

#[tokio::test]
async fn looks_at_special_category_answers_stay_out_of_the_history() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        // The demo's q9 asks about religion: a crosstab by it is logged.
        let (status, _) = s
            .page(
                &format!("/staff/consultations/{id}/analysis?rows=q1&columns=q9"),
                &li,
            )
            .await;
        assert_eq!(status, 200);

        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let (_, html) = s.page(&format!("/admin/audit?subject={id}"), &admin).await;
        assert!(text_of(&html).contains(LOOKED), "kept in the audit log");

        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(html.contains(">History</caption>") || html.contains("Nothing has been recorded"));
        assert!(!text_of(&html).contains(LOOKED), "left out of the History");
    }
}

#[tokio::test]
async fn the_history_says_which_stage_changed_and_what_a_translation_saved() {
    for s in servers_with_people().await {
        // Published with one stage, "Survey open".
        let (officer, csrf, id) = published(&s, "no").await;
        let form = format!("/staff/consultations/{id}/stages/new");
        let fields = [
            ("csrf", csrf.as_str()),
            ("name", "Report"),
            ("date", "2099-01-01"),
        ];
        assert_eq!(s.post(&form, &officer, &fields).await.status(), 303);

        // Through the API, the first stage's date and description.
        let api = format!("/api/v1/consultations/{id}");
        let json: serde_json::Value = s.get(&api).await.json().await.unwrap();
        let mut stages = json["stages"].clone();
        stages[0]["date"] = "2020-01-02".into();
        stages[0]["description"] = "Tell us.".into();
        let res = s
            .client
            .put(s.url(&format!("{api}/stages")))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&stages)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);

        // A translation of two texts.
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let res = s
            .post(
                &translations,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("title", "شوارع أكثر أمانًا"),
                    ("summary", "ملخص"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        let manage = format!("/staff/consultations/{id}");
        let (_, html) = s.page(&manage, &officer).await;
        let rows = history_rows(&html, "History");
        let said: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
        assert!(
            said.contains(&"Added the stage “Report” to the timeline"),
            "{said:?}"
        );
        assert!(
            said.contains(&"Changed the stage “Survey open”: date, description"),
            "{said:?}"
        );
        assert!(!said.contains(&"Changed the timeline"), "{said:?}");
        let saved = said
            .iter()
            .find(|w| w.starts_with("Saved the translation into Arabic: 2 of "))
            .unwrap_or_else(|| panic!("{said:?}"));
        assert!(saved.ends_with(" texts"), "{saved}");
        assert!(!said.contains(&"Saved a translation"));
        // The language named in the page's language, marked so.
        assert!(
            html.contains("Saved the translation into <bdi lang=\"en\">Arabic</bdi>"),
            "{html}"
        );

        // The summary's links, heard alone, are sentences.
        assert!(html.contains(
            "Change details<span class=\"govuk-visually-hidden\"> of the consultation</span>"
        ));
        assert!(html.contains(
            "Translate<span class=\"govuk-visually-hidden\"> into <bdi lang=\"en\">Arabic</bdi>"
        ));
        assert!(!html.contains("– <bdi>Translation:"), "{html}");

        // In Arabic.
        let (_, html) = s
            .page(&manage, &format!("{officer}; cohesion_lang=ar"))
            .await;
        let arabic = history_rows(&html, "السجل");
        assert_eq!(
            change(&arabic, "أضاف المرحلة «Report» إلى الجدول الزمني"),
            ("", "")
        );
        assert!(
            arabic
                .iter()
                .any(|r| r[2] == "غيّر المرحلة «Survey open»: التاريخ، الوصف"),
            "{arabic:?}"
        );
        assert!(arabic
            .iter()
            .any(|r| r[2].starts_with("حفظ الترجمة إلى العربية: 2 من ")));
    }
}
