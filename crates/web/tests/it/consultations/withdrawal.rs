//! Withdrawing a consultation or its results and removing a finding ask
//! first (ADR 22); a withdrawn consultation's address answers 410 with
//! when; results not yet published say so; only an open consultation
//! offers its survey.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::consultations::catalogue;

use super::{
    add_stage, build_survey, create, demo_consultation, publish, published, OFFICER, OPEN_FROM,
};
use crate::support::{servers_with_people, text_of, Server};

/// The words of a page, without the isolation marks Fluent puts around
/// what it places.
fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

async fn audited(s: &Server, action: &str, subject: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some(action),
        subject: Some(subject.parse().unwrap()),
        limit: 100,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap().len()
}

async fn stored(s: &Server, id: &str) -> cohesion_domain::consultation::Consultation {
    let mut c = s.db().acquire().await.unwrap();
    catalogue::find(c.conn(), id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .0
}

#[tokio::test]
async fn withdrawing_a_consultation_asks_keeps_its_responses_and_its_address_says_gone() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let count = stored(&s, &id).await.response_count;
        assert!(count > 1);
        let path = format!("/staff/consultations/{id}/publication");
        let manage = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        assert!(manage.contains(&format!("method=\"get\" action=\"{path}\"")));

        let ask = format!("{path}?what=consultation&publish=no");
        let (status, html) = s.page(&ask, &officer).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Withdraw Safer streets"), "{text}");
        assert!(
            text.contains(&format!("The {count} responses it has are kept")),
            "{text}"
        );
        assert!(text.contains("Yes, withdraw the consultation") && text.contains("Cancel"));
        // Switching language keeps the question asked, in the header's link.
        assert!(
            html.contains("?what=consultation&#38;publish=no&#38;lang=ar\""),
            "{html}"
        );
        let arabic = words(&s.page(&format!("{ask}&lang=ar"), &officer).await.1);
        assert!(arabic.contains("نعم، اسحب الاستشارة"));

        let unconfirmed = [
            ("csrf", csrf.as_str()),
            ("what", "consultation"),
            ("publish", "no"),
        ];
        assert_eq!(s.post(&path, &officer, &unconfirmed).await.status(), 200);
        assert!(
            stored(&s, &id).await.published_at.is_some(),
            "not withdrawn"
        );
        assert_eq!(s.page(&format!("/consultations/{id}"), "").await.0, 200);

        let mut confirmed = unconfirmed.to_vec();
        confirmed.push(("confirm", "yes"));
        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 303);
        let after = stored(&s, &id).await;
        assert!(after.published_at.is_none() && after.withdrawn_at.is_some());
        assert_eq!(after.response_count, count, "every response kept");

        // Its public address: 410, saying when, and where to go instead.
        let (status, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert_eq!(status, 410);
        let text = words(&html);
        assert!(
            text.contains("This consultation has been withdrawn"),
            "{text}"
        );
        assert!(text.contains("It was withdrawn on"));
        assert!(html.contains("<time datetime=\""));
        assert!(html.contains("href=\"/consultations\""));
        let (status, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert_eq!(status, 410);
        assert!(words(&html).contains("سُحبت هذه الاستشارة"));
        let res = s.get(&format!("/api/v1/consultations/{id}")).await;
        assert_eq!(res.status(), 410);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["code"], "consultation_withdrawn");
        // Its results too are gone, not unknown, on the page and the API.
        let (status, _) = s.page(&format!("/consultations/{id}/results"), "").await;
        assert_eq!(status, 410);
        let res = s.get(&format!("/api/v1/consultations/{id}/results")).await;
        assert_eq!(res.status(), 410);
        // Its officers' page says its current stages stopped, not "Now".
        let manage = words(
            &s.page(&format!("/staff/consultations/{id}"), &officer)
                .await
                .1,
        );
        assert!(
            manage.contains("Stopped when the consultation was withdrawn"),
            "{manage}"
        );
        assert!(!manage.contains("Now (from the dates)"), "{manage}");
        // Staff still see it, to publish it again.
        assert_eq!(
            s.page(&format!("/consultations/{id}"), &officer).await.0,
            200
        );

        // Sent again: 409, said plainly, nothing more logged.
        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 409);
        assert!(words(&res.text().await.unwrap()).contains("nothing to withdraw"));
        assert_eq!(s.page(&ask, &officer).await.0, 409);
        assert_eq!(audited(&s, "consultation.unpublish", &id).await, 1);

        // Published again, it is back; a forged id is not found.
        publish(&s, &officer, &csrf, &id, "consultation").await;
        assert_eq!(s.page(&format!("/consultations/{id}"), "").await.0, 200);
        assert!(stored(&s, &id).await.withdrawn_at.is_none());
        let forged = uuid::Uuid::now_v7();
        let res = s
            .post(
                &format!("/staff/consultations/{forged}/publication"),
                &officer,
                &confirmed,
            )
            .await;
        assert_eq!(res.status(), 404);
        // A residents may not even be asked.
        let (resident, _) = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&ask, &resident).await.0, 403);
    }
}

#[tokio::test]
async fn a_draft_never_published_is_still_not_found() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(
            &s,
            &officer,
            &csrf,
            "Quiet draft",
            (OPEN_FROM, "2099-01-01T09:00"),
            "no",
        )
        .await;
        assert_eq!(s.page(&format!("/consultations/{id}"), "").await.0, 404);
        let res = s.get(&format!("/api/v1/consultations/{id}")).await;
        assert_eq!(res.status(), 404);
        let ask = format!("/staff/consultations/{id}/publication?what=consultation&publish=no");
        assert_eq!(s.page(&ask, &officer).await.0, 409, "nothing to withdraw");
    }
}

#[tokio::test]
async fn withdrawing_results_asks_and_the_public_is_told_they_are_not_published_yet() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let results = format!("/consultations/{id}/results");
        let path = format!("/staff/consultations/{id}/publication");
        let ask = format!("{path}?what=results&publish=no");
        if stored(&s, &id).await.results_published_at.is_none() {
            assert_eq!(
                s.page(&ask, &officer).await.0,
                409,
                "nothing to withdraw yet"
            );
            publish(&s, &officer, &csrf, &id, "results").await;
        }
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(!words(&html).contains("Results are not published yet"));

        let text = words(&s.page(&ask, &officer).await.1);
        assert!(
            text.contains("Withdraw the results of Safer streets"),
            "{text}"
        );
        assert!(text.contains("responses are kept"));
        let unconfirmed = [
            ("csrf", csrf.as_str()),
            ("what", "results"),
            ("publish", "no"),
        ];
        assert_eq!(s.post(&path, &officer, &unconfirmed).await.status(), 200);
        assert!(stored(&s, &id).await.results_published_at.is_some());
        let mut confirmed = unconfirmed.to_vec();
        confirmed.push(("confirm", "yes"));
        assert_eq!(s.post(&path, &officer, &confirmed).await.status(), 303);

        // A resident following a link is told, not shown a 404.
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Results are not published yet"), "{text}");
        assert!(html.contains(&format!("href=\"/consultations/{id}\"")));
        let (_, arabic) = s.page(&format!("{results}?lang=ar"), "").await;
        assert!(words(&arabic).contains("لم تُنشر النتائج بعد"));

        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 409);
        assert_eq!(audited(&s, "consultation.results.withdraw", &id).await, 1);
    }
}

#[tokio::test]
async fn removing_a_finding_asks_and_a_second_removal_is_refused() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/new"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Lighting matters"),
                    ("question", "q1"),
                    ("options", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let finding = {
            let mut c = s.db().acquire().await.unwrap();
            cohesion_storage::consultations::findings::list(c.conn(), id.parse().unwrap(), true)
                .await
                .unwrap()[0]
                .id
        };
        let path = format!("/staff/consultations/{id}/findings/{finding}");
        let manage = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        assert!(manage.contains(&format!("method=\"get\" action=\"{path}\"")));

        let ask = format!("{path}?change=remove");
        let (status, html) = s.page(&ask, &officer).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(
            text.contains("Remove the finding Lighting matters?"),
            "{text}"
        );
        assert!(text.contains("It is a draft: it will be deleted."));
        assert!(text.contains("This cannot be undone."));

        let unconfirmed = [("csrf", csrf.as_str()), ("change", "remove")];
        assert_eq!(s.post(&path, &officer, &unconfirmed).await.status(), 200);
        let confirmed = [
            ("csrf", csrf.as_str()),
            ("change", "remove"),
            ("confirm", "yes"),
        ];
        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 303);
        assert_eq!(audited(&s, "finding.remove", &id).await, 1);

        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 409);
        assert!(words(&res.text().await.unwrap()).contains("already been removed"));
        assert_eq!(s.page(&ask, &officer).await.0, 409);
        assert_eq!(audited(&s, "finding.remove", &id).await, 1);
        let forged = uuid::Uuid::now_v7();
        let forged = format!("/staff/consultations/{id}/findings/{forged}");
        assert_eq!(s.post(&forged, &officer, &confirmed).await.status(), 404);
        assert_eq!(
            s.page(&format!("{forged}?change=remove"), &officer).await.0,
            404
        );
    }
}

#[tokio::test]
async fn only_an_open_consultation_offers_its_survey() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        for (title, dates) in [
            ("Closed one", ("2020-01-01T09:00", "2020-02-01T09:00")),
            ("Upcoming one", ("2098-01-01T09:00", "2099-01-01T09:00")),
        ] {
            let id = create(&s, &officer, &csrf, title, dates, "no").await;
            build_survey(&s, &officer, &csrf, &id).await;
            add_stage(&s, &officer, &csrf, &id).await;
            publish(&s, &officer, &csrf, &id, "consultation").await;
            let html = s.page(&format!("/consultations/{id}"), "").await.1;
            let text = words(&html);
            assert!(text.contains("Survey open"), "the stage is shown");
            assert!(!text.contains("Answer the survey"), "{title}: {text}");
            assert!(!html.contains(&format!("href=\"/consultations/{id}/respond\"")));
            let says = text.contains("Results are not published yet");
            assert_eq!(says, title == "Closed one", "{title}");
        }
        // The open one does.
        let (_, _, id) = published(&s, "no").await;
        let text = words(&s.page(&format!("/consultations/{id}"), "").await.1);
        assert!(text.contains("Answer the survey"));
        assert!(!text.contains("Results are not published yet"));
    }
}

/// A resident's response to a consultation withdrawn since stays in
/// "Your responses", marked withdrawn and saying why its links are gone.
#[tokio::test]
async fn a_withdrawn_consultation_stays_in_your_responses_marked() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let (tom, _) = super::after_responding::tom_responds(&s, &id).await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("what", "consultation"),
                    ("publish", "no"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        let (status, html) = s.page("/account", &tom).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Safer streets in Harbourside"), "{text}");
        assert!(text.contains("Withdrawn"), "{text}");
        assert!(
            text.contains("The council withdrew this consultation"),
            "{text}"
        );
        assert!(!html.contains(&format!("href=\"/consultations/{id}")));
        let arabic = words(&s.page("/account?lang=ar", &tom).await.1);
        assert!(arabic.contains("مسحوبة"), "{arabic}");
    }
}
