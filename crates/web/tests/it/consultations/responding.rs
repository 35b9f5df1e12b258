//! Responding page by page: residents, and anonymous visitors where
//! the consultation allows them.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use super::{
    add_question, add_stage, build_survey, create, location, publish, published, OFFICER,
    OPEN_FROM, OPEN_UNTIL, TOM,
};
use crate::support::servers_with_people;

#[tokio::test]
async fn an_officer_publishes_and_a_resident_responds_page_by_page() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, html) = s.page("/staff/consultations/new", &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("name=\"opens_at\"") && html.contains("name=\"csrf\""));
        let id = create(
            &s,
            &officer,
            &csrf,
            "Safer streets in Harbourside",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;

        // A draft is the staff's alone.
        assert_eq!(s.page(&format!("/consultations/{id}"), "").await.0, 404);
        assert!(!s.page("/consultations", "").await.1.contains("Harbourside"));

        build_survey(&s, &officer, &csrf, &id).await;
        add_stage(&s, &officer, &csrf, &id).await;
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert_eq!(status, 200);
        for text in [
            "Have you seen hate incidents locally?",
            "What happened?",
            "Survey open",
            "/questions/new",
        ] {
            assert!(html.contains(text), "the builder shows {text}");
        }
        publish(&s, &officer, &csrf, &id, "consultation").await;

        let (status, html) = s.page("/consultations", "").await;
        assert_eq!(status, 200);
        assert!(html.contains("Safer streets in Harbourside"));
        assert!(html.contains(&format!("/consultations/{id}")));
        let (status, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert_eq!(status, 200);
        for text in [
            "Safer streets in Harbourside",
            "<strong>read every answer</strong>",
            "Survey open",
            "Nobody has responded yet",
            "/sign-in?next=/consultations/",
        ] {
            assert!(html.contains(text), "the public page shows {text}");
        }

        // A resident responds.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .client
            .get(s.url(&respond))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/1"));
        let (status, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Have you seen hate incidents locally?"));
        assert!(html.contains("Strongly agree"));
        assert!(!html.contains("What happened?"), "q3 is on page 2");
        assert_eq!(http::hidden_csrf(&html), tom_csrf);

        // A missing required answer.
        let res = s
            .post(&format!("{respond}/1"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary") && html.contains("There is a problem"));
        // Each line of the summary names its question and links to it.
        assert!(html.contains(
            "<a href=\"#q1\"><bdi lang=\"en\">Have you seen hate incidents locally?</bdi> Choose an option"
        ));
        // Never the general "Answer the question": what to do for its kind.
        assert!(!html.contains("Answer the question"));
        let res = s
            .post(
                &format!("{respond}/1"),
                &format!("{tom}; cohesion_lang=ar"),
                &[("csrf", &tom_csrf)],
            )
            .await;
        let html = res.text().await.unwrap();
        assert!(html.contains("اختر خيارًا") && !html.contains("أجب عن السؤال"));
        // A field that is no question of this survey.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1"), ("zz", "1")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("<a href=\"#main-content\">This question is not part of the survey"));
        // An option the question does not have.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "7")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "nothing was saved");
        assert_eq!(location(&res), format!("{respond}/1"));

        // "No" skips page 2.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1"), ("q2", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));
        let res = s
            .client
            .get(s.url(&format!("{respond}/2")))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "routing skips page 2");
        assert_eq!(location(&res), format!("{respond}/check"));
        // Answers to the hidden question are refused.
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", "Someone shouted at me")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"));
        assert!(html.contains("This question does not apply to your earlier answers"));
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert!(!html.contains("Someone shouted at me"), "nothing was saved");

        // "Yes" brings page 2 in.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "0"), ("q2", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/2"));
        // Sending before answering page 2: the summary links to it.
        let (status, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Not answered"));
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains(&format!(
            "<a href=\"{respond}/2?return=check#q3\"><bdi lang=\"en\">What happened?</bdi> Enter your answer"
        )));
        assert_eq!(s.page(&format!("{respond}/done"), &tom).await.0, 404);
        let (status, html) = s.page(&format!("{respond}/2"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("What happened?") && html.contains("Page 2 of 2"));
        let res = s
            .post(&format!("{respond}/2"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422, "q3 is required when shown");
        // Longer than the question allows, then larger than any request.
        let long = "x".repeat(501);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", &long)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let huge = "y".repeat(300_000);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", &huge)],
            )
            .await;
        assert_eq!(res.status(), 413);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[
                    ("csrf", &tom_csrf),
                    ("q3", "Graffiti on the community centre"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));

        let (status, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert_eq!(status, 200);
        for text in [
            "Have you seen hate incidents locally?",
            "Yes",
            "Agree",
            "Graffiti on the community centre",
            &format!("{respond}/submit"),
        ] {
            assert!(html.contains(text), "check your answers shows {text}");
        }
        assert!(!html.contains(&long) && !html.contains("yyyy"));
        let res = s.post(&format!("{respond}/submit"), &tom, &[]).await;
        assert_eq!(res.status(), 403, "no token, no submission");
        assert_eq!(s.page(&format!("{respond}/done"), &tom).await.0, 404);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/done"));
        let (status, html) = s.page(&format!("{respond}/done"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Your reference"));
        let open = "<strong dir=\"ltr\" class=\"app-reference\">";
        let start = html.find(open).unwrap() + open.len();
        let reference = &html[start..start + 9];
        assert!(
            reference.len() == 9
                && reference.as_bytes()[4] == b'-'
                && reference
                    .chars()
                    .all(|c| c == '-' || c.is_ascii_uppercase() || c.is_ascii_digit()),
            "{reference}"
        );

        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("1 person has responded"));
        let (_, html) = s.page(&format!("/consultations/{id}"), &tom).await;
        assert!(html.contains("Check or change your response"));

        // Changing the response keeps one response and the reference.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert!(
            !html.contains("Graffiti"),
            "the follow-up no longer applies"
        );
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{respond}/done"), &tom).await;
        assert!(html.contains(reference), "the same reference");
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("1 person has responded"));

        // Once people have responded the survey is locked.
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            html.contains("People have responded") && !html.contains("/questions/new"),
            "the builder says the survey is locked"
        );
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "short_text"),
                ("text", "Anything else?"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("People have responded, so the survey can no longer change"));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q3/remove"),
                &officer,
                &[("csrf", &csrf)],
            )
            .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(html.contains("What happened?") && !html.contains("Anything else?"));

        // Closing ends changes: the officer moves the dates into the past.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Safer streets in Harbourside"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("opens_at", "2020-01-01T09:00"),
                    ("closes_at", "2020-02-01T09:00"),
                    ("allow_anonymous", "no"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert_eq!(status, 409);
        assert!(html.contains("This consultation has closed"));
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 409);
        let (_, html) = s.page(&format!("/consultations/{id}"), &tom).await;
        assert!(html.contains("This consultation has closed"));
    }
}

#[tokio::test]
async fn anonymous_visitors_respond_only_where_allowed() {
    for s in servers_with_people().await {
        let (_, _, open_id) = published(&s, "yes").await;
        let respond = format!("/consultations/{open_id}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        assert_eq!(res.status(), 200);
        let respondent =
            http::cookie_set_by(&res, "cohesion_respondent").expect("a respondent cookie");
        let csrf_cookie = http::cookie_set_by(&res, "cohesion_csrf").expect("a form cookie");
        let html = res.text().await.unwrap();
        let token = http::hidden_csrf(&html);
        let cookie = format!("cohesion_respondent={respondent}; cohesion_csrf={csrf_cookie}");

        let res = s
            .post(
                &format!("{respond}/1"),
                &format!("cohesion_csrf={csrf_cookie}"),
                &[("csrf", &token), ("q1", "1")],
            )
            .await;
        assert!(res.status() == 303, "{}", res.status());
        // That post had no respondent cookie: it was given one. Ours is
        // the first one, which has nothing yet.
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/1"));

        let res = s
            .post(&format!("{respond}/1"), &cookie, &[("q1", "0")])
            .await;
        assert_eq!(res.status(), 403, "no token");
        let res = s
            .post(
                &format!("{respond}/1"),
                &cookie,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/2"));
        let (status, html) = s.page(&format!("{respond}/2"), &cookie).await;
        assert_eq!(status, 200, "the cookie carries the answers between pages");
        assert!(html.contains("What happened?"));
        let res = s
            .post(
                &format!("{respond}/2"),
                &cookie,
                &[("csrf", &token), ("q3", "Stickers at the bus stop")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/check"));
        let (status, html) = s.page(&format!("{respond}/check"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Stickers at the bus stop"));
        // Another visitor sees none of it.
        let (_, html) = s
            .page(
                &format!("{respond}/check"),
                "cohesion_respondent=someone-else",
            )
            .await;
        assert!(!html.contains("Stickers at the bus stop"));
        let res = s
            .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
            .await;
        assert_eq!(location(&res), format!("{respond}/done"));
        let (status, html) = s.page(&format!("{respond}/done"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Your reference"));
        let (_, html) = s.page(&format!("/consultations/{open_id}"), "").await;
        assert!(
            html.contains("1 person has responded"),
            "a draft does not count"
        );

        // Where an account is needed, visitors are sent to sign in.
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let closed_id = create(
            &s,
            &officer,
            &csrf,
            "Members only",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;
        build_survey(&s, &officer, &csrf, &closed_id).await;
        publish(&s, &officer, &csrf, &closed_id, "consultation").await;
        let respond = format!("/consultations/{closed_id}/respond");
        let next = format!("/sign-in?next={respond}");
        for path in [
            respond.clone(),
            format!("{respond}/1"),
            format!("{respond}/check"),
        ] {
            let res = s.get(&path).await;
            assert_eq!(res.status(), 303, "{path}");
            assert_eq!(location(&res), next, "{path}");
        }
        let res = s
            .post(
                &format!("{respond}/1"),
                &cookie,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), next);
        let (_, html) = s.page(&format!("/consultations/{closed_id}"), "").await;
        assert!(html.contains("Nobody has responded yet"));
    }
}
