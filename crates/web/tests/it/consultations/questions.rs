//! Officers changing questions, and choosing what results to publish.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{location, published, question_ids, TOM};
use crate::support::servers_with_people;

/// Officers change and reorder questions until someone answers, and
/// choose which questions' results the public sees, through the pages
/// and the API; every refusal says why and changes nothing.
#[tokio::test]
async fn officers_edit_questions_and_choose_what_results_to_publish() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let edit = |q: &str| format!("/staff/consultations/{id}/questions/{q}/edit");
        let (status, html) = s.page(&edit("q2"), &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("Brightwater is a place where people get on well."));
        assert!(
            html.contains(r#"value="after:q1" checked"#),
            "where it is, after q1, is chosen: {html}"
        );
        let (_, manage) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            manage.contains(&edit("q2")),
            "the question links to its form"
        );

        // An Arabic translation of q2, made before it is reworded.
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let res = s
            .post(
                &translations,
                &officer,
                &[("csrf", csrf.as_str()), ("q2.text", "الناس هنا متفاهمون.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&translations, &officer).await;
        assert!(!html.contains("The original has changed"));

        // Reworded and moved first on its page: same id, new place.
        let pairs = [
            ("csrf", csrf.as_str()),
            ("page", "1"),
            ("position", "1"),
            ("kind", "agreement"),
            ("text", "People in Brightwater get on well."),
            ("required", "no"),
        ];
        let res = s.post(&edit("q2"), &officer, &pairs).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-changed"));
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);
        let (_, manage) = s
            .page(
                &format!("/staff/consultations/{id}?done=question-changed"),
                &officer,
            )
            .await;
        assert!(manage.contains("People in Brightwater get on well."));
        assert!(manage.contains("The question was changed."));
        // The translation was of the old wording: flagged, and not shown.
        let (_, html) = s.page(&translations, &officer).await;
        assert!(html.contains("The original has changed"), "{html}");
        assert!(
            html.contains("الناس هنا متفاهمون."),
            "kept for the officer to check"
        );

        // q1 after q3, which is shown only after q1: a dead end, refused.
        let q1 = [
            ("csrf", csrf.as_str()),
            ("page", "2"),
            ("position", ""),
            ("kind", "single_choice"),
            ("text", "Have you seen hate incidents locally?"),
            ("required", "yes"),
            ("options", "Yes\nNo"),
        ];
        let res = s.post(&edit("q1"), &officer, &q1).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"), "{html}");
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);
        let mut bad = q1;
        bad[1].1 = "1";
        bad[2].1 = "0";
        let res = s.post(&edit("q1"), &officer, &bad).await;
        assert_eq!(res.status(), 422, "a place of 0");
        assert_eq!(s.post(&edit("q9"), &officer, &bad).await.status(), 404);
        assert_eq!(s.page(&edit("q9"), &officer).await.0, 404);
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&edit("q1"), &tom).await.0, 403);
        let mut forged = q1;
        forged[0].1 = &tom_csrf;
        assert_eq!(s.post(&edit("q1"), &tom, &forged).await.status(), 403);

        // Once someone has answered, the survey stays as it is.
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        bad[2].1 = "1";
        let res = s.post(&edit("q1"), &officer, &bad).await;
        assert_eq!(res.status(), 422, "locked");
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);

        // Publishing results: a form, every publishable question ticked.
        let publish = format!("/staff/consultations/{id}/results/publish");
        let (status, html) = s.page(&publish, &officer).await;
        assert_eq!(status, 200);
        for q in ["q1", "q2", "q3"] {
            assert!(
                html.contains(&format!(r#"value="{q}" checked"#)),
                "{q} ticked"
            );
        }
        let res = s
            .post(&publish, &officer, &[("csrf", &csrf), ("margins", "")])
            .await;
        assert_eq!(res.status(), 422, "nothing ticked");
        assert!(res.text().await.unwrap().contains("govuk-error-summary"));
        let res = s
            .post(&publish, &officer, &[("csrf", &csrf), ("questions", "q9")])
            .await;
        assert_eq!(res.status(), 422, "a forged question");
        let results = format!("/consultations/{id}/results");
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(
            html.contains("Results are not published yet") && !html.contains("<table"),
            "still unpublished"
        );
        let res = s
            .post(
                &publish,
                &officer,
                &[("csrf", &csrf), ("questions", "q2"), ("margins", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(html.contains("People in Brightwater get on well."));
        assert!(
            !html.contains("Have you seen hate incidents locally?"),
            "q1 not chosen"
        );

        // The same through the API: a question list, then margins that
        // cannot be used (refused, nothing changes), then none at all.
        let api = s.url(&format!("/api/v1/consultations/{id}/results/publication"));
        let put = |body: Option<serde_json::Value>| {
            let rb = s
                .client
                .put(&api)
                .header("cookie", &officer)
                .header("x-csrf-token", &csrf);
            match body {
                Some(b) => rb.json(&b),
                None => rb,
            }
        };
        let res = put(Some(
            serde_json::json!({"questions": ["q1"], "margins": "q9: 50, 50"}),
        ))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "unknown_question", "{problem}");
        let res = put(Some(
            serde_json::json!({"questions": ["q1"], "colour": "red"}),
        ))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 422, "unknown fields are refused");
        let json_results = s.url(&format!("/api/v1/consultations/{id}/results"));
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<&str> = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["q2"]);
        let res = put(Some(serde_json::json!({"questions": ["q1"]})))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<&str> = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["q1"]);
        assert!(body["weighted"].is_null());
        let res = put(None).send().await.unwrap();
        assert_eq!(res.status(), 204, "no body: everything");
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["questions"].as_array().unwrap().len(), 3);
    }
}
