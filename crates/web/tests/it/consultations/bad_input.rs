//! Bad input to the staff forms and the survey: a clear 4xx, nothing
//! saved.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use super::{
    add_question, build_survey, consultation_count, create, details, publish, OFFICER, OPEN_FROM,
    OPEN_UNTIL, TOM,
};
use crate::support::servers_with_people;

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = consultation_count(&s).await;
        let res = s
            .post("/staff/consultations/new", &officer, &details("")[1..])
            .await;
        assert_eq!(res.status(), 403, "no token");
        let res = s
            .post("/staff/consultations/new", &officer, &details("forged"))
            .await;
        assert_eq!(res.status(), 403, "a forged token");

        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Parks after dark"),
                    ("summary", "Lighting and safety in parks."),
                    ("opens_at", "31/01/2027"),
                    ("closes_at", "2027-02-30T10:00"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#opens_at\"") && html.contains("href=\"#closes_at\""));
        assert!(
            html.contains(
                "Enter when it opens as a real date and time, for example 2027-02-04T17:00"
            ) && html.contains(
                "Enter when it closes as a real date and time, for example 2027-02-04T17:00"
            ),
            "each date's message names it"
        );
        assert!(html.contains("31/01/2027"), "what was typed is kept");
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", ""),
                    ("summary", "Lighting and safety in parks."),
                    ("opens_at", "2027-02-01T10:00"),
                    ("closes_at", "2027-01-01T10:00"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#title\"") && html.contains("href=\"#closes_at\""));
        assert!(html.contains("The closing date must be after the opening date"));
        assert!(
            html.contains("Enter a title") && !html.contains("Answer the question"),
            "the message names the field"
        );
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Parks after dark"),
                    ("summary", "Lighting."),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", OPEN_UNTIL),
                    ("allow_anonymous", "perhaps"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");

        // Residents cannot use the staff pages, whatever they post.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page("/staff/consultations/new", &tom).await.0, 403);
        let res = s
            .post("/staff/consultations/new", &tom, &details(&tom_csrf))
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");
        let res = s
            .post("/staff/consultations/new", "", &details("")[1..])
            .await;
        assert!(
            matches!(res.status().as_u16(), 303 | 401 | 403),
            "signed out: {}",
            res.status()
        );

        // A consultation to poke at.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Parks after dark",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        build_survey(&s, &officer, &csrf, &id).await;
        for (path, fields) in [
            (
                format!("/staff/consultations/{id}/publication"),
                vec![("what", "consultation"), ("publish", "yes")],
            ),
            (
                format!("/staff/consultations/{id}/questions/new"),
                vec![("kind", "short_text"), ("text", "Hi")],
            ),
            (
                format!("/staff/consultations/{id}/stages/new"),
                vec![("name", "Done"), ("state", "current"), ("link", "none")],
            ),
            (
                format!("/staff/consultations/{id}/questions/q1/remove"),
                vec![],
            ),
            (
                format!("/staff/consultations/{id}/edit"),
                vec![
                    ("title", "Mine now"),
                    ("summary", "x"),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", OPEN_UNTIL),
                ],
            ),
        ] {
            let mut with_token = vec![("csrf", tom_csrf.as_str())];
            with_token.extend(fields);
            let res = s.post(&path, &tom, &with_token).await;
            assert_eq!(res.status(), 403, "a resident posting to {path}");
        }
        for path in [
            format!("/staff/consultations/{id}"),
            format!("/staff/consultations/{id}/edit"),
            format!("/staff/consultations/{id}/analysis"),
        ] {
            assert_eq!(s.page(&path, &tom).await.0, 403, "{path}");
        }
        assert_eq!(
            s.page(&format!("/consultations/{id}"), "").await.0,
            404,
            "still a draft"
        );
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(!html.contains("Mine now") && !html.contains(">Done<"));
        // The officer's own mistakes: a publication that is neither.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[("csrf", &csrf), ("what", "everything"), ("publish", "yes")],
            )
            .await;
        assert_eq!(res.status(), 422);

        // Questions the builder refuses.
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "2"),
                ("kind", "demographic"),
                ("demographic", "religion"),
                ("text", "What is your religion?"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "special category without a purpose");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Say why you ask this question"));
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "short_text"),
                ("text", "Where was that?"),
                ("show_if_question", "q3"),
                ("show_if_options", "1"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "routing on a later, written answer");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Choose the question this rule depends on"));
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "2"),
                ("kind", "short_text"),
                ("text", "Where was that?"),
                ("show_if_question", "q1"),
                ("show_if_options", "9"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "routing on an option q1 lacks");
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "7"),
                ("kind", "sonnet"),
                ("text", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            !html.contains("What is your religion?") && !html.contains("Where was that?"),
            "no refused question was saved"
        );
        let res = s
            .post(
                &format!("/staff/consultations/{id}/stages/new"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("name", "Report"),
                    ("date", "someday"),
                    ("state", "soon"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        publish(&s, &officer, &csrf, &id, "consultation").await;

        // Ids and page numbers that name nothing.
        let forged = uuid::Uuid::now_v7();
        for path in [
            format!("/consultations/{forged}"),
            "/consultations/not-an-id".to_owned(),
            "/consultations/not-an-id/respond/1".to_owned(),
            format!("/consultations/{forged}/respond"),
            format!("/consultations/{forged}/respond/1"),
            format!("/consultations/{forged}/results"),
            format!("/consultations/{id}/respond/0"),
            format!("/consultations/{id}/respond/3"),
            format!("/consultations/{id}/respond/99999999999999999999"),
            format!("/consultations/{id}/respond/two"),
            format!("/consultations/{id}/respond/-1"),
            format!("/consultations/{id}/respond/done"),
        ] {
            assert_eq!(s.page(&path, "").await.0, 404, "{path}");
        }
        for path in [
            format!("/staff/consultations/{forged}"),
            "/staff/consultations/not-an-id".to_owned(),
            format!("/staff/consultations/{forged}/edit"),
            format!("/staff/consultations/{forged}/questions/new"),
            format!("/staff/consultations/{id}/questions/q99/remove"),
            format!("/staff/consultations/{id}/stages/9/remove"),
            format!("/staff/consultations/{id}/stages/x/remove"),
        ] {
            assert_eq!(s.page(&path, &officer).await.0, 404, "{path}");
        }
        let res = s
            .post(
                &format!("/staff/consultations/{forged}/publication"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("what", "consultation"),
                    ("publish", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = add_question(
            &s,
            &officer,
            "not-an-id",
            &[("csrf", &csrf), ("kind", "short_text"), ("text", "Hi")],
        )
        .await;
        assert_eq!(res.status(), 404);
        assert_eq!(
            s.page(
                &format!("/staff/consultations/{id}/analysis?rows=q9&columns=q1"),
                &officer
            )
            .await
            .0 / 100,
            4,
            "a crosstab of a question that does not exist"
        );

        // Survey forms: bad bytes, the wrong page, no token.
        let respond = format!("/consultations/{id}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        let respondent = http::cookie_set_by(&res, "cohesion_respondent").unwrap();
        let csrf_cookie = http::cookie_set_by(&res, "cohesion_csrf").unwrap();
        let token = http::hidden_csrf(&res.text().await.unwrap());
        let anon = format!("cohesion_respondent={respondent}; cohesion_csrf={csrf_cookie}");
        let res = s
            .client
            .post(s.url(&format!("{respond}/1")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &anon)
            .body(format!("csrf={token}&q1=0&q2=%C3%28").into_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "percent-encoded invalid UTF-8");
        let mut body = format!("csrf={token}&q1=0&q3=").into_bytes();
        body.extend_from_slice(b"caf\xE9");
        let res = s
            .client
            .post(s.url(&format!("{respond}/1")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &anon)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "raw invalid UTF-8");
        for page in ["0", "3", "two"] {
            let res = s
                .post(
                    &format!("{respond}/{page}"),
                    &anon,
                    &[("csrf", &token), ("q1", "0")],
                )
                .await;
            assert_eq!(res.status(), 404, "page {page}");
        }
        let res = s.post(&format!("{respond}/1"), &anon, &[("q1", "0")]).await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                &format!("{respond}/1"),
                &anon,
                &[("csrf", "0".repeat(64).as_str()), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &anon)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "nothing was saved");
        let res = s
            .post(&format!("{respond}/submit"), &anon, &[("csrf", &token)])
            .await;
        assert!(
            res.status().is_client_error(),
            "nothing to submit: {}",
            res.status()
        );
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("Nobody has responded yet"));

        // Upcoming consultations take no responses yet.
        let later = create(
            &s,
            &officer,
            &csrf,
            "Next year's plans",
            ("2098-01-01T09:00", OPEN_UNTIL),
            "yes",
        )
        .await;
        build_survey(&s, &officer, &csrf, &later).await;
        publish(&s, &officer, &csrf, &later, "consultation").await;
        let respond = format!("/consultations/{later}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        assert_eq!(res.status(), 409);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("This consultation is not open yet"));
        assert_eq!(s.page(&respond, "").await.0, 409);
        let res = s
            .post(
                &format!("{respond}/1"),
                &anon,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let (_, html) = s.page(&format!("/consultations/{later}"), "").await;
        assert!(html.contains("This consultation is not open yet"));
    }
}
