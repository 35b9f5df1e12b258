//! An answer option given twice is refused, quoted in the message, by
//! the builder's forms and the API alike (the survey's own check says
//! it, so they agree); blank lines between options are still dropped.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::details_problems::words;
use super::{add_question, build_survey, create, question_ids, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::servers_with_people;

#[tokio::test]
async fn the_builder_refuses_an_option_given_twice_and_says_which() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let window = (OPEN_FROM, OPEN_UNTIL);
        let id = create(&s, &officer, &csrf, "How often", window, "no").await;
        build_survey(&s, &officer, &csrf, &id).await;
        let before = question_ids(&s, &id).await;
        let question = |options: &'static str, kind: &'static str| {
            vec![
                ("csrf", csrf.clone()),
                ("kind", kind.to_owned()),
                ("text", "كم مرة تمشي في الحديقة ليلًا؟".to_owned()),
                ("options", options.to_owned()),
            ]
        };
        let twice = "كثيرًا\nقليلًا\n\nكثيرًا";
        for (lang, said) in [
            (
                "en",
                "Each answer option must be different: “كثيرًا” is given twice",
            ),
            (
                "ar",
                "يجب أن يختلف كل خيار إجابة عن غيره: «كثيرًا» مذكور مرتين",
            ),
        ] {
            let fields = question(twice, "single_choice");
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = s
                .post(
                    &format!("/staff/consultations/{id}/questions/new?lang={lang}"),
                    &officer,
                    &fields,
                )
                .await;
            assert_eq!(res.status(), 422, "{lang}");
            let html = res.text().await.unwrap();
            let text = words(&html);
            assert!(text.contains(said), "{lang}: {text}");
            assert!(html.contains("href=\"#options\""), "linked to the options");
            assert!(html.contains("قليلًا"), "what was typed is kept");
        }
        // A matrix's rows, in the words for rows.
        let fields = question("Day\nNight\nday ", "matrix");
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = add_question(&s, &officer, &id, &fields).await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("Each row must be different: “day” is given twice"),
            "{text}"
        );
        assert_eq!(question_ids(&s, &id).await, before, "nothing was added");

        // Changing a question's options so that two are alike.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q1/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("kind", "single_choice"),
                    ("text", "Have you seen hate incidents locally?"),
                    ("required", "yes"),
                    ("options", "Yes\nNo\n YES"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("Each answer option must be different: “YES” is given twice"),
            "{text}"
        );

        // Different options, blank lines between them, are fine.
        let fields = question("كثيرًا\n\nقليلًا", "single_choice");
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(add_question(&s, &officer, &id, &fields).await.status(), 303);
    }
}

#[tokio::test]
async fn the_api_refuses_an_option_given_twice_at_its_place() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let window = (OPEN_FROM, OPEN_UNTIL);
        let id = create(&s, &officer, &csrf, "How often", window, "no").await;
        let survey = serde_json::json!({"pages": [{"title": "", "questions": [
            {"id": "q1", "type": "single_choice", "text": "How often?",
             "options": ["كثيرًا", "قليلًا", "كثيرًا"]}
        ]}]});
        let res = s
            .client
            .put(s.url(&format!("/api/v1/consultations/{id}/survey")))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&survey)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "invalid_survey");
        let problem = &body["errors"][0];
        assert_eq!(problem["code"], "duplicate_label", "{body}");
        assert_eq!(problem["pointer"], "/pages/0/questions/0/options/2");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("repeats an earlier item"),
            "{body}"
        );
        assert!(question_ids(&s, &id).await.is_empty(), "nothing was saved");
    }
}
